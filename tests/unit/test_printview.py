"""The whole-document view carries what the printed edition needs (scripts/site/printview.py):
running-head markers, each paragraph's apparatus as a footnote keyed by lemma, the notes on
the transcription after the text, and the book's metadata. Rules for every measure."""
from __future__ import annotations

import re

import pytest

from scripts.edition import Edition
from scripts.site.i18n import bare_title, t
from scripts.site.printview import lemma, notes_after_text, render_print_page

pytestmark = pytest.mark.unit

STAMP = {"date": "2026-01-02", "commit": "abc1234"}


@pytest.fixture(scope="module", params=["en", "zh"])
def printed(request, edition: Edition) -> tuple[str, str]:
    return request.param, render_print_page(edition, request.param, STAMP)


def test_every_measure_sets_the_running_head_before_its_heading(printed, edition: Edition) -> None:
    lang, html = printed
    for page in edition.corpus.ordered():
        marker = html.find(f'data-measure="{bare_title(lang, page)}"'.replace("'", "&#x27;"))
        assert marker >= 0, bare_title(lang, page)
        heading = html.find(f"{{#{'preamble' if page.is_preamble else f'measure-{page.number:02d}'}")
        assert marker < heading, bare_title(lang, page)


def test_each_attested_paragraph_has_its_apparatus_as_a_footnote(printed, edition: Edition) -> None:
    lang, html = printed
    for page in edition.corpus.ordered():
        if page.source["status"] == "verified":
            continue
        for para in page.paragraphs:
            atts = page.apparatus.for_para(para.id)
            if not atts:
                continue
            zh = re.search(rf'id="{re.escape(para.id)}".*?<div class="oe-zh"[^>]*><p>(.*?)</p></div>', html, re.S)
            assert zh, para.id
            foot = re.match(r'<span class="oe-foot"[^>]*><span class="oe-foot-pid">([^<]+)</span>(.*?)</span>'
                            r'(?=<span class="oe-(?:att|rec)|<a )', zh.group(1), re.S)
            assert foot and foot.group(1) == para.id, f"{para.id}: no footnote at the start of its Chinese"
            for a in atts:
                assert all(s in foot.group(2) for s in a.witnesses), f"{para.id}: {a.witnesses}"


def test_the_notes_follow_the_text(printed, edition: Edition) -> None:
    lang, html = printed
    for page in edition.corpus.ordered():
        anchor = "preamble" if page.is_preamble else f"measure-{page.number:02d}"
        notes = html.find(f'id="oe-notes-{anchor}"')
        if notes < 0 or not page.paragraphs:
            continue
        assert html.find(f'id="{page.paragraphs[-1].id}"') < notes, f"{anchor}: the notes come before the text"
        commentary = html.find(f'id="commentary{"" if lang == "en" else "-zh"}-{anchor}"')
        commentary = commentary if commentary >= 0 else html.find(f"{{#commentary{'' if lang == 'en' else '-zh'}-{anchor}}}")
        if commentary >= 0:
            assert notes < commentary, f"{anchor}: the notes come after the commentary"


def test_notes_are_left_in_place_where_the_page_has_none() -> None:
    body = "## Title\n\n<div class=\"oe-text\">text</div>\n"
    assert notes_after_text(body) == body


def test_the_title_page_and_metadata(printed, edition: Edition) -> None:
    lang, html = printed
    cover = html[html.index('<div class="oe-cover">'):html.index("</div>", html.index('<div class="oe-cover">'))]
    assert STAMP["commit"] in cover and "%" in cover
    info = re.search(r'<div class="oe-book-info" hidden ([^>]*)>', html)
    assert info and 'data-title="' in info.group(1) and 'data-authors="' in info.group(1)
    assert t(lang, "print.contents") in html


def test_a_long_lemma_is_cited_by_its_ends() -> None:
    assert lemma("加强商业秘密保护") == "加强商业秘密保护"
    long = "盗窃、利诱、欺诈、胁迫、电子侵入或者其他不正当手段"
    assert lemma(long).startswith(long[:4]) and lemma(long).endswith(long[-3:]) and "…" in lemma(long)
