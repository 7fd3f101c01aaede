"""`make review` lists every commentary awaiting a reviewer, page by page, with why (issue 26).

The statuses are set here on a copy of the content, so the test holds whatever the
pages' statuses are today."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run
from scripts.edition.corpus import load_corpus

pytestmark = pytest.mark.unit


def _entry(status: str, date: str, reviewer: str | None = None) -> str:
    out = f"    status: {status}\n    date: {date}\n    authors:\n      - {{name: A. Author, date: {date}}}\n"
    if reviewer:
        out += f"    reviewers:\n      - {{name: R. Reviewer, date: {reviewer}}}\n"
    return out


def set_commentary(path: Path, en: str, zh: str) -> None:
    """Replace the page's `commentary:` authorship block."""
    text = path.read_text(encoding="utf-8")
    block = f"commentary:\n  en:\n{en}  zh:\n{zh}"
    new, count = re.subn(r"^commentary:\n(?:[ ].*\n)+", block, text, count=1, flags=re.M)
    assert count == 1, path
    path.write_text(new, encoding="utf-8")


def _pages(root: Path) -> list[Path]:
    """Pages with both commentaries (whatever they are today)."""
    corpus = load_corpus(root)
    return [p.path for p in corpus.ordered() if p.commentary.strip() and p.commentary_zh.strip()]


def _all_reviewed(root: Path) -> None:
    for path in _pages(root):
        set_commentary(path, _entry("reviewed", "2026-12-02", "2026-12-02"), _entry("reviewed", "2026-12-02", "2026-12-02"))


def test_nothing_awaits_review_when_every_commentary_is_reviewed(content: Path) -> None:
    _all_reviewed(content)
    result = run("review", "--root", str(content))
    assert "commentary" not in result.stdout.replace("commentary note", "")
    assert result.returncode == 0


def test_draft_and_revised_commentaries_are_listed_page_by_page_with_why(content: Path) -> None:
    _all_reviewed(content)
    first, second, third = _pages(content)[:3]
    set_commentary(first, _entry("draft", "2026-12-03"), _entry("reviewed", "2026-12-02", "2026-12-02"))
    set_commentary(second, _entry("reviewed", "2026-12-02", "2026-12-02"),
                   _entry("revised after review", "2026-12-04", "2026-12-03"))
    set_commentary(third, _entry("revised after review", "2026-12-04", "2026-12-05"),  # reviewed again since
                   _entry("reviewed", "2026-12-02", "2026-12-02"))
    out = run("review", "--root", str(content)).stdout

    def rel(p: Path) -> str:
        return str(p.relative_to(content))
    assert f"{rel(first)}:\n  English commentary: draft since 2026-12-03" in out, out
    assert "not yet reviewed by anyone but A. Author" in out
    assert f"{rel(second)}:\n  Chinese commentary: revised after review on 2026-12-04" in out, out
    assert rel(third) not in out
    assert out.count(" commentary: ") == 2
    assert "review: nothing awaits review" not in out
    assert out.index("draft since") < out.index("Revised after review, waiting"), "a draft is not lost among revisions"
