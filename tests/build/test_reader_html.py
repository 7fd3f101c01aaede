"""Reader experience in the built HTML: metadata for machines, wayfinding, the overview map.

Checked as a crawler meets the site: the built HTML parsed with lxml. The same
features in use, in Chromium, are in tests/browser/test_reader_browser.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import html

from helpers import TEST_SITE_URL, real_edition
from scripts.edition.corpus import Corpus
from scripts.edition.paths import slug
from scripts.site.i18n import full_title, measure_label, t

pytestmark = pytest.mark.build

IFACES = {"en": "", "zh": "zh/"}


def numbers_and_slugs(corpus: Corpus) -> tuple[list[int], list[str]]:
    numbers = sorted(corpus.pages)
    return numbers, [slug(n) for n in numbers]


def tree(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def json_ld(doc: html.HtmlElement) -> list[dict]:
    return [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]


# --- metadata -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_measure_page_has_legislation_json_ld_naming_it(site: Path, corpus: Corpus, lang: str) -> None:
    for number, name in zip(*numbers_and_slugs(corpus), strict=True):
        page = corpus.pages[number]
        doc = tree(site, f"{IFACES[lang]}measures/{name}")
        [ld] = json_ld(doc)
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "Legislation"
        names = {n["@language"]: n["@value"] for n in ld["name"]}
        assert names == {"zh-Hans": full_title("zh", page), "en": full_title("en", page)}, name
        assert ld["identifier"] == f"spp-ip-opinions-2022/{'preamble' if number == 0 else f'm{number:02d}'}"
        assert ld["datePublished"] == "2022-03-01" and ld["inLanguage"] == "zh-Hans"
        assert ld["legislationLegalValue"] == "https://schema.org/UnofficialLegalValue"
        assert "最高人民检察院" in json.dumps(ld["legislationPassedBy"], ensure_ascii=False)
        assert ld["isPartOf"]["identifier"] == "spp-ip-opinions-2022"
        assert ld["workTranslation"]["inLanguage"] == "en"
        here = f"{TEST_SITE_URL}{IFACES[lang]}measures/{name}/"
        assert ld["url"] == here and ld["mainEntityOfPage"]["@id"] == here
        relation = "translationOfWork" if lang == "zh" else "workTranslation"
        other = f"{TEST_SITE_URL}{IFACES['en' if lang == 'zh' else 'zh']}measures/{name}/"
        assert ld["mainEntityOfPage"][relation]["@id"] == other


def test_pages_other_than_measures_carry_no_legislation(site: Path) -> None:
    for path in ("", "about", "glossary", "zh", "zh/laws"):
        assert json_ld(tree(site, path)) == [], path


@pytest.mark.parametrize("path,lang", [("", "en"), ("zh", "zh"), ("measures/08", "en"), ("zh/measures/08", "zh"),
                                       ("glossary", "en"), ("zh/about", "zh")])
def test_head_has_description_canonical_hreflang_and_social_cards(site: Path, path: str, lang: str) -> None:
    doc = tree(site, path)
    here = TEST_SITE_URL + (path + "/" if path else "")
    base = path[3:] if path.startswith("zh") else path
    base = base.lstrip("/")
    en = TEST_SITE_URL + (base + "/" if base else "")
    zh = TEST_SITE_URL + "zh/" + (base + "/" if base else "")
    assert doc.xpath('//link[@rel="canonical"]/@href') == [here]
    alternates = {link.get("hreflang"): link.get("href") for link in doc.xpath('//head/link[@rel="alternate"][@hreflang]')}
    assert alternates == {"en": en, "zh-Hans": zh, "x-default": en}
    assert doc.get("lang") == lang
    desc = doc.xpath('//meta[@name="description"]/@content')
    assert len(desc) == 1 and len(desc[0]) > 40
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]", desc[0]), "the Chinese interface describes itself in Chinese"
    og = {m.get("property"): m.get("content") for m in doc.xpath('//meta[starts-with(@property, "og:")]')}
    assert og["og:url"] == here and og["og:locale"] == ("zh_CN" if lang == "zh" else "en_GB")
    assert og["og:type"] == ("article" if "measures" in path else "website")
    assert og["og:title"] and og["og:description"] == desc[0] and og["og:site_name"]
    twitter = {m.get("name"): m.get("content") for m in doc.xpath('//meta[starts-with(@name, "twitter:")]')}
    assert twitter["twitter:card"] == "summary" and twitter["twitter:title"] == og["og:title"]


def test_measure_titles_and_descriptions_name_the_measure(site: Path) -> None:
    title = real_edition().corpus.pages[8].title  # whatever the heading reads today
    doc = tree(site, "measures/08")
    assert title["en"] in doc.xpath('//meta[@property="og:title"]/@content')[0]
    assert "Measure 8" in doc.xpath('//meta[@name="description"]/@content')[0]
    zh = tree(site, "zh/measures/08")
    assert title["zh"] in zh.xpath('//meta[@name="description"]/@content')[0]


def test_sitemap_lists_both_interfaces_with_alternates(site: Path, corpus: Corpus) -> None:
    _, slugs = numbers_and_slugs(corpus)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    locs = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    for name in slugs:
        for prefix in IFACES.values():
            url = f"{TEST_SITE_URL}{prefix}measures/{name}/"
            assert url in locs, url
            langs = {link.get("hreflang") for link in locs[url].findall("x:link", ns)}
            assert {"en", "zh"} <= langs, url
    assert all(loc.startswith(TEST_SITE_URL) for loc in locs)
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {TEST_SITE_URL}sitemap.xml" in robots


# --- wayfinding -----------------------------------------------------------------------------

def test_every_measure_page_has_breadcrumbs_navigation_and_neighbours(site: Path, corpus: Corpus) -> None:
    numbers, slugs = numbers_and_slugs(corpus)
    for prefix in IFACES.values():
        for i, name in enumerate(slugs):
            doc = tree(site, f"{prefix}measures/{name}")
            crumbs = doc.cssselect("nav.oe-crumbs li")
            assert crumbs[-1].get("aria-current") == "page"
            assert crumbs[0].cssselect("a")[0].get("href") == "../../"
            page = corpus.pages[numbers[i]]
            if page.meta["part"]:
                assert crumbs[1].cssselect("a")[0].get("href") == f"../../#part-{page.meta['part']}"
            # the navigation lists every measure and the preamble (on a phone behind the menu button)
            listed = [a.get("href") for a in doc.cssselect("nav.md-nav--primary a.md-nav__link")
                      if re.search(r"(?:^|/)(?:\d\d|preamble)/$", a.get("href") or "")]
            assert len(set(listed) | {"./"}) == len(slugs), "every measure and the preamble are listed"
            prev = doc.cssselect("nav.oe-pager a.oe-pager-prev")
            nxt = doc.cssselect("nav.oe-pager a.oe-pager-next")
            assert [a.get("href") for a in prev] == ([f"../{slugs[i - 1]}/"] if i > 0 else [])
            assert [a.get("href") for a in nxt] == ([f"../{slugs[i + 1]}/"] if i + 1 < len(slugs) else [])
            for href in listed + [a.get("href") for a in prev + nxt]:
                target = (site / prefix / "measures" / name / href).resolve() / "index.html"
                assert target.exists(), (name, href)


# --- the overview map -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_map_links_every_measure_and_is_labelled(site: Path, corpus: Corpus, lang: str) -> None:
    numbers, slugs = numbers_and_slugs(corpus)
    doc = tree(site, IFACES[lang].rstrip("/"))
    for svg in doc.cssselect("figure.oe-map svg.oe-map-svg"):
        title = svg.cssselect("title")[0]
        assert svg.get("aria-labelledby") == title.get("id") and title.text
        assert svg.get("aria-describedby") == svg.cssselect("desc")[0].get("id")
        links = svg.xpath(".//*[local-name()='a']")
        hrefs = [a.get("href") for a in links]
        assert sorted(hrefs) == sorted(f"measures/{s}/" for s in slugs), "one link per measure"
        for a in links:
            number = numbers[slugs.index(a.get("href").split("/")[1])]
            model = corpus.pages[number]
            label = a.get("aria-label")
            title = t(lang, "preamble") if model.is_preamble else model.title[lang]
            assert title in label and measure_label(lang, number) in label, label
            fns = {c.get("class").removeprefix("oe-map-fn-") for c in a.xpath(".//*[starts-with(@class, 'oe-map-fn-')]")}
            assert fns == set(corpus.pages[number].meta["functions"]), a.get("href")
    keys = doc.cssselect("figure.oe-map .oe-map-key li")
    assert len(keys) == 5


def test_print_view_has_no_controls_or_wayfinding(site: Path) -> None:
    doc = tree(site, "print")
    assert not doc.cssselect(".oe-text[data-oe-cite]") and not doc.cssselect(".oe-wayfinding, .oe-pager")
