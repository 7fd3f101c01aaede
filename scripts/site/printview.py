"""The whole edition on one page, for printing and for `make pdf`.

Cover (title in both languages, issuer and date, source status, edition date
and commit), contents, preamble, the four parts with every measure, and the
glossary as an appendix, in the interface's language. Measures are rendered
by the same code as their own pages (scripts/site/measure.py), with links and
anchors kept inside this one page.
"""
from __future__ import annotations

from dataclasses import replace
from html import escape

from ..edition import Edition
from ..edition.paths import anchor, part_anchor
from .apparatus import legend, pct, register_page
from .contents import render_contents
from .glossary_page import mark_terms, render_glossary_page
from .i18n import document_date, html_label, part_heading, t
from .measure import Context, render_page, view_control
from .scholarship import CiteSetting, citable

CTX = Context(heading_level=2, about_source="", view_control=False, print_view=True)


def render_print_page(edition: Edition, lang: str, stamp: dict[str, str], setting: CiteSetting | None = None) -> str:
    """`setting`: what the citation and status that end each measure need (none: no citations)."""
    corpus = edition.corpus
    doc = corpus.document
    date = document_date(lang, doc["date"])
    pages = corpus.ordered()
    verified = sum(1 for p in pages if p.source["status"] == "verified")
    cover = "\n".join([
        '<div class="oe-cover">',
        f'<p class="oe-cover-zh" lang="zh-Hans">{escape(doc["title"]["zh"])}</p>',
        f'<p class="oe-cover-en" lang="en">{escape(doc["title"]["en"])}</p>',
        f'<p class="oe-cover-sub">{escape(t(lang, "print.edition"))}</p>',
        f'<p class="oe-cover-issued">{escape(t(lang, "print.issued", issuer=doc["issuer"][lang], date=date))}</p>',
        f'<p class="oe-cover-status">{html_label(lang, "print.status")}'
        f'{escape(t(lang, "print.counts", verified=verified, total=len(pages)))}</p>',
        f'<p class="oe-cover-status">{escape(t(lang, "map.outline"))} '
        f'{escape(t(lang, "map.share", pct=pct(edition.attested_share())))}</p>',
        f'<p class="oe-cover-stamp">{escape(t(lang, "print.stamp", **stamp))}</p>',
        f'<p class="oe-cover-licence">{escape(t(lang, "print.licence"))}</p>',
        "</div>",
    ])
    out = [cover, view_control(lang, apparatus=True),
           f"# {t(lang, 'print.contents')} {{#contents}}", render_contents(corpus, lang, ctx=CTX),
           legend(lang, CTX.register_link())]

    def measure(page, ctx):
        cited = citable(edition, page, lang, setting, print_view=True) if setting is not None else None
        return render_page(corpus, page, lang, _markup(edition), ctx, register=edition.witnesses,
                           share=edition.attested_share(page.number), citable=cited)
    if corpus.preamble is not None:  # the preamble stands at the top level, as the parts do
        out.append(measure(corpus.preamble, replace(CTX, heading_level=1)))
    for part in doc["parts"]:
        other = "en" if lang == "zh" else "zh"
        out.append(f"# {part_heading(lang, part, 'heading')} {{#{part_anchor(part['number'])} .oe-part-title}}")
        out.append(f'<p class="oe-alt-title" lang="{"en" if other == "en" else "zh-Hans"}">'
                   f'{escape(part_heading(other, part, "heading"))}</p>')
        for page in corpus.measures():
            if page.meta["part"] == part["number"]:
                out.append(measure(page, CTX))
    out.append(f"# {t(lang, 'print.witnesses')} {{#witnesses}}")
    out.append(register_page(edition, lang, lambda n: f"#{anchor(n)}"))
    if edition.glossary is not None:
        out.append(f"# {t(lang, 'print.appendix')} {{#appendix-glossary}}")
        out.append(render_glossary_page(corpus, edition.glossary, lang, in_document=True))
    body = "\n\n".join(out)
    return f'<div class="oe-text oe-print" markdown="1">\n\n{body}\n\n</div>\n'


def _markup(edition: Edition):
    glossary = edition.glossary
    if glossary is None:
        return None
    return lambda text, para: mark_terms(glossary, text, "")
