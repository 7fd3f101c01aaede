"""Run the search query set in a real browser, as a reader would.

Used by the test suite (pass/fail per query) and by `make bench` (recall,
bytes downloaded before the first result, time to first result), each with
the query set it passes in. Needs Playwright (requirements-dev.txt) and Chromium.
"""
from __future__ import annotations

import fnmatch
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

@dataclass
class Case:
    kind: str
    iface: str
    query: str
    expect: list[Any]

    @property
    def label(self) -> str:
        return f"{self.iface}:{self.query}"


@dataclass
class Outcome:
    case: Case
    landed: str | None  # location relative to the interface root, with #fragment
    ok: bool
    interface_ok: bool
    results: list[str] = field(default_factory=list)
    seconds: float | None = None
    error: str = ""


def load_cases(path: Path) -> list[Case]:
    """The query set: a YAML list of {kind, iface, query, expect} (tests/data/search-queries.yml)."""
    return [Case(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def matches(expect: list[Any], landed: str) -> bool:
    """A measure number matches its page and any anchor on it; a location with `*` is a
    pattern (measures/05/#m05-zh-n*: any margin number of the Chinese commentary)."""
    path, _, fragment = landed.partition("#")
    for want in expect:
        if isinstance(want, int):
            if path == f"measures/{want:02d}/":
                return True
        elif "*" in str(want):
            if fnmatch.fnmatchcase(landed, str(want)):
                return True
        elif "#" in str(want):
            if landed == want:
                return True
        elif path == want:
            return True
    return False


def type_query(page, query: str) -> None:
    """Type as a person does. Chinese arrives through an IME, which commits the text
    and then sends a key event; Material reads the box on key events only."""
    page.keyboard.type(query)
    page.keyboard.press("End")


def run_case(page, base: str, case: Case, timeout_ms: int = 8000) -> Outcome:
    root = base + ("zh/" if case.iface == "zh" else "")
    page.goto(root)
    page.wait_for_load_state("load")
    page.locator("input.md-search__input").click()
    start = time.perf_counter()
    type_query(page, case.query)
    try:
        # a locator wait, not wait_for_function: the site's CSP forbids the eval that needs
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - no result at all is an outcome, not a crash
        return Outcome(case, None, False, False, error="no results")
    seconds = time.perf_counter() - start
    page.wait_for_timeout(150)  # let the last keystroke's results settle
    results = page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.slice(0, 5).map(e => e.getAttribute('href'))")
    try:
        with page.expect_navigation(timeout=timeout_ms):
            page.keyboard.press("Enter")  # Material opens the best result
    except Exception:  # noqa: BLE001
        return Outcome(case, None, False, False, [urlsplit(r).path for r in results], seconds,
                       error="Enter opened nothing")
    url = urlsplit(page.url)
    landed_abs = url.path + ("#" + url.fragment if url.fragment else "")
    root_path = urlsplit(root).path
    interface_ok = landed_abs.startswith(root_path) and (case.iface == "zh") == landed_abs.startswith(
        urlsplit(base).path + "zh/")
    landed = landed_abs[len(root_path):] if landed_abs.startswith(root_path) else landed_abs
    return Outcome(case, landed, interface_ok and matches(case.expect, landed), interface_ok,
                   [urlsplit(r).path for r in results], seconds)
