"""The critical apparatus: which words of the Chinese text a witness attests, and how strongly.

A page's front matter records, per paragraph, the spans a witness attests
(`attestations`), the places where witnesses disagree (`variants`) and whether the
measure's heading is attested, reported or conjecture (`heading`). This module turns
them into located spans, checks them against the text and the witness register, and
computes the attested share. It knows nothing of HTML: the site renders `runs()`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

from .errors import ContentError
from .witnesses import GRADES, REPORT_KINDS, SHARE_GRADES, Witness, rank
from .zh import HAN

HEADING_STATUSES = ("attested", "reported", "conjecture")


@dataclass(frozen=True)
class Attestation:
    """One span of a paragraph's Chinese, attested by `witnesses` at `grade`."""

    para: str
    text: str
    witnesses: tuple[str, ...]
    grade: str
    line: int
    note: str = ""
    occurrence: int = 1
    start: int = -1  # offsets in the paragraph's Chinese; -1 when the text is not found
    end: int = -1

    @property
    def found(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class Reading:
    text: str
    witnesses: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """Where witnesses disagree: the edition's reading (`text`), the readings, and why."""

    para: str
    text: str
    readings: tuple[Reading, ...]
    choice: dict[str, str]
    line: int
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph with one apparatus state, for rendering.

    grade is None for the editors' reconstruction; `sigla` are the witnesses of the
    attestations covering the run, in register order.
    """

    text: str
    grade: str | None
    sigla: tuple[str, ...] = ()


@dataclass
class Apparatus:
    """A page's apparatus, located in its text."""

    heading_status: str | None = None  # None on the preamble, which has no heading
    heading_witnesses: tuple[str, ...] = ()
    attestations: dict[str, list[Attestation]] = field(default_factory=dict)
    variants: list[Variant] = field(default_factory=list)

    def for_para(self, pid: str) -> list[Attestation]:
        return self.attestations.get(pid, [])

    def variants_for(self, pid: str) -> list[Variant]:
        return [v for v in self.variants if v.para == pid]

    def sigla(self) -> set[str]:
        """Every witness the page cites: in an attestation, for its heading, or in a variant."""
        used = {s for atts in self.attestations.values() for a in atts for s in a.witnesses}
        return used | set(self.heading_witnesses) | {s for v in self.variants for r in v.readings for s in r.witnesses}


def _find(haystack: str, needle: str, occurrence: int) -> int:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = haystack.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def _locate(items: list[dict[str, Any]], text: str, key: str, line_of: Any, prefix: list[Any]) -> list[Attestation]:
    out = []
    for k, item in enumerate(items):
        occurrence = int(item.get("occurrence", 1))
        start = _find(text, item["text"], occurrence) if text else -1
        out.append(Attestation(key, item["text"], tuple(item["witnesses"]), item["grade"],
                               line_of(prefix + [k]), item.get("note", ""), occurrence,
                               start, start + len(item["text"]) if start >= 0 else -1))
    return out


@dataclass
class DocumentApparatus:
    """What attests the document's own title and the titles of its parts (data/document.yml)."""

    title: list[Attestation] = field(default_factory=list)
    parts: dict[int, list[Attestation]] = field(default_factory=dict)
    part_status: dict[int, str] = field(default_factory=dict)
    part_witnesses: dict[int, tuple[str, ...]] = field(default_factory=dict)
    part_lines: dict[int, int] = field(default_factory=dict)


def read_document_apparatus(document: dict[str, Any], lines: Any) -> DocumentApparatus:
    doc = DocumentApparatus()
    if not document:
        return doc
    doc.title = _locate(document.get("title_attestations", []), document["title"]["zh"], "title", lines.line,
                        ["title_attestations"])
    for k, part in enumerate(document.get("parts", [])):
        n = part["number"]
        doc.parts[n] = _locate(part.get("attestations", []), part["title"]["zh"], f"part-{n}", lines.line,
                               ["parts", k, "attestations"])
        doc.part_status[n] = part.get("title_status", "conjecture")
        doc.part_witnesses[n] = tuple(part.get("witnesses", []))
        doc.part_lines[n] = lines.line(["parts", k, "title_status"])
    return doc


def read_apparatus(meta: dict[str, Any], lines: Any, texts: dict[str, str]) -> Apparatus:
    """Build a page's apparatus from its (schema-valid) front matter and its paragraphs."""
    heading = meta.get("heading") or {}
    app = Apparatus(heading_status=heading.get("status"), heading_witnesses=tuple(heading.get("witnesses", [])))
    for pid, items in (meta.get("attestations") or {}).items():
        app.attestations[pid] = _locate(items, texts.get(pid, ""), pid, lines.line, ["attestations", pid])
    for k, item in enumerate(meta.get("variants") or []):
        zh = texts.get(item["para"], "")
        start = zh.find(item["text"]) if zh else -1
        app.variants.append(Variant(item["para"], item["text"],
                                    tuple(Reading(r["text"], tuple(r["witnesses"])) for r in item["readings"]),
                                    dict(item["choice"]), lines.line(["variants", k]), start,
                                    start + len(item["text"]) if start >= 0 else -1))
    return app


# --- checks ---------------------------------------------------------------------------------

def _unknown(path: Any, siglum: str, line: int, register: dict[str, Witness]) -> ContentError:
    known = ", ".join(register) or "none"
    return ContentError(path, line, f"witness '{siglum}' is not in the register (data/witnesses.yml)",
                        f"use one of {known}, or add the witness to data/witnesses.yml first", "apparatus")


def check_spans(path: Any, atts: list[Attestation], register: dict[str, Witness], where: str) -> list[ContentError]:
    """Each span occurs in its text, cites registered witnesses, and claims no more than they support."""
    errors: list[ContentError] = []
    for att in atts:
        if not att.found:
            errors.append(ContentError(
                path, att.line, f"the attested text '{att.text}' does not occur in {where}"
                + (f" (occurrence {att.occurrence})" if att.occurrence > 1 else ""),
                "attested wording may change only with its attestation: restore the wording the "
                "witness shows, or, if a witness supports the new wording, change this attestation "
                "(and cite the witness)", "apparatus"))
        for s in att.witnesses:
            if s not in register:
                errors.append(_unknown(path, s, att.line, register))
        best = supported_grade(att.witnesses, register)
        if best is not None and rank(att.grade) < rank(best):
            errors.append(ContentError(
                path, att.line, f"'{att.text}' is marked grade {att.grade}, but its witnesses "
                f"({', '.join(att.witnesses)}) support at most grade {best}",
                f"write 'grade: {best}', or cite a witness that supports grade {att.grade} "
                "(A: a reprint; B: a report quoting the document, or two reports agreeing)",
                "apparatus"))
    return errors


def check_document_apparatus(path: Any, doc: DocumentApparatus, document: dict[str, Any],
                             register: dict[str, Witness]) -> list[ContentError]:
    """The title's and the parts' attestations, and each part title's status against them."""
    errors = check_spans(path, doc.title, register, "the document's title")
    for part in document.get("parts", []):
        n = part["number"]
        atts = doc.parts.get(n, [])
        errors += check_spans(path, atts, register, f"the title of part {n}")
        status = doc.part_status.get(n)
        line = doc.part_lines.get(n, 1)
        if status == "attested" and not atts:
            errors.append(ContentError(path, line, f"the title of part {n} is marked 'attested' but no witness "
                                       "attests it", "add its attestations, or mark it 'reported' or "
                                       "'conjecture'", "apparatus"))
        if status == "reported" and not doc.part_witnesses.get(n):
            errors.append(ContentError(path, line, f"the title of part {n} is marked 'reported' but names no "
                                       "witness", "add 'witnesses: [...]', or mark it 'conjecture'", "apparatus"))
        if status == "conjecture" and (atts or doc.part_witnesses.get(n)):
            errors.append(ContentError(path, line, f"the title of part {n} is marked 'conjecture' but cites "
                                       "witnesses", "mark it 'reported' or 'attested'", "apparatus"))
        for s in doc.part_witnesses.get(n, ()):
            if s not in register:
                errors.append(_unknown(path, s, line, register))
    return errors

def supported_grade(sigla: Iterable[str], register: dict[str, Witness]) -> str | None:
    """The strongest grade the listed witnesses support together.

    One witness supports its own grade; two reports of the document that agree
    (quotations or paraphrases) support B between them.
    """
    witnesses = [register[s] for s in sigla if s in register]
    if not witnesses:
        return None
    best = min(witnesses, key=lambda w: rank(w.grade)).grade
    if rank(best) > rank("B") and sum(w.kind in REPORT_KINDS for w in witnesses) >= 2:
        best = "B"
    return best


def check_page_apparatus(path: Any, app: Apparatus, texts: dict[str, str], heading: str | None,
                         first_para: str | None, register: dict[str, Witness],
                         line_of: Any) -> list[ContentError]:
    """Every span occurs in its paragraph, every siglum is registered, every grade is supported,
    and the heading's status agrees with what attests it.

    `heading` is the measure's title.zh (None on the preamble); `line_of(keys)` gives a front-matter line.
    """
    errors: list[ContentError] = []

    for pid, atts in app.attestations.items():
        if pid not in texts:
            errors.append(ContentError(path, atts[0].line if atts else line_of(["attestations"]),
                                       f"'attestations' names paragraph '{pid}', which is not on this page",
                                       f"use one of: {', '.join(texts) or '(no paragraphs)'}", "apparatus"))
            continue
        errors += check_spans(path, atts, register, f"'{pid}'")
    for var in app.variants:
        if var.para not in texts:
            errors.append(ContentError(path, var.line, f"the variant names paragraph '{var.para}', which is not "
                                       "on this page", f"use one of: {', '.join(texts)}", "apparatus"))
            continue
        if var.start < 0:
            errors.append(ContentError(path, var.line, f"the variant's reading '{var.text}' does not occur in "
                                       f"'{var.para}'", "the variant's 'text' is the edition's reading, as it "
                                       "stands in the paragraph", "apparatus"))
        if var.text not in {r.text for r in var.readings}:
            errors.append(ContentError(path, var.line, f"the edition's reading '{var.text}' is not among the "
                                       "variant's readings", "list it under 'readings' with the witnesses that "
                                       "have it", "apparatus"))
        for reading in var.readings:
            for s in reading.witnesses:
                if s not in register:
                    errors.append(_unknown(path, s, var.line, register))
    if heading is None:  # the preamble
        return errors
    status = app.heading_status
    covering = [a for a in app.for_para(first_para or "") if a.found and heading in a.text
                and a.grade in SHARE_GRADES]
    hline = line_of(["heading", "status"])
    if status == "attested" and not covering:
        errors.append(ContentError(path, hline, "the heading is marked 'attested', but no grade A or B "
                                   f"attestation of '{first_para}' covers '{heading}'",
                                   "mark it 'conjecture' (or 'reported', naming the reports), or add the "
                                   "attestation of a witness that shows the heading", "apparatus"))
    if status == "reported" and not app.heading_witnesses:
        errors.append(ContentError(path, hline, "the heading is marked 'reported' but names no witness",
                                   "add 'witnesses: [...]' under 'heading' (the reports that name the "
                                   "measure), or mark it 'conjecture'", "apparatus"))
    if status == "conjecture" and app.heading_witnesses:
        errors.append(ContentError(path, hline, "the heading is marked 'conjecture' but names witnesses",
                                   "mark it 'reported' if those reports name the measure, or remove "
                                   "'witnesses'", "apparatus"))
    if status != "attested" and covering:
        errors.append(ContentError(path, hline, f"the heading is marked '{status}', but "
                                   f"{', '.join(covering[0].witnesses)} attest it at grade {covering[0].grade}",
                                   "mark it 'attested'", "apparatus"))
    for s in app.heading_witnesses:
        if s not in register:
            errors.append(_unknown(path, s, hline, register))
    return errors


# --- the share, and runs for rendering -------------------------------------------------------

def _neutral(ch: str) -> bool:
    """Punctuation and spaces: they neither count nor break a run."""
    return not ch.strip() or unicodedata.category(ch)[0] in "PZS"


def coverage(text: str, atts: Iterable[Attestation], grades: frozenset[str] = SHARE_GRADES) -> tuple[int, int]:
    """(Han characters covered by attestations of `grades`, Han characters in all)."""
    covered = [False] * len(text)
    for a in atts:
        if a.found and a.grade in grades:
            for i in range(a.start, a.end):
                covered[i] = True
    han = [i for i, ch in enumerate(text) if HAN.match(ch)]
    return sum(covered[i] for i in han), len(han)


def share(pairs: Iterable[tuple[str, Iterable[Attestation]]]) -> float:
    """The attested share of several texts together (0–1; 0 when there is no Han text)."""
    got = total = 0
    for text, atts in pairs:
        c, t = coverage(text, atts)
        got, total = got + c, total + t
    return got / total if total else 0.0


def runs(text: str, atts: Iterable[Attestation], order: list[str]) -> list[Run]:
    """Split `text` into runs of one apparatus state: best grade and the witnesses covering it.

    Punctuation between two stretches in the same state belongs to them, so a list of
    attested items separated by 、 reads as one run with one set of sigla.
    """
    atts = [a for a in atts if a.found]
    if not text:
        return []
    state: list[tuple[str | None, tuple[str, ...]]] = []
    for i in range(len(text)):
        cover = [a for a in atts if a.start <= i < a.end]
        if not cover:
            state.append((None, ()))
            continue
        best = min((a.grade for a in cover), key=rank)
        sigla = {s for a in cover for s in a.witnesses}
        state.append((best, tuple(sorted(sigla, key=lambda s: order.index(s) if s in order else len(order)))))
    # punctuation takes the state of its neighbours when both agree, else that of the reconstruction
    for i, ch in enumerate(text):
        if _neutral(ch):
            left = next((state[j] for j in range(i - 1, -1, -1) if not _neutral(text[j])), None)
            right = next((state[j] for j in range(i + 1, len(text)) if not _neutral(text[j])), None)
            state[i] = left if left is not None and left == right else (None, ())
    out: list[Run] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or state[i] != state[start]:
            grade, covering = state[start]
            out.append(Run(text[start:i], grade, covering))
            start = i
    return out


def flat_attestations(atts: Iterable[Attestation], register: dict[str, Witness]) -> list[dict[str, str]]:
    """One entry per (span, witness), each at the grade that witness supports (data/opinions.json)."""
    out = []
    for a in atts:
        if not a.found:
            continue
        for s in a.witnesses:
            own = register[s].grade if s in register else "C"
            out.append({"text": a.text, "witness": s, "grade": max(a.grade, own, key=rank)})
    return out


__all__ = ["Apparatus", "Attestation", "GRADES", "HEADING_STATUSES", "Reading", "Run", "Variant",
           "check_page_apparatus", "coverage", "flat_attestations", "read_apparatus", "runs", "share",
           "supported_grade"]
