"""Commentary as a structure: its paragraphs (the margin-numbered notes), lengths and checks.

A page holds an English commentary (after `## Commentary`) and a Chinese one
(after `## 评注`). Each is free Markdown, but lawyers cite commentary by its
margin number, so each top-level block (paragraph, list, table, quotation) is a
note with a number, N 1, N 2 …, counted here and never typed by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
FENCE = re.compile(r"^(```|~~~)")
LANGS = ("en", "zh")
#: The heading that opens each language's commentary on a page.
HEADINGS = {"en": "## Commentary", "zh": "## 评注"}


@dataclass(frozen=True)
class Note:
    """One margin-numbered paragraph of a commentary."""

    n: int
    text: str
    line: int  # file line of the note's first line


def notes(text: str, first_line: int) -> list[Note]:
    """Split commentary Markdown into its top-level blocks; `first_line` is the file line of text[0]."""
    out: list[Note] = []
    block: list[str] = []
    start = 0
    fenced = False
    lines = text.split("\n")
    for k, line in enumerate(lines + [""]):
        if FENCE.match(line.strip()):
            fenced = not fenced
        if line.strip() or fenced:
            if not block:
                start = k
            block.append(line)
        elif block:
            out.append(Note(len(out) + 1, "\n".join(block).strip(), first_line + start))
            block = []
    return out


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def han_count(text: str) -> int:
    return len(HAN.findall(text))


# --- ASCII punctuation inside Chinese sentences ----------------------------------------------

ASCII_PUNCT = re.compile(r"[,.;:?!()\"]")
FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", '"': "“”"}
# Stretches where ASCII punctuation is Markdown or Latin text, not Chinese prose.
_MASKS = [
    re.compile(r"\]\([^)\s]*\)"),          # a link's target: ](08.md#m08-n3)
    re.compile(r"`[^`\n]*`"),               # code
    re.compile(r"<[^>\n]*>"),               # an HTML tag
    re.compile(r"https?://\S+"),            # a bare address
    re.compile(r"\d[.,:]\d"),               # 65.2%, 1,200, 10:30
    re.compile(r"[A-Za-z][A-Za-z0-9 .,'’:;!?()-]*[A-Za-z0-9.)]"),  # a Latin phrase: (TRIPS Agreement), e.g.
]
_CJK_CONTEXT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’《》]")


def ascii_punctuation(text: str, first_line: int) -> list[tuple[int, str, str]]:
    """(file line, the mark, a short excerpt) for each ASCII mark standing in Chinese prose.

    A mark counts as Chinese prose when the nearest non-space character on either
    side is a Han character or full-width punctuation; Markdown syntax, code,
    addresses, numbers and Latin phrases are left alone.
    """
    found: list[tuple[int, str, str]] = []
    for k, line in enumerate(text.split("\n")):
        masked = line
        for rx in _MASKS:
            masked = rx.sub(lambda m: "\0" * len(m.group(0)), masked)
        for m in ASCII_PUNCT.finditer(masked):
            i = m.start()
            left = masked[:i].rstrip(" \0")
            right = masked[i + 1:].lstrip(" \0")
            if (left and _CJK_CONTEXT.match(left[-1])) or (right and _CJK_CONTEXT.match(right[0])):
                found.append((first_line + k, m.group(0), line[max(0, i - 8):i + 9]))
    return found


# --- conjectural numbers -------------------------------------------------------------------

# "measure 8", "measures 3 to 6", "Measure (12)"; （八） in Chinese (not 修正案（十一）, 解释（三）)
MEASURE_EN = re.compile(r"\b[Mm]easures?\s+\(?(\d+)\)?")
MEASURE_ZH = re.compile(r"(?<!修正案)(?<!解释)(?<!》)（([二三四五六七八九十]{1,3})）")
QUALIFIED_EN = re.compile(r"outline|conjectur", re.I)
QUALIFIED_ZH = re.compile(r"推测|没有文献|未见|无文献")


def _sentence(text: str, start: int, end: int, stops: str) -> str:
    left = max(text.rfind(s, 0, start) for s in stops)
    rights = [i for i in (text.find(s, end) for s in stops) if i >= 0]
    return text[left + 1: min(rights) if rights else len(text)]


def bare_numbers(text: str, lang: str, attested: set[int]) -> list[tuple[int, str]]:
    """(offset, quote) of each measure number given as if it were the document's.

    No witness shows the number of a measure after (1): a commentary that gives one must say,
    in the same sentence, that it belongs to this edition's conjectural outline."""
    found = []
    if lang == "en":
        for m in MEASURE_EN.finditer(text):
            if int(m.group(1)) in attested:
                continue
            if not QUALIFIED_EN.search(_sentence(text, m.start(), m.end(), ".;!?")):
                found.append((m.start(), m.group(0)))
    else:
        from .zh import parse_zh_number  # noqa: PLC0415
        for m in MEASURE_ZH.finditer(text):
            if (parse_zh_number(m.group(1)) or 0) in attested:
                continue
            if not QUALIFIED_ZH.search(_sentence(text, m.start(), m.end(), "。；！？")):
                found.append((m.start(), m.group(0)))
    return found
