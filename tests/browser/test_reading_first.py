"""Reading first, in Chromium: the text on the first screen, the status one tap away, the apparatus on demand.

Rules, for every page that has text and in both interfaces, whatever the pages say: the first
source paragraph starts within the first screen (500 px on a phone, 400 px on a desk); the
status bar holds everything the old source-status box said, folded; the apparatus's sigla
appear only when asked for, each a target a finger can hit.
"""
from __future__ import annotations

import itertools

import pytest

from scripts.edition.paths import url

pytestmark = pytest.mark.browser

# the targets: where the first source paragraph may start, by viewport
SCREENS = [(390, 844, 500), (768, 1024, 500), (1280, 800, 400)]


def _context(browser, width: int, height: int):
    phone = width < 500
    return browser.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)


def _first_pair_top(page) -> float:
    return page.evaluate("() => { const e = document.querySelector('.oe-pair');"
                         " return e ? e.getBoundingClientRect().top + window.scrollY : -1; }")


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width,height,limit", SCREENS)
def test_the_first_source_paragraph_is_on_the_first_screen(browser, server, corpus, prefix, width, height,
                                                           limit) -> None:
    context = _context(browser, width, height)
    page = context.new_page()
    late = {}
    for measure in corpus.ordered():
        if not measure.paragraphs:
            continue
        page.goto(server + prefix + url(measure.number))
        top = _first_pair_top(page)
        assert top >= 0, url(measure.number)
        if top > limit:
            late[url(measure.number)] = round(top)
    context.close()
    assert not late, f"the text starts below {limit} px at {width} px: {late}"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_status_is_one_line_and_its_details_open_in_place(browser, server, corpus, prefix) -> None:
    context = _context(browser, 390, 844)
    page = context.new_page()
    for measure in corpus.ordered():
        page.goto(server + prefix + url(measure.number))
        summary = page.locator("details.oe-status > summary")
        assert summary.is_visible()
        box = summary.bounding_box()
        assert box["height"] <= 80, f"{url(measure.number)}: the status takes {box['height']} px"
        body = page.locator(".oe-status-body")
        assert not body.is_visible(), "details are folded"
        summary.click()
        assert body.is_visible()
        text = body.inner_text()
        assert page.locator(".oe-status-body .oe-status-verdict").count() == 1
        assert page.locator(".oe-status-body .oe-notes").count() == 1, "the notes on the transcription moved here"
        for item in measure.source.get("uncertain", []):
            assert item["para"] in text, "every doubtful passage is listed"
        assert page.locator(".oe-status-body a[href$='#how-to-read']").count() == 1, "and a link to the key to the marks"
    context.close()


def test_sigla_appear_on_demand_and_are_targets_a_finger_can_hit(browser, server, corpus) -> None:
    pages = [p for p in corpus.ordered() if p.paragraphs and any(p.apparatus.for_para(x.id) for x in p.paragraphs)]
    assert pages, "no page has an apparatus"
    context = _context(browser, 390, 844)
    page = context.new_page()
    page.goto(server + url(pages[0].number))
    sigla = page.locator(".oe-pair a.oe-sig")
    assert sigla.count() > 0 and not sigla.first.is_visible(), "quiet by default"
    assert page.locator(".oe-pair .oe-att").first.is_visible(), "the attested wording is marked by default"
    page.locator("details.oe-display > summary").click()
    page.locator('label[for="oe-app-show"]').click()
    assert sigla.first.is_visible()
    for k in range(sigla.count()):
        box = sigla.nth(k).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    page.reload()
    assert sigla.first.is_visible(), "the choice is remembered"
    context.close()


def test_a_sigla_group_is_never_repeated_within_a_run(corpus, site) -> None:
    """Sigla stand once per run of spans from the same witnesses: two neighbouring groups differ."""
    from lxml import html
    for measure in corpus.ordered():
        doc = html.parse(str(site / url(measure.number) / "index.html")).getroot()
        for zh in doc.cssselect(".oe-pair .oe-zh"):
            groups = [a.get("aria-label") for a in zh.cssselect("a.oe-sig")]
            assert all(a != b for a, b in itertools.pairwise(groups)), (url(measure.number), groups)
