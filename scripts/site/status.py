"""The two status axes as the reader sees them: one token per value, the same everywhere.

Heading (scripts/edition/status.py): ● attested, ◐ reported, ○ the editors' conjecture.
Text: a small meter filled to the attested share with the share beside it, or a dash
for a page that gives no text. Shapes and figures, not colours, carry the meaning, so
the tokens read in black and white and in the navigation, map, contents, page header and
print alike; each token names itself to screen readers and, on a desk, in a tooltip.
"""
from __future__ import annotations

from ..edition.page import Page
from ..edition.status import HEADING, Status
from ..markup import HTML, html, join
from .apparatus import pct
from .i18n import t

GLYPH = {"attested": "\u25cf", "reported": "\u25d0", "conjecture": "\u25cb"}  # ● ◐ ○ (where only text can go)
# The same three as drawings, so they keep one size in every font: full, half and empty circles.
# Fill and stroke are the drawing's own attributes, not the stylesheet's: a renderer that does not
# apply the page's CSS inside an SVG (WeasyPrint, for the PDF) would fill the empty circle black
# and print a conjecture as attested.
_FILL = {"attested": '<circle cx="5" cy="5" r="4" fill="currentColor"/>',
         "reported": '<path d="M5 1a4 4 0 0 0 0 8z" fill="currentColor"/>', "conjecture": ""}


def glyph_svg(heading: str) -> HTML:
    svg = ('<svg class="oe-glyph" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">'
           '<circle class="oe-glyph-ring" cx="5" cy="5" r="4.2" fill="none" stroke="currentColor" stroke-width="1.2"/>'
           f'{_FILL[heading]}</svg>')
    return HTML(svg)  # the module's own drawings (_FILL): no value to escape


def heading_word(lang: str, status: Status) -> str:
    """'Heading reported' / '标题据报道' ('' for the preamble)."""
    return t(lang, "st.heading." + status.heading) if status.heading else ""


def text_word(lang: str, status: Status) -> str:
    """'50% of the text attested' / '正文佐证 50%' / 'Text reconstructed' / 'No text'."""
    if status.text == "attested":
        return t(lang, "st.text.attested", pct=pct(status.share or 0))
    return t(lang, "st.text." + status.text)


def heading_mark(lang: str, status: Status, words: bool = False) -> HTML:
    """The heading's glyph, named for screen readers and in a tooltip; `words`: and named on screen."""
    if not status.heading:
        return HTML()
    word = heading_word(lang, status)
    return html('<span class="oe-mark oe-h oe-h-{heading}" title="{word}">{glyph}'
                '<span aria-hidden="true">{shown}</span><span class="oe-sr">{word}</span></span>',
                heading=status.heading, word=word, glyph=glyph_svg(status.heading),
                shown=html(" {}", word) if words else "")


def meter(share: float) -> HTML:
    """A 2:1 bar filled to `share` (SVG attributes, which the Content-Security-Policy allows, and
    which every renderer honours; see _FILL)."""
    filled = round(max(0.0, min(1.0, share)) * 16, 2)
    svg = ('<svg class="oe-meter" viewBox="0 0 16 6" width="16" height="6" aria-hidden="true" focusable="false">'
           '<rect class="oe-meter-bg" x="0.5" y="0.5" width="15" height="5" rx="1" fill="none" stroke="currentColor"/>'
           '<rect class="oe-meter-fill" x="0" y="0" width="{:g}" height="6" rx="1" fill="currentColor"/></svg>')
    return html(svg, filled)


def text_mark(lang: str, status: Status, words: bool = False) -> HTML:
    """The text's token: meter and share ('50%'), '—' without text; `words`: the long form."""
    word = text_word(lang, status)
    if status.text == "none":
        body = html('<span aria-hidden="true">\u2014{}</span>', html(" {}", word) if words else "")
    else:
        share = 1.0 if status.text == "verified" else (status.share or 0.0)
        body = html('{}<span aria-hidden="true">{}</span>', meter(share), word if words else pct(share))
    return html('<span class="oe-mark oe-t oe-t-{kind}" title="{word}">{body}<span class="oe-sr">{word}</span></span>',
                kind=status.text, word=word, body=body)


def marks(lang: str, status: Status) -> HTML:
    """Both tokens, heading first: what lists (map, contents, all measures) show beside a title."""
    inner = join((x for x in (heading_mark(lang, status), text_mark(lang, status)) if x), " ")
    return html('<span class="oe-marks">{}</span>', inner)


def plain(lang: str, status: Status) -> str:
    """The status in words, for places that hold text only: 'heading reported; 50% of the text attested'."""
    parts = [heading_word(lang, status), text_word(lang, status)]
    return t(lang, "sep.items").join(p for p in parts if p)


def legend(lang: str) -> HTML:
    """One key to the tokens, the same on the landing page, in a page's status details and in print."""
    rows = [html("<li>{} {}</li>", heading_mark(lang, Status(h, "none", None)), t(lang, "st.legend.heading." + h))
            for h in HEADING]
    rows.append(html("<li>{} {}</li>", text_mark(lang, Status(None, "attested", 0.5)), t(lang, "st.legend.text")))
    rows.append(html("<li>{} {}</li>", text_mark(lang, Status(None, "none", None)), t(lang, "st.legend.none")))
    return html('<ul class="oe-status-legend" aria-label="{}">{}</ul>', t(lang, "st.legend"), join(rows))


def titled(lang: str, page: Page, title: str, status: Status | None = None) -> HTML:
    """`title` (markup the caller built: HTML, already escaped or a link, or a Markdown link; kept as
    it is) followed by the page's marks: the heading's alone, or with `status` both axes. The
    preamble, which has no heading, gets a text mark only."""
    state = status or Status(page.heading_status, "none", None)
    mark = marks(lang, state) if status is not None else heading_mark(lang, state)
    return html("{} {}", HTML(title), mark) if mark and mark != '<span class="oe-marks"></span>' else HTML(title)
