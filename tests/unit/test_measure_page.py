"""Measure pages as Markdown, before MkDocs sees them: source page in, expected Markdown out.

The expected output of the fixture page is kept in tests/fixtures/render/ (pymdownx's
style: a source and the exact text it must give). When a change to the page is
intended, rewrite them with `UPDATE_SNAPSHOTS=1 python -m pytest tests/unit/test_measure_page.py`
and review the diff like any other change.
"""
from __future__ import annotations

import difflib
import os
import re

import pytest

from helpers import FIXTURES, fixture_edition
from scripts.edition import Edition
from scripts.edition.corpus import Corpus
from scripts.edition.page import parse_page
from scripts.site.contents import render_contents
from scripts.site.glossary_page import mark_terms
from scripts.site.i18n import bare_title
from scripts.site.measure import Context, mark_gaps, render_page, view_control
from scripts.site.printview import CTX as PRINT
from scripts.site.wayfinding import breadcrumbs, pager

pytestmark = pytest.mark.unit


@pytest.fixture
def edition() -> Edition:
    """The fixture edition (tests/fixtures/edition/), not the real one: these tests pin what a known
    input gives (titles, statuses, terms), so the real pages may change without touching them."""
    return fixture_edition()

PART_2 = {"number": 2, "numeral": "二", "source_status": "unverified",
          "title": {"zh": "坚持以办案为中心", "en": "Keeping case-handling at the centre"},
          "short": {"zh": "以办案为中心", "en": "Case-handling at the centre"}}


def fixture_corpus() -> Corpus:
    page, errors = parse_page(FIXTURES / "pages" / "good.md")
    assert errors == []
    return Corpus(root=FIXTURES, document={"parts": [PART_2], "measures": 21}, pages={8: page})


def matches_snapshot(text: str, name: str) -> None:
    path = FIXTURES / "render" / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), str(path), "rendered"))
    assert text == expected, f"the rendered page differs from {path.name}:\n{diff}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fixture_page_renders_as_expected(lang: str) -> None:
    corpus = fixture_corpus()
    text = render_page(corpus, corpus.pages[8], lang, cite={"cite": "{para} cited", "url": "https://x.example/8/"})
    matches_snapshot(text, f"good.{lang}.md")


def test_a_page_is_title_text_commentary_links_contributors_in_that_order() -> None:
    """The text comes first: title, the one-line bar (status and display control, everything else
    folded inside it), the pairs; then commentary, links and contributors."""
    corpus = fixture_corpus()
    text = render_page(corpus, corpus.pages[8], "en")
    marks = ["# Measure 8: Strengthening the protection of trade secrets\n",
             '<p class="oe-alt-title" lang="zh-Hans">（八）加强商业秘密保护</p>',
             'class="admonition info oe-stage oe-stage-draft"',
             '<div class="oe-bar"', '<details class="oe-status"', "Heading: conjecture",
             'class="oe-status-body"', 'class="oe-status-verdict"', '<span class="oe-part">', "</details>",
             '<details class="oe-display"', '<form class="oe-view"', 'id="m08-1"', 'id="m08-2"',
             "## Commentary {#commentary}", '<p class="oe-links-title">Related measures</p>',
             "[Measure 3](03.md)", '<div class="oe-contributors"']
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)
    assert "oe-source" not in text and "oe-hstatus" not in text, "no banner or badge before the text on screen"
    assert "data-oe-cite" not in text, "no cite controls without citation formats"


def test_in_the_print_view_ids_are_unique_and_links_stay_on_the_page() -> None:
    corpus = fixture_corpus()
    page = corpus.pages[8]
    page.commentary = "See [measure 3](03.md#m03-1) and [the preamble](preamble.md)."
    text = render_page(corpus, page, "en", ctx=PRINT)
    assert text.startswith("## Measure 8: Strengthening the protection of trade secrets <span class=\"oe-hstatus")
    assert text.split("\n", 1)[0].endswith("{#measure-08}")
    assert 'id="oe-notes-measure-08"' in text and "{#commentary-measure-08}" in text
    assert "](#m03-1)" in text and "](#preamble)" in text and ".md" not in text.replace("03.md", "")
    assert "- [Measure 3](#measure-03)" in text
    assert '<form class="oe-view"' not in text and "How the text was made" not in text
    assert Context().page_link(3) == "03.md" and PRINT.page_link(3) == "#measure-03"


def test_in_the_print_view_links_to_pages_outside_the_measures_start_from_docs() -> None:
    """A measure page links the About page or a former measure as ../X.md; the print view sits in
    docs/, so the same link there is X.md (MkDocs checks and rewrites it)."""
    commentary = "See [the pilot](../about.md#pilot) and [former 13](../former/13.md#m13-1)."
    assert PRINT.rewrite(commentary) == "See [the pilot](about.md#pilot) and [former 13](former/13.md#m13-1)."
    assert Context().rewrite(commentary) == commentary


def test_reading_mode_control_and_gaps() -> None:
    control = view_control("en")
    assert re.findall(r'value="(\w+)"', control) == ["parallel", "stacked", "zh", "en"]
    assert "<legend>Reading mode</legend>" in control and "阅读模式" in view_control("zh")
    assert mark_gaps("前［……］后", "［……］", "en") == \
        '前<span class="oe-gap" title="Passage not transcribed">［……］</span>后'


def test_glossary_terms_in_the_chinese_become_links(edition: Edition) -> None:
    html = mark_terms(edition.glossary, "依法惩治侵犯商业秘密犯罪", "../../glossary/")
    term = edition.glossary.by_zh["商业秘密"]
    assert (f'<a class="oe-term" href="../../glossary/#{term.id}" title="{term.pinyin} · {term.en}">'
            '商业秘密</a>') in html


def test_landing_contents_list_every_part_and_measure(edition: Edition) -> None:
    corpus = edition.corpus
    text = render_contents(corpus, "en")
    assert text.count("### Part ") == len(corpus.document["parts"])
    assert "### Part II. Keeping case-handling at the centre" in text and "{#part-2}" in text
    assert len(re.findall(r"^- \[", text, re.M)) == len(corpus.pages)
    # every measure's title is followed by its heading's mark, named in words; never a word in the title
    for page in corpus.measures():
        link = f"- [{bare_title('en', page)}](measures/{page.number:02d}.md) "
        assert link in text, link
        after = text[text.index(link) + len(link):].split("\n", 1)[0]
        assert f'class="oe-mark oe-h oe-h-{page.heading_status}"' in after
        assert "[conjecture]" not in link and "[reported]" not in link


def test_wayfinding_links_between_sibling_pages(edition: Edition) -> None:
    corpus = edition.corpus
    crumbs = breadcrumbs(corpus, corpus.pages[8], "en")
    assert re.search(r'<a href="\.\./\.\./#part-2" title="Part II: [^"]+">Part II</a>', crumbs), crumbs
    assert '<li aria-current="page">Measure 8</li>' in crumbs
    nav = pager(corpus, corpus.pages[8], "zh")
    assert 'href="../07/" rel="prev"' in nav and 'href="../09/" rel="next"' in nav and "上一条" in nav
    assert 'oe-pager-prev oe-pager-none' in pager(corpus, corpus.pages[0], "en")


def test_print_view_keeps_links_to_pages_outside_the_measures_folder() -> None:
    # a commentary links the About page or the register as ../about.md#x (it sits in docs/measures/);
    # the print view sits in docs/, so the same link loses its ../ there, and measure links stay in the page
    text = "[a](../about.md#pilot), [r](../witnesses.md), [f](../former/13.md#m13-1), [m](08.md#m08-1)"
    assert Context(print_view=True).rewrite(text) == \
        "[a](about.md#pilot), [r](witnesses.md), [f](former/13.md#m13-1), [m](#m08-1)"
    assert Context().rewrite(text) == text
