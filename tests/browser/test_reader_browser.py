"""Reader experience in Chromium: citable paragraphs, keyboard use, the map, layout and type."""
from __future__ import annotations

import datetime

import pytest

from helpers import TEST_SITE_URL, clipboard_page, real_edition
from scripts.edition.corpus import Corpus

TITLE = real_edition().corpus.pages[8].title  # whatever measure 8's heading reads today

pytestmark = pytest.mark.browser

PAGES = ["", "measures/08/", "measures/07/", "glossary/", "laws/", "functions/", "about/", "print/"]


def test_every_measure_is_reached_from_the_menu_on_a_phone(browser, server: str) -> None:
    """On a phone the navigation is behind the menu button. It opens at the reader's part (the
    measures around the one being read, one tap away); its back arrow leads to every part, and a
    part to its measures: measure 21 from measure 8 in four taps, each on a visible target."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "measures/08/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    nav = page.locator("nav.md-nav--primary")
    sibling = nav.locator("a.md-nav__link[href='../07/']").first
    sibling.wait_for(state="visible")
    # the drawer slides in: the reader's part is on screen once it has
    page.wait_for_function("""() => { const r = document.querySelector("nav.md-nav--primary a[href='../07/']")
                                         .getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }""")
    nav.locator("li.md-nav__item--nested:has(a[href='./']) > nav > label.md-nav__title").first.tap()
    part = nav.locator("li.md-nav__item--nested:has(a[href='../21/']) > label.md-nav__link").first
    part.wait_for(state="visible")
    part.tap()
    link = nav.locator("a.md-nav__link[href='../21/']").first
    link.wait_for(state="visible")
    link.tap()
    page.wait_for_url("**/measures/21/")
    context.close()


@pytest.mark.parametrize("width,layout", [(1280, "wide"), (768, "narrow")])
def test_overview_map_links_open_measures_and_take_focus(browser, server: str, corpus: Corpus, width: int,
                                                       layout: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server)
    svg = page.locator(f"svg.oe-map-{layout}")
    assert svg.is_visible()
    assert not page.locator(f"svg.oe-map-{'narrow' if layout == 'wide' else 'wide'}").is_visible()
    links = svg.locator("a")
    assert links.count() == len(corpus.pages)
    links.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "measures/preamble/"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "measures/01/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/measures/01/")
    context.close()


# --- citable paragraphs ---------------------------------------------------------------------

def test_cite_control_copies_an_english_citation(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    page.locator("#m08-1").hover()
    button = page.locator("#m08-1 button.oe-tool-cite")
    assert button.is_visible()
    button.click()
    text = page.evaluate("navigator.clipboard.readText()")
    today = datetime.date.today()
    template = page.locator(".oe-text[data-oe-cite]").first.get_attribute("data-oe-cite")
    expected = (template.replace("{para}", "m08-1").replace("{url}", f"{TEST_SITE_URL}measures/08/#m08-1")
                .replace("{accessed}", f"{today.day} {today.strftime('%B')} {today.year}"))
    assert text == expected, text
    assert "para. m08-1, English translation in" in text and text.startswith("Supreme People's Procuratorate, ")
    assert page.locator("#oe-copy-status").inner_text().endswith(text)
    context.close()


def test_cite_control_copies_a_gbt_7714_citation_in_the_chinese_interface(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "zh/measures/08/")
    page.locator("#m08-1").hover()
    page.locator("#m08-1 button.oe-tool-cite").click()
    text = page.evaluate("navigator.clipboard.readText()")
    template = page.locator(".oe-text[data-oe-cite]").first.get_attribute("data-oe-cite")
    assert text == (template.replace("{para}", "m08-1").replace("{url}", f"{TEST_SITE_URL}zh/measures/08/#m08-1")
                    .replace("{accessed}", datetime.date.today().isoformat())), text
    assert text.startswith("最高人民检察院. 最高人民检察院关于全面加强新时代知识产权检察工作的意见：") and "段落m08-1" in text
    assert text.endswith(f")[{datetime.date.today().isoformat()}]. {TEST_SITE_URL}zh/measures/08/#m08-1."), text
    context.close()


def test_copy_controls_copy_the_chinese_and_the_english_paragraph(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    pair = page.locator("#m08-1")
    pair.hover()
    pair.locator("button.oe-tool-copy-zh").click()
    zh = page.evaluate("navigator.clipboard.readText()")
    assert zh.startswith(f"（八）{TITLE['zh']}。") and "m08-1" not in zh and "\n" not in zh
    pair.locator("button.oe-tool-copy-en").click()
    en = page.evaluate("navigator.clipboard.readText()")
    assert en.startswith(f"(8) {TITLE['en']}.") and "中" not in en
    context.close()


def test_controls_appear_on_focus_and_are_named(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    tools = page.locator("#m08-1 .oe-tools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"
    page.locator("#m08-1 .oe-pid").focus()
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.closest('.oe-flag') !== null"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy a citation of paragraph m08-1"
    page.wait_for_timeout(250)
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"
    context.close()


def test_permalink_scrolls_to_its_paragraph(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(server + "measures/06/#m06-2")
    page.wait_for_timeout(300)
    box = page.locator("#m06-2").bounding_box()
    assert box and 0 <= box["y"] < 300, box
    page.goto(server + "measures/08/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator("#m08-1 a.oe-pid").click()
    assert page.url.endswith("#m08-1")
    box = page.locator("#m08-1").bounding_box()
    assert box and 0 <= box["y"] < 300, box
    assert page.locator("#m08-1").evaluate("e => e.matches(':target')")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_no_horizontal_overflow_at_360_px(browser, server: str, prefix: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    for path in PAGES:
        page.goto(server + prefix + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{prefix}{path} is {width}px wide at 360px"
    context.close()


def test_chinese_text_is_set_in_a_cjk_face_with_room_between_lines(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "zh/measures/08/")
    body = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK SC" in body and "PingFang SC" in body and "Microsoft YaHei" in body
    para = page.locator("#m08-1 .oe-zh p")
    size, height = para.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), parseFloat(getComputedStyle(e).lineHeight)]")
    assert height / size >= 1.7
    assert "Noto Serif CJK SC" in para.evaluate("e => getComputedStyle(e).fontFamily")
    context.close()


def test_dark_scheme_is_applied_and_function_colours_change(browser, server: str) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(server)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        colours[scheme] = page.locator("svg.oe-map-wide .oe-map-fn-criminal").first.evaluate("e => getComputedStyle(e).fill")
        context.close()
    assert colours["light"] != colours["dark"]
