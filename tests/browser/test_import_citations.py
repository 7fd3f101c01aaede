"""Importing the official text (issue 15), in Chromium: a citation made before the import
leads to the text it cited (synthetic outlines: tests/official_variants.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from official_variants import apply, note_texts

pytestmark = pytest.mark.browser


# --- old addresses, in Chromium --------------------------------------------------------------

@pytest.mark.parametrize("name", ["swapped", "inserted"])
def test_old_citations_lead_to_the_text_they_cited(name: str, tmp_path: Path, browser) -> None:
    from helpers import build_site
    from scripts import browser as chromium
    project, old = apply(tmp_path, name)
    site = tmp_path / "site"
    assert build_site(site, root=project).returncode == 0
    zh = old.pages[8].paragraphs[0].zh
    cited = zh[zh.index("盗窃"):][:15]  # words of the trade-secret paragraph
    kept = note_texts(old.pages[13], "en")[2].replace("**", "")[:50]
    with chromium.serve_directory(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        # a paragraph id that now names another text here: the page offers the jump
        page.goto(f"{base}/measures/08/#m08-1")
        offer = page.locator("#oe-moved-offer")
        offer.wait_for()
        assert "m08-1" in offer.inner_text()
        offer.locator("a.oe-moved-go").click()
        page.wait_for_load_state()
        fragment = page.evaluate("location.hash.slice(1)")
        assert cited in page.locator(f"[id='{fragment}'] .oe-zh").inner_text()
        # an id that no longer exists at its old address: followed at once
        page.goto(f"{base}/zh/measures/02/#m02-3")
        page.wait_for_url("**/measures/02/#m02-1")
        assert "坚持激励、保护创新" in page.locator("#m02-1 .oe-zh").inner_text()
        if name == "inserted":  # a margin number of a measure the official text lacks
            page.goto(f"{base}/measures/13/#m13-n3")
            page.locator("#oe-moved-offer a.oe-moved-go").click()
            page.wait_for_url("**/former/13/#m13-n3")
            assert kept[:30] in page.locator("#m13-n3").inner_text()
        context.close()
