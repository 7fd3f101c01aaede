"""Minify the edition's own stylesheet and scripts as the site is built.

The sources in docs/assets/ stay readable and commented for contributors; readers
download them without comments and indentation (rcssmin and rjsmin, the
minifiers mkdocs-minify-plugin also relies on). Material's own assets ship minified.

rcssmin is not a CSS parser, and it gets some values wrong: it turns print.css's
`target-counter(attr(href url), page)` into `target-counter(attr(href url,page)`, an
unclosed function that swallows every rule after it (the PDF lost its whole book layout
so). Minified CSS is therefore read back with tinycss2 and published only if it holds the
same tokens as its source; otherwise the source is published as it is.
"""
from __future__ import annotations

import re

import rcssmin
import rjsmin
import tinycss2


def css_tokens(text: str) -> list[str]:
    """The tokens of a stylesheet as a parser reads them, without whitespace, comments and the
    optional `;` before a closing brace: what minifying may change and nothing else."""
    out: list[str] = []

    def walk(nodes) -> None:
        for node in nodes:
            if node.type in ("whitespace", "comment"):
                continue
            if node.type == "function":
                out.append(f"{node.lower_name}(")
                walk(node.arguments)
            elif node.type in ("() block", "[] block", "{} block"):
                out.append(node.type)
                walk(node.content)
            else:
                out.append(node.serialize())
                continue
            while out[-1] == ";":
                out.pop()
            out.append("end")

    walk(tinycss2.parse_component_value_list(text, skip_comments=True))
    return out


def minify_css(text: str) -> str:
    """`text` minified, or as it is where the minifier would change what it says."""
    small = rcssmin.cssmin(text).strip() + "\n"
    return small if css_tokens(small) == css_tokens(text) else text


def minify(name: str, text: str) -> str:
    """`text` minified according to the extension of `name`; other files unchanged."""
    if name.endswith(".css"):
        return minify_css(text)
    if name.endswith(".js"):
        return rjsmin.jsmin(text).strip() + "\n"
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
