"""Every check that holds one source of the edition against another, in one table (CHECKS).

`load_edition` (scripts/edition/__init__.py) first loads each source with the checks that
need nothing else: a page's own rules run as it is parsed (page.py), the structure of the
document and its pages as the corpus is read (corpus.py), each data file's as it is read
(glossary.py, laws.py, witnesses.py, concordance.py). It then walks CHECKS, in order, and
runs each check whose sources loaded. A new check is one function and one row here; its
errors carry their own codes (ContentError.code), which CONTRIBUTING lists.

The data flows one way: sources are read into the Edition, and a check only reads the Edition
and returns errors; it never writes into what it was given (tests/unit/test_check_table.py holds
this), so what a page shows cannot depend on which checks ran.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .apparatus import check_document_apparatus, check_page_apparatus
from .citations import check_citations
from .concordance import CONCORDANCE, check_concordance
from .errors import ContentError
from .glossary import check_consistency
from .laws import Law, check_laws
from .ledger import check_ledger
from .links import check_links
from .lock import check_lock
from .page import Page
from .safety import Render, scan
from .witnesses import Witness

if TYPE_CHECKING:
    from . import Edition

#: What a check may need beyond the pages: a source that loaded, or the Markdown renderer.
NEEDS = ("document", "glossary", "laws", "witnesses", "render")


@dataclass(frozen=True)
class Check:
    name: str  # what it holds against what, in a few words
    run: Callable[[Edition, Render | None], list[ContentError]]
    needs: tuple[str, ...] = ()  # from NEEDS: the check is skipped unless each is there

    def __post_init__(self) -> None:
        assert set(self.needs) <= set(NEEDS), self.needs


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


def _document_apparatus(edition: Edition, render: Render | None) -> list[ContentError]:
    corpus = edition.corpus
    return check_document_apparatus(edition.root / "data" / "document.yml", corpus.apparatus, corpus.document,
                                    edition.witnesses)


def _pages_against_data(edition: Edition, render: Render | None) -> list[ContentError]:
    return [e for page in edition.corpus.ordered() for e in check_against_data(page, edition.witnesses, edition.laws)]


def _allowlist(edition: Edition, render: Render | None) -> list[ContentError]:
    assert render is not None  # needs=("render",)
    return scan(edition.corpus, render)


def _concordance(edition: Edition, render: Render | None) -> list[ContentError]:
    corpus = edition.corpus
    return check_concordance(edition.root / CONCORDANCE, edition.concordance, set(corpus.pages), set(corpus.former))


def _former_apparatus(edition: Edition, render: Render | None) -> list[ContentError]:
    errors: list[ContentError] = []
    for page in edition.corpus.former.values():
        texts = {p.id: p.zh for p in page.paragraphs}
        first = page.paragraphs[0].id if page.paragraphs else None
        errors += check_page_apparatus(page.path, page.apparatus, texts, page.title["zh"], first, edition.witnesses,
                                       page.lines.line)
    return errors


def _glossary_in_text(edition: Edition, render: Render | None) -> list[ContentError]:
    assert edition.glossary is not None  # needs=("glossary",)
    return check_consistency(edition.corpus, edition.glossary)


CHECKS: tuple[Check, ...] = (
    Check("the title's and parts' apparatus against the witness register", _document_apparatus,
          ("witnesses", "document")),
    Check("the glossary's terms against their use in the pages", _glossary_in_text, ("glossary",)),
    Check("data/laws.yml against the pages that invoke the laws", lambda e, r: check_laws(e.corpus, e.laws),
          ("laws",)),
    Check("each page's apparatus and cited articles against the register and the laws", _pages_against_data),
    # pages that did not load are left out, not reported as vanished
    Check("the Chinese source against data/source.lock", lambda e, r: check_lock(e.corpus)),
    Check("the commentaries against their record, data/commentary.lock", lambda e, r: check_ledger(e.corpus)),
    Check("every link in the pages against the pages and anchors it names", lambda e, r: check_links(e.corpus)),
    Check("contributed HTML against the allowlist", _allowlist, ("render",)),
    Check("data/concordance.yml against the pages", _concordance),
    Check("kept former measures' apparatus against the witness register", _former_apparatus, ("witnesses",)),
)


def available(edition: Edition, render: Render | None) -> set[str]:
    """Which of NEEDS this edition has: the sources that loaded, and the renderer if given."""
    present = {"document": bool(edition.corpus.document), "glossary": edition.glossary is not None,
               "laws": bool(edition.laws), "witnesses": bool(edition.witnesses), "render": render is not None}
    return {need for need, there in present.items() if there}


def run_checks(edition: Edition, render: Render | None) -> list[ContentError]:
    """Every row of CHECKS whose needs are met, in order."""
    have = available(edition, render)
    return [e for check in CHECKS if set(check.needs) <= have for e in check.run(edition, render)]
