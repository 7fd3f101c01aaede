"""`make compare BASE=main`: does the working tree build the same site, byte for byte, as a revision?

For refactorings, which must leave the site as it is. Both trees are taken without their
git history (the revision with `git archive`, the working tree as it stands) and built
strictly with everything git would add pinned: the edition's date and commit, the build
date, the repository and site addresses. Then every file of the two sites is compared.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import settings
from ..edition.paths import BUILD_INPUTS, ROOT
from ..vcs import archive

PINNED = {settings.EDITION_DATE: "2000-01-01", settings.EDITION_COMMIT: "0000000",
          settings.SOURCE_DATE_EPOCH: "946684800", settings.REPO_URL: "https://github.com/example/edition",
          settings.SITE_URL: "https://example.org/edition/"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", default="main", help="the revision to compare with (default: main)")
    parser.add_argument("--keep", action="store_true", help="keep both trees and sites, and say where")


def run(args: argparse.Namespace) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="oe-compare-"))
    try:
        if not archive(ROOT, args.base, tmp / "base"):
            print(f"compare: git cannot export the revision {args.base!r}", file=sys.stderr)
            return 2
        (tmp / "work").mkdir()
        for part in BUILD_INPUTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, tmp / "work" / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, tmp / "work" / part)
        for tree in ("base", "work"):
            if not build(tmp / tree, tmp / f"{tree}-site"):
                return 2
        differences = compare(tmp / "base-site", tmp / "work-site")
        if differences:
            print(f"compare: the working tree builds a different site from {args.base}:\n  "
                  + "\n  ".join(differences))
            return 1
        files = sum(1 for p in (tmp / "work-site").rglob("*") if p.is_file())
        print(f"compare: the working tree builds the same site as {args.base} ({files} files, byte for byte)")
        return 0
    finally:
        if args.keep:
            print(f"compare: trees and sites kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def build(tree: Path, site: Path) -> bool:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **PINNED)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=tree,
                          env=env, capture_output=True, text=True)
    if done.returncode:
        print(f"compare: the build of {tree.name} failed:\n{done.stderr[-4000:]}", file=sys.stderr)
    return done.returncode == 0


def compare(left: Path, right: Path) -> list[str]:
    """Paths that differ, or exist on one side only."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"{prefix}{name} (only in the base)" for name in cmp.left_only)
        out.extend(f"{prefix}{name} (only in the working tree)" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(prefix + name for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")
    walk(filecmp.dircmp(left, right), "")
    return sorted(out)
