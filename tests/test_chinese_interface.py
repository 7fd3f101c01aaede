"""The Chinese interface speaks Chinese throughout, with Chinese punctuation.

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

import pytest
from lxml import html


# Subtrees that are not the interface's own words.
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "svg"}
SKIP_CLASSES = {
    "oe-en",                  # the English translation
    "oe-commentary",          # a commentary (Chinese or English), checked by `make check`
    "oe-flag",                # the ? and ! marks beside a paragraph: symbols
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
    r"\b[0-9a-f]{7,40}\b",                  # the commit of the edition
    r"\bGB/T\b", r"\bCC BY\b", r"\bJSON Schema\b", r"\bMaterial for MkDocs\b",
    r"\b(?:PDF|JSON|TMX|TBX|CSV|MIT|MkDocs|Markdown|TRIPS|Tab|A4)\b",
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
            assert " · " in value, f"{where}: {value!r}"
            continue
        if "oe-flag-uncertain" in classes:  # a Chinese label, then the English-only note
            assert value.startswith("措辞存疑："), f"{where}: {value!r}"
            continue
        words = foreign_words(value)
        if words:
            out.append(f"{where}: English {words} in {value[:80]!r}")
        if ASCII_BESIDE_CJK.search(value):
            out.append(f"{where}: ASCII punctuation in {value[:80]!r}")
    return out


@pytest.mark.unit
def test_the_walk_sees_what_it_should() -> None:
    """The walk itself: what it reports and what it leaves alone (a fixture, not the site)."""
    page = html.fromstring(
        '<html><body><p>援引条目: <a>（八）</a>, <a>（九）</a></p>'
        '<p>所依据的条文：<span lang="en">The principle of legality</span></p>'
        '<p title="Permanent link">评注</p><div class="oe-en"><p>Translation, here.</p></div>'
        '<p>复制 <code>m08-1</code>、pre-2 与 opinions.pdf</p><p>Founding editors（录入、翻译）</p></body></html>')
    found = []
    for block, text in runs(page):
        found += [f"words {w}" for w in foreign_words(text)]
        found += [f"punct {m.group(0).strip()}" for m in ASCII_BESIDE_CJK.finditer(text)]
    found += [f"label {v}" for _, _, v in labels(page) if foreign_words(v)]
    assert found == ["punct 目:", "punct ）,", "words Founding", "words editors", "label Permanent link"]


@pytest.mark.build
def test_every_page_of_the_chinese_interface_speaks_chinese(site: Path) -> None:
    pages = sorted((site / "zh").rglob("*.html"))
    assert len(pages) > 30 and (site / "zh" / "404.html") in pages
    problems = [p for page in pages for p in problems_in(page, site)]
    assert not problems, f"{len(problems)} places:\n" + "\n".join(problems[:60])


# Each heading's ¶ permalink: on the line of the heading's last words, and inside the window.
PERMALINKS = """() => [...document.querySelectorAll('.md-content :is(h1,h2,h3,h4,h5,h6) > a.headerlink')].map(a => {
  const h = a.parentElement, r = a.getBoundingClientRect(), range = document.createRange();
  range.setStartBefore(h.firstChild); range.setEndBefore(a);
  const lines = [...range.getClientRects()].filter(x => x.width > 0);
  const lastBottom = lines.length ? Math.max(...lines.map(x => x.bottom)) : r.bottom;
  return {heading: h.textContent.trim().slice(0, 40), alone: r.top >= lastBottom - 2,
          outside: r.right > document.documentElement.clientWidth + 0.5};
}).filter(x => x.alone || x.outside)"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 390, 1280])
def test_heading_permalinks_never_stand_on_a_line_of_their_own(browser, server: str, width: int) -> None:
    """A Chinese title fills its lines to the last character; the ¶ must not wrap below it."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    bad = []
    for path in ["zh/", "zh/laws/", "zh/glossary/", "zh/about/", "zh/witnesses/", "zh/measures/preamble/",
                 *[f"zh/measures/{n:02d}/" for n in range(1, 22)], "", "measures/08/", "laws/"]:
        page.goto(server + path)
        bad += [f"{path}: {x}" for x in page.evaluate(PERMALINKS)]
    context.close()
    assert not bad, "\n".join(bad)
