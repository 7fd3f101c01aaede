"""The page for an address that does not exist, in each interface's own language.

MkDocs writes every build's 404.html to the site root, so the Chinese build, made
second, used to overwrite the English one. Now /404.html is English and
/zh/404.html Chinese, each linking home in its own language
(tests/browser/test_not_found_browser.py follows a bad address in Chromium).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from helpers import TEST_SITE_URL

pytestmark = pytest.mark.build

ROOT_PATH = urlsplit(TEST_SITE_URL).path  # '/edition/': the test build's address below the host


def page_of(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel).read_bytes())


@pytest.mark.parametrize("rel,lang,title,home", [
    ("404.html", "en", "Page not found", ROOT_PATH),
    ("zh/404.html", "zh", "页面不存在", ROOT_PATH + "zh/"),
])
def test_each_interface_has_its_own_error_page(site: Path, rel: str, lang: str, title: str, home: str) -> None:
    tree = page_of(site, rel)
    assert tree.get("lang") == lang
    assert tree.cssselect("article h1")[0].text_content().strip() == title
    links = [a.get("href") for a in tree.cssselect("article .oe-404 a")]
    assert links == [home], "links home in its own language, by an absolute address"
    nav = [a.get("href") for a in tree.cssselect("nav.md-nav--primary a.md-nav__link")]
    assert nav and all(h.startswith(home) for h in nav), nav[:5]
    if lang == "en":
        assert not [h for h in nav if h.startswith(ROOT_PATH + "zh/")], "the English page's navigation is English"
    switcher = {a.get("hreflang"): a.get("href") for a in tree.cssselect(".md-select__link")}
    assert switcher == {"en": ROOT_PATH, "zh": ROOT_PATH + "zh/"}, "the language switcher leads to each home"
    config = tree.get_element_by_id("__config").text
    assert f'"base": "{home}"' in config, "search uses the interface's own index"
