"""One commentary as a reference manager records it: plain data, the same on every page and export.

The site's citation code (scripts/site/citation.py) fills it in, in both citation
styles and in the edition's own words; the exports (scripts/publish/references.py)
write it out as BibTeX, CSL-JSON and the keys of data/opinions.json. Keeping it here,
below both, lets neither import the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .authorship import Review


@dataclass(frozen=True)
class Reference:
    key: str  # 'spp-ip-opinions-2022-m08-commentary-en'
    number: int  # the page (0: the preamble)
    lang: str  # the language the commentary is written in
    authors: tuple[str, ...]
    title: str  # in the commentary's language
    container: str  # the edition's name in the commentary's language
    version: dict[str, str]  # {'date', 'commit'} of the last substantive change
    url: str
    note: str  # its status and reviewers, in the commentary's language
    styles: dict[str, str] = field(default_factory=dict)  # 'legal', 'gbt7714': the suggested citations
    review: Review | None = None
