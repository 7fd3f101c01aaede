"""Shared fixtures: a strict build of the real site, a local server, headless Chromium.

Chromium is Debian's /usr/bin/chromium driven through Playwright's
executable_path; no browser is ever downloaded. Under CI a missing browser is
a failure, never a skip.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import browser as chromium  # noqa: E402


TEST_REPO_URL = "https://github.com/example/edition"  # edit links need an address; tests use this one
TEST_SITE_URL = "https://example.org/edition/"  # canonical, hreflang and sitemap addresses need one too


def build_site(dest: Path, root: Path = ROOT, **env_extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_REPO_URL=TEST_REPO_URL, EDITION_SITE_URL=TEST_SITE_URL)
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test session."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1."""
    with chromium.serve_directory(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(chromium.chromium()).exists():
        message = (f"Chromium not found at {chromium.chromium()}; install it with "
                   "`apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM=/path/to/chromium)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = chromium.launch(pw)
        yield b
        b.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, to break on purpose."""
    from helpers import copy_project
    return copy_project(tmp_path / "project")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
