"""Search quality for `make bench`: the query set typed into each engine, as a reader would.

Engines: this edition's search, the plain Material + static-i18n + jieba site's search
(scripts/bench/plain_site.py), and Pagefind over the plain site's pages. Recall is the share
of queries (tests/data/search-queries.yml) whose first result is the expected page; the
bytes are gzipped, counted by the server (scripts/bench/gzip_server.py).
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from .gzip_server import GzipServer
from .search_probe import Case, matches, run_case

PAGEFIND_JS = """async ([q]) => {
  const start = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  const search = await pf.search(q);
  if (!search.results.length) return {url: null, ms: performance.now() - start};
  const first = await search.results[0].data();
  return {url: first.url, ms: performance.now() - start};
}"""


@dataclass
class Result:
    """One query's outcome, in the shape `summarise` reads."""
    case: Case
    ok: bool
    seconds: float | None
    landed: str | None


def run_material(browser, server: GzipServer, cases: list[Case]) -> list[Result]:
    """Material's search box (the edition's or the plain one): type, press Enter, see where it lands."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results = []
    for case in cases:
        o = run_case(page, server.base, case)
        results.append(Result(case, o.ok, o.seconds, o.landed))
    context.close()
    return results


def run_pagefind(browser, server: GzipServer, cases: list[Case]) -> tuple[list[Result], dict[str, float]]:
    """Pagefind's own JS API on the interface's landing page, first result as the answer;
    also the median gzipped bytes it fetched per query, per interface."""
    results, sizes = [], {}
    for case in cases:
        context = browser.new_context()
        page = context.new_page()
        root = server.base + ("zh/" if case.iface == "zh" else "")
        page.goto(root)
        page.wait_for_load_state("networkidle")
        server.reset()
        found = page.evaluate(PAGEFIND_JS, [case.query])
        page.wait_for_timeout(100)
        sizes[case.label] = sum(s.size for s in server.taken() if "/pagefind/" in s.path)
        landed = None
        if found["url"]:
            path = found["url"].split("?")[0]
            prefix = "/zh/" if case.iface == "zh" else "/"
            landed = path[len(prefix):] if path.startswith(prefix) else path
        ok = (landed is not None and matches(case.expect, landed)
              and (case.iface == "zh") == found["url"].startswith("/zh/"))
        results.append(Result(case, ok, found["ms"] / 1000, landed))
        context.close()
    by_iface = {iface: statistics.median([sizes[c.label] for c in cases if c.iface == iface]) for iface in ("en", "zh")}
    return results, by_iface


def summarise(results: list[Result], sizes: dict[str, float]) -> dict[str, Any]:
    """Recall overall and by kind of query, bytes per interface, median time to first result."""
    kinds: dict[str, list[bool]] = {}
    for r in results:
        kinds.setdefault(r.case.kind, []).append(r.ok)
    times = [r.seconds for r in results if r.seconds is not None]
    return {
        "recall": round(sum(r.ok for r in results) / len(results), 3),
        "by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in kinds.items()},
        "bytes": sizes,
        "median_ms": round(statistics.median(times) * 1000) if times else None,
        "failed": [f"{r.case.label} -> {r.landed}" for r in results if not r.ok],
    }
