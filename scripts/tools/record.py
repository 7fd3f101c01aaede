"""`make record`: number new commentary paragraphs and record what each commentary has published.

It writes a margin-number token at the start of every commentary paragraph that has
none (N 5a after N 5; the next whole number at the end), then rewrites the commentary
record (data/commentary.lock, see scripts/edition/ledger.py) from the pages. A
commentary whose text changed with no new entry under `changes:` is not recorded: its
readers would not learn of the change. `--typo` (make record TYPO=1) records such a
change anyway, for a typo fix with no change of substance.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition.corpus import load_corpus
from ..edition.errors import format_errors
from ..edition.ledger import LEDGER, record
from ..edition.paths import ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--typo", action="store_true",
                        help="record changed commentary without a new history entry (a typo fix only)")
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.root)
    if corpus.errors:
        structural = [e for e in corpus.errors if e.code not in ("margin", "record", "history")]
        if structural:
            print(format_errors(structural, args.root), file=sys.stderr)
            print("record: mend these first (make check lists them all)", file=sys.stderr)
            return 1
    outcome = record(corpus, typo=args.typo)
    for line in outcome.numbered:
        print(f"record: numbered {line}")
    for line in outcome.refused:
        print(f"record: not recorded: {line}", file=sys.stderr)
    print(f"record: wrote {LEDGER.as_posix()}" + (" (see above for what it could not record)" if outcome.refused else ""))
    return 1 if outcome.refused else 0
