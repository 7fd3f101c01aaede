"""Markdown fragments of a page rendered on their own, as MkDocs would render them in that page.

A measure page is mostly HTML the build writes (pairs, apparatus, margin numbers, controls);
only its English paragraphs and commentary notes are Markdown a contributor wrote. Handing
MkDocs the whole page as Markdown makes `md_in_html` parse every line of that HTML again,
which was most of what a build cost. So the build writes the page's HTML itself and renders
only the Markdown in it, fragment by fragment, here: with the site's Markdown extensions
(mkdocs.yml) and MkDocs' own treeprocessor for links, so a link to `03.md#m03-n4` becomes the
address MkDocs would make, a broken one is logged as MkDocs logs it (and fails a strict
build), and the links to other pages' anchors are handed to MkDocs' anchor validation.

The print view is Markdown too, one block of the whole document, but it is converted section by
section (`Fragments.section`): each section converts alone to what it becomes in the block, which
a test holds byte for byte, and is kept in the store, so an edit converts one section again.
"""
from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING, Any

import markdown
from markdown.extensions.toc import nest_toc_tokens, strip_tags
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import _RelativePathTreeprocessor  # MkDocs' link rewriting (ProperDocs keeps it)
from mkdocs.structure.toc import get_toc

from .render_cache import SECTION, PageCache

if TYPE_CHECKING:  # the types of the `toc` extension's tokens exist in its stubs only
    from markdown.extensions.toc import _FlatTocToken, _TocToken

_ID = re.compile(r'\sid="([^"]+)"')
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


_SLOT = re.compile("\x02(\\d+)\x03")
_DIV = re.compile(r"<(/?)div\b", re.I)


def converted_opening(opening: str) -> str:
    """An element's opening tag as `md_in_html` writes it when it converts the element's Markdown:
    without its markdown="1"."""
    return opening.replace(' markdown="1"', "")


class Unsplittable(Exception):
    """A section did not convert to the HTML of its block's element alone: the page is converted whole."""


class Fragments:
    """One Markdown converter for a build, pointed at the page whose fragments it renders.

    A page is written in two steps, so that a page whose Markdown has not changed costs no
    conversion: the page's writer, calling this object, gets a slot for each fragment and
    writes the page around the slots (`page`, then calls); `pending` is then all the page's
    HTML depends on beyond the site's settings, and is the key of its stored render
    (scripts/site/render_cache.py); `fill` converts the fragments, in the order they were
    asked for, and puts them in their slots.

    A long page of Markdown (the print view) is written as `section`s of one block: each
    converts alone to what it becomes in the whole, and each is kept in the store (`kept`), so
    an edit of one measure converts that measure's section of the print view, not the page."""

    def __init__(self, config: MkDocsConfig, files: Files, kept: PageCache | None = None) -> None:
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.links = _RelativePathTreeprocessor(None, files, config)  # type: ignore[arg-type]
        self.links._register(self.md)
        self.files = files
        self.kept = kept
        self.file: File | None = None
        self.pending: list[str] = []
        self._sections: dict[int, str] = {}  # slot -> the opening tag of the block it is a section of
        self._links: dict[File, dict[str, str]] = {}

    def page(self, file: File) -> Fragments:
        """Render the following fragments as parts of this page (its address, its links)."""
        self.file = file
        self.links.file = file
        self.links.links_to_anchors = self._links = {}
        self.pending = []
        self._sections = {}
        return self

    def __call__(self, text: str) -> str:
        """A slot for one fragment (a paragraph, a list, a small block with its own HTML), filled
        with its HTML by `fill`."""
        self.pending.append(text)
        return f"\x02{len(self.pending) - 1}\x03"

    def section(self, opening: str, text: str) -> str:
        """A slot for one section of the Markdown block that `opening` starts (an element with
        markdown="1"), filled with the HTML the section becomes inside that element."""
        slot = self(f"{opening}\n\n{text}\n\n</div>\n")
        self._sections[len(self.pending) - 1] = opening
        return slot

    def convert(self, text: str) -> str:
        """The HTML of one fragment, now."""
        return self.md.reset().convert(text)

    def fill(self, skeleton: str) -> str:
        """The page written around the slots, with each fragment's HTML in its slot."""
        done = [self._one(i, text) for i, text in enumerate(self.pending)]
        return _SLOT.sub(lambda m: done[int(m.group(1))], skeleton)

    def _one(self, i: int, text: str) -> str:
        opening = self._sections.get(i)
        if opening is None:
            return self.convert(text)
        key = self.kept.section_key(self.file, text) if self.kept is not None and self.file is not None else None
        stored = self.kept.store.get(SECTION, key) if self.kept is not None and key else None
        if stored is not None:
            self._add_links({target: anchors for src, anchors in stored["links"].items()
                             if (target := self.files.get_file_from_path(src)) is not None})
            return str(stored["html"])
        warned = self.kept.warnings() if self.kept is not None else 0
        own: dict[File, dict[str, str]] = {}
        self.links.links_to_anchors = own
        try:
            html = self.convert(text)
        finally:
            self.links.links_to_anchors = self._links
        self._add_links(own)
        start, end = converted_opening(opening) + "\n", "\n</div>"
        inner = html[len(start):-len(end)]
        if not (html.startswith(start) and html.endswith(end) and _balanced(inner)):
            raise Unsplittable(f"a section of {self.file.src_uri if self.file else 'a page'} is not one block")
        if key and self.kept is not None and self.kept.warnings() == warned:  # a warning is logged every time
            self.kept.store.put(SECTION, key, {"html": inner, "links": {f.src_uri: dict(a) for f, a in own.items()}})
        return inner

    def _add_links(self, links: dict[File, dict[str, str]]) -> None:
        """One section's links to anchors added to the page's, the first address of each kept (as
        MkDocs' treeprocessor keeps them)."""
        for target, anchors in links.items():
            into = self._links.setdefault(target, {})
            for anchor, address in anchors.items():
                into.setdefault(anchor, address)

    @property
    def links_to_anchors(self) -> dict[File, dict[str, str]]:
        return self._links


def _balanced(html: str) -> bool:
    """Every div in `html` closed within it, none closed before it opened: the block's own closing
    tag is the last one (a section that closed it early would leave the rest outside it)."""
    depth = 0
    for tag in _DIV.finditer(html):
        depth += -1 if tag.group(1) else 1
        if depth < 0:
            return False
    return depth == 0


def anchors_in(html: str) -> set[str]:
    """The ids an HTML page holds: what other pages may link to (MkDocs' anchor validation)."""
    return set(_ID.findall(html))


def toc_tokens(html: str) -> list[_TocToken]:
    """The table of contents of a page's headings, as MkDocs' `toc` extension gives it (the
    theme's skip link leads to its first entry)."""
    tokens: list[_FlatTocToken] = []
    for level, ident, inner in _HEADING.findall(html):
        inner = _PERMALINK.sub("", inner)
        tokens.append({"level": int(level), "id": html_lib.unescape(ident), "name": strip_tags(inner)})
    return nest_toc_tokens(tokens)


def rendered(page: Any, html: str, fragments: Fragments) -> None:
    """Leave on an MkDocs page what its own render would have: the HTML, its table of contents,
    its anchors, and the anchors it links to (checked by MkDocs after the build)."""
    page.content = html
    page.toc = get_toc(toc_tokens(html))
    page.present_anchor_ids = anchors_in(html)
    page.links_to_anchors = dict(fragments.links_to_anchors)
