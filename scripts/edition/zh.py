"""Chinese text utilities shared by the glossary and search: segmentation, pinyin, numerals.

jieba and pypinyin are loaded lazily, and only when a text is met that the store
(scripts/edition/cache.py) has not seen: jieba's dictionary takes most of a second to
read, and what it and pypinyin make of a text follows from the text, the words the
edition adds, the packages' versions and this file. Those are the key of each memo
(`remember_in`, `save`), so a build whose Chinese has not changed never loads either.
"""
from __future__ import annotations

import atexit
import logging
import re
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Iterable

from .cache import Store, digest

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1)
def _dictionary():
    """jieba's own dictionary, loaded once per process and never changed here."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


class _Memo:
    """What jieba and pypinyin made of each text, for one set of added words, kept in the store."""

    KINDS = ("seg", "fine", "py", "tone3")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.key = digest(f"jieba={version('jieba')}|pypinyin={version('pypinyin')}",
                          Path(__file__).read_bytes(), "\n".join(words))
        stored = _STORE.get("zh", self.key) if _STORE is not None else None
        self.maps: dict[str, dict[str, object]] = {k: dict((stored or {}).get(k, {})) for k in self.KINDS}
        self.dirty = False

    def save(self) -> None:
        if self.dirty and _STORE is not None:
            _STORE.put("zh", self.key, self.maps)
            self.dirty = False


_STORE: Store | None = None
_MEMOS: dict[tuple[str, ...], _Memo] = {}


def remember_in(store: Store) -> None:
    """Keep what jieba and pypinyin make in `store` (the edition's loader calls this first)."""
    global _STORE
    if store.folder != getattr(_STORE, "folder", None):
        save()
        _STORE = store
        _MEMOS.clear()
        segmenter.cache_clear()


def _memo(words: tuple[str, ...]) -> _Memo:
    if words not in _MEMOS:
        _MEMOS[words] = _Memo(words)
    return _MEMOS[words]


@atexit.register
def save() -> None:
    """Write the memos that learnt something (after each build, and when the process ends)."""
    for memo in _MEMOS.values():
        memo.save()


class Segmenter:
    """Chinese segmentation and pinyin with jieba's dictionary plus the edition's own words.

    The words (the glossary's terms, e.g. 商标恶意抢注) stay whole. Each segmenter has its
    own copy of the word frequencies, so teaching it the glossary changes nothing for
    anyone else in the process (jieba's global dictionary stays as it is), and a glossary
    edited under `mkdocs serve` gets a segmenter of its own instead of adding to the last.
    The copy is made the first time a text is not in the memo.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._words = tuple(words)
        self._tokenizer = None
        self._memo = _memo(self._words)
        self._pinyin: dict[tuple[str, bool], str] = {}

    @property
    def _jieba(self):
        if self._tokenizer is None:
            import jieba

            base = _dictionary()
            tokenizer = jieba.Tokenizer()
            tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
            tokenizer.initialized = True  # a copy of the loaded dictionary: nothing to read
            for word in self._words:
                tokenizer.add_word(word, freq=2_000_000)
            self._tokenizer = tokenizer
        return self._tokenizer

    def _remembered(self, kind: str, text: str, make) -> list[str]:
        known = self._memo.maps[kind]
        if text not in known:
            known[text] = make(text)
            self._memo.dirty = True
        return list(known[text])

    def segment(self, text: str) -> list[str]:
        """Words of a Chinese run, as jieba cuts it (no HMM guessing of unknown words)."""
        return self._remembered("seg", text, lambda t: [w for w in self._jieba.cut(t, HMM=False) if w.strip()])

    def segment_fine(self, text: str) -> list[str]:
        """Words, with compounds split into their dictionary parts where the parts tile them.

        商业秘密 -> 商业 秘密; 商标恶意抢注 -> 商标 恶意 抢注. Indexing the parts is
        what lets a search for 秘密 find 商业秘密, without repeating any character.
        """
        return self._remembered("fine", text, self._segment_fine)

    def _segment_fine(self, text: str) -> list[str]:
        out: list[str] = []
        for word in self.segment(text):
            if len(word) <= 2:
                out.append(word)
                continue
            parts = _tile(word, set(self._jieba.cut_for_search(word, HMM=False)) - {word})
            out.extend(parts or [word])
        return out

    def pinyin(self, text: str, tones: bool = True) -> str:
        """Pinyin grouped by word: 商业秘密 -> 'shāngyè mìmì' (tones=False: 'shangye mimi').

        Syllables starting with a, o or e inside a word take an apostrophe (bàn'àn);
        punctuation between Han runs is kept as it is. Remembered per text.
        """
        key = (text, tones)
        if key not in self._pinyin:
            known, memo = self._memo.maps["py"], f"{int(tones)}{text}"
            if memo not in known:
                known[memo] = self._make_pinyin(text, tones)
                self._memo.dirty = True
            self._pinyin[key] = str(known[memo])
        return self._pinyin[key]

    def _make_pinyin(self, text: str, tones: bool) -> str:
        from pypinyin import Style, lazy_pinyin

        style = Style.TONE if tones else Style.NORMAL
        out: list[str] = []
        pos = 0
        for run in HAN_RUN.finditer(text):
            if run.start() > pos:
                out.append(text[pos:run.start()].strip())
            for word in self.segment_fine(run.group(0)):
                syllables = lazy_pinyin(word, style=style, errors="default")
                joined = syllables[0]
                for syl in syllables[1:]:
                    joined += ("'" if strip_tones(syl)[:1] in ("a", "o", "e") else "") + syl
                out.append(joined)
            pos = run.end()
        if pos < len(text):
            out.append(text[pos:].strip())
        return re.sub(r" ?[、，,] ?", ", ", " ".join(p for p in out if p)).strip()


@lru_cache(maxsize=4)
def segmenter(words: tuple[str, ...] = ()) -> Segmenter:
    """The segmenter for a set of words, made once per process (keyed by the words
    themselves, so it cannot go stale)."""
    return Segmenter(words)


def _tile(word: str, parts: set[str]) -> list[str] | None:
    """Split `word` into the longest known parts, left to right, if they cover it exactly."""
    result: list[str] = []
    i = 0
    while i < len(word):
        for j in range(len(word), i, -1):
            if word[i:j] in parts:
                result.append(word[i:j])
                i = j
                break
        else:
            return None
    return result if len(result) > 1 else None


def strip_tones(text: str) -> str:
    """'shāngyè' -> 'shangye' (ü kept as u for typing on a plain keyboard)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("ü", "u")


def pinyin_sort_key(zh: str, pinyin_text: str) -> tuple[str, str, str]:
    """Dictionary order: toneless pinyin, then tone numbers, then the characters."""
    toneless = strip_tones(pinyin_text).replace(" ", "").lower()
    memo = _memo(())
    if zh not in memo.maps["tone3"]:
        from pypinyin import Style, lazy_pinyin

        memo.maps["tone3"][zh] = "".join(lazy_pinyin(zh, style=Style.TONE3, neutral_tone_with_five=True))
        memo.dirty = True
    return (toneless, str(memo.maps["tone3"][zh]), zh)


ZH_DIGITS = "〇一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """Chinese numeral as used in measure headings: 8 -> 八, 21 -> 二十一 (from 100 on, the
    cardinal: 105 -> 一百零五)."""
    if n >= 100:
        return zh_cardinal(n)
    if n < 10:
        return ZH_DIGITS[n]
    if n == 10:
        return "十"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")



def zh_cardinal(n: int) -> str:
    """Chinese numeral for 0..9999 in the form of article numbers: 219 -> 二百一十九,
    1185 -> 一千一百八十五, 105 -> 一百零五, 10 -> 十 (a leading 一十 is written 十)."""
    if not 0 <= n <= 9999:
        raise ValueError(f"{n} is outside 0..9999")
    if n < 100:
        return zh_numeral(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero else "") + ZH_DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    """Part numbers in the English interface: 1 -> I, 4 -> IV, 9 -> IX."""
    out = ""
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def parse_zh_number(text: str) -> int | None:
    """'八' -> 8, '十二' -> 12, '二十一' -> 21 (1..99); None if not a numeral."""
    if not text or any(c not in ZH_DIGITS + "十" for c in text):
        return None
    if "十" not in text:
        return ZH_DIGITS.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = ZH_DIGITS.index(tens) if tens else 1
    o = ZH_DIGITS.index(ones) if ones else 0
    return t * 10 + o
