"""Rendered pages kept by content hash: a page whose Markdown has not changed is not converted again.

Converting Markdown is most of what a build of this edition costs (the print view alone
is 0.8 MB of it per interface). What MkDocs makes of a page's Markdown depends only on
that Markdown, the Markdown extensions and their settings, the page's address and the
addresses of the site's files (links are rewritten and checked against them), and the
packages' versions. All of these go into the key (scripts/edition/cache.py), so a stored
page is the page MkDocs would render.

How, with hooks only: the edition's on_page_markdown, the last to run, hands MkDocs an
empty page when the store has it, and on_page_content, the first to run, puts the stored
HTML back with what MkDocs keeps of a render besides the HTML (table of contents, the
anchors the page has and the anchors it links to, the title its first heading gives),
so MkDocs' link and anchor validation sees every page as if rendered. A render that
logged a warning is not stored, so a strict build fails the same way every time.
"""
from __future__ import annotations

import json
import logging
from importlib.metadata import version
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..edition.cache import Store, digest

KIND = "page"
SECTION = "section"  # a section of a long page (scripts/site/fragments.py)
# The engine that runs: MkDocs, or ProperDocs, which answers `import mkdocs` with itself and logs
# under its own name (ENGINES.md). Its logger is the one `--strict` counts; its name and version
# go into every key, so one engine is never handed the other's render.
ENGINE = mkdocs.__name__
PACKAGES = ("markdown", "pymdown-extensions")


class WarningCount(logging.Handler):
    """Counts what MkDocs logs at WARNING or above (what `--strict` turns into a failure)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _stable(value: object) -> str:
    """Settings as text that is the same in every process (no object addresses)."""
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _tokens(toc: Any) -> list[dict[str, Any]]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)} for a in toc]


def snapshot(page: Page) -> dict[str, Any]:
    """What MkDocs' render of a page made, as JSON: its HTML and what MkDocs keeps besides."""
    links = page.links_to_anchors
    return {"html": page.content, "toc": _tokens(page.toc), "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            "title": page._title_from_render}


def put_back(page: Page, rendered: dict[str, Any], files: Files) -> None:
    """The page as MkDocs' render left it (`rendered`: a snapshot)."""
    page.content = rendered["html"]
    page.toc = get_toc(rendered["toc"])
    page.present_anchor_ids = set(rendered["anchors"])
    if rendered["links"] is not None:
        page.links_to_anchors = {f: links for src, links in rendered["links"].items()
                                 if (f := files.get_file_from_path(src)) is not None}
    page._title_from_render = rendered["title"]  # what MkDocs' own render sets


class PageCache:
    """One per build process; `before` and `after` bracket MkDocs' render of each page."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.hits = self.misses = 0
        self._warnings = WarningCount()
        logging.getLogger(ENGINE).addHandler(self._warnings)
        self._versions = "|".join([f"{ENGINE}={mkdocs.__version__}", *(f"{p}={version(p)}" for p in PACKAGES)])
        self._site = ""  # what the pages of the interface being built share (see `site`)
        self._pending: dict[int, Any] = {}  # id(page) -> stored render, restored in `after`
        self._fresh: dict[int, tuple[str, int]] = {}  # id(page) -> (key, warnings before its render)

    def site(self, config: MkDocsConfig, files: Files) -> None:
        """Called with each interface's final file list (the edition's on_files runs last):
        what every page of that build shares goes into each page's key."""
        addresses = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
        markdown = json.dumps([config["markdown_extensions"], config["mdx_configs"]], sort_keys=True, default=_stable)
        self._site = digest(self._versions, markdown, json.dumps(addresses),
                            json.dumps(config["validation"], sort_keys=True, default=_stable),
                            str(config["use_directory_urls"]))

    def section_key(self, file: File, text: str) -> str | None:
        """The key of one section of a page's Markdown, as `before` keys a page (None: no store)."""
        if self.store.folder is None or not self._site:
            return None
        return digest(self._site, SECTION, file.src_uri, file.dest_uri, file.url, text)

    def warnings(self) -> int:
        """How many warnings the engine has logged so far (a render that logged one is not kept)."""
        return self._warnings.count

    def before(self, markdown: str, page: Page) -> str:
        """The Markdown MkDocs is to render: the page's own, or nothing if its render is stored."""
        if self.store.folder is None or not self._site:
            return markdown
        key = digest(self._site, page.file.src_uri, page.file.dest_uri, page.url, markdown)
        stored = self.store.get(KIND, key)
        if stored is not None:
            self.hits += 1
            self._pending[id(page)] = stored
            return ""
        self.misses += 1
        self._fresh[id(page)] = (key, self._warnings.count)
        return markdown

    def after(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML: the stored render put back, or the fresh one stored."""
        stored = self._pending.pop(id(page), None)
        if stored is not None:
            put_back(page, stored, files)
            return stored["html"]
        fresh = self._fresh.pop(id(page), None)
        if fresh is not None and self._warnings.count == fresh[1]:
            self.store.put(KIND, fresh[0], snapshot(page))  # page.content: the HTML MkDocs just rendered
        return html

