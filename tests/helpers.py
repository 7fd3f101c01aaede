"""What the tests share besides fixtures: the test addresses, project copies, builds, commands.

Tests import this module; they never import conftest.py (which holds the fixtures).
"""
from __future__ import annotations

import filecmp
import functools
import io
import os
import re
import shutil
import socket
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from scripts.edition import Edition, load_edition
from scripts.edition.corpus import load_corpus
from scripts.edition.paths import BUILD_INPUTS, ROOT

TEST_REPO_URL = "https://github.com/example/edition"  # edit links need an address; tests use this one
TEST_SITE_URL = "https://example.org/edition/"  # canonical, hreflang and sitemap addresses need one too
CONTENT_PARTS = ("mkdocs.yml", "docs", "data")  # what `check` needs (mkdocs.yml: the Markdown extensions)
FIXTURES = ROOT / "tests" / "fixtures"
# A frozen copy of docs/ and data/ (tests/fixtures/edition/README.md): what the tests that break the
# content on purpose, and the tests of the import, start from, so they hold whatever the real pages say.
FIXTURE_EDITION = FIXTURES / "edition"
CONTENT = ("docs", "data")  # the parts of a copy that come from the fixture edition when it is asked for
QUERIES = ROOT / "tests" / "data" / "search-queries.yml"


@functools.cache
def real_edition() -> Edition:
    """The edition of this checkout, loaded once per test session (never modified by a test)."""
    return load_edition(ROOT)


@functools.cache
def fixture_edition() -> Edition:
    """The frozen fixture edition, loaded once per test session (never modified by a test)."""
    return load_edition(FIXTURE_EDITION)


def copy_project(dest: Path, parts: tuple[str, ...] = BUILD_INPUTS, fixture: bool = False) -> Path:
    """Copy what a build needs (or only `parts`) into `dest` and return it; with `fixture`, docs/
    and data/ come from the frozen fixture edition (the site's assets still from docs/assets/)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = (FIXTURE_EDITION if fixture and part in CONTENT else ROOT) / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dest / part)
    if fixture and "docs" in parts and (ROOT / "docs/assets").is_dir():
        shutil.copytree(ROOT / "docs/assets", dest / "docs/assets", dirs_exist_ok=True)
    return dest


def build_site(dest: Path, root: Path = ROOT, **env_extra: str) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of the project at `root` into `dest`, in a subprocess."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_REPO_URL=TEST_REPO_URL, EDITION_SITE_URL=TEST_SITE_URL)
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=root, env=env, capture_output=True, text=True)


def tree_differences(left: Path, right: Path) -> list[str]:
    """Paths (relative) that are in only one of two folders, or differ in a byte."""
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(filecmp.dircmp(left, right))
    return sorted(differences)


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*argv: str) -> Result:
    """`python -m scripts ARGV`, run in this process: the same code, without a new interpreter."""
    from scripts.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse on bad arguments
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


def check(root: Path) -> Result:
    """`make check` on the tree at `root`."""
    return run("check", "--root", str(root))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_line(path: Path, pattern: str, new: str) -> None:
    """Replace the first line matching the regex `pattern` (multiline) with `new`."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def clipboard_page(browser, server: str, path: str, width: int = 1280):
    """A new browser context allowed to read and write the clipboard, open at `path`: (context, page)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + path)
    return context, page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def official_from(root: Path) -> str:
    """An 'official' text made from the tree's own transcription, then changed in measure 5:
    m05-1 altered, a paragraph added after it, m05-2 removed; and a two-paragraph preamble."""
    corpus = load_corpus(root)
    out = ["最高人民检察院关于全面加强新时代知识产权检察工作的意见", "测试序言第一段。", "测试序言第二段。"]
    for part in corpus.document["parts"]:
        out.append(f"{part['numeral']}、{part['title']['zh']}")
        for page in corpus.measures():
            if page.meta["part"] != part["number"]:
                continue
            for para in page.paragraphs:
                if para.id == "m05-1":
                    out += [para.zh.replace("做深做实。", "做深做实。测试修改。"), "测试新增段落。"]
                elif para.id == "m05-2":
                    continue
                else:
                    out.append(para.zh.replace("［……］", "测试补全文字。"))
    return "\n".join(out) + "\n"


def source_text(el) -> str:
    """An element's text without the apparatus' own marks (sigla, variant references, notes):
    the Chinese as the source reads."""
    import copy

    el = copy.deepcopy(el)
    for mark in el.cssselect(".oe-sig, .oe-var-ref, .oe-app"):
        mark.drop_tree()
    return el.text_content().strip()


def choose_mode(page, view: str) -> None:
    """Choose a reading mode as a reader does: open the display control (Aa) if it is folded,
    then click the mode's label."""
    label = page.locator(f'label[for="oe-view-{view}"]').first
    if not label.is_visible():
        page.locator("details.oe-display > summary").first.click()
    label.click()
