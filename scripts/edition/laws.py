"""The statutes and instruments the commentary relies on: data, mentions and checks.

Measure pages list the laws they invoke in front matter; `make check` makes
sure every id exists and that commentary naming a law also lists it, so the
index built from front matter (scripts/site/laws_page.py) is complete.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .corpus import Corpus
from .errors import ContentError
from .textfile import read_text
from .yamlmap import entry_label, parse_yaml, validate


@dataclass
class Law:
    id: str
    kind: str
    zh: str
    en: str
    names: list[str]
    line: int
    articles: list[dict[str, str]] = field(default_factory=list)
    note: str = ""
    names_zh: list[str] = field(default_factory=list)  # as the Chinese commentary names it, inside 《》
    version: str = ""  # which text the edition cites

    def patterns(self) -> list[re.Pattern[str]]:
        return list(_name_patterns(tuple(self.names)))


@lru_cache(maxsize=1024)
def _name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Longest name first; compiled once per set of names (asked for every paragraph)."""
    return tuple(re.compile(r"(?<![\w-])" + re.escape(n).replace(r"\ ", r"\s+") + r"(?![\w-])")
                 for n in sorted(names, key=len, reverse=True))


def load_laws(root: Path) -> tuple[dict[str, Law], list[ContentError]]:
    path = root / "data" / "laws.yml"
    text, unreadable = read_text(path)
    if text is None:
        return {}, [unreadable]
    data, lines, errors = parse_yaml(text, path)
    if data is None:
        return {}, errors
    schema_errors = validate(data, "laws.schema.json", path, lines, what="data/laws.yml",
                             label=entry_label(data, "id", "the law", "laws.yml"))
    if schema_errors:
        return {}, errors + schema_errors
    laws: dict[str, Law] = {}
    for k, item in enumerate(data):
        line = lines.line([k])
        if item["id"] in laws:
            errors.append(ContentError(path, line, f"the law id '{item['id']}' is used twice",
                                       "give each instrument its own id", "laws"))
            continue
        laws[item["id"]] = Law(item["id"], item["kind"], item["zh"], item["en"], list(item["names"]), line,
                               list(item.get("articles", [])), item.get("note", ""),
                               list(item.get("names_zh", [])), item.get("version", ""))
    return laws, errors


def mentioned(law: Law, text: str) -> int | None:
    """Offset of the first mention of `law` in `text`, or None."""
    hits = [m.start() for p in law.patterns() for m in [p.search(text)] if m]
    return min(hits) if hits else None


def check_laws(corpus: Corpus, laws: dict[str, Law]) -> list[ContentError]:
    """Front-matter law ids exist; commentary that names a law lists it in front matter."""
    errors: list[ContentError] = []
    for page in corpus.ordered():
        listed = page.meta.get("laws", [])
        for k, law_id in enumerate(listed):
            if law_id not in laws:
                guess = difflib.get_close_matches(law_id, list(laws), n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                errors.append(ContentError(page.path, page.lines.line(["laws", k]),
                                           f"law '{law_id}' is not in data/laws.yml",
                                           f"{hint}add it to data/laws.yml or correct the id", "laws"))
        if not page.commentary or page.commentary_line is None:
            continue
        # "Criminal Law Amendment XI" must not count as a mention of the Criminal Law itself
        text = page.commentary
        for law in sorted(laws.values(), key=lambda l: -max(len(n) for n in l.names)):
            offset = mentioned(law, text)
            if offset is None:
                continue
            for p in law.patterns():
                text = p.sub(lambda m: "\u2591" * len(m.group(0)), text)
            if law.id not in listed:
                line = page.commentary_start + page.commentary[:offset].count("\n")
                errors.append(ContentError(page.path, line,
                                           f"the commentary names the {law.names[0]} but front matter 'laws' "
                                           f"does not list '{law.id}'",
                                           f"add '{law.id}' to 'laws:' so the index of laws is complete",
                                           "laws"))
    return errors


def invoked_by(corpus: Corpus, law_id: str) -> list[int]:
    return [p.number for p in corpus.ordered() if law_id in p.meta.get("laws", [])]
