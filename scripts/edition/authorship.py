"""Who wrote each commentary, who reviewed it, and how far it has come: the `commentary:` front matter.

    commentary:
      en:
        status: revised after review      # draft | reviewed | revised after review
        date: 2026-12-01                  # when the commentary reached this status
        authors:
          - {name: Founding editors, date: 2026-12-01}       # when they last wrote or revised it
        reviewers:
          - {name: Independent fact audit, date: 2026-12-01} # when they reviewed it
      zh:
        status: draft
        ...

A reader relies on a commentary differently when someone other than its authors
has checked it, so a status of `reviewed` or `revised after review` must name a
reviewer who is not among the authors; `make check` reports one that does not,
at its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .commentary import HEADINGS, LANGS
from .errors import ContentError

if TYPE_CHECKING:
    from .page import Page

STATUSES = ("draft", "reviewed", "revised after review")
#: The statuses that say an independent reviewer has read the commentary.
REVIEWED = ("reviewed", "revised after review")


@dataclass(frozen=True)
class Person:
    name: str
    date: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Review:
    """One commentary's authorship and review, as its page's front matter records it."""

    status: str
    date: str
    authors: tuple[Person, ...]
    reviewers: tuple[Person, ...] = ()

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
    people = lambda key: tuple(Person(p["name"], p["date"]) for p in entry.get(key, []))  # noqa: E731
    return Review(entry["status"], entry["date"], people("authors"), people("reviewers"))


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
    key = ["commentary", lang]
    stamped = [(key + ["date"], review.date)]
    stamped += [(key + ["authors", k, "date"], p.date) for k, p in enumerate(review.authors)]
    stamped += [(key + ["reviewers", k, "date"], p.date) for k, p in enumerate(review.reviewers)]
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


def _name(lang: str) -> str:
    return "Chinese" if lang == "zh" else "English"
