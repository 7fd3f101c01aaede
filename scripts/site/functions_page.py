"""The index of procuratorial functions: the 21 measures against the four functions.

Drawn from each page's `functions` front matter, as a matrix per measure and a
heat map per part, in both interfaces.
"""
from __future__ import annotations

from ..edition.corpus import Corpus
from ..edition.page import FUNCTIONS
from ..edition.paths import url
from ..markup import html, join
from .i18n import measure_label, paren, part_label, t


def render_functions_page(corpus: Corpus, lang: str, base: str = "") -> str:
    heads = join(html('<th scope="col">{}</th>', t(lang, "function." + f)) for f in FUNCTIONS)
    rows = []
    for page in corpus.measures():
        title = page.title["zh"] if lang == "zh" else page.title["en"]
        cells = []
        for f in FUNCTIONS:
            on = f in page.meta["functions"]
            cells.append(html('<td class="oe-cell {}">{}<span class="oe-sr">{}</span></td>',
                              "oe-on" if on else "oe-off", "●" if on else "", t(lang, "function." + f) if on else ""))
        rows.append(html('<tr><th scope="row"><a href="{}{}">{}</a> <span class="oe-fn-title">{}</span></th>{}</tr>',
                         base, url(page.number), measure_label(lang, page.number), title, join(cells)))
    totals = join(html("<td>{}</td>", sum(1 for p in corpus.measures() if f in p.meta["functions"])) for f in FUNCTIONS)
    matrix = html('<table class="oe-matrix"><thead><tr><th scope="col">{}</th>{}</tr></thead>'
                  '<tbody>{}</tbody><tfoot><tr><th scope="row">{}</th>{}</tr></tfoot></table>',
                  t(lang, "functions_page.measure"), heads, join(rows), t(lang, "functions_page.total"), totals)
    heat_rows = []
    for part in corpus.document["parts"]:
        members = [p for p in corpus.measures() if p.meta["part"] == part["number"]]
        heat_cells = []
        for f in FUNCTIONS:
            n = sum(1 for p in members if f in p.meta["functions"])
            level = 0 if not members else min(4, round(4 * n / len(members)))
            heat_cells.append(html('<td class="oe-heat oe-heat-{}">{}</td>', level, n))
        heat_rows.append(html('<tr><th scope="row">{} <span class="oe-fn-title">{}</span>{}</th>{}</tr>',
                              part_label(lang, part["number"]), part["short"][lang], paren(lang, str(len(members))),
                              join(heat_cells)))
    heat = html('<table class="oe-heatmap"><thead><tr><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table>',
                t(lang, "functions_page.part"), heads, join(heat_rows))
    return "\n\n".join([html('<p class="oe-intro">{}</p>', t(lang, "functions_page.intro")),
                        f"## {t(lang, 'functions_page.matrix')} {{#matrix}}", matrix,
                        f"## {t(lang, 'functions_page.heat')} {{#by-part}}", heat])
