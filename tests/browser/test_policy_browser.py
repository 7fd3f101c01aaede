"""The Content-Security-Policy in use: reading and searching in Chromium break none of it."""
from __future__ import annotations

import pytest

from helpers import choose_mode
from scripts.bench.search_probe import wait_for_answer, watch_search

pytestmark = pytest.mark.browser


def test_no_policy_violations_while_reading_and_searching(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))")
    watch_search(page)
    for path in ["", "measures/08/", "zh/measures/05/", "glossary/", "print/", "functions/"]:
        page.goto(server + path)
        if path == "measures/08/":
            choose_mode(page, "zh")
            page.locator("input.md-search__input").click()
            page.keyboard.type("商业秘密")
            page.keyboard.press("End")
            wait_for_answer(page)  # the results of the whole query drawn, not those of its first character
        assert page.evaluate("window.__violations") == [], path
    assert [u for u in requests if not u.startswith(server)] == [], "nothing is fetched from outside"
    context.close()
