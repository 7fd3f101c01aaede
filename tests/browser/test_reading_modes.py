"""The site in headless Chromium: reading modes and the language switcher."""
from __future__ import annotations

import pytest

from helpers import choose_mode
from scripts.edition.paths import url

pytestmark = pytest.mark.browser

FIRST, OTHER = 8, 5  # two measures with every paragraph translated (checked below)


@pytest.fixture(scope="module", autouse=True)
def measures_with_text(corpus) -> None:
    for number in (FIRST, OTHER):
        page = corpus.pages[number]
        assert page.paragraphs and all(p.en for p in page.paragraphs), f"measure {number} is not fully translated"


def boxes(page, selector: str = ".oe-pair"):
    pair = page.locator(selector).first
    return pair.locator(".oe-zh").bounding_box(), pair.locator(".oe-en").bounding_box()


def mode_of(page) -> str:
    zh, en = boxes(page)
    if zh is None:
        return "en"
    if en is None:
        return "zh"
    if en["x"] > zh["x"] + zh["width"] - 1 and abs(en["y"] - zh["y"]) < 5:
        return "parallel"
    if en["y"] >= zh["y"] + zh["height"] - 1:
        return "stacked"
    return "unknown"


def test_default_mode_is_side_by_side_on_wide_screens(page, server) -> None:
    page.goto(server + url(FIRST))
    assert mode_of(page) == "parallel"
    assert page.locator("#oe-view-parallel").is_checked()


def test_default_mode_is_stacked_on_phones(browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(server + "zh/" + url(FIRST))
    assert mode_of(page) == "stacked"
    choose_mode(page, "en")
    assert mode_of(page) == "en"
    context.close()


def test_mode_control_switches_and_persists(page, server) -> None:
    page.goto(server + url(FIRST))
    choose_mode(page, "zh")
    assert mode_of(page) == "zh"
    page.reload()
    assert mode_of(page) == "zh", "choice survives a reload"
    assert page.locator("#oe-view-zh").is_checked()
    page.goto(server + "zh/" + url(OTHER))
    assert mode_of(page) == "zh", "choice carries to other pages and the other interface"
    choose_mode(page, "stacked")
    page.goto(server + url(FIRST))
    assert mode_of(page) == "stacked"


def test_mode_can_be_set_by_url(page, server) -> None:
    page.goto(server + url(FIRST) + "?view=en")
    assert mode_of(page) == "en"
    assert page.locator("#oe-view-en").is_checked()
    page.goto(server + url(FIRST))
    assert mode_of(page) == "en", "a mode set by URL is remembered"
    page.goto(server + url(FIRST) + "?view=nonsense")
    assert mode_of(page) == "en", "an unknown ?view= is ignored"


def test_page_reads_fine_without_javascript(browser, server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + url(FIRST))
    assert mode_of(page) == "parallel"
    assert page.locator(".oe-pair .oe-zh").first.inner_text().startswith("（")
    # the radio buttons still switch the layout, through CSS alone
    choose_mode(page, "stacked")
    assert mode_of(page) == "stacked"
    context.close()


@pytest.mark.parametrize("start,target,expected", [
    ("", "zh", "zh/"),
    ("zh/", "en", ""),
])
def test_language_switcher_keeps_the_page(page, server, start: str, target: str, expected: str) -> None:
    page.goto(server + start + url(FIRST) + "#m08-1")
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator(f'.md-select__link[hreflang="{target}"]')
    link.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0] == server + expected + url(FIRST)


def test_paragraph_anchor_targets_the_pair(page, server, corpus) -> None:
    pid = corpus.pages[FIRST].paragraphs[0].id
    page.goto(server + url(FIRST) + "#" + pid)
    assert page.locator(f"#{pid}").evaluate("el => el.matches(':target')")
    assert page.locator(f"#{pid} .oe-pid").inner_text() == pid
