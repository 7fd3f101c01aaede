"""The search indexes made in a second process while the pages are built.

Most of what the two search indexes hold comes from the edition alone (the measures
paragraph by paragraph, the glossary, the laws, the witnesses), and most of what they cost
is Chinese segmentation: reading jieba's dictionary (most of a second) and cutting every
text the store (scripts/edition/cache.py) has not seen, which on a clean checkout is every
text. On a machine with more than one core the build hands that to one worker process,
forked once the edition is loaded (`start`, from on_config): it makes the edition's entries
for both interfaces while the build renders the pages, and when Material has indexed the
other pages (`indexes`, from on_post_build) it adds theirs and returns both indexes, with
what its segmentation learnt, for the build to keep in the store.

The indexes are the same either way: the worker runs the functions the build would
(scripts/site/search_index.py) on the edition it was forked with. A worker that dies is
replaced by making the indexes in the build's own process; an error in the worker is raised
in the build, with its traceback. `EDITION_FORK=off` makes everything in one process.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..edition import Edition
from ..edition.zh import Learnt, learn, learnt
from .render_ahead import enabled
from .search_index import EditionDocs, build_index, dumps, edition_docs

LANGS = ("en", "zh")

# In the worker: the edition it was forked with (set by the build before the fork), and the
# entries it made of it, by interface.
_EDITION: Edition | None = None
_MADE: dict[str, EditionDocs] = {}


def _make_edition_docs() -> None:
    """The worker's first job: the edition's entries for both interfaces (and jieba's dictionary read)."""
    assert _EDITION is not None
    for lang in LANGS:
        _MADE[lang] = edition_docs(_EDITION, lang)


def _finish(material: dict[str, Any]) -> tuple[dict[str, str], Learnt]:
    """The worker's second job: both indexes as JSON text, and what its segmentation learnt."""
    assert _EDITION is not None
    made = {lang: dumps(build_index(_EDITION, material, lang, _MADE.get(lang))) for lang in LANGS}
    return made, learnt()


def _here(edition: Edition, material: dict[str, Any]) -> dict[str, str]:
    return {lang: dumps(build_index(edition, material, lang)) for lang in LANGS}


class SearchAhead:
    """The worker of one build, if the machine and the settings allow one."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._first: Future[None] | None = None

    def start(self, edition: Edition) -> None:
        """Fork the worker for this build's edition, and set it to work."""
        global _EDITION
        self.discard()
        if not enabled():
            return
        _EDITION = edition
        _MADE.clear()
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._first = self._pool.submit(_make_edition_docs)

    def indexes(self, edition: Edition, material: dict[str, Any]) -> dict[str, str]:
        """Both interfaces' search indexes (JSON text) by language, from Material's index of the
        pages (`material`) and the edition."""
        if self._pool is None:
            return _here(edition, material)
        try:
            made, maps = self._pool.submit(_finish, material).result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): made here instead
            return _here(edition, material)
        finally:
            self.discard()
        learn(maps)
        return made

    def discard(self) -> None:
        """The worker of an earlier build (one that failed before its indexes were made) let go."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool, self._first = None, None
