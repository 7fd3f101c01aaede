"""Minify the edition's own stylesheet and scripts as the site is built.

The sources in docs/assets/ stay readable and commented for contributors; readers
download them without comments and indentation (rcssmin and rjsmin, the
minifiers mkdocs-minify-plugin also relies on). Material's own assets ship minified.

rcssmin is not a CSS parser, and it gets some values wrong: it turns print.css's
`target-counter(attr(href url), page)` into `target-counter(attr(href url,page)`, an
unclosed function that swallows every rule after it (the PDF lost its whole book layout
so). A build publishes the minified CSS only where its brackets still balance, a check that
costs nothing (else the source, as written); the unit tests read every published stylesheet
back with tinycss2 (tests/unit/test_postprocess.py) and hold it to its source token by token, which would take
a tenth of a second on every build.
"""
from __future__ import annotations

import re

import rcssmin
import rjsmin


def balanced(css: str) -> bool:
    """Every bracket closed in order (strings skipped; a stylesheet without comments)."""
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for token in re.finditer(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|[()\[\]{}]', css):
        c = token.group(0)
        if c in "([{":
            stack.append(c)
        elif c in pairs:
            if not stack or stack.pop() != pairs[c]:
                return False
    return not stack


def minify_css(text: str) -> str:
    """`text` minified, or as it is where the minifier broke its brackets."""
    small = rcssmin.cssmin(text).strip() + "\n"
    return small if balanced(small) else text


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
    becomes one newline, which renders the same, beside a <pre>, <textarea> or <script> too.
    Those are kept byte for byte (their whitespace is content; the CSP hashes scripts)."""
    parts = _KEEP.split(html)
    for i in range(0, len(parts), 2):
        part = re.sub(r">\s*\n\s*<", ">\n<", parts[i])
        if 0 < i < len(parts) - 1 and not part.strip() and "\n" in part:  # between two kept elements
            part = "\n"
        if i > 0:  # after a kept element, which ends with a tag
            part = re.sub(r"\A\s*\n\s*(?=<)", "\n", part)
        if i < len(parts) - 1:  # before one, which starts with a tag
            part = re.sub(r"(?<=>)\s*\n\s*\Z", "\n", part)
        parts[i] = part
    return "".join(parts)
