"""Finding one's way between measures: breadcrumbs above, previous/next below.

Rendered into every measure page (not the print view), in the interface's language,
from the same data as the navigation. The list of every measure is the navigation's
own (beside the page on a desk, behind the menu button on a phone): a second copy on
every page would cost each reader its bytes for what the menu already holds.
"""
from __future__ import annotations

from html import escape

from ..edition.corpus import Corpus
from ..edition.page import Page
from ..edition.paths import part_anchor, slug
from .i18n import bare_title, measure_label, part_heading, part_label, t
from .status import titled


def _href(number: int) -> str:
    """Measure pages are siblings (measures/NN/), in both interfaces."""
    return f"../{slug(number)}/"


def breadcrumbs(corpus: Corpus, page: Page, lang: str) -> str:
    """Home > part > measure, as an ordered list in a labelled nav."""
    items = [f'<li><a href="../../">{escape(t(lang, "way.home"))}</a></li>']
    if page.meta["part"]:
        part = corpus.part(page.meta["part"])
        items.append(f'<li><a href="../../#{part_anchor(part["number"])}" title="{escape(part_heading(lang, part, "crumb"))}">'
                     f'{escape(part_label(lang, part["number"]))}</a></li>')
    items.append(f'<li aria-current="page">{escape(measure_label(lang, page.number))}</li>')
    return f'<nav class="oe-crumbs" aria-label="{escape(t(lang, "way.crumbs"))}"><ol>{"".join(items)}</ol></nav>'


def neighbours(corpus: Corpus, page: Page) -> tuple[Page | None, Page | None]:
    """The measures before and after `page` in document order (the preamble first)."""
    order = corpus.ordered()
    i = next(k for k, p in enumerate(order) if p.number == page.number)
    return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)


def pager(corpus: Corpus, page: Page, lang: str) -> str:
    """Previous and next measure, with their titles, at the end of the page."""
    prev, nxt = neighbours(corpus, page)
    links = []
    for other, key, rel in ((prev, "prev", "prev"), (nxt, "next", "next")):
        if other is None:
            links.append(f'<span class="oe-pager-{key} oe-pager-none"></span>')
            continue
        links.append(f'<a class="oe-pager-{key}" href="{_href(other.number)}" rel="{rel}">'
                     f'<span class="oe-pager-dir">{escape(t(lang, "way." + key))}</span>'
                     f'<span class="oe-pager-title">{titled(lang, other, escape(bare_title(lang, other)))}</span></a>')
    return f'<nav class="oe-pager" aria-label="{escape(t(lang, "way.pager"))}" data-search-exclude>{"".join(links)}</nav>'


def top(corpus: Corpus, page: Page, lang: str) -> str:
    """The line above a measure's title: the breadcrumbs."""
    return f'<div class="oe-wayfinding" data-search-exclude>{breadcrumbs(corpus, page, lang)}</div>'
