"""What git knows: when each page last changed, the commit, the repository's address.

Never fails: outside a git checkout, without git, or in a shallow clone whose
history stops before a file's last change, it answers with what it has (or
nothing), and the pages simply say less. The repository's address is never
guessed: it comes from EDITION_REPO_URL, from GitHub Actions' environment, or from
the git remote; without any of them the site simply has no edit links.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from . import settings


def _git(root: Path, *args: str, timeout: float = 30) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout if out.returncode == 0 else ""


def last_changed(root: Path) -> dict[str, str]:
    """Repository-relative path -> date (YYYY-MM-DD) of the last commit that touched it.

    One git call for the whole history of docs/ and data/: ask once per build."""
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


def edition_stamp(root: Path) -> dict[str, str]:
    """Date and commit of the checkout: the only dates the print view and the citations carry.

    EDITION_DATE / EDITION_COMMIT override them; outside git, or in a clone
    without history, whatever git cannot tell is 'unknown'.
    """
    stamp = {"date": settings.env(settings.EDITION_DATE), "commit": settings.env(settings.EDITION_COMMIT)}
    if not (stamp["date"] and stamp["commit"]):
        date, _, commit = _git(root, "log", "-1", "--format=%cs %h", timeout=10).strip().partition(" ")
        stamp["date"] = stamp["date"] or date or "unknown"
        stamp["commit"] = stamp["commit"] or commit or "unknown"
    return stamp


def archive(root: Path, revision: str, dest: Path) -> bool:
    """The files of `revision`, without history, unpacked into `dest`; False if git cannot."""
    import io
    import tarfile

    try:
        out = subprocess.run(["git", "archive", "--format=tar", revision], cwd=root, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return False
    if out.returncode:
        return False
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(out.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return True


def describe_head(root: Path) -> str:
    """'abc1234', or 'abc1234+dirty' with uncommitted changes; 'unknown' outside git."""
    commit = _git(root, "rev-parse", "--short", "HEAD", timeout=60).strip() or "unknown"
    return commit + ("+dirty" if _git(root, "status", "--porcelain", timeout=60).strip() else "")


def _remote(root: Path) -> str | None:
    remote = _git(root, "remote", "get-url", "origin", timeout=5).strip()
    if not remote:
        return None
    m = re.match(r"^git@([^:]+):(.+?)(?:\.git)?$", remote)
    if m:
        return f"https://{m.group(1)}/{m.group(2)}"
    m = re.match(r"^https?://(?:[^@/]+@)?(.+?)(?:\.git)?/?$", remote)
    return f"https://{m.group(1)}" if m else None


def repo_url(root: Path) -> str | None:
    """The repository's web address, or None when it cannot be known."""
    explicit = settings.env(settings.REPO_URL)
    if explicit:
        return explicit.rstrip("/")
    if os.environ.get("GITHUB_REPOSITORY"):  # GitHub Actions
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    return _remote(root)
