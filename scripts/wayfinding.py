"""Finding one's way between measures: breadcrumbs, the list of all measures, previous/next.

Rendered into every measure page (not the print view), in the interface's
language, from the same data as the navigation, so a reader on a phone (where
Material's side navigation is folded away) can still move through the document.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from .edition.corpus import Corpus, src_uri
from .edition.page import Page
from .labels import measure_label, part_label
from .render import full_title

WORDS = {
    "en": {"home": "Opinions", "crumbs": "You are here", "all": "All measures", "pager": "Previous and next measure",
           "prev": "Previous", "next": "Next", "preamble_short": "P"},
    "zh": {"home": "意见全文", "crumbs": "当前位置", "all": "全部条目", "pager": "上一条与下一条",
           "prev": "上一条", "next": "下一条", "preamble_short": "序"},
}


def _href(number: int) -> str:
    """Measure pages are siblings (measures/NN/), in both interfaces."""
    return f"../{Path(src_uri(number)).stem}/"


def breadcrumbs(corpus: Corpus, page: Page, lang: str) -> str:
    """Home > part > measure, as an ordered list in a labelled nav."""
    w = WORDS[lang]
    items = [f'<li><a href="../../">{escape(w["home"])}</a></li>']
    if page.meta["part"]:
        part = corpus.part(page.meta["part"])
        sep = "　" if lang == "zh" else ": "
        items.append(f'<li><a href="../../#part-{part["number"]}">{escape(part_label(lang, part["number"]))}'
                     f'{sep}{escape(part["short"][lang])}</a></li>')
    items.append(f'<li aria-current="page">{escape(measure_label(lang, page.number))}</li>')
    return f'<nav class="oe-crumbs" aria-label="{escape(w["crumbs"])}"><ol>{"".join(items)}</ol></nav>'


def all_measures(corpus: Corpus, page: Page, lang: str) -> str:
    """A folded list of every measure, grouped by part; the current one is marked."""
    w = WORDS[lang]

    def item(other: Page) -> str:
        title = escape(full_title(lang, other))
        if other.number == page.number:
            return f'<li><a href="./" aria-current="page">{title}</a></li>'
        return f'<li><a href="{_href(other.number)}">{title}</a></li>'

    groups = []
    if corpus.preamble is not None:
        groups.append(f'<ul class="oe-all-preamble">{item(corpus.preamble)}</ul>')
    for part in corpus.document["parts"]:
        sep = "　" if lang == "zh" else ": "
        head = f'{escape(part_label(lang, part["number"]))}{sep}{escape(part["short"][lang])}'
        members = "".join(item(m) for m in corpus.measures() if m.meta["part"] == part["number"])
        groups.append(f'<p class="oe-all-part">{head}</p><ul>{members}</ul>')
    count = len(corpus.measures())
    return (f'<details class="oe-all"><summary>{escape(w["all"])} ({count})</summary>'
            f'<nav aria-label="{escape(w["all"])}">{"".join(groups)}</nav></details>')


def neighbours(corpus: Corpus, page: Page) -> tuple[Page | None, Page | None]:
    """The measures before and after `page` in document order (the preamble first)."""
    order = corpus.ordered()
    i = next(k for k, p in enumerate(order) if p.number == page.number)
    return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)


def pager(corpus: Corpus, page: Page, lang: str) -> str:
    """Previous and next measure, with their titles, at the end of the page."""
    w = WORDS[lang]
    prev, nxt = neighbours(corpus, page)
    links = []
    for other, key, rel in ((prev, "prev", "prev"), (nxt, "next", "next")):
        if other is None:
            links.append(f'<span class="oe-pager-{key} oe-pager-none"></span>')
            continue
        links.append(f'<a class="oe-pager-{key}" href="{_href(other.number)}" rel="{rel}">'
                     f'<span class="oe-pager-dir">{escape(w[key])}</span>'
                     f'<span class="oe-pager-title">{escape(full_title(lang, other))}</span></a>')
    return f'<nav class="oe-pager" aria-label="{escape(w["pager"])}" data-search-exclude>{"".join(links)}</nav>'


def top(corpus: Corpus, page: Page, lang: str) -> str:
    """The bar above a measure's title: breadcrumbs and the folded list of all measures."""
    return (f'<div class="oe-wayfinding" data-search-exclude>{breadcrumbs(corpus, page, lang)}'
            f'{all_measures(corpus, page, lang)}</div>')
