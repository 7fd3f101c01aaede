"""`make check`: validate every page and data file; exit 1 with file:line errors.

The same checks run inside `mkdocs build` (scripts/hooks.py), so a page that
passes here builds, and a page that fails here cannot be published.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition.errors import format_errors
from ..edition.paths import ROOT
from ..site_markdown import check_edition
from .shares import check_readme


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")


def run(args: argparse.Namespace) -> int:
    edition = check_edition(args.root)  # every content check the project has, the allowlist included
    errors = edition.errors + (check_readme(args.root, edition) if not edition.errors else [])
    if errors:
        print(format_errors(errors, args.root), file=sys.stderr)
        return 1
    corpus = edition.corpus
    stages: dict[str, int] = {}
    for page in corpus.pages.values():
        stages[page.stage] = stages.get(page.stage, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(stages.items()))
    paras = sum(len(p.paragraphs) for p in corpus.pages.values())
    print(f"check: OK: {len(corpus.pages)} pages ({summary}), {paras} aligned paragraphs, "
          f"{len(edition.glossary.terms) if edition.glossary else 0} glossary terms, {len(edition.laws)} laws, "
          f"{len(edition.witnesses)} witnesses; attested share {edition.attested_share():.0%}.")
    return 0
