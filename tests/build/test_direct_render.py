"""A measure page written as HTML (the build, scripts/site/fragments.py) says what the same page
handed to Markdown whole says (the print view still renders that way): the same words in the same
order, the same ids, the same links, on every page of the fixture edition in both interfaces."""
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
from scripts.site.fragments import Fragments, toc_tokens
from scripts.site.measure import PAGE, measure_page

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
