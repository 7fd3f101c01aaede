"""How large a page, a paragraph and a commentary may be (CONTRIBUTING.md, "Limits").

Every page is rendered in two interfaces, indexed for search in both and printed
whole, so size costs every build and every reader: a 5 MB commentary took the build
from 2.5 s to 23 s and each search index from 187 KB to 5.4 MB. The limits leave
generous room (six to twelve times today's largest) and stop what no edition needs.
Largest when they were set: a page 22.7 KB (08.md), a Chinese paragraph 258
characters and an English one 1,096 (pre-1), a commentary 9,337 characters (08.md).
"""
from __future__ import annotations

#: A page file (a measure page or a hand-written page), in bytes of UTF-8.
PAGE_BYTES = 300_000
#: A source paragraph (Chinese), in characters.
PARAGRAPH_ZH_CHARS = 3_000
#: Its English translation, in characters.
PARAGRAPH_EN_CHARS = 10_000
#: A commentary in one language (after '## Commentary' or '## 评注'), in characters.
COMMENTARY_CHARS = 60_000


def size(n: int, unit: str = "bytes") -> str:
    """'200 KB' / '3,000 characters': a limit or a size, as the messages state it."""
    if unit == "bytes":
        number, suffix = (n / 1_000_000, "MB") if n >= 1_000_000 else (n / 1000, "KB")
        return f"{number:.1f}".removesuffix(".0") + " " + suffix
    return f"{n:,} characters"


def crossing(text: str, limit: int) -> int:
    """The line on which `text` grows past `limit` bytes of UTF-8 (where to start cutting)."""
    total = 0
    for number, line in enumerate(text.split("\n"), 1):
        total += len(line.encode("utf-8")) + 1
        if total > limit:
            return number
    return 1


SIZE_FIX = "shorten it; the limits are in CONTRIBUTING.md, 'Limits'"
