"""Finding one's way between measures: breadcrumbs above, previous/next below.

Rendered into every measure page (not the print view), in the interface's language,
from the same data as the navigation. The list of every measure is the navigation's
own (beside the page on a desk, behind the menu button on a phone): a second copy on
every page would cost each reader its bytes for what the menu already holds.
"""
from __future__ import annotations

from ..edition.corpus import Corpus
from ..edition.page import Page
from ..edition.paths import part_anchor, slug
from ..markup import HTML, html, join, text
from .i18n import bare_title, measure_label, part_heading, part_label, t
from .status import titled


def _href(number: int) -> str:
    """Measure pages are siblings (measures/NN/), in both interfaces."""
    return f"../{slug(number)}/"


def breadcrumbs(corpus: Corpus, page: Page, lang: str) -> HTML:
    """Home > part > measure, as an ordered list in a labelled nav."""
    items = [html('<li><a href="../../">{}</a></li>', t(lang, "way.home"))]
    if page.meta["part"]:
        part = corpus.part(page.meta["part"])
        items.append(html('<li><a href="../../#{}" title="{}">{}</a></li>', part_anchor(part["number"]),
                          part_heading(lang, part, "crumb"), part_label(lang, part["number"])))
    items.append(html('<li aria-current="page">{}</li>', measure_label(lang, page.number)))
    return html('<nav class="oe-crumbs" aria-label="{}"><ol>{}</ol></nav>', t(lang, "way.crumbs"), join(items))


def neighbours(corpus: Corpus, page: Page) -> tuple[Page | None, Page | None]:
    """The measures before and after `page` in document order (the preamble first)."""
    order = corpus.ordered()
    i = next(k for k, p in enumerate(order) if p.number == page.number)
    return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)


def pager(corpus: Corpus, page: Page, lang: str) -> HTML:
    """Previous and next measure, with their titles, at the end of the page."""
    prev, nxt = neighbours(corpus, page)
    links = []
    for other, key, rel in ((prev, "prev", "prev"), (nxt, "next", "next")):
        if other is None:
            links.append(html('<span class="oe-pager-{} oe-pager-none"></span>', key))
            continue
        links.append(html('<a class="oe-pager-{key}" href="{href}" rel="{rel}">'
                          '<span class="oe-pager-dir">{direction}</span>'
                          '<span class="oe-pager-title">{title}</span></a>',
                          key=key, href=_href(other.number), rel=rel, direction=t(lang, "way." + key),
                          title=titled(lang, other, text(bare_title(lang, other)))))
    return html('<nav class="oe-pager" aria-label="{}" data-search-exclude>{}</nav>', t(lang, "way.pager"), join(links))


def top(corpus: Corpus, page: Page, lang: str) -> HTML:
    """The line above a measure's title: the breadcrumbs."""
    return html('<div class="oe-wayfinding" data-search-exclude>{}</div>', breadcrumbs(corpus, page, lang))
