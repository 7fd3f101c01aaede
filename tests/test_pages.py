"""The page parser and checker on good and bad fixture pages.

Each bad page must produce its own specific error, at the right line, with a
fix; none may pass silently or drop a paragraph.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, edit, edit_line, line_of, run_check
from scripts.edition.corpus import load_corpus
from scripts.edition.page import parse_page

FIXTURES = Path(__file__).parent / "fixtures" / "pages"

# fixture -> (error code, line, words the message must contain)
BAD = {
    "bad-yaml.md": ("yaml", 6, "malformed"),
    "bad-unknown-key.md": ("schema", 17, "unknown key 'relatd'"),
    "bad-missing-key.md": ("schema", 2, "required key 'stage'"),
    "bad-enum.md": ("schema", 8, "'crimnal' is not allowed"),
    "bad-duplicate-id.md": ("id", 25, "duplicate paragraph id 'm08-1'"),
    "bad-malformed-id.md": ("id", 19, "malformed paragraph id 'm8-1'"),
    "bad-foreign-id.md": ("id", 19, "'m09-1' does not belong to this page"),
    "bad-missing-translation.md": ("translation", 20, "'m08-1' has no English translation"),
    "bad-unclosed.md": ("structure", 19, "never closed"),
    "bad-stray-text.md": ("structure", 25, "text outside a paragraph block"),
    "bad-english-first.md": ("pair", 20, "first paragraph of 'm08-1' is not Chinese"),
    "bad-three-paragraphs.md": ("pair", 24, "more than two paragraphs"),
    "bad-duplicate-key.md": ("yaml", 17, "'stage' appears twice"),
    "bad-no-front-matter.md": ("front-matter", 1, "does not start with front matter"),
    "bad-uncertain-id.md": ("id", 15, "'m08-7', which is not on this page"),
    "bad-short-commentary.md": ("commentary", 25, "at least 300 expected"),
    "bad-no-commentary.md": ("commentary", 18, "no commentary"),
    "bad-no-id.md": ("id", 19, "without an id"),
    "bad-gap-mismatch.md": ("coverage", 22, "marks 1 gap(s) ［……］ but the English marks 0"),
    "bad-coverage-heading.md": ("coverage", 12, "coverage is 'heading' but the page holds more"),
}


def test_good_page_parses_completely() -> None:
    page, errors = parse_page(FIXTURES / "good.md")
    assert errors == []
    assert [p.id for p in page.paragraphs] == ["m08-1", "m08-2"]
    # a Chinese paragraph wrapped over two lines is joined without a space
    assert page.paragraphs[1].zh == "坚持罪刑法定原则，合理界定民事纠纷与刑事犯罪的界限。"
    assert page.paragraphs[1].en.startswith("Adhere to the principle of legality")
    assert page.paragraphs[0].zh_line == 22 and page.paragraphs[0].en_line == 24
    assert page.commentary == "A short draft commentary."


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in FIXTURES.glob("bad-*.md")} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_page_gives_its_specific_error(name: str) -> None:
    code, line, words = BAD[name]
    _, errors = parse_page(FIXTURES / name)
    assert errors, f"{name} passed the checker"
    match = [e for e in errors if e.code == code and words in e.message]
    assert match, f"{name}: expected [{code}] '{words}', got: {[e.format() for e in errors]}"
    assert match[0].line == line
    assert match[0].fix, "every error says how to fix it"
    assert match[0].format().startswith(f"{FIXTURES / name}:{line}: error [{code}]")


def test_unknown_key_suggests_the_right_one() -> None:
    _, errors = parse_page(FIXTURES / "bad-unknown-key.md")
    assert "did you mean 'related'?" in errors[0].fix


def test_real_pages_pass() -> None:
    corpus = load_corpus(ROOT)
    assert [e.format() for e in corpus.errors] == []
    assert sorted(corpus.pages) == list(range(0, 22))
    assert corpus.pages[8].stage == "complete"


def test_check_command_passes_on_the_real_tree() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "check: OK" in result.stdout


def test_check_reports_unknown_related_measure(project: Path) -> None:
    (project / "docs/measures/15.md").unlink()
    result = run_check(project)
    assert result.returncode == 1
    assert "docs/measures/15.md:1: error [structure]: the page for measure 15 is missing" in result.stderr
    line = line_of(project / "docs/measures/08.md", "related:")
    assert f"docs/measures/08.md:{line}: error [related]: related measure 15 does not exist" in result.stderr


def test_check_reports_heading_mismatch(project: Path) -> None:
    edit(project / "docs/measures/08.md", "  zh: 加强商业秘密保护", "  zh: 加强商业秘密司法保护")
    result = run_check(project)
    assert result.returncode == 1
    line = line_of(project / "docs/measures/08.md", "（八）")
    assert f"08.md:{line}: error [heading]" in result.stderr
    assert "（八）加强商业秘密司法保护" in result.stderr


def test_check_reports_number_and_file_name_disagreeing(project: Path) -> None:
    edit(project / "docs/measures/08.md", "number: 8", "number: 9")
    result = run_check(project)
    assert result.returncode == 1
    assert "08.md:2: error [structure]: number is 9 but the file is 08.md" in result.stderr


def test_check_lists_all_errors_not_just_the_first(project: Path) -> None:
    edit(project / "docs/measures/08.md", "related: [3, 4, 14, 15]", "relatd: [3]")
    edit_line(project / "docs/measures/03.md", r"^functions: .*$", "functions: [crminal]")
    result = run_check(project)
    assert result.returncode == 1
    assert "unknown key 'relatd'" in result.stderr and "'crminal' is not allowed" in result.stderr
    assert "lacks the required key 'related'" in result.stderr
    assert "3 errors found." in result.stderr


def test_strict_build_refuses_broken_content(project: Path, tmp_path: Path) -> None:
    from conftest import build_site
    edit(project / "docs/measures/08.md", "/// para | m08-1", "/// para | m8-1")
    line = line_of(project / "docs/measures/08.md", "/// para | m8-1")
    result = build_site(tmp_path / "out", root=project)
    assert result.returncode != 0
    assert f"docs/measures/08.md:{line}: error [id]: malformed paragraph id 'm8-1'" in result.stderr + result.stdout
