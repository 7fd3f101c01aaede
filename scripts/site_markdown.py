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
    names, settings = json.loads(_extensions(config.read_text(encoding="utf-8")))
    return names, settings


@lru_cache(maxsize=8)
def _extensions(text: str) -> str:
    """As JSON, so that each caller gets lists and dicts of its own."""
    data = yaml.load(text, Loader=_ConfigLoader) or {}
    names, settings = list(MKDOCS_BUILTINS), {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = dict(options or {})
        else:
            names.append(str(item))
    return json.dumps([list(dict.fromkeys(names)), settings])


def renderer(root: Path = ROOT) -> Rendered:
    """Markdown to HTML with the site's extensions (as mkdocs.yml at `root` lists them), what it made
    kept in the project's store."""
    names, settings = markdown_extensions(root / "mkdocs.yml")
    return Rendered(_converter(json.dumps([names, settings], sort_keys=True)), store(root))


class Converter:
    """One converter per set of extensions, reset for each text, and what it made, by text, for
    the whole process: a `mkdocs serve` rebuild, or a check of another copy of the project,
    renders only texts it has not met."""

    def __init__(self, extensions: str) -> None:
        names, settings = json.loads(extensions)
        self.md = markdown.Markdown(extensions=names, extension_configs=settings)
        # what is kept is keyed by the extensions and their packages' versions, as the HTML is
        self.key = digest(extensions, f"markdown={version('markdown')}|pymdownx={version('pymdown-extensions')}")
        self.known: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self.known.get(text)
        if html is None:
            html = self.known[text] = self.md.reset().convert(text)
        return html


class Rendered:
    """The renderer the checks get: the process's converter, with a project's store, so that each
    text is rendered once at all (a store-warm build renders no Markdown to check it)."""

    KIND = "markdown"

    def __init__(self, converter: Converter, kept: Store) -> None:
        self.converter, self.store = converter, kept
        stored: dict[str, str] = dict(kept.get(self.KIND, converter.key) or {})
        for text, html in stored.items():
            converter.known.setdefault(text, html)
        self.stored = set(stored)
        self.used: set[str] = set()

    def __call__(self, text: str) -> str:
        self.used.add(text)
        return self.converter(text)

    def save(self) -> None:
        """Keep what the checks rendered, if the store lacks any of it (only what they used: texts
        edited away are dropped)."""
        if self.used - self.stored:
            self.store.put(self.KIND, self.converter.key, {t: self.converter.known[t] for t in sorted(self.used)})
            self.stored = set(self.used)


@lru_cache(maxsize=4)
def _converter(extensions: str) -> Converter:
    return Converter(extensions)


def check_edition(root: Path = ROOT) -> Edition:
    """The edition loaded with every check (scripts/edition/checks.py), the allowlist included."""
    render = renderer(root)
    edition = load_edition(root, render=render)
    render.save()
    return edition
