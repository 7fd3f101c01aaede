"""Either engine builds the edition: MkDocs 1.6 and ProperDocs, its drop-in successor.

ProperDocs answers `import mkdocs` with itself, so Material, static-i18n and the edition's
hooks run on it unchanged. The site it builds must be the site MkDocs builds, byte for byte,
except the one line that names the engine: `<meta name="generator">` (overrides/main.html).
And a warning must fail its strict build every time, as under MkDocs: the store of rendered
pages listens to the engine's own logger (scripts/site/render_cache.py). ENGINES.md says why.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from helpers import ROOT, TEST_REPO_URL, TEST_SITE_URL, copy_project, edit, tree_differences

pytestmark = pytest.mark.integrity

GENERATOR = re.compile(rb'\n *<meta name="generator" content="([^"]*)">')


def properdocs_build(dest: Path, root: Path = ROOT, **env_extra: str) -> subprocess.CompletedProcess:
    """A strict `properdocs build` of the project at `root` into `dest`, as helpers.build_site runs MkDocs."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_REPO_URL=TEST_REPO_URL, EDITION_SITE_URL=TEST_SITE_URL)
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                           "-d", str(dest)], cwd=root, env=env, capture_output=True, text=True)


def generators(data: bytes) -> tuple[bytes, list[str]]:
    """A page without its generator tag, and what the tags said."""
    return GENERATOR.sub(b"", data), [g.decode() for g in GENERATOR.findall(data)]


def test_properdocs_builds_the_site_mkdocs_builds_but_for_the_generator_tag(site: Path, tmp_path: Path) -> None:
    """The session's MkDocs site against a ProperDocs build of the same checkout (git gives both
    the same dates) that renders every page itself (no store: nothing of MkDocs' is handed to it)."""
    proper = tmp_path / "properdocs"
    result = properdocs_build(proper, ROOT, EDITION_CACHE="off")
    assert result.returncode == 0, result.stderr[-3000:]
    mkdocs_says = f"mkdocs-{version('mkdocs')}, mkdocs-material"
    properdocs_says = f"properdocs-{version('properdocs')}, mkdocs-material"
    differences = tree_differences(site, proper)
    assert differences, "no page names its engine"
    beyond = []
    for name in differences:
        left, right = (site / name), (proper / name)
        if not (left.is_file() and right.is_file()):
            beyond.append(f"{name}: only in one site")
            continue
        (left_rest, left_says), (right_rest, right_says) = generators(left.read_bytes()), generators(right.read_bytes())
        if left_rest != right_rest:
            beyond.append(f"{name}: differs beyond the generator tag")
        elif (left_says, right_says) != ([mkdocs_says], [properdocs_says]):
            beyond.append(f"{name}: generator tags {left_says} and {right_says}")
    assert beyond == [], "MkDocs and ProperDocs build different sites:\n  " + "\n  ".join(beyond)


def test_a_warning_fails_every_strict_properdocs_build_cached_or_not(tmp_path: Path) -> None:
    """As tests/build/test_build_cache.py for MkDocs: the print view, rendered in a second
    process and then stored, logs a warning; both builds stop, and show it once."""
    project = copy_project(tmp_path / "project")
    store = tmp_path / "store"
    edit(project / "docs" / "print.md", "<!-- oe:print -->", "See [there](/about/).\n\n<!-- oe:print -->")
    warning = "contains an absolute link '/about/'"
    for attempt in ("first", "second"):
        result = properdocs_build(tmp_path / attempt, project, EDITION_CACHE=str(store))
        output = result.stderr + result.stdout
        assert result.returncode != 0, f"the {attempt} build passed"
        assert output.count(warning) == 1 and "Aborted with 1 warnings" in output, output[-3000:]
