"""Chinese text utilities shared by the glossary and search: segmentation, pinyin, numerals.

Pinyin comes in two forms. `orthographic` writes a term as the Basic Rules of the Chinese
Phonetic Alphabet Orthography (GB/T 16159) and a dictionary would: words apart, names and
proper nouns capitalised, readings by word. The glossary shows it, and the search index
(`Segmenter.pinyin`, toneless) uses a term's pinyin for the term, so what the glossary shows
is what a reader can type.

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
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import Store, digest

#: A Han character: CJK Unified Ideographs, Extension A, and the compatibility ideographs. The one
#: definition in Python (scripts/site/search_worker.js keeps its own copy, for the browser).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
#: CJK punctuation (、。「」 and the ideographic space) and the full-width forms (，：！ and the like).
CJK_PUNCT_CLASS = "\u3000-\u303f"
FULL_WIDTH_CLASS = "\uff00-\uffef"


@lru_cache(maxsize=1)
def _dictionary():
    """jieba's own dictionary, loaded once per process and never changed here."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


class _Memo:
    """What jieba and pypinyin made of each text, for one set of added words (and their
    readings), kept in the store."""

    KINDS = ("seg", "fine", "py", "tone3", "ortho", "plain")

    def __init__(self, words: tuple[str, ...], readings: tuple[tuple[str, str], ...] = ()) -> None:
        self.key = digest(f"jieba={version('jieba')}|pypinyin={version('pypinyin')}",
                          Path(__file__).read_bytes(), "\n".join(words),
                          "\n".join(f"{zh}\t{py}" for zh, py in readings))
        stored = _STORE.get("zh", self.key) if _STORE is not None else None
        # JSON as the store keeps it, per kind: words (seg, fine), a string (py, tone3, plain), [zh, py] pairs (ortho)
        self.maps: dict[str, dict[str, Any]] = {k: dict((stored or {}).get(k, {})) for k in self.KINDS}
        self.dirty = False

    def recall(self, kind: str, key: str, make: Callable[[], Any]) -> Any:
        """What was made of `key` before (in this process or the store), else `make()`, kept."""
        known = self.maps[kind]
        if key not in known:
            known[key] = make()
            self.dirty = True
        return known[key]

    def save(self) -> None:
        if self.dirty and _STORE is not None:
            _STORE.put("zh", self.key, self.maps)
            self.dirty = False


_STORE: Store | None = None
_MEMOS: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], _Memo] = {}


def remember_in(store: Store) -> None:
    """Keep what jieba and pypinyin make in `store` (the edition's loader calls this first)."""
    global _STORE
    if store.folder != getattr(_STORE, "folder", None):
        save()
        _STORE = store
        _MEMOS.clear()
        segmenter.cache_clear()


def _memo(words: tuple[str, ...], readings: tuple[tuple[str, str], ...] = ()) -> _Memo:
    if (words, readings) not in _MEMOS:
        _MEMOS[(words, readings)] = _Memo(words, readings)
    return _MEMOS[(words, readings)]


#: What the memos of one process learnt: by (added words, readings), each kind's new entries.
Learnt = dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], dict[str, dict[str, Any]]]


def learnt() -> Learnt:
    """The memos of this process that learnt something the store did not hold, whole: handed by a
    second process that made the search index (scripts/site/search_ahead.py) to the build's own,
    which saves them."""
    return {words: memo.maps for words, memo in _MEMOS.items() if memo.dirty}


def learn(maps: Learnt) -> None:
    """Take what another process learnt (`learnt`) into this one's memos, to be saved with them."""
    for (words, readings), made in maps.items():
        memo = _memo(words, readings)
        for kind, entries in made.items():
            memo.maps[kind].update(entries)
        memo.dirty = True


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
    The copy is made the first time a text is not in the memo. `readings` are the words'
    pinyin (the glossary's), used for them in `pinyin`.
    """

    def __init__(self, words: Iterable[str] = (), readings: Iterable[tuple[str, str]] = ()) -> None:
        self._words = tuple(words)
        self._readings = tuple(readings)
        self._reading = dict(self._readings)
        self._tokenizer = None
        self._memo = _memo(self._words, self._readings)
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

    def _remembered(self, kind: str, text: str, make: Callable[[str], list[str]]) -> list[str]:
        return list(self._memo.recall(kind, text, lambda: make(text)))

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
        return [part for word in self.segment(text) for part in self._fine(word)]

    def pinyin(self, text: str, tones: bool = True) -> str:
        """Pinyin grouped by word, for the search index: 商业秘密 -> 'shāngyè mìmì' (tones=False:
        'shangye mimi'). A word with a reading (a glossary term) is written as the reading
        has it; other words by their dictionary parts.

        Syllables starting with a, o or e inside a word take an apostrophe (bàn'àn);
        punctuation between Han runs is kept as it is. Remembered per text.
        """
        key = (text, tones)
        if key not in self._pinyin:
            made = self._memo.recall("py", f"{int(tones)}{text}", lambda: self._make_pinyin(text, tones))
            self._pinyin[key] = str(made)
        return self._pinyin[key]

    def _make_pinyin(self, text: str, tones: bool) -> str:
        out: list[str] = []
        pos = 0
        for run in HAN_RUN.finditer(text):
            if run.start() > pos:
                out.append(text[pos:run.start()].strip())
            for word in self.segment(run.group(0)):
                if word in self._reading:  # a glossary term: as the glossary writes it
                    out.append(self._reading[word] if tones else strip_tones(self._reading[word]).lower())
                    continue
                out += [_word_pinyin(part, tones) for part in self._fine(word)]
            pos = run.end()
        if pos < len(text):
            out.append(text[pos:].strip())
        return _commas(" ".join(p for p in out if p))

    def _fine(self, word: str) -> list[str]:
        if len(word) <= 2:
            return [word]
        return _tile(word, set(self._jieba.cut_for_search(word, HMM=False)) - {word}) or [word]


@lru_cache(maxsize=4)
def segmenter(words: tuple[str, ...] = (), readings: tuple[tuple[str, str], ...] = ()) -> Segmenter:
    """The segmenter for a set of words (and their pinyin), made once per process (keyed by
    the words themselves, so it cannot go stale)."""
    return Segmenter(words, readings)


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


def _join_syllables(syllables: list[str]) -> str:
    """One word's syllables written together, with an apostrophe before a syllable starting
    with a, o or e (bàn'àn, Xī'ān)."""
    joined = syllables[0]
    for syl in syllables[1:]:
        joined += ("'" if strip_tones(syl)[:1].lower() in ("a", "o", "e") else "") + syl
    return joined


# Readings the standard dictionary (Xiandai Hanyu Cidian) gives and pypinyin does not: a
# neutral tone, or the sense the edition's texts use. Only words every use of which in a
# legal text takes this reading; a reading that depends on the sentence is the glossary's
# `pinyin:` override (以办案为中心: 为 is wéi).
READINGS = {
    "知识": ["zhī", "shi"],       # neutral tone on the second syllable
    "队伍": ["duì", "wu"],        # neutral tone on the second syllable
    "电子": ["diàn", "zǐ"],       # 子 is a full morpheme here (electron), not the suffix -zi
    "正当": ["zhèng", "dàng"],    # proper, legitimate (不正当竞争); zhèngdāng is 'just when'
}


def _syllables(word: str, tones: bool) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    if word in READINGS:
        return READINGS[word] if tones else [strip_tones(s) for s in READINGS[word]]
    return lazy_pinyin(word, style=Style.TONE if tones else Style.NORMAL, errors="default")


def _word_pinyin(word: str, tones: bool = True) -> str:
    return _join_syllables(_syllables(word, tones))


def _commas(text: str) -> str:
    return re.sub(r" ?[、，,] ?", ", ", text).strip()


# Two-character compound surnames: the rest of a name of three or four characters is the given name.
COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                     "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "呼延", "申屠", "澹台", "万俟"}


@lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech tagger on its own dictionary (no words added): it says which
    words are names of persons (nr), places (ns) and organisations (nt)."""
    import jieba.posseg

    _dictionary()
    return jieba.posseg.POSTokenizer(jieba.dt)


def _capitalised(pinyin: str) -> str:
    return pinyin[:1].upper() + pinyin[1:]


def _ortho_run(run: str) -> list[tuple[str, str]]:
    """(word, pinyin) for the words of a Han run, by GB/T 16159 as far as rules can go:

    - words as jieba's dictionary has them, written apart; one of four or more characters
      (a name of one concept) is written by its dictionary parts (知识产权 -> zhīshi chǎnquán;
      中华人民共和国 -> Zhōnghuá Rénmín Gònghéguó) where they cover it;
    - a suffix jieba tags as such (式, 者) joins the word before it (chuāntòushì);
    - names of persons: surname and given name apart, each capitalised (Xí Jìnpíng); names of
      places and organisations: each word capitalised (Zhōngguó, Zuìgāo Rénmín Jiǎncháyuàn);
    - readings by word (pypinyin's phrases, and READINGS above).
    What no rule can know (为 as wéi, a common noun jieba takes for a name) is the glossary's
    `pinyin:` override."""
    out: list[tuple[str, str]] = []
    for pair in _tagger().cut(run, HMM=False):
        word, flag = pair.word, pair.flag
        if flag == "k" and out:  # a suffix: written with the word before it
            before, py = out.pop()
            out.append((before + word, _join_syllables([py, _word_pinyin(word)])))
            continue
        if flag in ("nr", "nrfg") and 2 <= len(word) <= 3:  # a person's name (jieba takes some
            cut = 2 if word[:2] in COMPOUND_SURNAMES and len(word) > 2 else 1  # longer words for one)
            out += [(part, _capitalised(_word_pinyin(part))) for part in (word[:cut], word[cut:])]
            continue
        parts = [word]
        if len(word) >= 4:
            tiled = _tile_with_singles(word, set(_dictionary().cut_for_search(word, HMM=False)) - {word})
            parts = tiled or [word]
        proper = flag in ("ns", "nt", "nrt")  # places, organisations, transliterated names
        out += [(part, _capitalised(_word_pinyin(part)) if proper else _word_pinyin(part)) for part in parts]
    return out


def _tile_with_singles(word: str, parts: set[str]) -> list[str] | None:
    """`word` cut into known parts, a character no part covers standing alone (党的领导 ->
    党 的 领导): of all such cuts, the one with the fewest lone characters, then the fewest
    parts (刑事犯罪 -> 刑事 犯罪, not 刑事犯 罪). None unless it uses a part of two or more."""
    best: list[tuple[int, int, list[str]] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0, [])
    for i in range(len(word)):
        here = best[i]
        if here is None:
            continue
        singles, count, cut = here
        for j in range(i + 1, len(word) + 1):
            piece = word[i:j]
            if j - i > 1 and piece not in parts:
                continue
            score = (singles + (j - i == 1), count + 1, cut + [piece])
            there = best[j]
            if there is None or score[:2] < there[:2]:
                best[j] = score
    last = best[len(word)]
    assert last is not None  # a character may always stand alone, so some cut reaches the end
    result = last[2]
    return result if len(result) > 1 and any(len(p) > 1 for p in result) else None


def orthographic_words(text: str) -> list[tuple[str, str]]:
    """(Chinese, pinyin) of each word of `text` as GB/T 16159 writes it (see _ortho_run);
    other characters (、) stand as they are. Remembered in the store."""
    return [(str(zh), str(py)) for zh, py in _memo(()).recall("ortho", text, lambda: _make_ortho(text))]


def _make_ortho(text: str) -> list[list[str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    for run in HAN_RUN.finditer(text):
        if run.start() > pos and text[pos:run.start()].strip():
            out.append((text[pos:run.start()].strip(), text[pos:run.start()].strip()))
        out += _ortho_run(run.group(0))
        pos = run.end()
    if text[pos:].strip():
        out.append((text[pos:].strip(), text[pos:].strip()))
    return [list(pair) for pair in out]


def orthographic(text: str) -> str:
    """`text` in pinyin as GB/T 16159 writes it: 以办案为中心 -> 'yǐ bàn'àn wèi zhōngxīn' (a
    reading that depends on the sentence, here 为 = wéi, needs the glossary's override);
    习近平 -> 'Xí Jìnpíng'; 知识产权 -> 'zhīshi chǎnquán'."""
    return _commas(" ".join(py for _, py in orthographic_words(text)))


def plain_pinyin(text: str) -> str:
    """Toneless pinyin by pypinyin's own phrases, without jieba (for sorting names); kept in the
    store like the rest, so that a store-warm build does not import pypinyin to sort the laws."""
    def make() -> str:
        from pypinyin import Style, lazy_pinyin

        return " ".join(lazy_pinyin(text, style=Style.NORMAL))
    return str(_memo(()).recall("plain", text, make))


def strip_tones(text: str) -> str:
    """'shāngyè' -> 'shangye' (ü kept as u for typing on a plain keyboard)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("ü", "u")


def pinyin_sort_key(zh: str, pinyin_text: str) -> tuple[str, str, str]:
    """Dictionary order: toneless pinyin, then tone numbers, then the characters."""
    toneless = strip_tones(pinyin_text).replace(" ", "").lower()

    def make() -> str:
        from pypinyin import Style, lazy_pinyin

        return "".join(lazy_pinyin(zh, style=Style.TONE3, neutral_tone_with_five=True))
    return (toneless, str(_memo(()).recall("tone3", zh, make)), zh)


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


ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNIT = {"十": 10, "百": 100, "千": 1000}


def parse_zh_number(text: str) -> int | None:
    """The one reader of Chinese numerals (measure numbers, article numbers): '八' -> 8, '十二' -> 12,
    '二十一' -> 21, '二百一十九' -> 219, '一百零五' -> 105, '一千一百八十五' -> 1185 (below 10,000);
    None if `text` is not such a numeral ('', '二二', '十十', '十百')."""
    if not text:
        return None
    total, digit, above = 0, None, 10_000
    for ch in text:
        if ch in ZH_DIGIT:
            if digit:  # two digits in a row; a 零 may stand before one (一百零五)
                return None
            digit = ZH_DIGIT[ch]
        elif ch in ZH_UNIT:
            unit = ZH_UNIT[ch]
            if unit >= above or digit == 0:  # units fall from left to right, and 零 takes none
                return None
            total += (1 if digit is None else digit) * unit
            digit, above = None, unit
        else:
            return None
    return total + (digit or 0)
