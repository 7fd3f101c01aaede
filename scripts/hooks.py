"""MkDocs hooks: the only glue between MkDocs and the edition's own code.

Listed under `hooks:` in mkdocs.yml. Each event is handed, as it is, to the one
EditionBuild (scripts/build.py), which owns the build's state; nothing is decided
here. MkDocs loads this file by path, not as part of the `scripts` package, hence
the one sys.path entry in the project.
"""
from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.build import EditionBuild  # noqa: E402 (needs the path line above: MkDocs loads this file by path)

BUILD = EditionBuild(ROOT)


def on_startup(command: str, dirty: bool) -> None:
    BUILD.on_startup(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return BUILD.on_config(config)


@event_priority(-200)  # after static-i18n, which cannot handle generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return BUILD.on_files(files, config)


@event_priority(-200)  # after static-i18n: each interface's navigation as it is built
def on_nav(nav: object, config: MkDocsConfig, files: Files) -> object:
    return BUILD.on_nav(nav, config, files)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BUILD.on_page_markdown(markdown, page, config)


@event_priority(100)  # first: a stored render is put back before anyone reads the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BUILD.on_page_content(html, page, files)


@event_priority(100)  # first: a page rendered in a second process is put in place before anyone reads it
def _on_page_context_first(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    return BUILD.restore(context, page, config)


def _on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    return BUILD.on_page_context(context, page, config)


on_page_context = CombinedEvent(_on_page_context_first, _on_page_context)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return BUILD.on_env(env, config)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    return BUILD.on_template_context(context, template_name, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return BUILD.on_post_page(output, page, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return BUILD.on_post_template(output, template_name, config)


@event_priority(-200)  # after static-i18n has built both interfaces and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    BUILD.on_post_build(config)
