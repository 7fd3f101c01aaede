"""The layering of scripts/, read from the source with `ast` (nothing is imported or run).

The rule: nothing in the content model imports the renderer, and nothing imports upward.
Each part of scripts/ stands on a floor; a module imports from its own part, from parts on
lower floors, and sideways only where SIDEWAYS says so.
"""
from __future__ import annotations

import ast
import functools
from pathlib import Path
from typing import Iterator

import pytest

from helpers import ROOT

pytestmark = pytest.mark.unit

SCRIPTS = ROOT / "scripts"

FLOORS = {
    # 0. the content model: pages, data, checks; no HTML, no MkDocs, no interface strings
    "scripts.edition": 0,
    # 1. services the renderers and the commands share
    "scripts.settings": 1, "scripts.vcs": 1, "scripts.browser": 1, "scripts.plaintext": 1, "scripts.process": 1,
    "scripts.site_markdown": 1,  # Markdown rendered as the site renders it, for the allowlist's check
    "scripts.markup": 1,  # HTML built with automatic escaping, for every part that writes markup
    # 2. what is made from the edition: pages per interface, files for readers' tools, HTML rewriting
    "scripts.site": 2, "scripts.publish": 2, "scripts.postprocess": 2,
    # 3. one MkDocs build (EditionBuild)
    "scripts.build": 3,
    # 4. what runs them: MkDocs' hooks, the commands, the benchmark
    "scripts.hooks": 4, "scripts.tools": 4, "scripts.bench": 4,
    # 5. the single entry point, `python -m scripts`
    "scripts.__main__": 5,
}
SIDEWAYS = {("scripts.vcs", "scripts.settings"), ("scripts.browser", "scripts.settings")}
# packages a part may not use at all, whatever their floor
FORBIDDEN = {
    "scripts.edition": ("mkdocs", "jinja2", "markdown", "html", "lxml.html"),
    "scripts.tools": ("scripts.site", "scripts.publish", "scripts.postprocess", "scripts.build", "scripts.hooks"),
    "scripts.bench": ("scripts.site", "scripts.publish", "scripts.postprocess", "scripts.build", "scripts.hooks"),
}
TESTS = ("tests", "helpers", "conftest")


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SCRIPTS.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


@functools.cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def imported(module: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, relative ones resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            yield node.lineno, name
            if node.module is None:  # `from . import x`: x is a module
                yield from ((node.lineno, f"{name}.{alias.name}") for alias in node.names)


def part(module: str) -> str | None:
    return next((p for p in sorted(FLOORS, key=len, reverse=True) if module == p or module.startswith(p + ".")), None)


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_every_module_has_a_floor() -> None:
    unplaced = [m for m, _ in modules() if m != "scripts" and part(m) is None]
    assert unplaced == [], "place new modules of scripts/ on a floor in FLOORS"


def test_nothing_imports_upward_or_sideways_and_the_model_renders_nothing() -> None:
    broken = []
    for module, path in modules():
        mine = part(module)
        if mine is None:
            continue
        for line, name in imported(module, path):
            where = f"{path.relative_to(ROOT)}:{line}: {mine} imports {name}"
            if any(within(name, t) for t in TESTS):
                broken.append(f"{where} (nothing imports the tests)")
            if any(within(name, f) for f in FORBIDDEN.get(mine, ())):
                broken.append(f"{where} (forbidden for {mine})")
            theirs = part(name) if within(name, "scripts") else None
            if theirs is None or theirs == mine:
                continue
            if FLOORS[theirs] > FLOORS[mine]:
                broken.append(f"{where} (upward: floor {FLOORS[mine]} -> {FLOORS[theirs]})")
            elif FLOORS[theirs] == FLOORS[mine] and (mine, theirs) not in SIDEWAYS:
                broken.append(f"{where} (sideways on floor {FLOORS[mine]})")
    assert broken == [], "\n".join(broken)


def test_imports_inside_scripts_are_relative_and_only_hooks_touches_sys_path() -> None:
    """MkDocs loads hooks.py by path, outside the package: it alone needs sys.path and absolute imports."""
    wrong = []
    for module, path in modules():
        if module == "scripts.hooks":
            continue
        for node in ast.walk(tree(path)):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
                names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                wrong += [f"{path.relative_to(ROOT)}:{node.lineno}: absolute import of {n}"
                          for n in names if n and within(n, "scripts")]
            if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: sys.path")
    assert wrong == [], "\n".join(wrong)


def test_hooks_are_a_thin_list_of_events() -> None:
    source = (SCRIPTS / "hooks.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 100
    events = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    # `_on_x`: one of two handlers of an event at different priorities (MkDocs' CombinedEvent)
    assert events and all(n.name.startswith(("on_", "_on_")) for n in events)
    for event in events:
        body = [s for s in event.body if not isinstance(s, ast.Expr) or not isinstance(s.value, ast.Constant)]
        assert len(body) == 1, f"hooks.{event.name} does more than hand the event to the EditionBuild"
