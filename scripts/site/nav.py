"""The site navigation, generated per interface from the document data.

Part and measure titles live once (data/document.yml, page front matter);
the nav in each interface is built from them, in that interface's language.
"""
from __future__ import annotations

from typing import Any

from ..edition.corpus import Corpus
from ..edition.paths import src_uri
from .i18n import full_title, part_heading, t

# Hand-written pages around the measures: (file, key of its title in scripts/site/i18n.py).
PAGES_BEFORE = [("index.md", "nav.home"), ("about.md", "nav.about")]
INDEXES = ("nav.indexes", [("glossary.md", "nav.glossary"), ("laws.md", "nav.laws"),
                           ("functions.md", "nav.functions"), ("witnesses.md", "nav.witnesses")])
PAGES_AFTER = [("downloads.md", "nav.downloads"), ("print.md", "nav.print")]


def build_nav(corpus: Corpus, lang: str, concordance: bool = False) -> list[dict[str, Any]]:
    """`concordance`: the official text has renumbered the edition, and the concordance page shows it."""
    nav: list[dict[str, Any]] = [{t(lang, key): uri} for uri, key in PAGES_BEFORE]
    if corpus.preamble is not None:
        nav.append({full_title(lang, corpus.preamble): src_uri(0)})
    for part in corpus.document["parts"]:
        items = [{full_title(lang, m): src_uri(m.number)}
                 for m in corpus.measures() if m.meta["part"] == part["number"]]
        nav.append({part_heading(lang, part, "nav"): items})
    section, pages = INDEXES
    indexes = [{t(lang, key): uri} for uri, key in pages]
    if concordance:
        indexes.append({t(lang, "nav.concordance"): "concordance.md"})
    nav.append({t(lang, section): indexes})
    nav += [{t(lang, key): uri} for uri, key in PAGES_AFTER]
    return nav
