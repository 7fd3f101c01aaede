"""The source lock: what of the edition is source text, fingerprinted in data/source.lock.

The source is the part of the edition nobody should change by accident: a pull
request that fixes a translation or adds commentary must leave it as it is. Locked,
one entry per line:

    title                  the document's Chinese title, and its attestations (title.attestations)
    part-2                 the Chinese title of a part, and what attests it (part-2.apparatus)
    m08.heading            a measure's heading with its number, （八）+ title.zh
    m08.heading-status     what the heading rests on (`heading:` in front matter)
    m08.order              the order of the page's paragraphs, as ids (pre.order for the preamble)
    m08-1                  a Chinese source paragraph (pre-1 … for the preamble)
    m08-1.attestations     what attests the paragraph (`attestations:` in front matter)
    m08.variants           the page's variants (`variants:`)
    witness.R1             an entry of the witness register (data/witnesses.yml)

`make check` (and the build) compare each with the lock and fail, naming file and
line. The lock changes only through `make lock` (python -m scripts lock --update,
scripts/tools/lock.py), in a pull request that says why; `python -m scripts import
--apply` updates it too, when the official text is imported.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import Corpus
from .errors import ContentError
from .page import Page
from .paths import ID_RE, PREFIX, number_of, para_prefix, part_anchor
from .textfile import read_text
from .yamlmap import parse_yaml
from .zh import zh_numeral

LOCK_NAME = "data/source.lock"
HEADER = """\
# The source lock: a fingerprint of everything that is source text or rests on the witnesses:
# the document's title, part titles, each measure's heading and number, the order of its
# paragraphs, every Chinese source paragraph, the apparatus (heading status, attestations,
# variants) and the witness register. Do not edit by hand. If a change is deliberate (a
# correction backed by the official publication or a witness), run `make lock`
# (python -m scripts lock --update) and say why in the pull request.
# See CONTRIBUTING.md, "Correcting the Chinese source".
"""
FIX = ("revert the change; or, if it is deliberate, run `make lock` (python -m scripts lock --update) and say why "
       "in the pull request (a change to the Chinese source must cite the official publication)")
ORDER = ".order"
PLURAL = ("the attestations", "the variants")  # what takes 'differ', not 'differs'


def fingerprint(text: str) -> str:
    normal = unicodedata.normalize("NFC", text).strip()
    return "sha256:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def data_fingerprint(value: Any) -> str:
    """A fingerprint of YAML data: key order and spacing do not count, content does."""
    return fingerprint(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


@dataclass(frozen=True)
class Entry:
    """One locked thing: its key and value in the lock, where it stands, and what it is, in words."""

    key: str
    value: str  # 'sha256:…', or for an order the ids joined by ','
    path: Path
    line: int
    what: str


#: A key of a page's entry: 'pre-1', 'm08-1.attestations', 'm08.order' (group 1 the page's prefix).
PAGE_KEY = re.compile(rf"^({PREFIX})[-.]")


def _scope(key: str) -> str:
    """Which loaded file a key belongs to: 'page:8', 'document', 'witnesses' (or '?', a key
    no version of the edition writes)."""
    if key.startswith("witness."):
        return "witnesses"
    if key.startswith(("title", "part-")):
        return "document"
    page = PAGE_KEY.match(key)
    return f"page:{number_of(page.group(1))}" if page else "?"


def describe(key: str) -> str:
    """What a lock key stands for, in words (for an entry whose thing no longer exists)."""
    base, _, aspect = key.partition(".")
    if key.startswith("witness."):
        return f"the witness {aspect}"
    if base == "title":
        return "the attestations of the document's title" if aspect else "the document's Chinese title"
    if base.startswith("part-"):
        n = base.split("-")[1]
        return f"what attests the title of part {n}" if aspect else f"the Chinese title of part {n}"
    if ID_RE.match(base) or not PAGE_KEY.match(base + "."):
        return f"the attestations of '{base}'" if aspect else f"source paragraph '{base}'"
    label = "the preamble" if base == "pre" else f"measure {number_of(base)}"
    return {"heading": f"the heading of {label} and its number", "heading-status": f"what the heading of {label} "
            "rests on ('heading')", "order": f"the order of the paragraphs of {label}",
            "variants": f"the variants of {label}"}.get(aspect, key)


def _document_entries(corpus: Corpus) -> list[Entry]:
    path = corpus.root / "data" / "document.yml"
    text = read_text(path) if path.exists() else None
    if not isinstance(text, str) or not corpus.document:
        return []
    _, lines, _ = parse_yaml(text, path)
    doc = corpus.document
    out = [Entry("title", fingerprint(doc["title"]["zh"]), path, lines.line(["title", "zh"]), describe("title")),
           Entry("title.attestations", data_fingerprint(doc.get("title_attestations", [])), path,
                 lines.line(["title_attestations"] if "title_attestations" in doc else ["title"]),
                 describe("title.attestations"))]
    for k, part in enumerate(doc.get("parts", [])):
        key = part_anchor(part["number"])
        apparatus = {name: part.get(name) for name in ("title_status", "witnesses", "attestations")}
        out.append(Entry(key, fingerprint(part["title"]["zh"]), path, lines.line(["parts", k, "title", "zh"]),
                         describe(key)))
        out.append(Entry(f"{key}.apparatus", data_fingerprint(apparatus), path,
                         lines.line(["parts", k, "title_status"]), describe(f"{key}.apparatus")))
    return out


def _page_entries(page: Page) -> list[Entry]:
    meta, lines, path = page.meta, page.lines, page.path
    prefix = para_prefix(page.number)
    out: list[Entry] = []
    if not page.is_preamble:
        heading = f"（{zh_numeral(page.number)}）{page.title['zh']}"
        out.append(Entry(f"{prefix}.heading", fingerprint(heading), path, lines.line(["title", "zh"]),
                         describe(f"{prefix}.heading")))
        out.append(Entry(f"{prefix}.heading-status", data_fingerprint(meta.get("heading")), path,
                         lines.line(["heading"] if "heading" in meta else ["title"]),
                         describe(f"{prefix}.heading-status")))
    first = page.paragraphs[0].line if page.paragraphs else page.body_line
    out.append(Entry(prefix + ORDER, ",".join(p.id for p in page.paragraphs), path, first,
                     describe(prefix + ORDER)))
    attestations = meta.get("attestations") or {}
    for para in page.paragraphs:
        out.append(Entry(para.id, fingerprint(para.zh), path, para.zh_line, describe(para.id)))
        where = lines.line(["attestations", para.id]) if para.id in attestations else para.line
        out.append(Entry(f"{para.id}.attestations", data_fingerprint(attestations.get(para.id, [])), path, where,
                         describe(f"{para.id}.attestations")))
    variants = meta.get("variants") or []
    out.append(Entry(f"{prefix}.variants", data_fingerprint(variants), path,
                     lines.line(["variants"]) if variants else first, describe(f"{prefix}.variants")))
    return out


def _witness_entries(root: Path) -> list[Entry] | None:
    """The register's entries; None when it cannot be read (its loader reports why)."""
    path = root / "data" / "witnesses.yml"
    text = read_text(path) if path.exists() else None
    if not isinstance(text, str):
        return None
    data, lines, errors = parse_yaml(text, path)
    if errors or not isinstance(data, list):
        return None
    out = []
    for k, item in enumerate(data):
        if isinstance(item, dict) and isinstance(item.get("siglum"), str):
            key = f"witness.{item['siglum']}"
            out.append(Entry(key, data_fingerprint(item), path, lines.line([k]), describe(key)))
    return out


def current(corpus: Corpus) -> list[Entry]:
    """Every locked thing as the files have it now, in document order."""
    out = _document_entries(corpus)
    for page in corpus.ordered():
        out += _page_entries(page)
    out += _witness_entries(corpus.root) or []
    return out


def read_lock(path: Path) -> tuple[dict[str, tuple[str, int]], list[ContentError]]:
    entries: dict[str, tuple[str, int]] = {}
    errors: list[ContentError] = []
    text = read_text(path)
    if isinstance(text, ContentError):
        return {}, [text]
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if not (len(parts) == 2 and (parts[1].startswith("sha256:") or parts[0].endswith(ORDER))) \
                and not (len(parts) == 1 and parts[0].endswith(ORDER)):
            errors.append(ContentError(path, number, f"malformed lock line: {line!r}",
                                       "regenerate the file with `make lock` (python -m scripts lock --update)",
                                       "lock"))
            continue
        entries[parts[0]] = (parts[1] if len(parts) == 2 else "", number)
    return entries, errors


def _order_error(entry: Entry, locked: str, lock_line: int, page: Page | None) -> ContentError | None:
    """A paragraph order that differs: say how, at the first paragraph out of place."""
    was, now = [x for x in locked.split(",") if x], [x for x in entry.value.split(",") if x]
    common = set(was) & set(now)
    was_c, now_c = [x for x in was if x in common], [x for x in now if x in common]
    if was_c == now_c:
        return None  # only added or removed paragraphs, which their own entries report
    k = next(i for i, (a, b) in enumerate(zip(was_c, now_c, strict=True)) if a != b)
    line = entry.line
    if page is not None:
        line = next((p.line for p in page.paragraphs if p.id == now_c[k]), line)
    return ContentError(entry.path, line, f"{entry.what} changed: '{now_c[k]}' now stands where '{was_c[k]}' "
                        f"stood (locked order {', '.join(was)}; now {', '.join(now)}; {LOCK_NAME} line "
                        f"{lock_line})", FIX, "lock")


def check_lock(corpus: Corpus) -> list[ContentError]:
    """Every difference between the files and data/source.lock, at the line of the changed thing."""
    path = corpus.root / LOCK_NAME
    if not path.exists():
        return [ContentError(path, 1, "the source lock is missing",
                             "create it with `make lock` (python -m scripts lock --update)", "lock")]
    locked, errors = read_lock(path)
    entries = current(corpus)
    loaded = {f"page:{n}" for n in corpus.pages}
    if corpus.document:
        loaded.add("document")
    if _witness_entries(corpus.root) is not None:
        loaded.add("witnesses")
    by_print: dict[str, str] = {}  # locked fingerprint -> key, to recognise text that moved from one id to another
    for key, (value, _) in locked.items():
        by_print.setdefault(value, key)
    for entry in entries:
        if entry.key not in locked:
            errors.append(ContentError(entry.path, entry.line, f"{entry.what} is not in the source lock", FIX, "lock"))
            continue
        value, lock_line = locked[entry.key]
        if value == entry.value:
            continue
        if entry.key.endswith(ORDER):
            page = corpus.pages.get(number_of(entry.key.removesuffix(ORDER)))
            error = _order_error(entry, value, lock_line, page)
            if error is not None:
                errors.append(error)
            continue
        moved = by_print.get(entry.value)
        if ID_RE.match(entry.key) and moved and moved != entry.key and ID_RE.match(moved):
            errors.append(ContentError(entry.path, entry.line, f"the Chinese source of '{entry.key}' is now the "
                                       f"locked text of '{moved}': the text was moved from one paragraph to "
                                       f"another ({LOCK_NAME} line {lock_line})", FIX, "lock"))
            continue
        what = (f"the Chinese source of '{entry.key}' differs from the locked text" if ID_RE.match(entry.key)
                else f"{entry.what} {'differ' if entry.what.startswith(PLURAL) else 'differs'} from the locked version")
        errors.append(ContentError(entry.path, entry.line, f"{what} ({LOCK_NAME} line {lock_line})", FIX, "lock"))
    seen = {e.key for e in entries}
    for key, (_, line) in locked.items():
        if key not in seen and _scope(key) in loaded:
            what = f"locked {describe(key)}"
            errors.append(ContentError(path, line, f"{what} no longer exists in the edition", FIX, "lock"))
    return errors


def write_lock(corpus: Corpus) -> Path:
    path = corpus.root / LOCK_NAME
    lines = [HEADER] + [f"{e.key} {e.value}" for e in current(corpus)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
