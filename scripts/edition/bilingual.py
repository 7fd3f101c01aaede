"""Data written in both languages: an English field and its Chinese counterpart (`key_zh`).

The glossary's definitions, reasons and notes and the laws' notes and article subjects are shown
in the interface's language; `make check` keeps the two in step, so the Chinese interface never
falls back to English unnoticed, and a Chinese text never stands without the English it matches.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ContentError
from .yamlmap import LineMap

_LABEL = {"definition": "definition", "why": "reason for not using a rendering", "note": "note",
          "subject": "subject of an article"}


def paired(path: Path, lines: LineMap, owner: str,
           fields: list[tuple[list[Any], dict[str, Any], str]]) -> list[ContentError]:
    """For each (YAML path of a mapping, the mapping, key): `key` and `key_zh` are both there or
    both absent; an error names the line of the one that is there. Shared with data/laws.yml."""
    errors: list[ContentError] = []
    for where, mapping, key in fields:
        en, zh = str(mapping.get(key) or "").strip(), str(mapping.get(key + "_zh") or "").strip()
        if en and not zh:
            errors.append(ContentError(path, lines.line([*where, key]),
                                       f"{owner} has an English {_LABEL[key]} but no Chinese one",
                                       f"add `{key}_zh:` after `{key}:`, with the same facts written for a Chinese "
                                       "legal reader (not a word-for-word translation)", "bilingual"))
        elif zh and not en:
            errors.append(ContentError(path, lines.line([*where, key + "_zh"]),
                                       f"{owner} has a Chinese {_LABEL[key]} but no English one",
                                       f"add `{key}:` before `{key}_zh:`, saying the same in English", "bilingual"))
    return errors
