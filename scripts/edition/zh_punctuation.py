"""The Chinese punctuation rule: no ASCII punctuation inside Chinese prose (，。：, not , . :).

`make check` applies it to the Chinese commentary (scripts/edition/page.py); FULL_WIDTH names
the mark to write instead. (The built Chinese interface is walked for the same fault by the
tests, tests/zh_walk.py.) This is a module of its own, not part of zh.py, because zh.py's
bytes key the stored results of jieba and pypinyin (scripts/edition/cache.py): an edit to this
rule must not discard them.
"""
from __future__ import annotations

import re

from .zh import CJK_PUNCT_CLASS, FULL_WIDTH_CLASS, HAN_CLASS

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
_CJK_CONTEXT = re.compile(f"[{CJK_PUNCT_CLASS}{HAN_CLASS}{FULL_WIDTH_CLASS}“”‘’《》]")


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
