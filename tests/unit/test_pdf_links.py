"""The PDF's links to other pages of the site: never to the temporary server it was printed from.

`make pdf` prints the whole-document view from a local server on a free port; a commentary's
link to the About page would otherwise carry that address (different on every run, and dead
for a reader). finish_pdf points such links at the published site, or drops them.
"""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import RectangleObject

from scripts.tools.pdf import finish_pdf

pytestmark = pytest.mark.unit

SERVED = "http://127.0.0.1:41234/"


def _pdf_with_links(*uris: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    for k, uri in enumerate(uris):
        writer.add_annotation(0, Link(rect=RectangleObject([10, 10 + 20 * k, 100, 25 + 20 * k]), url=uri))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _uris(pdf: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return [str(a.get_object()["/A"]["/URI"]) for a in page.get("/Annots", [])]


def test_links_to_the_local_server_go_to_the_published_site() -> None:
    pdf = _pdf_with_links(SERVED + "about/#pilot", "https://example.com/report")
    out = finish_pdf(pdf, [], "2022-03-01", SERVED, "https://edition.example.org/opinions/")
    assert _uris(out) == ["https://edition.example.org/opinions/about/#pilot", "https://example.com/report"]


def test_without_a_published_address_they_are_dropped_and_two_runs_agree() -> None:
    first = finish_pdf(_pdf_with_links(SERVED + "about/#pilot", "https://example.com/report"), [], "2022-03-01",
                       SERVED, "")
    assert _uris(first) == ["https://example.com/report"]
    other = "http://127.0.0.1:50000/"
    second = finish_pdf(_pdf_with_links(other + "about/#pilot", "https://example.com/report"), [], "2022-03-01",
                        other, "")
    assert b"127.0.0.1" not in first and first == second
