"""The concordance in the site: its page, the notice on every renumbered measure, the data
that sends an old citation to the text it cited, and the pages of former measures.

All of it comes from data/concordance.yml (scripts/edition/concordance.py), which the
import of the official text writes. Before any import the concordance is empty and
nothing here shows: no page, no notice, no data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..edition import Edition
from ..edition.concordance import Entry
from ..edition.page import Page
from ..edition.paths import FORMER, MEASURES, page_file, slug, url
from ..markup import HTML, html, join, text
from .i18n import LABELS, full_title, measure_label, t
from .measure import Context, render_page

CONCORDANCE_PAGE = ("concordance.md", "concordance.zh.md")


def _when(edition: Edition, lang: str) -> str:
    from .i18n import document_date
    imported = edition.concordance.imported
    return document_date(lang, imported) if imported else ""


def _title(edition: Edition, number: int, lang: str) -> str:
    page = edition.corpus.pages.get(number)
    return full_title(lang, page) if page else measure_label(lang, number)


def _former_label(lang: str, number: int) -> str:
    return t(lang, "conc.former", n=number)


def render_concordance(edition: Edition, lang: str) -> HTML:
    """The correlation table: official number, heading, this edition's former number, ids."""
    conc = edition.concordance
    if not conc:
        return html("<p>{}</p>", t(lang, "conc.empty"))
    head = [t(lang, k) for k in ("conc.col.official", "conc.col.edition", "conc.col.shape", "conc.col.ids")]
    rows = []
    for e in sorted(conc.entries, key=lambda e: (e.official is None, e.official or 0, e.edition or 0)):
        if e.official is not None:
            official = html('<a href="../{}">{}</a>', url(e.official), _title(edition, e.official, lang))
        else:
            official = HTML("—")
        olds = [n for n in ((e.edition,) if e.edition else ()) + e.also]
        if e.official is None and e.edition:
            edition_cell = html('<a href="../{}/{}/">{}</a>', FORMER, slug(e.edition), _former_label(lang, e.edition))
        else:
            edition_cell = text(t(lang, "conc.sep").join(_former_label(lang, n) for n in olds) or "—")
        shape = text(t(lang, "conc.shape." + e.shape))
        if e.confidence is not None and e.shape not in ("new",):
            shape += html(' <span class="oe-conc-conf">{}</span>', t(lang, "conc.confidence", c=f"{e.confidence:.2f}"))
        ids = join((html("<code>{}</code> → <code>{}</code>", a, b) for a, b in e.ids if a != b), ", ") or HTML("—")
        rows.append(html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", official, edition_cell, shape, ids))
    intro = t(lang, "conc.intro", date=_when(edition, lang), reference=conc.reference or "")
    return html('<p class="oe-intro">{}</p>\n\n'
                '<div class="oe-conc-wrap"><table class="oe-concordance"><thead><tr>{}</tr></thead>'
                '<tbody>{}</tbody></table></div>\n',
                intro, join(html('<th scope="col">{}</th>', h) for h in head), join(rows))


def _link(folder: str, number: int) -> str:
    """From a measure page (measures/NN/) to another measure or a former measure."""
    return page_file(number) if folder == MEASURES else f"../{folder}/{page_file(number)}"


def moved_notice(edition: Edition, page: Page, lang: str) -> str:
    """On a measure page: what this measure was before the import, and where the former
    content of this address went (said plainly when it now holds another subject)."""
    conc = edition.concordance
    if not conc or page.is_preamble:
        return ""
    lines = []
    entry = conc.came_from(page.number)
    if entry is not None and entry.shape != "same":
        olds = [n for n in ((entry.edition,) if entry.edition else ()) + entry.also]
        if entry.shape == "new":
            lines.append(t(lang, "conc.notice.new", n=page.number))
        elif entry.shape == "split":
            lines.append(t(lang, "conc.notice.split", old=olds[0]))
        else:
            names = t(lang, "conc.sep").join(_former_label(lang, n) for n in olds)
            lines.append(t(lang, "conc.notice.was", olds=names))
    for old in conc.former_at(page.number):
        now = conc.where_now(old)
        if now is None:
            continue  # not recorded in the concordance: no notice to give
        folder, number = now
        # a Markdown link: its text escaped as HTML, which Markdown passes through
        where = (f'[{text(_title(edition, number, lang))}]({_link(folder, number)})' if folder == MEASURES
                 else f'[{text(t(lang, "conc.kept", n=old))}]({_link(folder, number)})')
        lines.append(t(lang, "conc.notice.left", old=old, where=where))
    if not lines:
        return ""
    more = f'[{t(lang, "conc.more")}](../concordance.md)'
    body = " ".join(lines)
    title = html('<p class="admonition-title">{}</p>', t(lang, "conc.notice.title", date=_when(edition, lang)))
    # Markdown inside an HTML block: a str, not HTML
    return (f'<div class="admonition info oe-moved" role="note" data-search-exclude markdown="1">\n'
            f"{title}\n\n{body} {more}\n\n</div>")


def jump_data(edition: Edition, page: Page, lang: str) -> str:
    """What edition.js needs to send a citation made before the import to the text it cited:
    every old fragment of this address whose text is now elsewhere, and the words to say so."""
    conc = edition.concordance
    if not conc:
        return ""
    ids = conc.moved_ids(page.number)
    if not ids:
        return ""
    data = {"root": "../../", "ids": ids, "date": _when(edition, lang),
            "words": {"offer": LABELS[lang]["conc.offer"], "go": t(lang, "conc.go"),  # filled in by edition.js
                      "title": t(lang, "conc.offer.title")}}
    # JSON in a script element is not HTML-escaped: each "<" written as JSON's \u003c, so that no
    # "</script>" or "<!--" in the words can end or confuse the element. A str, not HTML:
    # scripts/site/measure.py adds it to the page's Markdown with `+`, which an HTML would escape.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="oe-moved">{payload}</script>'


@dataclass(frozen=True)
class FormerContext(Context):
    """A former measure lives at former/NN/: its links to measures go up one folder."""

    def page_link(self, number: int) -> str:
        return f"../{MEASURES}/{page_file(number)}"


def former_page(edition: Edition, page: Page, lang: str) -> str:
    """A measure of the former outline that the official text does not have, kept whole."""
    conc = edition.concordance
    notice = html('<div class="admonition warning oe-former" role="note" data-search-exclude>\n'
                  '<p class="admonition-title">{}</p>\n'
                  '<p>{} <a href="../../concordance/">{}</a></p>\n</div>',
                  t(lang, "conc.former.title"), t(lang, "conc.former.body", n=page.number, date=_when(edition, lang)),
                  t(lang, "conc.more")) if conc else ""
    title = t(lang, "conc.former.heading", n=page.number, title=page.title["zh" if lang == "zh" else "en"])
    body = render_page(edition.corpus, page, lang, ctx=FormerContext(), register=edition.witnesses,
                       title=title)
    return f"{notice}\n\n{body}"


__all__ = ["CONCORDANCE_PAGE", "Entry", "former_page", "jump_data", "moved_notice", "render_concordance"]
