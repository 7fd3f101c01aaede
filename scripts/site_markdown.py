"""Markdown rendered as the site renders it, handed to the content checks for the allowlist.

The allowlist (scripts/edition/safety.py) judges the HTML that contributed Markdown
renders to, so the Markdown must be rendered as MkDocs renders it: python-markdown
with the extensions listed in mkdocs.yml (and the three MkDocs always adds). The
content model renders nothing, so the renderer is made here, and `check_edition`
(what `make check` and the build call) hands it to `load_edition`. The checks
themselves are listed in scripts/edition/checks.py.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import markdown
import yaml

from .edition import Edition, load_edition
from .edition.cache import Store, digest, store
from .edition.paths import ROOT

#: MkDocs adds these to every site's markdown_extensions (mkdocs/config/defaults.py).
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV and !relative tags become None (no setting here needs them)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def markdown_extensions(config: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and their settings, as mkdocs.yml lists them."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    names, settings = list(MKDOCS_BUILTINS), {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = dict(options or {})
        else:
            names.append(str(item))
    return list(dict.fromkeys(names)), settings


def renderer(root: Path = ROOT) -> Rendered:
    """Markdown to HTML with the site's extensions (as mkdocs.yml at `root` lists them), what it made
    kept in the project's store."""
    names, settings = markdown_extensions(root / "mkdocs.yml")
    return _converter(json.dumps([names, settings], sort_keys=True), store(root).folder)


class Rendered:
    """One converter per set of extensions, reset for each text; each text rendered once per
    process (a `mkdocs serve` rebuild, or a check of a copy of the project, renders only what
    changed) and, with a store, once per text at all: the HTML follows from the text, the
    extensions and their packages' versions, which are the key of what is kept (a store-warm
    build renders no Markdown to check it)."""

    KIND = "markdown"

    def __init__(self, extensions: str, folder: Path | None) -> None:
        names, settings = json.loads(extensions)
        self.md = markdown.Markdown(extensions=names, extension_configs=settings)
        self.store = Store(folder)
        self.key = digest(extensions, f"markdown={version('markdown')}|pymdownx={version('pymdown-extensions')}")
        self.known: dict[str, str] = dict(self.store.get(self.KIND, self.key) or {})
        self.used: set[str] = set()
        self.dirty = False

    def __call__(self, text: str) -> str:
        self.used.add(text)
        html = self.known.get(text)
        if html is None:
            html = self.known[text] = self.md.reset().convert(text)
            self.dirty = True
        return html

    def save(self) -> None:
        """Keep what this process rendered (only what it used: texts edited away are dropped)."""
        if self.dirty:
            self.store.put(self.KIND, self.key, {text: self.known[text] for text in sorted(self.used)})
            self.dirty = False


@lru_cache(maxsize=4)
def _converter(extensions: str, folder: Path | None) -> Rendered:
    return Rendered(extensions, folder)


def check_edition(root: Path = ROOT) -> Edition:
    """The edition loaded with every check (scripts/edition/checks.py), the allowlist included."""
    render = renderer(root)
    edition = load_edition(root, render=render)
    render.save()
    return edition
