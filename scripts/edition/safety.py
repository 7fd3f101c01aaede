"""Untrusted content: what contributed Markdown may not contain.

Pages are contributed by pull request and rendered as HTML, so `make check`
rejects, with file and line, anything that would run code or pull in other
sites: <script>, <iframe>, <object>, <embed>, inline event handlers (on...=),
javascript: URLs, and images from other hosts. Code spans and fenced code
blocks are exempt, so the rules can be documented in Markdown.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError

RULES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"<\s*script\b", re.I), "raw <script>", "pages may not carry scripts; site behaviour belongs in docs/assets/"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe>", "link to the page instead of embedding it"),
    (re.compile(r"<\s*(object|embed|applet)\b", re.I), "raw <object>/<embed>", "link to the file instead of embedding it"),
    (re.compile(r"<\s*(base|meta|link)\b", re.I), "raw <base>/<meta>/<link>", "page metadata is set by the theme, not by pages"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on...=)", "remove the handler; pages may not run code"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL", "use an ordinary link"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//", re.I), "an image from another host",
     "put the image in docs/assets/ and link it relatively"),
    (re.compile(r"<\s*img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//", re.I), "an image from another host",
     "put the image in docs/assets/ and link it relatively"),
    (re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//", re.I), "a style loading from another host",
     "pages may not load resources from other sites"),
]


def _blank_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping line numbers."""
    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    text = re.sub(r"^(```|~~~).*?^\1[ \t]*$", blank, text, flags=re.M | re.S)
    return re.sub(r"`[^`\n]+`", blank, text)


def scan_text(path: Path, text: str) -> list[ContentError]:
    errors: list[ContentError] = []
    clean = _blank_code(text)
    for pattern, what, fix in RULES:
        for m in pattern.finditer(clean):
            line = clean.count("\n", 0, m.start()) + 1
            errors.append(ContentError(path, line, f"{what} is not allowed in contributed pages", fix, "unsafe"))
    return errors


def scan_docs(docs: Path) -> list[ContentError]:
    errors: list[ContentError] = []
    for path in sorted(docs.rglob("*.md")):
        errors += scan_text(path, path.read_text(encoding="utf-8"))
    return errors
