"""The site a user would set up instead of this edition, for `make bench` to compare against.

A plain Material for MkDocs + mkdocs-static-i18n + jieba site holding the same text:
one page per measure and the preamble (Chinese paragraphs, English translation,
English and Chinese commentary, as plain Markdown) and a landing page in each interface holding
the edition's landing text with a hand-written list of measures, all generated from
the edition's own export (data/opinions.json, written by every build) and docs/,
with default configuration. It uses the packages pinned for the edition, so the
comparison measures the edition's choices, not a difference in versions.

Run alone: `python -m scripts.bench.plain_site SITE/data/opinions.json OUT_DIR` writes the
project (then `mkdocs build -f OUT_DIR/mkdocs.yml`).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from ..edition.paths import ROOT
from ..edition.zh import zh_numeral

# Default configuration, with what any bilingual Material site sets and nothing more.
# Material's search plugin cuts every Chinese run with jieba (installed, as for the
# edition) and joins the words with U+200B; `lang: [en, zh]` loads lunr's zh support in
# the browser. The separator is Material's own default for a Chinese site
# (partials/languages/zh.html): with English as the default language Material would take
# the English one, which does not split at U+200B, and no Chinese query would find
# anything; a user who sets up a bilingual site copies it, as Material's docs say.
MKDOCS_YML = """\
site_name: "{site_name}"
{site_url}theme:
  name: material
  language: en
  # Material's default would fetch Roboto from Google Fonts; nothing may be fetched from
  # the internet here, and the edition uses system fonts too, so both sites compare fairly.
  font: false
plugins:
  - search:
      lang: [en, zh]
      separator: '[\\s\\u200b\\u3000\\-、。，．？！；]+'
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          name: English
          default: true
        - locale: zh
          name: 中文
"""

COMMENTARY = {"en": "Commentary", "zh": "评注"}
CONTENTS = {"en": "Contents", "zh": "目录"}
PREAMBLE = {"en": "Preamble", "zh": "序言"}


def measure_title(measure: dict[str, Any], lang: str) -> str:
    """Page title as a user would write it: 'Measure 8: ...' / '（八）...'."""
    if lang == "zh":
        return f"（{zh_numeral(measure['number'])}）{measure['title']['zh']}"
    return f"Measure {measure['number']}: {measure['title']['en']}"


def page_markdown(title: str, paragraphs: list[dict[str, Any]], commentary: str, lang: str,
                  commentary_zh: str = "") -> str:
    """One measure (or the preamble): title, each Chinese paragraph and its translation, the
    commentaries (the interface's own first), as the edition's pages hold the same text."""
    out = [f"# {title}", ""]
    for para in paragraphs:
        out += [para["zh"], ""]
        if para.get("en"):
            out += [para["en"], ""]
    both = [(COMMENTARY["en"], commentary), (COMMENTARY["zh"], commentary_zh)]
    for heading, text in (both if lang == "en" else both[::-1]):
        if text:
            out += [f"## {heading}", "", text.strip(), ""]
    return "\n".join(out)


def contents_markdown(data: dict[str, Any], lang: str) -> str:
    """The list of parts and measures, as a user would write it by hand."""
    measures = {m["number"]: m for m in data["measures"]}
    out = [f"- [{PREAMBLE[lang]}](measures/preamble.md)", ""]
    for part in data["parts"]:
        out += [f"### {part['title'][lang]}", ""]
        out += [f"- [{measure_title(measures[n], lang)}]({measures[n]['url'].rstrip('/')}.md)"
                for n in part["measures"]]
        out.append("")
    return "\n".join(out)


def index_markdown(data: dict[str, Any], lang: str, landing: str | None = None) -> str:
    """Landing page. With `landing` (the edition's own docs/index*.md), the same prose, its
    contents marker replaced by the hand-written list and its overview map left out (a
    plain site has neither); without it, the title, date, source note and the list."""
    if landing is not None:
        body = re.sub(r"\A---\n.*?\n---\n", "", landing, flags=re.S)
        body = re.sub(r"^## [^\n]*\n+<!-- oe:map -->\n", "", body, flags=re.M)
        return body.replace("<!-- oe:contents -->", contents_markdown(data, lang))
    doc = data["document"]
    other = "en" if lang == "zh" else "zh"
    return "\n".join([f"# {doc['title'][lang]}", "", f"*{doc['title'][other]}*", "",
                      f"{doc['issuer'][lang]}, {doc['date']}", "", doc["source_note"][lang], "",
                      f"## {CONTENTS[lang]}", "", contents_markdown(data, lang)])


def write_plain_site(opinions: Path, out: Path, site_url: str = "") -> Path:
    """Write the plain project (mkdocs.yml + docs/) into `out`; return its mkdocs.yml.
    `site_url` is where it will be served, as any deployed site sets it."""
    data = json.loads(opinions.read_text(encoding="utf-8"))
    docs = out / "docs"
    (docs / "measures").mkdir(parents=True, exist_ok=True)
    suffix = {"en": ".md", "zh": ".zh.md"}
    preamble = data["preamble"]
    for lang in ("en", "zh"):
        landing = ROOT / "docs" / f"index{suffix[lang]}"
        text = landing.read_text(encoding="utf-8") if landing.exists() else None
        (docs / f"index{suffix[lang]}").write_text(index_markdown(data, lang, text), encoding="utf-8")
        (docs / "measures" / f"preamble{suffix[lang]}").write_text(
            page_markdown(PREAMBLE[lang], preamble["paragraphs"], preamble.get("commentary", ""), lang,
                          preamble.get("commentary_zh", "")),
            encoding="utf-8")
        for measure in data["measures"]:
            name = measure["url"].rstrip("/").rsplit("/", 1)[1]
            (docs / "measures" / f"{name}{suffix[lang]}").write_text(
                page_markdown(measure_title(measure, lang), measure["paragraphs"], measure["commentary"], lang,
                              measure.get("commentary_zh", "")),
                encoding="utf-8")
    config = out / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(site_name=data["document"]["title"]["en"].replace('"', "'"),
                                        site_url=f'site_url: "{site_url}"\n' if site_url else ""),
                      encoding="utf-8")
    return config


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m scripts.bench.plain_site OPINIONS_JSON OUT_DIR")
    print(write_plain_site(Path(sys.argv[1]), Path(sys.argv[2])))
