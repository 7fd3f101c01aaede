"""The glossary: its data, term matching in both languages, occurrences, and segmentation."""
from __future__ import annotations

import pytest

from helpers import fixture_edition
from scripts.edition import Edition
from scripts.edition.glossary import en_pattern, locations, occurrences
from scripts.edition.zh import Segmenter, segmenter

pytestmark = pytest.mark.unit


@pytest.fixture
def edition() -> Edition:
    """The fixture edition (tests/fixtures/edition/), not the real one: these tests pin what a known
    input gives (titles, statuses, terms), so the real pages may change without touching them."""
    return fixture_edition()


def test_glossary_has_enough_complete_terms(edition: Edition) -> None:
    glossary = edition.glossary
    assert edition.errors == []
    assert len(glossary.terms) >= 80
    for term in glossary.terms:
        assert term.en and term.definition and term.pinyin and term.id
    for zh in ["检察机关", "四大检察", "综合履职", "公益诉讼", "授权确权", "植物新品种", "地理标志",
               "商标恶意抢注", "商业秘密", "穿透式监督", "罪刑法定"]:
        assert zh in glossary.by_zh, zh


def test_pinyin_is_generated_and_grouped_by_word(edition: Edition) -> None:
    by_zh = edition.glossary.by_zh
    assert by_zh["商业秘密"].pinyin == "shāngyè mìmì"
    assert by_zh["办案"].pinyin == "bàn'àn"
    assert by_zh["激励、保护创新"].pinyin == "jīlì, bǎohù chuàngxīn"


def test_longest_match_wins(edition: Edition) -> None:
    glossary = edition.glossary
    found = [(t.zh, a, b) for a, b, t in glossary.find_zh("打击商标恶意抢注，保护商标。")]
    assert found == [("打击", 0, 2), ("商标恶意抢注", 2, 8), ("商标", 11, 13)]
    assert [t.zh for t in glossary.terms_in_zh("侵犯知识产权犯罪")] == ["侵犯知识产权犯罪"]


@pytest.mark.parametrize("phrase,text,hit", [
    ("trade secrets", "protect a trade secret", True),
    ("trade secrets", "TRADE-SECRET theft", True),
    ("protest", "the protests lodged", True),
    ("IP", "IP crime", True),
    ("IP", "a zip file", False),
    ("public security organs", "the public security organ", True),
    ("grant and validation", "the grant and validation of rights", True),
    ("crimes of infringing IP", "crimes of infringing IP rights", True),
    ("party", "the parties", True),
])
def test_english_matching_allows_inflection(phrase: str, text: str, hit: bool) -> None:
    assert bool(en_pattern(phrase).search(text)) is hit


def test_first_occurrence_follows_document_order(edition: Edition) -> None:
    corpus, glossary = edition.corpus, edition.glossary
    occ = occurrences(corpus, glossary)
    order = [loc.id for loc in locations(corpus)]
    for term in glossary.terms:
        zh = occ[term.id]["zh"]
        assert zh == sorted(zh, key=order.index)
        assert occ[term.id]["first"] == (zh[0] if zh else None)
    assert occ[glossary.by_zh["商业秘密"].id]["first"] == "m08-1"


def test_the_glossary_segments_with_its_own_words_and_teaches_jieba_nothing(edition: Edition) -> None:
    import jieba

    assert edition.segmenter.segment("打击商标恶意抢注") == ["打击", "商标恶意抢注"]
    assert edition.segmenter.segment_fine("商标恶意抢注") == ["商标", "恶意", "抢注"]
    assert "商标恶意抢注" not in jieba.dt.FREQ, "loading the glossary must not change jieba's own dictionary"
    assert Segmenter().segment("打击商标恶意抢注") == ["打击", "商标", "恶意", "抢注"]


def test_segmenters_are_made_once_per_set_of_words() -> None:
    assert segmenter(("商业秘密",)) is segmenter(("商业秘密",))
    assert segmenter(("商业秘密",)) is not segmenter(())
