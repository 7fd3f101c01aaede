"""The whole edition loaded at once: pages, glossary and laws, with every check.

`make check`, the MkDocs hooks and the exports all start here, so they agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .apparatus import check_document_apparatus, check_page_apparatus, share
from .cache import store
from .citations import check_citations
from .concordance import CONCORDANCE, Concordance, check_concordance, load_concordance
from .corpus import Corpus, load_corpus
from .errors import ContentError
from .glossary import Glossary, check_consistency, load_glossary
from .history import Change
from .laws import Law, check_laws, load_laws
from .ledger import check_ledger
from .links import check_links
from .lock import check_lock
from .page import Page
from .paths import ROOT
from .safety import Render, scan
from .status import Status, status as page_status
from .witnesses import Witness, load_witnesses
from .zh import Segmenter, remember_in, segmenter


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
    """The edition with every check's errors. `render` (Markdown to HTML, as the site renders it)
    is what the allowlist needs; scripts/checks.py passes it, so `make check` and the build
    hold contributed pages against the allowlist (this package itself renders nothing)."""
    remember_in(store(root))  # what jieba and pypinyin make of the text, kept between builds
    corpus = load_corpus(root)
    glossary, gerrors = load_glossary(root)
    laws, lerrors = load_laws(root)
    witnesses, werrors = load_witnesses(root)
    errors = list(corpus.errors) + gerrors + lerrors + werrors
    if witnesses and corpus.document:
        errors += check_document_apparatus(root / "data" / "document.yml", corpus.apparatus, corpus.document,
                                           witnesses)
    if glossary is not None:
        errors += check_consistency(corpus, glossary)
    if laws:
        errors += check_laws(corpus, laws)
    for page in corpus.ordered():
        errors += check_against_data(page, witnesses, laws)
    errors += check_lock(corpus)  # pages that did not load are left out, not reported as vanished
    errors += check_ledger(corpus)
    errors += check_links(corpus)
    if render is not None:
        errors += scan(corpus, render)
    concordance, cerrors = load_concordance(root)
    errors += cerrors + check_concordance(root / CONCORDANCE, concordance, set(corpus.pages), set(corpus.former))
    if witnesses:
        for page in corpus.former.values():
            texts = {p.id: p.zh for p in page.paragraphs}
            first = page.paragraphs[0].id if page.paragraphs else None
            errors += check_page_apparatus(page.path, page.apparatus, texts, page.title["zh"], first, witnesses,
                                           page.lines.line)
    return Edition(corpus, glossary, laws, witnesses, errors, concordance)


def check_against_data(page: Page, witnesses: dict[str, Witness], laws: dict[str, Law]) -> list[ContentError]:
    """What one page must agree with in data/: its apparatus with the witness register, the
    articles its commentaries cite with data/laws.yml. (The page's own checks ran when it was parsed.)"""
    errors: list[ContentError] = []
    if witnesses:
        texts = {p.id: p.zh for p in page.paragraphs}
        first = page.paragraphs[0].id if page.paragraphs else None
        heading = None if page.is_preamble else page.title["zh"]
        errors += check_page_apparatus(page.path, page.apparatus, texts, heading, first, witnesses, page.lines.line)
    if laws:
        errors += check_citations(page, laws)
    return errors
