"""The Chinese interface speaks Chinese throughout: every page under zh/ walked (tests/zh_walk.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from zh_walk import problems_in

pytestmark = pytest.mark.build


def test_every_page_of_the_chinese_interface_speaks_chinese(site: Path) -> None:
    pages = sorted((site / "zh").rglob("*.html"))
    assert len(pages) > 30 and (site / "zh" / "404.html") in pages
    problems = [p for page in pages for p in problems_in(page, site)]
    assert not problems, f"{len(problems)} places:\n" + "\n".join(problems[:60])
