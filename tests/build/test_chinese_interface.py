"""The Chinese interface speaks Chinese throughout: every page under zh/ walked (tests/zh_walk.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from zh_walk import problems_in

pytestmark = pytest.mark.build


def test_every_page_of_the_chinese_interface_speaks_chinese(site: Path) -> None:
    pages = sorted((site / "zh").rglob("*.html"))
    assert len(pages) > 30 and (site / "zh" / "404.html") in pages
    problems = [p for page in pages for p in problems_in(page, site)]
    assert not problems, f"{len(problems)} places:\n" + "\n".join(problems[:60])


def test_no_english_only_notes_in_the_chinese_interface(site: Path) -> None:
    """What the editors write around the text, not only the labels, is Chinese in the Chinese
    interface: the notes on the transcription, the doubtful passages and the histories of the
    commentaries (the English translation and the English commentary are English by nature)."""
    from lxml import html as lxml_html
    english = []
    for page in sorted((site / "zh" / "measures").rglob("index.html")):
        doc = lxml_html.parse(str(page)).getroot()
        # each note is written in the language its container says (English words quoted in a Chinese
        # note are tagged within it, as they should be)
        for el in doc.cssselect(".oe-notes > p[lang|=en], .oe-notes li > span[lang|=en], .oe-history-list li[lang|=en],"
                                " .oe-history-summary[lang|=en]"):
            english.append(f"{page.relative_to(site)}: {el.text_content()[:60]!r}")
    assert not english, f"{len(english)} notes in English only:\n" + "\n".join(english[:20])


def test_the_links_between_the_two_commentaries_are_labelled_in_chinese(site: Path) -> None:
    """Each margin number's link to its counterpart in the other commentary is the interface's
    furniture, labelled in Chinese in the Chinese interface even inside the English commentary."""
    from lxml import html as lxml_html
    english, links = [], 0
    for page in sorted((site / "zh" / "measures").rglob("index.html")):
        for a in lxml_html.parse(str(page)).getroot().cssselect("a.oe-n-other"):
            links += 1
            if not re.search(r"[\u4e00-\u9fff]", a.get("title") or ""):
                english.append(f"{page.relative_to(site)}: {a.get('href')} {a.get('title')!r}")
    assert not english, f"{len(english)} of {links} counterpart links labelled in English:\n" + "\n".join(english[:10])
