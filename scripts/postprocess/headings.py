"""A heading's ¶ permalink stays on the line of the heading's last characters.

The permalink hangs after the last word and takes no room of its own (edition.css), but
where a line may break between the last character and the ¶ is the engine's choice: a
Chinese title fills its lines to the last character, and Chromium 150 puts the ¶ of
"第二部分　坚持以办案为中心，…〔据报道〕" on a line by itself at 390 px where 156 does not.
So every heading's last characters (the last Latin word, or the last two Han characters
with their closing punctuation, or a closing inline element such as the status badge) and
its permalink are wrapped in one unit that does not break (`.oe-hl`, white-space: nowrap):
no engine can then separate them, whatever its line-breaking rules.
"""
from __future__ import annotations

import re

from ..edition.zh import CJK_PUNCT_CLASS, FULL_WIDTH_CLASS, HAN_CLASS

HEADING = re.compile(r'(<h([1-6])\b[^>]*>)(.*?)(<a class="headerlink"[^>]*>[^<]*</a>)(\s*</h\2>)', re.S)
# one character of text: an entity or a single code point
CHAR = re.compile(r"&#?\w+;|.", re.S)
CLOSING = set("〕）」』】》〉”’。，、；：！？)]}\"'.,;:!?")
HAN = re.compile(f"[{HAN_CLASS}{CJK_PUNCT_CLASS}{FULL_WIDTH_CLASS}]")  # Chinese text, its punctuation included
LAST_ELEMENT = re.compile(r"<(span|code|em|strong|abbr|sup|sub)\b[^>]*>[^<]*</\1>$")
UNIT = '<span class="oe-hl">{tail}{link}</span>'


def _tail(text: str) -> int:
    """Where the unbreakable tail of a heading's text begins (an offset into `text`)."""
    chars = [(m.start(), m.group(0)) for m in CHAR.finditer(text)]
    k = len(chars)
    while k and chars[k - 1][1] in CLOSING:  # closing marks go with what they close
        k -= 1
    if k and HAN.match(chars[k - 1][1]):
        k = max(0, k - 2)  # the last two Han characters: a line may break between any two
    else:
        while k and not chars[k - 1][1].isspace() and not HAN.match(chars[k - 1][1]):
            k -= 1  # the last word
    return chars[k][0] if k < len(chars) else len(text)


def _join(match: re.Match[str]) -> str:
    start, _, inner, link, end = match.groups()
    element = LAST_ELEMENT.search(inner)
    if element:
        cut = element.start()
    else:
        text_start = inner.rfind(">") + 1
        cut = text_start + _tail(inner[text_start:])
    if cut >= len(inner):
        return match.group(0)
    return start + inner[:cut] + UNIT.format(tail=inner[cut:], link=link) + end


#: The whole-document view (scripts/site/printview.py) is what `make pdf` prints: on paper the ¶ is
#: hidden, and Chromium builds the PDF's outline from the headings' inline boxes, repeating the words
#: before and inside the unit ("Part I. General Part I. General requirementsrequirements"), so it is
#: left as it is.
PRINT_VIEW = 'class="oe-text oe-print"'


def keep_permalinks_with_words(html: str) -> str:
    """Every heading's permalink joined to the heading's last characters in one unbreakable unit."""
    if 'class="headerlink"' not in html or PRINT_VIEW in html:
        return html
    return HEADING.sub(_join, html)
