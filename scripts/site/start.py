"""The landing page's way in: what the edition is, how far its text is attested, where to start.

Generated (marker `<!-- oe:start -->`) from the apparatus, so the figure and the suggested
pages follow the text: the pages suggested are those whose Chinese the witnesses attest
best, in document order.
"""
from __future__ import annotations

from ..edition import Edition
from ..edition.paths import url
from ..markup import HTML, html, join, text
from .apparatus import pct
from .i18n import bare_title, t, t_html
from .status import meter, titled

#: How many of the best-attested pages the landing page suggests.
SUGGESTED = 4


def render_start(edition: Edition, lang: str) -> HTML:
    corpus = edition.corpus
    shares = {n: edition.attested_share(n) for n in corpus.pages}
    best = sorted((n for n, s in shares.items() if s > 0), key=lambda n: (-shares[n], n))[:SUGGESTED]
    links = []
    for n in sorted(best):
        page = corpus.pages[n]
        links.append(titled(lang, page, html('<a href="{}">{}</a>', url(n), bare_title(lang, page))))
    overall = edition.attested_share()
    state = html('<p class="oe-start-state">{} {} <a href="about/#source">{}</a></p>',
                 meter(overall), t_html(lang, "start.state", pct=pct(overall)), t(lang, "banner.more"))
    go = html('<p class="oe-start-go"><strong>{}</strong>{}{}{}</p>',
              t(lang, "start.go"), t(lang, "colon"), join(links, text(t(lang, "sep.dot"))), t(lang, "start.best"))
    more = html('<p class="oe-start-more"><a href="#how-to-read">{}</a>{}<a href="print/">{}</a></p>',
                t(lang, "start.marks"), t(lang, "sep.dot"), t(lang, "start.whole"))
    return html('<div class="oe-start" data-search-exclude>{}{}{}</div>', state, go, more)
