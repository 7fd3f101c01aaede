"""data/opinions.json: the whole edition as data, for readers' tools and our checks.

The shape is the project's data contract (scripts/schemas/opinions.schema.json);
later additions go in new keys, nothing is removed without a note in the schema.
"""
from __future__ import annotations

import json
from typing import Any

from ..edition.apparatus import flat_attestations
from ..edition.corpus import Corpus
from ..edition.page import Page, in_language
from ..edition.paths import url
from ..edition.witnesses import Witness
from ..plaintext import plain

SCHEMA_VERSION = "2.3"  # 2.0: witnesses, attestations, heading status, attested share, commentary_zh; 2.1: concordance
# 2.2: citation, citation_styles, review, version and history of each commentary
# 2.3: history from the editors' record (by, bilingual summary), reviews with what they read, withdrawn numbers
#      and the witness kind 'echo'; note_zh beside a source note (and a doubtful passage's note) written in Chinese too


def _paragraphs(page: Page, register: dict[str, Witness]) -> list[dict[str, Any]]:
    return [{"id": p.id, "zh": p.zh, "en": plain(p.en),
             "attestations": flat_attestations(page.apparatus.for_para(p.id), register)} for p in page.paragraphs]


def _variants(page: Page) -> list[dict[str, Any]]:
    return [{"para": v.para, "text": v.text,
             "readings": [{"text": r.text, "witnesses": list(r.witnesses)} for r in v.readings],
             "choice": dict(v.choice)} for v in page.apparatus.variants]


def _source(page: Page) -> dict[str, Any]:
    src = page.source
    out: dict[str, Any] = {"status": src["status"], **_note(src["note"])}
    for key in ("reference", "checked"):
        if key in src:
            out[key] = src[key]
    out["uncertain"] = [{**u, **_note(u["note"])} for u in src.get("uncertain", [])]
    return out


def _note(value: str | dict[str, str]) -> dict[str, str]:
    """A front-matter note as the contract has it: `note` stays English text, as it always was,
    and a note written in both languages adds its Chinese as `note_zh`."""
    out = {"note": in_language(value, "en")[0]}
    if isinstance(value, dict):
        out["note_zh"] = in_language(value, "zh")[0]
    return out


def build_opinions(corpus: Corpus, extra: dict[int, dict[str, Any]] | None = None,
                   register: dict[str, Witness] | None = None) -> dict[str, Any]:
    """The data contract as a dict; `extra` lets index builders add keys per page (by number);
    `register` is the witness register the attestations cite."""
    register = register or {}
    doc = corpus.document
    extra = extra or {}
    preamble = corpus.preamble
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "title": dict(doc["title"]),
            "title_attestations": flat_attestations(corpus.apparatus.title, register),
            "issuer": dict(doc["issuer"]),
            "date": doc["date"],
            "source_note": dict(doc["source_note"]),
        },
        "preamble": {
            "url": url(0),
            "source_status": preamble.source["status"] if preamble else "unverified",
            "source": _source(preamble) if preamble else None,
            "stage": preamble.stage if preamble else "stub",
            "paragraphs": _paragraphs(preamble, register) if preamble else [],
            "variants": _variants(preamble) if preamble else [],
            "commentary": preamble.commentary_text("en") if preamble else "",
            "commentary_zh": preamble.commentary_text("zh") if preamble else "",
        },
        "parts": [
            {
                "number": part["number"],
                "title": dict(part["title"]),
                "source_status": part["source_status"],
                "title_status": part.get("title_status", "conjecture"),
                "title_attestations": flat_attestations(corpus.apparatus.parts.get(part["number"], []), register),
                "measures": [m.number for m in corpus.measures() if m.meta["part"] == part["number"]],
            }
            for part in doc["parts"]
        ],
        "measures": [],
        "indexes": {},
    }
    for page in corpus.measures():
        entry = {
            "number": page.number,
            "part": page.meta["part"],
            "title": dict(page.title),
            "heading_status": page.heading_status,
            "url": url(page.number),
            "stage": page.stage,
            "source_status": page.source["status"],
            "source": _source(page),
            "functions": list(page.meta["functions"]),
            "related": list(page.meta["related"]),
            "referred_by": corpus.referred_by(page.number),
            "contributors": [dict(c) for c in page.meta["contributors"]],
            "paragraphs": _paragraphs(page, register),
            "variants": _variants(page),
            "commentary": page.commentary_text("en"),
            "commentary_zh": page.commentary_text("zh"),
        }
        entry.update(extra.get(page.number, {}))
        data["measures"].append(entry)
    if 0 in extra:
        data["preamble"].update(extra[0])
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
