"""The commentary record (data/commentary.lock): what was published of each commentary.

Two promises rest on it. A margin number, once published, never moves to other text
and is never reused: the record lists every number each commentary has ever had, so a
number that vanishes without a withdrawal in the front matter is noticed. And every
substantive change reaches the commentary's reader-facing history: the record keeps a
fingerprint of each commentary's text as of its last recorded change, so text that
changed with no new entry under `changes:` is noticed.

    pre.en numbers 1 2 3 4 5 6 7 8
    pre.en text 0f3c…e1 changes 2

`make record` (scripts/tools/record.py) numbers new paragraphs and rewrites the record;
`make check` holds the pages against it. The record is keyed by paragraph-id prefix
('pre', 'm08'), as the source lock is, so the import of the official text rewrites it
with the pages it renumbers.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .commentary import MARGIN, Note, label_key
from .corpus import Corpus
from .errors import ContentError
from .history import normalise
from .page import Page
from .paths import LANGS, para_prefix

LEDGER = Path("data") / "commentary.lock"
HEADER = """\
# The commentary record: for each commentary (page and language), every margin number it has
# ever published, and a fingerprint of its text as of its last recorded change. make check holds
# the pages against it: a published number that no longer appears must be recorded as withdrawn,
# and a commentary whose text changed needs a new entry under 'changes:' in the front matter.
# Written by `make record` (python -m scripts record); do not edit by hand.
# See CONTRIBUTING.md, "Margin numbers" and "The history of a commentary".
"""
_LINE = re.compile(r"^(\S+)\.(en|zh) (numbers|text) (.*)$")


@dataclass
class Entry:
    """What the record holds for one commentary."""

    numbers: list[str] = field(default_factory=list)
    text: str | None = None  # the fingerprint
    changes: int = 0  # how many history entries the fingerprint was recorded with
    line: int = 0


def key(page: Page, lang: str) -> str:
    return f"{para_prefix(page.number)}.{lang}"


def fingerprint(page: Page, lang: str) -> str:
    """The commentary as readers read it (margin tokens and wrapping left out)."""
    text = normalise(page.commentary_in(lang))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_ledger(root: Path) -> tuple[dict[str, Entry], list[ContentError]]:
    path = root / LEDGER
    if not path.exists():
        return {}, []
    entries: dict[str, Entry] = {}
    errors: list[ContentError] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            errors.append(ContentError(path, n, f"unreadable line in the commentary record: {line[:60]!r}",
                                       "run `make record` to rewrite the record (never edit it by hand)", "record"))
            continue
        entry = entries.setdefault(f"{m.group(1)}.{m.group(2)}", Entry(line=n))
        if m.group(3) == "numbers":
            entry.numbers = m.group(4).split()
        else:
            text, _, rest = m.group(4).partition(" changes ")
            entry.text = text.strip()
            entry.changes = int(rest) if rest.strip().isdigit() else 0
    return entries, errors


def write_ledger(root: Path, entries: dict[str, Entry]) -> None:
    lines = [HEADER]
    for k in sorted(entries, key=_order):
        e = entries[k]
        lines.append(f"{k} numbers {' '.join(sorted(set(e.numbers), key=label_key))}")
        lines.append(f"{k} text {e.text} changes {e.changes}")
    (root / LEDGER).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _order(k: str) -> tuple[int, str]:
    prefix, _, lang = k.partition(".")
    return (0 if prefix == "pre" else int(prefix[1:]) if prefix[1:].isdigit() else 10**6, lang)


def withdrawn(page: Page, lang: str) -> set[str]:
    review = page.review(lang)
    return {w.n for w in review.withdrawn} if review else set()


def check_ledger(corpus: Corpus) -> list[ContentError]:
    """Every published number still stands or is withdrawn; every number standing is recorded;
    every commentary's text is the one recorded with its newest history entry."""
    entries, errors = read_ledger(corpus.root)
    path = corpus.root / LEDGER
    for page in corpus.ordered():
        for lang in LANGS:
            notes = [n for n in page.notes(lang) if n.n]
            if not page.commentary_in(lang).strip():
                continue
            entry = entries.get(key(page, lang))
            name = "English" if lang == "en" else "Chinese"
            if entry is None:
                errors.append(ContentError(page.path, page.commentary_first_line(lang),
                                           f"the {name} commentary is not in the commentary record",
                                           "run `make record` (it records its margin numbers and text)", "record"))
                continue
            standing = {n.n for n in notes}
            gone = [x for x in entry.numbers if x not in standing and x not in withdrawn(page, lang)]
            for x in gone:
                errors.append(ContentError(page.path, page.commentary_first_line(lang),
                                           f"N {x} of the {name} commentary was published and no longer appears; "
                                           "a margin number never moves to other text and is never reused",
                                           f"if the paragraph was removed on purpose, record it under "
                                           f"'commentary: {lang}: withdrawn:' ({{n: {x}, date: YYYY-MM-DD, now: <the "
                                           "number that now makes its point, if any>}); otherwise restore its "
                                           f"{{N {x}}} token", "margin"))
            for note in notes:
                if note.n not in entry.numbers:
                    errors.append(ContentError(page.path, note.line, f"N {note.n} of the {name} commentary is new and "
                                               "not yet in the commentary record", "run `make record`", "record"))
            review = page.review(lang)
            count = len(review.changes) if review else 0
            if entry.text != fingerprint(page, lang):
                if count > entry.changes:
                    errors.append(ContentError(page.path, page.commentary_first_line(lang),
                                               f"the {name} commentary has a new history entry that is not yet recorded",
                                               "run `make record`", "record"))
                else:
                    errors.append(ContentError(page.path, page.lines.line(["commentary", lang]) or page.body_line,
                                               f"the {name} commentary changed since its last recorded change",
                                               f"tell its readers what changed: add an entry at the top of 'commentary: "
                                               f"{lang}: changes:' ({{date: YYYY-MM-DD, by: [your name], summary: "
                                               "{en: …, zh: …}}), then run `make record`; for a typo fix with no "
                                               "change of substance, run `make record TYPO=1` instead", "history"))
    if corpus.errors:  # pages that did not load are left out, not reported as vanished
        return errors
    known = {key(p, lang) for p in corpus.ordered() for lang in LANGS if p.commentary_in(lang).strip()}
    for k in sorted(set(entries) - known, key=_order):
        prefix = k.split(".")[0]
        if not any(para_prefix(p.number) == prefix for p in list(corpus.ordered()) + list(corpus.former.values())):
            errors.append(ContentError(path, entries[k].line, f"the record names the commentary '{k}', which no page has",
                                       "run `make record` to rewrite the record", "record"))
    return errors


# --- make record -------------------------------------------------------------------------

@dataclass
class Outcome:
    """What `make record` did, and what it could not do."""

    numbered: list[str] = field(default_factory=list)  # 'docs/measures/12.md:88: N 5a'
    refused: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def free_labels(notes: list[Note], used: set[str]) -> tuple[dict[int, str], list[int]]:
    """A number for every paragraph without one (by index): the next whole number at the end,
    a letter after the number before it elsewhere (N 5a after N 5), never one in `used`.
    Returns (index -> label, indexes that cannot be numbered without moving another number)."""
    out: dict[int, str] = {}
    impossible: list[int] = []
    taken = set(used) | {n.n for n in notes if n.n}
    for i, note in enumerate(notes):
        if note.n:
            continue
        before = next((out.get(j) or notes[j].n for j in range(i - 1, -1, -1) if out.get(j) or notes[j].n), None)
        after = next((notes[j].n for j in range(i + 1, len(notes)) if notes[j].n), None)
        if after is None:  # at the end: the next whole number
            label = str(max((label_key(x)[0] for x in taken), default=0) + 1)
        elif before is None:  # before N 1: no number fits without moving another
            impossible.append(i)
            continue
        else:
            base = before.rstrip("abcdefghijklmnopqrstuvwxyz")
            start = label_key(before)[1]
            label = ""
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if start and letter <= start[-1]:
                    continue
                candidate = base + letter
                if candidate not in taken and label_key(candidate) < label_key(after):
                    label = candidate
                    break
            if not label:
                impossible.append(i)
                continue
        out[i] = label
        taken.add(label)
    return out, impossible


def record(corpus: Corpus, typo: bool = False) -> Outcome:
    """Number the paragraphs that have no number, then record every commentary's numbers and text.

    A commentary whose text changed without a new history entry is not recorded (unless `typo`):
    its readers would not learn of the change."""
    entries, _ = read_ledger(corpus.root)
    outcome = Outcome()
    for page in corpus.ordered():
        rel = page.path.relative_to(corpus.root).as_posix()
        lines = page.path.read_text(encoding="utf-8").split("\n")
        wrote = False
        for lang in LANGS:
            notes = page.notes(lang)
            entry = entries.get(key(page, lang), Entry())
            labels, impossible = free_labels(notes, set(entry.numbers) | withdrawn(page, lang))
            for i in impossible:
                outcome.refused.append(f"{rel}:{notes[i].line}: this paragraph stands before N 1 (or between two "
                                       "numbers with no letter free): move it after the first paragraph, or number it "
                                       "yourself")
            for i, label in labels.items():
                k = notes[i].line - 1
                lines[k] = f"{{N {label}}} " + lines[k]
                outcome.numbered.append(f"{rel}:{notes[i].line}: N {label}")
                wrote = True
        if wrote:
            page.path.write_text("\n".join(lines), encoding="utf-8")
            outcome.files.append(page.path)
    if outcome.files:  # read the pages again with their new numbers
        from .corpus import load_corpus  # here: the same loader, on the files just written
        corpus = load_corpus(corpus.root)
    for page in corpus.ordered():
        rel = page.path.relative_to(corpus.root).as_posix()
        for lang in LANGS:
            if not page.commentary_in(lang).strip():
                continue
            record = key(page, lang)
            entry = entries.get(record, Entry())
            review = page.review(lang)
            count = len(review.changes) if review else 0
            text = fingerprint(page, lang)
            if entry.text is not None and entry.text != text and count <= entry.changes and not typo:
                name = "English" if lang == "en" else "Chinese"
                outcome.refused.append(f"{rel}: the {name} commentary changed, but 'commentary: {lang}: changes:' "
                                       "has no new entry: add one for its readers (date, by, summary in English "
                                       "and Chinese), or run `make record TYPO=1` for a typo fix")
                numbers = entry.numbers + [n.n for n in page.notes(lang) if n.n]
                entries[record] = Entry(numbers, entry.text, entry.changes)
                continue
            numbers = entry.numbers + [n.n for n in page.notes(lang) if n.n]
            entries[record] = Entry(numbers, text, count)
    write_ledger(corpus.root, entries)
    return outcome


__all__ = ["LEDGER", "MARGIN", "check_ledger", "fingerprint", "read_ledger", "record", "write_ledger"]
