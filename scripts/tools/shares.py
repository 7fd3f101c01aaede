"""The README's table of attested shares: generated from the apparatus, never typed by hand.

The share of each measure's Chinese text that grade A/B witnesses attest is a fact about
the edition's content, so it changes only when the text or its attestations change, and
those are locked: `make lock` rewrites this table together with the lock, and `make check`
fails when the README's table is not the one the pages give.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..edition import Edition
from ..edition.errors import ContentError

BEGIN, END = "<!-- shares:begin -->", "<!-- shares:end -->"
BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)


def _pct(share: float) -> str:
    value = share * 100
    return "<1%" if 0 < value < 1 else f"{value:.0f}%"


def shares_table(edition: Edition) -> str:
    """The Markdown between the markers: one row per page, and the whole document."""
    rows = ["| page | heading | attested (A–B) |", "|---|---|---:|"]
    for page in edition.corpus.ordered():
        name = "Preamble" if page.is_preamble else f"({page.number}) {page.title['en']}"
        status = page.heading_status or "–"
        rows.append(f"| {name} | {status} | {_pct(edition.attested_share(page.number))} |")
    rows.append(f"| **whole document** (title, part titles, every paragraph) | | **{_pct(edition.attested_share())}** |")
    note = ("_Generated from the apparatus by `make lock` (which rewrites it with the source lock); "
            "`make check` fails when it is out of date. Share: the Han characters of a page's Chinese text "
            "that a grade A or B witness attests, over all its Han characters._")
    return "\n".join([BEGIN, note, "", *rows, END])


def check_readme(root: Path, edition: Edition) -> list[ContentError]:
    path = root / "README.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    m = BLOCK.search(text)
    fix = "run `make lock` (it rewrites the table from the pages), and commit README.md with the lock"
    if m is None:
        return [ContentError(path, 1, f"README.md has no table of attested shares ({BEGIN} … {END})", fix, "readme")]
    if m.group(0) != shares_table(edition):
        line = text.count("\n", 0, m.start()) + 1
        return [ContentError(path, line, "the README's table of attested shares is not the one the pages give", fix,
                             "readme")]
    return []


def write_readme(root: Path, edition: Edition) -> bool:
    """Rewrite the table in place; True when README.md changed."""
    path = root / "README.md"
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    new = BLOCK.sub(lambda m: shares_table(edition), text) if BLOCK.search(text) else text
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
