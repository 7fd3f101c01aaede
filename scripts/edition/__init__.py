"""The whole edition loaded at once: pages, glossary, laws, witnesses and concordance, with every check.

`make check`, the MkDocs hooks and the exports all start here, so they agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .apparatus import share
from .cache import store
from .checks import check_against_data, run_checks
from .concordance import Concordance, load_concordance
from .corpus import Corpus, load_corpus
from .errors import ContentError
from .glossary import Glossary, load_glossary
from .history import Change
from .laws import Law, load_laws
from .paths import ROOT
from .safety import Render
from .status import Status, status as page_status
from .witnesses import Witness, load_witnesses
from .zh import Segmenter, remember_in, segmenter

__all__ = ["Edition", "load_edition", "check_against_data"]


@dataclass
class Edition:
    corpus: Corpus
    glossary: Glossary | None
    laws: dict[str, Law]
    witnesses: dict[str, Witness] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    concordance: Concordance = field(default_factory=Concordance)  # empty before the official text is imported
    #: page number -> substantive changes to its commentaries, newest first. From git, so set by
    #: the build (scripts/build.py), not by load_edition; empty outside git.
    history: dict[int, list[Change]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.corpus.root

    def attested_share(self, number: int | None = None) -> float:
        """The share (0–1) of the Chinese text that grade A/B witnesses attest: of one page
        (its paragraphs), or, with no number, of the whole document (title, part titles and
        every paragraph)."""
        corpus = self.corpus
        if number is not None:
            page = corpus.pages[number]
            return share((p.zh, page.apparatus.for_para(p.id)) for p in page.paragraphs)
        pairs = [(corpus.document["title"]["zh"], corpus.apparatus.title)]
        pairs += [(part["title"]["zh"], corpus.apparatus.parts.get(part["number"], []))
                  for part in corpus.document["parts"]]
        pairs += [(p.zh, page.apparatus.for_para(p.id)) for page in corpus.ordered() for p in page.paragraphs]
        return share(pairs)

    def status(self, number: int) -> Status:
        """A page's status on its two axes, heading and text (scripts/edition/status.py)."""
        return page_status(self.corpus.pages[number], self.attested_share(number))

    @property
    def segmenter(self) -> Segmenter:
        """Chinese segmentation that keeps the glossary's terms whole (search, pinyin)."""
        return self.glossary.segmenter if self.glossary is not None else segmenter()


def load_edition(root: Path = ROOT, render: Render | None = None) -> Edition:
    """The edition with every check's errors: each source loaded with its own checks, then the
    checks that hold one against another (scripts/edition/checks.py, CHECKS). `render`
    (Markdown to HTML, as the site renders it) is what the allowlist needs;
    scripts/site_markdown.py passes it, so `make check` and the build hold contributed pages
    against the allowlist (this package itself renders nothing)."""
    remember_in(store(root))  # what jieba and pypinyin make of the text, kept between builds
    corpus = load_corpus(root)  # data/document.yml, the measure pages, the former and hand-written pages
    glossary, gerrors = load_glossary(root)
    laws, lerrors = load_laws(root)
    witnesses, werrors = load_witnesses(root)
    concordance, cerrors = load_concordance(root)
    edition = Edition(corpus, glossary, laws, witnesses, list(corpus.errors) + gerrors + lerrors + werrors + cerrors,
                      concordance)
    edition.errors += run_checks(edition, render)
    return edition
