"""Import the official text: pair its measures with ours by subject, then (with --apply) rebuild the edition on it.

    make import OFFICIAL=path/to/file REFERENCE="…"            (dry run: the report, no file changed)
    make import OFFICIAL=path/to/file REFERENCE="…" APPLY=1    (writes)

    python -m scripts import OFFICIAL.txt|.html [--apply --reference "..." --checked YYYY-MM-DD
                                                 --address URL --published YYYY-MM-DD]

The official text (plain text, or the SPP page saved as HTML) is parsed into
preamble, parts and measures (scripts/tools/official.py); its measures are paired
with ours by subject (scripts/tools/matching.py), since our outline of (3)–(21) is
conjecture; the report prints the pairing with its confidence and every decision:
merges, splits, new measures, ours without counterpart, paragraph by paragraph what
moves where, what needs review, and the earlier witnesses' readings that the
official text does not have.

--apply then rebuilds every page on the official outline (scripts/tools/relocate.py):
numbers, files, paragraph ids and margin numbers follow the official text, every
reference is rewritten, and data/concordance.yml records old and new addresses (the
site shows it, redirects old citations, and exports it). The official publication is
registered as a witness (O1, kind official, grade A) that attests every paragraph.
It refuses to write, naming the files, if any translation or commentary would be lost.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

from ..edition import load_edition
from ..edition.commentary import notes
from ..edition.concordance import CONCORDANCE, HEADER as CONCORDANCE_HEADER
from ..edition.corpus import Corpus, load_corpus
from ..edition.errors import format_errors
from ..edition.ledger import record, write_ledger
from ..edition.lock import write_lock
from ..edition.page import parse_page
from ..edition.paths import ROOT
from ..edition.witnesses import load_witnesses
from ..edition.zh import zh_numeral
from ..site_markdown import check_edition
from .matching import Pairing, pair_measures
from .official import Official, parse_official, read_lines
from .relocate import EN_CONJECTURAL, EN_NUMBER, LINK, OFFICIAL_FORMS, ZH_CONJECTURAL, Plan, Relocation
from .shares import check_readme, write_readme

SHAPE_WORDS = {"same": "same number", "moved": "renumbered", "merged": "merged", "split": "split off",
               "new": "new", "unplaced": "no counterpart"}


# --- the report ------------------------------------------------------------------------------

CHECK_BELOW = 0.6  # a pairing less sure than this needs an editor's eye
CHECK_MARGIN = 0.1  # … and so does one whose next-best candidate comes this close, or closer


def doubtful(pairing: Pairing, j: int) -> str | None:
    """Why the pairing of official measure `j` needs an editor's eye, or None.

    The runner-up is weighed against the pair's own score, like for like: the confidence
    blends that score with the margin, so comparing a raw score with it flagged perfect pairs."""
    confidence = pairing.confidence.get(j)
    sources = pairing.sources.get(j)
    if confidence is None or not sources:
        return None
    if confidence < CHECK_BELOW:
        return f"confidence under {CHECK_BELOW}"
    runner = pairing.runner_up.get(j)
    evidence = pairing.evidence.get((sources[0], j))
    if runner and evidence and runner[1] >= evidence.score - CHECK_MARGIN:
        return f"ours {runner[0]} fits {'better' if runner[1] > evidence.score else 'almost as well'}"
    return None


def report(corpus: Corpus, off: Official, pairing: Pairing, plan: Plan, lost: list[str]) -> str:
    out: list[str] = []
    for problem in off.problems:
        out.append(f"official text: {problem}")
    if off.skipped:
        out.append("official text: lines taken for page furniture, not text: "
                   + " | ".join(line[:40] for line in off.skipped))
    out.append("")
    out.append("PAIRING (official measure <- this edition's measure, by subject)")
    out.append(f"{'official':<9} {'heading (official)':<34} {'ours':<9} {'shape':<15} {'conf':>5}  evidence")
    for j in sorted(off.measures):
        srcs = pairing.sources.get(j, [])
        ours = "+".join(str(n) for n in srcs) or (f"({pairing.split_of[j]})" if j in pairing.split_of else "—")
        ev = pairing.evidence.get((srcs[0], j)) if srcs else None
        evidence = ""
        if ev:
            evidence = f"heading {ev.heading:.2f}, text {ev.text:.2f}" + (
                f", spans {ev.spans:.2f}" if ev.spans is not None else "")
            runner = pairing.runner_up.get(j)
            if runner:
                evidence += f"; next best: ours {runner[0]} ({runner[1]:.2f})"
        shape = SHAPE_WORDS[pairing.shape.get(j, "new")]
        why = doubtful(pairing, j)
        out.append(f"（{zh_numeral(j)}）".ljust(9 - 2) + f"  {_cut(off.heading(j), 17):<{34 - _wide(_cut(off.heading(j), 17))}} "
                   f"{ours:<9} {shape:<15} {pairing.confidence.get(j, 0):>5.2f}  {evidence}"
                   + (f"  <- CHECK: {why}" if why else ""))
    for i in pairing.unplaced:
        out.append(f"{'—':<9} {'':<34} {i:<9} {'no counterpart':<15} {'':>5}  kept at docs/former/{i:02d}.md")
    out.append("")
    out.append("PARTS")
    for part in corpus.document["parts"]:
        n = part["number"]
        members = [j for j in sorted(off.measures) if off.part_of[j] == n]
        in_part = [m.number for m in corpus.measures() if m.meta["part"] == n]
        title = off.parts.get(n, "?")
        line = f"part {n}: official （{zh_numeral(members[0]) if members else '?'}）–（{zh_numeral(members[-1]) if members else '?'}） {title}"
        line += f"; ours {in_part[0]}–{in_part[-1]}" if in_part else ""
        if title != part["title"]["zh"]:
            line += f"; our title was {part['title']['zh']}"
        out.append(line)
    out.append("")
    out.append("DECISIONS")
    out += [f"- {d}" for d in pairing.decisions + plan.decisions] or ["- none: the outlines agree"]
    out.append("")
    out.append("PARAGRAPHS (new id <- former ids; * marks a change of address)")
    for page in plan.pages:
        if page.former:
            continue
        pairs = []
        back: dict[str, list[str]] = {}
        for (_, frag), (folder, number, new) in plan.moves.items():
            if folder == "measures" and number == page.number and re.fullmatch(r"(pre|m\d\d)-\d+[a-z]?", frag):
                back.setdefault(new, []).append(frag)
        for pid, _, _ in page.paragraphs:
            olds = back.get(pid, [])
            mark = "*" if olds and olds != [pid] else " "
            pairs.append(f"{pid}{mark}<- {'+'.join(olds) or 'new'}")
        out.append(("preamble" if page.number == 0 else f"（{zh_numeral(page.number)}）") + ": " + ", ".join(pairs))
    out.append("")
    out.append("REVIEW (what needs an editor's eye, per page)")
    for page in plan.pages:
        if page.review:
            where = f"docs/former/{page.number:02d}.md" if page.former else _rel(page.path, corpus.root)
            out.append(f"{where}:")
            out += [f"  {pid}: {why}" for pid, why in page.review.items()]
    out.append("")
    out.append("EARLIER WITNESSES' READINGS NOT IN THE OFFICIAL TEXT")
    out += [f"- {s}" for s in plan.lost_spans] or ["- none"]
    if plan.docs_edits:
        out.append("")
        out.append("HAND-WRITTEN PAGES WHOSE LINKS CHANGE: " + ", ".join(_rel(p, corpus.root) for p in plan.docs_edits))
    if plan.numbers_rewritten:
        out.append("")
        out.append(f"NUMBERS IN PROSE: {plan.numbers_rewritten} conjectural numbers rewritten to the official ones "
                   "(\"no. 11 in the official text\", “官方文本序号为（十一）”); other mentions are listed under REVIEW")
    out.append("")
    renumbered = sum(1 for e in plan.concordance if e.get("official") != e.get("edition"))
    check = [f"（{zh_numeral(j)}）" for j in sorted(off.measures) if doubtful(pairing, j)]
    out.append(f"summary: {len(off.measures)} official measures; {renumbered} change number or are new; "
               f"{len(pairing.unplaced)} of ours without counterpart; "
               f"{len(check)} pairings to check{' (' + ', '.join(check) + ')' if check else ''}; "
               f"{sum(len(p.review) for p in plan.pages)} items to review")
    if lost:
        out.append("")
        out.append("WOULD BE LOST (the import refuses to write):")
        out += [f"- {x}" for x in lost]
    return "\n".join(out)


def _wide(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 0x2e80)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# --- nothing lost ----------------------------------------------------------------------------

def _plain(text: str) -> str:
    """Text with link targets and measure numbers removed, for comparing before and after."""
    text = LINK.sub("]", text)
    for numbers in (EN_CONJECTURAL, ZH_CONJECTURAL, OFFICIAL_FORMS):  # rewritten to the official numbers
        text = numbers.sub("#", text)
    return re.sub(r"\s+", " ", EN_NUMBER.sub("", text)).strip()


def lost_content(corpus: Corpus, plan: Plan) -> list[str]:
    """Every translation and every commentary paragraph of ours must be somewhere in the plan."""
    ens = [_plain(en) for page in plan.pages for _, _, en in page.paragraphs if en]
    blob = "\n".join(ens)
    new_notes = {lang: {_plain(n.text) for page in plan.pages
                        for n in (notes(page.commentary if lang == "en" else page.commentary_zh, 1)
                                  if (page.commentary if lang == "en" else page.commentary_zh).strip() else [])}
                 for lang in ("en", "zh")}
    lost = []
    for page in corpus.ordered():
        for para in page.paragraphs:
            if para.en and _plain(para.en) not in blob:
                lost.append(f"{_rel(page.path, corpus.root)}: the translation of {para.id}")
        for lang in ("en", "zh"):
            for note in page.notes(lang):
                if _plain(note.text) not in new_notes[lang]:
                    lost.append(f"{_rel(page.path, corpus.root)}: {'English' if lang == 'en' else 'Chinese'} "
                                f"commentary, N {note.n}")
    for new in plan.pages:  # and what is written must parse
        _, errors = parse_page(new.path, new.text())
        lost += [f"{_rel(new.path, corpus.root)}: would not parse: {e.message}" for e in errors
                 if e.code in ("front-matter", "structure", "pair", "id")]
    return lost


# --- writing ---------------------------------------------------------------------------------

def official_siglum(root: Path) -> str:
    register, _ = load_witnesses(root)
    for siglum, w in register.items():
        if w.kind == "official":
            return siglum
    k = 1
    while f"O{k}" in register:
        k += 1
    return f"O{k}"


def register_witness(root: Path, siglum: str, reference: str, address: str | None, published: str | None) -> None:
    path = root / "data" / "witnesses.yml"
    register, _ = load_witnesses(root)
    if siglum in register:
        return
    entry: dict[str, str | dict[str, str]] = {"siglum": siglum, "kind": "official", "grade": "A"}
    if published:
        entry["date"] = published
    entry["publisher"] = {"en": reference, "zh": reference}
    if address:
        entry["address"] = address
    entry["covers"] = {"en": "the whole text: the title, the preamble, the four parts and every measure "
                             "(imported by python -m scripts import)",
                       "zh": "全文：标题、序言、四个部分及各条（由 python -m scripts import 导入）"}
    text = path.read_text(encoding="utf-8").rstrip("\n")
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text + "\n\n# The official publication, registered by the import of the official text.\n"
                    + dumped, encoding="utf-8")


def update_document(root: Path, off: Official, siglum: str) -> None:
    """Part titles and their status from the official text; the document title attested by it too.
    Edited line by line, so the file's comments stay."""
    path = root / "data" / "document.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    part = None
    k = 0
    while k < len(lines):
        line = lines[k]
        m = re.match(r"^  - number: (\d+)$", line)
        if m:
            part = int(m.group(1))
        if line.startswith("title_attestations:") and off.title == data["title"]["zh"]:
            out.append(line)
            k += 1
            while k < len(lines) and lines[k].startswith("  - "):
                out.append(lines[k])
                k += 1
            out.append(f"  - {{text: {off.title}, witnesses: [{siglum}], grade: A}}")
            continue
        if part and part in off.parts:
            title = off.parts[part]
            if re.match(r"^      zh: ", line) and lines[k - 1].strip() == "title:":
                line = f"      zh: {title}"
            elif line.strip().startswith("source_status:"):
                line = "    source_status: verified"
            elif line.strip().startswith("title_status:"):
                line = "    title_status: attested"
            elif line.strip().startswith("witnesses:"):
                k += 1
                continue  # an attested title is shown by its attestations
            elif line.strip() == "attestations:":
                old = [x for x in (data["parts"][part - 1].get("attestations") or []) if x["text"] in title]
                k += 1
                while k < len(lines) and lines[k].startswith("      - "):
                    k += 1
                out.append("    attestations:")
                out.append(f"      - {{text: {title}, witnesses: [{siglum}], grade: A}}")
                out += [f"      - {{text: {x['text']}, witnesses: [{', '.join(x['witnesses'])}], grade: {x['grade']}}}"
                        for x in old]
                continue
            elif line.strip().startswith("source_note:") and not any(
                    ln.strip() == "attestations:" for ln in _block(lines, k)):
                out.append("    attestations:")
                out.append(f"      - {{text: {title}, witnesses: [{siglum}], grade: A}}")
        out.append(line)
        k += 1
    path.write_text("\n".join(out), encoding="utf-8")


def _block(lines: list[str], k: int) -> list[str]:
    """The lines of the part entry around line k."""
    start = k
    while start > 0 and not lines[start].startswith("  - number:"):
        start -= 1
    end = k + 1
    while end < len(lines) and not lines[end].startswith("  - number:"):
        end += 1
    return lines[start:end]


def write_plan(root: Path, plan: Plan, reference: str, checked: str, siglum: str) -> list[Path]:
    written: list[Path] = []
    for page in plan.pages:
        page.path.parent.mkdir(parents=True, exist_ok=True)
        page.path.write_text(page.text(), encoding="utf-8")
        written.append(page.path)
    for path, text in plan.docs_edits.items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    data = {"imported": checked, "reference": reference, "witness": siglum, "measures": plan.concordance}
    path = root / CONCORDANCE
    path.write_text(CONCORDANCE_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")
    written.append(path)
    return written


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("official", type=Path, help="the official text: plain text, or the SPP page saved as HTML")
    parser.add_argument("--apply", action="store_true", help="rebuild the edition on the official text (see above)")
    parser.add_argument("--reference", help="the publication the text comes from (issuer, title, date, where seen)")
    parser.add_argument("--checked", default=dt.date.today().isoformat(), help="date of the check (YYYY-MM-DD)")
    parser.add_argument("--address", help="the publication's web address, if it has one")
    parser.add_argument("--published", help="the publication's date (YYYY-MM-DD), if known")
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    if not args.official.exists():
        print(f"import: {args.official}: no such file", file=sys.stderr)
        return 2
    corpus = load_corpus(args.root)
    if corpus.errors:
        print(format_errors(corpus.errors, args.root), file=sys.stderr)
        return 1
    if (args.root / CONCORDANCE).exists() and yaml.safe_load((args.root / CONCORDANCE).read_text(encoding="utf-8")
                                                             ).get("measures"):
        print("import: the official text has already been imported (data/concordance.yml is not empty); "
              "correct the pages by hand, or start from the commit before the import", file=sys.stderr)
        return 1
    off = parse_official(read_lines(args.official), parts=len(corpus.document["parts"]),
                         measures=corpus.document["measures"])
    if off.problems:
        print(report_problems(off))
        print("import: not applied: the official text did not parse cleanly (see above)", file=sys.stderr)
        return 1
    siglum = official_siglum(args.root)
    reference = args.reference or "(reference to be given with REFERENCE=…)"
    pairing = pair_measures(corpus, off)
    plan = Relocation(corpus, off, pairing, siglum, reference, args.checked).build()
    lost = lost_content(corpus, plan)
    print(report(corpus, off, pairing, plan, lost))
    if lost:
        files = sorted({x.split(":", 1)[0] for x in lost})
        print(f"import: refused: translation or commentary would be lost in {', '.join(files)}", file=sys.stderr)
        return 1
    if not args.apply:
        print("import: dry run; nothing written. Add APPLY=1 (make) or --apply to write.")
        return 0
    if not args.reference:
        print("import: --apply needs --reference (the publication you checked against)", file=sys.stderr)
        return 2
    register_witness(args.root, siglum, reference, args.address, args.published)
    update_document(args.root, off, siglum)
    written = write_plan(args.root, plan, reference, args.checked, siglum)
    write_lock(load_corpus(args.root))
    # the commentary record made afresh: the pages' numbers, margin numbers and texts are the official
    # outline's now, and every old address is in the concordance (data/concordance.yml)
    write_ledger(args.root, {})
    record(load_corpus(args.root))
    readme = write_readme(args.root, load_edition(args.root))  # the table of shares, as `make lock` writes it
    print(f"import: wrote {len(written)} files, data/witnesses.yml, data/document.yml, data/source.lock "
          "and data/commentary.lock"
          + (", and the table of attested shares in README.md" if readme else ""))
    errors = check_all(args.root)
    if errors:
        print(format_errors(errors, args.root), file=sys.stderr)
        print("import: written, but make check fails (above): fix it (or `git checkout .`) before committing",
              file=sys.stderr)
        return 1
    print("import: make check passes. Review what `python -m scripts review` lists, then open the pull request.")
    return 0


def check_all(root: Path) -> list:
    """What `make check` reports (scripts/tools/check.py): every content check, the allowlist and the
    README's table included, so that the import says it passes only when it does."""
    edition = check_edition(root)
    return edition.errors + (check_readme(root, edition) if not edition.errors else [])


def report_problems(off: Official) -> str:
    return "\n".join(f"official text: {p}" for p in off.problems)
