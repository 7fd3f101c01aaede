"""The whole edition loaded at once: pages, glossary and laws, with every check.

`make check`, the MkDocs hooks and the exports all start here, so they agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus, load_corpus
from .errors import ContentError
from .glossary import Glossary, check_consistency, load_glossary
from .laws import Law, check_laws, load_laws
from .lock import check_lock
from .paths import ROOT
from .safety import scan_docs
from .zh import Segmenter, segmenter


@dataclass
class Edition:
    corpus: Corpus
    glossary: Glossary | None
    laws: dict[str, Law]
    errors: list[ContentError] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.corpus.root

    @property
    def segmenter(self) -> Segmenter:
        """Chinese segmentation that keeps the glossary's terms whole (search, pinyin)."""
        return self.glossary.segmenter if self.glossary is not None else segmenter()


def load_edition(root: Path = ROOT) -> Edition:
    corpus = load_corpus(root)
    glossary, gerrors = load_glossary(root)
    laws, lerrors = load_laws(root)
    errors = list(corpus.errors) + gerrors + lerrors
    if glossary is not None:
        errors += check_consistency(corpus, glossary)
    if laws:
        errors += check_laws(corpus, laws)
    if not corpus.errors:
        errors += check_lock(corpus)
    errors += scan_docs(root / "docs")
    return Edition(corpus, glossary, laws, errors)
