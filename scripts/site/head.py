"""What a page says about itself to machines and to citers.

- `head`: description, canonical, hreflang alternates (with x-default), Open
  Graph and Twitter card tags, and on measure pages schema.org `Legislation`
  JSON-LD. Rendered into <head> by overrides/main.html.
- `interface_urls`: the page's address in each interface;
- `robots`: robots.txt, pointing crawlers at the sitemap;
- `cite_templates`: the citation formats the "cite" control copies, with
  {para}, {url} and {accessed} left for the browser to fill in (the URL is the
  page's canonical address when site_url is known, else the address in use).

Nothing here invents facts: dates, issuer and titles come from data/document.yml
and the page; the edition is identified by its date and commit from git; the
legal value of the transcription is declared unofficial until it is verified.
"""
from __future__ import annotations

import json
import re
from typing import Any

from mkdocs.utils import get_relative_url

from ..edition.corpus import Corpus
from ..edition.page import Page
from ..edition.paths import measure_key
from ..markup import HTML, html, join
from ..settings import WORK_ID
from .i18n import en_date, full_title, measure_label, t

LOCALES = {"en": "en_GB", "zh": "zh_CN"}
HREFLANG = {"en": "en", "zh": "zh-Hans"}


def interface_urls(url: str, site_url: str | None) -> dict[str, str]:
    """A page's address in each interface, from its URL in this one: absolute when the
    site's address is known, else relative to the page."""
    path = url[3:] if url.startswith("zh/") else url
    paths = {"en": path, "zh": "zh/" + path}
    if site_url:
        return {k: site_url.rstrip("/") + "/" + v for k, v in paths.items()}
    rel = {k: get_relative_url(v or ".", url or ".") for k, v in paths.items()}
    return {k: v if v.endswith("/") else v + "/" for k, v in rel.items()}


def robots(site_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text


def identifier(page: Page) -> str:
    """The edition's own identifier for a measure: stable, like the paragraph ids."""
    return f"{WORK_ID}/{measure_key(page.number)}"


def _issuer_en(document: dict[str, Any]) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", document["issuer"]["en"])


def description(corpus: Corpus, page: Page, lang: str) -> str:
    """One sentence naming the measure and what the page holds."""
    doc = corpus.document
    if lang == "zh":
        return f"《{doc['title']['zh']}》{full_title('zh', page)}：中文原文、英文译文与评注。"
    what = measure_label("en", page.number)
    title = "" if page.is_preamble else f" ({page.title['en']})"
    return (f"{what}{title} of the SPP's {doc['date'][:4]} Opinions on intellectual property procuratorial work: "
            "Chinese text, English translation and commentary.")


def cite_templates(corpus: Corpus, page: Page, site_name: str, stamp: dict[str, str]) -> dict[str, str]:
    """Citation formats, English style and GB/T 7714-2015 style; placeholders in braces."""
    doc = corpus.document
    verified = page.source["status"] == "verified"
    # a conjectural number is never cited as the document's: the heading is quoted, with its status
    # and the edition's number (as the commentaries' citations do, scripts/site/citation.py)
    status = page.heading_status
    if page.is_preamble:
        en_measure, zh_measure = measure_label("en", page.number), measure_label("zh", page.number)
    elif status == "attested":
        en_measure = f"{measure_label('en', page.number)} (\u201c{page.title['en']}\u201d)"
        zh_measure = f"{measure_label('zh', page.number)}{page.title['zh']}"
    else:
        mark = {lang: t(lang, "status.mark." + status) if status in ("conjecture", "reported") else ""
                for lang in ("en", "zh")}
        en_measure = (f"the measure headed \u201c{page.title['en']}\u201d {mark['en']} "
                      f"({t('en', 'cite.outline', n=page.number)})").replace("  ", " ")
        zh_measure = (f"\u201c{page.title['zh']}\u201d{mark['zh']}"
                      f"（{t('zh', 'cite.outline', n=measure_label('zh', page.number))}）")
    en_status = "" if verified else "; Chinese text an unverified working transcription"
    en = (f"{_issuer_en(doc)}, \u201c{doc['title']['en']}\u201d ({en_date(doc['date'])}), {en_measure}, "
          f"para. {{para}}, English translation in {site_name} (edition of {stamp['date']}, "
          f"commit {stamp['commit']}{en_status}) <{{url}}> accessed {{accessed}}.")
    zh_status = "" if verified else "（工作录入稿，未经核验）"
    zh = (f"{doc['issuer']['zh']}. {doc['title']['zh']}：{zh_measure}，段落{{para}}{zh_status}"
          f"[EB/OL]//{site_name}. ({stamp['date']})[{{accessed}}]. {{url}}.")
    return {"en": en, "zh": zh}


def _names(zh: str, en: str) -> list[dict[str, str]]:
    return [{"@language": "zh-Hans", "@value": zh}, {"@language": "en", "@value": en}]


def json_ld(corpus: Corpus, page: Page, lang: str, urls: dict[str, str]) -> dict[str, Any]:
    """schema.org Legislation for one measure: the Chinese text, its English translation,
    the document it belongs to, and the web page in this interface."""
    doc = corpus.document
    unofficial = "https://schema.org/UnofficialLegalValue"
    issuer = {"@type": "GovernmentOrganization", "name": _names(doc["issuer"]["zh"], _issuer_en(doc))}
    here, other = urls[lang], urls["zh" if lang == "en" else "en"]
    webpage: dict[str, Any] = {"@type": "WebPage", "@id": here, "url": here, "inLanguage": HREFLANG[lang]}
    webpage["translationOfWork" if lang == "zh" else "workTranslation"] = {"@type": "WebPage", "@id": other}
    status = "verified against the official publication" if page.source["status"] == "verified" \
        else "unverified working transcription"
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": f"{urls['en']}#legislation",
        "identifier": identifier(page),
        "name": _names(full_title("zh", page), full_title("en", page)),
        "position": page.number,
        "inLanguage": "zh-Hans",
        "datePublished": doc["date"],
        "legislationType": "意见 (Opinions)",
        "legislationJurisdiction": "CN",
        "legislationPassedBy": issuer,
        "legislationLegalValue": unofficial,
        "creativeWorkStatus": status,
        "isPartOf": {"@type": "Legislation", "identifier": WORK_ID, "name": _names(doc["title"]["zh"], doc["title"]["en"]),
                     "datePublished": doc["date"], "legislationPassedBy": issuer},
        "workTranslation": {"@type": "Legislation", "inLanguage": "en", "name": full_title("en", page),
                            "legislationLegalValue": unofficial, "translationOfWork": {"@id": f"{urls['en']}#legislation"}},
        "mainEntityOfPage": webpage,
        "url": here,
    }


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no '</' can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")


def head(*, title: str, desc: str, lang: str, site_name: str, urls: dict[str, str], canonical: str | None,
         kind: str, ld: dict[str, Any] | None) -> HTML:
    """The tags overrides/main.html puts in <head> (after Material's charset and viewport)."""
    other = "zh" if lang == "en" else "en"
    tags = [html('<meta name="description" content="{}">', desc)]
    if canonical:
        tags.append(html('<link rel="canonical" href="{}">', canonical))
    for code in ("en", "zh"):
        tags.append(html('<link rel="alternate" hreflang="{}" href="{}">', HREFLANG[code], urls[code]))
    tags.append(html('<link rel="alternate" hreflang="x-default" href="{}">', urls["en"]))
    og = {"og:type": kind, "og:title": title, "og:description": desc, "og:site_name": site_name,
          "og:locale": LOCALES[lang], "og:locale:alternate": LOCALES[other]}
    if canonical:
        og["og:url"] = canonical
    tags += [html('<meta property="{}" content="{}">', k, v) for k, v in og.items()]
    tags += [html('<meta name="twitter:{}" content="{}">', k, v)
             for k, v in (("card", "summary"), ("title", title), ("description", desc))]
    if ld:
        # a script's content is not HTML-escaped: _script_json keeps it from closing the element
        tags.append(html('<script type="application/ld+json">{}</script>', HTML(_script_json(ld))))
    return join(tags, "\n")
