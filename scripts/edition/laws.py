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
from typing import Any

import yaml

from .bilingual import paired
from .corpus import Corpus
from .errors import ContentError
from .yamlmap import LineMap, load_entries


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
    note_zh: str = ""  # the note written for a Chinese reader
    last_article: int | None = None  # the instrument's last article, in the version cited

    def note_in(self, lang: str) -> tuple[str, str]:
        """The note for an interface, and the language it is written in."""
        return (self.note_zh, "zh") if lang == "zh" and self.note_zh else (self.note, "en")

    @staticmethod
    def subject_in(article: dict[str, str], lang: str) -> tuple[str, str]:
        """What an article says, for an interface, and the language it is written in."""
        if lang == "zh" and article.get("subject_zh"):
            return article["subject_zh"], "zh"
        return article["subject"], "en"

    def patterns(self) -> list[re.Pattern[str]]:
        return list(_name_patterns(tuple(self.names)))


@lru_cache(maxsize=1024)
def _name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Longest name first; compiled once per set of names (asked for every paragraph)."""
    return tuple(re.compile(r"(?<![\w-])" + re.escape(n).replace(r"\ ", r"\s+") + r"(?![\w-])")
                 for n in sorted(names, key=len, reverse=True))


def load_laws(root: Path) -> tuple[dict[str, Law], list[ContentError]]:
    path = root / "data" / "laws.yml"
    data, lines, errors = load_entries(path, "laws.schema.json", "data/laws.yml", "id", "the law", "laws.yml")
    if data is None:
        return {}, errors
    laws: dict[str, Law] = {}
    for k, item in enumerate(data):
        line = lines.line([k])
        if item["id"] in laws:
            errors.append(ContentError(path, line, f"the law id '{item['id']}' is used twice",
                                       "give each instrument its own id", "laws"))
            continue
        law = Law(item["id"], item["kind"], item["zh"], item["en"], list(item["names"]), line,
                  list(item.get("articles", [])), item.get("note", ""),
                  list(item.get("names_zh", [])), item.get("version", ""), item.get("note_zh", ""),
                  item.get("last_article"))
        laws[law.id] = law
        fields: list[tuple[list[Any], dict[str, Any], str]] = [([k], item, "note")]
        fields += [([k, "articles", j], a, "subject") for j, a in enumerate(item.get("articles", []))]
        errors += paired(path, lines, f"the law '{item['id']}'", fields)
        errors += _articles_in_range(path, lines, k, law, reference_articles(root, law.id))
    return laws, errors


def article_number(article: str) -> int:
    """The article's place in the sequence: '219-1' (第二百一十九条之一) stands after 219."""
    return int(article.strip().split("-", 1)[0])


def reference_articles(root: Path, law_id: str) -> set[str] | None:
    """The articles the reference extract of the statute holds (../shared/reference/statutes/<id>.yml,
    beside the checkout), or None where there is no extract: on a contributor's machine, or for an
    instrument it does not cover. Read only to check numbers; never copied."""
    path = root.parent / "shared" / "reference" / "statutes" / f"{law_id}.yml"
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None
    return {str(a.get("article", "")).strip() for a in data.get("articles") or [] if isinstance(a, dict)}


def _articles_in_range(path: Path, lines: LineMap, k: int, law: Law, reference: set[str] | None) -> list[ContentError]:
    """A listed article exists: not past the instrument's last, and held by the reference extract where there is one."""
    errors = []
    for a, entry in enumerate(law.articles):
        article = str(entry.get("article", "")).strip()
        line = lines.line([k, "articles", a, "article"])
        if law.last_article is not None and article_number(article) > law.last_article:
            errors.append(ContentError(path, line, f"article {article} is listed for '{law.id}', whose last article "
                                       f"is {law.last_article}",
                                       "check the number against the text in force on 1 March 2022 (or correct "
                                       "last_article, citing the text)", "laws"))
        elif reference is not None and article not in reference:
            errors.append(ContentError(path, line, f"article {article} is listed for '{law.id}', but the reference "
                                       f"text (shared/reference/statutes/{law.id}.yml) does not hold it",
                                       "check the number against the reference text; list only articles it holds",
                                       "laws"))
    return errors


def mentioned(law: Law, text: str) -> int | None:
    """Offset of the first mention of `law` in `text`, or None."""
    hits = [m.start() for p in law.patterns() for m in [p.search(text)] if m]
    return min(hits) if hits else None


@lru_cache(maxsize=8)
def _mention_regex(names: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One alternation of every English name, longest first, so that at any place the longest
    name wins ('Criminal Law Amendment XI' over 'Criminal Law') in a single pass."""
    ordered = sorted(names, key=lambda item: -len(item[1]))
    alts = "|".join(f"(?P<n{k}>{re.escape(name).replace(chr(92) + ' ', chr(92) + 's+')})"
                    for k, (_, name) in enumerate(ordered))
    # the names' first characters, looked at first: most places in a text start none of them,
    # and the alternation is then not tried there (the scan takes a fifth of the time it did)
    first = "".join(sorted({re.escape(name[0]) for _, name in names if name}))
    if not first:
        return re.compile(r"(?!)")  # no names: nothing is a mention
    return re.compile(r"(?=[" + first + r"])(?<![\w-])(?:" + alts + r")(?![\w-])")


def mentions(text: str, laws: dict[str, Law]) -> list[tuple[int, int, Law]]:
    """(start, end, law) of every English mention of an instrument in `text`, in order."""
    names = tuple((law.id, name) for law in laws.values() for name in law.names)
    return [(start, end, laws[law_id]) for start, end, law_id in _mentions(text, names)]


@lru_cache(maxsize=4096)
def _mentions(text: str, names: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, law id) of each mention: several checks and the site ask of the same text."""
    ordered = sorted(names, key=lambda item: -len(item[1]))
    out = []
    for m in _mention_regex(names).finditer(text):
        group = m.lastgroup
        assert group is not None  # every alternative of the pattern is a named group
        out.append((m.start(), m.end(), ordered[int(group[1:])][0]))
    return tuple(out)


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
        # "Criminal Law Amendment XI" does not count as a mention of the Criminal Law itself
        first: dict[str, int] = {}
        for start, _, law in mentions(page.commentary, laws):
            first.setdefault(law.id, start)
        for law_id, offset in first.items():
            law = laws[law_id]
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
