"""`make check` on broken copies of the content: every error names file, line and fix.

The checks run in this process (helpers.check is `python -m scripts check`
without a new interpreter); tests/build/test_commands.py runs the real command line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import check, edit, edit_line, line_of

pytestmark = pytest.mark.unit


# --- pages and structure ---------------------------------------------------------------------

def test_check_reports_unknown_related_measure(content: Path) -> None:
    (content / "docs/measures/15.md").unlink()
    result = check(content)
    assert result.returncode == 1
    assert "docs/measures/15.md:1: error [structure]: the page for measure 15 is missing" in result.stderr
    line = line_of(content / "docs/measures/08.md", "related:")
    assert f"docs/measures/08.md:{line}: error [related]: related measure 15 does not exist" in result.stderr


def test_check_reports_heading_mismatch(content: Path) -> None:
    edit(content / "docs/measures/08.md", "  zh: 加强商业秘密保护", "  zh: 加强商业秘密司法保护")
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "docs/measures/08.md", "（八）")
    assert f"08.md:{line}: error [heading]" in result.stderr
    assert "（八）加强商业秘密司法保护" in result.stderr


def test_check_reports_number_and_file_name_disagreeing(content: Path) -> None:
    edit(content / "docs/measures/08.md", "number: 8", "number: 9")
    result = check(content)
    assert result.returncode == 1
    assert "08.md:2: error [structure]: number is 9 but the file is 08.md" in result.stderr


def test_check_reports_a_page_beyond_the_documents_measures(content: Path) -> None:
    (content / "docs/measures/22.md").write_text((content / "docs/measures/21.md").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert "docs/measures/22.md:1: error [structure]: unexpected file name '22.md'" in result.stderr
    assert "01.md ... 21.md" in result.stderr


def test_check_lists_all_errors_not_just_the_first(content: Path) -> None:
    edit(content / "docs/measures/08.md", "related: [3, 4, 14, 15]", "relatd: [3]")
    edit_line(content / "docs/measures/03.md", r"^functions: .*$", "functions: [crminal]")
    result = check(content)
    assert result.returncode == 1
    assert "unknown key 'relatd'" in result.stderr and "'crminal' is not allowed" in result.stderr
    assert "lacks the required key 'related'" in result.stderr
    assert "3 errors found." in result.stderr


# --- glossary and laws -----------------------------------------------------------------------

def test_inconsistent_rendering_is_reported_with_file_and_line(content: Path) -> None:
    page = content / "docs/measures/08.md"
    line = line_of(page, "(8) Strengthening the protection of trade secrets.")
    text = page.read_text(encoding="utf-8").split("\n")
    text[line - 1] = text[line - 1].replace("trade secrets", "commercial secrets")
    page.write_text("\n".join(text), encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert (f"docs/measures/08.md:{line}: error [glossary]: 'm08-1': the Chinese has the glossary term "
            f"商业秘密 but the English does not use 'trade secrets'") in result.stderr
    assert "data/glossary.yml (line" in result.stderr


def test_glossary_entry_without_english_is_reported(content: Path) -> None:
    edit(content / "data/glossary.yml", "  en: trade secrets\n", '  en: ""\n')
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "data/glossary.yml", 'en: ""')
    assert f"data/glossary.yml:{line}: error [schema]" in result.stderr


def test_unknown_law_is_reported_with_a_suggestion(content: Path) -> None:
    edit_line(content / "docs/measures/08.md", r"^laws: .*$",
              "laws: [criminal-lawx, criminal-law-amendment-xi, anti-unfair-competition-law]")
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "docs/measures/08.md", "laws:")
    assert f"08.md:{line}: error [laws]: law 'criminal-lawx' is not in data/laws.yml" in result.stderr
    assert "did you mean 'criminal-law'?" in result.stderr


def test_law_named_in_commentary_must_be_listed(content: Path) -> None:
    edit_line(content / "docs/measures/08.md", r"^laws: .*$", "laws: [criminal-law, criminal-law-amendment-xi]")
    result = check(content)
    assert result.returncode == 1
    assert "the commentary names the Anti-Unfair Competition Law but front matter 'laws' does not list" in result.stderr


def test_related_measure_that_does_not_exist(content: Path) -> None:
    edit(content / "docs/measures/08.md", "related: [3, 4, 14, 15]", "related: [3, 4, 14, 25]")
    result = check(content)
    assert result.returncode == 1
    assert "related.3: 25 is greater than the maximum of 21" in result.stderr


# --- untrusted content -----------------------------------------------------------------------

UNSAFE = {
    "script": ("<script>alert(1)</script>", "raw <script>"),
    "iframe": ('<iframe src="x.html"></iframe>', "raw <iframe>"),
    "object": ('<object data="x.swf"></object>', "raw <object>/<embed>"),
    "handler": ('<span onclick="steal()">x</span>', "an inline event handler"),
    "jsurl": ("[click](javascript:steal())", "a javascript: URL"),
    "image": ("![logo](https://elsewhere.example/logo.png)", "an image from another host"),
    "imgtag": ('<img src="//elsewhere.example/x.png">', "an image from another host"),
}


def test_unsafe_markdown_is_rejected_with_file_and_line(content: Path) -> None:
    """Every kind at once (one check of the copy), each reported at its own line."""
    page = content / "docs/measures/08.md"
    added = "".join(f"\nA new note.\n\n{snippet}\n" for snippet, _ in UNSAFE.values())
    page.write_text(page.read_text(encoding="utf-8") + added, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    for kind, (snippet, what) in UNSAFE.items():
        line = line_of(page, snippet)
        assert f"docs/measures/08.md:{line}: error [unsafe]: {what}" in result.stderr, kind


def test_code_examples_of_unsafe_markup_are_allowed(content: Path) -> None:
    page = content / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWe reject `<script>` and:\n\n```html\n<iframe></iframe>\n```\n",
                    encoding="utf-8")
    result = check(content)
    assert result.returncode == 0, result.stderr
