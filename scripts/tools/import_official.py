"""Check the transcription against the official text, and import it.

    python -m scripts import OFFICIAL.txt|.html
        parses the official text (plain text, or the SPP page saved as HTML) into
        preamble, parts and measures, and reports paragraph by paragraph where it
        differs from this edition's transcription. Changes nothing.

    python -m scripts import OFFICIAL --apply --reference "..." [--checked YYYY-MM-DD]
        replaces the Chinese source with the official text, keeps each translation
        and commentary attached to its paragraph id, lists in `review` every
        paragraph whose source changed or is new (its translation must be checked or
        written), sets source.status to verified with the reference and date,
        sets coverage to full, and updates the source lock.

Paragraph ids are never reused or renumbered: a new paragraph between m05-1
and m05-2 becomes m05-1a; a new last paragraph takes the next free number.
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import html as lxml_html

from ..edition.corpus import Corpus, load_corpus
from ..edition.errors import format_errors
from ..edition.lock import read_lock, write_lock
from ..edition.page import Page, Paragraph
from ..edition.paths import ID_RE, ROOT, para_prefix
from ..edition.zh import parse_zh_number, zh_numeral

PART_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
MEASURE_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
TITLE_MARK = "关于全面加强新时代知识产权检察工作的意见"
END_MARKS = ("责任编辑", "【打印】", "【关闭】", "扫一扫", "分享到", "相关链接")
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "td"}
SIMILAR = 0.45  # below this, a replaced paragraph counts as removed + added, not changed


@dataclass
class Official:
    """The official text, parsed: preamble paragraphs, part titles, measures' paragraphs."""

    preamble: list[str] = field(default_factory=list)
    parts: dict[int, str] = field(default_factory=dict)
    measures: dict[int, list[str]] = field(default_factory=dict)
    part_of: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class Op:
    kind: str  # same | changed | added | removed
    pid: str | None
    old: str | None
    new: str | None


# --- reading -----------------------------------------------------------------------------

def read_lines(path: Path) -> list[str]:
    """Paragraph lines of a plain-text or HTML file, with the page furniture dropped."""
    raw = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm") or raw.lstrip()[:1] == b"<":
        tree = lxml_html.fromstring(raw)
        for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer|//form"):
            bad.drop_tree()
        chunks: list[str] = []

        def walk(el) -> None:
            if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
                chunks.append("\n")
            if el.text:
                chunks.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    chunks.append(child.tail)
            if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
                chunks.append("\n")
        walk(tree)
        text = "".join(chunks)
    else:
        text = raw.decode("utf-8-sig")
    lines = [re.sub(r"[\s\u3000\u00a0]+", "", line) if _is_cjk_line(line) else line.strip()
             for line in text.replace("\r\n", "\n").split("\n")]
    return [line for line in lines if line]


def _is_cjk_line(line: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", line))


def parse_official(lines: list[str], *, parts: int, measures: int) -> Official:
    """Split the official text into preamble, parts and measures; `parts` and `measures`
    are how many the document has (data/document.yml), so a short text is reported."""
    off = Official()
    first_part = next((i for i, line in enumerate(lines) if PART_RE.match(line) and line.startswith("一、")),
                      len(lines))
    titles = [i for i, line in enumerate(lines[:first_part]) if TITLE_MARK in line and len(line) < 60]
    start = titles[-1] + 1 if titles else 0  # after the (last repetition of the) document title
    part = 0
    measure = 0
    for line in lines[start:]:
        if any(line.startswith(mark) for mark in END_MARKS):
            break
        m = PART_RE.match(line)
        if m and parse_zh_number(m.group(1)) == part + 1 and not MEASURE_RE.match(line):
            part += 1
            off.parts[part] = m.group(2).strip()
            continue
        m = MEASURE_RE.match(line)
        if m and parse_zh_number(m.group(1)) == measure + 1:
            measure += 1
            off.measures[measure] = [line]
            off.part_of[measure] = part
            continue
        if measure:
            off.measures[measure].append(line)
        elif not part:
            off.preamble.append(line)
        else:
            off.problems.append(f"text between the heading of part {part} and its first measure: {line[:30]}")
    if sorted(off.parts) != list(range(1, parts + 1)):
        off.problems.append(f"expected parts 一 to {zh_numeral(parts)}, found {sorted(off.parts)}")
    if sorted(off.measures) != list(range(1, measures + 1)):
        off.problems.append(f"expected measures （一） to （{zh_numeral(measures)}）, found {len(off.measures)}")
    return off


# --- comparing ---------------------------------------------------------------------------

def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align(ours: list[Paragraph], theirs: list[str]) -> list[Op]:
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, [p.zh for p in ours], theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops += [Op("same", ours[i].id, ours[i].zh, ours[i].zh) for i in range(i1, i2)]
        elif tag == "delete":
            ops += [Op("removed", ours[i].id, ours[i].zh, None) for i in range(i1, i2)]
        elif tag == "insert":
            ops += [Op("added", None, None, theirs[j]) for j in range(j1, j2)]
        else:  # replace: pair by similarity, in order
            i, j = i1, j1
            while i < i2 or j < j2:
                if i < i2 and j < j2 and _ratio(ours[i].zh, theirs[j]) >= SIMILAR:
                    ops.append(Op("changed", ours[i].id, ours[i].zh, theirs[j]))
                    i += 1
                    j += 1
                elif i < i2 and (j >= j2 or not any(_ratio(ours[i].zh, t) >= SIMILAR for t in theirs[j:j2])):
                    ops.append(Op("removed", ours[i].id, ours[i].zh, None))
                    i += 1
                else:
                    ops.append(Op("added", None, None, theirs[j]))
                    j += 1
    return ops


def compare(corpus: Corpus, off: Official) -> dict[int, list[Op]]:
    result = {}
    for number, page in corpus.pages.items():
        theirs = off.preamble if number == 0 else off.measures.get(number, [])
        result[number] = align(page.paragraphs, theirs)
    return result


def report(corpus: Corpus, off: Official, ops: dict[int, list[Op]]) -> str:
    out = []
    for problem in off.problems:
        out.append(f"official text: {problem}")
    for part in corpus.document["parts"]:
        new = off.parts.get(part["number"])
        if new and new != part["title"]["zh"]:
            out.append(f"part {part['number']}: title differs\n  - {part['title']['zh']}\n  + {new}")
    totals = {"same": 0, "changed": 0, "added": 0, "removed": 0}
    for number in sorted(ops):
        label = "preamble" if number == 0 else f"measure {number}"
        for op in ops[number]:
            totals[op.kind] += 1
            if op.kind == "changed":
                out.append(f"{label}: {op.pid} changed\n  - {op.old}\n  + {op.new}")
            elif op.kind == "added":
                out.append(f"{label}: new paragraph\n  + {op.new}")
            elif op.kind == "removed":
                out.append(f"{label}: {op.pid} not in the official text\n  - {op.old}")
    out.append("summary: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    return "\n".join(out)


# --- applying ----------------------------------------------------------------------------

def _used_ids(corpus: Corpus) -> set[str]:
    used = {p.id for page in corpus.pages.values() for p in page.paragraphs}
    lock = corpus.root / "data" / "source.lock"
    if lock.exists():
        used |= {key for key in read_lock(lock)[0] if ID_RE.match(key)}
    return used


def _new_id(prefix: str, before: str | None, between: bool, used: set[str]) -> str:
    """An id never used before: between two paragraphs, the previous id plus a letter
    (m05-1 -> m05-1a, m05-1a -> m05-1b); otherwise the next free number."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    if before and between:
        base, letter = re.fullmatch(r"(.+?)([a-z]?)", before).groups()
        for candidate in (base + c for c in letters[letters.index(letter) + 1 if letter else 0:]):
            if candidate not in used:
                used.add(candidate)
                return candidate
    numbers = [int(m.group(1)) for u in used if (m := re.fullmatch(rf"{prefix}-(\d+)[a-z]?", u))]
    candidate = f"{prefix}-{max(numbers, default=0) + 1}"
    used.add(candidate)
    return candidate


def _page_text(page: Page, meta: dict, paragraphs: list[tuple[str, str, str | None]]) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    blocks = []
    for pid, zh, en in paragraphs:
        blocks.append(f"/// para | {pid}\n{zh}\n" + (f"\n{en}\n" if en else "") + "///")
    body = "\n\n".join(blocks)
    commentary = f"\n\n## Commentary\n\n{page.commentary}\n" if page.commentary.strip() else "\n"
    return f"---\n{front}---\n\n{body}{commentary}"


def apply(corpus: Corpus, off: Official, ops: dict[int, list[Op]], reference: str, checked: str) -> list[Path]:
    used = _used_ids(corpus)
    written = []
    for number, page_ops in sorted(ops.items()):
        page = corpus.pages[number]
        by_id = {p.id: p for p in page.paragraphs}
        prefix = para_prefix(number)
        paragraphs: list[tuple[str, str, str | None]] = []
        review = list(page.meta.get("review", []))
        last_id: str | None = None
        for k, op in enumerate(page_ops):
            if op.kind == "removed":
                continue
            if op.kind == "added":
                later = any(o.kind in ("same", "changed") for o in page_ops[k + 1:])
                pid = _new_id(prefix, last_id, later, used)
                paragraphs.append((pid, op.new, None))
                review.append(pid)
            else:
                para = by_id[op.pid]
                pid = op.pid
                paragraphs.append((pid, op.new, para.en))
                if op.kind == "changed":
                    review.append(pid)
            last_id = pid
        meta = dict(page.meta)
        if number and paragraphs:
            m = MEASURE_RE.match(paragraphs[0][1])
            heading = re.split(r"[。．.]", m.group(2), maxsplit=1)[0] if m else meta["title"]["zh"]
            if heading != meta["title"]["zh"]:
                meta["title"] = {"zh": heading, "en": meta["title"]["en"]}
                if paragraphs[0][0] not in review:
                    review.append(paragraphs[0][0])
        source = {"status": "verified", "coverage": "full",
                  "note": (f"Checked paragraph by paragraph against the official publication ({reference}) on "
                           f"{checked} with scripts/tools/import_official.py. Earlier note: {page.source['note']}"),
                  "reference": reference, "checked": checked}
        meta["source"] = source
        if review:
            meta["review"] = sorted(set(review), key=review.index)
        elif "review" in meta:
            del meta["review"]
        page.path.write_text(_page_text(page, meta, paragraphs), encoding="utf-8")
        written.append(page.path)
    doc_path = corpus.root / "data" / "document.yml"
    text = doc_path.read_text(encoding="utf-8")
    for part in corpus.document["parts"]:
        new = off.parts.get(part["number"])
        if new and new != part["title"]["zh"]:
            text = text.replace(f"zh: {part['title']['zh']}\n", f"zh: {new}\n", 1)
    text = text.replace("source_status: unverified", "source_status: verified")
    doc_path.write_text(text, encoding="utf-8")
    written.append(doc_path)
    return written


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("official", type=Path, help="the official text: plain text, or the SPP page saved as HTML")
    parser.add_argument("--apply", action="store_true", help="replace the transcription (see the module docstring)")
    parser.add_argument("--reference", help="the publication the text comes from (title, issuer, date, where seen)")
    parser.add_argument("--checked", default=dt.date.today().isoformat(), help="date of the check (YYYY-MM-DD)")
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    if not args.official.exists():
        print(f"import: {args.official}: no such file", file=sys.stderr)
        return 2
    corpus = load_corpus(args.root)
    if corpus.errors:
        print(format_errors(corpus.errors, args.root), file=sys.stderr)
        return 1
    off = parse_official(read_lines(args.official), parts=len(corpus.document["parts"]),
                         measures=corpus.document["measures"])
    ops = compare(corpus, off)
    print(report(corpus, off, ops))
    if not args.apply:
        return 0
    if off.problems:
        print("import: not applied: the official text did not parse cleanly (see above)", file=sys.stderr)
        return 1
    if not args.reference:
        print("import: --apply needs --reference (the publication you checked against)", file=sys.stderr)
        return 2
    written = apply(corpus, off, ops, args.reference, args.checked)
    write_lock(load_corpus(args.root))
    print(f"import: rewrote {len(written)} files and data/source.lock; review the translations listed under "
          "'review' on each page, then run make check")
    return 0
