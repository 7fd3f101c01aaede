"""Reproducibility: two builds of the same commit are the same bytes."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from helpers import build_site

pytestmark = pytest.mark.integrity


def test_two_builds_of_the_same_commit_are_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    compare = filecmp.dircmp(site, again)
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(compare)
    # the PDF fonts, if a PDF was made from the session's site, are not part of the build
    assert [d for d in differences if not d.startswith("_pdf-fonts")] == []
