"""The built site's integrity: edit links to real files, named contributors, the security policy,
nothing loaded from elsewhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from helpers import ROOT, TEST_REPO_URL
from scripts.edition.corpus import Corpus

pytestmark = pytest.mark.build

NOT_FETCHED = {"canonical", "alternate", "prev", "next"}
RESOURCE_ATTRS = [("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src"), ("track", "src")]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_edit_and_suggest_links_to_real_files(site: Path) -> None:
    edit_prefix = f"{TEST_REPO_URL}/edit/main/"
    tree_prefix = f"{TEST_REPO_URL}/tree/main/"
    for path in html_files(site):
        if path.name == "404.html":
            continue
        tree = html.fromstring(path.read_bytes())
        footer = tree.cssselect("aside.oe-page-footer")
        assert footer, f"{path.relative_to(site)} has no page footer"
        links = [a.get("href") for a in footer[0].cssselect("a")]
        edit = next(h for h in links if h.startswith((edit_prefix, tree_prefix)))
        target = ROOT / edit.split("/main/", 1)[1]
        assert target.exists(), f"{path.relative_to(site)}: edit link to missing {target.relative_to(ROOT)}"
        assert not target.name.endswith(".zh.md") or target.exists()
        assert any("/issues/new?template=" in h for h in links)
        assert footer[0].cssselect("time"), "shows when the page last changed"


def test_measure_pages_name_their_contributors(site: Path, corpus: Corpus) -> None:
    for number, page in corpus.pages.items():
        name = "preamble" if number == 0 else f"{number:02d}"
        for prefix in ("", "zh/"):
            tree = html.fromstring((site / prefix / "measures" / name / "index.html").read_bytes())
            text = tree.cssselect(".oe-contributors")[0].text_content()
            for person in page.meta["contributors"]:
                assert person["name"] in text


def test_every_page_sends_a_content_security_policy(site: Path) -> None:
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert m, f"{path.relative_to(site)} has no CSP"
        policy = m.group(1)
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert text.index("Content-Security-Policy") < text.index("<script")
        assert "data-oe-serve-errors" not in text, "the serve notice is never part of a build"


def test_no_page_references_resources_off_the_site(site: Path) -> None:
    offsite = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
    for path in html_files(site):
        tree = html.fromstring(path.read_bytes())
        for tag, attr in RESOURCE_ATTRS:
            for el in tree.iter(tag):
                if tag == "link" and set((el.get("rel") or "").split()) <= NOT_FETCHED:
                    continue  # canonical and hreflang addresses name the page; nothing is fetched
                value = el.get(attr) or ""
                assert not offsite.match(value), f"{path.relative_to(site)}: <{tag} {attr}={value}>"
        for el in tree.xpath("//*[@style]"):
            assert "url(" not in el.get("style", "")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), css
        assert not re.search(r"@import\s+(url\()?['\"]?(?:https?:)?//", text), css
