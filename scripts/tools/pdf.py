"""`make pdf`: the printed edition, as a book, in both interfaces.

dist/opinions.pdf (English interface) and dist/opinions.zh.pdf (Chinese interface)
are the site's whole-document view (print/, scripts/site/printview.py) set as paged
media by WeasyPrint, with the same print stylesheet a browser uses
(docs/assets/print.css): a title page, contents with the page of every part and
measure, a running head and page number on every page, the apparatus at the foot
of the page, margin numbers in the margin, an outline (bookmarks), metadata
(title, authors, subject, language) and tags. Chromium's print has neither
footnotes nor target-counter(), which all of that needs.

It installs nothing: what the machine lacks (Pango, the CJK fonts) is named with
its Debian package. Two runs on the same commit give the same files: the only
date in them is the edition's.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .. import settings
from ..edition.corpus import load_document
from ..edition.paths import LANGS, ROOT
from ..markup import HTML, html, join
from ..vcs import edition_stamp

HTML_LANG = {"en": "en", "zh": "zh-Hans"}
INSTALL = "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk fontconfig"


def pdf_name(lang: str) -> str:
    """opinions.pdf (English interface), opinions.zh.pdf (Chinese): the names the Downloads pages link."""
    return "opinions.pdf" if lang == "en" else f"opinions.{lang}.pdf"


def missing_prerequisites() -> list[str]:
    """What the machine lacks for WeasyPrint and the fonts, each with its Debian package."""
    problems = []
    try:
        import weasyprint  # noqa: F401  (loads Pango: fails with OSError when it is missing)
    except ImportError:
        problems.append("WeasyPrint is not installed in .venv (run make, which installs requirements-dev.txt)")
    except OSError as error:
        problems.append(f"WeasyPrint cannot load Pango ({error}) (Debian packages 'libpango-1.0-0', "
                        "'libpangoft2-1.0-0')")
    try:
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        fonts = ""
    if "Noto Serif CJK" not in fonts or "Noto Sans CJK" not in fonts:
        problems.append("the Noto CJK fonts are not installed (Debian packages 'fonts-noto-cjk', 'fontconfig')")
    return problems


# links within the book whose target's page the commentary and the witnesses give
INSIDE = ('.oe-book :is(.oe-commentary, .oe-witness dd) a[href^="#"]:not(.oe-n):not(.oe-n-other)'
          ':not(.oe-term):not([href^="#w-"])')
PAGEREFS = "/* page references */"


def book_css(info) -> str:
    """The page references of cross-references, in the interface's words (given by the print
    view's book-info element): 'N 3, p. 51' after a margin number, '(p. 23)' after any other
    link within the book."""
    def content(key: str) -> str:
        before, _, after = info.get(f"data-{key}", "{page}").partition("{page}")
        return f'"{css_string(before)}" target-counter(attr(href url), page) "{css_string(after)}"'
    return (f"{INSIDE}::after {{ content: {content('pageref')}; }}\n"
            f'{INSIDE}[href*="-n"]::after {{ content: {content("pageref-note")}; }}\n')


def literal_pagerefs(info, pages: dict[str, int], hrefs: set[str]) -> str:
    """Every page reference written out as the page its target is on in a finished layout.

    WeasyPrint resolves target-counter() while it paginates; when a reference's text moves
    what follows it (a heading pushed to the next page), the number it printed can be the
    page of an earlier attempt. Numbers taken from the laid-out pages, and laid out again
    until they no longer change, are right."""
    def words(key: str, page: int) -> str:
        before, _, after = info.get(f"data-{key}", "{page}").partition("{page}")
        return f'"{css_string(before)}{page}{css_string(after)}"'
    rules = []
    for name in sorted(hrefs & pages.keys()):
        at, n = f'[href="#{css_string(name)}"]', pages[name]
        note = re.search(r"-n\w+$", name) is not None
        rules += [f'.oe-book .oe-contents a{at}::after {{ content: leader(". ") "{n}"; }}',
                  f'.oe-book .oe-links a{at}::after {{ content: " {n}"; }}',
                  f"{INSIDE}{at}::after {{ content: {words('pageref-note' if note else 'pageref', n)}; }}"]
    return "\n".join(rules)


def css_string(text: str) -> str:
    """`text` inside a CSS string in the book's <style>: a backslash, a quote and a `<` escaped (the
    last so that no wording can close the style element: `\\3c ` is CSS's own escape for it)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def relink(article, path: str, public: str) -> None:
    """Links to other pages of the site (a commentary's link to the About page) go to the published
    site (`public`, EDITION_SITE_URL; `path`: the print view's address below it), or, where it is
    unset, are dropped with their text kept: left as they are, they would lead to files of the
    temporary build the book was printed from. Links within the book and to other sites stay."""
    from urllib.parse import urljoin, urlsplit

    for a in article.iter("a"):
        href = a.get("href")
        if href is None or href.startswith("#") or urlsplit(href).scheme:
            continue
        if public:
            a.set("href", urljoin(public.rstrip("/") + "/" + path, href))
        else:
            del a.attrib["href"]


def book_html(site: Path, lang: str, date: str) -> tuple[HTML, str, dict[str, str]]:
    """The print view's article as a document of its own: (HTML, its base URL, the book's data).

    The site's page around it (header, navigation, scripts) is left out; its stylesheets are
    the edition's (edition.css, print.css), without Material's screen layout."""
    from lxml import html as lxml_html

    page = site / ("zh/" if lang == "zh" else "") / "print" / "index.html"
    if not page.is_file():
        raise SystemExit(f"make pdf: {page} is missing: the site was not built (mkdocs build --strict)")
    tree = lxml_html.parse(str(page))
    article = tree.find('.//article')
    info = tree.find('.//div[@class="oe-book-info"]')
    if article is None or info is None:
        raise SystemExit(f"make pdf: {page} holds no whole-document view (scripts/site/printview.py)")
    assets = os.path.relpath(site / "assets", page.parent)
    head = [html('<meta charset="utf-8"><title>{}</title>', info.get("data-title", "")),
            *(html('<meta name="author" content="{}">', a.strip())
              for a in info.get("data-authors", "").split(";") if a.strip()),
            html('<meta name="description" content="{}">', info.get("data-subject", "")),
            html('<meta name="keywords" content="{}">', info.get("data-keywords", "")),
            html('<meta name="dcterms.created" content="{}">', date),
            html('<meta name="dcterms.modified" content="{}">', date),
            html('<link rel="stylesheet" href="{}/edition.css">', assets),
            html('<link rel="stylesheet" href="{}/pages.css">', assets),
            html('<link rel="stylesheet" href="{}/print.css">', assets),
            # a style element's content is CSS, which HTML escaping would break (its quotes, its >)
            html("<style>{}{}</style>", HTML(book_css(info)), HTML(PAGEREFS))]
    relink(article, ("zh/" if lang == "zh" else "") + "print/", settings.env(settings.SITE_URL))
    body = HTML(lxml_html.tostring(article, encoding="unicode"))
    document = html('<!doctype html><html lang="{}" class="oe-book" data-oe-view="parallel">'
                    "<head>{}</head><body>{}</body></html>", HTML_LANG[lang], join(head), body)
    return document, page.resolve().as_uri(), dict(info.attrib)


def render_pdf(site: Path, lang: str, out: Path, date: str) -> tuple[Path, float]:
    """One PDF, with WeasyPrint; returns it and the seconds it took."""
    import logging

    import weasyprint

    started = time.perf_counter()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # it reports every CSS rule it skips
    document, base, info = book_html(site, lang, date)
    out.parent.mkdir(parents=True, exist_ok=True)
    identifier = hashlib.sha256(document.encode()).hexdigest()[:32].encode()
    hrefs = set(re.findall(r'href="#([^"]+)"', document))
    literal = ""
    for _attempt in range(4):  # in practice two: target-counter(), then the numbers it found
        # the numbers' CSS, into the style element as it is (HTML.replace would escape it)
        laid_out = weasyprint.HTML(string=document.replace(PAGEREFS, HTML(literal)), base_url=base).render()
        pages: dict[str, int] = {}
        for number, page in enumerate(laid_out.pages, start=1):
            for name in page.anchors:
                pages.setdefault(name, number)
        again = literal_pagerefs(info, pages, hrefs)
        if again == literal:
            break
        literal = again
    laid_out.write_pdf(str(out), pdf_tags=True, pdf_identifier=identifier, uncompressed_pdf=False)
    return out, time.perf_counter() - started


def build_pdfs(outdir: Path, site: Path | None = None, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Build (or take) the site and render its whole-document view in each interface, in
    parallel (one process per PDF)."""
    tmp = Path(tempfile.mkdtemp(prefix="oe-pdf-"))
    try:
        if site is None:
            site = tmp / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                           env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
        date = pdf_date(ROOT)
        jobs = [(site, lang, outdir / pdf_name(lang), date) for lang in langs]
        if len(jobs) == 1:
            return [render_pdf(*jobs[0])[0]]
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            return [path for path, _seconds in pool.map(_render, jobs)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _render(job: tuple[Path, str, Path, str]) -> tuple[Path, float]:
    return render_pdf(*job)


def pdf_date(root: Path) -> str:
    """The edition's date (its commit's); where git cannot tell, the document's own date."""
    date = edition_stamp(root)["date"]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    document, _errors, _apparatus = load_document(root)
    return document["date"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=[*LANGS, "both"], default="both",
                        help="interface of the PDF (default: both, opinions.pdf and opinions.zh.pdf)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="directory for the PDFs (default dist/)")


def run(args: argparse.Namespace) -> int:
    problems = missing_prerequisites()
    if problems:
        print("make pdf: cannot run:\n  - " + "\n  - ".join(problems) + f"\nInstall with: {INSTALL}",
              file=sys.stderr)
        return 1
    langs = LANGS if args.lang == "both" else (args.lang,)
    started = time.perf_counter()
    for out in build_pdfs(args.out, args.site, langs):
        size = out.stat().st_size / 1024 / 1024
        print(f"make pdf: wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({size:.1f} MB)")
    print(f"make pdf: {time.perf_counter() - started:.0f} s")
    return 0
