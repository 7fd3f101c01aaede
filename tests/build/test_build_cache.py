"""A build from the store (.cache/) and a build with its pages rendered in two processes
are the site a single uncached process builds, and fail on the same warnings."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_site, copy_project, edit, tree_differences

pytestmark = pytest.mark.build


def _entries(store: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in store.rglob("*.json")}


def test_cached_and_forked_builds_are_the_site_one_uncached_process_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    store = tmp_path / "store"
    alone = build_site(tmp_path / "alone", project, EDITION_CACHE="off", EDITION_FORK="off")
    cold = build_site(tmp_path / "cold", project, EDITION_CACHE=str(store))
    entries = _entries(store)
    warm = build_site(tmp_path / "warm", project, EDITION_CACHE=str(store))
    for result in (alone, cold, warm):
        assert result.returncode == 0, result.stderr[-3000:]
    assert tree_differences(tmp_path / "alone", tmp_path / "cold") == []
    assert tree_differences(tmp_path / "alone", tmp_path / "warm") == []
    kinds = {p.relative_to(store).parts[0] for p in entries}
    # pages; the print view's sections (scripts/site/fragments.py); jieba's cuts; the checks' Markdown
    assert kinds == {"page", "section", "zh", "markdown"}, kinds
    # every page, both interfaces: those MkDocs renders from Markdown, and the measure pages the
    # build writes around their Markdown fragments (scripts/site/fragments.py)
    pages = list((tmp_path / "alone").rglob("index.html"))
    assert len([p for p in entries if p.relative_to(store).parts[0] == "page"]) >= len(pages) > 10
    # the warm build took every page, every Chinese text and every render the allowlist checks from
    # the store, wrote nothing, and never read jieba's dictionary
    assert _entries(store) == entries
    assert "Prefix dict" not in warm.stderr


@pytest.mark.parametrize("link, warning", [
    ("about.md#nowhere-at-all", "'about.md' does not contain an anchor '#nowhere-at-all'"),  # checked after all pages
    ("/about/", "contains an absolute link '/about/'"),  # logged while the page renders
])
def test_a_warning_fails_every_build_cached_or_not(tmp_path: Path, link: str, warning: str) -> None:
    """The print view is rendered in a second process, then taken from the store. A warning
    its render logs is shown once and counted where --strict counts (the page is rendered
    again in the build's own process, and not stored), and the links it makes to other
    pages' anchors are kept for MkDocs to check: both builds stop."""
    project = copy_project(tmp_path / "project")
    store = tmp_path / "store"
    edit(project / "docs" / "print.md", "<!-- oe:print -->", f"See [there]({link}).\n\n<!-- oe:print -->")
    for attempt in ("first", "second"):
        result = build_site(tmp_path / attempt, project, EDITION_CACHE=str(store))
        output = result.stderr + result.stdout
        assert result.returncode != 0, f"the {attempt} build passed"
        assert output.count(warning) == 1 and "Aborted with 1 warnings" in output, output[-3000:]
