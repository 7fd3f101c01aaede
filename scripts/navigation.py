"""The site navigation, generated per interface from the document data.

Part and measure titles live once (data/document.yml, page front matter);
the nav in each interface is built from them, in that interface's language.
"""
from __future__ import annotations

from typing import Any

from .edition.corpus import Corpus, src_uri
from .labels import part_label
from .render import full_title

PAGES_BEFORE = [("index.md", {"en": "Home", "zh": "首页"}),
                ("about.md", {"en": "About this edition", "zh": "关于本版"})]
INDEXES = ({"en": "Indexes", "zh": "索引"},
           [("glossary.md", {"en": "Glossary", "zh": "术语表"}),
            ("laws.md", {"en": "Laws and instruments", "zh": "法律文件索引"}),
            ("functions.md", {"en": "Procuratorial functions", "zh": "检察职能索引"})])
PAGES_AFTER: list[tuple[str, dict[str, str]]] = [
    ("downloads.md", {"en": "Downloads and data", "zh": "下载与数据"}),
    ("print.md", {"en": "Whole document (print, PDF)", "zh": "全文（打印、PDF）"}),
]


def build_nav(corpus: Corpus, lang: str) -> list[dict[str, Any]]:
    nav: list[dict[str, Any]] = [{title[lang]: uri} for uri, title in PAGES_BEFORE]
    if corpus.preamble is not None:
        nav.append({full_title(lang, corpus.preamble): src_uri(0)})
    for part in corpus.document["parts"]:
        label = part_label(lang, part["number"])
        sep = "　" if lang == "zh" else " · "
        section = f"{label}{sep}{part['short'][lang]}"
        items = [{full_title(lang, m): src_uri(m.number)}
                 for m in corpus.measures() if m.meta["part"] == part["number"]]
        nav.append({section: items})
    section, pages = INDEXES
    nav.append({section[lang]: [{title[lang]: uri} for uri, title in pages]})
    nav += [{title[lang]: uri} for uri, title in PAGES_AFTER]
    return nav
