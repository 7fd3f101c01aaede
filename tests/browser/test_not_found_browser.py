"""A bad address is answered in its interface's language, in Chromium.

The site is static: a host serves the root's 404.html at every missing address
(GitHub Pages does), or the nearest 404.html of the folder (Cloudflare Pages
does). The English page sends a reader whose address lies under /zh/ to the
Chinese one. Tested with a local server that behaves like the first kind of host.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import TEST_SITE_URL
from scripts import browser as chromium

pytestmark = pytest.mark.browser

ROOT_PATH = urlsplit(TEST_SITE_URL).path  # '/edition/': the test build's address below the host


class _LikeAStaticHost(chromium.QuietHandler):
    """Serves the site below ROOT_PATH; a missing file gets the root's 404.html with status 404."""

    def send_head(self):  # http.server's own signature
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
