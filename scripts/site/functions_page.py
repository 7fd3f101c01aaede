"""The index of procuratorial functions: the 21 measures against the four functions.

Drawn from each page's `functions` front matter, as a matrix per measure and a
heat map per part, in both interfaces.
"""
from __future__ import annotations

from html import escape

from ..edition.corpus import Corpus
from ..edition.page import FUNCTIONS
from ..edition.paths import url
from .i18n import measure_label, paren, part_label, t


def render_functions_page(corpus: Corpus, lang: str, base: str = "") -> str:
    heads = "".join(f'<th scope="col">{escape(t(lang, "function." + f))}</th>' for f in FUNCTIONS)
    rows = []
    for page in corpus.measures():
        title = page.title["zh"] if lang == "zh" else page.title["en"]
        cells = "".join(
            f'<td class="oe-cell {"oe-on" if f in page.meta["functions"] else "oe-off"}">'
            f'{"●" if f in page.meta["functions"] else ""}'
            f'<span class="oe-sr">{escape(t(lang, "function." + f)) if f in page.meta["functions"] else ""}</span></td>'
            for f in FUNCTIONS)
        rows.append(f'<tr><th scope="row"><a href="{base}{url(page.number)}">{escape(measure_label(lang, page.number))}</a> '
                    f'<span class="oe-fn-title">{escape(title)}</span></th>{cells}</tr>')
    totals = "".join(
        f'<td>{sum(1 for p in corpus.measures() if f in p.meta["functions"])}</td>' for f in FUNCTIONS)
    matrix = (f'<table class="oe-matrix"><thead><tr><th scope="col">{escape(t(lang, "functions_page.measure"))}</th>{heads}</tr></thead>'
              f'<tbody>{"".join(rows)}</tbody><tfoot><tr><th scope="row">{escape(t(lang, "functions_page.total"))}</th>{totals}</tr>'
              f"</tfoot></table>")
    heat_rows = []
    for part in corpus.document["parts"]:
        members = [p for p in corpus.measures() if p.meta["part"] == part["number"]]
        heat_cells = []
        for f in FUNCTIONS:
            n = sum(1 for p in members if f in p.meta["functions"])
            level = 0 if not members else min(4, round(4 * n / len(members)))
            heat_cells.append(f'<td class="oe-heat oe-heat-{level}">{n}</td>')
        heat_rows.append(f'<tr><th scope="row">{escape(part_label(lang, part["number"]))} '
                         f'<span class="oe-fn-title">{escape(part["short"][lang])}</span>{escape(paren(lang, str(len(members))))}</th>'
                         f'{"".join(heat_cells)}</tr>')
    heat = (f'<table class="oe-heatmap"><thead><tr><th scope="col">{escape(t(lang, "functions_page.part"))}</th>{heads}</tr></thead>'
            f'<tbody>{"".join(heat_rows)}</tbody></table>')
    return "\n\n".join([f'<p class="oe-intro">{escape(t(lang, "functions_page.intro"))}</p>',
                        f"## {t(lang, 'functions_page.matrix')} {{#matrix}}", matrix,
                        f"## {t(lang, 'functions_page.heat')} {{#by-part}}", heat])
