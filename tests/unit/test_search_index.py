"""The search index's Chinese: index words, U+200B segmentation, pinyin, and the entries."""
from __future__ import annotations

import re

import pytest

from scripts.edition import Edition
from scripts.edition.zh import segmenter
from scripts.site.search_index import (
    KIND_COMMENTARY,
    KIND_LAW,
    KIND_NOTE,
    KIND_TERM,
    KIND_TEXT,
    KIND_WITNESS,
    SEPARATOR_CHARS,
    ZWSP,
    build_index,
    index_words,
    law_docs,
    measure_docs,
    pinyin_field,
    segment_text,
    witness_docs,
    witness_intro,
    worker_script,
)

pytestmark = pytest.mark.unit

SEG = segmenter(("商标恶意抢注",))


def test_index_words_split_compounds_into_their_parts() -> None:
    assert index_words(SEG, "商业秘密") == ["商业", "秘密"]
    assert index_words(SEG, "打击商标恶意抢注") == ["打击", "商标", "恶意", "抢注"]


def test_index_words_have_no_one_character_words() -> None:
    words = index_words(SEG, "保护创新的成果")
    assert all(len(w) > 1 for w in words)
    assert "".join(words) == "保护创新的成果", "no character lost or repeated"
    assert index_words(SEG, "新品种") and all(len(w) > 1 for w in index_words(SEG, "新品种"))


def test_segment_text_marks_word_boundaries_with_zero_width_spaces() -> None:
    assert segment_text(SEG, "保护商业秘密") == f"保护{ZWSP}商业{ZWSP}秘密"
    assert segment_text(SEG, "trade secrets 商业秘密 (m08-1)") == f"trade secrets 商业{ZWSP}秘密 (m08-1)"
    assert segment_text(SEG, "2022年A级") == f"2022{ZWSP}年{ZWSP}A{ZWSP}级", "a run beside a letter or digit is a word"
    assert segment_text(SEG, f"商业{ZWSP}秘密") == segment_text(SEG, "商业秘密"), "old boundaries are not kept"
    assert segment_text(SEG, "no Chinese here") == "no Chinese here"


def test_no_zero_width_space_beside_punctuation_a_space_or_a_tag() -> None:
    """U+200B is a line-break opportunity: beside a comma it would let a line start with the comma,
    and beside a separator it is not needed to split words."""
    source = "<p>加强商业秘密保护，打击犯罪；〔据报道〕（八）、“以服务” 境外。</p>"
    text = segment_text(SEG, source)
    assert ZWSP in text and text.replace(ZWSP, "") == source
    assert not re.search(f"[{SEPARATOR_CHARS}<>]{ZWSP}|{ZWSP}[{SEPARATOR_CHARS}<>]", text), text
    assert re.split(f"[{SEPARATOR_CHARS}]+", "〔据报道〕") == ["", "据报道", ""], "brackets separate words"


def test_pinyin_field_is_toneless_words() -> None:
    assert pinyin_field(SEG, "商业秘密") == "shangye mimi"
    assert pinyin_field(SEG, "办案、保护") == "banan baohu"
    assert pinyin_field(SEG, "no Chinese") == ""


def test_a_measure_is_indexed_paragraph_by_paragraph(edition: Edition) -> None:
    docs = measure_docs(edition, edition.corpus.pages[8], "zh")
    locations = [d["location"] for d in docs]
    assert locations[0] == "measures/08/" and "measures/08/#m08-1" in locations
    english = docs[locations.index("measures/08/#commentary")]
    assert english["kind"] == KIND_COMMENTARY and english["title"] == f"英文{ZWSP}评注", "named as on the page"
    notes = [d for d in docs if "#m08-zh-n" in d["location"]]  # the Chinese commentary, note by note
    assert [d["location"] for d in notes] == [f"measures/08/#m08-zh-n{k}" for k in range(1, len(notes) + 1)]
    assert notes and all(d["kind"] == KIND_NOTE for d in notes) and notes[0]["title"] == "评注 · N 1"
    assert locations[-len(notes):] == [d["location"] for d in notes]
    m081 = docs[locations.index("measures/08/#m08-1")]
    assert m081["kind"] == KIND_TEXT and f"商业{ZWSP}秘密" in m081["text"] and "shangye mimi" in m081["pinyin"]


def test_each_interface_keeps_its_own_pages_and_replaces_measures_and_glossary(edition: Edition) -> None:
    material = {"config": {"lang": ["en"], "pipeline": ["trimmer", "stopWordFilter"]}, "docs": [
        {"location": "about/", "title": "About", "text": "<p>About this edition</p>"},
        {"location": "zh/about/", "title": "关于", "text": "<p>关于本版</p>"},
        {"location": "measures/08/", "title": "Measure 8", "text": "<p>replaced</p>"},
        {"location": "glossary/#shangye-mimi", "title": "trade secrets", "text": "<p>replaced</p>"},
    ]}
    en = build_index(edition, material, "en")
    zh = build_index(edition, material, "zh")
    assert "trimmer" not in en["config"]["pipeline"], "lunr's trimmer deletes Chinese tokens"
    en_locations = [d["location"] for d in en["docs"]]
    assert en_locations[0] == "about/" and "zh/about/" not in en_locations
    assert [d["location"] for d in zh["docs"]][0] == "about/", "Chinese locations are relative to zh/"
    assert not any(d["text"] == "<p>replaced</p>" for d in en["docs"])
    terms = [d for d in en["docs"] if d["location"].startswith("glossary/#")]
    assert len(terms) == len(edition.glossary.terms) and all(d["kind"] == KIND_TERM for d in terms)
    laws = [d for d in zh["docs"] if d["location"].startswith("laws/#")]
    assert len(laws) == len(edition.laws) and all(d["kind"] == KIND_LAW for d in laws)
    witnesses = [d["location"] for d in zh["docs"] if d["location"].startswith("witnesses/")]
    assert witnesses == ["witnesses/"] + [f"witnesses/#w-{s}" for s in edition.witnesses]


def test_law_and_witness_entries_keep_each_label_apart_from_its_value(edition: Edition) -> None:
    """The register's fields are indexed one paragraph each, label, colon, value: a snippet never
    reads '类型引述原文的报道等级B 级'."""
    for lang, colon in (("zh", "："), ("en", ": ")):
        page, entries = witness_intro(edition, lang, "Witnesses"), witness_docs(edition, lang)
        assert page["location"] == "witnesses/" and entries
        for doc in entries:
            assert doc["kind"] == KIND_WITNESS
            fields = re.findall(r"<p>(.*?)</p>", doc["text"].replace(ZWSP, ""))
            assert len(fields) >= 5 and all(colon in f and not f.startswith(colon) for f in fields), fields
        invoked = [d for d in law_docs(edition, lang) if re.search(f"<p>[^<]+{colon}", d["text"])]
        assert invoked, "articles and the measures invoking a law are labelled"


def test_the_worker_loads_materials_worker_after_its_own_code() -> None:
    script = worker_script("search.1234abcd.min.js")
    assert script.rstrip().endswith('importScripts("search.1234abcd.min.js");')
    assert "SETUP = 0" in script
