"""Interface strings: one table, both interfaces complete, and the helpers that compose them."""
from __future__ import annotations

import string

import pytest

from helpers import fixture_edition
from scripts.edition import Edition
from scripts.site.i18n import (
    LABELS,
    PART_STYLES,
    article_label,
    bare_title,
    document_date,
    full_title,
    measure_label,
    part_heading,
    part_label,
    t,
)

pytestmark = pytest.mark.unit


@pytest.fixture
def edition() -> Edition:
    """The fixture edition (tests/fixtures/edition/), not the real one: these tests pin what a known
    input gives (titles, statuses, terms), so the real pages may change without touching them."""
    return fixture_edition()


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_interfaces_have_the_same_strings_with_the_same_fields() -> None:
    assert set(LABELS["en"]) == set(LABELS["zh"])
    for key, en in LABELS["en"].items():
        zh = LABELS["zh"][key]
        # the Chinese may leave out a field the English needs (a roman numeral, an article
        # suffix), but never ask for one the English does not supply
        assert fields(zh) <= fields(en) | {"zh", "sub"}, key
        assert en.strip() or key == "commentary.note", f"empty English string {key!r}"


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("en", "no.such.key")


def test_measure_and_part_labels() -> None:
    assert measure_label("en", 8) == "Measure 8" and measure_label("zh", 8) == "（八）"
    assert measure_label("en", 0) == "Preamble" and measure_label("zh", 0) == "序言"
    assert measure_label("zh", 21) == "（二十一）"
    assert part_label("en", 2) == "Part II" and part_label("zh", 2) == "第二部分"


def test_part_heading_names_the_part_in_each_style(edition: Edition) -> None:
    part = edition.corpus.part(2)
    # part two's title is reported (P1, E1), not shown as a heading: it says so
    assert part_heading("en", part, "page") == f"Part II: {part['title']['en']} [reported]"
    assert part_heading("zh", part, "page") == f"第二部分：{part['title']['zh']}〔据报道〕"
    assert part_heading("en", part, "heading") == f"Part II. {part['title']['en']} [reported]"
    assert part_heading("zh", part, "heading") == f"第二部分　{part['title']['zh']}〔据报道〕"
    assert part_heading("en", part, "crumb") == f"Part II: {part['short']['en']} [reported]"
    assert part_heading("en", part, "nav") == f"Part II · {part['short']['en']} [reported]"
    assert part_heading("zh", part, "nav") == f"第二部分　{part['short']['zh']}〔据报道〕"
    assert set(PART_STYLES) == {"page", "heading", "crumb", "nav"}


def test_full_title(edition: Edition) -> None:
    page = edition.corpus.pages[8]
    # a heading no witness shows as such says so wherever the title appears
    assert full_title("en", page) == "Measure 8: Strengthening the protection of trade secrets [reported]"
    assert full_title("zh", page) == "（八）加强商业秘密保护〔据报道〕"
    assert bare_title("en", page) == "Measure 8: Strengthening the protection of trade secrets"
    assert full_title("en", edition.corpus.pages[12]).endswith(" [conjecture]")
    assert full_title("zh", edition.corpus.pages[12]).endswith("〔推测〕")
    assert full_title("en", edition.corpus.pages[1]) == "Measure 1: Guiding ideology"
    assert full_title("en", edition.corpus.pages[0]) == "Preamble"


def test_article_labels_and_dates() -> None:
    assert article_label("219-1", "en") == "Art. 219-1"
    assert article_label("219-1", "zh") == "第二百一十九条之一", "article numbers in Chinese form"
    assert article_label("1185", "zh") == "第一千一百八十五条" and article_label("105", "zh") == "第一百零五条"
    assert article_label("20", "zh") == "第二十条"
    assert document_date("en", "2022-03-01") == "1 March 2022"
    assert document_date("zh", "2022-03-01") == "2022年3月1日"
