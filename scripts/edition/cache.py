"""A store on disk for results that are slow to make and follow from their inputs alone.

jieba's segmentation and pinyin (scripts/edition/zh.py) and the HTML of rendered pages
(scripts/site/render_cache.py) are kept in `.cache/` at the project's root, each entry
under the SHA-256 of everything it was made from. An entry is therefore either right or
never looked up again: there is nothing to invalidate, and deleting the folder at any
time costs one slower build. `EDITION_CACHE=off` builds without it (the benchmark's cold
builds; the test that a cached build is the same site as an uncached one);
`EDITION_CACHE=<folder>` keeps it elsewhere.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

ENV = "EDITION_CACHE"
FOLDER = ".cache"
VERSION = "1"  # bump when the format of an entry changes


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of the parts, each length-prefixed so that no two lists of parts collide."""
    h = hashlib.sha256(VERSION.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(f"\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


class Store:
    """JSON entries by kind and key. A missing folder (the cache turned off) stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, kind: str, key: str) -> Path | None:
        return None if self.folder is None else self.folder / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent, or cut short by a crash: made again
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Written whole or not at all (a temporary file renamed), so parallel builds are safe."""
        path = self._path(kind, key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:  # a read-only checkout builds without a cache
            return


def turned_off(setting: str) -> bool:
    """How the build's switches (EDITION_CACHE, EDITION_FORK) are set to off."""
    return setting.strip().lower() in ("off", "0", "no", "false")


def store(root: Path) -> Store:
    """The project's store, as the environment sets it."""
    setting = os.environ.get(ENV, "").strip()
    if turned_off(setting):
        return Store(None)
    return Store(Path(setting) if setting else root / FOLDER)
