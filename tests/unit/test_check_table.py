"""The table of content checks (scripts/edition/checks.py) and the one Chinese-numeral reader.

A check added as a row of CHECKS runs in `load_edition`, and only when what it needs loaded:
the rows are what the loader walks, so a new check needs no other wiring.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE_EDITION, ROOT
from scripts.edition import checks, load_edition
from scripts.edition.errors import ContentError
from scripts.edition.zh import parse_zh_number, zh_cardinal, zh_numeral

pytestmark = pytest.mark.unit


def _row(name: str, needs: tuple[str, ...]) -> checks.Check:
    def run(edition: object, render: object) -> list[ContentError]:
        return [ContentError(Path("data/document.yml"), 1, f"row {name} ran", "", "test")]
    return checks.Check(name, run, needs)


def test_a_row_of_the_table_runs_in_load_edition_when_its_needs_are_met(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = (_row("always", ()), _row("with the glossary", ("glossary",)), _row("with a renderer", ("render",)))
    monkeypatch.setattr(checks, "CHECKS", rows)
    messages = [e.message for e in load_edition(FIXTURE_EDITION).errors]
    assert "row always ran" in messages and "row with the glossary ran" in messages
    assert "row with a renderer ran" not in messages, "no renderer was given: the row is skipped"
    with_render = [e.message for e in load_edition(FIXTURE_EDITION, render=lambda text: text).errors]
    assert "row with a renderer ran" in with_render


def test_every_row_names_what_it_needs_from_the_known_list() -> None:
    assert checks.CHECKS, "the table is not empty"
    for row in checks.CHECKS:
        assert set(row.needs) <= set(checks.NEEDS), row.name
    with pytest.raises(AssertionError):
        checks.Check("a need nobody provides", lambda e, r: [], ("internet",))


@pytest.mark.parametrize(("text", "value"), [
    ("八", 8), ("十", 10), ("十二", 12), ("二十一", 21), ("一十二", 12), ("两", 2), ("百", 100),
    ("一百零五", 105), ("二百一十九", 219), ("二百二十", 220), ("一千一百八十五", 1185),
])
def test_chinese_numerals_are_read(text: str, value: int) -> None:
    assert parse_zh_number(text) == value


@pytest.mark.parametrize("text", ["", "二二", "十十", "十百", "零十", "八条", "8"])
def test_what_is_not_a_chinese_numeral_reads_as_none(text: str) -> None:
    assert parse_zh_number(text) is None


def test_the_reader_reads_what_the_writer_writes() -> None:
    assert all(parse_zh_number(zh_numeral(n)) == n for n in range(1, 1000))  # measure numbers
    assert all(parse_zh_number(zh_cardinal(n)) == n for n in range(1, 10_000))  # article numbers


def test_the_checks_only_read_what_the_loaders_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """The edition's data flows one way: sources -> loaders -> Edition -> checks -> errors. A check
    that wrote into the model would make what a page shows depend on which checks ran."""
    import pickle

    import scripts.edition as edition_package
    from scripts.site_markdown import renderer

    monkeypatch.setattr(edition_package, "run_checks", lambda edition, render: [])
    edition = load_edition(FIXTURE_EDITION)
    corpus = edition.corpus

    def model() -> bytes:
        return pickle.dumps((corpus.document, corpus.apparatus, corpus.pages, corpus.former, corpus.renamed,
                             corpus.hand_written, edition.glossary.terms if edition.glossary else None,
                             edition.laws, edition.witnesses, edition.concordance))

    before = model()
    checks.run_checks(edition, renderer(ROOT))  # the real mkdocs.yml: its Markdown extensions
    assert model() == before, "a check changed the edition it was given"
