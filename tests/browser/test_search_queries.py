"""Search as a reader uses it: the query set typed into the real search box in Chromium."""
from __future__ import annotations

import pytest

from helpers import QUERIES
from scripts.bench.search_probe import Case, load_cases, run_case

pytestmark = pytest.mark.browser


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per query of tests/data/search-queries.yml, read when the tests are collected."""
    if "case" in metafunc.fixturenames:
        cases = load_cases(QUERIES)
        metafunc.parametrize("case", cases, ids=[c.label for c in cases])


def test_query_leads_to_the_expected_place(page, server, case: Case) -> None:
    outcome = run_case(page, server, case)
    assert outcome.interface_ok, f"{case.label} left the {case.iface} interface: {outcome.landed}"
    assert outcome.ok, f"{case.label}: landed on {outcome.landed}, expected {case.expect}; results {outcome.results}"


def test_search_works_without_anything_from_outside(page, server) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    case = next(c for c in load_cases(QUERIES) if c.query == "商业秘密" and c.iface == "zh")
    assert run_case(page, server, case).ok
    assert requests and all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]
