"""The markers hand-written pages may hold, and what the build puts in their place.

`<!-- oe:glossary -->` in docs/glossary.md becomes the glossary in that page's
interface: the same idea as Material's `<!-- material/tags -->` listing marker.
"""
from __future__ import annotations

from typing import Callable

from ..edition import Edition
from ..edition.paths import url
from .apparatus import register_page
from .concordance_page import render_concordance
from .contents import render_contents
from .functions_page import render_functions_page
from .glossary_page import render_glossary_page
from .laws_page import render_laws_page
from .overview import render_overview
from .printview import PRINT_MARKER, render_print_page
from .scholarship import CiteSetting
from .start import render_start
from .status import legend as status_legend


# marker -> f(edition, interface, edition stamp) -> Markdown
def _glossary_page(edition: Edition, lang: str) -> str:
    # a missing glossary is a content error, and the build stops on those before any page
    assert edition.glossary is not None
    return render_glossary_page(edition.corpus, edition.glossary, lang)


MARKERS: dict[str, Callable[[Edition, str, dict[str, str]], str]] = {
    "<!-- oe:start -->": lambda ed, lang, stamp: render_start(ed, lang),
    "<!-- oe:legend -->": lambda ed, lang, stamp: status_legend(lang),
    "<!-- oe:contents -->": lambda ed, lang, stamp: render_contents(
        ed.corpus, lang, statuses={n: ed.status(n) for n in ed.corpus.pages}),
    "<!-- oe:map -->": lambda ed, lang, stamp: render_overview(
        ed.corpus, lang, {n: ed.attested_share(n) for n in ed.corpus.pages}, ed.attested_share()),
    "<!-- oe:glossary -->": lambda ed, lang, stamp: _glossary_page(ed, lang),
    "<!-- oe:laws -->": lambda ed, lang, stamp: render_laws_page(ed.corpus, ed.laws, lang),
    "<!-- oe:functions -->": lambda ed, lang, stamp: render_functions_page(ed.corpus, lang),
    "<!-- oe:witnesses -->": lambda ed, lang, stamp: register_page(ed, lang, lambda n: f"../{url(n)}"),
    "<!-- oe:concordance -->": lambda ed, lang, stamp: render_concordance(ed, lang),
}
# markers whose output cites the commentaries: f(edition, interface, edition stamp, citation setting)
CITING: dict[str, Callable[[Edition, str, dict[str, str], CiteSetting | None], str]] = {
    PRINT_MARKER: lambda ed, lang, stamp, setting: render_print_page(ed, lang, stamp, setting),
}


def expand_markers(markdown: str, edition: Edition, lang: str, stamp: dict[str, str],
                   setting: CiteSetting | None = None) -> str:
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make(edition, lang, stamp))
    for marker, cite in CITING.items():
        if marker in markdown:
            markdown = markdown.replace(marker, cite(edition, lang, stamp, setting))
    return markdown
