"""MkDocs hooks: the only glue between MkDocs and the edition's own code.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` run
the same parsing, checks, indexes and exports as `make check`, and nothing
generated can go stale. mkdocs-static-i18n builds the English interface, then
the Chinese one; every event below runs once per interface.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import quote
from typing import Any, Callable

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.postprocess.csp import add_csp  # noqa: E402
from scripts.edition import Edition, load_edition  # noqa: E402
from scripts.edition.errors import format_errors  # noqa: E402
from scripts.publish import data_files  # noqa: E402
from scripts.vcs import commit_epoch, edition_stamp, last_changed, repo_url  # noqa: E402
from scripts.site.functions_page import render_functions_page  # noqa: E402
from scripts.postprocess.material_patch import PatchError, drop_alternate_sitemaps  # noqa: E402
from scripts.site.head import cite_templates, description, head, json_ld  # noqa: E402
from scripts.postprocess.minify import collapse_html, minify  # noqa: E402
from scripts.site.nav import build_nav  # noqa: E402
from scripts.site.overview import render_overview  # noqa: E402
from scripts.site.printview import render_print_page  # noqa: E402
from scripts.site.contents import render_contents  # noqa: E402
from scripts.site.i18n import full_title, t  # noqa: E402
from scripts.site.measure import render_page  # noqa: E402
from scripts.site.search_index import build_index  # noqa: E402
from scripts.site.search_index import dumps as search_dumps  # noqa: E402
from scripts.site.glossary_page import mark_terms, render_glossary_page  # noqa: E402
from scripts.site.laws_page import render_laws_page  # noqa: E402
from scripts.settings import ISSUE_TEMPLATE_MEASURE, ISSUE_TEMPLATE_PAGE, SOURCE_DATE_EPOCH  # noqa: E402
from scripts.site.wayfinding import pager, top  # noqa: E402

_state: dict[str, Any] = {}  # "edition" (this build), "loaded" and "loaded_key" (the cache)

# Hand-written pages may hold these markers; the build replaces them per interface.
MARKERS: dict[str, Callable[[Edition, str], str]] = {
    "<!-- oe:contents -->": lambda ed, lang: render_contents(ed.corpus, lang),
    "<!-- oe:map -->": lambda ed, lang: render_overview(ed.corpus, lang),
    "<!-- oe:glossary -->": lambda ed, lang: render_glossary_page(ed.corpus, ed.glossary, lang),
    "<!-- oe:laws -->": lambda ed, lang: render_laws_page(ed.corpus, ed.laws, lang),
    "<!-- oe:functions -->": lambda ed, lang: render_functions_page(ed.corpus, lang),
    "<!-- oe:print -->": lambda ed, lang: render_print_page(ed, lang, _stamp()),
}


def current_lang(config: MkDocsConfig) -> str:
    """The interface being built: 'en' or 'zh'."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme.get("language") or "en"
    return "zh" if str(lang).startswith("zh") else "en"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the edition, then generate this interface's navigation.

    Builds are reproducible: unless SOURCE_DATE_EPOCH is set, the build date
    (used by the sitemap) is the commit's date, not the clock's.
    """
    if SOURCE_DATE_EPOCH not in os.environ:
        epoch = commit_epoch(ROOT)
        if epoch:
            os.environ[SOURCE_DATE_EPOCH] = epoch
    edition = _load_once()
    if edition.errors:
        raise PluginError("The edition's content has errors (run `make check` for the same list):\n"
                          + format_errors(edition.errors, ROOT))
    _state["edition"] = edition
    config.nav = build_nav(edition.corpus, current_lang(config))
    if not config.repo_url:
        found = repo_url(ROOT)
        if found:
            config.repo_url = found
            config.repo_name = found.split("://", 1)[-1].split("/", 1)[-1]
        else:  # no known repository: no edit links rather than broken ones
            config.edit_uri = None
    return config


def _fingerprint() -> tuple[tuple[str, int, int], ...]:
    """What the edition is loaded from, by name, size and modification time."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())
    return tuple((str(p), st.st_mtime_ns, st.st_size) for p in files for st in [p.stat()])


def _load_once() -> Edition:
    """Load and check the edition once per build, not once per interface.

    static-i18n runs on_config for each interface; `mkdocs serve` runs it again
    after every change, when the fingerprint differs and the edition is reloaded.
    """
    key = _fingerprint()
    cached = _state.get("loaded")
    if cached is None or _state.get("loaded_key") != key:
        _state["loaded"] = cached = load_edition(ROOT)
        _state["loaded_key"] = key  # type: ignore[assignment]
    return cached


def expand_markers(markdown: str, edition: Edition, lang: str) -> str:
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make(edition, lang))
    return markdown


@event_priority(-200)  # after static-i18n, which cannot handle generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated data files at the site root, so links to them are checked,
    and the search worker that wraps Material's (see scripts/site/search_index.py)."""
    edition = _state["edition"]
    if _state.get("exports_for") is not edition:  # the same files for both interfaces: made once
        _state["exports"], _state["exports_for"] = data_files(edition), edition
    for name, content in _state["exports"].items():
        files.append(File.generated(config, name, content=content))
    material = next((f.src_uri for f in files
                     if re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", f.src_uri)), None)
    if material is None:
        raise PluginError("Material's search worker was not found among the theme files")
    wrapper = (ROOT / "scripts" / "site" / "search_worker.js").read_text(encoding="utf-8")
    wrapper += f'\nimportScripts("{material.rsplit("/", 1)[1]}");\n'
    files.append(File.generated(config, "assets/javascripts/workers/edition-search.js",
                                content=minify(".js", wrapper)))
    for name in ("assets/edition.css", "assets/edition.js"):
        own = files.get_file_from_path(name)
        if own is not None and own.abs_src_path:
            files.remove(own)
            files.append(File.generated(config, name, content=minify(name, Path(own.abs_src_path).read_text(encoding="utf-8"))))
    bundle = next((f for f in files if re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", f.src_uri)), None)
    if bundle is None or not bundle.abs_src_path:
        raise PluginError("Material's JavaScript bundle was not found among the theme files")
    try:
        patched = drop_alternate_sitemaps(Path(bundle.abs_src_path).read_text(encoding="utf-8"))
    except PatchError as err:
        raise PluginError(str(err)) from err
    files.remove(bundle)
    files.append(File.generated(config, bundle.src_uri, content=patched))
    return files


@event_priority(-200)  # after static-i18n has built both interfaces and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    """Replace the combined search index with one index per interface."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # a nested per-language build; the outer one writes
        return
    site = Path(config.site_dir)
    robots = "User-agent: *\nAllow: /\n"
    if config.site_url:
        robots += f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml\n"
    (site / "robots.txt").write_text(robots, encoding="utf-8")
    combined = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    edition = _state["edition"]
    for lang, path in (("en", site / "search" / "search_index.json"), ("zh", site / "zh" / "search" / "search_index.json")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(search_dumps(build_index(edition, combined, lang)), encoding="utf-8")


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files) -> str:
    edition = _state["edition"]
    lang = current_lang(config)
    model = edition.corpus.page_for_src(page.file.src_uri)
    if model is None:
        return expand_markers(markdown, edition, lang)
    page.meta["title"] = full_title(lang, model)
    page.meta["description"] = description(edition.corpus, model, lang)
    page.meta["hide"] = sorted(set(page.meta.get("hide", [])) | {"footer"})  # the measure pager replaces it
    page.meta["search"] = {"exclude": True}  # scripts/site/search_index.py indexes measures paragraph by paragraph
    glossary = edition.glossary
    markup = (lambda text, para: mark_terms(glossary, text, "../../glossary/")) if glossary else None
    cite = cite_templates(edition.corpus, model, config.site_name, _stamp())
    body = render_page(edition.corpus, model, lang, zh_markup=markup,
                       cite={"cite": cite[lang], "url": page.canonical_url or ""})
    return f"{top(edition.corpus, model, lang)}\n\n{body}\n{pager(edition.corpus, model, lang)}\n"


@functools.lru_cache(maxsize=1)
def _stamp() -> dict[str, str]:
    """Date and commit of the edition, asked of git once per process (citations, print view)."""
    return edition_stamp(ROOT)


def interface_urls(page: MkPage, config: MkDocsConfig) -> dict[str, str]:
    """The page's address in each interface: absolute when site_url is known, else relative."""
    path = page.url[3:] if page.url.startswith("zh/") else page.url
    paths = {"en": path, "zh": "zh/" + path}
    if config.site_url:
        return {k: config.site_url.rstrip("/") + "/" + v for k, v in paths.items()}
    rel = {k: get_relative_url(v or ".", page.url or ".") for k, v in paths.items()}
    return {k: v if v.endswith("/") else v + "/" for k, v in rel.items()}


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory: each interface's build (and every
    `mkdocs serve` rebuild) would otherwise compile Material's ~80 templates again.
    Jinja checks each template's source checksum, so an edited override recompiles."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _BYTECODE
    return env


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    return add_csp(collapse_html(output))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return add_csp(collapse_html(output)) if template_name.endswith(".html") and "<head>" in output else output


def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    """Point 'edit this page' at the file that really holds the text, and say when it changed.

    static-i18n gives fallback pages of the Chinese interface an edit link to a
    `page.zh.md` that does not exist; measure pages are one file for both, and
    generated pages (glossary, laws) are edited in data/.
    """
    _head(page, config)
    if not page.file.abs_src_path:
        return context
    rel = "docs/" + Path(page.file.abs_src_path).resolve().relative_to((ROOT / "docs").resolve()).as_posix()
    source = page.meta.get("edit_source") or rel
    lang = current_lang(config)
    footer: dict[str, str] = {k: t(lang, "footer." + k) for k in ("changed", "history", "edit", "suggest")}
    changed = last_changed(ROOT).get(source.rstrip("/")) or last_changed(ROOT).get(rel)
    if changed:
        footer["changed_date"] = changed
    if config.repo_url and config.edit_uri:
        repo = config.repo_url.rstrip("/")
        branch = config.edit_uri.strip("/").split("/")[1] if "/" in config.edit_uri.strip("/") else "main"
        kind = "tree" if source.endswith("/") else "edit"
        page.edit_url = f"{repo}/{kind}/{branch}/{source}"
        footer["edit_url"] = page.edit_url
        footer["history_url"] = f"{repo}/commits/{branch}/{source}"
        template = ISSUE_TEMPLATE_MEASURE if rel.startswith("docs/measures/") else ISSUE_TEMPLATE_PAGE
        footer["suggest_url"] = (f"{repo}/issues/new?template={template}&title="
                                 + quote(f"Correction: {page.title} ({source})"))
    page.meta["oe_footer"] = footer
    return context


def _head(page: MkPage, config: MkDocsConfig) -> None:
    """Description, canonical, hreflang, Open Graph/Twitter and (on measures) JSON-LD."""
    edition = _state["edition"]
    lang = current_lang(config)
    model = edition.corpus.page_for_src(page.file.src_uri) if page.file.src_uri.startswith("measures/") else None
    urls = interface_urls(page, config)
    title = page.meta.get("title") or page.title or config.site_name
    desc = page.meta.get("description") or config.site_description or ""
    ld = json_ld(edition.corpus, model, lang, urls) if model is not None else None
    page.meta["oe_head"] = head(title=str(title), desc=desc, lang=lang, site_name=config.site_name, urls=urls,
                                canonical=page.canonical_url, kind="article" if model else "website", ld=ld)
