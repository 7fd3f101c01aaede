"""`make lock`: check the source lock, or (--update) rewrite it from the pages as they are.

What the lock is and when it may change: scripts/edition/lock.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition import load_edition
from ..edition.corpus import load_corpus
from ..edition.errors import format_errors
from ..edition.lock import check_lock, current, write_lock
from ..edition.paths import ROOT
from .shares import write_readme


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--update", action="store_true", help="rewrite the lock from the pages as they are")
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.root)
    if corpus.errors:
        print(format_errors(corpus.errors, args.root), file=sys.stderr)
        return 1
    if args.update:
        path = write_lock(corpus)
        print(f"lock: wrote {path.relative_to(args.root)} ({len(current(corpus))} entries)")
        if write_readme(args.root, load_edition(args.root)):
            print("lock: rewrote the table of attested shares in README.md")
        return 0
    errors = check_lock(corpus)
    if errors:
        print(format_errors(errors, args.root), file=sys.stderr)
        return 1
    print("lock: the source text and its apparatus match data/source.lock")
    return 0
