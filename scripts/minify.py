"""Minify the edition's own stylesheet and scripts as the site is built.

The sources in docs/assets/ stay readable and commented for contributors; readers
download them without comments and indentation (rcssmin and rjsmin, the
minifiers mkdocs-minify-plugin also relies on). Material's own assets ship minified.
"""
from __future__ import annotations

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify(name: str, text: str) -> str:
    """`text` minified according to the extension of `name`; other files unchanged."""
    for ext, fn in MINIFIERS.items():
        if name.endswith(ext):
            return fn(text).strip() + "\n"
    return text
