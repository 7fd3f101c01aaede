"""Who wrote each commentary, who reviewed it, how it changed, and how far it has come: the
`commentary:` front matter.

    commentary:
      en:
        status: revised after review      # draft | reviewed | revised after review
        date: 2026-12-07                  # when the commentary reached this status
        authors:
          - {name: Founding editors, date: 2026-12-07}       # when they last wrote or revised it
        reviewers:                        # each review: the day it happened, what it read
          - name: Independent fact audit
            date: 2026-12-07
            commit: 95a58f2
            covers: {en: …, zh: …}
        changes:                          # the history readers see, newest first
          - date: 2026-12-07
            by: [Founding editors]
            summary: {en: …, zh: …}
        withdrawn:                        # margin numbers that no longer stand (never reused)
          - {n: 7, date: 2026-12-07, now: 5a}
      zh:
        status: draft
        ...

A reader relies on a commentary differently when someone other than its authors
has checked it, so the status follows from the record: `reviewed` needs an
independent review of the text as it stands (no change after it), `revised after
review` an independent review followed by a change, and `draft` no review of the
text as it stands. `make check` reports a status the record contradicts, at its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .commentary import HEADINGS
from .errors import ContentError
from .paths import LANGS

if TYPE_CHECKING:
    from .page import Page

STATUSES = ("draft", "reviewed", "revised after review")
#: The statuses that say an independent reviewer has read the commentary.
REVIEWED = ("reviewed", "revised after review")


@dataclass(frozen=True)
class Person:
    name: str
    date: str  # YYYY-MM-DD
    commit: str | None = None  # a reviewer: the commit whose text the review read
    covers: dict[str, str] | None = None  # a reviewer: what the review read, {en, zh}


@dataclass(frozen=True)
class HistoryEntry:
    """One substantive change, as readers see it in the commentary's history."""

    date: str
    by: tuple[str, ...]
    summary: dict[str, str]  # {en, zh}


@dataclass(frozen=True)
class Withdrawal:
    """A published margin number that no longer stands; `now`: where its point went, if anywhere."""

    n: str
    date: str
    now: str | None = None


@dataclass(frozen=True)
class Review:
    """One commentary's authorship, review and history, as its page's front matter records it."""

    status: str
    date: str
    authors: tuple[Person, ...]
    reviewers: tuple[Person, ...] = ()
    changes: tuple[HistoryEntry, ...] = ()  # newest first
    withdrawn: tuple[Withdrawal, ...] = ()

    @property
    def last_change(self) -> str | None:
        """The date of the newest recorded change."""
        return max((c.date for c in self.changes), default=None)

    @property
    def independent(self) -> tuple[Person, ...]:
        """The reviewers who are not also authors."""
        authors = {_key(p.name) for p in self.authors}
        return tuple(p for p in self.reviewers if _key(p.name) not in authors)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def read_review(meta: dict, lang: str) -> Review | None:
    """The `commentary.<lang>` entry of a page's front matter (already schema-valid), or None."""
    entry = (meta.get("commentary") or {}).get(lang)
    if not entry:
        return None
    def people(key: str) -> tuple[Person, ...]:
        return tuple(Person(p["name"], p["date"], p.get("commit"), p.get("covers")) for p in entry.get(key, []))
    changes = tuple(HistoryEntry(c["date"], tuple(c["by"]), dict(c["summary"])) for c in entry.get("changes", []))
    withdrawn = tuple(Withdrawal(str(w["n"]), w["date"], str(w["now"]) if w.get("now") is not None else None)
                      for w in entry.get("withdrawn", []))
    return Review(entry["status"], entry["date"], people("authors"), people("reviewers"), changes, withdrawn)


def check_authorship(page: Page) -> list[ContentError]:
    """Every commentary names its authors and status; a reviewed one, an independent reviewer."""
    errors: list[ContentError] = []
    path, line = page.path, page.lines.line
    for lang in LANGS:
        review = read_review(page.meta, lang)
        has_text = bool(page.commentary_in(lang).strip())
        heading_line = page.commentary_zh_line if lang == "zh" else page.commentary_line
        if has_text and review is None:
            errors.append(ContentError(
                path, heading_line or page.body_line,
                f"the {_name(lang)} commentary does not say who wrote it or whether it has been reviewed",
                f"add to the front matter 'commentary: {{{lang}: {{status: draft, date: YYYY-MM-DD, "
                "authors: [{name: Your Name, date: YYYY-MM-DD}]}}' (see CONTRIBUTING.md, 'Authorship "
                "and review')", "authorship"))
            continue
        if review is None:
            continue
        key = ["commentary", lang]
        if not has_text:
            errors.append(ContentError(path, line(key), f"'commentary.{lang}' describes a {_name(lang)} "
                                       "commentary that the page does not have",
                                       f"remove 'commentary.{lang}', or write the commentary after "
                                       f"'{HEADINGS[lang]}'", "authorship"))
        errors += _dates(page, lang, review)
        errors += _history(page, lang, review)
        errors += _withdrawn(page, lang, review)
        if review.status in REVIEWED and not review.independent:
            who = ", ".join(p.name for p in review.reviewers)
            message = (f"the {_name(lang)} commentary is marked '{review.status}' but names no reviewer"
                       if not review.reviewers else
                       f"the {_name(lang)} commentary is marked '{review.status}' but its only reviewers "
                       f"({who}) are among its authors")
            errors.append(ContentError(path, line(key + ["status"]), message,
                                       "name under 'reviewers' someone who is not an author of this "
                                       "commentary, with the date of the review, or set 'status: draft'",
                                       "review"))
    return errors


def _dates(page: Page, lang: str, review: Review) -> list[ContentError]:
    """Dates that are real calendar days, and no status that precedes the review it rests on."""
    errors: list[ContentError] = []
    key: list[str | int] = ["commentary", lang]
    stamped: list[tuple[list[str | int], str]] = [(key + ["date"], review.date)]
    stamped += [(key + ["authors", k, "date"], p.date) for k, p in enumerate(review.authors)]
    stamped += [(key + ["reviewers", k, "date"], p.date) for k, p in enumerate(review.reviewers)]
    stamped += [(key + ["changes", k, "date"], c.date) for k, c in enumerate(review.changes)]
    stamped += [(key + ["withdrawn", k, "date"], w.date) for k, w in enumerate(review.withdrawn)]
    for where, value in stamped:
        try:
            date.fromisoformat(value)
        except ValueError:
            errors.append(ContentError(page.path, page.lines.line(where), f"'{value}' is not a date",
                                       "write the date as YYYY-MM-DD, e.g. 2026-12-01", "authorship"))
            return errors
    if review.status in REVIEWED:
        late = [p for p in review.independent if p.date > review.date]
        if late:
            errors.append(ContentError(page.path, page.lines.line(key + ["date"]),
                                       f"the {_name(lang)} commentary is '{review.status}' as of {review.date}, "
                                       f"before the review of {late[0].name} ({late[0].date})",
                                       "the status date is when the commentary reached that status: on or "
                                       "after the review", "review"))
    return errors


def _history(page: Page, lang: str, review: Review) -> list[ContentError]:
    """Changes newest first, each under names the page's contributors use; and a status that
    follows from the record: reviewed after the last change, or changed after the review."""
    errors: list[ContentError] = []
    key = ["commentary", lang]
    names = {_key(c["name"]) for c in page.meta["contributors"]}
    names |= {_key(p.name) for p in review.authors}
    for k, change in enumerate(review.changes):
        for j, name in enumerate(change.by):
            if _key(name) not in names:
                errors.append(ContentError(page.path, page.lines.line(key + ["changes", k, "by", j]),
                                           f"'{name}' made a change to the {_name(lang)} commentary but is not among "
                                           "the page's contributors", "use the name the page's 'contributors:' lists, "
                                           "or add them there with their role", "history"))
        if k and change.date > review.changes[k - 1].date:
            errors.append(ContentError(page.path, page.lines.line(key + ["changes", k, "date"]),
                                       f"the changes are listed newest first, but {change.date} comes after "
                                       f"{review.changes[k - 1].date}", "put the newest change first", "history"))
    last = review.last_change
    independent = [p.date for p in review.independent]
    line = page.lines.line(key + ["status"])
    if last is None:
        return errors
    after = [d for d in independent if d >= last]  # reviews of the text as it stands
    before = [d for d in independent if d <= last]  # reviews the last change answers
    if review.status == "reviewed" and independent and not after:
        errors.append(ContentError(page.path, line, f"the {_name(lang)} commentary is marked 'reviewed', but it "
                                   f"changed on {last}, after its last review ({max(independent)})",
                                   "set 'status: revised after review' if the change resolves the review's findings, "
                                   "otherwise 'status: draft', until it is reviewed again", "review"))
    if review.status == "revised after review" and independent and not before:
        errors.append(ContentError(page.path, line, f"the {_name(lang)} commentary is marked 'revised after review', "
                                   f"but no change is recorded on or after its review ({min(independent)})",
                                   "record the revision under 'changes', or set 'status: reviewed'", "review"))
    if review.status == "draft" and after and max(after) > last:
        errors.append(ContentError(page.path, line, f"the {_name(lang)} commentary is marked 'draft', but an "
                                   f"independent review ({max(after)}) read it after its last change ({last})",
                                   "set 'status: reviewed'", "review"))
    return errors


def _withdrawn(page: Page, lang: str, review: Review) -> list[ContentError]:
    """A withdrawn number is not in the text again, and `now` names a number that is."""
    errors: list[ContentError] = []
    key = ["commentary", lang, "withdrawn"]
    present = {n.n for n in page.notes(lang)}
    seen: set[str] = set()
    for k, w in enumerate(review.withdrawn):
        where = page.lines.line(key + [k])
        if w.n in seen:
            errors.append(ContentError(page.path, where, f"N {w.n} is withdrawn twice", "list it once", "margin"))
        seen.add(w.n)
        if w.n in present:
            errors.append(ContentError(page.path, where, f"N {w.n} is withdrawn, yet a paragraph of the {_name(lang)} "
                                       "commentary carries it: a withdrawn number is never reused",
                                       "give that paragraph a new number (remove its {N …} and run `make record`)",
                                       "margin"))
        if w.now is not None and w.now not in present:
            errors.append(ContentError(page.path, where, f"N {w.n} is said to be now at N {w.now}, which the "
                                       f"{_name(lang)} commentary does not have", "name a number the commentary has, "
                                       "or leave out 'now'", "margin"))
    return errors


def _name(lang: str) -> str:
    return "Chinese" if lang == "zh" else "English"
