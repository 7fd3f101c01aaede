"""YAML front matter with line numbers, validated against a JSON Schema.

PyYAML's safe_load forgets where values came from and silently keeps the last
of two duplicate keys, so we compose the node tree ourselves: it gives every
key a line number for error messages and lets us reject duplicates.
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import ContentError

# The schemas stay in scripts/schemas/: they are the data contract that the published
# pages, data/ and CONTRIBUTING.md point readers to, for the exports as for the input.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that keeps dates as strings ('2022-03-01' stays text).

    libyaml's parser when PyYAML has it (the wheels do): same nodes and marks,
    a tenth of the time; the glossary alone is a few thousand nodes.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


class LineMap:
    """Maps a path of keys/indexes inside a YAML document to a file line."""

    def __init__(self, node: yaml.Node | None, offset: int) -> None:
        self.node = node
        self.offset = offset

    def line(self, path: list[Any] | tuple[Any, ...] = ()) -> int:
        node = self.node
        best = node.start_mark.line if node is not None else 0
        for key in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for knode, vnode in node.value:
                    if knode.value == key:
                        best = knode.start_mark.line
                        child = vnode
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if 0 <= key < len(node.value):
                    child = node.value[key]
                    best = child.start_mark.line
            if child is None:
                break
            node = child
        return best + self.offset + 1


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, LineMap, list[ContentError]]:
    """Parse YAML text that starts at `first_line` of `path`."""
    errors: list[ContentError] = []
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = exc.problem or str(exc)
        return None, LineMap(None, offset), [ContentError(
            path, line, f"the YAML is malformed: {problem}",
            "check indentation, colons and quoting on this line and the one before "
            "(quote text containing ': ' or starting with a special character)",
            "yaml")]
    finally:
        loader.dispose()
    lines = LineMap(node, offset)
    _find_duplicate_keys(node, path, offset, errors)
    return data, lines, errors


def _find_duplicate_keys(node: yaml.Node | None, path: Path, offset: int,
                         errors: list[ContentError]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            line = knode.start_mark.line + offset + 1
            if knode.value in seen:
                errors.append(ContentError(
                    path, line, f"the key '{knode.value}' appears twice (first on line {seen[knode.value]})",
                    "keep one of the two; YAML would silently use only the last", "yaml"))
            else:
                seen[knode.value] = line
            _find_duplicate_keys(vnode, path, offset, errors)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _find_duplicate_keys(item, path, offset, errors)


def validate(data: Any, schema_name: str, path: Path, lines: LineMap,
             what: str = "front matter") -> list[ContentError]:
    """Validate `data` against a schema and turn each failure into a ContentError."""
    schema = load_schema(schema_name)
    validator = Draft202012Validator(schema)
    errors = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        errors.append(_explain(err, schema, path, lines, what))
    return errors


def _subschema(schema: dict[str, Any], path: list[Any]) -> dict[str, Any]:
    node = schema
    for key in path:
        if isinstance(key, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(key, {})
    return node


def _where(path: list[Any]) -> str:
    return ".".join(str(p) for p in path) if path else "the top level"


def _explain(err: ValidationError, schema: dict[str, Any], path: Path, lines: LineMap,
             what: str) -> ContentError:
    loc = list(err.absolute_path)
    line = lines.line(loc)
    if err.validator == "additionalProperties":
        allowed = sorted(_subschema(schema, loc).get("properties", {}))
        unknown = [k for k in err.instance if k not in allowed]
        key = unknown[0] if unknown else "?"
        line = lines.line(loc + [key])
        guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return ContentError(path, line, f"unknown key '{key}' in {what} ({_where(loc)})",
                            f"{hint}allowed keys here: {', '.join(allowed)}", "schema")
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        desc = _subschema(schema, loc + [missing]).get("description", "")
        return ContentError(path, line, f"{what} lacks the required key '{missing}' ({_where(loc)})",
                            f"add '{missing}:'. {desc}".strip(), "schema")
    if err.validator == "enum":
        options = [str(o) for o in err.validator_value]
        guess = difflib.get_close_matches(str(err.instance), options, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return ContentError(path, line, f"'{err.instance}' is not allowed for {_where(loc)}",
                            f"{hint}use one of: {', '.join(options)}", "schema")
    desc = _subschema(schema, loc).get("description", "")
    return ContentError(path, line, f"{_where(loc)}: {err.message}",
                        desc or "see scripts/schemas/" + "front-matter.schema.json", "schema")
