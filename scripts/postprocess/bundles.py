"""Lighter copies of the edition's stylesheets and script, for the pages that need less of them.

docs/assets/edition.css and edition.js serve the measure pages, the pages most read, and the
print view; most of what they hold (the aligned pairs, the apparatus, margin numbers, the
display control, term cards) concerns nothing else. docs/assets/pages.css serves every other
page, and most of it (the glossary, laws, witnesses and print pages) is not for the landing
page. What a page does not need is marked in the source as a region of a kind
(`/* measure-only: begin */` … `/* measure-only: end */`), and the lighter copy is the source
without the regions of that kind (DERIVED; which page loads which: scripts/site/theme.py,
PAGE_ASSETS). A build test holds the marks to the built pages: every rule left out needs a
class that no page loading the copy has, and every script left out acts on an element none of
them has.
"""
from __future__ import annotations

import re

#: Each lighter copy: its source under docs/ and the kind of region it leaves out.
DERIVED = {
    "assets/site.css": ("assets/edition.css", "measure-only"),
    "assets/site.js": ("assets/edition.js", "measure-only"),
    "assets/home.css": ("assets/pages.css", "inner-pages-only"),
}


def marks(kind: str) -> tuple[str, str]:
    """The comments that open and close a region of `kind`."""
    return f"/* {kind}: begin */", f"/* {kind}: end */"


def marks_problem(text: str, kind: str) -> str | None:
    """Why the marks of `kind` in a source do not pair up, or None: a region left open would
    drop the rest of the file, a stray end would keep a region."""
    begin, end = marks(kind)
    depth = 0
    for mark in re.finditer(re.escape(begin) + "|" + re.escape(end), text):
        depth += 1 if mark.group(0) == begin else -1
        if depth not in (0, 1):
            line = text.count("\n", 0, mark.start()) + 1
            return f"line {line}: {mark.group(0)} inside another region, or with no region open"
    return f"a region opened is never closed ({begin} needs {end})" if depth else None


def regions(text: str, kind: str) -> list[str]:
    """What the regions of `kind` in a source hold."""
    begin, end = marks(kind)
    return re.findall(re.escape(begin) + r"(.*?)" + re.escape(end), text, flags=re.S)


def without(text: str, kind: str) -> str:
    """A source without its regions of `kind`."""
    begin, end = marks(kind)
    return re.sub(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", "", text, flags=re.S)
