"""Printing from the browser and `make pdf`.

The PDF is built once per session from the strictly built site, with the same
code `make pdf` runs, and inspected with poppler's tools and pypdf.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts.edition.corpus import Corpus
from scripts.edition.paths import url
from scripts.site.i18n import bare_title

pytestmark = pytest.mark.browser


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        message = f"{tool} not found: install poppler-utils (apt-get install -y poppler-utils)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def pdf(site: Path, browser, tmp_path_factory) -> Path:  # browser: fails or skips without Chromium
    from scripts.tools.pdf import build_pdf
    return build_pdf(tmp_path_factory.mktemp("pdf") / "opinions.pdf", site=site, browser=browser)


def outline_titles(path: Path) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))
    walk(PdfReader(str(path)).outline, 0)
    return out


def test_pdf_outline_has_every_part_and_measure(pdf: Path, corpus: Corpus) -> None:
    titles = outline_titles(pdf)
    top = [t for d, t in titles if d == 0]

    def squeeze(s: str) -> str:  # Chromium joins a wrapped heading's lines without spaces
        return "".join(s.split())
    for part in corpus.document["parts"]:
        assert any(squeeze(part["title"]["en"]) in squeeze(t) for t in top), part["title"]["en"]
    second = [squeeze(t) for d, t in titles if d == 1]
    for page in corpus.measures():
        # the heading's status stands beside it in the outline too
        status = {"conjecture": "conjecture", "reported": "reported"}.get(page.heading_status, "")
        assert any(squeeze(bare_title("en", page)) + status in t for t in second), bare_title("en", page)
    assert "Preamble" in top and "Appendix: Glossary" in top and "Appendix: Witnesses" in top


def test_pdf_embeds_cjk_fonts_and_has_both_languages(pdf: Path) -> None:
    fonts = poppler("pdffonts", str(pdf))
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts
    text = poppler("pdftotext", str(pdf), "-")
    assert "商业秘密" in text and "罪刑法定" in text
    assert "Strengthening the protection of trade secrets" in text
    assert "m08-1" in text, "paragraph ids are printed"


def test_pdf_is_a4_with_page_numbers_and_small(pdf: Path) -> None:
    info = poppler("pdfinfo", str(pdf))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pdf.stat().st_size < 10 * 1024 * 1024
    last = poppler("pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-")
    assert f"{pages} / {pages}" in last, "footer carries page numbers"


def test_pdf_cover_carries_edition_date_and_commit(pdf: Path) -> None:
    cover = poppler("pdftotext", "-f", "1", "-l", "1", str(pdf), "-")
    assert "最高人民检察院关于全面加强新时代知识产权检察工作的意见" in cover
    assert "Opinions of the Supreme People" in cover and "1 March 2022" in cover
    assert re.search(r"Edition of (\d{4}-\d{2}-\d{2}|unknown), commit (\w+)", cover)
    assert "working transcriptions" in cover


def test_two_runs_give_the_same_pdf(pdf: Path, site: Path, browser, tmp_path: Path) -> None:
    from scripts.tools.pdf import build_pdf
    again = build_pdf(tmp_path / "again.pdf", site=site, browser=browser)
    assert again.read_bytes() == pdf.read_bytes()


# --- the print stylesheet, in Chromium -------------------------------------------------------

def test_printing_a_measure_shows_text_not_chrome(page, server) -> None:
    page.goto(server + url(8) + "?view=zh")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".oe-view", ".md-search",
                     ".md-content__button"):
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
