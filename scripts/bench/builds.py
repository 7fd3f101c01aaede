"""What the edition costs its builders: full builds, rebuilds under `mkdocs serve`, profiles.

Each figure is taken for the edition and for the plain site (scripts/bench/plain_site.py)
the same way, in separate processes, with the same Python and packages. Builds
alternate between the two so that a slow patch of the machine hurts both alike.
"""
from __future__ import annotations

import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..edition.page import PARA_CLOSE, PARA_OPEN
from ..edition.paths import ROOT
from ..process import stop
from .gzip_server import free_port

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
# Not copied into the scratch project: environments, outputs, caches and installed tools
# (the names at the top level, except __pycache__ and node_modules, wherever they are).
SKIP = {".venv", "site", "dist", ".cache", ".pytest_cache"}
SKIP_EVERYWHERE = {"node_modules", "__pycache__"}


def mkdocs(project: Path, *args: str) -> list[str]:
    """The mkdocs command for a project, with the edition's venv Python."""
    return [sys.executable, "-m", "mkdocs", *args, "-f", str(project / "mkdocs.yml")]


def build_args(project: Path, strict: bool) -> list[str]:
    return ["build", "-q", *(["--strict"] if strict else [])]


def timed_build(project: Path, dest: Path, strict: bool, **env: str) -> float:
    """Seconds for one full `mkdocs build` into a fresh directory (process start included)."""
    shutil.rmtree(dest, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(mkdocs(project, *build_args(project, strict), "-d", str(dest)), cwd=project,
                          env=dict(ENV, **env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"mkdocs build of {project} failed:\n{done.stderr[-4000:]}")
    return seconds


def compare_builds(plain: Path, scratch: Path, runs: int) -> dict[str, Any]:
    """Median of `runs` full builds of each, alternating: the edition with its store of rendered
    pages warm (a contributor's next build: scripts/edition/cache.py) and with none (a clean
    checkout, as CI builds), and the plain site (whose jieba keeps its own cache in /tmp, warm too)."""
    store = scratch / "store"
    warm_env = {"EDITION_CACHE": str(store)}
    timed_build(ROOT, scratch / "ours-warmup", strict=True, **warm_env)  # fills the store
    shutil.rmtree(scratch / "ours-warmup", ignore_errors=True)
    warm, cold, theirs = [], [], []
    for i in range(runs):
        warm.append(timed_build(ROOT, scratch / f"ours-{i}", strict=True, **warm_env))
        cold.append(timed_build(ROOT, scratch / f"ours-cold-{i}", strict=True, EDITION_CACHE="off"))
        theirs.append(timed_build(plain, scratch / f"plain-{i}", strict=False))
        for name in (f"ours-{i}", f"ours-cold-{i}", f"plain-{i}"):
            shutil.rmtree(scratch / name, ignore_errors=True)
    shutil.rmtree(store, ignore_errors=True)
    med_warm, med_cold, med_plain = statistics.median(warm), statistics.median(cold), statistics.median(theirs)
    return {"runs": runs, "edition_s": [round(s, 2) for s in warm], "edition_cold_s": [round(s, 2) for s in cold],
            "plain_s": [round(s, 2) for s in theirs], "edition_median_s": round(med_warm, 2),
            "edition_cold_median_s": round(med_cold, 2), "plain_median_s": round(med_plain, 2),
            "ratio": round(med_warm / med_plain, 2), "cold_ratio": round(med_cold / med_plain, 2)}


def skipped(root: Path, folder: str, names: list[str]) -> list[str]:
    """What copy_project leaves out of `folder` (scripts/site/ is copied; the built site/ is not)."""
    top = Path(folder) == root
    return [n for n in names if n in SKIP_EVERYWHERE or (top and n in SKIP)]


def copy_project(dest: Path) -> Path:
    """A scratch copy of this repository (with .git, for the dates it reads), so that
    `mkdocs serve` can be made to rebuild without touching the real docs."""
    shutil.copytree(ROOT, dest, ignore=lambda folder, names: skipped(ROOT, folder, names), symlinks=True)
    return dest


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:  # not up yet, or mid-rebuild
        return None


def _wait_for(url: str, needle: str | None, timeout: float, proc: subprocess.Popen) -> float:
    """Poll `url` until it answers (and contains `needle`); seconds waited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with {proc.returncode}")
        body = _get(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {needle!r} within {timeout:.0f} s")


def append(text: str, sentence: str) -> str:
    """The plain site's edit: a paragraph at the end of the page."""
    return f"{text}\n{sentence}\n"


def into_translation(text: str, sentence: str) -> str:
    """The edition's edit: a sentence at the end of the page's first English translation, an
    edit that `make check` accepts (a new commentary paragraph would need its margin number,
    and a changed commentary its history entry, before the page shows it)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if PARA_OPEN.match(line.strip())), None)
    if start is None:
        raise ValueError("the measure page has no aligned paragraph to edit")
    close = next(k for k in range(start + 1, len(lines)) if PARA_CLOSE.match(lines[k].strip()))
    last = max(k for k in range(start + 1, close) if lines[k].strip())  # the translation's last line
    lines[last] += f" {sentence}"
    return "\n".join(lines)


def serve_rebuild(project: Path, page: Path, url_path: str, edits: int, strict: bool, log: Path,
                  edit: Callable[[str, str], str] = append) -> dict[str, Any]:
    """Start `mkdocs serve` on `project`, add a sentence to `page` `edits` times (`edit`) and
    time, each time, until the served `url_path` contains it: the wait of someone editing."""
    port = free_port()
    args = ["serve", "--dev-addr", f"127.0.0.1:{port}", *(["--strict"] if strict else [])]
    with log.open("wb") as out:
        proc = subprocess.Popen(mkdocs(project, *args), cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}/{url_path.lstrip('/')}"
    try:
        first = _wait_for(url, None, 300, proc)
        times = []
        for i in range(edits):
            sentence = f"Benchmark edit {i + 1} {secrets.token_hex(4)}."
            time.sleep(1.0)  # let the watcher settle after the previous rebuild
            page.write_text(edit(page.read_text(encoding="utf-8"), sentence), encoding="utf-8")
            times.append(_wait_for(url, sentence, 300, proc))
    finally:
        stop(proc)
    return {"first_build_s": round(first, 2), "rebuild_s": [round(t, 2) for t in times],
            "median_s": round(statistics.median(times), 2)}


def compare_rebuilds(plain: Path, scratch: Path, edits: int) -> dict[str, Any]:
    """Rebuild under `mkdocs serve` after an edit of measure 8, edition against plain,
    each on a scratch copy of its project."""
    copy = copy_project(scratch / "project")
    plain_copy = Path(shutil.copytree(plain, scratch / "plain-serve"))
    # as `make serve` runs it: not strict, live reload on (mkdocs' default)
    ours = serve_rebuild(copy, copy / "docs" / "measures" / "08.md", "measures/08/", edits, False,
                         scratch / "serve-edition.log", edit=into_translation)
    theirs = serve_rebuild(plain_copy, plain_copy / "docs" / "measures" / "08.md", "measures/08/", edits, False,
                           scratch / "serve-plain.log")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(plain_copy, ignore_errors=True)
    return {"edits": edits, "edition": ours, "plain": theirs,
            "ratio": round(ours["median_s"] / theirs["median_s"], 2)}
