"""`make pdf`: dist/opinions.pdf from the whole-document view, with headless Chromium.

A4, page numbers in the footer, an outline (bookmarks) for the parts and
measures, CJK fonts embedded. It installs nothing: if Chromium or the CJK
fonts are missing it says exactly what to install. Two runs on the same commit
give the same file: the only date in it is the edition date (the commit date).
"""
from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import browser as chromium, settings
from ..edition.corpus import load_document
from ..edition.paths import LANGS, ROOT
from ..settings import VIEWS
from ..vcs import edition_stamp
from .pdf_fonts import make_fonts

INSTALL = "sudo apt-get install -y chromium fonts-noto-cjk"
# Chinese in the CJK subsets made for this PDF (scripts/tools/pdf_fonts.py); Latin as on screen.
FONT_CSS = """
:root { --oe-cjk: "OE Serif CJK", serif; }
[lang|="zh"], [lang|="zh"] * { font-family: "OE Serif CJK", serif !important; }
body, .md-typeset { font-family: Helvetica, Arial, "Liberation Sans", "OE Sans CJK", sans-serif; }
"""
FOOTER = ('<div style="width:100%;font-size:7.5pt;color:#555;font-family:sans-serif;padding:0 15mm;'
          'display:flex;justify-content:space-between"><span>{title}</span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def missing_prerequisites() -> list[str]:
    problems = []
    if not Path(chromium.chromium()).exists():
        problems.append(f"Chromium is not at {chromium.chromium()} (Debian package 'chromium'; or set CHROMIUM=/path)")
    try:
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        fonts = ""
    if "Noto Sans CJK" not in fonts and "Noto Serif CJK" not in fonts:
        problems.append("no Noto CJK font is installed (Debian package 'fonts-noto-cjk')")
    return problems


def finish_pdf(pdf: bytes, headings: list[str], date: str, served: str = "", public: str = "") -> bytes:
    """Three repairs to Chromium's PDF, with pypdf.

    - Chromium builds the outline from the headings but drops the space where a
      long heading wraps ("raisingthe"), and, once the embedded font subsets are large
      (the whole edition in both languages), repeats a heading's first line before it
      ("ContentsContents"); put back the headings' own text.
    - Its creation and modification dates are the time of the run; use the
      edition date (`date`, YYYY-MM-DD), so that two runs on the same commit give the same file.
    - A link to another page of the site (a commentary's link to the About page) points at the
      temporary server the page was printed from (`served`, a new port each run); point it at the
      published site (`public`, EDITION_SITE_URL), or, where that is unset, drop the link and keep
      its text.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    stamp = "D:" + date.replace("-", "") + "000000Z"

    by_key = {re.sub(r"\s+", "", h): h for h in headings}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    outlines = writer._root_object.get("/Outlines")
    stack = [outlines.get_object()["/First"]] if outlines is not None and "/First" in outlines.get_object() else []
    while stack:
        node = stack.pop().get_object()
        title = str(node.get("/Title", ""))
        squeezed = re.sub(r"\s+", "", title)
        fixed = by_key.get(squeezed) or next(
            (by_key[k] for k in sorted(by_key, key=len, reverse=True) if k and squeezed.endswith(k)), None)
        if fixed and fixed != title:
            node[NameObject("/Title")] = TextStringObject(fixed)
        for key in ("/First", "/Next"):
            if key in node:
                stack.append(node[key])
    if served:
        _relink(writer, served, public)
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _relink(writer, served: str, public: str) -> None:
    """Links to `served` (the temporary local server) go to `public`, or are dropped."""
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    for page in writer.pages:
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            action = ref.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if not uri.startswith(served):
                kept.append(ref)
            elif public:
                action.get_object()[NameObject("/URI")] = TextStringObject(public.rstrip("/") + "/" + uri[len(served):])
                kept.append(ref)
            else:  # off the page, and inert where the structure tree still names it
                del ref.get_object()[NameObject("/A")]
        page[NameObject("/Annots")] = kept


def build_pdf(out: Path, lang: str = "en", view: str = "parallel", site: Path | None = None,
              browser=None) -> Path:
    """Build (or take) the site, print its whole-document view to `out`.

    `browser`: a Playwright Chromium already running (the tests pass theirs).
    """
    tmp = Path(tempfile.mkdtemp(prefix="oe-pdf-"))
    try:
        if site is None:
            site = tmp / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                           env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
        with chromium.serve_directory(site) as base:
            served = base
            url = f"{base}{'zh/' if lang == 'zh' else ''}print/?view={view}"
            if browser is not None:
                pdf, headings = _print(browser, url, site)
            else:
                from playwright.sync_api import sync_playwright
                with sync_playwright() as pw:
                    own = chromium.launch(pw, "--font-render-hinting=none")
                    try:
                        pdf, headings = _print(own, url, site)
                    finally:
                        own.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(finish_pdf(pdf, headings, pdf_date(ROOT), served, settings.env(settings.SITE_URL)))
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def pdf_date(root: Path) -> str:
    """The edition's date (its commit's); where git cannot tell, the document's own date."""
    date = edition_stamp(root)["date"]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    document, _errors, _apparatus = load_document(root)
    return document["date"]


def _print(browser, url: str, site: Path) -> tuple[bytes, list[str]]:
    # bypass_csp: the fonts made for the PDF are injected as an inline style, which the
    # site's own Content-Security-Policy rightly forbids
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        title = page.locator('meta[property="og:site_name"]').get_attribute("content")  # the interface's site name
        # the article only: the site chrome is not printed, and its text changes while the
        # page settles (search status messages), which made the font subsets differ between runs
        css = make_fonts(page.evaluate("document.querySelector('.md-content').innerText"), site / "_pdf-fonts")
        if css:
            page.add_style_tag(content=css.replace("url('", "url('/_pdf-fonts/") + FONT_CSS)
            page.wait_for_function("document.fonts.status === 'loaded'")
        else:
            print("make pdf: Noto CJK SC faces not found; CJK text will be embedded as Type 3 glyphs",
                  file=sys.stderr)
        page.evaluate("document.fonts.ready")
        page.emulate_media(media="print")
        headings = page.locator("article h1, article h2, article h3").evaluate_all(
            "els => els.map(e => e.textContent.replace(/\u00b6/g, '').trim())")
        pdf = page.pdf(format="A4", print_background=True, display_header_footer=True,
                       header_template="<div></div>", footer_template=FOOTER.format(title=title),
                       margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                       outline=True, tagged=True, prefer_css_page_size=False)
        return pdf, headings
    finally:
        context.close()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGS, default="en", help="interface of the labels (default en)")
    parser.add_argument("--view", choices=VIEWS, default="parallel",
                        help="reading mode (default: side by side)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "opinions.pdf")


def run(args: argparse.Namespace) -> int:
    problems = missing_prerequisites()
    if problems:
        print("make pdf: cannot run:\n  - " + "\n  - ".join(problems) + f"\nInstall with: {INSTALL}",
              file=sys.stderr)
        return 1
    out = build_pdf(args.out, args.lang, args.view)
    size = out.stat().st_size / 1024 / 1024
    print(f"make pdf: wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({size:.1f} MB)")
    return 0
