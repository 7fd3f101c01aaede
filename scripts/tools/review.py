"""`make review`: every paragraph and commentary note awaiting an editor, page by page, and why.

The pages' `review:` lists are the record (a paragraph whose translation must be
checked or written, a margin number whose commentary must be looked at); the reason
comes from data/concordance.yml when the import of the official text put it there.
Remove an id from `review:` once it has been dealt with.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition import load_edition
from ..edition.page import NOTE_ID
from ..edition.paths import ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    edition = load_edition(args.root)
    corpus, conc = edition.corpus, edition.concordance
    pages = [(p, False) for p in corpus.ordered()] + [(p, True) for p in corpus.former.values()]
    total = 0
    for page, former in pages:
        items = page.meta.get("review", [])
        if not items:
            continue
        print(f"{page.path.relative_to(args.root)}:")
        ids = {p.id: p for p in page.paragraphs}
        for pid in items:
            why = conc.review_reason(page.number, pid, former)
            if why is None:
                para = ids.get(pid)
                if NOTE_ID.match(pid):
                    why = "commentary note to review"
                elif para is not None and para.en is None:
                    why = "translation to be written"
                else:
                    why = "the Chinese changed: check the translation"
            print(f"  {pid}: {why}")
            total += 1
    if edition.errors:
        print(f"review: note: make check reports {len(edition.errors)} error(s)", file=sys.stderr)
    print(f"review: {total} item(s) awaiting an editor" if total else "review: nothing awaits review")
    return 0
