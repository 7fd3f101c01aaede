"""The site navigation, generated per interface from the document data.

Part and measure titles live once (data/document.yml, page front matter);
the nav in each interface is built from them, in that interface's language.
"""
from __future__ import annotations

from typing import Any

from ..edition import Edition
from ..edition.corpus import Corpus
from ..edition.paths import slug, src_uri
from ..edition.status import Status
from ..markup import HTML
from .i18n import bare_title, part_heading, t
from .status import heading_mark

# Hand-written pages around the measures: (file, key of its title in scripts/site/i18n.py).
PAGES_BEFORE = [("index.md", "nav.home"), ("about.md", "nav.about")]
INDEXES = ("nav.indexes", [("glossary.md", "nav.glossary"), ("laws.md", "nav.laws"),
                           ("functions.md", "nav.functions"), ("witnesses.md", "nav.witnesses")])
PAGES_AFTER = [("downloads.md", "nav.downloads"), ("print.md", "nav.print")]


def build_nav(corpus: Corpus, lang: str, concordance: bool = False) -> list[dict[str, Any]]:
    """`concordance`: the official text has renumbered the edition, and the concordance page shows it."""
    nav: list[dict[str, Any]] = [{t(lang, key): uri} for uri, key in PAGES_BEFORE]
    # titles bare: the build puts each one's status mark beside it (scripts/postprocess/nav_marks.py)
    if corpus.preamble is not None:
        nav.append({bare_title(lang, corpus.preamble): src_uri(0)})
    for part in corpus.document["parts"]:
        items = [{bare_title(lang, m): src_uri(m.number)}
                 for m in corpus.measures() if m.meta["part"] == part["number"]]
        nav.append({part_heading(lang, part, "nav", marked=False): items})
    section, pages = INDEXES
    indexes = [{t(lang, key): uri} for uri, key in pages]
    if concordance:
        indexes.append({t(lang, "nav.concordance"): "concordance.md"})
    nav.append({t(lang, section): indexes})
    nav += [{t(lang, key): uri} for uri, key in PAGES_AFTER]
    return nav


def nav_marks(edition: Edition, lang: str) -> tuple[dict[str, HTML], dict[str, HTML]]:
    """The status marks the navigation shows beside titles: by measure slug, and by part title
    (as the navigation writes it). Only the heading's mark: the navigation is for finding a measure."""
    corpus = edition.corpus
    measures = {slug(m.number): heading_mark(lang, edition.status(m.number)) for m in corpus.measures()}
    parts: dict[str, HTML] = {}
    for part in corpus.document["parts"]:
        status = part.get("title_status") or "attested"
        parts[part_heading(lang, part, "nav", marked=False)] = heading_mark(lang, Status(status, "none", None))
    return {k: v for k, v in measures.items() if v}, parts
