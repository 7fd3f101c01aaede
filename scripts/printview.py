"""The whole edition on one page, for printing and for `make pdf`.

Cover (title in both languages, issuer and date, source status, edition date
and commit), contents, preamble, the four parts with every measure, and the
glossary as an appendix, in the interface's language. Measures are rendered
by the same code as their own pages (scripts/render.py), with links and
anchors kept inside this one page.
"""
from __future__ import annotations

import os
import subprocess
from html import escape
from pathlib import Path

from .edition import Edition
from .labels import part_label
from .render import Context, render_contents, render_page, view_control
from .site.glossary_page import mark_terms, render_glossary_page

CTX = Context(heading_level=2, about_source="", view_control=False, print_view=True)

LABELS = {
    "en": {"edition": "A bilingual annotated edition", "issued": "Issued by the {issuer} on {date}",
           "status": "Source status", "contents": "Contents", "appendix": "Appendix: Glossary",
           "stamp": "Edition of {date}, commit {commit}", "pdf": "PDF of this view",
           "counts": "{verified} of {total} texts verified against the official publication; the rest are "
                     "working transcriptions, and the official publication prevails.",
           "licence": "Translation and commentary: CC BY 4.0. Chinese text: an official document of a state "
                      "organ, not subject to copyright (PRC Copyright Law, Art. 5)."},
    "zh": {"edition": "中英对照注释版", "issued": "{issuer}发布，{date}",
           "status": "原文状态", "contents": "目录", "appendix": "附录：术语表",
           "stamp": "版本日期 {date}，提交 {commit}", "pdf": "本视图的 PDF",
           "counts": "共 {total} 份文本，其中 {verified} 份已与官方发布文本核对；其余均为工作录入稿，以官方发布文本为准。",
           "licence": "译文和评注：CC BY 4.0。中文文本系国家机关的官方文件，依《著作权法》第五条不适用该法保护。"},
}


def edition_stamp(root: Path) -> dict[str, str]:
    """Date and commit of the checkout: the only dates the print view carries.

    EDITION_DATE / EDITION_COMMIT override them; outside git, or in a clone
    without history, whatever git cannot tell is 'unknown'.
    """
    stamp = {"date": os.environ.get("EDITION_DATE", ""), "commit": os.environ.get("EDITION_COMMIT", "")}
    if not (stamp["date"] and stamp["commit"]):
        try:
            out = subprocess.run(["git", "log", "-1", "--format=%cs %h"], cwd=root, capture_output=True,
                                 text=True, timeout=10)
            date, _, commit = out.stdout.strip().partition(" ")
        except (OSError, subprocess.SubprocessError):
            date = commit = ""
        stamp["date"] = stamp["date"] or date or "unknown"
        stamp["commit"] = stamp["commit"] or commit or "unknown"
    return stamp


def _zh_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def render_print_page(edition: Edition, lang: str, stamp: dict[str, str]) -> str:
    corpus = edition.corpus
    doc = corpus.document
    lab = LABELS[lang]
    date = _zh_date(doc["date"]) if lang == "zh" else "1 March 2022" if doc["date"] == "2022-03-01" else doc["date"]
    pages = corpus.ordered()
    verified = sum(1 for p in pages if p.source["status"] == "verified")
    cover = "\n".join([
        '<div class="oe-cover">',
        f'<p class="oe-cover-zh" lang="zh-Hans">{escape(doc["title"]["zh"])}</p>',
        f'<p class="oe-cover-en" lang="en">{escape(doc["title"]["en"])}</p>',
        f'<p class="oe-cover-sub">{escape(lab["edition"])}</p>',
        f'<p class="oe-cover-issued">{escape(lab["issued"].format(issuer=doc["issuer"][lang], date=date))}</p>',
        f'<p class="oe-cover-status"><strong>{escape(lab["status"])}:</strong> '
        f'{escape(lab["counts"].format(verified=verified, total=len(pages)))}</p>',
        f'<p class="oe-cover-stamp">{escape(lab["stamp"].format(**stamp))}</p>',
        f'<p class="oe-cover-licence">{escape(lab["licence"])}</p>',
        "</div>",
    ])
    out = [cover, view_control(lang),
           f"# {lab['contents']} {{#contents}}", render_contents(corpus, lang, ctx=CTX)]
    if corpus.preamble is not None:
        out.append(render_page(corpus, corpus.preamble, lang, _markup(edition), Context(
            heading_level=1, about_source="", view_control=False, print_view=True)))
    for part in doc["parts"]:
        other = "en" if lang == "zh" else "zh"
        sep = "　" if lang == "zh" else ". "
        out.append(f"# {part_label(lang, part['number'])}{sep}{part['title'][lang]} {{#part-{part['number']} .oe-part-title}}")
        out.append(f'<p class="oe-alt-title" lang="{"en" if other == "en" else "zh-Hans"}">'
                   f'{escape(part_label(other, part["number"]))}{"　" if other == "zh" else ". "}'
                   f'{escape(part["title"][other])}</p>')
        for page in corpus.measures():
            if page.meta["part"] == part["number"]:
                out.append(render_page(corpus, page, lang, _markup(edition), CTX))
    if edition.glossary is not None:
        out.append(f"# {lab['appendix']} {{#appendix-glossary}}")
        out.append(render_glossary_page(corpus, edition.glossary, lang, in_document=True))
    body = "\n\n".join(out)
    return f'<div class="oe-text oe-print" markdown="1">\n\n{body}\n\n</div>\n'


def _markup(edition: Edition):
    glossary = edition.glossary
    if glossary is None:
        return None
    return lambda text, para: mark_terms(glossary, text, "")
