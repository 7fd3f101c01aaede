"""Every interface string of the site, in both interfaces, and the helpers that compose them.

Measure pages are written once and shown in both interfaces; everything the
build adds around the text (banners, headings, controls, index pages, the map,
the print view, wayfinding, navigation, the page footer) is translated here and
nowhere else, so a translator reads one file. Keys are grouped by where they
appear; `t()` fails loudly on a missing key, and a test checks that both
interfaces have the same keys.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..edition.page import Page
from ..edition.zh import roman, zh_cardinal, zh_numeral
from ..markup import HTML, html

LABELS: dict[str, dict[str, str]] = {
    "en": {
        # measure pages (scripts/site/measure.py) and everything that names a measure or part
        "measure": "Measure {n}",
        "preamble": "Preamble",
        "part": "Part {roman}",
        "source_status": "Source status",
        "status.unverified": "unverified working transcription",
        "status.verified": "verified against the official publication",
        "banner.unverified": (
            "The Chinese text on this page is a working transcription prepared by the editors of this "
            "edition, not the official publication. It has not yet been checked against the text "
            "published by the Supreme People's Procuratorate; wherever the two differ, the official "
            "publication prevails."
        ),
        "banner.verified": (
            "The Chinese text on this page has been checked paragraph by paragraph against the official "
            "publication: {reference}{checked}. The official publication still prevails."
        ),
        "banner.more": "How the text was made",
        "notes": "Notes on the transcription",
        "uncertain": "Passages of doubtful wording",
        "uncertain.flag": "Wording uncertain: {note}",
        "review.flag": "The Chinese source of this paragraph changed; the translation awaits review.",
        "reading_mode": "Reading mode",
        "view.parallel": "Side by side",
        "view.stacked": "Stacked",
        "view.zh": "Chinese only",
        "view.en": "English only",
        "para_link": "Link to paragraph {id}",
        "commentary": "Commentary",
        "commentary.other": "中文评注 · Chinese commentary",
        "commentary.other.hint": "The Chinese commentary, written for Chinese legal readers; it states the same facts as the English.",
        "note.link": "Margin number {n}: link to this paragraph of the commentary",
        "note.to.zh": "The same point in the Chinese commentary",
        "note.to.en": "The same point in the English commentary",
        "note.other.mark": "中",
        "related": "Related measures",
        "referred_by": "Referred to by",
        "none": "none",
        "contributors": "Contributors",
        "role.transcription": "transcription",
        "role.translation": "translation",
        "role.commentary": "commentary",
        "role.review": "review",
        "functions": "Procuratorial functions",
        "function.criminal": "Criminal",
        "function.civil": "Civil",
        "function.administrative": "Administrative",
        "function.public-interest": "Public interest litigation",
        "function.cross-cutting": "Cross-cutting",
        "stage.stub": (
            "This page is not yet written. It holds the measure's number, part and heading only; "
            "the Chinese text, the English translation and the commentary are still to come."
        ),
        "stage.stub.partial": (
            "This page is not yet finished: some paragraphs still lack a translation, and the "
            "commentary is still to come."
        ),
        "stage.draft": "This page is a draft: the text and translation are in place; the commentary is still being written.",
        "untranslated": "Translation not yet written.",
        "coverage.partial": (
            "This transcription is incomplete and partly reconstructed. The apparatus below shows which "
            "words a witness attests; the rest is the editors' reconstruction of what the witnesses "
            "report. A passage known to be missing is marked ［……］ in the Chinese and […] in the English."
        ),
        "coverage.heading": (
            "No witness gives the text of this measure. The line shown is its number and a heading "
            "from this edition's conjectural outline, not a transcription; the commentary discusses "
            "what is known of the subject."
        ),
        "coverage.none": (
            "The text has not been transcribed: no witness gives its wording. The commentary discusses "
            "what is known about it."
        ),
        "gap": "Passage not transcribed",
        "badge.heading": "no text",
        "badge.none": "text not transcribed",
        "badge.partial": "partial text",
        "badge.stub": "not yet written",
        "badge.draft": "draft",
        "preamble_short": "P",
        "colon": ": ",
        # the glossary page (scripts/site/glossary_page.py)
        "glossary.also": "Also accepted",
        "glossary.rejected": "Not used",
        "glossary.first": "First occurs",
        "glossary.occurs": "In the Chinese source",
        "glossary.commentary": "In the commentary",
        "glossary.none": "not in the transcribed text",
        "glossary.intro": (
            "Key terms of the Opinions, with the English this edition uses, renderings we accept and "
            "reject, and every paragraph where each term occurs. Ordered A–Z by the English. "
            "The Chinese interface lists the same terms in pinyin order."
        ),
        "glossary.count": "{n} terms.",
        # a term's card on a measure page (glossary_page.TermMarker; filled by edition.js)
        "card.entry": "Glossary entry",
        "card.close": "Close",
        # the index of laws (scripts/site/laws_page.py)
        "laws.intro": (
            "The statutes, regulations, treaties and policy documents that the commentary relies on, "
            "and the measures whose commentary invokes each. Article numbers are given only where "
            "the edition relies on them, as they stood when the Opinions were issued; check them "
            "against the versions now in force. Grouped by legal force, and by short name within each group."
        ),
        "laws.articles": "Articles relied on",
        "laws.measures": "Invoked by",
        "laws.none": "no measure yet",
        "law_kind.constitution": "Constitution",
        "law_kind.statute": "Statutes",
        "law_kind.administrative regulation": "Administrative regulations",
        "law_kind.judicial interpretation": "Judicial interpretations",
        "law_kind.treaty": "Treaties",
        "law_kind.policy document": "Policy documents",
        "article": "Art. {article}",
        # the index of functions (scripts/site/functions_page.py)
        "functions_page.intro": (
            "Which procuratorial functions each measure concerns, as recorded in the measures' front "
            "matter: the four major procuratorial functions (criminal, civil, administrative, public "
            "interest litigation) and cross-cutting work. Measures whose text is only partly "
            "transcribed are classified by what is known of them."
        ),
        "functions_page.matrix": "Measures and functions",
        "functions_page.heat": "Functions by part",
        "functions_page.measure": "Measure",
        "functions_page.total": "Measures",
        "functions_page.part": "Part",
        # the overview map on the landing page (scripts/site/overview.py)
        "map.title": "Overview map of the Opinions",
        "map.desc": (
            "The preamble and the 21 measures in their four parts. Each measure links to its page; "
            "the coloured band at its left shows its procuratorial functions (see the key below)."
        ),
        "map.key": "Key: procuratorial functions",
        "map.outline": (
            "Only part one and measure (1) are attested as headings. The numbers (2) to (21), the headings "
            "marked \u25cb or \u25d0 and which measures parts three and four hold follow this edition's "
            "conjectural outline; the figure under each measure is the share of its Chinese text that a "
            "reprint or a report quoting the document attests (\u2014: no witness gives the text)."
        ),
        "map.share": "Of the whole text, {pct} is attested.",
        # the whole-document print view (scripts/site/printview.py)
        "print.edition": "A bilingual annotated edition",
        "print.issued": "Issued by the {issuer} on {date}",
        "print.status": "Source status",
        "print.contents": "Contents",
        "print.appendix": "Appendix: Glossary",
        "print.witnesses": "Appendix: Witnesses",
        "print.stamp": "Edition of {date}, commit {commit}",
        "print.counts": (
            "{verified} of {total} texts verified against the official publication; the rest are "
            "working transcriptions, and the official publication prevails."
        ),
        "print.licence": (
            "Translation and commentary: CC BY 4.0. Chinese text: an official document of a state "
            "organ, not subject to copyright (PRC Copyright Law, Art. 5)."
        ),
        "print.state": (
            "The Chinese text is a working transcription, not the official publication: {pct} of it is "
            "attested by a reprint or a report quoting the document (grades A–B), the rest is the editors' "
            "reconstruction, and the official publication prevails."
        ),
        "print.version": "Version of {date} (commit {commit})",
        "print.pageref": " (p. {page})",
        "print.pageref.note": ", p. {page}",
        # breadcrumbs, all measures, previous/next (scripts/site/wayfinding.py)
        "way.home": "Opinions",
        "way.crumbs": "You are here",
        "way.pager": "Previous and next measure",
        "way.prev": "Previous",
        "way.next": "Next",
        # the navigation (scripts/site/nav.py)
        "nav.home": "Home",
        "nav.about": "About this edition",
        "nav.indexes": "Indexes",
        "nav.glossary": "Glossary",
        "nav.laws": "Laws and instruments",
        "nav.functions": "Procuratorial functions",
        "nav.witnesses": "Witnesses",
        "nav.downloads": "Downloads and data",
        "nav.print": "Whole document (print, PDF)",
        # the page footer (overrides/main.html, scripts/site/footer.py)
        "footer.changed": "Last changed",
        "footer.history": "history",
        "footer.edit": "Edit this page",
        "footer.suggest": "Suggest a correction",
        # the two status axes (scripts/site/status.py): one word per value, the same everywhere
        "st.heading.attested": "Heading: attested",
        "st.heading.reported": "Heading: reported",
        "st.heading.conjecture": "Heading: conjecture",
        "st.text.verified": "Text: verified against the official publication",
        "st.text.attested": "Text: {pct} attested",
        "st.text.reconstructed": "Text: reconstructed, none attested word for word",
        "st.text.none": "Text: none known",
        "st.details": "Details",
        "st.label": "Status of this page",
        "st.legend": "Key to the status marks",
        "st.legend.heading.attested": "heading attested: a witness shows it as a heading",
        "st.legend.heading.reported": "heading reported: a report names the measure so, but shows no heading",
        "st.legend.heading.conjecture": "heading conjectural: the editors' outline; no witness shows it",
        "st.legend.text": "share of the Chinese text that a reprint or a report quoting the document attests; the rest is the editors' reconstruction",
        "st.legend.none": "no witness gives the text",
        "display": "Display",
        "start.state": ("<strong>{pct} of the Chinese text is attested</strong> by witnesses; the rest is the "
                        "editors' reconstruction. The official text, not yet found, prevails."),
        "start.go": "Start reading",
        "start.best": " (the best-attested pages)",
        "start.marks": "How to read the marks",
        "start.whole": "The whole text on one page",
        "sep.dot": " · ",
        "display.label": "Reading mode and apparatus",
        # the critical apparatus (scripts/site/apparatus.py)
        "status.mark.conjecture": "[conjecture]",
        "status.mark.reported": "[reported]",
        "status.badge.conjecture": "conjecture",
        "status.badge.reported": "reported",
        "status.badge.title.conjecture": "No witness shows this heading or this number: both are this edition's conjecture.",
        "status.badge.title.reported": "A report names the measure so; no witness shows the heading as such. The number is this edition's conjecture.",
        "heading.attested": "Number and heading: attested ({sigla}).",
        "heading.reported": "Heading: reported by {sigla}, not shown as a heading; number: this edition's conjecture.",
        "heading.conjecture": "Number and heading: this edition's conjecture; no witness shows them.",
        "share": "Attested share: {pct} of this page's Chinese text is attested by a reprint or a report quoting the document (grades A–B).",
        "share.short": "{pct} attested",
        "legend.title": "Apparatus",
        "legend.a": "a reprint of the document",
        "legend.b": "quoted by a report",
        "legend.c": "paraphrase or English report (sense only)",
        "legend.rec": "the editors' reconstruction",
        "legend.gap": "not transcribed",
        "legend.sigla": "Sigla such as R1 or P1 link to the {register}.",
        "legend.register": "register of witnesses",
        "legend.toggle": "Show the apparatus",
        "grade.A": "grade A: a reprint of the document",
        "grade.B": "grade B: quoted by a report",
        "grade.C": "grade C: paraphrase or English report",
        "sig.title": "{siglum}: {publisher} ({grade})",
        "variant.title": "Variant readings",
        "variant.ref": "variant reading",
        "variant.choice": "The edition reads",
        "witnesses.intro": (
            "The public sources that attest the Opinions' wording, with what each covers and the "
            "strongest grade it can give. Measure pages mark each attested span of the Chinese text "
            "with the sigla of its witnesses; wording that no witness attests is the editors' "
            "reconstruction. No copy of the full official text has been found."
        ),
        "witnesses.kind": "Kind",
        "witnesses.grade": "Grade",
        "witnesses.date": "Date",
        "witnesses.undated": "undated",
        "witnesses.publisher": "Published by",
        "witnesses.address": "Address",
        "witnesses.covers": "Covers",
        "witnesses.cited": "Cited on",
        "witnesses.share": "Attested share of the whole text (grades A–B): {pct}.",
        "kind.reprint": "reprint of the document",
        "kind.quotation": "report quoting the document",
        "kind.paraphrase": "report paraphrasing the document",
        "kind.english-report": "English report",
        "kind.spoken": "remarks at the press conference (not the document)",
        "kind.echo": ("echo: a later text that reuses the document's wording without naming it "
                      "(it supports a reading but cannot prove it)"),
        # commentary as citable scholarship: citations, authorship, review and history
        # (scripts/site/citation.py, scripts/site/scholarship.py)
        "cite.title.preamble": "Commentary on the preamble",
        "cite.title.measure": "Commentary on {title}",
        "cite.title.quoted": "\u2018{title}\u2019",
        "cite.outline": "no. {n} in this edition\u2019s conjectural outline",
        "cite.written_in": "written in {language}",
        "cite.language.en": "English",
        "cite.language.zh": "Chinese",
        "cite.version": "version of {date}, commit {commit}",
        "cite.commit": "commit {commit}",
        "cite.n": "N {n}",
        "cite.accessed": "accessed {date}",
        "cite.and": " and ",
        "cite.etal": "et al",
        "review.status.draft": "draft",
        "review.status.reviewed": "reviewed",
        "review.status.revised after review": "revised after review",
        "review.status.title.draft": "Written by its authors and not yet reviewed by anyone else.",
        "review.status.title.reviewed": "Read and accepted as it stands by a reviewer who is not one of its authors.",
        "review.status.title.revised after review": "Revised by its authors to resolve the findings of a reviewer who is not one of them.",
        "byline.label": "Authorship and review of this commentary",
        "byline.status": "Status",
        "byline.authors": "Authors",
        "byline.reviewers": "Reviewers",
        "byline.unreviewed": "none yet",
        "byline.version": "Version",
        "byline.version.value": "{date}, commit {commit}",
        "byline.version.title": "The date and commit of the last substantive change to this commentary",
        "byline.person": "{name} ({date})",
        "citebox.title": "Cite this commentary",
        "citebox.legal": "English legal style",
        "citebox.gbt": "GB/T 7714",
        "citebox.export": "For reference managers, every commentary of the edition:",
        "citebox.n": "To cite one paragraph, use its margin number (N 1, N 2 \u2026): the controls beside it copy its link or a citation.",
        "history.title": "History of this commentary",
        "history.summary.one": "History: 1 substantive change, on {date}",
        "history.summary": "History: {n} substantive changes, the last on {date}",
        "history.none": "History: no change recorded",
        "history.note": "Each substantive change to this commentary, newest first, as its editors describe it; corrections of typing errors are not listed.",
        "note.mark": "N {n}",
        "note.withdrawn": "N {n} of this commentary was withdrawn on {date}.",
        "note.withdrawn.now": "N {n} of this commentary was withdrawn on {date}. Its point is now made at {now}.",
        "ntools.link": "Link",
        "ntools.link.label": "Copy the link to margin number {n}",
        "ntools.cite": "Cite",
        "ntools.cite.label": "Copy a citation of margin number {n}",
        "ntools.copy": "Copy",
        "ntools.copy.label": "Copy this citation",
        "ntools.done.link": "Link copied",
        "ntools.done.cite": "Citation copied",
        "print.cite": "Citation and status of the commentary",
        "print.cite.en": "English commentary",
        "print.cite.zh": "Chinese commentary",
        # punctuation the build puts between generated items: the Chinese interface uses
        # Chinese punctuation (the enumeration comma 、, full-width brackets and stops)
        "sep.list": ", ",
        "sep.items": "; ",
        "sep.stop": ". ",
        "paren": " ({text})",
        # the theme around the pages (scripts/build.py, overrides/): permalinks, colour toggles, footer
        "permalink": "Permanent link",
        "palette.to_light": "Switch to light mode",
        "palette.to_dark": "Switch to dark mode",
        "palette.to_system": "Switch to system preference",
        "footer.made_with": "Made with {link}",
        # the page for an address that does not exist (overrides/404.html)
        "404.title": "Page not found",
        "404.text": "There is no page at this address. It may have moved, or the address may be mistyped.",
        "404.home": "Go to the home page of the edition",
        "404.next": "{home}, or search it with the box at the top of the page.",
        # search results (scripts/site/search_index.py)
        "search.note": "{title} · N {n}",
    },
    "zh": {
        "measure": "（{zh}）",
        "preamble": "序言",
        "part": "第{zh}部分",
        "source_status": "原文状态",
        "status.unverified": "未核验的工作录入稿",
        "status.verified": "已与官方发布文本核对",
        "banner.unverified": (
            "本页中文为本版编者整理的工作录入稿，并非官方发布文本，尚未与最高人民检察院公开发布的文本逐段核对；"
            "二者如有出入，以官方发布文本为准。"
        ),
        "banner.verified": "本页中文已与官方发布文本逐段核对：{reference}{checked}。仍以官方发布文本为准。",
        "banner.more": "文本来源说明",
        "notes": "录入说明",
        "uncertain": "措辞存疑之处",
        "uncertain.flag": "措辞存疑：{note}",
        "review.flag": "本段中文原文已更改，译文有待复核。",
        "reading_mode": "阅读模式",
        "view.parallel": "中英并排",
        "view.stacked": "中英上下",
        "view.zh": "仅中文",
        "view.en": "仅英文",
        "para_link": "段落 {id} 的链接",
        "commentary": "评注",
        "commentary.other": "英文评注",
        "commentary.other.hint": "英文评注面向不谙中文的法律读者，所述事实与中文评注一致。",
        "note.link": "边码 {n}：本段评注的链接",
        "note.to.en": "英文评注中的对应段落",
        "note.to.zh": "中文评注中的对应段落",
        "note.other.mark": "英",
        "related": "相关条目",
        "referred_by": "被以下条目引用",
        "none": "无",
        "contributors": "贡献者",
        "role.transcription": "录入",
        "role.translation": "翻译",
        "role.commentary": "评注",
        "role.review": "审校",
        "functions": "检察职能",
        "function.criminal": "刑事检察",
        "function.civil": "民事检察",
        "function.administrative": "行政检察",
        "function.public-interest": "公益诉讼检察",
        "function.cross-cutting": "综合性工作",
        "stage.stub": "本页尚未完成：目前仅有条目序号、所属部分和标题，中文原文、英文译文和评注有待补充。",
        "stage.stub.partial": "本页尚未完成：部分段落尚无译文，评注有待补充。",
        "stage.draft": "本页为草稿：原文和译文已齐备，评注仍在撰写中。",
        "untranslated": "译文尚未完成。",
        "coverage.partial": "本页录入不完整，且部分为重构：下方的校勘标记显示哪些文字有见证文献佐证，其余为编者根据报道内容所作的重构；已知位置的缺漏，中文以［……］、英文以[…]标出。",
        "coverage.heading": "没有见证文献载有本条正文。所示一行是本条的序号和本版推测大纲中的标题，并非录文；评注讨论有关该主题的已知情况。",
        "coverage.none": "正文尚未录入：没有见证文献载有其措辞。评注讨论已知情况。",
        "gap": "未录入的文字",
        "badge.heading": "无正文",
        "badge.none": "正文未录入",
        "badge.partial": "部分文本",
        "badge.stub": "尚未完成",
        "badge.draft": "草稿",
        "preamble_short": "序",
        "colon": "：",
        "glossary.also": "亦可接受",
        "glossary.rejected": "不采用",
        "glossary.first": "首次出现",
        "glossary.occurs": "中文原文中",
        "glossary.commentary": "评注中",
        "glossary.none": "未见于已录入文本",
        "glossary.intro": (
            "《意见》关键术语：本版采用的英文译法、可接受和不采用的译法，以及每个术语出现的全部段落。"
            "按拼音排序；英文界面按英文字母排序。"
        ),
        "glossary.count": "共 {n} 条。",
        "card.entry": "查看术语表词条",
        "card.close": "关闭",
        "laws.intro": (
            "评注所依据的法律、法规、国际条约和政策文件，以及援引各项文件的条目。条文序号仅在本版依据时列出，"
            "以《意见》发布时的版本为准，使用时请核对现行文本。按效力层级分类，同类文件按简称的拼音排序。"
        ),
        "laws.articles": "所依据的条文",
        "laws.measures": "援引条目",
        "laws.none": "暂无",
        "law_kind.constitution": "宪法",
        "law_kind.statute": "法律",
        "law_kind.administrative regulation": "行政法规",
        "law_kind.judicial interpretation": "司法解释",
        "law_kind.treaty": "国际条约",
        "law_kind.policy document": "政策文件",
        "article": "第{article}条{sub}",
        "functions_page.intro": (
            "根据各条元数据所记录的检察职能：刑事、民事、行政、公益诉讼“四大检察”以及综合性工作。"
            "仅部分录入的条目按已知内容归类。"
        ),
        "functions_page.matrix": "条目与职能",
        "functions_page.heat": "各部分的职能分布",
        "functions_page.measure": "条目",
        "functions_page.total": "条目数",
        "functions_page.part": "部分",
        "map.title": "《意见》结构图",
        "map.desc": "序言及分属四个部分的二十一条措施。每一条均链接至其页面；左侧色带表示所涉检察职能（见下方图例）。",
        "map.key": "图例：检察职能",
        "map.outline": (
            "只有第一部分和（一）的标题有文献佐证。（二）至（二十一）的序号、标有○或◐的标题以及第三、四部分所含条目，"
            "均依本版推测的大纲编排；各条下方的百分比表示该条中文文本中由《意见》转载本或引述原文的报道佐证的比例"
            "（—：没有见证文献载有正文）。"
        ),
        "map.share": "全文佐证比例为 {pct}。",
        "print.edition": "中英对照注释版",
        "print.issued": "{issuer}发布，{date}",
        "print.status": "原文状态",
        "print.contents": "目录",
        "print.appendix": "附录：术语表",
        "print.witnesses": "附录：见证文献",
        "print.stamp": "版本日期 {date}，提交 {commit}",
        "print.counts": "共 {total} 份文本，其中 {verified} 份已与官方发布文本核对；其余均为工作录入稿，以官方发布文本为准。",
        "print.licence": "译文和评注：CC BY 4.0。中文文本系国家机关的官方文件，依《著作权法》第五条不适用该法保护。",
        "print.state": "中文为工作录入稿，并非官方发布文本：其中 {pct} 由《意见》的转载本或引述原文的报道佐证（A、B 级），其余为编者的重构，以官方发布文本为准。",
        "print.version": "版本日期 {date}（提交 {commit}）",
        "print.pageref": "（第 {page} 页）",
        "print.pageref.note": "，第 {page} 页",
        "way.home": "意见全文",
        "way.crumbs": "当前位置",
        "way.pager": "上一条与下一条",
        "way.prev": "上一条",
        "way.next": "下一条",
        "nav.home": "首页",
        "nav.about": "关于本版",
        "nav.indexes": "索引",
        "nav.glossary": "术语表",
        "nav.laws": "法律文件索引",
        "nav.functions": "检察职能索引",
        "nav.witnesses": "见证文献",
        "nav.downloads": "下载与数据",
        "nav.print": "全文（打印、PDF）",
        "footer.changed": "最后修改",
        "footer.history": "修改记录",
        "footer.edit": "编辑本页",
        "footer.suggest": "提出更正",
        "st.heading.attested": "标题：有佐证",
        "st.heading.reported": "标题：据报道",
        "st.heading.conjecture": "标题：推测",
        "st.text.verified": "正文：已与官方发布文本核对",
        "st.text.attested": "正文：佐证 {pct}",
        "st.text.reconstructed": "正文：重构，无逐字佐证",
        "st.text.none": "正文：未见",
        "st.details": "详情",
        "st.label": "本页状态",
        "st.legend": "状态标记说明",
        "st.legend.heading.attested": "标题有佐证：有见证文献显示该标题",
        "st.legend.heading.reported": "标题据报道：有报道以此称呼该条，但未见其作为标题出现",
        "st.legend.heading.conjecture": "标题系推测：出自本版推测的大纲，没有见证文献显示",
        "st.legend.text": "中文正文中由《意见》转载本或引述原文的报道佐证的比例；其余为编者的重构",
        "st.legend.none": "没有见证文献载有正文",
        "display": "显示",
        "start.state": ("<strong>中文正文有 {pct} 有见证文献佐证</strong>，其余为编者的重构。"
                        "迄今未见官方文本全文，一律以官方发布文本为准。"),
        "start.go": "从这里读起",
        "start.best": "（佐证最充分的几页）",
        "start.marks": "如何阅读各种标记",
        "start.whole": "全文视图",
        "sep.dot": " · ",
        "display.label": "阅读模式与校勘标记",
        # the critical apparatus (scripts/site/apparatus.py)
        "status.mark.conjecture": "〔推测〕",
        "status.mark.reported": "〔据报道〕",
        "status.badge.conjecture": "推测",
        "status.badge.reported": "据报道",
        "status.badge.title.conjecture": "没有任何见证文献显示本条的序号和标题：二者均为本版的推测。",
        "status.badge.title.reported": "有报道以此称呼本条，但没有见证文献显示这一标题本身；序号为本版的推测。",
        "heading.attested": "序号与标题：有文献佐证（{sigla}）。",
        "heading.reported": "标题：据 {sigla} 的报道，未见其作为标题出现；序号：本版推测。",
        "heading.conjecture": "序号与标题：本版推测，没有见证文献显示。",
        "share": "佐证比例：本页中文有 {pct} 由《意见》的转载本或引述原文的报道佐证（A、B 级）。",
        "share.short": "佐证 {pct}",
        "legend.title": "校勘标记",
        "legend.a": "《意见》转载本",
        "legend.b": "报道引述原文",
        "legend.c": "报道转述或英文报道（仅有其意）",
        "legend.rec": "编者的重构",
        "legend.gap": "未录入",
        "legend.sigla": "R1、P1 等代号链接至{register}。",
        "legend.register": "见证文献目录",
        "legend.toggle": "显示校勘标记",
        "grade.A": "A 级：《意见》转载本",
        "grade.B": "B 级：报道引述原文",
        "grade.C": "C 级：报道转述或英文报道",
        "sig.title": "{siglum}：{publisher}（{grade}）",
        "variant.title": "异文",
        "variant.ref": "异文",
        "variant.choice": "本版取",
        "witnesses.intro": (
            "佐证《意见》措辞的公开文献，及其所涵盖的内容和所能提供的最高等级。条目页面在中文文本中为每一处有文献佐证的文字"
            "标出其见证文献代号；没有见证文献佐证的措辞为编者的重构。迄今未见完整的官方文本。"
        ),
        "witnesses.kind": "类型",
        "witnesses.grade": "等级",
        "witnesses.date": "日期",
        "witnesses.undated": "未载日期",
        "witnesses.publisher": "发布者",
        "witnesses.address": "网址",
        "witnesses.covers": "涵盖内容",
        "witnesses.cited": "引用于",
        "witnesses.share": "全文佐证比例（A、B 级）：{pct}。",
        "kind.reprint": "《意见》转载本",
        "kind.quotation": "引述原文的报道",
        "kind.paraphrase": "转述《意见》的报道",
        "kind.english-report": "英文报道",
        "kind.spoken": "新闻发布会上的讲话（并非《意见》文本）",
        "kind.echo": "化用文本：沿用《意见》措辞而未提及《意见》的后出文本（可佐证某一读法，但不能证实）",
        "cite.title.preamble": "序言评注",
        "cite.title.measure": "{title}评注",
        "cite.title.quoted": "“{title}”",
        "cite.outline": "本版推测序号为{n}",
        "cite.written_in": "以{language}撰写",
        "cite.language.en": "英文",
        "cite.language.zh": "中文",
        "cite.version": "版本日期 {date}，提交 {commit}",
        "cite.commit": "提交 {commit}",
        "cite.n": "边码{n}",
        "cite.accessed": "访问于 {date}",
        "cite.and": "、",
        "cite.etal": "等",
        "review.status.draft": "草稿",
        "review.status.reviewed": "已审阅",
        "review.status.revised after review": "审阅后修订",
        "review.status.title.draft": "由作者撰写，尚未经作者以外的任何人审阅。",
        "review.status.title.reviewed": "经作者以外的审阅者审阅，按现有文本认可。",
        "review.status.title.revised after review": "作者已根据作者以外的审阅者的意见作了修订。",
        "byline.label": "本评注的作者与审阅",
        "byline.status": "状态",
        "byline.authors": "作者",
        "byline.reviewers": "审阅者",
        "byline.unreviewed": "尚无",
        "byline.version": "版本",
        "byline.version.value": "{date}，提交 {commit}",
        "byline.version.title": "本评注最近一次实质性修改的日期和提交",
        "byline.person": "{name}（{date}）",
        "citebox.title": "引用本评注",
        "citebox.legal": "英文法律引注格式",
        "citebox.gbt": "GB/T 7714",
        "citebox.export": "供文献管理软件使用（本版全部评注）：",
        "citebox.n": "引用某一段时，请注明其边码（边码1、边码2……）：边码旁的按钮可复制该段的链接或引用格式。",
        "history.title": "本评注的修改记录",
        "history.summary.one": "修改记录：1 次实质性修改，{date}",
        "history.summary": "修改记录：{n} 次实质性修改，最近一次为{date}",
        "history.none": "修改记录：尚无记录",
        "history.note": "本评注每一次实质性修改的说明，由编者撰写，按时间由近及远排列；更正错字不列出。",
        "note.mark": "边码 {n}",
        "note.withdrawn": "本评注边码 {n} 已于{date}撤销。",
        "note.withdrawn.now": "本评注边码 {n} 已于{date}撤销，其内容现见{now}。",
        "ntools.link": "链接",
        "ntools.link.label": "复制边码 {n} 的链接",
        "ntools.cite": "引用",
        "ntools.cite.label": "复制边码 {n} 的引用格式",
        "ntools.copy": "复制",
        "ntools.copy.label": "复制此引用格式",
        "ntools.done.link": "已复制链接",
        "ntools.done.cite": "已复制引用格式",
        "print.cite": "评注的引用格式与状态",
        "print.cite.en": "英文评注",
        "print.cite.zh": "中文评注",
        "sep.list": "、",
        "sep.items": "；",
        "sep.stop": "。",
        "paren": "（{text}）",
        "permalink": "永久链接",
        "palette.to_light": "切换到浅色模式",
        "palette.to_dark": "切换到深色模式",
        "palette.to_system": "跟随系统设置",
        "footer.made_with": "本站使用 {link} 构建",
        "404.title": "页面不存在",
        "404.text": "此网址没有对应的页面：页面可能已经移动，或者网址有误。",
        "404.home": "返回本版首页",
        "404.next": "{home}，或使用页面顶部的搜索框查找。",
        "search.note": "{title} · N {n}",
    },
}



def t(lang: str, key: str, **kwargs: object) -> str:
    """Look up an interface string; missing keys fail loudly in tests. It is text: escaped where
    it is put into HTML."""
    return LABELS[lang][key].format(**kwargs)


def t_html(lang: str, key: str, **kwargs: object) -> HTML:
    """An interface string whose fields are filled with markup (a link, an emphasised name): the
    string itself is the edition's own and kept as written, each field escaped unless it is HTML."""
    return html(LABELS[lang][key], **kwargs)


# The edition's own group names, as each interface writes them (a person's name is never translated).
PEOPLE = {"zh": {"Founding editors": "本版创始编者", "Independent fact audit": "独立事实核查"}}


def person(lang: str, name: str) -> str:
    """A contributor's name as the interface writes it: the edition's group names in Chinese in
    the Chinese interface, everyone else's as given."""
    return PEOPLE.get(lang, {}).get(name, name)


def measure_label(lang: str, number: int) -> str:
    """'Measure 8' / '（八）'; 'Preamble' / '序言' for 0."""
    if number == 0:
        return t(lang, "preamble")
    return t(lang, "measure", n=number, zh=zh_numeral(number))


def part_label(lang: str, number: int) -> str:
    """'Part II' / '第二部分'."""
    return t(lang, "part", roman=roman(number), zh=zh_numeral(number))


# How a part is named beside its label, by place: (separator per interface, which title).
# They differ on purpose: a colon in running text, a full stop or an ideographic space in
# headings, a middle dot in the navigation and the map, and the short title where space is short.
PART_STYLES: dict[str, tuple[dict[str, str], str]] = {
    "page": ({"en": ": ", "zh": "："}, "title"),      # the part line of a measure page
    "heading": ({"en": ". ", "zh": "　"}, "title"),   # landing contents, print view
    "crumb": ({"en": ": ", "zh": "　"}, "short"),     # breadcrumbs, all-measures list
    "nav": ({"en": " · ", "zh": "　"}, "short"),      # navigation, overview map
}


def part_heading(lang: str, part: dict[str, Any], style: str, marked: bool = True) -> str:
    """'Part II: Keeping case-handling at the centre ... [reported]' and its variants (PART_STYLES).

    A title that no witness shows in Chinese carries its status, as measure titles do, unless
    `marked` is false (where a status mark stands beside it instead: the navigation)."""
    separators, field = PART_STYLES[style]
    names = part[field]
    text = f"{part_label(lang, part['number'])}{separators[lang]}{names[lang] if lang in names else names['en']}"
    status = part.get("title_status")
    if marked and status in ("conjecture", "reported"):
        text += ("" if lang == "zh" else " ") + t(lang, "status.mark." + status)
    return text


def full_title(lang: str, page: Page) -> str:
    """'Measure 8: Strengthening the protection of trade secrets [reported]' / '（十二）……〔推测〕'.

    A heading that no witness shows says so wherever the title appears (page title,
    navigation, breadcrumbs, lists, print view, citations): the mark is part of the title.
    """
    plain = bare_title(lang, page)
    status = page.heading_status
    if status in ("conjecture", "reported"):
        return f"{plain}{'' if lang == 'zh' else ' '}{t(lang, 'status.mark.' + status)}"
    return plain


def bare_title(lang: str, page: Page) -> str:
    """The title without its status mark (where the mark is shown beside it, as a badge)."""
    label = measure_label(lang, page.number)
    if page.is_preamble:
        return label
    title = page.title["zh"] if lang == "zh" else page.title["en"]
    return f"{label}{title}" if lang == "zh" else f"{label}: {title}"


def article_label(article: str, lang: str) -> str:
    """'219-1' -> 'Art. 219-1' / '第二百一十九条之一' (article numbers in Chinese form)."""
    if lang != "zh":
        return t(lang, "article", article=article)
    base, _, sub = article.partition("-")
    return t(lang, "article", article=zh_cardinal(int(base)) if base.isdigit() else base,
             sub=f"之{'一二三四五六七八九'[int(sub) - 1]}" if sub.isdigit() and 0 < int(sub) < 10 else "")


def en_date(iso: str) -> str:
    """'2022-03-01' -> '1 March 2022'."""
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def zh_date(iso: str) -> str:
    """'2022-03-01' -> '2022年3月1日'."""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def document_date(lang: str, iso: str) -> str:
    return zh_date(iso) if lang == "zh" else en_date(iso)


# The concordance after the import of the official text (scripts/site/concordance_page.py), the
# kept pages of former measures, review flags on commentary notes, and the official witness.
LABELS["en"].update({
    "nav.concordance": "Concordance of numbers",
    "conc.sep": " and ",
    "conc.empty": "The official text has not been imported: the numbering is this edition's own.",
    "conc.intro": ("When the official text was imported ({date}; {reference}), the numbers, pages and paragraph "
                   "ids of this edition came to follow it. The table gives, for each official measure, the "
                   "measure of this edition whose subject it continues, and every id whose address changed. "
                   "Citations made before then are sent on to the text they cited."),
    "conc.col.official": "Official text",
    "conc.col.edition": "This edition before the import",
    "conc.col.shape": "Change",
    "conc.col.ids": "Ids (before → now)",
    "conc.former": "former measure {n}",
    "conc.kept": "former measure {n}, kept outside the numbered sequence",
    "conc.confidence": "(pairing confidence {c})",
    "conc.shape.same": "same number",
    "conc.shape.moved": "renumbered",
    "conc.shape.merged": "two measures joined",
    "conc.shape.split": "split from a measure",
    "conc.shape.new": "new: not in this edition before",
    "conc.shape.unplaced": "no counterpart in the official text",
    "conc.notice.title": "Renumbered when the official text was imported ({date})",
    "conc.notice.was": "This measure continues the subject of this edition's {olds}.",
    "conc.notice.split": "This measure was part of this edition's former measure {old}; the commentary stays with the measure that continues it.",
    "conc.notice.new": "This edition had no measure on this subject before the official text was imported: the page gives the Chinese text; the translation and commentary are still to come.",
    "conc.notice.left": ("Before the import, this address held this edition's measure {old}, on a different "
                         "subject; that text and its commentary are now at {where}."),
    "conc.more": "Concordance of numbers",
    "conc.offer.title": "This address held different text before the official text was imported",
    "conc.offer": "You followed a link to {id} of this page as it was numbered before {date}. The text that link cited is now at {target}.",
    "conc.go": "Go to the text cited",
    "conc.former.title": "Not in the official text",
    "conc.former.body": ("This was measure {n} of this edition's conjectural outline. The official text, imported "
                         "on {date}, has no measure on its subject, so it is kept here, outside the numbered "
                         "sequence, with its translation and commentary, for the editors to reuse or retire."),
    "conc.former.heading": "Former measure {n}: {title}",
    "review.note": "The import of the official text asks an editor to review this note.",
    "kind.official": "the official publication",
})
LABELS["zh"].update({
    "nav.concordance": "序号对照表",
    "conc.sep": "和",
    "conc.empty": "尚未导入官方文本：本版序号为编者自拟。",
    "conc.intro": ("导入官方文本（{date}；{reference}）后，本版的序号、页面和段落编号均改从官方文本。"
                   "下表列出每一条官方条目所承接的本版原条目，以及地址有变动的全部编号。此前所作的引用会被引导至其所引文字。"),
    "conc.col.official": "官方文本",
    "conc.col.edition": "导入前的本版",
    "conc.col.shape": "变动",
    "conc.col.ids": "编号（原→现）",
    "conc.former": "原第{n}条",
    "conc.kept": "原第{n}条（保留于序号之外）",
    "conc.confidence": "（对应可信度{c}）",
    "conc.shape.same": "序号未变",
    "conc.shape.moved": "序号变动",
    "conc.shape.merged": "两条合并",
    "conc.shape.split": "由一条拆分",
    "conc.shape.new": "新增：本版此前没有",
    "conc.shape.unplaced": "官方文本中没有对应条目",
    "conc.notice.title": "导入官方文本时重新编号（{date}）",
    "conc.notice.was": "本条承接本版{olds}的内容。",
    "conc.notice.split": "本条原属本版原第{old}条；评注保留在承接该条的条目中。",
    "conc.notice.new": "导入官方文本之前，本版没有这一内容的条目：本页载有中文原文，译文和评注尚待撰写。",
    "conc.notice.left": "导入之前，这一地址载有本版原第{old}条，内容与本条不同；该条文字及其评注现见{where}。",
    "conc.more": "序号对照表",
    "conc.offer.title": "导入官方文本之前，这一地址载有不同的文字",
    "conc.offer": "您所点击的链接指向本页在{date}之前编号下的{id}。该链接所引文字现见{target}。",
    "conc.go": "前往所引文字",
    "conc.former.title": "官方文本中没有此条",
    "conc.former.body": ("此为本版推测大纲中的原第{n}条。{date}导入的官方文本中没有这一内容的条目，"
                         "因此本条连同译文和评注保留于此，置于序号之外，供编者取用或撤销。"),
    "conc.former.heading": "原第{n}条：{title}",
    "review.note": "导入官方文本后，本段评注有待编者复核。",
    "kind.official": "官方发布文本",
})


# Punctuation between generated items, per interface: the Chinese interface speaks Chinese
# with Chinese punctuation (、 between items, full-width brackets and colon).

def join(lang: str, items: list[str]) -> str:
    """'a, b, c' / 'a、b、c'."""
    return t(lang, "sep.list").join(items)


def paren(lang: str, text: str) -> str:
    """' (text)' / '（text）'."""
    return t(lang, "paren", text=text)


def md_label(lang: str, key: str) -> str:
    """A bold Markdown label and its colon, before a value: '**Invoked by:** ' / '**援引条目：**'."""
    colon = t(lang, "colon")
    mark = colon.rstrip()
    return f"**{t(lang, key)}{mark}**{colon[len(mark):]}"


def html_label(lang: str, key: str) -> HTML:
    """The same in HTML: '<strong>Source status:</strong> ' / '<strong>原文状态：</strong>'."""
    colon = t(lang, "colon")
    mark = colon.rstrip()
    return html("<strong>{}{}</strong>{}", t(lang, key), HTML(mark), HTML(colon[len(mark):]))
