"""Search as a reader uses it: the query set typed into the real search box in Chromium."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.bench.search_probe import load_cases, run_case

CASES = load_cases(Path(__file__).parent / "data" / "search-queries.yml")


def test_query_set_is_broad_enough() -> None:
    assert len(CASES) >= 30
    kinds = {c.kind for c in CASES}
    assert kinds == {"zh", "en", "pinyin", "id"}
    assert {c.iface for c in CASES} == {"en", "zh"}


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_query_leads_to_the_expected_place(page, server, case) -> None:
    outcome = run_case(page, server, case)
    assert outcome.interface_ok, f"{case.label} left the {case.iface} interface: {outcome.landed}"
    assert outcome.ok, f"{case.label}: landed on {outcome.landed}, expected {case.expect}; results {outcome.results}"


def test_each_interface_has_its_own_smaller_index(site: Path) -> None:
    en = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in en["docs"] if d["location"].startswith("zh/")]
    assert not [d for d in zh["docs"] if d["location"].startswith("zh/")], "zh locations are relative to /zh/"
    for index in (en, zh):
        assert "trimmer" not in index["config"]["pipeline"], "lunr's trimmer deletes Chinese tokens"
        locations = {d["location"] for d in index["docs"]}
        assert "measures/08/#m08-1" in locations and "measures/08/#commentary" in locations
        m081 = next(d for d in index["docs"] if d["location"] == "measures/08/#m08-1")
        assert "商业\u200b秘密" in m081["text"] and "shangye mimi" in m081["pinyin"]


def test_search_works_without_anything_from_outside(page, server) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    case = next(c for c in CASES if c.query == "商业秘密" and c.iface == "zh")
    assert run_case(page, server, case).ok
    assert requests and all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]
