"""Commentary as citable scholarship in Chromium, as a reader uses it: copying a commentary's
citation in both styles, the link and cite controls beside a margin number, following a margin
number's link (into the other language's commentary too), and the page without JavaScript.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from helpers import TEST_SITE_URL, clipboard_page, real_edition
from scripts.site.i18n import en_date, t

pytestmark = pytest.mark.browser


def opinions(site: Path) -> dict:
    return json.loads((site / "data" / "opinions.json").read_text(encoding="utf-8"))


def entry_of(data: dict, number: int) -> dict:
    return data["preamble"] if number == 0 else data["measures"][number - 1]


def today(iso: bool = False) -> str:
    d = datetime.date.today()
    return d.isoformat() if iso else en_date(d.isoformat())


def test_copying_a_commentary_citation_in_both_styles(browser, server: str, site: Path) -> None:
    entry = entry_of(opinions(site), 8)
    context, page = clipboard_page(browser, server, "measures/08/")
    box = page.locator(".oe-commentary-en .oe-citebox")
    legal_style = box.locator(".oe-citation-legal")
    assert legal_style.locator(".oe-citation-text").inner_text() == \
        entry["citation_styles"]["en"]["legal"][:-1] + f" accessed {today()}.", "shown as it will be copied"
    legal_style.locator("button").click()
    assert page.evaluate("navigator.clipboard.readText()") == \
        entry["citation_styles"]["en"]["legal"][:-1] + f" accessed {today()}."
    box.locator(".oe-citation-gbt button").click()
    gbt_text = entry["citation_styles"]["en"]["gbt7714"]
    date_part = f"({entry['version']['en']['date']})"
    assert page.evaluate("navigator.clipboard.readText()") == gbt_text.replace(date_part, f"{date_part}[{today(True)}]")
    assert page.locator("#oe-copy-status").inner_text().endswith(page.evaluate("navigator.clipboard.readText()"))
    context.close()

    context, page = clipboard_page(browser, server, "zh/measures/08/")
    page.locator(".oe-commentary-zh .oe-citation-gbt button").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == entry["citation"]["zh"].replace(f"({entry['version']['zh']['date']})",
                                                    f"({entry['version']['zh']['date']})[{today(True)}]")
    assert copied.endswith(f"{TEST_SITE_URL}zh/measures/08/#commentary-zh.")
    context.close()


def test_margin_number_controls_copy_its_link_and_a_citation_at_that_number(browser, server: str, site: Path) -> None:
    entry = entry_of(opinions(site), 8)
    context, page = clipboard_page(browser, server, "measures/08/")
    note = page.locator("#m08-n3")
    tools = note.locator(".oe-ntools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0", "quiet until pointed at"
    note.hover()
    page.wait_for_timeout(250)
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"
    link = tools.locator("button.oe-tool-copy-link")
    assert link.get_attribute("aria-label") == "Copy the link to margin number 3"
    link.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{TEST_SITE_URL}measures/08/#m08-n3"
    tools.locator("button.oe-tool-cite-n").click()
    expected = entry["citation"]["en"].replace(f" <{TEST_SITE_URL}measures/08/#commentary>.",
                                               f", N 3 <{TEST_SITE_URL}measures/08/#m08-n3> accessed {today()}.")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()

    context, page = clipboard_page(browser, server, "zh/measures/08/")
    note = page.locator("#m08-zh-n2")
    note.hover()
    button = note.locator("button.oe-tool-cite-n")
    assert button.get_attribute("aria-label") == "复制边码 2 的引用格式"
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    status = t("zh", "review.status." + real_edition().corpus.pages[8].review("zh").status)
    assert f"评注（本版推测序号为（八）），边码2（{status}）[EB/OL]//" in copied
    assert copied.endswith(f"[{today(True)}]. {TEST_SITE_URL}zh/measures/08/#m08-zh-n2.")
    context.close()


def test_following_a_margin_number_link(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(server + "measures/08/#m08-n4")
    page.wait_for_timeout(300)
    box = page.locator("#m08-n4").bounding_box()
    assert box and 0 <= box["y"] < 250 and page.locator("#m08-n4").evaluate("e => e.matches(':target')")
    # the N is the permalink: following it from elsewhere on the page
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#m08-n6 a.oe-n").click()
    assert page.url.endswith("#m08-n6")
    box = page.locator("#m08-n6").bounding_box()
    assert box and 0 <= box["y"] < 250
    # the same point in the Chinese commentary, which sits in a closed <details> on the English page
    assert not page.locator("#commentary-zh").evaluate("d => d.open")
    page.locator("#m08-n6 a.oe-n-other").click()
    assert page.url.endswith("#m08-zh-n6")
    assert page.locator("#commentary-zh").evaluate("d => d.open"), "the Chinese commentary opens at its N"
    box = page.locator("#m08-zh-n6").bounding_box()
    assert box and 0 <= box["y"] < 250
    context.close()


def test_without_javascript_the_n_is_the_permalink_and_citations_are_text(browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "measures/08/")
    assert page.locator(".oe-ntools").count() == 0 and page.locator(".oe-citebox button").count() == 0
    assert page.locator("#m08-n2 a.oe-n").get_attribute("href") == "#m08-n2"
    assert "commit" in page.locator(".oe-commentary-en .oe-citation-legal").inner_text()
    context.close()
