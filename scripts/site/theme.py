"""What the build tells Material per interface, so the theme around the pages speaks its language.

Material takes a few labels from mkdocs.yml, which holds one value for both
interfaces: the title of each heading's ¶ permalink (the `toc` extension), the
names of the colour-scheme toggles, and the "Made with" line and the error page
of its own templates. The build sets them here from scripts/site/i18n.py for the
interface being built, and hands the templates `oe_t` (that interface's
strings) and `oe_lang`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .i18n import t

#: Stylesheets and script by kind of page. A measure page loads one of each; a former measure
#: (kept after the official text was imported) is laid out as one; the whole-document view
#: (print/) is the page printed as a book; the landing page (HOME) needs little of pages.css.
#: site.css, site.js and home.css are lighter copies (scripts/postprocess/bundles.py). Pages with
#: none of these (the error page) load DEFAULT.
PAGE_ASSETS: dict[str, tuple[tuple[str, ...], str]] = {
    "measure": (("assets/edition.css",), "assets/edition.js"),
    "home": (("assets/site.css", "assets/home.css"), "assets/site.js"),
    "former": (("assets/edition.css", "assets/pages.css"), "assets/edition.js"),
    "print": (("assets/edition.css", "assets/pages.css", "assets/print.css"), "assets/edition.js"),
    "other": (("assets/site.css", "assets/pages.css"), "assets/site.js"),
}
DEFAULT = (("assets/site.css",), "assets/site.js")
HOME = ("index.md", "index.zh.md")  # the landing page's sources, in each interface

# Which toggle is which: by the media query of its palette (mkdocs.yml, theme.palette).
# The toggle shown for a scheme names the scheme it switches to.
PALETTE_TOGGLES = {
    "(prefers-color-scheme)": "palette.to_light",
    "(prefers-color-scheme: light)": "palette.to_dark",
    "(prefers-color-scheme: dark)": "palette.to_system",
}
NOT_FOUND = "404.html"  # Material's error page; one per interface (its root: / or zh/)


def configure(config: Any, lang: str) -> None:
    """The permalink title and the colour toggles' names for interface `lang`."""
    toc = (getattr(config, "mdx_configs", None) or {}).get("toc")
    if toc and toc.get("permalink"):
        toc["permalink_title"] = t(lang, "permalink")
    theme = getattr(config, "theme", None)
    for palette in (theme.get("palette") if theme is not None else None) or []:
        key = PALETTE_TOGGLES.get(palette.get("media", ""))
        if key and isinstance(palette.get("toggle"), dict):
            palette["toggle"]["name"] = t(lang, key)


def template_globals(lang: str) -> dict[str, object]:
    """What the theme overrides (overrides/) may use: `oe_t(key, **values)`, `oe_lang`, and the
    stylesheets and script of a page that names none (the error page; scripts/postprocess/bundles.py)."""
    def translate(key: str, **values: object) -> str:
        return t(lang, key, **values)
    return {"oe_t": translate, "oe_lang": lang, "oe_css": list(DEFAULT[0]), "oe_js": DEFAULT[1]}


def not_found_path(site_dir: str, lang: str) -> Path:
    """Where an interface's error page goes: 404.html at the site root, zh/404.html for Chinese.

    MkDocs writes each build's error page to the site root, so the Chinese build (made second,
    by mkdocs-static-i18n) would overwrite the English one; its page is written here instead."""
    root = Path(site_dir)
    return root / NOT_FOUND if lang == "en" else root / lang / NOT_FOUND


def home_alternates(alternates: list[dict[str, Any]], site_url: str | None) -> list[dict[str, Any]]:
    """The language switcher of the error page: each interface's home (/ and /zh/).

    Pages get their own alternates from mkdocs-static-i18n; the error page, made before
    the pages of its build, would otherwise keep the links of the last page of the last build."""
    root = urlsplit(site_url or "/").path.rstrip("/")
    return [dict(alt, link=f"{root}/" if alt.get("lang") == "en" else f"{root}/{alt.get('lang')}/")
            for alt in alternates]
