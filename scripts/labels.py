"""Interface strings for the generated parts of pages, in both interfaces.

Measure pages are written once and shown in both interfaces; everything the
build adds around the text (banners, headings, controls) is translated here.
"""
from __future__ import annotations

from .edition.zh import roman, zh_numeral

LABELS: dict[str, dict[str, str]] = {
    "en": {
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
        "commentary.note": "",
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
            "This transcription is incomplete. It gives only the passages that the editors could "
            "transcribe with some confidence; where the place of an omission is known it is marked "
            "［……］ in the Chinese and […] in the English."
        ),
        "coverage.heading": (
            "Only the number and heading of this measure have been transcribed; the text of the "
            "measure is not yet in this edition. The commentary discusses the heading and its context."
        ),
        "coverage.none": (
            "The text has not been transcribed: no source for its wording is available to the editors. "
            "The commentary discusses what is known about it."
        ),
        "gap": "Passage not transcribed",
        "badge.heading": "heading only",
        "badge.none": "text not transcribed",
        "badge.partial": "partial text",
        "badge.stub": "not yet written",
        "badge.draft": "draft",
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
        "commentary.note": "评注目前仅有英文版本。",
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
        "coverage.partial": "本页录入不完整：仅收录编者有一定把握的段落；已知位置的缺漏，中文以［……］、英文以[…]标出。",
        "coverage.heading": "本条仅录入序号和标题，正文尚未收入本版。评注讨论标题及其背景。",
        "coverage.none": "正文尚未录入：编者无法获得其措辞的任何来源。评注讨论已知情况。",
        "gap": "未录入的文字",
        "badge.heading": "仅有标题",
        "badge.none": "正文未录入",
        "badge.partial": "部分文本",
        "badge.stub": "尚未完成",
        "badge.draft": "草稿",
    },
}


def t(lang: str, key: str, **kwargs: object) -> str:
    """Look up an interface string; missing keys fail loudly in tests."""
    return LABELS[lang][key].format(**kwargs)


def measure_label(lang: str, number: int) -> str:
    """'Measure 8' / '（八）'; 'Preamble' / '序言' for 0."""
    if number == 0:
        return t(lang, "preamble")
    return t(lang, "measure", n=number, zh=zh_numeral(number))


def part_label(lang: str, number: int) -> str:
    return t(lang, "part", roman=roman(number), zh=zh_numeral(number))
