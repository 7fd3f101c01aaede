"""The printed edition (`make pdf`) and printing from the browser.

Both PDFs are built once per session from the strictly built site, with the same code
`make pdf` runs, and read with poppler's tools and pypdf. Every test states a rule of
the book for every part and measure in it, whatever their number or content.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts.edition.corpus import Corpus
from scripts.edition.paths import url
from scripts.site.i18n import bare_title, full_title, part_heading, t

pytestmark = pytest.mark.browser

LANGS = ("en", "zh")
NEAR_EMPTY = 0.25  # a page whose text ends above this share of its text area is near-empty


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        message = f"{tool} not found: install poppler-utils (apt-get install -y poppler-utils)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return "".join(text.split())


@dataclass
class Book:
    path: Path
    lang: str
    pages: list[str]          # the text of each page (pages[0] is page 1)
    starts: dict[str, int]    # outline entry (squeezed) -> its page (1-based)
    children: dict[str, list[str]]  # outline entry (squeezed, title without status) -> its children

    def page_of(self, title: str) -> int:
        key = squeeze(title)
        found = [p for k, p in self.starts.items() if k.startswith(key)]
        assert found, f"{self.path.name}: no bookmark for {title!r}"
        return found[0]


def read_book(path: Path, lang: str) -> Book:
    pages = poppler("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]
    reader = PdfReader(str(path))
    starts: dict[str, int] = {}
    children: dict[str, list[str]] = {}

    def walk(items) -> None:
        parent = None
        for item in items:
            if isinstance(item, list):
                if parent is not None:
                    children[parent] = [squeeze(i.title) for i in item if not isinstance(i, list)]
                walk(item)
            else:
                parent = squeeze(item.title)
                starts.setdefault(parent, reader.get_destination_page_number(item) + 1)
    walk(reader.outline)
    for title in list(children):  # found by the title without the status that follows it
        for status in ("conjecture", "reported", "〔推测〕", "〔据报道〕", "推测", "据报道"):
            if title.endswith(status):
                children.setdefault(title.removesuffix(status), children[title])
    return Book(path, lang, pages, starts, children)


@pytest.fixture(scope="session")
def books(site: Path, tmp_path_factory) -> dict[str, Book]:
    from scripts.tools.pdf import build_pdfs, missing_prerequisites
    problems = missing_prerequisites()
    if problems:
        pytest.fail("; ".join(problems)) if os.environ.get("CI") else pytest.skip("; ".join(problems))
    out = tmp_path_factory.mktemp("pdf")
    paths = build_pdfs(out, site=site)
    return {lang: read_book(path, lang) for lang, path in zip(LANGS, paths, strict=True)}


@pytest.fixture(params=LANGS)
def book(request, books: dict[str, Book]) -> Book:
    return books[request.param]


def sections(corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(heading as bookmarked, running head) of the preamble and every measure, in order."""
    return [(full_title(lang, p) if not p.is_preamble else bare_title(lang, p), bare_title(lang, p))
            for p in corpus.ordered()]


def test_both_pdfs_are_written_with_their_names(books: dict[str, Book]) -> None:
    assert books["en"].path.name == "opinions.pdf" and books["zh"].path.name == "opinions.zh.pdf"


def test_the_contents_gives_the_page_of_every_part_and_measure(book: Book, corpus: Corpus) -> None:
    lang = book.lang
    first_text = book.page_of(bare_title(lang, corpus.ordered()[0]))
    contents = squeeze("".join(book.pages[1:first_text - 1]))
    assert contents.startswith(squeeze(t(lang, "print.contents"))), "the contents follow the title page"
    # a measure is listed by its bare title, its heading's status a mark beside it (as on screen)
    entries = [(bare_title(lang, p), bare_title(lang, p)) for p in corpus.ordered()]
    entries += [(part_heading(lang, part, "heading"),) * 2 for part in corpus.document["parts"]]
    for listed, bookmarked in entries:
        found = re.search(re.escape(squeeze(listed)) + r"[.．]*(\d+)", contents)
        assert found, f"{book.path.name}: {listed!r} is not in the contents with a page"
        assert int(found.group(1)) == book.page_of(bookmarked), f"{book.path.name}: {listed!r}"


def test_every_page_has_a_page_number_and_a_running_head(book: Book, corpus: Corpus) -> None:
    for number, text in enumerate(book.pages[1:], start=2):  # the title page has neither
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert str(number) in lines[-3:], f"{book.path.name} p. {number}: no page number at its foot"
        assert len(lines) >= 2 and lines[0] != str(number), f"{book.path.name} p. {number}: no running head"
    ordered = corpus.ordered()
    starts = [book.page_of(bare_title(book.lang, p)) for p in ordered]
    ends = starts[1:] + [book.page_of(t(book.lang, "print.witnesses"))]
    previous = 0
    for page, start, end in zip(ordered, starts, ends, strict=True):
        head = squeeze(bare_title(book.lang, page))
        # a page names the first measure that starts on it, else the one it continues
        for number in range(start if start != previous else start + 1, end):
            top = squeeze("".join(book.pages[number - 1].splitlines()[:4]))
            assert head in top, (
                f"{book.path.name} p. {number}: the running head does not name {bare_title(book.lang, page)!r}")
        previous = start


def test_each_measure_text_starts_on_the_page_of_its_heading(book: Book, corpus: Corpus) -> None:
    for page in corpus.ordered():
        if not page.paragraphs:
            continue
        start = book.page_of(bare_title(book.lang, page))
        assert page.paragraphs[0].id in book.pages[start - 1], (
            f"{book.path.name}: {bare_title(book.lang, page)!r} starts on p. {start} but its text does not")


def test_the_apparatus_is_at_the_foot_of_the_page_of_its_paragraph(book: Book, corpus: Corpus) -> None:
    for page in corpus.ordered():
        for para in page.paragraphs:
            atts = page.apparatus.for_para(para.id)
            if not atts or page.source["status"] == "verified":
                continue
            # the paragraph's page shows its id twice: in the margin and at the foot (the status
            # notes before the text may name it once, on the heading's page)
            where = next((n for n, text in enumerate(book.pages) if text.count(para.id) >= 2), None)
            assert where is not None, f"{book.path.name}: no apparatus for {para.id} on its page"
            text = book.pages[where]
            sigla = {s for a in atts for s in a.witnesses}
            assert all(s in text for s in sigla), f"{book.path.name}: the sigla of {para.id} are not on its page"


def body_extent(path: Path) -> list[float]:
    """For each page, how far down its text area the text reaches (0 to 1), head and number left out."""
    xml = poppler("pdftotext", "-bbox", str(path), "-")
    out = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        height = float(page.group(2))
        top, bottom = 0.07 * height, 0.93 * height  # inside the running head and the page number
        ys = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page.group(3))]
        body = [y for y in ys if top < y < bottom]
        out.append((max(body) - top) / (bottom - top) if body else 0.0)
    return out


def test_no_page_is_near_empty(book: Book, corpus: Corpus) -> None:
    """The title page is designed so; a page that ends a section before one that starts a new
    page (the contents, the text, each appendix) may be short; no other."""
    breaks = {book.page_of(t(book.lang, "print.contents")), book.page_of(bare_title(book.lang, corpus.ordered()[0])),
              book.page_of(t(book.lang, "print.witnesses")), book.page_of(t(book.lang, "print.appendix"))}
    extent = body_extent(book.path)
    for number, share in enumerate(extent, start=1):
        if share == 0:
            pytest.fail(f"{book.path.name} p. {number} is blank")
        if number == 1 or number + 1 in breaks or number == len(extent):
            continue
        assert share >= NEAR_EMPTY, f"{book.path.name} p. {number} is near-empty ({share:.0%} of its text area)"


def test_language_and_metadata(book: Book, corpus: Corpus) -> None:
    reader = PdfReader(str(book.path))
    assert str(reader.trailer["/Root"]["/Lang"]) == {"en": "en", "zh": "zh-Hans"}[book.lang]
    meta = reader.metadata
    assert meta.title.startswith(corpus.document["title"][book.lang])
    assert meta.author and meta.subject
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF is tagged"


def test_the_interface_commentary_comes_first(book: Book, corpus: Corpus) -> None:
    """Each measure's bookmarks list its commentaries: the interface's own, then the other."""
    own, other = squeeze(t(book.lang, "commentary")), squeeze(t(book.lang, "commentary.other"))
    for page in corpus.ordered():
        present = [x for x in (book.lang, "zh" if book.lang == "en" else "en") if page.commentary_in(x).strip()]
        if not present:
            continue
        children = book.children.get(squeeze(bare_title(book.lang, page)))
        assert children, f"{book.path.name}: no bookmarks under {bare_title(book.lang, page)!r}"
        expected = [own if x == book.lang else other for x in present]
        assert [c for c in children if c in (own, other)] == expected, (
            f"{book.path.name}: {bare_title(book.lang, page)!r}: {children}")


def test_outline_has_every_part_and_measure(book: Book, corpus: Corpus) -> None:
    for part in corpus.document["parts"]:
        book.page_of(part_heading(book.lang, part, "heading"))
    for page in corpus.ordered():
        book.page_of(bare_title(book.lang, page))
    for section in ("print.contents", "print.witnesses", "print.appendix"):
        book.page_of(t(book.lang, section))


def test_fonts_are_embedded_and_both_languages_printed(book: Book, corpus: Corpus) -> None:
    fonts = poppler("pdffonts", str(book.path)).splitlines()[2:]
    assert fonts and all(re.search(r"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", line) for line in fonts), fonts
    assert any("CJK" in line for line in fonts)
    text = "".join(book.pages)
    for page in corpus.measures():
        for para in page.paragraphs[:1]:
            assert squeeze(para.zh)[:4] in squeeze(text)
    assert "▾" not in text and "▸" not in text


def test_the_title_page_names_edition_version_and_state(book: Book, corpus: Corpus) -> None:
    cover = book.pages[0]
    doc = corpus.document
    assert squeeze(doc["title"]["zh"]) in squeeze(cover) and squeeze(doc["title"]["en"]) in squeeze(cover)
    assert squeeze(t(book.lang, "print.edition")) in squeeze(cover)
    before, _, _ = t(book.lang, "print.stamp", date="\0", commit="\0").partition("\0")
    assert squeeze(before) in squeeze(cover), "the version (date and commit)"
    assert re.search(r"\d+%", cover), "the attested share"


def test_two_runs_give_the_same_pdf(books: dict[str, Book], site: Path, tmp_path: Path) -> None:
    from scripts.tools.pdf import build_pdfs
    again = build_pdfs(tmp_path, site=site, langs=("en",))[0]
    assert again.read_bytes() == books["en"].path.read_bytes()


# --- the print stylesheet, in Chromium -------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_book_prints_no_siglum_between_the_characters(page, server, site: Path, lang: str) -> None:
    """The book's document (what WeasyPrint sets) with its stylesheets, in Chromium's cascade: every
    siglum, variant mark and apparatus note in the text is hidden, the apparatus for the foot shown.
    A screen rule more specific than print.css's once printed every siglum in the text."""
    from scripts.tools.pdf import book_html
    document, _base, _info = book_html(site, lang, "2000-01-01")
    page.goto(server + ("zh/" if lang == "zh" else "") + "print/")
    page.set_content(document, wait_until="load")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
      const shown = s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').length;
      return {sig: shown('.oe-sig'), ref: shown('.oe-var-ref'), app: shown('.oe-pair > .oe-app'),
              foot: shown('.oe-foot'), att: document.querySelectorAll('.oe-att').length,
              sheets: document.styleSheets.length};
    }""")
    assert shown["sheets"] >= 3, "the book's stylesheets did not load"
    assert shown["sig"] == shown["ref"] == shown["app"] == 0, f"printed in the text: {shown}"
    if shown["att"]:
        assert shown["foot"] >= 1, "no apparatus for the foot of the page"


def test_printing_a_measure_shows_text_not_chrome(page, server) -> None:
    page.goto(server + url(8) + "?view=zh")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".oe-view", ".md-search",
                     ".md-content__button", ".oe-flag", ".oe-runhead", ".oe-foot"):
        loc = page.locator(selector).first
        if loc.count():
            assert not loc.is_visible(), f"{selector} is printed"
    assert page.locator(".oe-pid").first.is_visible()
    assert page.locator(".oe-zh").first.is_visible()
    assert not page.locator(".oe-en").first.is_visible(), "the reader's reading mode (Chinese only) is printed"
    assert page.locator("details.oe-status").first.evaluate("d => d.open") is False
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.oe-status").first.evaluate("d => d.open"), "the status and its notes print open"
    styles = page.evaluate("""() => {
      const a = document.createElement('a'); a.href = 'https://example.org/x'; a.textContent = 'x';
      document.querySelector('.oe-commentary').appendChild(a);
      const h = document.querySelector('article h2');
      return {after: getComputedStyle(a, '::after').content, h2: getComputedStyle(h).breakAfter,
              pair: getComputedStyle(document.querySelector('.oe-pair')).breakInside,
              zhFont: getComputedStyle(document.querySelector('.oe-zh')).fontFamily};
    }""")
    assert "example.org/x" in styles["after"]
    assert styles["h2"] == "avoid" and styles["pair"] == "avoid"
    assert "Noto Serif CJK SC" in styles["zhFont"] and "Noto Sans CJK SC" in styles["zhFont"]


def test_the_print_view_carries_what_the_paged_rendering_reads(page, server) -> None:
    """Running-head markers before every measure, and each attested paragraph's apparatus as a
    footnote element; hidden in a browser's print, which prints the apparatus inline."""
    page.goto(server + "print/")
    page.emulate_media(media="print")
    assert page.locator(".oe-runhead[data-measure]").count() >= 2
    if page.locator(".oe-att").count():
        assert page.locator(".oe-foot").count() >= 1
        assert not page.locator(".oe-foot").first.is_visible()
        assert page.locator(".oe-sig").first.is_visible()
