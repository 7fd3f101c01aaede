"""The theme overrides use only what Jinja2 and minijinja (Zensical's engine) both have.

A Python method called on a value (`base_url.rstrip("/")`) works in Jinja2, which hands
templates Python objects, and nowhere else: Zensical 0.0.73 stopped at the first one
(ENGINES.md). The templates are read with Jinja2's parser (nothing is rendered) and every
call of an attribute is refused, except the translation macro `lang.t`, which Material and
Zensical both import into their templates.
"""
from __future__ import annotations

import jinja2
import pytest
from jinja2 import nodes

from helpers import ROOT

pytestmark = pytest.mark.unit

OVERRIDES = ROOT / "overrides"
MACROS = {("lang", "t")}  # (imported template, macro): a macro call, not a Python method


def method_calls(source: str) -> list[tuple[int, str]]:
    """(line, name) of every call of an attribute in a template that is not an allowed macro."""
    found = []
    for call in jinja2.Environment().parse(source).find_all(nodes.Call):
        target = call.node
        if not isinstance(target, nodes.Getattr):
            continue  # a function (oe_t) or super(): no method of a value
        owner = target.node.name if isinstance(target.node, nodes.Name) else None
        if (owner, target.attr) not in MACROS:
            found.append((call.lineno, f"{owner or '…'}.{target.attr}()"))
    return found


def test_the_rule_finds_a_string_method_and_allows_the_translation_macro() -> None:
    assert method_calls('{% set h = base_url.rstrip("/") ~ "/zh/" %}{{ x.split(",") | first }}') == [
        (1, "base_url.rstrip()"), (1, "x.split()")]
    assert method_calls("{{ page.title.startswith('(') }}") == [(1, "….startswith()")]
    assert method_calls('{{ lang.t("search") }}{{ super() }}{{ oe_t("colon") }}{{ base_url[:-1] }}') == []


def test_no_override_calls_a_python_method() -> None:
    templates = sorted(OVERRIDES.rglob("*.html"))
    assert templates, f"no templates under {OVERRIDES}"
    offending = [f"{path.relative_to(ROOT)}:{line}: {name}"
                 for path in templates for line, name in method_calls(path.read_text(encoding="utf-8"))]
    assert offending == [], ("a Python method in a template works in Jinja2 only; use a filter, a test or "
                             "slicing both engines have (ENGINES.md):\n  " + "\n  ".join(offending))
