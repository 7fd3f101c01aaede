"""Reproducibility: two builds of the same commit are the same bytes.

The session's site and this one are built from the same checkout: the second, with the
first's rendered pages in .cache/, is the build a contributor runs twice
(tests/build/test_build_cache.py compares cached, uncached and one-process builds)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_site, tree_differences

pytestmark = pytest.mark.integrity


def test_two_builds_of_the_same_commit_are_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    differences = tree_differences(site, again)
    assert differences == []
