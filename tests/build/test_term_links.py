"""Glossary terms in the built measure pages, as a reader without JavaScript gets them: each term
a link to its glossary entry, once per paragraph, none in the commentary written in the
interface's own language; and the one term card each page carries for edition.js."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import html

from scripts.edition import Edition
from scripts.edition.paths import url
from scripts.site.glossary_page import CARDS

pytestmark = pytest.mark.build


def doc(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel / "index.html").read_bytes())


@pytest.mark.parametrize("prefix,lang", [("", "en"), ("zh/", "zh")])
def test_without_javascript_a_term_is_a_link_to_its_glossary_entry(site: Path, edition: Edition, prefix: str,
                                                                   lang: str) -> None:
    glossary = edition.glossary
    entries = {e.get("id") for e in doc(site, prefix + "glossary").cssselect(".oe-term-entry")}
    linked = 0
    # the card's words, for every term, are in the edition's one card file, not on every link
    cards = json.loads((site / CARDS).read_text(encoding="utf-8"))
    assert all(cards[t.id] == [t.pinyin, t.en, t.definition_in("en")[0], t.definition_in("zh")[0]] for t in glossary.terms)
    for number in edition.corpus.pages:
        page = doc(site, prefix + url(number).rstrip("/"))
        for link in page.cssselect("a.oe-term"):
            target = link.get("href")
            assert target.startswith("../../glossary/#"), target
            term = glossary.by_id[target.split("#", 1)[1]]
            assert term.id in entries and link.text_content() == term.zh
            assert link.get("title") == f"{term.pinyin} · {term.en}", "the tooltip without JavaScript"
            linked += 1
        for zh in page.cssselect(".oe-zh"):  # once per paragraph
            repeated = [t for t, n in Counter(a.text_content() for a in zh.cssselect("a.oe-term")).items() if n > 1]
            assert not repeated, f"{number}: {repeated} linked more than once in one paragraph"
        for note in page.cssselect(".oe-commentary-zh .oe-note"):
            terms = note.cssselect("a.oe-term")
            if lang == "zh":
                assert not terms, "the Chinese commentary is not glossed for the Chinese reader"
            assert len({a.text_content() for a in terms}) == len(terms)
        card = page.get_element_by_id("oe-card")
        assert card.get("popover") is not None and card.get("data-search-exclude") is not None
    assert linked > 50


def test_the_english_interface_glosses_the_chinese_commentary(site: Path) -> None:
    assert doc(site, "measures/08").cssselect(".oe-commentary-zh a.oe-term")
    assert not doc(site, "zh/measures/08").cssselect(".oe-commentary-zh a.oe-term")
    assert doc(site, "zh/measures/08").get_element_by_id("oe-card").cssselect(".oe-card-more a")[0].text_content() \
        == "查看术语表词条"
