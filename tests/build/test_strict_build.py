"""Builds of changed copies of the project: broken content refused, git history optional,
an imported official text shown as such."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import html

from helpers import ROOT, build_site, copy_project, edit, line_of, official_from, run

pytestmark = pytest.mark.build


def test_strict_build_refuses_broken_content(project: Path, tmp_path: Path) -> None:
    edit(project / "docs/measures/08.md", "/// para | m08-1", "/// para | m8-1")
    line = line_of(project / "docs/measures/08.md", "/// para | m8-1")
    result = build_site(tmp_path / "out", root=project)
    assert result.returncode != 0
    assert f"docs/measures/08.md:{line}: error [id]: malformed paragraph id 'm8-1'" in result.stderr + result.stdout


def test_a_page_carrying_vectors_does_not_build(project: Path, tmp_path: Path) -> None:
    vectors = yaml.safe_load((ROOT / "tests/data/xss-vectors.yml").read_text(encoding="utf-8"))
    page = project / "docs/measures/08.md"
    carried = [v["markdown"] for v in vectors if v["kind"] in ("svg", "encoding", "raw-control", "formaction", "css", "data-url")]
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n\n".join(carried) + "\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, root=project)
    assert result.returncode != 0, "a page with unsafe content was built"
    log = result.stdout + result.stderr
    assert f"docs/measures/08.md:{line_of(page, carried[0])}: error [unsafe]" in log
    assert log.count("error [unsafe]") >= len(carried)
    built = [p for p in out.rglob("*.html")] if out.exists() else []
    assert not any("alert(1)" in p.read_text(encoding="utf-8") for p in built), "a vector reached the site"


def test_build_outside_git_and_in_a_shallow_clone(tmp_path: Path) -> None:
    outside = copy_project(tmp_path / "copy")  # not a git checkout
    result = build_site(tmp_path / "out1", root=outside)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out1/measures/08/index.html").read_text(encoding="utf-8")
    footer = html.fromstring(page).cssselect(".oe-page-footer")
    assert footer and not footer[0].cssselect("time"), "no git: no date of last change, and no error"
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git here")
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(tmp_path / "shallow")], check=True)
    shutil.rmtree(tmp_path / "shallow" / "scripts")
    copy_project(tmp_path / "shallow")  # this working tree's code, on the clone's shallow history
    result = build_site(tmp_path / "out2", root=tmp_path / "shallow")
    assert result.returncode == 0, result.stderr
    assert "<time datetime=" in (tmp_path / "out2/measures/08/index.html").read_text(encoding="utf-8")


def test_pages_awaiting_review_show_it(project: Path, tmp_path: Path) -> None:
    official = tmp_path / "official.txt"
    official.write_text(official_from(project), encoding="utf-8")
    assert run("import", "--root", str(project), str(official), "--apply", "--reference", "test fixture").returncode == 0
    result = build_site(tmp_path / "site", root=project)
    assert result.returncode == 0, result.stderr
    tree = html.fromstring((tmp_path / "site/measures/05/index.html").read_bytes())
    assert tree.get_element_by_id("m05-1").cssselect(".oe-flag-review")
    assert tree.get_element_by_id("m05-2").cssselect(".oe-missing")  # ids follow the official text
    assert tree.cssselect(".oe-bar .oe-t-verified"), "the text axis says the text is verified"


def test_a_broken_anchor_in_a_translation_stops_the_build(project: Path, tmp_path: Path) -> None:
    """A measure page is written as HTML with its Markdown converted piece by piece
    (scripts/site/fragments.py); its links to other pages' anchors are still checked by MkDocs."""
    page = project / "docs/measures/08.md"
    edit(page, "Adhere to the principle of legality,", "Adhere to the [principle](../about.md#nowhere-at-all) of legality,")
    result = build_site(tmp_path / "out", root=project)
    output = result.stderr + result.stdout
    assert result.returncode != 0, "a page with a broken link was built"
    assert ("'measures/08.md' contains a link '../about.md#nowhere-at-all', but the doc 'about.md' does not "
            "contain an anchor '#nowhere-at-all'") in output, output[-3000:]
