"""A glossary term's card in place (issue 24, reader review §5): a tap on a phone, a hover or
keyboard focus on a desk shows the term, its pinyin, our rendering, a short definition in the
interface's language and a link to the glossary entry, without leaving the page."""
from __future__ import annotations

import pytest

from scripts.edition import Edition

pytestmark = pytest.mark.browser

CARD = "#oe-card"
OPEN = "#oe-card:popover-open"  # (no wait_for_function: the pages' CSP forbids eval)
TERM = "#m08-1 .oe-zh a.oe-term"


def is_open(page) -> bool:
    return page.evaluate("document.getElementById('oe-card').matches(':popover-open')")


def assert_card_shows(page, term, edition: Edition, lang: str) -> None:
    glossary_term = edition.glossary.by_zh[term.inner_text()]
    card = page.locator(CARD)
    assert is_open(page)
    assert card.locator(".oe-card-zh").inner_text() == glossary_term.zh
    assert card.locator(".oe-card-py").inner_text() == glossary_term.pinyin
    assert card.locator(".oe-card-en").inner_text() == glossary_term.en
    assert card.locator(".oe-card-def").inner_text() == glossary_term.definition_in(lang)[0]
    assert card.locator(".oe-card-more a").get_attribute("href").endswith(f"glossary/#{glossary_term.id}")
    box, viewport = card.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the card fits the screen"
    near = term.bounding_box()
    assert abs(box["y"] - (near["y"] + near["height"])) < 40 or abs(box["y"] + box["height"] - near["y"]) < 40, \
        "the card stands next to its term"


@pytest.mark.parametrize("iface", ["", "zh/"])
def test_a_tap_on_a_term_shows_its_card_in_place_on_a_phone(browser, server: str, edition: Edition,
                                                             iface: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + iface + "measures/08/")
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    assert not is_open(page)
    term.tap()
    page.locator(OPEN).wait_for()
    assert page.url == server + iface + "measures/08/", "the tap did not leave the page"
    assert_card_shows(page, term, edition, "zh" if iface else "en")
    page.locator(".oe-card-close").tap()  # the close button (a tap elsewhere closes it too)
    page.locator(OPEN).wait_for(state="hidden")
    page.locator(TERM).nth(1).tap()
    page.locator(OPEN).wait_for()
    assert_card_shows(page, page.locator(TERM).nth(1), edition, "zh" if iface else "en")
    page.locator(CARD).locator(".oe-card-more a").tap()  # the card's link leads to the entry
    page.wait_for_url("**/glossary/#*")
    context.close()


def test_hover_and_keyboard_focus_show_the_card_on_a_desk(browser, server: str, edition: Edition) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + "measures/08/")
    term = page.locator(TERM).first
    assert term.get_attribute("title") is None and term.get_attribute("aria-description"), \
        "the title tooltip gives way to the card, its words kept for screen readers"
    term.hover()
    page.locator(OPEN).wait_for()
    assert_card_shows(page, term, edition, "en")
    page.mouse.move(5, 790)  # away from term and card
    page.locator(OPEN).wait_for(state="hidden")

    second = page.locator(TERM).nth(1)
    second.focus()
    assert is_open(page)
    assert_card_shows(page, second, edition, "en")
    page.keyboard.press("Enter")  # into the card, not away to the glossary
    assert page.evaluate("document.activeElement.closest('#oe-card') !== null")
    assert page.url.endswith("measures/08/")
    page.keyboard.press("Escape")
    assert not is_open(page)
    assert page.evaluate("document.activeElement.classList.contains('oe-term')"), "focus goes back to the term"
    context.close()
