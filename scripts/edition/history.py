"""A commentary's change history: which commits changed it in substance.

Git is asked once per build (scripts/vcs.py) for every commit that touched a
measure page, with the page's text before and after. Here, with no git and no
I/O, each page is cut into its sections (front matter and text, the English
commentary after `## Commentary`, the Chinese after `## 评注`) and a commit
counts for a commentary only when it changed that commentary's section: a
commit that corrects a translation or the front matter is not part of the
commentary's history, and one that changes only the Chinese commentary is not
part of the English one's.

Not substantive, and so left out:
- a change that only re-wraps or re-spaces the Markdown (whitespace inside a
  paragraph is normalised before the sections are compared);
- a commit its author marked typo-only: a subject line that starts with
  `[typo]`, or a `Change-Type: typo` trailer in the message (CONTRIBUTING.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .commentary import MARGIN
from .paths import FILE_RE, LANGS, MEASURES

COMMENTARY_HEADING = re.compile(r"^##\s+Commentary\s*$")
COMMENTARY_ZH_HEADING = re.compile(r"^##\s+评注\s*$")
#: The marks of a typo-only commit (case-insensitive): a subject prefix or a trailer.
TYPO_PREFIX = re.compile(r"^\s*\[typo\]", re.I)
TYPO_TRAILER = re.compile(r"^Change-Type:\s*typo\s*$", re.I | re.M)


@dataclass(frozen=True)
class Revision:
    """One commit as git reports it: who, when, what it said, and the measure pages it touched.

    `files` maps a repository path to its text (before, after); None where the file did
    not exist on that side."""

    commit: str  # short hash
    date: str  # author date, YYYY-MM-DD
    author: str
    subject: str
    message: str
    files: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """One substantive change to a page's commentary, and which of its commentaries it changed."""

    date: str
    author: str
    summary: str
    commit: str
    languages: tuple[str, ...]  # 'en', 'zh' or both, in that order


def is_typo(message: str) -> bool:
    """True for a commit its author marked as typo-only (not listed in any history)."""
    subject = message.lstrip().split("\n", 1)[0]
    return bool(TYPO_PREFIX.match(subject) or TYPO_TRAILER.search(message))


def sections(text: str | None) -> dict[str, str]:
    """The two commentaries of a page file, each normalised ('' when absent).

    The same headings as the page parser (scripts/edition/page.py) divide the file."""
    out = {lang: "" for lang in LANGS}
    if not text:
        return out
    lines = text.replace("\r\n", "\n").split("\n")
    en = next((k for k, line in enumerate(lines) if COMMENTARY_HEADING.match(line.strip())), None)
    if en is None:
        return out
    zh = next((k for k in range(en + 1, len(lines)) if COMMENTARY_ZH_HEADING.match(lines[k].strip())), None)
    out["en"] = normalise("\n".join(lines[en + 1:zh]))
    if zh is not None:
        out["zh"] = normalise("\n".join(lines[zh + 1:]))
    return out


def normalise(markdown: str) -> str:
    """Paragraphs with their inner whitespace collapsed and their margin-number tokens left out:
    re-wrapping a paragraph, or writing down the number it already had, changes nothing."""
    blocks = re.split(r"\n\s*\n", markdown.strip())
    return "\n\n".join(" ".join(MARGIN.sub("", block.strip()).split()) for block in blocks if block.strip())


def page_number(path: str) -> int | None:
    """'docs/measures/08.md' -> 8, 'docs/measures/preamble.md' -> 0; None for any other file."""
    prefix = f"docs/{MEASURES}/"
    if not path.startswith(prefix):
        return None
    m = FILE_RE.match(path[len(prefix):])
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else 0


def commentary_history(revisions: Iterable[Revision]) -> dict[int, list[Change]]:
    """Page number -> the substantive changes to its commentaries, newest first (git's order)."""
    out: dict[int, list[Change]] = {}
    for rev in revisions:
        if is_typo(rev.message):
            continue
        for path, (before, after) in sorted(rev.files.items()):
            number = page_number(path)
            if number is None or after is None:  # not a measure page, or the page was removed
                continue
            old, new = sections(before), sections(after)
            changed = tuple(lang for lang in LANGS if new[lang] != old[lang] and new[lang])
            if changed:
                out.setdefault(number, []).append(Change(rev.date, rev.author, rev.subject, rev.commit, changed))
    return out


def history_of(changes: list[Change], lang: str) -> list[Change]:
    """The changes to one language's commentary."""
    return [c for c in changes if lang in c.languages]
