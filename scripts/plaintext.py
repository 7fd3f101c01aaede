"""Inline Markdown as plain text, for the data exports and the search index.

Above the content model, which renders nothing: this renders Markdown (to throw
the markup away), so it sits beside the renderers that need it.
"""
from __future__ import annotations

from functools import lru_cache

import markdown
from lxml import html as lxml_html

_MD = markdown.Markdown()  # one converter, reset per text: building one costs more than converting


@lru_cache(maxsize=4096)
def plain(md_text: str | None) -> str | None:
    """Markdown inline text to plain text (links keep their words, not targets).

    Cached: the exports and both interfaces' search indexes ask for the same texts.
    """
    if md_text is None:
        return None
    rendered = _MD.reset().convert(md_text)
    if not rendered.strip():
        return ""
    return " ".join(lxml_html.fromstring(f"<div>{rendered}</div>").text_content().split())
