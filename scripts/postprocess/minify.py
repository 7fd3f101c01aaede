"""Minify the edition's own stylesheet and scripts as the site is built.

The sources in docs/assets/ stay readable and commented for contributors; readers
download them without comments and indentation (rcssmin and rjsmin, the
minifiers mkdocs-minify-plugin also relies on). Material's own assets ship minified.
"""
from __future__ import annotations

import re

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify(name: str, text: str) -> str:
    """`text` minified according to the extension of `name`; other files unchanged."""
    for ext, fn in MINIFIERS.items():
        if name.endswith(ext):
            return fn(text).strip() + "\n"
    return text


_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.S | re.I)


def collapse_html(html: str) -> str:
    """Drop the template indentation between tags: each run of whitespace between two tags
    becomes one newline, which renders the same. <pre>, <textarea> and <script> are kept
    byte for byte (their whitespace is content; the CSP hashes scripts)."""
    parts = _KEEP.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r">\s*\n\s*<", ">\n<", parts[i])
    return "".join(parts)
