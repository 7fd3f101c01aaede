"""The built site as a reader meets it, checked by parsing its HTML."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import html

from helpers import real_edition, source_text
from scripts.edition.corpus import Corpus
from scripts.edition.paths import url
from scripts.edition.yamlmap import load_schema

pytestmark = pytest.mark.build

INTERFACES = {"en": "", "zh": "zh/"}


def doc(site: Path, rel: str) -> html.HtmlElement:
    path = site / rel / "index.html" if not rel.endswith(".html") else site / rel
    assert path.exists(), f"missing page {path}"
    return html.fromstring(path.read_bytes())


@pytest.mark.parametrize("lang", INTERFACES)
def test_measure_page_in_both_interfaces(site: Path, corpus: Corpus, lang: str, measure_number: int) -> None:
    number = measure_number
    page = corpus.pages[number]
    tree = doc(site, INTERFACES[lang] + url(number))
    assert tree.get("lang") == ("zh" if lang == "zh" else "en")
    h1 = tree.cssselect("article h1")[0].text_content()
    assert (page.title["zh"] if lang == "zh" else page.title["en"]) in h1 or number == 0
    # every paragraph is an anchor holding the Chinese and the English, each tagged with its language
    for para in page.paragraphs:
        pair = tree.get_element_by_id(para.id)
        zh = pair.cssselect(".oe-zh")
        en = pair.cssselect(".oe-en")
        assert len(zh) == 1 and zh[0].get("lang") == "zh-Hans"
        assert source_text(zh[0]) == para.zh, "the Chinese reads as the source once the sigla are set aside"
        assert len(en) == 1
        if para.en is not None:
            assert en[0].get("lang") == "en" and en[0].text_content().strip()
    assert len(tree.cssselect(".oe-pair")) == len(page.paragraphs), "no paragraph dropped or added"
    # the status is one line above the text, on its two axes; its details say what it means
    bar = tree.cssselect(".oe-bar details.oe-status")
    assert bar, "status bar missing"
    summary = bar[0].cssselect("summary")[0].text_content()
    if page.heading_status:
        assert ("Heading" in summary) if lang == "en" else ("标题" in summary)
    assert ("Text" in summary) if lang == "en" else ("正文" in summary)
    text = bar[0].cssselect(".oe-status-body")[0].text_content()
    if page.source["status"] == "unverified":
        assert ("working transcription" in text) if lang == "en" else ("工作录入稿" in text)
        assert ("official publication prevails" in text) if lang == "en" else ("以官方发布文本为准" in text)
    if page.paragraphs:
        first_pair = tree.cssselect(".oe-pair")[0]
        assert bar[0].sourceline < first_pair.sourceline
    # a page not yet written says so
    if page.stage == "stub":
        assert tree.cssselect(".oe-stage-stub")
    # the interface's own commentary first, under the page's H2; the other language's one click away
    if page.commentary.strip() and page.commentary_zh.strip():
        first, other = tree.cssselect(".oe-commentary")
        assert first.get("lang") == ("zh-Hans" if lang == "zh" else "en")
        assert other.get("lang") == ("en" if lang == "zh" else "zh-Hans")
        assert other.getparent().tag == "details" and other.getparent().get("open") is None
        assert len(first.cssselect(".oe-note")) == len(page.notes("zh" if lang == "zh" else "en"))


def test_stub_and_complete_pages_say_what_they_are(site: Path, corpus: Corpus) -> None:
    for number, page in corpus.pages.items():
        tree = doc(site, url(number))
        notice = tree.cssselect(".oe-stage")
        if page.stage == "complete":
            assert not notice
        else:
            assert notice and notice[0].text_content().strip()


def test_reading_mode_control_on_every_page_with_text(site: Path, corpus: Corpus) -> None:
    for prefix in INTERFACES.values():
        for number, page in corpus.pages.items():
            if not page.paragraphs:
                continue
            tree = doc(site, prefix + url(number))
            values = [i.get("value") for i in tree.cssselect('.oe-view input[name="oe-view"]')]
            assert values == ["parallel", "stacked", "zh", "en"]


def test_chinese_interface_is_translated(site: Path) -> None:
    home = doc(site, "zh/")
    nav = " ".join(a.text_content() for a in home.cssselect("nav.md-nav--primary a, nav.md-nav--primary label"))
    assert "关于本版" in nav and "第二部分" in nav and "总体要求" in nav
    assert "（八）" + real_edition().corpus.pages[8].title["zh"] in nav
    assert "Part II" not in nav
    about = doc(site, "zh/about/")
    assert "原文及其状态" in about.text_content()
    # the landing page lists the four parts with their measures, in Chinese
    contents = home.cssselect(".oe-contents")[0]
    assert len(contents.cssselect("h3")) == 4
    assert len(contents.cssselect("li")) == 22


def test_english_landing_page_lists_parts_and_measures(site: Path) -> None:
    home = doc(site, "")
    contents = home.cssselect(".oe-contents")[0]
    heads = [h.text_content() for h in contents.cssselect("h3")]
    assert [h.split(".")[0] for h in heads] == ["Part I", "Part II", "Part III", "Part IV"]
    links = [a.get("href") for a in contents.cssselect("li > a")]
    assert links[0] == "measures/preamble/" and links[-1] == "measures/21/"
    assert "1 March 2022" in home.text_content()


def test_language_alternates_point_to_the_same_page(site: Path) -> None:
    tree = doc(site, "measures/08/")
    alternates = {a.get("hreflang"): a.get("href") for a in tree.cssselect(".md-select__link")}
    assert alternates.get("zh", "").endswith("zh/measures/08/")
    tree = doc(site, "zh/measures/08/")
    alternates = {a.get("hreflang"): a.get("href") for a in tree.cssselect(".md-select__link")}
    assert alternates.get("en", "").rstrip("/").endswith("measures/08")
    assert "zh/" not in alternates["en"]


def test_opinions_json_matches_schema_and_pages(site: Path, corpus: Corpus) -> None:
    data = json.loads((site / "data" / "opinions.json").read_text(encoding="utf-8"))
    schema = load_schema("opinions.schema.json")
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=str)
    assert not errors, "\n".join(e.message for e in errors)
    assert [m["number"] for m in data["measures"]] == list(range(1, 22))
    assert data["document"]["date"] == "2022-03-01"
    for m in data["measures"]:
        page = corpus.pages[m["number"]]
        assert (site / m["url"] / "index.html").exists()
        assert (site / "zh" / m["url"] / "index.html").exists()
        assert [p["id"] for p in m["paragraphs"]] == [p.id for p in page.paragraphs]
        assert m["source_status"] == page.source["status"]
    assert [p["id"] for p in data["preamble"]["paragraphs"]] == [p.id for p in corpus.pages[0].paragraphs]
    m8 = next(m for m in data["measures"] if m["number"] == 8)
    assert m8["paragraphs"][0]["zh"].startswith("（八）" + corpus.pages[8].title["zh"] + "。")
    assert "[" not in m8["paragraphs"][0]["en"], "plain text, not Markdown"
    assert len(m8["commentary"].split()) >= 300
    assert sorted(sum((p["measures"] for p in data["parts"]), [])) == list(range(1, 22))
