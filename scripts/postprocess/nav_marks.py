"""A compact status mark after each measure's title in Material's navigation.

The navigation takes plain-text titles from mkdocs.yml's `nav`, so a measure's status
could only be a word appended to its title ("… [conjecture]" on 19 of 22 entries, until
readers stop seeing it). Instead the titles stay bare and, in the finished page, each
navigation entry that leads to a measure gets the mark the build made for it (a glyph
named for screen readers). Entries are recognised by their address: a measure's page is
`…/NN/` or `…/preamble/`; the current page's own entries (`./`) by the page's address.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from html import unescape

# Material's navigation entry: a link (or, for the current page, the label that folds its
# table of contents) holding the title in an ellipsis span.
_ENTRY = re.compile(r'(<(?:a href="(?P<href>[^"]*)"|label) class="md-nav__link(?: md-nav__link--active)?"'
                    r'(?: for="[^"]*")?(?: id="[^"]*")?(?: tabindex="[^"]*")?>\s*'
                    r'<span class="md-ellipsis">\s*)(?P<title>[^<]*?)(\s*</span>)')
_SLUG = re.compile(r"(?:^|/)(preamble|\d{2,3})/(?:index\.html)?(?:#.*)?$")


def add_nav_marks(html: str, marks: Mapping[str, str], current: str | None,
                  sections: Mapping[str, str] | None = None) -> str:
    """`marks`: slug ('08', 'preamble') -> the mark's HTML; `current`: the slug of this page, if a measure;
    `sections`: a section's title as the navigation shows it (a part) -> its mark."""
    if "md-nav__link" not in html or not (marks or sections):
        return html

    def repl(m: re.Match[str]) -> str:
        href, title = m.group("href"), unescape(m.group("title").strip())
        if sections and title in sections:
            mark = sections[title]
        elif href is None and 'for="__toc"' not in m.group(1):  # a section's label, not a page
            mark = ""
        else:
            if href is None or href in ("./", ""):
                slug = current
            else:
                found = _SLUG.search(href)
                slug = found.group(1) if found else None
            mark = marks.get(slug or "", "")
        if not mark:
            return m.group(0)
        return f"{m.group(1)}{m.group('title').rstrip()} {mark}{m.group(4)}"
    return _ENTRY.sub(repl, html)
