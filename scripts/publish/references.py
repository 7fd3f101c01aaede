"""Citations for reference managers: every commentary as BibTeX (biblatex) and as CSL-JSON,
and the citation, review, version and history keys of data/opinions.json.

The build hands over the references (scripts/edition/reference.py), made by the
site's citation code so that they say exactly what the pages say: authors, title,
the edition's name, the version (date and short commit of the commentary's last
substantive change) and its address. No access date: the files are the same for
every build of a commit; reference managers add the date they were used.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..edition.authorship import Person
from ..edition.reference import Reference

#: biblatex's names of the languages (the `language` field).
BIB_LANGUAGE = {"en": "english", "zh": "chinese"}
#: BCP 47 tags for CSL's `language`.
CSL_LANGUAGE = {"en": "en", "zh": "zh-Hans"}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(value: str) -> str:
    """A value safe inside a BibTeX field's braces: LaTeX's special characters escaped."""
    return _SPECIAL.sub(lambda m: _ESCAPES.get(m.group(0), "\\" + m.group(0)), value)


def _known(date: str) -> bool:
    return date != "unknown"


def build_bibtex(refs: list[Reference]) -> str:
    """One @inreference entry per commentary: an article in a reference work, the edition."""
    entries = []
    for r in refs:
        date = r.version["date"]
        values = [
            ("author", " and ".join("{" + bib_escape(a) + "}" for a in r.authors)),  # names of groups kept whole
            ("title", bib_escape(r.title)),
            ("booktitle", bib_escape(r.container)),
            ("date", date if _known(date) else ""),
            ("year", date[:4] if _known(date) else ""),
            ("version", bib_escape(r.version["commit"])),
            ("url", r.url),
            ("language", BIB_LANGUAGE[r.lang]),
            ("note", bib_escape(r.note)),
        ]
        body = ",\n".join(f"  {k:<9} = {{{v}}}" for k, v in values if v)
        entries.append(f"@inreference{{{r.key},\n{body},\n}}\n")
    head = ("% Commentaries of the edition, for reference managers (biblatex). Generated at build;\n"
            "% the version is the date and commit of each commentary's last substantive change.\n\n")
    return head + "\n".join(entries)


def build_csl(refs: list[Reference]) -> str:
    """CSL-JSON: a list of `entry-encyclopedia` items, one per commentary."""
    items = []
    for r in refs:
        item: dict[str, Any] = {
            "id": r.key,
            "type": "entry-encyclopedia",
            "title": r.title,
            "container-title": r.container,
            "author": [{"literal": a} for a in r.authors],
            "version": r.version["commit"],
            "URL": r.url,
            "language": CSL_LANGUAGE[r.lang],
        }
        if _known(r.version["date"]):
            item["issued"] = {"date-parts": [[int(x) for x in r.version["date"].split("-")]]}
        if r.note:
            item["note"] = r.note
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def commentary_json(refs: list[Reference]) -> dict[int, dict[str, Any]]:
    """Page number -> the keys data/opinions.json gives each measure (and the preamble) about its
    commentaries: citation, citation_styles, review, version (each keyed by the commentary's
    language) and history (both commentaries' recorded changes, newest first, each with its language)."""
    out: dict[int, dict[str, Any]] = {}
    for r in refs:
        entry = out.setdefault(r.number, {"citation": {}, "citation_styles": {}, "review": {}, "version": {}})
        entry["citation"][r.lang] = r.styles["legal" if r.lang == "en" else "gbt7714"]
        entry["citation_styles"][r.lang] = dict(r.styles)
        if r.review is not None:
            entry["review"][r.lang] = {
                "status": r.review.status, "date": r.review.date,
                "authors": [{"name": p.name, "date": p.date} for p in r.review.authors],
                "reviewers": [_reviewer(p) for p in r.review.reviewers],
                "withdrawn": [{"n": w.n, "date": w.date, **({"now": w.now} if w.now else {})}
                              for w in r.review.withdrawn]}
            history = entry.setdefault("history", [])
            history += [{"date": c.date, "by": list(c.by), "summary": dict(c.summary), "languages": [r.lang]}
                        for c in r.review.changes]
        entry["version"][r.lang] = dict(r.version)
    for entry in out.values():
        entry.setdefault("history", []).sort(key=lambda c: c["date"], reverse=True)  # stable: English first on a day
    return out


def _reviewer(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "date": p.date}
    if p.commit:
        out["commit"] = p.commit
    if p.covers:
        out["covers"] = dict(p.covers)
    return out
