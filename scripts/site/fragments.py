"""Markdown fragments of a page rendered on their own, as MkDocs would render them in that page.

A measure page is mostly HTML the build writes (pairs, apparatus, margin numbers, controls);
only its English paragraphs and commentary notes are Markdown a contributor wrote. Handing
MkDocs the whole page as Markdown makes `md_in_html` parse every line of that HTML again,
which was most of what a build cost. So the build writes the page's HTML itself and renders
only the Markdown in it, fragment by fragment, here: with the site's Markdown extensions
(mkdocs.yml) and MkDocs' own treeprocessor for links, so a link to `03.md#m03-n4` becomes the
address MkDocs would make, a broken one is logged as MkDocs logs it (and fails a strict
build), and the links to other pages' anchors are handed to MkDocs' anchor validation.
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

if TYPE_CHECKING:  # the types of the `toc` extension's tokens exist in its stubs only
    from markdown.extensions.toc import _FlatTocToken, _TocToken

_ID = re.compile(r'\sid="([^"]+)"')
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


_SLOT = re.compile("\x02(\\d+)\x03")


class Fragments:
    """One Markdown converter for a build, pointed at the page whose fragments it renders.

    A page is written in two steps, so that a page whose Markdown has not changed costs no
    conversion: the page's writer, calling this object, gets a slot for each fragment and
    writes the page around the slots (`page`, then calls); `pending` is then all the page's
    HTML depends on beyond the site's settings, and is the key of its stored render
    (scripts/site/render_cache.py); `fill` converts the fragments, in the order they were
    asked for, and puts them in their slots."""

    def __init__(self, config: MkDocsConfig, files: Files) -> None:
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.links = _RelativePathTreeprocessor(None, files, config)  # type: ignore[arg-type]
        self.links._register(self.md)
        self.file: File | None = None
        self.pending: list[str] = []

    def page(self, file: File) -> Fragments:
        """Render the following fragments as parts of this page (its address, its links)."""
        self.file = file
        self.links.file = file
        self.links.links_to_anchors = {}
        self.pending = []
        return self

    def __call__(self, text: str) -> str:
        """A slot for one fragment (a paragraph, a list, a small block with its own HTML), filled
        with its HTML by `fill`."""
        self.pending.append(text)
        return f"\x02{len(self.pending) - 1}\x03"

    def convert(self, text: str) -> str:
        """The HTML of one fragment, now."""
        return self.md.reset().convert(text)

    def fill(self, skeleton: str) -> str:
        """The page written around the slots, with each fragment's HTML in its slot."""
        done = [self.convert(text) for text in self.pending]
        return _SLOT.sub(lambda m: done[int(m.group(1))], skeleton)

    @property
    def links_to_anchors(self) -> dict[File, dict[str, str]]:
        return self.links.links_to_anchors


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
