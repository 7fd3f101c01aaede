"""Glossary, laws, functions, related measures and the data exports.

Each builder is tested on the real pages and on small fixtures, and the
exports are checked to parse, to validate and to agree with the pages.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from lxml import etree, html

from helpers import ROOT, edit, edit_line, line_of, run_check
from scripts.edition import load_edition
from scripts.edition.glossary import en_pattern, locations, occurrences
from scripts.edition.zh import pinyin_sort_key

EDITION = load_edition(ROOT)
GLOSSARY = EDITION.glossary
CORPUS = EDITION.corpus
SCHEMAS = ROOT / "scripts" / "schemas"


def doc(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel / "index.html").read_bytes())


def aligned_paragraphs() -> list:
    return [p for page in CORPUS.ordered() for p in page.paragraphs if p.en is not None]


# --- glossary data and matching --------------------------------------------------------------

def test_glossary_has_enough_complete_terms() -> None:
    assert EDITION.errors == []
    assert len(GLOSSARY.terms) >= 80
    for term in GLOSSARY.terms:
        assert term.en and term.definition and term.pinyin and term.id
    for zh in ["检察机关", "四大检察", "综合履职", "公益诉讼", "授权确权", "植物新品种", "地理标志",
               "商标恶意抢注", "商业秘密", "穿透式监督", "罪刑法定"]:
        assert zh in GLOSSARY.by_zh, zh


def test_pinyin_is_generated_and_grouped_by_word() -> None:
    assert GLOSSARY.by_zh["商业秘密"].pinyin == "shāngyè mìmì"
    assert GLOSSARY.by_zh["办案"].pinyin == "bàn'àn"
    assert GLOSSARY.by_zh["激励、保护创新"].pinyin == "jīlì, bǎohù chuàngxīn"


def test_longest_match_wins() -> None:
    found = [(t.zh, a, b) for a, b, t in GLOSSARY.find_zh("打击商标恶意抢注，保护商标。")]
    assert found == [("打击", 0, 2), ("商标恶意抢注", 2, 8), ("商标", 11, 13)]
    assert [t.zh for t in GLOSSARY.terms_in_zh("侵犯知识产权犯罪")] == ["侵犯知识产权犯罪"]


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


def test_first_occurrence_follows_document_order() -> None:
    occ = occurrences(CORPUS, GLOSSARY)
    order = [loc.id for loc in locations(CORPUS)]
    for term in GLOSSARY.terms:
        zh = occ[term.id]["zh"]
        assert zh == sorted(zh, key=order.index)
        assert occ[term.id]["first"] == (zh[0] if zh else None)
    assert occ[GLOSSARY.by_zh["商业秘密"].id]["first"] == "m08-1"


# --- checks on fixtures ----------------------------------------------------------------------

def test_inconsistent_rendering_is_reported_with_file_and_line(project: Path) -> None:
    page = project / "docs/measures/08.md"
    line = line_of(page, "(8) Strengthening the protection of trade secrets.")
    text = page.read_text(encoding="utf-8").split("\n")
    text[line - 1] = text[line - 1].replace("trade secrets", "commercial secrets")
    page.write_text("\n".join(text), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert (f"docs/measures/08.md:{line}: error [glossary]: 'm08-1': the Chinese has the glossary term "
            f"商业秘密 but the English does not use 'trade secrets'") in result.stderr
    assert "data/glossary.yml (line" in result.stderr


def test_glossary_entry_without_english_is_reported(project: Path) -> None:
    edit(project / "data/glossary.yml", "  en: trade secrets\n", '  en: ""\n')
    result = run_check(project)
    assert result.returncode == 1
    line = line_of(project / "data/glossary.yml", 'en: ""')
    assert f"data/glossary.yml:{line}: error [schema]" in result.stderr


def test_unknown_law_is_reported_with_a_suggestion(project: Path) -> None:
    edit_line(project / "docs/measures/08.md", r"^laws: .*$", "laws: [criminal-lawx, criminal-law-amendment-xi, anti-unfair-competition-law]")
    result = run_check(project)
    assert result.returncode == 1
    line = line_of(project / "docs/measures/08.md", "laws:")
    assert f"08.md:{line}: error [laws]: law 'criminal-lawx' is not in data/laws.yml" in result.stderr
    assert "did you mean 'criminal-law'?" in result.stderr


def test_law_named_in_commentary_must_be_listed(project: Path) -> None:
    edit_line(project / "docs/measures/08.md", r"^laws: .*$", "laws: [criminal-law, criminal-law-amendment-xi]")
    result = run_check(project)
    assert result.returncode == 1
    assert "the commentary names the Anti-Unfair Competition Law but front matter 'laws' does not list" in result.stderr


def test_related_measure_that_does_not_exist(project: Path) -> None:
    edit(project / "docs/measures/08.md", "related: [3, 4, 14, 15]", "related: [3, 4, 14, 25]")
    result = run_check(project)
    assert result.returncode == 1
    assert "related.3: 25 is greater than the maximum of 21" in result.stderr


# --- pages in the built site -----------------------------------------------------------------

def test_glossary_page_orders_by_english_and_by_pinyin(site: Path) -> None:
    en_ids = [e.get("id") for e in doc(site, "glossary").cssselect(".oe-term-entry")]
    zh_ids = [e.get("id") for e in doc(site, "zh/glossary").cssselect(".oe-term-entry")]
    assert sorted(en_ids) == sorted(zh_ids) == sorted(t.id for t in GLOSSARY.terms)
    en_keys = [GLOSSARY.by_id[i].en.lower().removeprefix("the ").removeprefix("a ") for i in en_ids]
    assert en_keys == sorted(en_keys)
    zh_keys = [pinyin_sort_key(GLOSSARY.by_id[i].zh, GLOSSARY.by_id[i].pinyin) for i in zh_ids]
    assert zh_keys == sorted(zh_keys)


def test_glossary_entry_lists_linked_occurrences(site: Path) -> None:
    term = GLOSSARY.by_zh["商业秘密"]
    for prefix in ("", "zh/"):
        entry = doc(site, prefix + "glossary").get_element_by_id(term.id)
        assert "shāngyè mìmì" in entry.text_content() and "trade secrets" in entry.text_content()
        hrefs = [a.get("href") for a in entry.cssselect("a")]
        assert "../measures/08/#m08-1" in hrefs


def test_terms_in_the_chinese_source_carry_tooltips_and_links(site: Path) -> None:
    for prefix in ("", "zh/"):
        page = doc(site, prefix + "measures/08")
        links = page.cssselect("#m08-1 .oe-zh a.oe-term")
        texts = [a.text_content() for a in links]
        assert "商业秘密" in texts and "罪刑法定" in texts
        secret = links[texts.index("商业秘密")]
        assert secret.get("title") == "shāngyè mìmì · trade secrets"
        assert secret.get("href") == f"../../glossary/#{GLOSSARY.by_zh['商业秘密'].id}"
        # the Chinese text itself is unchanged by the markup
        assert page.cssselect("#m08-1 .oe-zh")[0].text_content().strip() == CORPUS.pages[8].paragraphs[0].zh


def test_related_and_reverse_links_on_every_measure(site: Path) -> None:
    for number, page in CORPUS.pages.items():
        tree = doc(site, "measures/" + ("preamble" if number == 0 else f"{number:02d}"))
        lists = tree.cssselect(".oe-links ul")
        if not page.meta["related"] and not CORPUS.referred_by(number):
            continue
        related, back = ([a.get("href") for a in ul.cssselect("a")] for ul in lists)
        name = lambda n: "../preamble/" if n == 0 else f"../{n:02d}/"  # noqa: E731
        assert related == [name(n) for n in page.meta["related"]]
        assert back == [name(n) for n in CORPUS.referred_by(number)]
    # measure 8 names measure 3 as related, so measure 3 lists measure 8 as referring to it
    assert 8 in CORPUS.referred_by(3)


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_functions_matrix_matches_front_matter(site: Path, prefix: str) -> None:
    table = doc(site, prefix + "functions").cssselect("table.oe-matrix")[0]
    rows = table.cssselect("tbody tr")
    assert len(rows) == 21
    order = ["criminal", "civil", "administrative", "public-interest", "cross-cutting"]
    for page, row in zip(CORPUS.measures(), rows):
        marks = [c.text_content().startswith("●") for c in row.cssselect("td")]
        assert marks == [f in page.meta["functions"] for f in order], page.number
    assert len(doc(site, prefix + "functions").cssselect("table.oe-heatmap tbody tr")) == 4


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_laws_page_lists_every_law_and_its_measures(site: Path, prefix: str) -> None:
    tree = doc(site, prefix + "laws")
    for law in EDITION.laws.values():
        entry = tree.get_element_by_id(law.id)
        hrefs = [a.get("href") for a in entry.cssselect("a")]
        expected = [("../measures/preamble/" if n == 0 else f"../measures/{n:02d}/")
                    for n in (p.number for p in CORPUS.ordered()) if law.id in CORPUS.pages[n].meta.get("laws", [])]
        assert hrefs == expected, law.id
    assert tree.get_element_by_id("criminal-law").cssselect("a")


# --- exports ---------------------------------------------------------------------------------

def test_tmx_is_valid_and_has_one_unit_per_aligned_paragraph(site: Path) -> None:
    tree = etree.parse(str(site / "data/opinions.tmx"))
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    units = tree.findall(".//tu")
    paras = aligned_paragraphs()
    assert [u.get("tuid") for u in units] == [p.id for p in paras]
    first = units[0]
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in first.findall("tuv")]
    assert langs == ["zh-CN", "en"]
    assert first.find("prop[@type='x-paragraph-id']").text == paras[0].id
    assert first.find("tuv/seg").text == paras[0].zh


def test_tbx_and_csv_export_every_term(site: Path) -> None:
    tree = etree.parse(str(site / "data/glossary.tbx"))
    dtd = etree.DTD(str(SCHEMAS / "tbx-basic-subset.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    entries = tree.findall(".//termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in GLOSSARY.terms]
    secret = tree.find(f".//termEntry[@id='{GLOSSARY.by_zh['商业秘密'].id}']")
    statuses = {t.find("term").text: t.find("termNote[@type='administrativeStatus']").text
                for t in secret.findall("langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']/tig")}
    assert statuses["trade secrets"] == "preferredTerm-admn-sts"
    assert statuses["commercial secrets"] == "deprecatedTerm-admn-sts"
    rows = list(csv.DictReader(io.StringIO((site / "data/glossary.csv").read_text(encoding="utf-8"))))
    assert [r["zh"] for r in rows] == [t.zh for t in GLOSSARY.terms]
    assert rows[0].keys() >= {"zh", "pinyin", "en", "alternatives", "rejected", "definition", "first_occurrence"}


def test_opinions_json_carries_indexes_terms_and_laws(site: Path) -> None:
    data = json.loads((site / "data/opinions.json").read_text(encoding="utf-8"))
    assert data["indexes"] == {"terms": "glossary/", "laws": "laws/", "functions": "functions/"}
    for key, url in data["indexes"].items():
        assert (site / url / "index.html").exists() and (site / "zh" / url / "index.html").exists()
    m8 = next(m for m in data["measures"] if m["number"] == 8)
    assert "商业秘密" in [t["zh"] for t in m8["terms"]]
    assert m8["laws"] == CORPUS.pages[8].meta["laws"]
    assert len(data["glossary"]) == len(GLOSSARY.terms)
    assert {l["id"] for l in data["laws"]} == set(EDITION.laws)


def test_downloads_page_links_every_export(site: Path) -> None:
    for prefix in ("", "zh/"):
        hrefs = {a.get("href") for a in doc(site, prefix + "downloads").cssselect("article a")}
        up = "../../" if prefix else "../"
        for name in ("opinions.json", "opinions.tmx", "glossary.tbx", "glossary.csv"):
            assert f"{up}data/{name}" in hrefs
            assert (site / "data" / name).stat().st_size > 0


def test_no_generated_file_is_committed() -> None:
    """Everything generated is built by `mkdocs build`; none of it lives in the repository."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    generated = {"data/opinions.json", "data/opinions.tmx", "data/glossary.tbx", "data/glossary.csv"}
    if not tracked:
        pytest.skip("not a git checkout")
    assert not generated & set(tracked)
    assert not [t for t in tracked if t.startswith(("site/", "dist/"))]
