"""Fixtures, and the rule that every test carries exactly one marker: the name of its folder.

tests/unit/ (marker `unit`) runs in-process in seconds: `make test-fast`. The other
folders need a strict build of the site (`build`), headless Chromium (`browser`) or
the external validators (`integrity`); `make test` runs everything.

Chromium is Debian's /usr/bin/chromium driven through Playwright's
executable_path; no browser is ever downloaded. Under CI a missing browser is
a failure, never a skip.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from helpers import CONTENT_PARTS, build_site, copy_project, real_edition
from scripts import browser as chromium
from scripts.edition import Edition
from scripts.edition.corpus import Corpus

KINDS = ("unit", "build", "browser", "integrity")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wrong = []
    for item in items:
        kinds = sorted({m.name for m in item.iter_markers()} & set(KINDS))
        folder = item.path.parent.name
        if kinds != [folder]:
            wrong.append(f"{item.nodeid}: markers {kinds or 'none'}, folder tests/{folder}/")
    if wrong:
        raise pytest.UsageError("every test carries exactly one of the markers " + ", ".join(KINDS)
                                + ", the name of its folder (pytestmark = pytest.mark.<kind>):\n  "
                                + "\n  ".join(wrong))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`measure_number`: every page of the edition (0 is the preamble), read when collected."""
    if "measure_number" in metafunc.fixturenames:
        metafunc.parametrize("measure_number", sorted(real_edition().corpus.pages))


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The edition of this checkout, as `make check` loads it."""
    return real_edition()


@pytest.fixture(scope="session")
def corpus(edition: Edition) -> Corpus:
    return edition.corpus


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
    """A private copy of the project, to build or serve after breaking it on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the fixture edition's docs/ and data/ (tests/fixtures/edition/), with the
    project's mkdocs.yml: enough for `check`, `lock` and `import`, and the same whatever the real
    pages say today."""
    return copy_project(tmp_path / "content", CONTENT_PARTS, fixture=True)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
