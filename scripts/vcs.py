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
from .edition.history import Revision


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


# --- what changed in the measure pages, commit by commit ---------------------------------------

_RECORD = "\x1e"  # between commits in `git log` output
_FIELD = "\x1f"  # between the fields of one commit
_NULL_BLOB = "0" * 40


def revisions(root: Path, path: str = "docs/measures") -> list[Revision]:
    """Every commit that touched a file under `path`, newest first, with each file's text
    before and after it: one `git log` and one `git cat-file --batch` for the whole build.

    Merge commits are left out (the commits they bring in are listed themselves). In a
    shallow clone the commits at the edge of the history have no known parent; git would
    report every file as added there, so those commits are left out too, and the history
    simply begins later. Outside git, or without git, there are none.
    """
    fmt = _RECORD + _FIELD.join(["%H", "%as", "%aN", "%P", "%s", "%B"]) + _FIELD
    out = _git(root, "log", "--no-merges", "--no-renames", "--raw", "--no-abbrev", f"--format={fmt}",
               "--", path, timeout=60)
    if not out:
        return []
    # --no-abbrev (full blob ids for cat-file) lengthens %h too: shorten commits as `git log %h` does
    shallow_flag, _, short_head = _git(root, "rev-parse", "--is-shallow-repository", "--short", "HEAD",
                                       timeout=10).strip().partition("\n")
    shallow, width = shallow_flag == "true", len(short_head.strip()) or 7
    parsed: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for record in out.split(_RECORD)[1:]:
        fields = record.split(_FIELD)
        if len(fields) < 7:
            continue
        head, raw = fields[:6], fields[6]
        if shallow and not head[3].strip():
            continue
        changes = []
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta, _, name = line.partition("\t")
            parts = meta.split()
            if len(parts) >= 4:
                changes.append((parts[2], parts[3], name))
        parsed.append((head, changes))
    blobs = _blobs(root, {b for _, changes in parsed for old, new, _ in changes for b in (old, new)} - {_NULL_BLOB})
    result = []
    for head, changes in parsed:
        files = {name: (blobs.get(old), blobs.get(new)) for old, new, name in changes}
        result.append(Revision(commit=head[0][:width], date=head[1], author=head[2], subject=head[4],
                               message=head[5].strip(), files=files))
    return result


def _blobs(root: Path, ids: set[str]) -> dict[str, str]:
    """The text of each blob, read in one `git cat-file --batch`."""
    if not ids:
        return {}
    order = sorted(ids)
    try:
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input="\n".join(order).encode() + b"\n",
                              capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    data, pos, texts = done.stdout, 0, {}
    for blob in order:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] != b"blob":  # 'missing'
            continue
        size = int(header[2])
        texts[blob] = data[pos:pos + size].decode("utf-8", errors="replace")
        pos += size + 1
    return texts
