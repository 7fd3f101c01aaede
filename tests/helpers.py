"""Helpers for tests that need a private, modifiable copy of the project."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.edition.paths import ROOT

PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "scripts", "overrides"]


def copy_project(dest: Path) -> Path:
    """Copy what a build needs into `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_line(path: Path, pattern: str, new: str) -> None:
    """Replace the first line matching the regex `pattern` (multiline) with `new`."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def run_module(command: str, root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run one of the project's commands (python -m scripts COMMAND) against the tree at `root`."""
    return subprocess.run([sys.executable, "-m", "scripts", command, "--root", str(root), *args], cwd=ROOT,
                          capture_output=True, text=True)


def run_check(root: Path) -> subprocess.CompletedProcess:
    return run_module("check", root)
