"""Citations for reference managers: every commentary as BibTeX (biblatex) and as CSL-JSON.

The same data as the citations on the pages (scripts/site/citation.py): authors,
title, the edition's name, the version (date and short commit of the commentary's
last substantive change) and its address. No access date: the files are the same
for every build of a commit; reference managers add the date they were used.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..edition.history import Change
from ..site.citation import Commentary, cite, review_note, title
from ..site.scholarship import CiteSetting

#: biblatex's names of the languages (the `language` field).
BIB_LANGUAGE = {"en": "english", "zh": "chinese"}
#: BCP 47 tags for CSL's `language`.
CSL_LANGUAGE = {"en": "en", "zh": "zh-Hans"}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(value: str) -> str:
    """A value safe inside a BibTeX field's braces: LaTeX's special characters escaped."""
    return _SPECIAL.sub(lambda m: _ESCAPES.get(m.group(0), "\\" + m.group(0)), value)


def _fields(c: Commentary, setting: CiteSetting) -> dict[str, Any]:
    review = c.review
    return {
        "key": c.key,
        "authors": [p.name for p in review.authors] if review else [],
        "title": title(c, c.lang),
        "container": setting.names.get(c.lang, setting.names["en"]),
        "version": c.version,
        "url": c.address(setting.site_url),
        "note": review_note(c, c.lang),
    }


def build_bibtex(commentaries: list[Commentary], setting: CiteSetting) -> str:
    """One @inreference entry per commentary: an article in a reference work, the edition."""
    entries = []
    for c in commentaries:
        f = _fields(c, setting)
        date = f["version"]["date"]
        values = [
            ("author", " and ".join("{" + bib_escape(a) + "}" for a in f["authors"])),  # names of groups kept whole
            ("title", bib_escape(f["title"])),
            ("booktitle", bib_escape(f["container"])),
            ("date", date if date != "unknown" else ""),
            ("year", date[:4] if date != "unknown" else ""),
            ("version", bib_escape(f["version"]["commit"])),
            ("url", f["url"]),
            ("language", BIB_LANGUAGE[c.lang]),
            ("note", bib_escape(f["note"])),
        ]
        body = ",\n".join(f"  {k:<9} = {{{v}}}" for k, v in values if v)
        entries.append(f"@inreference{{{f['key']},\n{body},\n}}\n")
    head = ("% Commentaries of the edition, for reference managers (biblatex). Generated at build;\n"
            "% the version is the date and commit of each commentary's last substantive change.\n\n")
    return head + "\n".join(entries)


def build_csl(commentaries: list[Commentary], setting: CiteSetting) -> str:
    """CSL-JSON: a list of `entry-encyclopedia` items, one per commentary."""
    items = []
    for c in commentaries:
        f = _fields(c, setting)
        item: dict[str, Any] = {
            "id": f["key"],
            "type": "entry-encyclopedia",
            "title": f["title"],
            "container-title": f["container"],
            "author": [{"literal": a} for a in f["authors"]],
            "version": f["version"]["commit"],
            "URL": f["url"],
            "language": CSL_LANGUAGE[c.lang],
        }
        date = f["version"]["date"]
        if date != "unknown":
            item["issued"] = {"date-parts": [[int(x) for x in date.split("-")]]}
        if f["note"]:
            item["note"] = f["note"]
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def commentary_json(commentaries: list[Commentary], history: dict[int, list[Change]],
                    setting: CiteSetting) -> dict[int, dict[str, Any]]:
    """Page number -> the keys data/opinions.json gives each measure (and the preamble) about its
    commentaries: citation, citation_styles, review, version and history (both languages' changes,
    newest first, each with the languages it changed)."""
    out: dict[int, dict[str, Any]] = {}
    for c in commentaries:
        entry = out.setdefault(c.page.number, {"citation": {}, "citation_styles": {}, "review": {}, "version": {},
                                               "history": []})
        address = c.address(setting.site_url)
        styles = {"legal": cite(c, "legal", setting.names, address), "gbt7714": cite(c, "gbt", setting.names, address)}
        entry["citation"][c.lang] = styles["legal" if c.lang == "en" else "gbt7714"]
        entry["citation_styles"][c.lang] = styles
        if c.review is not None:
            entry["review"][c.lang] = {
                "status": c.review.status, "date": c.review.date,
                "authors": [{"name": p.name, "date": p.date} for p in c.review.authors],
                "reviewers": [{"name": p.name, "date": p.date} for p in c.review.reviewers]}
        entry["version"][c.lang] = dict(c.version)
    for number, entry in out.items():
        entry["history"] = [{"date": ch.date, "author": ch.author, "summary": ch.summary, "commit": ch.commit,
                             "languages": list(ch.languages)} for ch in history.get(number, [])]
    return out
