"""MkDocs hooks: the only glue between MkDocs and the edition's own code.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` run
the same parsing, checks and exports as `make check`, and nothing generated
can go stale. mkdocs-static-i18n builds the English interface, then the
Chinese one; every event below runs once per interface.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.corpus import Corpus, load_corpus  # noqa: E402
from scripts.errors import format_errors  # noqa: E402
from scripts.export_json import build_opinions, dumps  # noqa: E402
from scripts.navigation import build_nav  # noqa: E402
from scripts.repo import repo_url  # noqa: E402
from scripts.render import full_title, render_contents, render_page  # noqa: E402

log = logging.getLogger("mkdocs.hooks.edition")

_state: dict[str, Corpus] = {}


def current_lang(config: MkDocsConfig) -> str:
    """The interface being built: 'en' or 'zh'."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme.get("language") or "en"
    return "zh" if str(lang).startswith("zh") else "en"


def default_build(config: MkDocsConfig) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is None or getattr(i18n, "current_language", None) in (None, i18n.default_language)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the edition, then generate this interface's navigation."""
    corpus = load_corpus(ROOT)
    if corpus.errors:
        raise PluginError("The edition's content has errors (run `make check` for the same list):\n"
                          + format_errors(corpus.errors, ROOT))
    _state["corpus"] = corpus
    config.nav = build_nav(corpus, current_lang(config))
    if not config.repo_url:
        found = repo_url(ROOT)
        if found:
            config.repo_url = found
            config.repo_name = found.split("://", 1)[-1].split("/", 1)[-1]
        else:  # no known repository: no edit links rather than broken ones
            config.edit_uri = None
    return config


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files) -> str:
    corpus = _state["corpus"]
    model = corpus.page_for_src(page.file.src_uri)
    if model is None:
        return expand_markers(markdown, corpus, current_lang(config))
    lang = current_lang(config)
    page.meta["title"] = full_title(lang, model)
    return render_page(corpus, model, lang)


MARKERS = {"<!-- oe:contents -->": lambda corpus, lang: render_contents(corpus, lang)}


def expand_markers(markdown: str, corpus: Corpus, lang: str) -> str:
    """Replace generated-content markers in hand-written pages (e.g. the landing page)."""
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make(corpus, lang))
    return markdown


@event_priority(-200)  # after static-i18n, which cannot handle generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated data files, so links to them are checked like any other.

    They live once, at the site root, in both interfaces' builds.
    """
    corpus = _state["corpus"]
    files.append(File.generated(config, "data/opinions.json", content=dumps(build_opinions(corpus))))
    return files


def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    """Point 'edit this page' at the file that really holds the text.

    static-i18n gives fallback pages of the Chinese interface an edit link to a
    `page.zh.md` that does not exist; measure pages are one file for both.
    """
    if config.repo_url and config.edit_uri and page.file.abs_src_path:
        rel = Path(page.file.abs_src_path).resolve().relative_to((ROOT / "docs").resolve()).as_posix()
        page.edit_url = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/" + rel
    return context

