"""A measure page written as HTML (the build, scripts/site/fragments.py) says what the same page
handed to Markdown whole says: the same words in the same order, the same ids, the same links, on
every page of the fixture edition in both interfaces; and the print view, converted section by
section, is the print view converted whole."""
from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import _RelativePathTreeprocessor

from helpers import FIXTURE_EDITION, ROOT, fixture_edition
from scripts.edition.cache import Store
from scripts.site.fragments import Fragments, Unsplittable, toc_tokens
from scripts.site.measure import PAGE, measure_page
from scripts.site.printview import OPENING, print_sections, render_print_page
from scripts.site.render_cache import SECTION, PageCache

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site():
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(FIXTURE_EDITION / "docs"))
    return config, get_files(config)


def whole(config, files, file, text: str) -> str:
    """The page as MkDocs renders a Markdown page: one conversion, links rewritten."""
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    _RelativePathTreeprocessor(file, files, config)._register(md)
    return md.convert(text)


def reading(html: str) -> tuple[str, list[str], list[str]]:
    """What a reader and a link meet: the words, the ids, the link targets."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    words = re.sub(r"\s+", "", root.text_content())  # block boundaries are whitespace either way
    return words, [e.get("id") for e in root.iter() if e.get("id")], [a.get("href") for a in root.iter("a")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_direct_rendering_says_what_markdown_says(site, lang: str) -> None:
    config, files = site
    edition = fixture_edition()
    fragments = Fragments(config, files)
    for page in edition.corpus.ordered():
        file = files.get_file_from_path(page.path.relative_to(FIXTURE_EDITION / "docs").as_posix())
        assert file is not None
        cite = {"cite": "{para}", "url": "https://x.example/"}
        via_markdown = whole(config, files, file, measure_page(edition, page, lang, cite))
        direct = fragments.fill(measure_page(edition, page, lang, cite,
                                             ctx=replace(PAGE, md=fragments.page(file), permalink="¶")))
        assert reading(direct) == reading(via_markdown), f"{file.src_uri} ({lang})"
        # the table of contents MkDocs would have made (the skip link leads to its first entry)
        assert [t["id"] for t in toc_tokens(direct)][:1] == [reading(via_markdown)[1][0]] or not toc_tokens(direct)


STAMP = {"date": "2026-12-07", "commit": "0000000", "version": "2026-12-07 (0000000)"}


def _print_view(fragments: Fragments, file, edition, lang: str) -> str:
    """The print view as the build writes it: its sections converted one by one (scripts/build.py)."""
    md = fragments.page(file)
    sections = [md.section(OPENING, text) for text in print_sections(edition, lang, STAMP)]
    return fragments.fill('<div class="oe-text oe-print">\n' + "\n".join(sections) + "\n</div>")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_print_view_converted_section_by_section_is_the_print_view_converted_whole(site, lang: str) -> None:
    """Byte for byte: each section (title page, contents, each measure, parts, appendices) reads the
    same alone as in the one block of the whole document."""
    config, files = site
    edition = fixture_edition()
    file = files.get_file_from_path("print.md" if lang == "en" else "print.zh.md")
    assert file is not None
    assert _print_view(Fragments(config, files), file, edition, lang) == \
        whole(config, files, file, render_print_page(edition, lang, STAMP))


def test_a_kept_section_is_not_converted_again_and_one_that_warned_is_not_kept(site, tmp_path) -> None:
    config, files = site
    edition = fixture_edition()
    file = files.get_file_from_path("print.md")
    kept = PageCache(Store(tmp_path))
    kept.site(config, files)
    first = _print_view(Fragments(config, files, kept), file, edition, "en")
    entries = list((tmp_path / SECTION).rglob("*.json"))
    assert len(entries) == len(print_sections(edition, "en", STAMP))
    again = Fragments(config, files, kept)
    again.convert = lambda text: pytest.fail("a kept section was converted again")  # type: ignore[method-assign]
    assert _print_view(again, file, edition, "en") == first
    broken = Fragments(config, files, kept).page(file)
    slot = broken.section(OPENING, "See [nowhere](nowhere.md).")
    broken.fill(slot)  # MkDocs logs the broken link ...
    assert len(list((tmp_path / SECTION).rglob("*.json"))) == len(entries), "... so it is logged every time"


def test_a_section_that_is_not_one_block_makes_the_page_convert_whole(site) -> None:
    config, files = site
    fragments = Fragments(config, files).page(files.get_file_from_path("print.md"))
    slot = fragments.section(OPENING, "A paragraph.\n\n</div>\n\nAnother, outside the block.")
    with pytest.raises(Unsplittable):
        fragments.fill(slot)
