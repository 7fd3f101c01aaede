"""Front matter edited in place: what the import changes is changed, the rest keeps its bytes.

The import rebuilds every page's front matter (numbers, ids, attestations, the source
note), but a reviewer must be able to read the diff: re-serialising the whole mapping
turned flow lists into block lists and folded notes into quoted strings, thousands of
lines that say nothing. ruamel.yaml round-trips YAML with its comments, quotes, flow
style and folded scalars; `update` merges the new values into that tree, so an unchanged
value keeps its exact text, and a new or changed one is written in the house style
(short lists and list items in flow style, long notes folded near 100 columns).
"""
from __future__ import annotations

import datetime as dt
import io
import pickle
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

WIDTH = 100  # where a new folded note is wrapped, as the pages are
FOLD_OVER = 80  # a new string longer than this is written folded (>-), as the notes are


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line that was kept: the page's own line breaks stand
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def load(text: str) -> Any:
    return _yaml().load(text)


def dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def plain(node: Any) -> Any:
    """The value without its styling, to compare with what the import computed."""
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, ScalarString):
        return str(node)
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()  # the pages' reader keeps dates as the strings they are written as
    return node


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _folded(text: str, indent: int) -> FoldedScalarString:
    """A long string as a folded scalar, broken at spaces so that lines stay near WIDTH columns."""
    out = FoldedScalarString(text)
    folds, start = [], 0
    limit = WIDTH - indent
    while len(text) - start > limit:
        cut = text.rfind(" ", start, start + limit)
        if cut <= start or text[cut + 1:cut + 2] == " ":
            break
        folds.append(cut)
        start = cut + 1
    out.fold_pos = folds
    return out


def styled(value: Any, indent: int = 0, in_list: bool = False) -> Any:
    """A new value in the house style: lists of scalars and small mappings in a list in flow
    style (`[a, b]`, `- {text: …, grade: A}`), long strings folded."""
    if isinstance(value, dict):
        node = CommentedMap((k, styled(v, indent + 2)) for k, v in value.items())
        if in_list and all(_scalar(v) or (isinstance(v, list) and all(map(_scalar, v))) for v in value.values()) \
                and not any(isinstance(v, str) and len(v) > FOLD_OVER for v in value.values()):
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(styled(v, indent + 4, in_list=True) for v in value)
        if all(map(_scalar, value)):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and len(value) > FOLD_OVER and "\n" not in value and not in_list:
        return _folded(value, indent + 2)
    return value


def update(old: Any, new: Any, indent: int = 0) -> Any:
    """`old` (a round-trip tree) changed into `new` (plain data), keeping the text of what is unchanged."""
    if plain(old) == new and type(plain(old)) is type(new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for position, (key, value) in enumerate(new.items()):
            if key in old:
                old[key] = update(old[key], value, indent + 2)
            else:
                old.insert(min(position, len(old)), key, styled(value, indent + 2))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        if all(map(_scalar, new)) and old.fa.flow_style():
            seq = CommentedSeq(new)
            seq.fa.set_flow_style()
            return seq
        for k, value in enumerate(new):
            if k < len(old):
                old[k] = update(old[k], value, indent + 4)
            else:
                old.append(styled(value, indent + 4, in_list=True))
        del old[len(new):]
        return old
    if isinstance(old, FoldedScalarString) and isinstance(new, str):
        return _folded(new, indent)
    return styled(new, indent)


def rewrite(original: str | None, meta: dict[str, Any]) -> str:
    """The front matter `meta` as YAML: edited in place from `original` when there is one. The
    import asks for each page's twice (to check that no commentary is lost, then to write it), and
    a round trip through ruamel.yaml is its slowest step: the answer is kept for the process."""
    key = (original, pickle.dumps(meta))
    if key not in _REWRITTEN:
        _REWRITTEN[key] = dump(styled(meta)) if original is None else dump(update(load(original), meta))
    return _REWRITTEN[key]


_REWRITTEN: dict[tuple[str | None, bytes], str] = {}
