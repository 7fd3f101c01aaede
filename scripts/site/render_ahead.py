"""The print view rendered in a second process while the build goes on.

The print view (the whole edition on one page: 0.8 MB of Markdown per interface) is
40% of the Markdown a build converts. On a machine with more than one core the build
forks once the navigation is known (`start`, from on_nav): the child renders the page
exactly as MkDocs would (MkDocs' own `_populate_page`, with every plugin's events) and
writes what the render made to a file. The parent meanwhile
renders every other page, hands MkDocs an empty page for this one (`deferred`), and puts
the child's render in place when the page is written (`restore`, from on_page_context,
before any plugin reads the page), after the measure pages. `mkdocs serve` serves nothing
until a rebuild is done, so the print view is converted section by section and each section
kept in the store (scripts/site/fragments.py): after an edit the child converts one section.

Output and warnings stay what a build in one process gives: a child that fails, logs a
warning (it is not counted where `--strict` counts) or is not done in time is replaced by
rendering the page in the parent. `EDITION_FORK=off` renders everything in one process.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _populate_page  # what MkDocs runs for each page (mkdocs is pinned)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..edition.cache import turned_off
from ..settings import FORK
from .render_cache import ENGINE, WarningCount, put_back, snapshot

# the names of the pages rendered ahead (docs/print.md, docs/print.zh.md): written after the measure pages,
# so never waited for before an edited measure is served (the glossary, written before them, would be)
AHEAD = ("print",)
TIMEOUT = 300  # seconds the parent waits for a child before rendering the page itself

log = logging.getLogger("mkdocs.plugins.edition")


def enabled() -> bool:
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1
            and not turned_off(os.environ.get(FORK, "")))


class RenderAhead:
    """The children of one interface's build, by the page they render."""

    def __init__(self) -> None:
        self._children: dict[str, tuple[int, Path]] = {}  # src_uri -> (pid, result file)
        self._tmp: Path | None = None

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Fork one child per page of this build named in AHEAD."""
        self.discard()
        if not enabled():
            return
        self._tmp = Path(tempfile.mkdtemp(prefix="oe-ahead-"))
        for file in files.documentation_pages():
            if Path(file.src_uri).name.split(".")[0] not in AHEAD:
                continue
            if file.page is None:  # a page outside the navigation: MkDocs would make it the same way
                Page(None, file, config)
            out = self._tmp / f"{len(self._children)}.json"
            pid = os.fork()
            if pid == 0:  # the child: render, write, leave without running anything of the parent's
                code = 1
                try:
                    counter = WarningCount()  # the child prints nothing: the parent shows what it warns
                    engine_log = logging.getLogger(ENGINE)  # "mkdocs", or "properdocs"
                    engine_log.handlers = [h for h in engine_log.handlers
                                           if not isinstance(h, logging.StreamHandler)] + [counter]
                    page = file.page
                    assert page is not None  # set above, where a page outside the navigation was made
                    _populate_page(page, config, files)
                    out.write_text(json.dumps(dict(snapshot(page), warnings=counter.count), ensure_ascii=False),
                                   encoding="utf-8")
                    code = 0
                finally:
                    os._exit(code)
            self._children[file.src_uri] = (pid, out)

    def deferred(self, page: Page) -> bool:
        """True for a page a child renders: MkDocs is handed an empty page for it."""
        return page.file.src_uri in self._children

    def restore(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """The child's render put in place (or the page rendered here, if the child's is not usable)."""
        child = self._children.pop(page.file.src_uri, None)
        if child is None:
            return
        result = self._wait(*child)
        if result is None or result["warnings"]:
            _populate_page(page, config, files)  # here, so that warnings are counted and shown
            config._current_page = page  # as MkDocs set it for writing the page, which _populate_page unset
            return
        put_back(page, result, files)

    def _wait(self, pid: int, out: Path) -> dict[str, Any] | None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                log.info(f"render ahead: {out.name} not done in {TIMEOUT} s; rendering it here")
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                return None
            time.sleep(0.005)
        try:
            return json.loads(out.read_text(encoding="utf-8")) if os.waitstatus_to_exitcode(status) == 0 else None
        except (OSError, ValueError):
            return None

    def discard(self) -> None:
        """Children of an earlier build that never reached their page (a build that failed)."""
        for pid, _out in self._children.values():
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except (ChildProcessError, ProcessLookupError):
                pass
        self._children.clear()
        if self._tmp is not None:
            for path in self._tmp.glob("*"):
                path.unlink(missing_ok=True)
            self._tmp.rmdir()
            self._tmp = None
