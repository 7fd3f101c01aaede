"""The book's links to other pages of the site: never to the temporary build it was printed from.

`make pdf` sets the whole-document view of a freshly built site in a temporary folder; a
commentary's link to the About page would otherwise lead to a file there (different on every
run, and dead for a reader). `relink` points such links at the published site, or drops them.
"""
from __future__ import annotations

import pytest
from lxml import html

from scripts.tools.pdf import css_string, relink

pytestmark = pytest.mark.unit

ARTICLE = ('<article><p><a href="../about/#pilot">About</a> <a href="#m08-n3">N 3</a> '
           '<a href="https://example.com/report">report</a> <a href="mailto:x@example.org">mail</a></p></article>')


def _links(article) -> list[tuple[str, str | None]]:
    return [(a.text, a.get("href")) for a in article.iter("a")]


def test_links_to_other_pages_go_to_the_published_site() -> None:
    article = html.fromstring(ARTICLE)
    relink(article, "zh/print/", "https://edition.example.org/opinions")
    assert _links(article) == [("About", "https://edition.example.org/opinions/zh/about/#pilot"),
                               ("N 3", "#m08-n3"), ("report", "https://example.com/report"),
                               ("mail", "mailto:x@example.org")]


def test_without_a_published_address_they_are_dropped_and_their_text_kept() -> None:
    article = html.fromstring(ARTICLE)
    relink(article, "print/", "")
    assert _links(article) == [("About", None), ("N 3", "#m08-n3"), ("report", "https://example.com/report"),
                               ("mail", "mailto:x@example.org")]


def test_a_wording_in_the_books_style_cannot_end_the_style_element() -> None:
    """The page-reference wording goes into CSS strings inside <style>: no `<` may stand there."""
    escaped = css_string('see "p." \\ </style><script>')
    assert "<" not in escaped and '"' not in escaped.replace('\\"', "")
    assert escaped == 'see \\"p.\\" \\\\ \\3c /style>\\3c script>'
