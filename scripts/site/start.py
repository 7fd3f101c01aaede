"""The landing page's way in: what the edition is, how far its text is attested, where to start.

Generated (marker `<!-- oe:start -->`) from the apparatus, so the figure and the suggested
pages follow the text: the pages suggested are those whose Chinese the witnesses attest
best, in document order.
"""
from __future__ import annotations

from html import escape

from ..edition import Edition
from ..edition.paths import url
from .apparatus import pct
from .i18n import bare_title, t
from .status import meter, titled

#: How many of the best-attested pages the landing page suggests.
SUGGESTED = 4


def render_start(edition: Edition, lang: str) -> str:
    corpus = edition.corpus
    shares = {n: edition.attested_share(n) for n in corpus.pages}
    best = sorted((n for n, s in shares.items() if s > 0), key=lambda n: (-shares[n], n))[:SUGGESTED]
    links = t(lang, "sep.dot").join(
        titled(lang, corpus.pages[n], f'<a href="{url(n)}">{escape(bare_title(lang, corpus.pages[n]))}</a>')
        for n in sorted(best))
    overall = edition.attested_share()
    state = (f'<p class="oe-start-state">{meter(overall)} '
             f'{t(lang, "start.state", pct=escape(pct(overall)))} '
             f'<a href="about/#source">{escape(t(lang, "banner.more"))}</a></p>')
    go = (f'<p class="oe-start-go"><strong>{escape(t(lang, "start.go"))}</strong>{escape(t(lang, "colon"))}'
          f'{links}{escape(t(lang, "start.best"))}</p>'
          f'<p class="oe-start-more"><a href="#how-to-read">{escape(t(lang, "start.marks"))}</a>'
          f'{t(lang, "sep.dot")}<a href="print/">{escape(t(lang, "start.whole"))}</a></p>')
    return f'<div class="oe-start" data-search-exclude>{state}{go}</div>'
