"""The walk of the Chinese interface: does a page speak Chinese throughout, with Chinese punctuation?

Used by tests/unit/test_zh_walk.py (the walk itself, on a fixture) and by
tests/build/test_chinese_interface.py (every page under zh/ of the built site).
Every page under zh/ is walked with lxml as a reader meets it: text that is not
marked as another language (lang="en", pinyin), not the English translation, not
a commentary (each is its own language's text) and not code must carry no Latin
words beyond names, identifiers and addresses, and no ASCII punctuation beside
Chinese. The same holds for the labels a screen reader reads (title, aria-label,
alt, placeholder). Front-matter notes that exist only in English are shown
marked lang="en"; the labels around them are checked like any other.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import html

# Subtrees that are not the interface's own words.
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "svg"}
SKIP_CLASSES = {
    "oe-en",                  # the English translation
    "oe-commentary",          # a commentary (Chinese or English), checked by `make check`
    "oe-flag",                # the ? and ! marks beside a paragraph: symbols
    "oe-citation-text",       # a citation: GB/T 7714 prescribes its separators ('. ', '[EB/OL]', '//')
    "md-source__repository",  # the repository's name at the code host
}
# Elements that hold a run of text of their own; nested ones are read separately.
BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "figcaption",
          "caption", "label", "legend", "button", "title", "div", "nav", "header", "footer", "aside", "ol", "ul",
          "dl", "table", "tr", "details", "form", "fieldset", "article", "main", "body"}
LABEL_ATTRS = ("title", "aria-label", "alt", "placeholder")
SYMBOLS = {"?", "!"}  # an element holding only one of these shows the mark itself (**?** 标出)

# Latin text that belongs in Chinese prose: addresses and file names, paragraph ids, a commit,
# and the names of formats, standards, licences and programs.
ALLOWED = re.compile("|".join([
    r"https?://\S+",
    r"\b[\w-]+(?:\.[\w-]+)+\b",            # spp.gov.cn, tellerreport.com, opinions.pdf
    r"\b(?:m\d\d|pre)-\d+[a-z]?\b",         # paragraph ids
    r"\bAa\b",                             # the display control's sign (type size and face), as in every reader
    r"\b[0-9a-f]{7,40}\b",                  # the commit of the edition
    r"\bGB/T\b", r"\bCC BY\b", r"\bJSON Schema\b", r"\bMaterial for MkDocs\b",
    r"\b(?:PDF|JSON|TMX|TBX|CSV|MIT|MkDocs|Markdown|TRIPS|Tab|A4)\b",
    r"\b(?:BibTeX|biblatex|CSL-JSON|CSL|Zotero|JabRef|citeproc|Pandoc)\b",  # reference managers and formats
]))
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’《》]"
ASCII_BESIDE_CJK = re.compile(rf"{CJK}[ \t]*[,.:;!?()]|[,:;!?()][ \t]*{CJK}")
HOLE = "\0"  # where skipped text stood: neither Chinese nor punctuation


def skipped(el: html.HtmlElement) -> bool:
    """True for an element whose text is not the interface's own words."""
    if el.tag in SKIP_TAGS:
        return True
    lang = el.get("lang") or ""
    if lang.startswith("en") or lang.startswith("zh-Latn"):
        return True
    return bool(SKIP_CLASSES & set((el.get("class") or "").split()))


def runs(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
    """(block, its own text) for every block, skipped subtrees left out (as HOLE)."""
    out: list[tuple[html.HtmlElement, str]] = []

    def walk(block: html.HtmlElement) -> None:
        parts: list[str] = []

        def inline(el: html.HtmlElement, top: bool) -> None:
            if not top:
                if not isinstance(el.tag, str):  # comments, processing instructions
                    parts.append(el.tail or "")
                    return
                if skipped(el) or (len(el) == 0 and (el.text or "").strip() in SYMBOLS):
                    parts.append(HOLE + (el.tail or ""))
                    return
                if el.tag in BLOCKS:
                    walk(el)
                    parts.append(HOLE + (el.tail or ""))
                    return
            parts.append(el.text or "")
            for child in el:
                inline(child, False)
            if not top:
                parts.append(el.tail or "")
        inline(block, True)
        out.append((block, "".join(parts)))

    walk(root)
    return out


def labels(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str, str]]:
    """(element, attribute, value) for every label a reader or screen reader meets."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str) or any(skipped(a) for a in [el, *el.iterancestors()]):
            continue
        for attr in LABEL_ATTRS:
            value = el.get(attr)
            if value:
                found.append((el, attr, value))
    return found


def foreign_words(text: str) -> list[str]:
    return LATIN_WORD.findall(ALLOWED.sub(HOLE, text))


def problems_in(path: Path, site: Path) -> list[str]:
    tree = html.fromstring(path.read_bytes())
    rel = path.relative_to(site).as_posix()
    out = []
    for block, text in runs(tree):
        where = f"{rel} <{block.tag} class={block.get('class')!r}>"
        words = foreign_words(text)
        if words:
            out.append(f"{where}: English {words} in {text.strip()[:80]!r}")
        for m in ASCII_BESIDE_CJK.finditer(text):
            out.append(f"{where}: ASCII punctuation in {text[max(0, m.start() - 15):m.end() + 15]!r}")
    for el, attr, value in labels(tree):
        where = f"{rel} <{el.tag} class={el.get('class')!r}> @{attr}"
        classes = set((el.get("class") or "").split())
        if "oe-term" in classes:  # a glossary tooltip: pinyin · the English rendering, by design
            if " · " not in value:
                out.append(f"{where}: not a glossary tooltip: {value!r}")
            continue
        if "oe-flag-uncertain" in classes:  # a Chinese label, then the English-only note
            if not value.startswith("措辞存疑："):
                out.append(f"{where}: no Chinese label before the note: {value[:80]!r}")
            continue
        words = foreign_words(value)
        if words:
            out.append(f"{where}: English {words} in {value[:80]!r}")
        if ASCII_BESIDE_CJK.search(value):
            out.append(f"{where}: ASCII punctuation in {value[:80]!r}")
    return out
