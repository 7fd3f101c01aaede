"""The page for an address that does not exist, in each interface's own language.

MkDocs writes every build's 404.html to the site root, so the Chinese build, made
second, used to overwrite the English one. Now /404.html is English and
/zh/404.html Chinese, each linking home in its own language. The site is static:
a host serves the root's 404.html at every missing address (GitHub Pages does), or
the nearest 404.html of the folder (Cloudflare Pages does); the English page sends
a reader whose address lies under /zh/ to the Chinese one. Both are tested with a
local server that behaves like the first kind of host.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from conftest import TEST_SITE_URL
from scripts import browser as chromium

ROOT_PATH = urlsplit(TEST_SITE_URL).path  # '/edition/': the test build's address below the host


def page_of(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel).read_bytes())


@pytest.mark.build
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


class _LikeAStaticHost(chromium.QuietHandler):
    """Serves the site below ROOT_PATH; a missing file gets the root's 404.html with status 404."""

    def send_head(self):  # noqa: ANN201 - http.server's own signature
        path = urlsplit(self.path).path
        if not path.startswith(ROOT_PATH):
            self.send_error(404)
            return None
        local = Path(self.directory) / path[len(ROOT_PATH):]
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        self.path = "/" + local.relative_to(self.directory).as_posix()
        return super().send_head()


@pytest.mark.browser
@pytest.mark.parametrize("address,lang,heading,home", [
    ("measures/99/", "en", "Page not found", ""),
    ("zh/measures/99/", "zh", "页面不存在", "zh/"),
    ("zh/no-such-page", "zh", "页面不存在", "zh/"),
])
def test_a_bad_address_is_answered_in_its_interface(browser, site: Path, address: str, lang: str,
                                                     heading: str, home: str) -> None:
    with chromium.serve_directory(site, _LikeAStaticHost) as base:
        host = base.rstrip("/")
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        response = page.goto(host + ROOT_PATH + address)
        assert response is not None and response.status == 404
        page.locator("article .oe-404 h1", has_text=heading).wait_for(timeout=5000)
        assert page.locator("html").get_attribute("lang") == lang
        page.locator("article .oe-404 a").click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == ROOT_PATH + home
        assert page.locator("html").get_attribute("lang") == lang
        context.close()
