"""The whole-document view in the built site: everything in order, links kept on the page."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from scripts.edition.corpus import Corpus

pytestmark = pytest.mark.build


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_print_view_holds_the_whole_document_in_order(site: Path, corpus: Corpus, prefix: str) -> None:
    tree = html.fromstring((site / prefix / "print" / "index.html").read_bytes())
    article = tree.cssselect("article")[0]
    cover = article.cssselect(".oe-cover")[0].text_content()
    assert "最高人民检察院关于全面加强新时代知识产权检察工作的意见" in cover and "Opinions of the Supreme" in cover
    ids = [e.get("id") for e in article.iter() if e.get("id")]
    order = ["contents", "preamble", "part-1", "measure-01", "measure-02", "part-2"] + \
            [f"measure-{n:02d}" for n in range(3, 11)] + ["part-3"] + [f"measure-{n:02d}" for n in range(11, 17)] + \
            ["part-4"] + [f"measure-{n:02d}" for n in range(17, 22)] + ["appendix-glossary"]
    positions = [ids.index(i) for i in order]
    assert positions == sorted(positions)
    assert len(ids) == len(set(ids)), "no duplicate ids on the one page"
    for page in corpus.ordered():
        for para in page.paragraphs:
            assert para.id in ids
    # links stay inside the page
    hrefs = [a.get("href") for a in article.cssselect("a[href]") if not a.get("href").startswith("https://")]
    assert not [h for h in hrefs if h.endswith(".md") or "/measures/" in h]


def test_navigation_links_the_print_view(site: Path) -> None:
    for prefix, label in (("", "Whole document"), ("zh/", "全文")):
        tree = html.fromstring((site / prefix / "index.html").read_bytes())
        links = [a for a in tree.cssselect("nav.md-nav--primary a") if label in a.text_content()]
        assert links and links[0].get("href").rstrip("/").endswith("print")
