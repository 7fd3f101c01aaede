"""The overview map on the landing page: the four parts and their measures, as SVG.

Generated from data/document.yml and the measures' front matter at every build,
so it cannot drift from the text. Each measure is a link to its page, coloured
by its procuratorial functions (one band per function) and named in full for
screen readers; the numbers and titles carry the meaning, so the map still reads
in black and white on paper. Two layouts are emitted (four columns for wide
screens and print, one column for phones) and CSS shows one; the hidden one is
display:none, so neither keyboard nor screen reader meets the same link twice.

Styling lives in docs/assets/edition.css (classes, not style attributes: the
site's Content-Security-Policy forbids inline styles).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..edition.corpus import Corpus
from ..edition.page import FUNCTIONS, Page
from ..edition.paths import url
from ..edition.status import status as page_status
from ..markup import HTML, html, join
from .apparatus import pct
from .i18n import measure_label, part_heading, t
from .status import GLYPH, legend as status_legend, plain


@dataclass(frozen=True)
class Layout:
    """Geometry of one layout, in SVG user units (1 unit = 1 CSS px at natural size)."""

    name: str
    width: int
    columns: int
    gap: int = 14
    font: int = 13
    line: int = 16
    band: int = 7
    num_w: int = 34


WIDE = Layout("wide", 960, 4)
NARROW = Layout("narrow", 340, 1)


def _char_width(ch: str, font: int) -> float:
    """A conservative width estimate: CJK full width, Latin about half."""
    return font * (1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.52)


#: Chinese line-breaking rules (禁则): these never begin a line, and these never end one.
NOT_FIRST = "，、。；：？！）》”’〕】」』·…—"
NOT_LAST = "（《“‘〔【「『"


def wrap(text: str, width: float, font: int) -> list[str]:
    """Greedy line breaking: at spaces for Latin text, between characters for Chinese, by the
    Chinese rules: closing punctuation never starts a line, an opening bracket never ends one
    (it moves down with what it opens)."""
    cjk = any(unicodedata.east_asian_width(c) in "WF" for c in text)
    tokens = list(text) if cjk else [w + " " for w in text.split(" ")]
    lines, cur = [], ""
    for tok in tokens:
        trial = cur + tok
        if cur and sum(_char_width(c, font) for c in trial.rstrip()) > width and tok[0] not in NOT_FIRST:
            carry = ""
            while cur and cur[-1] in NOT_LAST:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur.rstrip())
            cur = carry + tok
        else:
            cur = trial
    if cur.strip():
        lines.append(cur.rstrip())
    return [line for line in lines if line]


def _tile(page: Page, lang: str, x: float, y: float, w: float, lay: Layout, href: str,
          share: float | None = None) -> tuple[HTML, float]:
    """One measure: a linked box with function bands, the number, the wrapped title and, below,
    its status on the two axes: the heading's mark and the share of its text that witnesses attest."""
    number = t(lang, "preamble_short") if page.is_preamble else str(page.number)
    title = t(lang, "preamble") if page.is_preamble else page.title[lang]
    state = page_status(page, share)
    lines = wrap(title, w - lay.band - lay.num_w - 12, lay.font)
    glyph = GLYPH.get(state.heading or "", "")
    figure = "\u2014" if state.text == "none" else pct(1.0 if state.text == "verified" else state.share or 0.0)
    share_line = f"{glyph} {figure}".strip()
    h = (max(len(lines), 1) + (1 if share_line else 0)) * lay.line + 18
    funcs = [f for f in FUNCTIONS if f in page.meta["functions"]]
    # The accessible name starts with the visible text (number, then title), then says
    # which measure it is and its functions, for readers who cannot see the colours.
    words = plain(lang, state)
    # the accessible name starts with the visible text (number, title, status line), then says it in words
    if lang == "zh":
        label = (f"{number} {title} {share_line}（{words}）——{measure_label(lang, page.number)}，"
                 f"{'、'.join(t(lang, 'function.' + f) for f in funcs)}")
    else:
        label = (f"{number} {title} {share_line} ({words}; {measure_label(lang, page.number)}; "
                 f"{', '.join(t(lang, 'function.' + f) for f in funcs)})")
    seg = round(h / max(len(funcs), 1), 1)
    bands = join(html('<rect class="oe-map-fn-{}" x="{:g}" y="{:g}" width="{}" height="{:g}"/>',
                      f, x, y + i * seg, lay.band, seg) for i, f in enumerate(funcs))
    tx = x + lay.band + lay.num_w + 4
    # a space ends each line but the last, so the text reads as words to assistive technology
    spans = join(html('<tspan x="{:g}" y="{:g}">{}{}</tspan>', tx, y + 9 + lay.font + i * lay.line, s,
                      " " if i + 1 < len(lines) and not s[-1:] >= chr(0x3000) else "")
                 for i, s in enumerate(lines))
    if share_line:
        spans += html('<tspan class="oe-map-share" x="{:g}" y="{:g}"> {}</tspan>',
                      tx, y + 9 + lay.font + len(lines) * lay.line, share_line)
    tile = html('<rect class="oe-map-tile" x="{:g}" y="{:g}" width="{:g}" height="{:g}" rx="4"/>', x, y, w, h)
    num = html('<text class="oe-map-num" x="{:g}" y="{:g}">{} </text>',
               x + lay.band + lay.num_w / 2 + 2, y + 9 + lay.font + 2, number)
    svg = html('<a href="{}" aria-label="{}">{}{}{}<text class="oe-map-title">{}</text></a>',
               href, label, tile, bands, num, spans)
    return svg, h


def _part_head(part: dict, lang: str, x: float, y: float, w: float, lay: Layout) -> tuple[HTML, float]:
    glyph = GLYPH.get(part.get("title_status") or "attested", "")
    lines = wrap(f"{part_heading(lang, part, 'nav', marked=False)} {glyph}", w, lay.font + 1)
    spans = join(html('<tspan x="{:g}" y="{:g}">{}</tspan>', x, y + lay.font + 2 + i * lay.line, s)
                 for i, s in enumerate(lines))
    return html('<text class="oe-map-part">{}</text>', spans), len(lines) * lay.line + 8


def render_map(corpus: Corpus, lang: str, lay: Layout, shares: dict[int, float] | None = None) -> HTML:
    """One layout of the map as an inline <svg> element."""
    shares = shares or {}
    uid = f"oe-map-{lay.name}"
    parts = corpus.document["parts"]
    col_w = (lay.width - lay.gap * (lay.columns - 1)) // lay.columns
    body: list[HTML] = []
    y0 = 0.0

    def href(page: Page) -> str:  # the landing pages sit at each interface's root
        return url(page.number)

    if corpus.preamble is not None:
        svg, h = _tile(corpus.preamble, lang, 0, 0, lay.width if lay.columns > 1 else col_w, lay, href(corpus.preamble),
                       shares.get(0))
        body.append(svg)
        y0 = h + lay.gap
    heights: list[float] = []
    for i, part in enumerate(parts):
        col = i % lay.columns
        x = col * (col_w + lay.gap)
        y = y0 if lay.columns > 1 else (y0 if i == 0 else heights[-1] + lay.gap)
        head, hh = _part_head(part, lang, x, y, col_w, lay)
        body.append(html('<g class="oe-map-group">{}', head))
        y += hh
        for page in corpus.measures():
            if page.meta["part"] != part["number"]:
                continue
            svg, h = _tile(page, lang, x, y, col_w, lay, href(page), shares.get(page.number))
            body.append(svg)
            y += h + 6
        body.append(HTML("</g>"))
        heights.append(y)
    height = max(heights) + 2
    return html('<svg class="oe-map-svg oe-map-{name}" viewBox="-1 -1 {w} {h:g}" width="{w}" height="{h:g}" '
                'role="group" aria-labelledby="{uid}-t" aria-describedby="{uid}-d" xmlns="http://www.w3.org/2000/svg">'
                '<title id="{uid}-t">{title}</title><desc id="{uid}-d">{desc}</desc>{body}</svg>',
                name=lay.name, w=lay.width + 2, h=height, uid=uid,
                title=t(lang, "map.title"), desc=t(lang, "map.desc"), body=join(body))


def render_overview(corpus: Corpus, lang: str, shares: dict[int, float] | None = None,
                    overall: float | None = None) -> HTML:
    """Both layouts, the key and the standing note on the outline, as one HTML block for the landing page.

    `shares`: each page's attested share; `overall`: the whole document's."""
    caption = t(lang, "map.key")
    key = join(html('<li><span class="oe-swatch oe-swatch-{}" aria-hidden="true"></span>{}</li>',
                    f, t(lang, "function." + f)) for f in FUNCTIONS)
    note = t(lang, "map.outline") + (" " + t(lang, "map.share", pct=pct(overall)) if overall is not None else "")
    return html('<figure class="oe-map" data-search-exclude>{wide}{narrow}'
                '<figcaption><span class="oe-sr">{caption}</span>'
                '<ul class="oe-map-key" aria-label="{caption}">{key}</ul>{legend}'
                '<p class="oe-map-note">{note}</p></figcaption></figure>',
                wide=render_map(corpus, lang, WIDE, shares), narrow=render_map(corpus, lang, NARROW, shares),
                caption=caption, key=key, legend=status_legend(lang), note=note)
