"""`make review`: every commentary, paragraph and commentary note awaiting an editor, page by page, and why.

Two records say what awaits review. A commentary's own entry (`commentary.en`,
`commentary.zh`): `status: draft` has been read by no one but its authors, and
`revised after review` awaits a reviewer again unless one is dated after the
revision. And the pages' `review:` lists (a paragraph whose translation must be
checked or written, a margin number whose commentary must be looked at); their
reason comes from data/concordance.yml when the import of the official text put it
there.
Remove an id from `review:` once it has been dealt with.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition import load_edition
from ..edition.authorship import read_review
from ..edition.page import NOTE_ID, Page
from ..edition.paths import ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=ROOT)


LANGUAGES = {"en": "English", "zh": "Chinese"}


def commentaries_awaiting(page: Page) -> list[tuple[str, str, bool]]:
    """(which commentary, why, whether it is a draft) for each commentary of the page that
    awaits a reviewer."""
    out = []
    for lang, name in LANGUAGES.items():
        if not page.commentary_in(lang).strip():
            continue
        review = read_review(page.meta, lang)
        if review is None:
            out.append((f"{name} commentary", "no authorship entry: its status is unknown (make check says so)", True))
        elif review.status == "draft":
            authors = ", ".join(p.name for p in review.authors) or "its authors"
            out.append((f"{name} commentary", f"draft since {review.date}: not yet reviewed by anyone but "
                                              f"{authors}", True))
        elif review.status == "revised after review" and not any(p.date > review.date for p in review.independent):
            out.append((f"{name} commentary", f"revised after review on {review.date}; no reviewer has read it "
                                              "since (set 'status: reviewed' once one has)", False))
    return out


def run(args: argparse.Namespace) -> int:
    """Drafts and the paragraphs and notes to look at come first, page by page; then the
    commentaries revised after a review that wait for a reviewer again, which are many after
    a round of revision and would otherwise hide a new draft among them."""
    edition = load_edition(args.root)
    corpus, conc = edition.corpus, edition.concordance
    pages = [(p, False) for p in corpus.ordered()] + [(p, True) for p in corpus.former.values()]
    drafts = items_total = revised = 0
    later: list[tuple[Page, list[tuple[str, str, bool]]]] = []
    for page, former in pages:
        items = page.meta.get("review", [])
        waiting = commentaries_awaiting(page)
        first = [w for w in waiting if w[2]]
        if [w for w in waiting if not w[2]]:
            later.append((page, [w for w in waiting if not w[2]]))
        if not items and not first:
            continue
        print(f"{page.path.relative_to(args.root)}:")
        for what, why, _draft in first:
            print(f"  {what}: {why}")
            drafts += 1
        ids = {p.id: p for p in page.paragraphs}
        for pid in items:
            reason = conc.review_reason(page.number, pid, former)
            if reason is None:
                para = ids.get(pid)
                if NOTE_ID.match(pid):
                    reason = "commentary note to review"
                elif para is not None and para.en is None:
                    reason = "translation to be written"
                else:
                    reason = "the Chinese changed: check the translation"
            print(f"  {pid}: {reason}")
            items_total += 1
    if later:
        print(f"\nRevised after review, waiting for a reviewer again ({sum(len(w) for _p, w in later)}):")
        for page, waiting in later:
            print(f"{page.path.relative_to(args.root)}:")
            for what, why, _draft in waiting:
                print(f"  {what}: {why}")
                revised += 1
    if edition.errors:
        print(f"review: note: make check reports {len(edition.errors)} error(s)", file=sys.stderr)
    total = drafts + items_total + revised
    print(f"review: {total} item(s) awaiting an editor: {drafts} draft commentary(ies), {items_total} paragraph(s) "
          f"or note(s), {revised} revised commentary(ies)" if total else "review: nothing awaits review")
    return 0
