"""Chinese line breaking the browser cannot know: personal names are never split across lines.

PRC editorial practice keeps a person's name on one line (a reader notices 以习 | 近平同志),
and the browser breaks Chinese between any two characters. The names the edition prints
are few and known; each is wrapped in a no-break span wherever it stands in text (never
inside a tag or an attribute), in the source text and in the Chinese commentary.
"""
from __future__ import annotations

import re

#: Names printed in the edition (the text, the witnesses, the commentary).
NAMES = ("习近平", "宫鸣", "宋建立", "张璁", "余敬", "郑新俭", "张相军")
_NAME = re.compile("|".join(NAMES))
_TAG = re.compile(r"<[^>]*>")


def keep_names(html: str) -> str:
    """`html` (or Markdown with inline HTML) with each name wrapped in <span class="oe-nw">."""
    if not _NAME.search(html):
        return html
    out, pos = [], 0
    for m in _TAG.finditer(html):
        out.append(_NAME.sub(r'<span class="oe-nw">\g<0></span>', html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_NAME.sub(r'<span class="oe-nw">\g<0></span>', html[pos:]))
    return "".join(out)
