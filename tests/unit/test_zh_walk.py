"""The walk of the Chinese interface (tests/zh_walk.py) reports what it should and leaves the rest."""
from __future__ import annotations

import pytest
from lxml import html

from zh_walk import ASCII_BESIDE_CJK, foreign_words, labels, runs

pytestmark = pytest.mark.unit


def test_the_walk_sees_what_it_should() -> None:
    """The walk itself: what it reports and what it leaves alone (a fixture, not the site)."""
    page = html.fromstring(
        '<html><body><p>援引条目: <a>（八）</a>, <a>（九）</a></p>'
        '<p>所依据的条文：<span lang="en">The principle of legality</span></p>'
        '<p title="Permanent link">评注</p><div class="oe-en"><p>Translation, here.</p></div>'
        '<p>复制 <code>m08-1</code>、pre-2 与 opinions.pdf</p><p>Founding editors（录入、翻译）</p></body></html>')
    found = []
    for _, text in runs(page):
        found += [f"words {w}" for w in foreign_words(text)]
        found += [f"punct {m.group(0).strip()}" for m in ASCII_BESIDE_CJK.finditer(text)]
    found += [f"label {v}" for _, _, v in labels(page) if foreign_words(v)]
    assert found == ["punct 目:", "punct ）,", "words Founding", "words editors", "label Permanent link"]
