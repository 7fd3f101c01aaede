"""Glossary, laws, functions and related measures in the built site, and the data exports.

The exports are checked to parse, to validate and to agree with the pages.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree, html

from helpers import ROOT, source_text
from scripts.edition import Edition
from scripts.edition.zh import pinyin_sort_key

pytestmark = pytest.mark.build

SCHEMAS = ROOT / "scripts" / "schemas"


def doc(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel / "index.html").read_bytes())


def test_glossary_page_orders_by_english_and_by_pinyin(site: Path, edition: Edition) -> None:
    glossary = edition.glossary
    en_ids = [e.get("id") for e in doc(site, "glossary").cssselect(".oe-term-entry")]
    zh_ids = [e.get("id") for e in doc(site, "zh/glossary").cssselect(".oe-term-entry")]
    assert sorted(en_ids) == sorted(zh_ids) == sorted(t.id for t in glossary.terms)
    en_keys = [glossary.by_id[i].en.lower().removeprefix("the ").removeprefix("a ") for i in en_ids]
    assert en_keys == sorted(en_keys)
    zh_keys = [pinyin_sort_key(glossary.by_id[i].zh, glossary.by_id[i].pinyin) for i in zh_ids]
    assert zh_keys == sorted(zh_keys)


def test_glossary_entry_lists_linked_occurrences(site: Path, edition: Edition) -> None:
    term = edition.glossary.by_zh["商业秘密"]
    for prefix in ("", "zh/"):
        entry = doc(site, prefix + "glossary").get_element_by_id(term.id)
        assert "shāngyè mìmì" in entry.text_content() and "trade secrets" in entry.text_content()
        hrefs = [a.get("href") for a in entry.cssselect("a")]
        assert "../measures/08/#m08-1" in hrefs


def test_terms_in_the_chinese_source_carry_tooltips_and_links(site: Path, edition: Edition) -> None:
    by_zh = edition.glossary.by_zh
    for prefix in ("", "zh/"):
        page = doc(site, prefix + "measures/08")
        links = page.cssselect("#m08-1 .oe-zh a.oe-term")
        texts = [a.text_content() for a in links]
        assert "商业秘密" in texts and "罪刑法定" in texts
        secret = links[texts.index("商业秘密")]
        assert secret.get("title") == "shāngyè mìmì · trade secrets"
        assert secret.get("href") == f"../../glossary/#{by_zh['商业秘密'].id}"
        # the Chinese text itself is unchanged by the markup
        assert source_text(page.cssselect("#m08-1 .oe-zh")[0]) == edition.corpus.pages[8].paragraphs[0].zh


def test_related_and_reverse_links_on_every_measure(site: Path, edition: Edition) -> None:
    corpus = edition.corpus
    for number, page in corpus.pages.items():
        tree = doc(site, "measures/" + ("preamble" if number == 0 else f"{number:02d}"))
        lists = tree.cssselect(".oe-links ul")
        if not page.meta["related"] and not corpus.referred_by(number):
            continue
        related, back = ([a.get("href") for a in ul.cssselect("a")] for ul in lists)
        names = ["../preamble/" if n == 0 else f"../{n:02d}/" for n in page.meta["related"]]
        assert related == names
        assert back == ["../preamble/" if n == 0 else f"../{n:02d}/" for n in corpus.referred_by(number)]
    # a measure that names another as related is listed on that one as referring to it
    assert all(number in corpus.referred_by(other) for number, page in corpus.pages.items()
               for other in page.meta["related"])


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_functions_matrix_matches_front_matter(site: Path, edition: Edition, prefix: str) -> None:
    table = doc(site, prefix + "functions").cssselect("table.oe-matrix")[0]
    rows = table.cssselect("tbody tr")
    assert len(rows) == 21
    order = ["criminal", "civil", "administrative", "public-interest", "cross-cutting"]
    for page, row in zip(edition.corpus.measures(), rows, strict=True):
        marks = [c.text_content().startswith("●") for c in row.cssselect("td")]
        assert marks == [f in page.meta["functions"] for f in order], page.number
    assert len(doc(site, prefix + "functions").cssselect("table.oe-heatmap tbody tr")) == 4


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_laws_page_lists_every_law_and_its_measures(site: Path, edition: Edition, prefix: str) -> None:
    corpus = edition.corpus
    tree = doc(site, prefix + "laws")
    for law in edition.laws.values():
        entry = tree.get_element_by_id(law.id)
        hrefs = [a.get("href") for a in entry.cssselect("a")]
        expected = [("../measures/preamble/" if n == 0 else f"../measures/{n:02d}/")
                    for n in (p.number for p in corpus.ordered()) if law.id in corpus.pages[n].meta.get("laws", [])]
        assert hrefs == expected, law.id
    assert tree.get_element_by_id("criminal-law").cssselect("a")


# --- exports ---------------------------------------------------------------------------------

def test_tmx_is_valid_and_has_one_unit_per_aligned_paragraph(site: Path, edition: Edition) -> None:
    tree = etree.parse(str(site / "data/opinions.tmx"))
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    units = tree.findall(".//tu")
    paras = [p for page in edition.corpus.ordered() for p in page.paragraphs if p.en is not None]
    assert [u.get("tuid") for u in units] == [p.id for p in paras]
    first = units[0]
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in first.findall("tuv")]
    assert langs == ["zh-CN", "en"]
    assert first.find("prop[@type='x-paragraph-id']").text == paras[0].id
    assert first.find("tuv/seg").text == paras[0].zh


def test_tbx_and_csv_export_every_term(site: Path, edition: Edition) -> None:
    glossary = edition.glossary
    tree = etree.parse(str(site / "data/glossary.tbx"))
    dtd = etree.DTD(str(SCHEMAS / "tbx-basic-subset.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    entries = tree.findall(".//termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in glossary.terms]
    secret = tree.find(f".//termEntry[@id='{glossary.by_zh['商业秘密'].id}']")
    statuses = {t.find("term").text: t.find("termNote[@type='administrativeStatus']").text
                for t in secret.findall("langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']/tig")}
    assert statuses["trade secrets"] == "preferredTerm-admn-sts"
    assert statuses["commercial secrets"] == "deprecatedTerm-admn-sts"
    rows = list(csv.DictReader(io.StringIO((site / "data/glossary.csv").read_text(encoding="utf-8"))))
    assert [r["zh"] for r in rows] == [t.zh for t in glossary.terms]
    assert rows[0].keys() >= {"zh", "pinyin", "en", "alternatives", "rejected", "definition", "first_occurrence"}


def test_opinions_json_carries_indexes_terms_and_laws(site: Path, edition: Edition) -> None:
    data = json.loads((site / "data/opinions.json").read_text(encoding="utf-8"))
    assert data["indexes"] == {"terms": "glossary/", "laws": "laws/", "functions": "functions/"}
    for url in data["indexes"].values():
        assert (site / url / "index.html").exists() and (site / "zh" / url / "index.html").exists()
    m8 = next(m for m in data["measures"] if m["number"] == 8)
    text8 = "".join(p.zh for p in edition.corpus.pages[8].paragraphs)
    assert all(t["zh"] in text8 for t in m8["terms"]), "a measure's terms are the glossary terms its text holds"
    assert m8["laws"] == edition.corpus.pages[8].meta["laws"]
    assert len(data["glossary"]) == len(edition.glossary.terms)
    assert {law["id"] for law in data["laws"]} == set(edition.laws)


def test_downloads_page_links_every_export(site: Path) -> None:
    for prefix in ("", "zh/"):
        hrefs = {a.get("href") for a in doc(site, prefix + "downloads").cssselect("article a")}
        up = "../../" if prefix else "../"
        for name in ("opinions.json", "opinions.tmx", "glossary.tbx", "glossary.csv"):
            assert f"{up}data/{name}" in hrefs
            assert (site / "data" / name).stat().st_size > 0


def test_each_interface_has_its_own_smaller_index(site: Path) -> None:
    en = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in en["docs"] if d["location"].startswith("zh/")]
    assert not [d for d in zh["docs"] if d["location"].startswith("zh/")], "zh locations are relative to /zh/"
    for index in (en, zh):
        assert "trimmer" not in index["config"]["pipeline"], "lunr's trimmer deletes Chinese tokens"
        locations = {d["location"] for d in index["docs"]}
        assert "measures/08/#m08-1" in locations and "measures/08/#commentary" in locations
        m081 = next(d for d in index["docs"] if d["location"] == "measures/08/#m08-1")
        assert "商业\u200b秘密" in m081["text"] and "shangye mimi" in m081["pinyin"]
