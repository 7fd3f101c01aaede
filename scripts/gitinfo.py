"""What git knows about the pages: when each file last changed, and the commit time.

Never fails: outside a git checkout, without git, or in a shallow clone whose
history stops before a file's last change, it answers with what it has (or
nothing), and the pages simply say less.
"""
from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout if out.returncode == 0 else ""


@lru_cache(maxsize=4)
def last_changed(root: Path) -> dict[str, str]:
    """Repository-relative path -> date (YYYY-MM-DD) of the last commit that touched it."""
    dates: dict[str, str] = {}
    date = ""
    for line in _git(root, "log", "--format=%x00%cs", "--name-only", "--", "docs", "data").splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line.strip() and date:
            dates.setdefault(line.strip(), date)
    return dates


def commit_epoch(root: Path) -> str | None:
    """Seconds since the epoch of the checked-out commit, for SOURCE_DATE_EPOCH."""
    out = _git(root, "log", "-1", "--format=%ct").strip()
    return out if out.isdigit() else None
