"""The concordance (data/concordance.yml): old and new numbers when the official text renumbered the edition.

Our outline of measures (3)–(21) was conjecture. When the official text is
imported (`python -m scripts import --apply`), numbers, pages and paragraph ids
follow it, and the import writes this file, a correlation table like those EUR-Lex
publishes for a renumbered act: for each official measure, the measure of this
edition whose subject it continues, and every id (paragraph or margin number)
whose address changed. The site shows it, tells readers on each renumbered page
where its former content went, and sends citations made before the import to the
text they cited. Before any import it is empty, and nothing of it shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .page import NOTE_ID
from .paths import FORMER, ID_RE, MEASURES, slug
from .yamlmap import parse_yaml, validate

CONCORDANCE = "data/concordance.yml"
HEADER = """\
# The concordance: written by `python -m scripts import --apply` when the official text
# renumbered the edition; do not edit by hand. Each entry pairs a measure of this edition
# (`edition`, its number before the import; null for a measure the edition did not have)
# with the official measure (`official`; null when the official text has no counterpart,
# kept at `kept_at`), and lists every id whose address changed. Empty before any import.
# Schema: scripts/schemas/concordance.schema.json
"""


@dataclass(frozen=True)
class Entry:
    edition: int | None
    official: int | None
    shape: str
    confidence: float | None
    also: tuple[int, ...]
    kept_at: str | None
    ids: tuple[tuple[str, str], ...]
    review: tuple[tuple[str, str], ...]
    line: int


@dataclass
class Concordance:
    imported: str | None = None
    reference: str | None = None
    entries: list[Entry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def where_now(self, old: int) -> tuple[str, int] | None:
        """Where the content of this edition's former measure `old` now is: (folder, number)."""
        for e in self.entries:
            if e.edition == old or old in e.also:
                return (FORMER, old) if e.official is None else (MEASURES, e.official)
        return None

    def came_from(self, number: int) -> Entry | None:
        """The entry of the official measure `number`."""
        return next((e for e in self.entries if e.official == number), None)

    def former_at(self, number: int) -> list[int]:
        """Our former measures whose content left the address measures/NN/ (NN = number)."""
        return [old for old in self._olds() if old == number and self.where_now(old) != (MEASURES, number)]

    def _olds(self) -> list[int]:
        return sorted({n for e in self.entries for n in ((e.edition,) if e.edition else ()) + e.also})

    def moved_ids(self, old: int) -> dict[str, str]:
        """For the old page measures/NN/ (NN = old): every old fragment id whose text is now
        elsewhere -> its new address, relative to the site root ('measures/09/#m09-1')."""
        out: dict[str, str] = {}
        for e in self.entries:
            if e.edition != old and old not in e.also:
                continue
            folder, number = (FORMER, e.edition) if e.official is None else (MEASURES, e.official)
            if number is None:
                continue  # an entry that names neither measure has no page (check_concordance reports it)
            prefix = f"m{old:02d}-"
            for before, after in e.ids:
                if before.startswith(prefix) or (old == 0 and before.startswith("pre-")):
                    out[before] = f"{folder}/{slug(number)}/#{after}"
        return out

    def review_reason(self, number: int, pid: str, former: bool = False) -> str | None:
        for e in self.entries:
            if (e.official if not former else (e.edition if e.official is None else None)) == number:
                return dict(e.review).get(pid)
        return None


def load_concordance(root: Path) -> tuple[Concordance, list[ContentError]]:
    path = root / CONCORDANCE
    if not path.exists():
        return Concordance(), []
    data, lines, errors = parse_yaml(path.read_text(encoding="utf-8"), path)
    if data is None:
        return Concordance(), errors
    schema_errors = validate(data, "concordance.schema.json", path, lines, what="the concordance")
    if schema_errors:
        return Concordance(), errors + schema_errors
    conc = Concordance(data.get("imported"), data.get("reference"))
    for k, item in enumerate(data.get("measures") or []):
        conc.entries.append(Entry(item.get("edition"), item.get("official"), item["shape"], item.get("confidence"),
                                  tuple(item.get("also", [])), item.get("kept_at"),
                                  tuple((x["edition"], x["official"]) for x in item.get("ids", [])),
                                  tuple((x["id"], x["why"]) for x in item.get("review", [])),
                                  lines.line(["measures", k])))
    return conc, errors


def check_concordance(path: Path, conc: Concordance, measures: set[int], former: set[int]) -> list[ContentError]:
    """Every official number is a page, every kept measure is kept, no id is moved twice."""
    errors: list[ContentError] = []
    seen: dict[int, int] = {}
    for e in conc.entries:
        if e.official is not None:
            if e.official not in measures:
                errors.append(ContentError(path, e.line, f"the concordance names official measure {e.official}, "
                                           "which has no page", "restore the page, or correct the entry", "concordance"))
            if e.official in seen:
                errors.append(ContentError(path, e.line, f"official measure {e.official} appears twice (first on "
                                           f"line {seen[e.official]})", "keep one entry per official measure",
                                           "concordance"))
            seen[e.official] = e.line
        elif e.edition not in former:
            errors.append(ContentError(path, e.line, f"former measure {e.edition} has no counterpart, but "
                                       f"docs/{FORMER}/{slug(e.edition or 0)}.md is missing",
                                       "restore the page: a measure without counterpart is kept, never deleted",
                                       "concordance"))
        for before, after in e.ids:
            if not all(ID_RE.match(x) or NOTE_ID.match(x) or x in ("commentary", "commentary-zh")
                       for x in (before, after)):
                errors.append(ContentError(path, e.line, f"malformed id pair {before} -> {after}",
                                           "ids are paragraph ids (m08-1) or margin numbers (m08-n3)", "concordance"))
    return errors
