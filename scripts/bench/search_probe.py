"""Run the search query set in a real browser, as a reader would.

Used by the test suite (pass/fail per query) and by `make bench` (recall,
bytes downloaded before the first result, time to first result), each with
the query set it passes in. Needs Playwright (requirements-dev.txt) and Chromium.
"""
from __future__ import annotations

import fnmatch
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

BOX = "input.md-search__input"
# Material's search runs in a worker: it posts each query (message type 2) and draws each answer
# (type 3) in its own listener of the answer's message event. This init script counts both; a task
# after an answer, when every query posted has its answer and so the list shows the last one, it
# writes that query to <html data-oe-searched>. A reader's test waits for that state, never for a
# time: under load the answer to an early keystroke ("M") can be on screen when the test looks.
WATCH_SEARCH = """
(() => {
  if (window.__oeSearch) return;
  const state = window.__oeSearch = {queries: [], answered: 0};
  const Native = window.Worker;
  const post = Native.prototype.postMessage;
  Native.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 2) state.queries.push(message.data);
    return post.call(this, message, ...rest);
  };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (!event.data || event.data.type !== 3) return;
        setTimeout(() => {
          state.answered += 1;
          if (state.answered === state.queries.length)
            document.documentElement.setAttribute("data-oe-searched", state.queries[state.queries.length - 1]);
        }, 0);
      });
    }
  };
})();
"""
_watched: "weakref.WeakSet[Any]" = weakref.WeakSet()


def watch_search(page) -> None:
    """Make every later load of `page` report its search state (see WATCH_SEARCH); once per page."""
    if page not in _watched:
        page.add_init_script(WATCH_SEARCH)
        _watched.add(page)


def searched(page) -> list[str]:
    """The queries Material has sent to its search worker since the page loaded."""
    return page.evaluate("window.__oeSearch ? window.__oeSearch.queries : []")


def wait_for_answer(page, timeout_ms: int = 8000) -> None:
    """Wait until the search has answered what the box holds now and shows that answer (the page
    must have been loaded after watch_search)."""
    value = page.locator(BOX).input_value()
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    page.locator(f'html[data-oe-searched="{quoted}"]').wait_for(state="attached", timeout=timeout_ms)


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
    watch_search(page)
    page.goto(root)
    page.wait_for_load_state("load")
    page.locator(BOX).click()
    start = time.perf_counter()
    type_query(page, case.query)
    try:
        # locator waits, not wait_for_function: the site's CSP forbids the eval that needs
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout_ms)
        seconds = time.perf_counter() - start
        wait_for_answer(page, timeout_ms)  # the answer to the whole query, not to its first letters
    except Exception:  # no result at all is an outcome, not a crash
        return Outcome(case, None, False, False, error="no results")
    results = page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.slice(0, 5).map(e => e.getAttribute('href'))")
    try:
        with page.expect_navigation(timeout=timeout_ms):
            page.keyboard.press("Enter")  # Material opens the best result
    except Exception:  # the same: an outcome, not a crash
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
