"""Commentary as citable scholarship in the built site: every commentary's byline, citations and
history on its page in both interfaces, the data (opinions.json, BibTeX, CSL-JSON) and the print view.
"""
from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import citeproc
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from lxml import html

from helpers import TEST_SITE_URL, real_edition
from scripts.edition.authorship import REVIEWED
from scripts.edition.paths import url
from scripts.publish.opinions_json import SCHEMA_VERSION
from scripts.site.i18n import person, t

pytestmark = pytest.mark.build

CORPUS = real_edition().corpus
EN_NAME = "SPP Opinions on IP Procuratorial Work (2022) · Bilingual Edition"
ZH_NAME = "《知识产权检察工作意见》（2022）中英对照注释版"


def tree(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def opinions(site: Path) -> dict:
    return json.loads((site / "data" / "opinions.json").read_text(encoding="utf-8"))


def entry_of(data: dict, number: int) -> dict:
    return data["preamble"] if number == 0 else data["measures"][number - 1]


def test_opinions_json_carries_citation_review_version_and_history_of_every_commentary(site: Path) -> None:
    data = opinions(site)
    assert data["schema_version"] == SCHEMA_VERSION
    for number, page in CORPUS.pages.items():
        entry = entry_of(data, number)
        for lang in ("en", "zh"):
            review = page.review(lang)
            got = entry["review"][lang]
            assert (got["status"], got["date"]) == (review.status, review.date)
            assert got["authors"] == [{"name": p.name, "date": p.date} for p in review.authors]
            assert [(r["name"], r["date"], r.get("commit")) for r in got["reviewers"]] == \
                [(p.name, p.date, p.commit) for p in review.reviewers]
            if review.status in REVIEWED:  # the rule make check enforces, visible in the data
                assert got["reviewers"], f"{number} {lang}: '{review.status}' without a reviewer"
            mine = [h for h in entry["history"] if lang in h["languages"]]
            assert [(h["date"], h["by"], h["summary"]) for h in mine] == \
                [(c.date, list(c.by), c.summary) for c in review.changes], f"{number} {lang}: the recorded history"
            assert entry["version"][lang]["date"] == (review.last_change or entry["version"][lang]["date"])
            assert entry["version"][lang]["commit"] in entry["citation"][lang]
            assert entry["citation_styles"][lang]["legal" if lang == "en" else "gbt7714"] == entry["citation"][lang]
        assert entry["citation"]["en"].endswith(f"<{TEST_SITE_URL}{url(number)}#commentary>.")
        assert entry["citation"]["zh"].endswith(f". {TEST_SITE_URL}zh/{url(number)}#commentary-zh.")
        assert [h["date"] for h in entry["history"]] == sorted((h["date"] for h in entry["history"]), reverse=True)


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_every_commentary_shows_byline_citations_and_history(site: Path, prefix: str) -> None:
    data = opinions(site)
    for number, page in CORPUS.pages.items():
        doc = tree(site, prefix + url(number))
        entry = entry_of(data, number)
        for lang in ("en", "zh"):
            box = doc.cssselect(f".oe-commentary-{lang}")[0]
            byline = box.cssselect(".oe-byline")[0]
            text = byline.text_content()
            review = page.review(lang)
            # the edition's group names are written in the interface's language
            assert all(person("zh" if prefix else "en", p.name) in text for p in review.authors + review.reviewers)
            label = t("zh" if prefix else "en", f"review.status.{review.status}")
            assert label in byline.cssselect(".oe-review")[0].text_content(), (prefix, number, lang)
            assert entry["version"][lang]["commit"] in text
            assert byline.get("lang") == ("zh-Hans" if prefix else "en"), "the byline speaks the interface's language"
            assert byline.sourceline < box.cssselect(".oe-note")[0].sourceline, "shown above the commentary"
            citations = box.cssselect(".oe-citation")
            assert [c.get("class").split()[-1] for c in citations] == ["oe-citation-legal", "oe-citation-gbt"]
            assert citations[0].text_content() == entry["citation_styles"][lang]["legal"]
            assert citations[1].text_content() == entry["citation_styles"][lang]["gbt7714"]
            assert all("{accessed" in c.get("data-oe-cite") and "{url}" in c.get("data-oe-cite") for c in citations)
            links = [a.get("href") for a in box.cssselect(".oe-citebox-export a")]
            up = "../../../" if prefix else "../../"
            assert links == [f"{up}data/commentary.bib", f"{up}data/commentary.csl.json"]
            # the history readers see: the editors' summaries, in the interface's language, newest first
            shown = [s.text_content() for s in box.cssselect(".oe-history-list .oe-history-summary")]
            assert shown == [c.summary["zh" if prefix else "en"] for c in review.changes]
            assert box.get("data-oe-home") == f"{TEST_SITE_URL}{'zh/' if lang == 'zh' else ''}{url(number)}"
            assert "{n}" in box.get("data-oe-cite-n") and "{url}" in box.get("data-oe-cite-n")


def test_bibtex_and_csl_json_hold_every_commentary_and_are_linked_from_the_downloads_pages(site: Path) -> None:
    count = sum(bool(p.commentary_in(lang).strip()) for p in CORPUS.pages.values() for lang in ("en", "zh"))
    library = bibtexparser.parse_string((site / "data" / "commentary.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert len(entries) == count
    page = CORPUS.pages[8]  # any measure with both commentaries; what it says is read from its page
    review, review_zh = page.review("en"), page.review("zh")
    e = entries["spp-ip-opinions-2022-m08-commentary-en"]
    assert e.entry_type == "inreference"
    assert e["author"] == " and ".join("{" + p.name + "}" for p in review.authors)
    version = entry_of(opinions(site), 8)["version"]["en"]
    assert e["booktitle"] == EN_NAME and e["date"] == version["date"], "dated by its version: its last change"
    assert e["title"].startswith(f"Commentary on \u2018{page.title['en']}\u2019")
    assert e["url"] == f"{TEST_SITE_URL}measures/08/#commentary" and len(e["version"]) >= 7
    assert t("en", f"review.status.{review.status}") in e["note"]
    assert all(p.name in e["note"] for p in review.reviewers)
    zh = entries["spp-ip-opinions-2022-m08-commentary-zh"]
    assert zh["booktitle"] == ZH_NAME and zh["language"] == "chinese"
    assert t("zh", f"review.status.{review_zh.status}") in zh["note"]

    items = json.loads((site / "data" / "commentary.csl.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == list(entries)
    style_file = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    bibliography = CitationStylesBibliography(CitationStylesStyle(str(style_file), validate=False),
                                              CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("spp-ip-opinions-2022-m08-commentary-en")]))
    rendered = str(bibliography.bibliography()[0])
    assert review.authors[0].name in rendered and version["date"][:4] in rendered and page.title["en"][:20] in rendered
    assert f"{TEST_SITE_URL}measures/08/#commentary" in rendered

    for prefix, root in (("", "../"), ("zh/", "../../")):
        hrefs = [a.get("href") for a in tree(site, prefix + "downloads").cssselect("article a")]
        assert f"{root}data/commentary.bib" in hrefs and f"{root}data/commentary.csl.json" in hrefs


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_print_view_ends_each_measure_with_its_citations_and_status(site: Path, prefix: str) -> None:
    doc = tree(site, prefix + "print")
    article = doc.cssselect("article")[0]
    blocks = article.cssselect(".oe-print-cite")
    assert len(blocks) == len(CORPUS.pages)
    assert not article.cssselect(".oe-citebox, .oe-history, .oe-commentary[data-oe-home]"), "no controls on paper"
    data = opinions(site)
    order = [e for e in article.iter() if e.get("id") in {"preamble", *(f"measure-{n:02d}" for n in range(1, 22))}
             or "oe-print-cite" in (e.get("class") or "")]
    # each measure's heading is followed by its own citation block before the next measure begins
    for heading, block in zip(order[0::2], order[1::2], strict=True):
        number = 0 if heading.get("id") == "preamble" else int(heading.get("id")[-2:])
        assert "oe-print-cite" in block.get("class"), heading.get("id")
        style = "gbt7714" if prefix else "legal"
        items = [li.cssselect("span")[0].text_content() for li in block.cssselect("li")]
        assert items == [entry_of(data, number)["citation_styles"][lang][style] for lang in ("en", "zh")]
        for lang, item in zip(("en", "zh"), items, strict=True):  # each citation on paper states its commentary's status
            status = CORPUS.pages[number].review(lang).status
            assert any(t(x, f"review.status.{status}") in item for x in ("en", "zh")), \
                f"{heading.get('id')} ({lang}): the citation does not state the status '{status}'"
    bylines = article.cssselect(".oe-byline")
    assert len(bylines) == 2 * len(CORPUS.pages), "each commentary states its status on paper too"
