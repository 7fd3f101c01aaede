"""The glossary and the index of laws in both interfaces: every definition, reason, note and
article subject has its Chinese (make check keeps the two in step, with file and line), the
Chinese interface shows the Chinese, and the Chinese index of laws is ordered by legal force,
then by the pinyin of the short name."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import check, edit, line_of
from scripts.edition import Edition
from scripts.edition.laws import Law
from scripts.site.glossary_page import render_glossary_page, zh_with_latin
from scripts.site.laws_page import KIND_ORDER, render_laws_page, sort_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("old,new,needle,message", [
    ("  definition_zh: 用以区别商品或者服务来源的标志，依《商标法》注册。\n", "", "- zh: 商标",
     "the term '商标' has an English definition but no Chinese one"),
    ("      why_zh: 受保护的是品种（栽培品种），不是植物学意义上的物种。\n", "", "    - en: new plant species",
     "the term '植物新品种' has an English reason for not using a rendering but no Chinese one"),
    ("  definition: A sign that distinguishes goods or services, registered under the Trademark Law.\n",
     "  definition: A sign that distinguishes goods or services, registered under the Trademark Law.\n"
     "  note_zh: 只有中文。\n", "  note_zh: 只有中文。", "the term '商标' has a Chinese note but no English one"),
])
def test_glossary_english_and_chinese_are_kept_in_step(content: Path, old: str, new: str, needle: str,
                                                       message: str) -> None:
    glossary = content / "data/glossary.yml"
    edit(glossary, old, new)
    result = check(content)
    assert result.returncode == 1
    line = line_of(glossary, needle)
    if needle.startswith("    - en:"):
        line += 1  # the reason's line
    if needle.startswith("- zh:"):
        line += 4  # the definition's line: pinyin, en, alternatives, definition
    assert re.search(rf"data/glossary\.yml:{line}: error \[bilingual\]: {re.escape(message)}", result.stderr), \
        result.stderr
    assert "fix: add `" in result.stderr


def test_laws_english_and_chinese_are_kept_in_step(content: Path) -> None:
    laws = content / "data/laws.yml"
    edit(laws, "      subject_zh: 国民待遇。\n", "")
    edit(laws, "  note_zh: 2021年印发。\n", "")
    result = check(content)
    assert result.returncode == 1
    subject, note = line_of(laws, "subject: National treatment."), line_of(laws, "note: Issued in 2021.")
    assert (f"data/laws.yml:{subject}: error [bilingual]: the law 'trips' has an English subject of an article "
            "but no Chinese one") in result.stderr
    assert (f"data/laws.yml:{note}: error [bilingual]: the law 'legal-supervision-opinions-2021' has an English "
            "note but no Chinese one") in result.stderr


def test_the_chinese_glossary_shows_chinese_definitions_and_reasons(edition: Edition) -> None:
    zh = render_glossary_page(edition.corpus, edition.glossary, "zh")
    en = render_glossary_page(edition.corpus, edition.glossary, "en")
    for term in edition.glossary.terms:
        assert f'<p class="oe-term-def" lang="zh-Hans">{zh_with_latin(term.definition_zh)}</p>' in zh
        assert '<p class="oe-term-def" lang="en">' in en
        for r in term.rejected:
            assert f'<span lang="zh-Hans">{zh_with_latin(r["why_zh"])}</span>' in zh
    assert '<p class="oe-term-def" lang="en">' not in zh


def test_the_chinese_index_of_laws_is_chinese_and_ordered_by_force_then_pinyin(edition: Edition) -> None:
    laws = edition.laws
    zh = render_laws_page(edition.corpus, laws, "zh")
    assert 'class="oe-law-note" lang="en"' not in zh
    subjects = re.findall(r"^- 第[^：]+：<span lang=\"([^\"]+)\">", zh, re.M)
    assert subjects and set(subjects) == {"zh-Hans"}
    order = re.findall(r'<div class="oe-law" id="([^"]+)"', zh)
    kinds = [laws[i].kind for i in order]
    assert kinds == sorted(kinds, key=KIND_ORDER.index), "kinds in the order of legal force"
    for kind in set(kinds):
        group = [laws[i] for i in order if laws[i].kind == kind]
        assert group == sorted(group, key=lambda law: sort_key(law, "zh"))
    ids = [i for i in order if i in ("criminal-law", "criminal-law-amendment-xi", "criminal-procedure-law")]
    if len(ids) == 3:
        assert ids == ["criminal-law", "criminal-law-amendment-xi", "criminal-procedure-law"]


def test_english_words_in_chinese_data_are_tagged_as_english() -> None:
    assert zh_with_latin("英语称 principle of legality（nullum crimen, nulla poena sine lege）。") == \
        ('英语称 <span lang="en">principle of legality</span>（<span lang="en">nullum crimen, nulla poena sine '
         'lege</span>）。')
    assert zh_with_latin("见P2、R1—R3；《反垄断法》（Anti-Monopoly Law）") == \
        '见P2、R1—R3；《反垄断法》（<span lang="en">Anti-Monopoly Law</span>）'
    assert zh_with_latin("plain <English>", "en") == "plain &lt;English&gt;"


def test_short_names_sort_the_law_before_its_amendment() -> None:
    def law(zh: str, en: str) -> Law:
        return Law(id=en, kind="statute", zh=zh, en=en, names=[en], line=1)

    base = law("中华人民共和国刑法", "Criminal Law")
    amendment = law("中华人民共和国刑法修正案（十一）", "Criminal Law Amendment XI")
    procedure = law("中华人民共和国刑事诉讼法", "Criminal Procedure Law")
    admin = law("中华人民共和国行政诉讼法", "Administrative Litigation Law")
    for lang in ("zh", "en"):
        ordered = sorted([procedure, amendment, admin, base], key=lambda x: sort_key(x, lang))
        assert ordered.index(base) < ordered.index(amendment) < ordered.index(procedure)
    assert sorted([base, admin], key=lambda x: sort_key(x, "zh")) == [base, admin]  # xíngfǎ < xíngzhèng
