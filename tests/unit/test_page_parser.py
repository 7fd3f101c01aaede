"""The page parser and checker on good and bad fixture pages.

Each bad page must produce its own specific error, at the right line, with a
fix; none may pass silently or drop a paragraph.
"""
from __future__ import annotations

import pytest

from helpers import FIXTURES
from scripts.edition.corpus import Corpus
from scripts.edition.page import parse_page

pytestmark = pytest.mark.unit

PAGES = FIXTURES / "pages"

# fixture -> (error code, line, words the message must contain)
BAD = {
    "bad-yaml.md": ("yaml", 6, "malformed"),
    "bad-unknown-key.md": ("schema", 18, "unknown key 'relatd'"),
    "bad-missing-key.md": ("schema", 2, "required key 'stage'"),
    "bad-enum.md": ("schema", 9, "'crimnal' is not allowed"),
    "bad-duplicate-id.md": ("id", 26, "duplicate paragraph id 'm08-1'"),
    "bad-malformed-id.md": ("id", 20, "malformed paragraph id 'm8-1'"),
    "bad-foreign-id.md": ("id", 20, "'m09-1' does not belong to this page"),
    "bad-missing-translation.md": ("translation", 21, "'m08-1' has no English translation"),
    "bad-unclosed.md": ("structure", 20, "never closed"),
    "bad-stray-text.md": ("structure", 26, "text outside a paragraph block"),
    "bad-english-first.md": ("pair", 21, "first paragraph of 'm08-1' is not Chinese"),
    "bad-three-paragraphs.md": ("pair", 25, "more than two paragraphs"),
    "bad-duplicate-key.md": ("yaml", 18, "'stage' appears twice"),
    "bad-no-front-matter.md": ("front-matter", 1, "does not start with front matter"),
    "bad-uncertain-id.md": ("id", 16, "'m08-7', which is not on this page"),
    "bad-short-commentary.md": ("commentary", 26, "at least 300 expected"),
    "bad-no-commentary.md": ("commentary", 19, "no commentary"),
    "bad-no-id.md": ("id", 20, "without an id"),
    "bad-gap-mismatch.md": ("coverage", 23, "marks 1 gap(s) ［……］ but the English marks 0"),
    "bad-coverage-heading.md": ("coverage", 13, "coverage is 'heading' but the page holds more"),
    # issue 17: not UTF-8 (a Latin-1 é), an unclosed quote far from where YAML gives up, an oversize paragraph
    "bad-not-utf8.md": ("encoding", 22, "byte 0xe9 at byte offset 524 (line 22, byte 105 of the line)"),
    "bad-unclosed-quote.md": ("yaml", 6, "the quote \" opened on this line is never closed"),
    "bad-paragraph-too-long.md": ("size", 20, "has 3,025 characters, more than the 3,000 characters"),
}


def test_good_page_parses_completely() -> None:
    page, errors = parse_page(PAGES / "good.md")
    assert errors == []
    assert [p.id for p in page.paragraphs] == ["m08-1", "m08-2"]
    # a Chinese paragraph wrapped over two lines is joined without a space
    assert page.paragraphs[1].zh == "坚持罪刑法定原则，合理界定民事纠纷与刑事犯罪的界限。"
    assert page.paragraphs[1].en.startswith("Adhere to the principle of legality")
    assert page.paragraphs[0].zh_line == 23 and page.paragraphs[0].en_line == 25
    assert page.commentary == "{N 1} A short draft commentary."


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in PAGES.glob("bad-*.md")} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_page_gives_its_specific_error(name: str) -> None:
    code, line, words = BAD[name]
    _, errors = parse_page(PAGES / name)
    assert errors, f"{name} passed the checker"
    match = [e for e in errors if e.code == code and words in e.message]
    assert match, f"{name}: expected [{code}] '{words}', got: {[e.format() for e in errors]}"
    assert match[0].line == line
    assert match[0].fix, "every error says how to fix it"
    assert match[0].format().startswith(f"{PAGES / name}:{line}: error [{code}]")


def test_bad_fixtures_say_what_to_do() -> None:
    _, errors = parse_page(PAGES / "bad-not-utf8.md")
    assert "save the file as UTF-8" in errors[0].fix
    _, errors = parse_page(PAGES / "bad-unclosed-quote.md")
    assert "YAML gives up on line 13" in errors[0].message and "closing \"" in errors[0].fix


def test_unknown_key_suggests_the_right_one() -> None:
    _, errors = parse_page(PAGES / "bad-unknown-key.md")
    assert "did you mean 'related'?" in errors[0].fix


def test_real_pages_pass(corpus: Corpus) -> None:
    assert [e.format() for e in corpus.errors] == []
    assert sorted(corpus.pages) == list(range(0, corpus.measure_count + 1))
    assert corpus.pages[8].stage == "complete"
