"""Where the edition lives, and how its measures, paragraphs and parts are named.

Every address of a measure (its file, its page, its anchor inside the print view,
the prefix of its paragraph ids, its identifier in the work) is made here, and
only here, so the naming scheme is written down once. How many measures there
are is a fact about the document: `measures` in data/document.yml.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project: mkdocs.yml, docs/, data/, scripts/
#: The edition's two languages: of its text and commentaries, and of its interfaces (English at the
#: site's root, Chinese under zh/). The one definition; everything that walks both starts here.
LANGS = ("en", "zh")
BUILD_INPUTS = ("mkdocs.yml", "docs", "data", "scripts", "overrides")  # all that a build of the site reads
MEASURES = "measures"  # docs/measures/NN.md, and the pages measures/NN/ in each interface
BIBTEX = "data/commentary.bib"  # every commentary for reference managers, beside the other exports
CSL_JSON = "data/commentary.csl.json"  # the same as CSL-JSON
FORMER = "former"  # docs/former/NN.md: a measure of the edition's former outline that the official text lacks
# A measure's number as its addresses write it (slug()): two digits, three from 100 on (a collection
# of documents, or the synthetic editions `make bench` builds, may pass 99 measures).
NUMBER = r"(?:\d\d|[1-9]\d\d)"
PREFIX = rf"(?:pre|m{NUMBER})"  # the prefix of a page's ids: 'pre', 'm08', 'm105'
FILE_RE = re.compile(rf"^(?:preamble|({NUMBER}))\.md$")  # a measure page's file name; its number in group 1
ID_RE = re.compile(rf"^{PREFIX}-[1-9][0-9]*[a-z]?$")  # a paragraph id: 'pre-1', 'm08-2', 'm08-2a'


def slug(number: int) -> str:
    """'preamble' or '08': the stem of a measure's file and the last part of its address."""
    return "preamble" if number == 0 else f"{number:02d}"


def page_file(number: int) -> str:
    """'08.md': how one measure page links another (they are siblings in docs/measures/)."""
    return f"{slug(number)}.md"


def src_uri(number: int) -> str:
    """'measures/08.md': the page's source, relative to docs/."""
    return f"{MEASURES}/{page_file(number)}"


def url(number: int) -> str:
    """'measures/08/': the page's path relative to an interface's root."""
    return f"{MEASURES}/{slug(number)}/"


def anchor(number: int) -> str:
    """'preamble' or 'measure-08': the measure's id inside the whole-document print view."""
    return "preamble" if number == 0 else f"measure-{number:02d}"


def para_prefix(number: int) -> str:
    """The id prefix of a page's paragraphs: 'pre' or 'm08'."""
    return "pre" if number == 0 else f"m{number:02d}"


def measure_key(number: int) -> str:
    """'preamble' or 'm08': the measure's stable name within the work (schema.org identifier)."""
    return "preamble" if number == 0 else para_prefix(number)


def number_of(para_id: str) -> int:
    """The measure a paragraph id belongs to: 'm08-2' -> 8, 'pre-1' -> 0."""
    if para_id.startswith("pre"):
        return 0
    m = re.match(r"m(\d+)", para_id)
    if m is None:
        raise ValueError(f"not a paragraph id: {para_id!r}")
    return int(m.group(1))


def part_anchor(number: int) -> str:
    """'part-2': the id of a part's heading (landing contents, print view), and its lock key."""
    return f"part-{number}"


def note_anchor(number: int, lang: str, n: int | str) -> str:
    """'m08-n3' (English commentary) / 'm08-zh-n3' (Chinese), 'm08-n3a': the anchor of a margin
    number, as the paragraph's token writes it (Page.notes)."""
    prefix = para_prefix(number)
    return f"{prefix}-zh-n{n}" if lang == "zh" else f"{prefix}-n{n}"


def variant_anchor(para_id: str, k: int) -> str:
    """'m08-1-v2': the anchor of the k-th (from 1) variant note under a paragraph."""
    return f"{para_id}-v{k}"


def former_url(number: int) -> str:
    """'former/13/': where a measure of the former outline without official counterpart is kept."""
    return f"{FORMER}/{slug(number)}/"
