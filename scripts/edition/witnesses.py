"""The witness register (data/witnesses.yml): the public sources that attest the wording.

A witness is cited by its siglum (R1, P1, E1 …) in a page's attestations, variants
and heading. Its grade is the strongest attestation it can give: a reprint of the
document (A), a report quoting it (B), a paraphrase or the English report (C).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .yamlmap import load_entries

GRADES = ("A", "B", "C")
#: Grades whose wording counts towards the attested share.
SHARE_GRADES = frozenset({"A", "B"})
#: Kinds of witness that report the document (two of them agreeing give grade B).
REPORT_KINDS = frozenset({"quotation", "paraphrase"})


def rank(grade: str) -> int:
    """0 for A (strongest) … 2 for C."""
    return GRADES.index(grade)


@dataclass(frozen=True)
class Witness:
    siglum: str
    kind: str
    grade: str
    date: str | None
    publisher: dict[str, str]
    address: str
    covers: dict[str, str]
    note: dict[str, str] | None
    line: int


def load_witnesses(root: Path) -> tuple[dict[str, Witness], list[ContentError]]:
    """The register, in file order (the order sigla are shown in)."""
    path = root / "data" / "witnesses.yml"
    if not path.exists():
        return {}, [ContentError(path, 1, "the witness register is missing",
                                 "restore data/witnesses.yml", "witnesses")]
    data, lines, errors = load_entries(path, "witnesses.schema.json", "the witness register", "siglum",
                                       "the witness", "register")
    if data is None:
        return {}, errors
    register: dict[str, Witness] = {}
    for k, item in enumerate(data):
        line = lines.line([k])
        siglum = item["siglum"]
        if siglum in register:
            errors.append(ContentError(path, line, f"the siglum '{siglum}' is used twice (first on line "
                                       f"{register[siglum].line})", "give each witness its own siglum",
                                       "witnesses"))
            continue
        register[siglum] = Witness(siglum, item["kind"], item["grade"], item.get("date"), dict(item["publisher"]),
                                   item.get("address", ""), dict(item["covers"]), item.get("note"), line)
    return register, errors
