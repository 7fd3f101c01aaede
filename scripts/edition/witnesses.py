"""The witness register (data/witnesses.yml): the public sources that attest the wording.

A witness is cited by its siglum (R1, P1, E1 …) in a page's attestations, variants
and heading. Its grade is the strongest attestation it can give: a reprint of the
document (A), a report quoting it (B), a paraphrase, the English report or an echo (C).
An echo is a later text that reuses the Opinions' wording without naming them: it can
support a reading but never prove one, so it is held at grade C and never counts as
one of two agreeing reports.
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
#: A text that reuses the document's wording without naming it.
ECHO = "echo"
#: The strongest grade a kind of witness may be registered at, where it is capped.
KIND_CEILING = {ECHO: "C"}


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
        ceiling = KIND_CEILING.get(item["kind"])
        if ceiling is not None and rank(item["grade"]) < rank(ceiling):
            errors.append(ContentError(path, lines.line([k, "grade"]),
                                       f"the witness {siglum} is an {item['kind']} but is registered at grade "
                                       f"{item['grade']}: an echo does not name the Opinions, so it can support a "
                                       "reading but not prove it",
                                       f"write 'grade: {ceiling}' (or, if the text names the Opinions and quotes "
                                       "them, register it as a quotation)", "witnesses"))
        register[siglum] = Witness(siglum, item["kind"], item["grade"], item.get("date"), dict(item["publisher"]),
                                   item.get("address", ""), dict(item["covers"]), item.get("note"), line)
    return register, errors
