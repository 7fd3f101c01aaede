"""Pinyin as GB/T 16159 (Basic Rules of the Chinese Phonetic Alphabet Orthography) and the
dictionary write it: words apart, names and proper nouns capitalised, readings by word; the
glossary's `pinyin:` where no rule can know; and the check on run-together generated words."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import check, edit, line_of, run
from scripts.edition import Edition
from scripts.edition.zh import orthographic, segmenter

pytestmark = pytest.mark.unit

# What the generator must write by itself, and the rule each follows.
GENERATED = [
    # words written apart; a name of four or more syllables by its words
    ("知识产权", "zhīshi chǎnquán", "words apart; 知识 has a neutral second syllable in the dictionary"),
    ("行政执法与刑事司法衔接", "xíngzhèng zhífǎ yǔ xíngshì sīfǎ xiánjiē", "words apart, 与 on its own"),
    ("综合司法保护", "zōnghé sīfǎ bǎohù", "words apart"),
    ("刑事犯罪", "xíngshì fànzuì", "a four-syllable word by its parts: 刑事 犯罪, not 刑事犯 罪"),
    ("生态环境和资源保护", "shēngtài huánjìng hé zīyuán bǎohù", "words apart, 和 on its own"),
    ("新业态新领域", "xīn yètài xīn lǐngyù", "a monosyllabic adjective apart from its noun"),
    # a structural particle stands apart
    ("党的领导", "dǎng de lǐngdǎo", "的 apart"),
    # a suffix joins its word
    ("穿透式监督", "chuāntòushì jiāndū", "the suffix 式 with its word"),
    # a syllable starting with a, o or e inside a word takes an apostrophe
    ("办案", "bàn'àn", "apostrophe before a syllable starting with a, o, e"),
    ("立案监督", "lì'àn jiāndū", "apostrophe inside the word only"),
    # names and proper nouns capitalised
    ("习近平", "Xí Jìnpíng", "a person's name: surname and given name apart, each capitalised"),
    ("习近平法治思想", "Xí Jìnpíng fǎzhì sīxiǎng", "the name capitalised, the common nouns not"),
    ("最高人民检察院", "Zuìgāo Rénmín Jiǎncháyuàn", "an organisation's name: each word capitalised"),
    ("中华人民共和国", "Zhōnghuá Rénmín Gònghéguó", "a state's name: each word capitalised"),
    ("中国特色", "Zhōngguó tèsè", "a place name capitalised, the rest not"),
    # readings by word
    ("植物新品种", "zhíwù xīnpǐnzhǒng", "种 in 品种 is zhǒng (pypinyin's phrases)"),
    ("种业", "zhǒngyè", "种 in 种业 is zhǒng"),
    ("电子侵入", "diànzǐ qīnrù", "子 in 电子 is a full syllable (electron), not the suffix -zi"),
    ("队伍建设", "duìwu jiànshè", "伍 in 队伍 is neutral in the dictionary"),
    ("激励、保护创新", "jīlì, bǎohù chuàngxīn", "the enumeration comma as a comma"),
]

# Readings that need the glossary's `pinyin:` (a sense, a word division or a name that no
# dictionary rule gives), checked on every one the glossary still has.
OVERRIDDEN = [
    ("以办案为中心", "yǐ bàn'àn wéi zhōngxīn", "以…为…: 为 is wéi, not wèi"),
    ("反不正当竞争", "fǎnbùzhèngdàng jìngzhēng",
     "正当 is zhèngdàng (legitimate); the monosyllabic prefix 反 joins the word after it (GB/T 16159: "
     "prefixes such as 反, 非, 超 are written with the word they attach to)"),
    ("权利人", "quánlìrén", "a three-syllable term for one concept is written as one word"),
    ("做深做实", "zuòshēn zuòshí", "verb and complement, both monosyllabic, are written together"),
    ("办理一案、治理一片", "bànlǐ yī àn, zhìlǐ yī piàn", "numeral and measure word (or noun) apart"),
    ("党中央", "Dǎng Zhōngyāng", "an organisation's name: each word capitalised"),
    ("人民检察院", "rénmín jiǎncháyuàn", "the generic name of a kind of organ is not capitalised"),
    ("知识产权检察办公室", "Zhīshi Chǎnquán Jiǎnchá Bàngōngshì", "the name of one office: each word capitalised"),
]


@pytest.mark.parametrize("zh,expected,rule", GENERATED, ids=[g[0] for g in GENERATED])
def test_generated_pinyin_follows_the_orthography(zh: str, expected: str, rule: str) -> None:
    assert orthographic(zh) == expected, rule


@pytest.mark.parametrize("zh,expected,rule", OVERRIDDEN, ids=[o[0] for o in OVERRIDDEN])
def test_the_glossary_gives_the_readings_generation_cannot_know(edition: Edition, zh: str, expected: str,
                                                                rule: str) -> None:
    term = edition.glossary.by_zh.get(zh)
    if term is None:
        pytest.skip(f"{zh} is no longer in the glossary")
    assert term.pinyin == expected, rule


def test_search_uses_the_glossary_pinyin_for_its_terms_lowercase_and_toneless() -> None:
    seg = segmenter(("习近平法治思想",), (("习近平法治思想", "Xí Jìnpíng fǎzhì sīxiǎng"),))
    assert seg.pinyin("坚持习近平法治思想", tones=False) == "jianchi xi jinping fazhi sixiang"
    assert seg.pinyin("习近平法治思想") == "Xí Jìnpíng fǎzhì sīxiǎng"


def test_a_new_term_gets_its_pinyin_drafted_and_a_run_together_word_is_named(content: Path) -> None:
    """Pinyin is data: a term without it is reported with the command that drafts it, and the draft
    names each word the dictionary ran together (four syllables or more) for a person to divide."""
    glossary = content / "data/glossary.yml"
    edit(glossary, "- zh: 理念\n", "- zh: 一帆风顺\n  en: plain sailing\n  definition: Smooth progress.\n"
                   "  definition_zh: 进展顺利。\n\n- zh: 理念\n")
    result = check(content)
    line = line_of(glossary, "- zh: 一帆风顺")
    assert result.returncode == 1
    assert f"data/glossary.yml:{line}: error [glossary]: the term '一帆风顺' has no pinyin" in result.stderr
    assert "make pinyin" in result.stderr
    drafted = run("pinyin", "--root", str(content))
    assert drafted.returncode == 0 and "一帆风顺: yīfānfēngshùn" in drafted.stdout
    assert "'yīfānfēngshùn' runs 4 syllables together" in drafted.stderr
    assert "  pinyin: yīfānfēngshùn" in glossary.read_text(encoding="utf-8")
    assert "一帆风顺" not in check(content).stderr
