"""Where this repository lives, for "edit this page" links.

The address is never guessed: it comes from EDITION_REPO_URL, from GitHub
Actions' environment, or from the git remote. Without any of them the site
simply has no edit links.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path


def _from_git(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "remote", "get-url", "origin"], cwd=root, capture_output=True,
                             text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    remote = out.stdout.strip()
    if out.returncode != 0 or not remote:
        return None
    m = re.match(r"^git@([^:]+):(.+?)(?:\.git)?$", remote)
    if m:
        return f"https://{m.group(1)}/{m.group(2)}"
    m = re.match(r"^https?://(?:[^@/]+@)?(.+?)(?:\.git)?/?$", remote)
    return f"https://{m.group(1)}" if m else None


def repo_url(root: Path) -> str | None:
    """The repository's web address, or None when it cannot be known."""
    explicit = os.environ.get("EDITION_REPO_URL", "").strip()
    if explicit:
        return explicit.rstrip("/")
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    return _from_git(root)
