"""The scaling run's arithmetic and renumbering (scripts/bench/scaling.py), on the real pages in memory."""
from __future__ import annotations

import pytest

from helpers import FIXTURE_EDITION
from scripts.bench.scaling import growth, growth_order, renumber_page, search_within_plain, shift

pytestmark = pytest.mark.unit


def test_growth_order_is_the_log_log_slope() -> None:
    sizes = [21, 105, 420]
    assert growth_order(sizes, [2 * s for s in sizes]) == 1.0
    assert growth_order(sizes, [5.0, 5.0, 5.0]) == 0.0
    assert growth_order(sizes, [s * s for s in sizes]) == 2.0
    assert growth_order(sizes, [s ** 0.5 for s in sizes]) == 0.5
    # a fixed cost plus a linear one reads as sublinear over the whole span, nearer 1 at its end
    fixed = [100 + s for s in sizes]
    assert 0.2 < growth_order(sizes, fixed) < growth_order(sizes[1:], fixed[1:]) < 1.0


def test_growth_order_needs_two_positive_figures() -> None:
    assert growth_order([21], [3.0]) is None
    assert growth_order([21, 105], [0, 4.0]) is None
    assert growth_order([21, 21], [1.0, 2.0]) is None


def test_growth_per_site_and_the_search_target() -> None:
    def row(n: int, ours: float, plain: float) -> dict:
        figs = {"build_s": n, "peak_rss_mib": 100.0, "page": 70_000}
        return {"measures": n, "edition": dict(figs, search_en=ours * n, search_zh=ours * n),
                "plain": dict(figs, search_en=plain * n, search_zh=plain * n)}
    rows = [row(21, 2.0, 3.0), row(105, 2.0, 3.0), row(420, 4.0, 3.0)]
    g = growth(rows)
    assert g["plain"]["search_en"]["all"] == 1.0 and g["edition"]["build_s"]["last"] == 1.0
    assert g["edition"]["peak_rss_mib"]["all"] == 0.0 and g["edition"]["search_zh"]["last"] == 1.5
    missed = [(t["measures"], t["iface"]) for t in search_within_plain(rows) if not t["met"]]
    assert missed == [(420, "en"), (420, "zh")]


def test_a_copy_of_measure_8_is_renumbered_throughout() -> None:
    text = (FIXTURE_EDITION / "docs" / "measures" / "08.md").read_text(encoding="utf-8")
    copy = renumber_page(text, 8, 1, 21, 4, "加强商业秘密保护")  # copy 1: measure 29, part 6
    front = copy.split("\n---\n", 1)[0]
    assert "\nnumber: 29\n" in front and "\npart: 6\n" in front and "\nrelated: [24, 25, 35, 36]\n" in front
    assert "/// para | m29-1" in copy and "para: m29-1" in copy and "  m29-1:\n" in copy
    assert "m08-" not in copy and "](08.md" not in copy and "](15.md)" not in copy and "](36.md)" in copy
    assert "（二十九）加强商业秘密保护。加大对采用" in copy and "\n(29) Strengthening the protection" in copy
    assert "\n(8) " not in copy
    assert abs(len(copy) - len(text)) <= 10  # the same text volume: only numbers changed (八 -> 二十九, 2 -> 6)
    assert renumber_page(text, 8, 0, 21, 4, "加强商业秘密保护") == text


def test_past_99_measures_ids_take_three_digits_and_the_preamble_stays() -> None:
    text = (FIXTURE_EDITION / "docs" / "measures" / "01.md").read_text(encoding="utf-8")
    copy = renumber_page(text, 1, 19, 21, 4, "指导思想")  # measure 400
    assert "\nnumber: 400\n" in copy and "/// para | m400-1" in copy
    assert "{text: （四百）指导思想," in copy and "\n（四百）指导思想。" in copy and "\n(400) Guiding ideology" in copy
    assert "\nrelated: [0, 401, 402, 406, 410]\n" in copy
    assert shift(0, 19, 21) == 0
