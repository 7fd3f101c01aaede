"""YAML front matter with line numbers, validated against a JSON Schema.

PyYAML's safe_load forgets where values came from and silently keeps the last
of two duplicate keys, so we compose the node tree ourselves: it gives every
key a line number for error messages and lets us reject duplicates.
"""
from __future__ import annotations

import difflib
import json
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import ContentError
from .textfile import read_text

# The schemas stay in scripts/schemas/: they are the data contract that the published
# pages, data/ and CONTRIBUTING.md point readers to, for the exports as for the input.
#: Names the entry a schema location belongs to, for messages (see entry_label).
Label = Callable[[list[Any]], "str | None"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # a base chosen at run time
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


#: YAML parsed without error in this process, by (text, first line): a `mkdocs serve` rebuild, or a
#: check of another copy of the project, parses only what changed. Each caller gets its own copy
#: of the data (kept pickled); the line map (read only) is shared.
_PARSED: dict[tuple[str, int], tuple[Any, LineMap]] = {}
#: (schema, data as JSON) found valid in this process: validated once.
_VALID: set[tuple[str, str]] = set()


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, LineMap, list[ContentError]]:
    """Parse YAML text that starts at `first_line` of `path`."""
    known = _PARSED.get((text, first_line))
    if known is not None:
        return pickle.loads(known[0]), known[1], []
    data, lines, errors = _parse_yaml(text, path, first_line)
    if not errors:
        _PARSED[(text, first_line)] = (pickle.dumps(data), lines)
    return data, lines, errors


def _parse_yaml(text: str, path: Path, first_line: int) -> tuple[Any, LineMap, list[ContentError]]:
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
        quote = _unclosed_quote(text, exc)
        if quote is not None:
            opened, mark_char = quote
            return None, LineMap(None, offset), [ContentError(
                path, opened + 1 + offset, f"the quote {mark_char} opened on this line is never closed, so the "
                f"value runs on into the lines below (YAML gives up on line {line})",
                f"end the value on this line with a closing {mark_char}, or remove the opening {mark_char}",
                "yaml")]
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


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """(0-based line, quote mark) of a quoted value that swallowed the lines after it, if that
    is what broke the YAML.

    PyYAML reports where it gave up, which for an unclosed quote is wherever the next
    quote mark happens to stand (or the end of the front matter), often many lines below.
    A quoted scalar that spans lines and ends where the error is, is the culprit.
    """
    if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
        start = exc.context_mark
        return start.line, text[start.index] if start.index < len(text) else '"'
    where = (exc.problem_mark or exc.context_mark)
    if where is None:
        return None
    tokens: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            tokens.append(token)
    except yaml.YAMLError:
        pass
    before = [t for t in tokens if t.start_mark.line < where.line]
    last = before[-1] if before else None  # what began before the line where YAML gave up
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") \
            and last.end_mark.line > last.start_mark.line and last.end_mark.line >= where.line - 1:
        return last.start_mark.line, last.style
    return None


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
             what: str = "front matter", label: Label | None = None) -> list[ContentError]:
    """Validate `data` against a schema and turn each failure into a ContentError.

    `label(location)` may name the entry a location belongs to ("the term 商标"), so a
    message says which entry is wrong, not which list index.
    """
    try:
        seen = (schema_name, json.dumps(data, sort_keys=True, ensure_ascii=False))
    except (TypeError, ValueError):  # not JSON data (a date YAML made an object of): validated each time
        seen = None
    if seen is not None and seen in _VALID:
        return []
    schema = load_schema(schema_name)
    validator = Draft202012Validator(schema)
    errors = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        errors.append(_explain(err, schema, schema_name, path, lines, what, label))
    if not errors and seen is not None:
        _VALID.add(seen)
    return errors


def load_entries(path: Path, schema_name: str, what: str, key: str, noun: str, entries: str
                 ) -> tuple[Any, LineMap, list[ContentError]]:
    """A data file that is a list of entries (the glossary, the laws, the witnesses), read as
    UTF-8, parsed and held against its schema: (entries, their lines, errors). No entries (and
    an empty line map) when a step fails: the errors then say why, at file and line."""
    text = read_text(path)
    if isinstance(text, ContentError):
        return None, LineMap(None, 0), [text]
    data, lines, errors = parse_yaml(text, path)
    if data is None:
        return None, LineMap(None, 0), errors
    schema_errors = validate(data, schema_name, path, lines, what=what, label=entry_label(data, key, noun, entries))
    if schema_errors:
        return None, LineMap(None, 0), errors + schema_errors
    return data, lines, errors


def entry_label(data: Any, key: str, noun: str, entries: str) -> Label:
    """A Label for a file that is a list of entries named by `key` (the glossary: 'zh')."""
    def label(loc: list[Any]) -> str | None:
        if not loc or not isinstance(loc[0], int) or not isinstance(data, list) or loc[0] >= len(data):
            return None
        item = data[loc[0]]
        name = item.get(key) if isinstance(item, dict) else None
        who = f"{noun} {name}" if isinstance(name, str) and name else f"{entries} entry {loc[0] + 1}"
        rest = ".".join(str(p) for p in loc[1:])
        return f"{who}, '{rest}'" if rest else who
    return label


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


_TYPES = {"string": "text", "array": "a list", "object": "a set of 'key: value' lines", "integer": "a whole number",
          "number": "a number", "boolean": "true or false", "null": "null"}


def _explain(err: ValidationError, schema: dict[str, Any], schema_name: str, path: Path, lines: LineMap,
             what: str, label: Label | None = None) -> ContentError:
    # jsonschema types these as possibly unset; every error iter_errors yields has both
    instance: Any = err.instance
    rule: Any = err.validator_value
    loc = list(err.absolute_path)
    line = lines.line(loc)
    place = (label(loc) if label else None) or _where(loc)
    if err.validator == "additionalProperties":
        allowed = sorted(_subschema(schema, loc).get("properties", {}))
        unknown = [k for k in instance if k not in allowed]
        key = unknown[0] if unknown else "?"
        line = lines.line(loc + [key])
        guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return ContentError(path, line, f"unknown key '{key}' in {what} ({place})",
                            f"{hint}allowed keys here: {', '.join(allowed)}", "schema")
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        desc = _subschema(schema, loc + [missing]).get("description", "")
        return ContentError(path, line, f"{what} lacks the required key '{missing}' ({place})",
                            f"add '{missing}:'. {desc}".strip(), "schema")
    if err.validator == "enum":
        options = [str(o) for o in rule]
        guess = difflib.get_close_matches(str(instance), options, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return ContentError(path, line, f"'{instance}' is not allowed for {place}",
                            f"{hint}use one of: {', '.join(options)}", "schema")
    desc = _subschema(schema, loc).get("description", "")
    key = str(loc[-1]) if loc and not isinstance(loc[-1], int) else None
    write = f"write {desc[0].lower() + desc[1:].rstrip('.')}" if desc else "write a value"
    write += f" after '{key}:'" if key else ""
    if err.validator == "type" and instance is None:
        return ContentError(path, line, f"{place} has no value", write, "schema")
    if err.validator == "type":
        expected = rule if isinstance(rule, str) else rule[0]
        return ContentError(path, line, f"{place} should be {_TYPES.get(expected, expected)}, not "
                            f"{instance!r}", write, "schema")
    if err.validator == "minLength":
        return ContentError(path, line, f"{place} is empty", write, "schema")
    return ContentError(path, line, f"{place}: {err.message}",
                        desc or f"see scripts/schemas/{schema_name}", "schema")
