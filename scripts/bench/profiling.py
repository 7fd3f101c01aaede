"""`python -m scripts bench --profile`: where the seconds of a build go, edition against plain site.

One `mkdocs build` of each under pyinstrument (pinned in requirements-dev.txt), saved
as a session, rendered as HTML (dist/build-profile.html, dist/build-profile-plain.html)
and summarised flat: the tree view alone hides that one helper is called from five
places, which is what a speed fix needs to know.
"""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..edition.paths import ROOT
from .builds import ENV, build_args


def profile(project: Path, dest: Path, session: Path, strict: bool) -> None:
    """One build under pyinstrument, saved as a session file to render afterwards."""
    subprocess.run([sys.executable, "-m", "pyinstrument", "-r", "session", "-o", str(session),
                    "-m", "mkdocs", *build_args(project, strict), "-d", str(dest), "-f", str(project / "mkdocs.yml")],
                   cwd=project, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def render_html(session: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "pyinstrument", "--load", str(session), "-r", "html", "-o", str(out)],
                   env=ENV, check=True, capture_output=True)


def _package(frame: Any) -> str:
    """'scripts/edition/glossary.py', 'markdown', 'jinja2', ... for a frame's file."""
    path = frame.file_path or ""
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.startswith(str(ROOT)):
        return str(Path(path).relative_to(ROOT))
    if "/lib/python3" in path:  # stdlib/html, stdlib/re, ...
        rest = path.split("/lib/python3", 1)[1].split("/", 2)
        return "stdlib/" + (rest[1].removesuffix(".py") if len(rest) > 1 else "?")
    return path or "?"


def summary(session_file: Path, top: int = 15) -> dict[str, Any]:
    """Total seconds; self time per package (built-ins charged to their caller's package);
    cumulative time of the project's own functions (recursion counted once); and self time
    by (nearest project function above it, package): which of our calls the libraries' time
    is spent for."""
    from pyinstrument.session import Session

    root = Session.load(str(session_file)).root_frame()
    if root is None:
        raise ValueError(f"{session_file}: the profile holds no frames")
    scripts_dir = str(ROOT / "scripts") + "/"
    by_package: dict[str, float] = defaultdict(float)
    ours: dict[str, float] = defaultdict(float)
    for_caller: dict[str, float] = defaultdict(float)

    def walk(frame: Any, package: str, caller: str, active: frozenset[str]) -> None:
        if frame.is_synthetic:  # [self] / [await] leaves: already in their parent's total_self_time
            return
        path = frame.file_path or ""
        # built-ins (<built-in>, <frozen ...>) and synthetic frames count for their caller
        own = package if not path or path.startswith("<") else _package(frame)
        by_package[own] += frame.total_self_time
        if path.startswith(scripts_dir) and not frame.function.startswith("<"):  # not <listcomp>, <lambda>
            caller = f"{own}:{frame.function}"
            if caller not in active:
                ours[caller] += frame.time
                active = active | {caller}
        for_caller[f"{caller} -> {own}"] += frame.total_self_time
        for child in frame.children:
            walk(child, own, caller, active)

    walk(root, "?", "(outside the project)", frozenset())

    def ranked(d: dict[str, float]) -> dict[str, float]:
        return {k: round(v, 2) for k, v in sorted(d.items(), key=lambda kv: -kv[1])[:top]}
    return {"total_s": round(root.time, 2), "self_by_package_s": ranked(by_package),
            "project_functions_s": ranked(ours), "self_by_caller_and_package_s": ranked(for_caller)}


def print_summary(name: str, s: dict[str, Any], html: Path) -> None:
    print(f"\n=== {name}: one `mkdocs build` under pyinstrument, {s['total_s']} s "
          f"(full profile: {html.relative_to(ROOT)}) ===")
    print("Self time by package (s):")
    for k, v in s["self_by_package_s"].items():
        print(f"  {v:7.2f}  {k}")
    for key, title in (("project_functions_s", "Project functions, cumulative (s):"),
                       ("self_by_caller_and_package_s", "Self time by nearest project function -> package (s):")):
        if s[key]:
            print(title)
            for k, v in s[key].items():
                print(f"  {v:7.2f}  {k}")
