"""The build: one EditionBuild owns what a build knows and does what each MkDocs event asks.

scripts/hooks.py forwards every MkDocs event here, so `mkdocs build` and
`mkdocs serve` run the same parsing, checks, pages and exports as `make check`,
and nothing generated can go stale. mkdocs-static-i18n builds the English
interface, then, from inside the English build's on_post_build, the Chinese one,
so most events run once per interface. What a build knows (`BuildState`) is made
when the outer build starts and replaced by the next build: `mkdocs serve`
rebuilds in the same process, and nothing of one build leaks into the next.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import get_relative_url

from .edition import Edition
from .edition.cache import store
from .edition.errors import format_errors
from .edition.history import commentary_history
from .edition.paths import MEASURES, slug
from .edition.zh import save as save_segmentation
from .markup import HTML
from .postprocess.bundles import DERIVED, marks_problem, without
from .postprocess.csp import add_csp
from .postprocess.headings import keep_permalinks_with_words
from .postprocess.material_patch import PatchError, drop_alternate_sitemaps, missing_terms_colon, unsegmented_search
from .postprocess.minify import collapse_html, minify
from .postprocess.nav_marks import add_nav_marks
from .postprocess.serve_notice import add_notice
from .publish import data_files
from .settings import SOURCE_DATE_EPOCH
from .site.citation import references
from .site.concordance_page import CONCORDANCE_PAGE, former_page
from .site.footer import page_footer
from .site.fragments import Fragments, Unsplittable, converted_opening, rendered
from .site.glossary_page import CARDS, card_data
from .site.head import cite_templates, description, head, interface_urls, json_ld, robots
from .site.i18n import bare_title, t
from .site.markers import expand_markers
from .site.measure import PAGE, measure_page
from .site.nav import build_nav, nav_marks
from .site.printview import OPENING, PRINT_MARKER, print_sections
from .site.render_ahead import RenderAhead
from .site.render_cache import PageCache
from .site.scholarship import CiteSetting, citable
from .site.search_ahead import SearchAhead
from .site.search_index import worker_script
from .site.theme import HOME, NOT_FOUND, PAGE_ASSETS, configure, home_alternates, not_found_path, template_globals
from .site_markdown import check_edition
from .vcs import commit_epoch, edition_stamp, last_changed, repo_url, revisions

MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
# docs/assets/, minified as they are published
OWN_ASSETS = ("assets/edition.css", "assets/pages.css", "assets/print.css", "assets/edition.js")


@dataclass
class BuildState:
    """What one build knows, for both interfaces; made when the build starts."""

    edition: Edition
    stamp: dict[str, str]  # date and commit of the edition (citations, print view)
    changed: dict[str, str]  # file -> date of its last commit (page footers)
    repo: str | None  # the repository's web address, for edit links
    errors: str = ""  # under `make serve`: the content errors that stand (the last good edition is shown)
    exports: dict[str, str | bytes] | None = None  # the data files, made once for both interfaces
    cite: CiteSetting | None = None  # what the commentaries' citations need (names, address, repository)
    nav_marks: dict[str, tuple[dict[str, HTML], dict[str, HTML]]] = field(default_factory=dict)  # per interface


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


def interface(config: MkDocsConfig) -> str:
    """The interface being built: 'en' or 'zh'."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme.get("language") or "en"
    return "zh" if str(lang).startswith("zh") else "en"


def _edition_names(config: MkDocsConfig) -> dict[str, str]:
    """The edition's name in each interface: site_name, and the Chinese one static-i18n sets."""
    names = {"en": config.site_name, "zh": config.site_name}
    i18n = config.plugins.get("i18n")
    for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if str(language.locale).startswith("zh") and language.site_name:
            names["zh"] = language.site_name
    return names


def _nested(config: MkDocsConfig) -> bool:
    """True inside static-i18n's build of a further interface (it runs within the first)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


class EditionBuild:
    """The edition's side of a MkDocs build, one method per event (Material's plugin shape)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.serving = False  # `mkdocs serve`: the last good edition stays on screen; live reload may run
        self.state: BuildState | None = None
        self._last_good: Edition | None = None
        self._templates = _MemoryBytecodeCache()  # process-wide on purpose: keyed by source checksum
        self._pages = PageCache(store(root))  # rendered pages by content hash (scripts/site/render_cache.py)
        self._ahead = RenderAhead()  # the print view, rendered in a second process
        self._search = SearchAhead()  # the search indexes, made in a second process
        self._files: Files | None = None  # the file list of the interface being built
        self._fragments: Fragments | None = None  # the Markdown in measure pages, rendered (on_files)
        self._direct: dict[int, str | None] = {}  # id(page) -> a measure page's HTML, written by the build (None: stored)

    # --- the build starts -----------------------------------------------------------------------

    def on_startup(self, command: str) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the edition (once per build), then this interface's navigation."""
        try:
            unsegmented_search()
        except PatchError as err:
            raise PluginError(str(err)) from err
        if self.state is None or not _nested(config):
            self.state = self._start()
        state = self.state
        config.nav = build_nav(state.edition.corpus, interface(config), bool(state.edition.concordance))
        configure(config, interface(config))  # the theme's own labels in this interface's language
        if not config.repo_url:
            if state.repo:
                config.repo_url = state.repo
                config.repo_name = state.repo.split("://", 1)[-1].split("/", 1)[-1]
            else:  # no known repository: no edit links rather than broken ones
                config.edit_uri = None
        return config

    def _start(self) -> BuildState:
        """A new build. Builds are reproducible: unless SOURCE_DATE_EPOCH is set, the build
        date (used by the sitemap) is the commit's date, not the clock's."""
        if SOURCE_DATE_EPOCH not in os.environ:
            epoch = commit_epoch(self.root)
            if epoch:
                os.environ[SOURCE_DATE_EPOCH] = epoch
        edition, errors = check_edition(self.root), ""
        if edition.errors:
            errors = format_errors(edition.errors, self.root)
            if not (self.serving and self._last_good):
                raise PluginError("The edition's content has errors (run `make check` for the same list):\n"
                                  + errors)
            # printed, not logged: mkdocs.yml is strict, and a logged error would abort the rebuild
            print(f"The content has errors; the last version that built is served until they are fixed:\n"
                  f"{errors}", file=sys.stderr, flush=True)
            edition = self._last_good
        self._last_good = edition
        # the commentaries' histories: one `git log` for the whole build (scripts/vcs.py)
        edition.history = commentary_history(revisions(self.root))
        return BuildState(edition, edition_stamp(self.root), last_changed(self.root), repo_url(self.root), errors)

    # --- files and pages ------------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the data files at the site root (so links to them are checked) and the search
        worker; minify the edition's own CSS and JS; patch Material's bundle."""
        state = self._now()
        if state.exports is None:  # the same files for both interfaces: made once
            self._search.start(state.edition)  # the search indexes, while the pages are built
            cite = self._cite(config)
            state.exports = data_files(state.edition, references(state.edition, cite.names, cite.site_url, cite.stamp))
        for name, content in state.exports.items():
            files.append(File.generated(config, name, content=content))
        if state.edition.glossary is not None:  # the term cards' data, fetched by a page when a card opens
            files.append(File.generated(config, CARDS, content=card_data(state.edition.glossary)))
        if not state.edition.concordance:  # before any import of the official text the concordance shows nowhere
            for name in CONCORDANCE_PAGE:
                page = files.get_file_from_path(name)
                if page is not None:
                    files.remove(page)
        worker = next((f.src_uri for f in files if MATERIAL_WORKER.fullmatch(f.src_uri)), None)
        if worker is None:
            raise PluginError("Material's search worker was not found among the theme files")
        files.append(File.generated(config, "assets/javascripts/workers/edition-search.js",
                                    content=minify(".js", worker_script(worker.rsplit("/", 1)[1]))))
        for name in OWN_ASSETS:
            own = files.get_file_from_path(name)
            if own is not None and own.abs_src_path:
                files.remove(own)
                text = Path(own.abs_src_path).read_text(encoding="utf-8")
                files.append(File.generated(config, name, content=minify(name, text)))
        for name, (source, kind) in DERIVED.items():  # lighter copies, for pages that need less (bundles.py)
            text = (Path(config.docs_dir) / source).read_text(encoding="utf-8")
            problem = marks_problem(text, kind)
            if problem:
                raise PluginError(f"docs/{source}: {problem}")
            files.append(File.generated(config, name, content=minify(name, without(text, kind))))
        bundle = next((f for f in files if MATERIAL_BUNDLE.fullmatch(f.src_uri)), None)
        if bundle is None or not bundle.abs_src_path:
            raise PluginError("Material's JavaScript bundle was not found among the theme files")
        try:
            patched = missing_terms_colon(drop_alternate_sitemaps(Path(bundle.abs_src_path).read_text(encoding="utf-8")))
        except PatchError as err:
            raise PluginError(str(err)) from err
        files.remove(bundle)
        files.append(File.generated(config, bundle.src_uri, content=patched))
        self._pages.site(config, files)
        self._files = files
        self._fragments = Fragments(config, files, self._pages)
        return files

    def on_nav(self, nav: object, config: MkDocsConfig, files: Files) -> object:
        """The print view starts rendering in a second process (scripts/site/render_ahead.py)."""
        self._ahead.start(config, files)
        return nav

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig) -> str:
        """The page's Markdown, or nothing when the build writes its HTML itself (a measure page,
        see scripts/site/fragments.py), when its render is stored (see on_page_content) or when it
        is being made in a second process (see restore)."""
        if self._ahead.deferred(page):
            return ""
        skeleton = self._measure_html(page, config)
        if skeleton is None:
            skeleton = self._print_html(markdown, page, config)
        if skeleton is not None and self._fragments is not None:
            # the page written around its Markdown fragments, and the fragments, are all its HTML
            # depends on (with the site's settings, in the key): stored, nothing is converted
            inputs = "\x00".join([skeleton, *self._fragments.pending])
            stored = self._pages.before(inputs, page) == ""
            try:
                self._direct[id(page)] = None if stored else self._fragments.fill(skeleton)
                return ""
            except Unsplittable:  # a section that is not one block alone: MkDocs converts the page whole
                pass
        return self._pages.before(self._page_markdown(markdown, page, config), page)

    def on_page_content(self, html: str, page: MkPage, files: Files) -> str:
        if id(page) in self._direct and self._fragments is not None:
            direct = self._direct.pop(id(page))
            if direct is not None:  # written now: what MkDocs' render would leave, then stored
                rendered(page, direct, self._fragments)
                return self._pages.after(direct, page, files)
        return self._pages.after(html, page, files)

    def _measure_html(self, page: MkPage, config: MkDocsConfig) -> str | None:
        """A measure page written from its model around slots for its Markdown fragments (which
        self._fragments holds, to convert or not: on_page_markdown); None for any other page."""
        state, lang = self._now(), interface(config)
        corpus = state.edition.corpus
        model = corpus.page_for_src(page.file.src_uri)
        if model is None or self._fragments is None:
            return None
        page.meta["title"] = bare_title(lang, model)  # the page's bar shows its status
        page.meta["description"] = description(corpus, model, lang)
        # the measure pager replaces the footer; the two languages need the width the table of contents took
        page.meta["hide"] = sorted(set(page.meta.get("hide", [])) | {"footer", "toc"})
        page.meta["search"] = {"exclude": True}  # site/search_index.py indexes measures paragraph by paragraph
        cite = cite_templates(corpus, model, config.site_name, state.stamp)
        cited = citable(state.edition, model, lang, self._cite(config), page_url=page.url)
        ctx = replace(PAGE, md=self._fragments.page(page.file), permalink=t(lang, "permalink"))
        return measure_page(state.edition, model, lang, {"cite": cite[lang], "url": page.canonical_url or ""},
                            citable=cited, cards_href=get_relative_url(CARDS, page.url), ctx=ctx)

    def _print_html(self, markdown: str, page: MkPage, config: MkDocsConfig) -> str | None:
        """The print view written around its sections (the title page, the contents, each measure,
        each part's heading, the appendices), each converted alone, as MkDocs converts the one
        block they make (scripts/site/fragments.py); None for a page without the print marker."""
        if PRINT_MARKER not in markdown or self._fragments is None:
            return None
        state, lang = self._now(), interface(config)
        before, _marker, after = markdown.partition(PRINT_MARKER)
        md, cite = self._fragments.page(page.file), self._cite(config)
        head, tail = (expand_markers(text, state.edition, lang, state.stamp, cite).strip() for text in (before, after))
        sections = [md.section(OPENING, text) for text in print_sections(state.edition, lang, state.stamp, cite)]
        block = converted_opening(OPENING) + "\n" + "\n".join(sections) + "\n</div>"
        return "\n".join([*([md(head)] if head else []), block, *([md(tail)] if tail else [])])

    def _page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig) -> str:
        """A page written by hand gets its markers filled; a measure of the former outline that
        the official text lacks is generated."""
        state, lang = self._now(), interface(config)
        corpus = state.edition.corpus
        former = corpus.former_for_src(page.file.src_uri)
        if former is not None:
            page.meta["title"] = t(lang, "conc.former.heading", n=former.number,
                                   title=former.title["zh" if lang == "zh" else "en"])
            page.meta["hide"] = sorted(set(page.meta.get("hide", [])) | {"toc"})
            return former_page(state.edition, former, lang)
        return expand_markers(markdown, state.edition, lang, state.stamp, self._cite(config))

    def restore(self, context: dict, page: MkPage, config: MkDocsConfig) -> dict:
        if self._files is not None:
            self._ahead.restore(page, config, self._files)
        return context

    def on_page_context(self, context: dict, page: MkPage, config: MkDocsConfig) -> dict:
        """Head metadata, and the footer: when the page changed, where it is edited."""
        state, lang = self._now(), interface(config)
        src = page.file.src_uri
        model = state.edition.corpus.page_for_src(src) if src.startswith(MEASURES + "/") else None
        former = state.edition.corpus.former_for_src(src) is not None
        kind = ("measure" if model is not None else "former" if former else "home" if src in HOME
                else "print" if src.split(".")[0] == "print" else "other")
        page.meta["oe_css"], page.meta["oe_js"] = list(PAGE_ASSETS[kind][0]), PAGE_ASSETS[kind][1]
        urls = interface_urls(page.url, config.site_url)
        ld = json_ld(state.edition.corpus, model, lang, urls) if model is not None else None
        page.meta["oe_head"] = head(title=str(page.meta.get("title") or page.title or config.site_name),
                                    desc=page.meta.get("description") or config.site_description or "",
                                    lang=lang, site_name=config.site_name, urls=urls, canonical=page.canonical_url,
                                    kind="article" if model else "website", ld=ld)
        if not page.file.abs_src_path:
            return context
        docs = (self.root / "docs").resolve()
        rel = "docs/" + Path(page.file.abs_src_path).resolve().relative_to(docs).as_posix()
        footer = page_footer(lang, rel=rel, source=page.meta.get("edit_source") or rel, title=str(page.title),
                             changed=state.changed, repo_url=config.repo_url, edit_uri=config.edit_uri)
        if "edit_url" in footer:
            page.edit_url = footer["edit_url"]
        page.meta["oe_footer"] = footer
        return context

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
        env.bytecode_cache = self._templates
        env.globals.update(template_globals(interface(config)))
        return env

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        """The error page's language switcher leads to each interface's home. mkdocs-static-i18n
        sets the switcher of each page as an attribute of `config.extra`, which templates read
        before the item, so both are set."""
        if template_name == NOT_FOUND and config.extra.get("alternate"):
            homes = home_alternates(config.extra["alternate"], config.site_url)
            config.extra["alternate"] = homes
            config.extra.alternate = homes  # type: ignore[attr-defined]  # MkDocs' LegacyConfig takes any attribute
        return context

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        """The finished page; its navigation entries get the measures' status marks."""
        state, lang = self._now(), interface(config)
        if lang not in state.nav_marks:
            state.nav_marks[lang] = nav_marks(state.edition, lang)
        model = state.edition.corpus.page_for_src(page.file.src_uri)
        marks, sections = state.nav_marks[lang]
        output = add_nav_marks(output, marks, slug(model.number) if model else None, sections)
        return self._finish_html(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Theme templates finished like pages; each interface's error page in its own root
        (returning nothing keeps MkDocs from writing the Chinese one over the English)."""
        if not (template_name.endswith(".html") and "<head>" in output):
            return output
        output = self._finish_html(output)
        lang = interface(config)
        if template_name == NOT_FOUND and lang != "en":
            path = not_found_path(config.site_dir, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(output, encoding="utf-8")
            return ""
        return output

    def _finish_html(self, html: str) -> str:
        """Each heading's ¶ kept with its last words, template indentation collapsed, then the
        Content-Security-Policy for what remains."""
        if self.state is not None and self.state.errors:
            html = add_notice(html, self.state.errors)
        return add_csp(collapse_html(keep_permalinks_with_words(html)), live_reload=self.serving)

    # --- the build ends -------------------------------------------------------------------------

    def on_post_build(self, config: MkDocsConfig) -> None:
        """robots.txt, and the combined search index replaced with one index per interface."""
        if _nested(config):  # a nested per-language build; the outer one writes
            return
        site, state = Path(config.site_dir), self._now()
        (site / "robots.txt").write_text(robots(config.site_url), encoding="utf-8")
        combined = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        indexes = self._search.indexes(state.edition, combined)
        for lang, path in (("en", site / "search" / "search_index.json"),
                           ("zh", site / "zh" / "search" / "search_index.json")):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(indexes[lang], encoding="utf-8")
        save_segmentation()  # under `mkdocs serve` the process outlives the build
        self._ahead.discard()

    def _cite(self, config: MkDocsConfig) -> CiteSetting:
        """What citations need, made once per build from the first interface's configuration
        (it knows both interfaces' names of the edition)."""
        state = self._now()
        if state.cite is None:
            state.cite = CiteSetting(_edition_names(config), config.site_url or None,
                                     config.repo_url or state.repo, state.stamp)
        return state.cite

    def _now(self) -> BuildState:
        if self.state is None:
            raise PluginError("scripts/build.py: an event arrived before on_config started the build")
        return self.state
