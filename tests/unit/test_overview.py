"""The overview map: line breaking of titles, and the map's links and names."""
from __future__ import annotations

import re

import pytest

from scripts.edition import Edition
from scripts.site.overview import NARROW, WIDE, render_map, render_overview, wrap

pytestmark = pytest.mark.unit


def test_latin_text_breaks_at_spaces_within_the_width() -> None:
    lines = wrap("Strengthening the protection of trade secrets", 120, 13)
    assert " ".join(lines) == "Strengthening the protection of trade secrets"
    assert len(lines) > 1 and all(not line.endswith(" ") for line in lines)
    assert wrap("short", 500, 13) == ["short"]


def test_chinese_text_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    lines = wrap("加强知识产权检察工作，服务创新驱动发展。", 13 * 5, 13)
    assert "".join(lines) == "加强知识产权检察工作，服务创新驱动发展。"
    assert all(len(line) <= 6 for line in lines)
    assert not any(line[0] in "，、。；：）》”" for line in lines)


def test_each_layout_links_every_measure_once(edition: Edition) -> None:
    corpus = edition.corpus
    for layout in (WIDE, NARROW):
        svg = render_map(corpus, "en", layout)
        hrefs = re.findall(r'<a href="([^"]+)"', svg)
        assert sorted(hrefs) == sorted(f"measures/{'preamble' if n == 0 else f'{n:02d}'}/" for n in corpus.pages)
        assert f'class="oe-map-svg oe-map-{layout.name}"' in svg
    overview = render_overview(corpus, "zh")
    assert overview.count("<svg class=\"oe-map-svg") == 2 and "图例：检察职能" in overview
