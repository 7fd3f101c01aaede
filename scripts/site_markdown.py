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
from pathlib import Path
from typing import Any

import markdown
import yaml

from .edition import Edition, load_edition
from .edition.paths import ROOT
from .edition.safety import Render

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


def renderer(root: Path = ROOT) -> Render:
    """Markdown to HTML with the site's extensions (as mkdocs.yml at `root` lists them)."""
    names, settings = markdown_extensions(root / "mkdocs.yml")
    return _converter(json.dumps([names, settings], sort_keys=True))


@lru_cache(maxsize=4)
def _converter(extensions: str) -> Render:
    """One converter per set of extensions, reset for each text; each text rendered once (a
    `mkdocs serve` rebuild, or a check of a copy of the project, renders only what changed)."""
    names, settings = json.loads(extensions)
    md = markdown.Markdown(extensions=names, extension_configs=settings)

    @lru_cache(maxsize=16384)
    def render(text: str) -> str:
        return md.reset().convert(text)
    return render


def check_edition(root: Path = ROOT) -> Edition:
    """The edition loaded with every check (scripts/edition/checks.py), the allowlist included."""
    return load_edition(root, render=renderer(root))
