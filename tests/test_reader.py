"""Reader experience: citable paragraphs, the overview map, wayfinding, metadata, layout.

Checked as a reader and a crawler meet the site: the built HTML parsed with
lxml, and pages driven in headless Chromium (clipboard, scrolling, layout).
"""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import html

from conftest import TEST_SITE_URL
from scripts.edition.corpus import load_corpus
from scripts.site.i18n import full_title, measure_label, t

CORPUS = load_corpus()
NUMBERS = sorted(CORPUS.pages)
SLUGS = ["preamble" if n == 0 else f"{n:02d}" for n in NUMBERS]
IFACES = {"en": "", "zh": "zh/"}


def tree(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def json_ld(doc: html.HtmlElement) -> list[dict]:
    return [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]


# --- metadata -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_measure_page_has_legislation_json_ld_naming_it(site: Path, lang: str) -> None:
    for number, slug in zip(NUMBERS, SLUGS):
        page = CORPUS.pages[number]
        doc = tree(site, f"{IFACES[lang]}measures/{slug}")
        [ld] = json_ld(doc)
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "Legislation"
        names = {n["@language"]: n["@value"] for n in ld["name"]}
        assert names == {"zh-Hans": full_title("zh", page), "en": full_title("en", page)}, slug
        assert ld["identifier"] == f"spp-ip-opinions-2022/{'preamble' if number == 0 else f'm{number:02d}'}"
        assert ld["datePublished"] == "2022-03-01" and ld["inLanguage"] == "zh-Hans"
        assert ld["legislationLegalValue"] == "https://schema.org/UnofficialLegalValue"
        assert "最高人民检察院" in json.dumps(ld["legislationPassedBy"], ensure_ascii=False)
        assert ld["isPartOf"]["identifier"] == "spp-ip-opinions-2022"
        assert ld["workTranslation"]["inLanguage"] == "en"
        here = f"{TEST_SITE_URL}{IFACES[lang]}measures/{slug}/"
        assert ld["url"] == here and ld["mainEntityOfPage"]["@id"] == here
        relation = "translationOfWork" if lang == "zh" else "workTranslation"
        other = f"{TEST_SITE_URL}{IFACES['en' if lang == 'zh' else 'zh']}measures/{slug}/"
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
    alternates = {l.get("hreflang"): l.get("href") for l in doc.xpath('//head/link[@rel="alternate"][@hreflang]')}
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
    doc = tree(site, "measures/08")
    assert "Strengthening the protection of trade secrets" in doc.xpath('//meta[@property="og:title"]/@content')[0]
    assert "Measure 8" in doc.xpath('//meta[@name="description"]/@content')[0]
    zh = tree(site, "zh/measures/08")
    assert "加强商业秘密保护" in zh.xpath('//meta[@name="description"]/@content')[0]


def test_sitemap_lists_both_interfaces_with_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    locs = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    for slug in SLUGS:
        for prefix in IFACES.values():
            url = f"{TEST_SITE_URL}{prefix}measures/{slug}/"
            assert url in locs, url
            langs = {l.get("hreflang") for l in locs[url].findall("x:link", ns)}
            assert {"en", "zh"} <= langs, url
    assert all(loc.startswith(TEST_SITE_URL) for loc in locs)
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {TEST_SITE_URL}sitemap.xml" in robots


def test_relative_alternates_when_the_site_address_is_unknown() -> None:
    from scripts.site.head import interface_urls
    assert interface_urls("measures/08/", None) == {"en": "./", "zh": "../../zh/measures/08/"}
    assert interface_urls("zh/measures/08/", None) == {"en": "../../../measures/08/", "zh": "./"}
    assert interface_urls("zh/", None) == {"en": "../", "zh": "./"}


# --- wayfinding -----------------------------------------------------------------------------

def test_every_measure_page_has_breadcrumbs_all_measures_and_neighbours(site: Path) -> None:
    for lang, prefix in IFACES.items():
        for i, slug in enumerate(SLUGS):
            doc = tree(site, f"{prefix}measures/{slug}")
            crumbs = doc.cssselect("nav.oe-crumbs li")
            assert crumbs[-1].get("aria-current") == "page"
            assert crumbs[0].cssselect("a")[0].get("href") == "../../"
            page = CORPUS.pages[NUMBERS[i]]
            if page.meta["part"]:
                assert crumbs[1].cssselect("a")[0].get("href") == f"../../#part-{page.meta['part']}"
            listed = [a.get("href") for a in doc.cssselect("details.oe-all a")]
            assert len(listed) == len(SLUGS), "every measure and the preamble are listed"
            assert doc.cssselect('details.oe-all a[aria-current="page"]')[0].get("href") == "./"
            prev = doc.cssselect("nav.oe-pager a.oe-pager-prev")
            nxt = doc.cssselect("nav.oe-pager a.oe-pager-next")
            assert [a.get("href") for a in prev] == ([f"../{SLUGS[i - 1]}/"] if i > 0 else [])
            assert [a.get("href") for a in nxt] == ([f"../{SLUGS[i + 1]}/"] if i + 1 < len(SLUGS) else [])
            for href in listed + [a.get("href") for a in prev + nxt]:
                target = (site / prefix / "measures" / slug / href).resolve() / "index.html"
                assert target.exists(), (slug, href)


def test_all_measures_list_works_from_the_keyboard(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "measures/08/")
    summary = page.locator("details.oe-all > summary")
    summary.focus()
    page.keyboard.press("Enter")
    link = page.locator("details.oe-all a", has_text="Measure 21")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/measures/21/")
    context.close()


# --- the overview map -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_map_links_every_measure_and_is_labelled(site: Path, lang: str) -> None:
    doc = tree(site, IFACES[lang].rstrip("/"))
    for svg in doc.cssselect("figure.oe-map svg"):
        title = svg.cssselect("title")[0]
        assert svg.get("aria-labelledby") == title.get("id") and title.text
        assert svg.get("aria-describedby") == svg.cssselect("desc")[0].get("id")
        links = svg.xpath(".//*[local-name()='a']")
        hrefs = [a.get("href") for a in links]
        assert sorted(hrefs) == sorted(f"measures/{s}/" for s in SLUGS), "one link per measure"
        for a, slug in zip(links, SLUGS):
            number = NUMBERS[SLUGS.index(a.get("href").split("/")[1])]
            model = CORPUS.pages[number]
            label = a.get("aria-label")
            title = t(lang, "preamble") if model.is_preamble else model.title[lang]
            assert title in label and measure_label(lang, number) in label, label
            fns = {c.get("class").removeprefix("oe-map-fn-") for c in a.xpath(".//*[starts-with(@class, 'oe-map-fn-')]")}
            assert fns == set(CORPUS.pages[number].meta["functions"]), a.get("href")
    keys = doc.cssselect("figure.oe-map .oe-map-key li")
    assert len(keys) == 5


@pytest.mark.parametrize("width,layout", [(1280, "wide"), (360, "narrow")])
def test_overview_map_links_open_measures_and_take_focus(browser, server: str, width: int, layout: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server)
    svg = page.locator(f"svg.oe-map-{layout}")
    assert svg.is_visible()
    assert not page.locator(f"svg.oe-map-{'narrow' if layout == 'wide' else 'wide'}").is_visible()
    links = svg.locator("a")
    assert links.count() == len(SLUGS)
    links.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "measures/preamble/"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "measures/01/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/measures/01/")
    context.close()


# --- citable paragraphs ---------------------------------------------------------------------

def clipboard_page(browser, server: str, path: str):
    origin = server.rstrip("/")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(server + path)
    return context, page


def test_cite_control_copies_an_english_citation(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    page.locator("#m08-1").hover()
    button = page.locator("#m08-1 button.oe-tool-cite")
    assert button.is_visible()
    button.click()
    text = page.evaluate("navigator.clipboard.readText()")
    today = datetime.date.today()
    expected = (
        "Supreme People's Procuratorate, \u201cOpinions of the Supreme People's Procuratorate on Comprehensively "
        "Strengthening Intellectual Property Procuratorial Work in the New Era\u201d (1 March 2022), Measure 8 "
        "(\u201cStrengthening the protection of trade secrets\u201d), para. m08-1, English translation in "
        "SPP Opinions on IP Procuratorial Work (2022) \u00b7 Bilingual Edition (edition of ")
    assert text.startswith(expected), text
    assert f"; Chinese text an unverified working transcription) <{TEST_SITE_URL}measures/08/#m08-1> accessed " \
        f"{today.day} {today.strftime('%B')} {today.year}." in text
    assert page.locator("#oe-copy-status").inner_text().endswith(text)
    context.close()


def test_cite_control_copies_a_gbt_7714_citation_in_the_chinese_interface(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "zh/measures/08/")
    page.locator("#m08-1").hover()
    page.locator("#m08-1 button.oe-tool-cite").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("最高人民检察院. 最高人民检察院关于全面加强新时代知识产权检察工作的意见：（八）加强商业秘密保护，"
                           "第m08-1段（工作录入稿，未经核验）[EB/OL]//《知识产权检察工作意见》（2022）中英对照注释版. (")
    assert text.endswith(f")[{datetime.date.today().isoformat()}]. {TEST_SITE_URL}zh/measures/08/#m08-1."), text
    context.close()


def test_copy_controls_copy_the_chinese_and_the_english_paragraph(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    pair = page.locator("#m08-1")
    pair.hover()
    pair.locator("button.oe-tool-copy-zh").click()
    zh = page.evaluate("navigator.clipboard.readText()")
    assert zh.startswith("（八）加强商业秘密保护。") and "m08-1" not in zh and "\n" not in zh
    pair.locator("button.oe-tool-copy-en").click()
    en = page.evaluate("navigator.clipboard.readText()")
    assert en.startswith("(8) Strengthening the protection of trade secrets.") and "中" not in en
    context.close()


def test_controls_appear_on_focus_and_are_named(browser, server: str) -> None:
    context, page = clipboard_page(browser, server, "measures/08/")
    tools = page.locator("#m08-1 .oe-tools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"
    page.locator("#m08-1 .oe-pid").focus()
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.closest('.oe-flag') !== null"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy a citation of paragraph m08-1"
    page.wait_for_timeout(250)
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"
    context.close()


def test_permalink_scrolls_to_its_paragraph(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(server + "measures/06/#m06-2")
    page.wait_for_timeout(300)
    box = page.locator("#m06-2").bounding_box()
    assert box and 0 <= box["y"] < 300, box
    page.goto(server + "measures/08/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator("#m08-1 a.oe-pid").click()
    assert page.url.endswith("#m08-1")
    box = page.locator("#m08-1").bounding_box()
    assert box and 0 <= box["y"] < 300, box
    assert page.locator("#m08-1").evaluate("e => e.matches(':target')")
    context.close()


def test_print_view_has_no_controls_or_wayfinding(site: Path) -> None:
    doc = tree(site, "print")
    assert not doc.cssselect(".oe-text[data-oe-cite]") and not doc.cssselect(".oe-wayfinding, .oe-pager")


# --- layout ---------------------------------------------------------------------------------

PAGES = ["", "measures/08/", "measures/07/", "glossary/", "laws/", "functions/", "about/", "print/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_no_horizontal_overflow_at_360_px(browser, server: str, prefix: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    for path in PAGES:
        page.goto(server + prefix + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{prefix}{path} is {width}px wide at 360px"
    context.close()


def test_chinese_text_is_set_in_a_cjk_face_with_room_between_lines(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "zh/measures/08/")
    body = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK SC" in body and "PingFang SC" in body and "Microsoft YaHei" in body
    para = page.locator("#m08-1 .oe-zh p")
    size, height = para.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), parseFloat(getComputedStyle(e).lineHeight)]")
    assert height / size >= 1.7
    assert "Noto Serif CJK SC" in para.evaluate("e => getComputedStyle(e).fontFamily")
    context.close()


def test_dark_scheme_is_applied_and_function_colours_change(browser, server: str) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(server)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        colours[scheme] = page.locator("svg.oe-map-wide .oe-map-fn-criminal").first.evaluate("e => getComputedStyle(e).fill")
        context.close()
    assert colours["light"] != colours["dark"]
