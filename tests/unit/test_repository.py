"""The repository itself: contribution files, strict configuration, nothing generated committed."""
from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import QUERIES, ROOT, run
from scripts.bench.search_probe import load_cases

pytestmark = pytest.mark.unit


def test_contribution_files_exist() -> None:
    for name in ["CONTRIBUTING.md", "CITATION.cff", ".github/PULL_REQUEST_TEMPLATE.md", ".github/workflows/ci.yml",
                 ".github/ISSUE_TEMPLATE/translation-correction.yml", ".github/ISSUE_TEMPLATE/source-correction.yml",
                 ".github/ISSUE_TEMPLATE/new-annotation.yml"]:
        assert (ROOT / name).is_file(), name
    for name in [".github/workflows/ci.yml", ".github/ISSUE_TEMPLATE/translation-correction.yml",
                 ".github/ISSUE_TEMPLATE/source-correction.yml", ".github/ISSUE_TEMPLATE/new-annotation.yml"]:
        yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["license"] == "CC-BY-4.0"
    workflow = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert ".ci/run" in workflow and "make pdf" in workflow and workflow.count("upload-artifact") == 2
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_strict_build_validates_links_and_anchors() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^strict: true$", text, re.M)
    for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert re.search(rf"^\s+{key}: warn$", text, re.M), key


def test_chinese_pages_are_not_hard_wrapped() -> None:
    """A line break inside Chinese Markdown shows as a stray space in the browser."""
    han = re.compile(r"[\u3400-\u9fff，。、；：！？“”《》（）]")
    for path in sorted((ROOT / "docs").glob("*.zh.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, (a, b) in enumerate(itertools.pairwise(lines), 1):
            if a.strip() and b.strip() and han.search(a.rstrip()[-1:]) and han.match(b.strip()[:1]):
                pytest.fail(f"{path.name}:{number}: Chinese paragraph wrapped across lines")


def test_no_generated_file_is_committed() -> None:
    """Everything generated is built by `mkdocs build`; none of it lives in the repository."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    generated = {"data/opinions.json", "data/opinions.tmx", "data/glossary.tbx", "data/glossary.csv"}
    if not tracked:
        pytest.skip("not a git checkout")
    assert not generated & set(tracked)
    assert not [t for t in tracked if t.startswith(("site/", "dist/"))]


def test_query_set_is_broad_enough() -> None:
    cases = load_cases(QUERIES)
    assert len(cases) >= 30
    assert {c.kind for c in cases} == {"zh", "en", "pinyin", "id"}
    assert {c.iface for c in cases} == {"en", "zh"}


def test_make_pdf_says_what_to_install_when_the_fonts_cannot_be_found(monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list: fontconfig and the CJK fonts are missing
    result = run("pdf", "--out", str(tmp_path / "never"))
    assert result.returncode == 1
    assert "fonts-noto-cjk" in result.stderr and "Install with: sudo apt-get install -y" in result.stderr
    assert "libpango-1.0-0" in result.stderr
    assert not (tmp_path / "never").exists()


def test_every_command_has_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("check", "lock", "import", "pdf", "serve", "compare", "bench"):
        assert command in result.stdout
        assert run(command, "--help").returncode == 0, command


def test_compare_names_every_file_that_differs(tmp_path: Path) -> None:
    from scripts.tools.compare import compare

    for side, files in (("a", {"same.html": "x", "changed.html": "1", "gone/x.json": "{}"}),
                        ("b", {"same.html": "x", "changed.html": "2", "new.txt": ""})):
        for name, text in files.items():
            (tmp_path / side / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / side / name).write_text(text)
    assert compare(tmp_path / "a", tmp_path / "b") == ["changed.html", "gone (only in the base)",
                                                       "new.txt (only in the working tree)"]
    assert compare(tmp_path / "a", tmp_path / "a") == []
