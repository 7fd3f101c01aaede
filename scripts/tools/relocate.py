"""What the import writes: every page of the edition rebuilt on the official outline.

Given the pairing (scripts/tools/matching.py), each official measure gets a page
made from the page(s) of ours whose subject it is. Everything on those pages moves
with the subject: translations (paragraph by paragraph, by what each of our
paragraphs holds of the official one), both commentaries, and the whole front
matter, keys this module does not know included. Numbers, file names, paragraph
ids and margin numbers then follow the official text, and every reference to the
old ones is rewritten: `related`, links in commentaries and translations (to pages,
paragraphs and margin numbers), and the ids in attestations, variants,
source.uncertain and review. A measure of ours with no official counterpart is kept,
unchanged but for its links, at docs/former/NN.md. The result is held in memory
(`Plan`); nothing is written here.
"""
from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from ..edition.commentary import next_label, notes, relabel
from ..edition.corpus import Corpus
from ..edition.page import FUNCTIONS, Page, Paragraph, in_language, split_front_matter
from ..edition.paths import FORMER, MEASURES, note_anchor, para_prefix, slug
from ..edition.zh import parse_zh_number, zh_numeral
from . import frontmatter
from .matching import Pairing, Weights, bigrams
from .official import MEASURE_RE, Official

PARA = 0.35  # share of our paragraph inside an official one for its translation to go there
STAGES = ("stub", "draft", "complete")
EN_NUMBER = re.compile(r"^\((\d+)\)\s*")
LINK = re.compile(r"\]\((?:(\.\./(?:measures|former)/)?(preamble|\d\d)\.md)?(#[A-Za-z0-9_-]+)?\)")
NUMBER_TALK = re.compile(r"\bno\. ?\d+|\bnos?\. \d+|\bmeasures? \d+|\(\d+\)|（[一二三四五六七八九十]+）|序号|第[一二三四五六七八九十]+条")
# The conjectural-number forms CONTRIBUTING prescribes, which the import can rewrite to the official number:
# "(no. 15 in this edition's conjectural outline)", "（本版推测序号为（十五））"
EN_CONJECTURAL = re.compile(r"\bno\. (\d+) in (?:this edition's|its) (?:conjectural )?outline")
ZH_CONJECTURAL = re.compile(r"本版推测序号为（([一二三四五六七八九十]+)）(?:(至|、|和|及)（([一二三四五六七八九十]+)）)?")
EN_OFFICIAL, ZH_OFFICIAL = "no. {n} in the official text", "官方文本序号为（{n}）"
OFFICIAL_FORMS = re.compile(r"\bno\. \d+ in the official text"
                            r"|官方文本序号为（[一二三四五六七八九十]+）(?:(?:至|、|和|及)（[一二三四五六七八九十]+）)?")
WITNESS_TALK = re.compile(r"conjectur|attest|witness|推测|佐证|见证")
SEPARATOR = {
    "en": ("*Editors' note added by the import of the official text: the notes that follow were written "
           "for measure {old} of this edition's former outline, whose subject the official text joins to "
           "this measure. They await an editor, who should merge them with the notes above.*"),
    "zh": "*编者按（导入官方文本时所加）：以下各段原为本版旧大纲第{old}条的评注；官方文本将该条内容并入本条。以下内容有待编者与上文合并修订。*",
}
PLACEHOLDER_EN = "(heading to be translated)"
IMPORT_CONTRIBUTOR = {"name": "Official text (imported)", "roles": ["transcription"]}


@dataclass
class NewPage:
    """One page as the import would write it."""

    number: int
    path: Path
    meta: dict[str, Any]
    paragraphs: list[list[Any]]  # [id, zh, en or None]
    commentary: str = ""
    commentary_zh: str = ""
    former: bool = False  # kept outside the numbered sequence (docs/former/)
    sources: list[int] = field(default_factory=list)  # our measures it continues
    review: dict[str, str] = field(default_factory=dict)  # id -> why
    chunks: dict[str, list[tuple[int | None, str]]] = field(default_factory=dict)  # commentary by origin
    origin: str | None = None  # the front matter, as written, of the page of ours it continues
    imported: str | None = None  # the day of the import: its change goes into each commentary's history

    def text(self) -> str:
        meta = dict(self.meta)
        texts = {"en": self.commentary.strip(), "zh": self.commentary_zh.strip() if self.commentary.strip() else ""}
        authorship = {lang: entry for lang, entry in (meta.get("commentary") or {}).items() if texts.get(lang)}
        if authorship and self.imported:  # the import's change, told to each commentary's readers
            authorship = _record_import(authorship, self.imported)
            if IMPORT_CONTRIBUTOR["name"] not in {c["name"] for c in meta.get("contributors", [])}:
                meta["contributors"] = list(meta.get("contributors", [])) + [dict(IMPORT_CONTRIBUTOR)]
        if authorship:  # only the commentaries the page keeps say who wrote them (make check)
            meta["commentary"] = authorship
        else:
            meta.pop("commentary", None)
        if self.review:
            meta["review"] = list(self.review)
        else:
            meta.pop("review", None)
        front = frontmatter.rewrite(self.origin, meta)  # edited in place: the diff shows only what changed
        blocks = [f"/// para | {pid}\n{zh}\n" + (f"\n{en}\n" if en else "") + "///" for pid, zh, en in self.paragraphs]
        body = "\n\n".join(blocks)
        out = f"---\n{front}---\n\n{body}\n"
        if self.commentary.strip():
            out += f"\n## Commentary\n\n{self.commentary.strip()}\n"
            if self.commentary_zh.strip():
                out += f"\n## 评注\n\n{self.commentary_zh.strip()}\n"
        return out


#: What the import changes in a commentary it carries over, for its readers (CONTRIBUTING.md,
#: "The history of a commentary").
IMPORT_CHANGE = {
    "en": ("The official text was imported: the measures now carry its numbers, and the numbers the commentary "
           "gives follow it (see the concordance of numbers)."),
    "zh": "导入官方文本：各条改用官方文本的序号，评注中所称序号随之更改（见序号对照表）。",
}


def _record_import(authorship: dict[str, Any], day: str) -> dict[str, Any]:
    """Each commentary's history gains the import's change; one that stood reviewed is reviewed
    no longer (its text changed after the review), so it becomes a draft until read again."""
    out = copy.deepcopy(authorship)
    for entry in out.values():
        entry["changes"] = [{"date": day, "by": [IMPORT_CONTRIBUTOR["name"]], "summary": dict(IMPORT_CHANGE)}] + \
            list(entry.get("changes", []))
        if entry.get("status") == "reviewed":
            entry["status"], entry["date"] = "draft", day
    return out


@dataclass
class Plan:
    pages: list[NewPage] = field(default_factory=list)
    # (our number, fragment) -> (folder, number, fragment); fragment "" is the page itself
    moves: dict[tuple[int, str], tuple[str, int, str]] = field(default_factory=dict)
    concordance: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    lost_spans: list[str] = field(default_factory=list)
    docs_edits: dict[Path, str] = field(default_factory=dict)  # hand-written pages whose links change
    numbers_rewritten: int = 0  # conjectural numbers in prose rewritten to the official ones


def note_id(number: int, lang: str, n: int | str) -> str:
    return note_anchor(number, lang, n)


def _renumber_zh(zh: str, number: int) -> str:
    return MEASURE_RE.sub(lambda m: f"（{zh_numeral(number)}）{m.group(2)}", zh, count=1) if number else zh


def _rank(stage: str) -> int:
    return STAGES.index(stage)


def _union(a: Sequence[Any], b: Sequence[Any]) -> list[Any]:
    return [*a, *(x for x in b if x not in a)]


def merge_meta(primary: dict[str, Any], other: dict[str, Any], other_number: int, decisions: list[str]) -> dict[str, Any]:
    """The front matter of a merged measure: lists joined, contributors joined by name, keys
    only the other page has taken over (known or not), a differing value kept and reported."""
    out = copy.deepcopy(primary)
    for key, value in other.items():
        if key in ("number", "part", "title", "heading", "source", "review", "attestations", "variants"):
            continue  # rebuilt from both pages by the caller
        if key not in out:
            out[key] = copy.deepcopy(value)
        elif key == "contributors":
            names = {c["name"]: c for c in out[key]}
            for c in value:
                if c["name"] in names:
                    names[c["name"]]["roles"] = _union(names[c["name"]]["roles"], c["roles"])
                else:
                    out[key].append(copy.deepcopy(c))
        elif key == "commentary":  # authorship of the joined commentaries: see _join_authorship
            out[key] = _join_authorship(out[key], value, other_number, decisions)
        elif key == "functions":
            out[key] = [f for f in FUNCTIONS if f in out[key] or f in value]
        elif isinstance(value, list) and isinstance(out[key], list):
            out[key] = _union(out[key], copy.deepcopy(value))
        elif isinstance(value, dict) and isinstance(out[key], dict):
            for k, v in value.items():
                out[key].setdefault(k, copy.deepcopy(v))
        elif value != out[key]:
            decisions.append(f"front matter '{key}': kept {out[key]!r}; former measure {other_number} had {value!r}")
        if key == "stage":
            out[key] = min(out[key], value, key=_rank)
    return out


def _join_authorship(ours: dict[str, Any], theirs: dict[str, Any], other_number: int,
                     decisions: list[str]) -> dict[str, Any]:
    """One commentary's authorship when two are joined: both pages' authors and reviewers, and,
    where both had that language, `draft`: the joined text has not been reviewed as a whole."""
    out = copy.deepcopy(ours)
    for lang, entry in theirs.items():
        if lang not in out:
            out[lang] = copy.deepcopy(entry)
            continue
        mine = out[lang]
        for role in ("authors", "reviewers"):
            names = {p["name"] for p in mine.get(role, [])}
            mine[role] = mine.get(role, []) + [copy.deepcopy(p) for p in entry.get(role, []) if p["name"] not in names]
        if not mine["reviewers"]:
            mine.pop("reviewers")
        mine["date"] = max(mine["date"], entry["date"])
        if mine["status"] != "draft" or entry["status"] != "draft":
            mine["status"] = "draft"
            decisions.append(f"commentary.{lang}: the joined commentary is a draft until reviewed as a whole "
                             f"(former measure {other_number}'s notes were added)")
    return out


def _align(ours: list[tuple[int, Paragraph]], theirs: list[tuple[int, int, str]], weights: Weights,
           first_of: dict[int, tuple[int, int]], weak: set[tuple[int, str]]) -> dict[tuple[int, str], tuple[int, int] | None]:
    """Each of our paragraphs -> the official (measure, index) holding most of it, or None.

    `first_of`: for each of our pages, the first paragraph of the official measure its page
    continues; a heading-only first paragraph goes there whatever its score."""
    out: dict[tuple[int, str], tuple[int, int] | None] = {}
    for number, para in ours:
        mine = bigrams(para.zh)
        best, where = 0.0, None
        for j, k, zh in theirs:
            held = weights.contained(mine, bigrams(zh)) if mine else 0.0
            held += 0.01 * difflib.SequenceMatcher(None, para.zh, zh, autojunk=False).ratio()
            if held > best:
                best, where = held, (j, k)
        if best < PARA:
            first = first_of.get(number)
            page_first = ours[[n for n, _ in ours].index(number)][1].id == para.id
            if page_first and first:
                where = first  # a heading-only paragraph opens the measure its page continues
            else:
                weak.add((number, para.id))  # kept where it fits best, and flagged: never dropped
        out[(number, para.id)] = where
    return out


def _fix_en_number(en: str, old: int, new: int, first: bool) -> str:
    m = EN_NUMBER.match(en)
    if not m or int(m.group(1)) != old:
        return en
    return f"({new}) {en[m.end():]}" if first else en[m.end():]


class Relocation:
    """Builds the Plan for one corpus, one parsed official text and one pairing."""

    def __init__(self, corpus: Corpus, off: Official, pairing: Pairing, siglum: str, reference: str,
                 checked: str) -> None:
        self.corpus, self.off, self.pairing = corpus, off, pairing
        self.siglum, self.reference, self.checked = siglum, reference, checked
        self.plan = Plan()
        self.weak: set[tuple[int, str]] = set()
        texts = [bigrams(p.zh) for page in corpus.ordered() for p in page.paragraphs]
        texts += [bigrams(t) for t in off.preamble] + [bigrams(t) for n in off.measures for t in off.measures[n]]
        self.weights = Weights(texts)

    # --- the paragraphs ----------------------------------------------------------------------

    def build(self) -> Plan:
        corpus, off, pairing = self.corpus, self.off, self.pairing
        official_texts = {0: off.preamble, **off.measures}
        # which official paragraphs may hold each page's paragraphs: those of its group
        targets: dict[int, list[int]] = {0: [0]}
        for page in corpus.measures():
            targets[page.number] = pairing.official_of(page.number)
        where: dict[tuple[int, str], tuple[int, int] | None] = {}
        for number, group in targets.items():
            if not group:
                continue
            page = corpus.pages[number]
            theirs = [(j, k, zh) for j in group for k, zh in enumerate(official_texts[j])]
            first = {number: (group[0], 0)}
            where.update(_align([(number, p) for p in page.paragraphs], theirs, self.weights, first, self.weak))
        self.where = where
        for j in [0] + sorted(off.measures):
            self.plan.pages.append(self._official_page(j))
        for number in pairing.unplaced:
            self.plan.pages.append(self._former_page(corpus.pages[number]))
        self._rewrite_links()
        self._flag_notes()
        self._concordance()
        return self.plan

    def _official_page(self, j: int) -> NewPage:
        corpus, off, pairing = self.corpus, self.off, self.pairing
        paras = off.preamble if j == 0 else off.measures[j]
        srcs = [0] if j == 0 else pairing.sources.get(j, [])
        split_from = pairing.split_of.get(j)
        donors = srcs or ([split_from] if split_from else [])
        new = NewPage(j, corpus.docs_dir / MEASURES / f"{slug(j)}.md", {}, [], sources=list(srcs),
                      imported=date.today().isoformat())  # the change happens today, whenever the text was checked
        if srcs:
            new.origin = _front_matter(corpus.pages[srcs[0]])
        prefix = para_prefix(j)
        # paragraphs and translations
        held: dict[int, list[tuple[int, Paragraph]]] = {k: [] for k in range(len(paras))}
        for number in donors:
            for para in corpus.pages[number].paragraphs:
                target = self.where.get((number, para.id))
                if target and target[0] == j:
                    held[target[1]].append((number, para))
        for k, zh in enumerate(paras):
            pid = f"{prefix}-{k + 1}"
            ours = held[k]
            ens = [_fix_en_number(p.en, n, j, k == 0) for n, p in ours if p.en]
            en = " ".join(ens) if ens else None
            new.paragraphs.append([pid, zh, en])
            for n, p in ours:
                self.plan.moves[(n, p.id)] = (MEASURES, j, pid)
            if not ours:
                new.review[pid] = "new in the official text: translation to be written"
            elif any((n, p.id) in self.weak for n, p in ours):
                new.review[pid] = ("holds the translation of " + " and ".join(f"former {p.id}" for _, p in ours)
                                   + ", whose Chinese the official paragraph holds only in part: check it")
            elif len(ours) > 1:
                new.review[pid] = ("joins the translations of " + " and ".join(f"former {p.id}" for _, p in ours)
                                   + ": make one translation of the official paragraph")
            elif _renumber_zh(ours[0][1].zh, j) != zh:
                n, p = ours[0]
                why = "the Chinese differs from the former transcription"
                if p.zh.endswith("。") and len(bigrams(p.zh)) <= 8 and k == 0:
                    why = "the former page had only the heading: translate the rest of the official paragraph"
                new.review[pid] = f"{why} (former {p.id}): check the translation"
            elif ours[0][1].en is None:
                new.review[pid] = "translation to be written"
        new.meta = self._meta(j, new, srcs, split_from, held)
        # commentaries: the page's own, then those of measures merged into it
        for lang in ("en", "zh"):
            chunks: list[tuple[int | None, str]] = []
            labels: list[str] = []  # the margin numbers of the joined commentary so far
            for s_index, number in enumerate(srcs):
                page = corpus.pages[number]
                text = page.commentary_in(lang).strip()
                if not text:
                    continue
                mapping: dict[str, str] = {}
                if s_index > 0 and chunks:  # a joined commentary continues after the first one's numbers
                    sep = next_label(labels)
                    labels.append(sep)
                    chunks.append((None, f"{{N {sep}}} " + SEPARATOR[lang].format(old=number)))
                    new.review[note_id(j, lang, sep)] = f"added by the import: merge former measure {number}'s notes"
                for note in page.notes(lang):
                    label = note.n if not (s_index > 0 and chunks) else next_label(labels)
                    mapping[note.n] = label
                    labels.append(label)
                    self.plan.moves[(number, note_id(number, lang, note.n))] = (MEASURES, j, note_id(j, lang, label))
                    if s_index > 0:
                        new.review[note_id(j, lang, label)] = f"written for former measure {number}: merge with this measure's notes"
                if any(k != v for k, v in mapping.items()):
                    text = relabel(text, 1, mapping)
                chunks.append((number, text))
            new.chunks[lang] = chunks
        for number in srcs:
            self.plan.moves[(number, "")] = (MEASURES, j, "")
            for anchor in ("commentary", "commentary-zh"):
                self.plan.moves.setdefault((number, anchor), (MEASURES, j, anchor))
        if split_from and not srcs:
            new.review[new.paragraphs[0][0]] = new.review.get(new.paragraphs[0][0], "") or "split from former measure"
            new.review[new.paragraphs[0][0]] += f" (split from former measure {split_from}; its commentary stays there)"
        return new

    def _meta(self, j: int, new: NewPage, srcs: list[int], split_from: int | None,
              held: dict[int, list[tuple[int, Paragraph]]]) -> dict[str, Any]:
        corpus, off = self.corpus, self.off
        decisions = self.plan.decisions
        if srcs:
            meta = copy.deepcopy(corpus.pages[srcs[0]].meta)
            for other in srcs[1:]:
                meta = merge_meta(meta, corpus.pages[other].meta, other, decisions)
        elif split_from:
            donor = corpus.pages[split_from].meta
            meta = {k: copy.deepcopy(v) for k, v in donor.items()
                    if k not in ("attestations", "variants", "review", "heading", "source")}
            meta["stage"] = "stub"
            decisions.append(f"official （{zh_numeral(j)}） takes the functions, related measures, laws and "
                             f"contributors of former measure {split_from} (from which it is split) as a start")
        else:
            meta = {"number": j, "part": off.part_of.get(j), "title": {}, "stage": "stub", "functions": [],
                    "related": [], "laws": [], "source": {}, "contributors": [dict(IMPORT_CONTRIBUTOR)]}
        meta["number"] = j
        meta["part"] = None if j == 0 else off.part_of[j]
        old_title = dict(meta.get("title") or {})
        if j:
            heading = off.heading(j)
            en = old_title.get("en") or PLACEHOLDER_EN
            if not srcs:
                en = PLACEHOLDER_EN
            meta["title"] = {"zh": heading, "en": en}
            if old_title.get("zh") != heading or not srcs:
                new.review.setdefault(new.paragraphs[0][0], "")
                note = (f"heading: the official text reads {heading}" +
                        (f" (former {old_title['zh']})" if old_title.get("zh") and old_title["zh"] != heading else "")
                        + "; check title.en")
                new.review[new.paragraphs[0][0]] = "; ".join(x for x in (new.review[new.paragraphs[0][0]], note) if x)
            meta["heading"] = {"status": "attested", "witnesses": [self.siglum]}
        old_source = copy.deepcopy(meta.get("source") or {})
        # earlier notes as written: a plain string (English) or {en, zh}, each language carried into its own
        earlier = [corpus.pages[n].source["note"] for n in (srcs or ([split_from] if split_from else []))]
        if j == 0:
            where = "the preamble"
        else:
            where = f"this measure as （{zh_numeral(j)}）"
            if srcs and srcs[0] != j:
                where += f", the subject of this edition's former measure {' and '.join(map(str, srcs))}"
            elif split_from:
                where += f", split from this edition's former measure {split_from}"
            elif not srcs:
                where += ", a measure this edition did not have"
        note = (f"Checked paragraph by paragraph against the official publication ({self.reference}) on "
                f"{self.checked}, and imported from it by `python -m scripts import`; the official text gives {where}.")
        if earlier:  # a note may be {en, zh}: the English goes here, the Chinese into the Chinese note
            note += " Earlier note" + ("s" if len(earlier) > 1 else "") + ": " + " ".join(
                in_language(e, "en")[0] for e in earlier)
        earlier_zh = [in_language(e, "zh")[0] for e in earlier]
        zh_where = "序言" if j == 0 else f"本条为（{zh_numeral(j)}）"
        written = {"en": note, "zh": f"已于{self.checked}逐段核对官方发布文本（{self.reference}），并由 "
                                     f"`python -m scripts import` 导入；官方文本中{zh_where}。"
                                     + ("此前的说明：" + "".join(earlier_zh) if earlier_zh else "")}
        source: dict[str, Any] = {"status": "verified", "coverage": "full", "note": written,
                                  "reference": self.reference, "checked": self.checked}
        uncertain = []
        for number in srcs:
            for item in corpus.pages[number].source.get("uncertain", []):
                target = self.where.get((number, item["para"]))
                if target and target[0] == j:
                    pid = new.paragraphs[target[1]][0]
                    uncertain.append({"para": pid, "note": item["note"]})
                    new.review.setdefault(pid, "")
                    new.review[pid] = "; ".join(x for x in (new.review[pid], "an 'uncertain' note of the former "
                                                            "transcription stands: remove it once checked") if x)
        if uncertain:
            source["uncertain"] = uncertain
        for key, value in old_source.items():  # keys of `source` this module does not know
            if key not in ("status", "coverage", "note", "reference", "checked", "uncertain"):
                source[key] = value
        meta["source"] = source
        meta["attestations"], meta["variants"] = self._apparatus(j, new, srcs, held)
        if not meta["variants"]:
            del meta["variants"]
        meta.pop("review", None)
        for number in srcs:  # review items of the former pages follow their paragraphs
            for pid in corpus.pages[number].meta.get("review", []):
                target = self.where.get((number, pid))
                if target and target[0] == j:
                    new.review.setdefault(new.paragraphs[target[1]][0], "was under review before the import")
        return meta

    def _apparatus(self, j: int, new: NewPage, srcs: list[int],
                   held: dict[int, list[tuple[int, Paragraph]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The official publication attests every paragraph; earlier spans that still occur are kept;
        a span that no longer occurs becomes a variant (official reading against the witnesses')."""
        corpus = self.corpus
        attestations: dict[str, Any] = {}
        variants: list[dict[str, Any]] = []
        for k, (pid, zh, _) in enumerate(new.paragraphs):
            items: list[dict[str, Any]] = [{"text": zh, "witnesses": [self.siglum], "grade": "A"}]
            for number, para in held[k]:
                page = corpus.pages[number]
                for att in page.apparatus.for_para(para.id):
                    item = {"text": att.text, "witnesses": list(att.witnesses), "grade": att.grade}
                    if att.note:
                        item["note"] = att.note
                    if att.text in zh:
                        items.append(item)
                        continue
                    reading = _corresponding(para.zh, zh, att.start, att.end) if att.found else ""
                    sigla = ", ".join(att.witnesses)
                    self.plan.lost_spans.append(f"{pid} (former {para.id}): '{att.text}' ({sigla}, grade {att.grade})"
                                                + (f" where the official text reads '{reading}'" if reading else
                                                   " has no counterpart in the official paragraph"))
                    if reading and reading not in {v["text"] for v in variants if v["para"] == pid}:
                        variants.append({"para": pid, "text": reading, "readings": [
                            {"text": reading, "witnesses": [self.siglum]},
                            {"text": att.text, "witnesses": list(att.witnesses)}],
                            "choice": {
                                "en": f"The edition follows the official publication ({self.siglum}). The earlier "
                                      f"witnesses' reading ({sigla}) is recorded here.",
                                "zh": f"本版从官方发布文本（{self.siglum}）；此前见证文献（{sigla}）的读法记录于此。"}})
                    else:
                        new.review.setdefault(pid, "")
                    new.review[pid] = "; ".join(x for x in (new.review.get(pid, ""), f"the witnesses' '{att.text}' "
                                                           f"({sigla}) is not in the official text") if x)
                for var in page.apparatus.variants_for(para.id):
                    readings = [{"text": r.text, "witnesses": list(r.witnesses)} for r in var.readings]
                    text = next((r["text"] for r in readings if r["text"] in zh), None)
                    if text is None:
                        text = _corresponding(para.zh, zh, var.start, var.end) if var.start >= 0 else ""
                        if not text:
                            self.plan.lost_spans.append(f"{pid} (former {para.id}): the variant at '{var.text}' has no "
                                                        "place in the official paragraph; its readings are in the "
                                                        "earlier source note")
                            continue
                        readings.insert(0, {"text": text, "witnesses": []})
                    for r in readings:
                        if r["text"] == text:
                            r["witnesses"] = _union(r["witnesses"], [self.siglum])
                    variants.append({"para": pid, "text": text, "readings": readings, "choice": {
                        "en": f"The edition follows the official publication ({self.siglum}). Before the import: "
                              + var.choice.get("en", ""),
                        "zh": f"本版从官方发布文本（{self.siglum}）。导入前的说明：" + var.choice.get("zh", "")}})
                    new.review.setdefault(pid, "")
                    new.review[pid] = "; ".join(x for x in (new.review[pid], "a variant note of the former "
                                                           "transcription: check its wording") if x)
            attestations[pid] = items
        return attestations, variants

    def _former_page(self, page: Page) -> NewPage:
        """One of ours without official counterpart: kept whole at docs/former/NN.md, flagged."""
        meta = copy.deepcopy(page.meta)
        new = NewPage(page.number, self.corpus.root / "docs" / FORMER / f"{slug(page.number)}.md", meta,
                      [[p.id, p.zh, p.en] for p in page.paragraphs], page.commentary, page.commentary_zh,
                      former=True, sources=[page.number], origin=_front_matter(page))
        why = "no counterpart in the official text: reuse what fits elsewhere, or keep it here"
        for p in page.paragraphs:
            new.review[p.id] = why
        for lang in ("en", "zh"):
            for note in page.notes(lang):
                new.review[note_id(page.number, lang, note.n)] = why
        for p in page.paragraphs:
            self.plan.moves[(page.number, p.id)] = (FORMER, page.number, p.id)
        for lang in ("en", "zh"):
            for note in page.notes(lang):
                nid = note_id(page.number, lang, note.n)
                self.plan.moves[(page.number, nid)] = (FORMER, page.number, nid)
        self.plan.moves[(page.number, "")] = (FORMER, page.number, "")
        for anchor in ("commentary", "commentary-zh"):
            self.plan.moves[(page.number, anchor)] = (FORMER, page.number, anchor)
        return new

    # --- references ----------------------------------------------------------------------------

    def _target(self, old: int, fragment: str) -> tuple[str, int, str] | None:
        """Where an old page (and fragment) now is; a vanished fragment falls back to the page."""
        hit = self.plan.moves.get((old, fragment))
        if hit is None and fragment:
            page = self.plan.moves.get((old, ""))
            return (page[0], page[1], "") if page else None
        return hit

    def _rewrite(self, text: str, here_old: int, here: NewPage) -> str:
        """Links to measure pages (and same-page fragments) rewritten to their new addresses,
        relative to where the page now lives."""
        folder_here = FORMER if here.former else MEASURES

        def repl(m: re.Match[str]) -> str:
            target, fragment = m.group(2), (m.group(3) or "")[1:]
            if target is None and not fragment:
                return m.group(0)
            old = here_old if target is None else (0 if target == "preamble" else int(target))
            if target is None and not here.former and (here_old, fragment) not in self.plan.moves:
                return m.group(0)
            hit = self._target(old, fragment)
            if hit is None:
                return m.group(0)
            folder, number, frag = hit
            name = f"{slug(number)}.md"
            if folder == folder_here and number == here.number and target is None:
                return f"](#{frag})" if frag else m.group(0)
            path = name if folder == folder_here else f"../{folder}/{name}"
            return f"]({path}{'#' + frag if frag else ''})"
        return LINK.sub(repl, text)

    def _official_number(self, old: int) -> int | None:
        hit = self.plan.moves.get((old, ""))
        return hit[1] if hit and hit[0] == MEASURES else None

    def _rewrite_numbers(self, text: str) -> str:
        """"(no. 15 in this edition's conjectural outline)" -> "(no. 11 in the official text)", and the
        Chinese form alike: once the official text is in, a number is neither conjecture nor ours.
        A number of a measure without official counterpart, and every other form, is left for review."""
        def en(m: re.Match[str]) -> str:
            new = self._official_number(int(m.group(1)))
            if new is None:
                return m.group(0)
            self.plan.numbers_rewritten += 1
            return EN_OFFICIAL.format(n=new)

        def zh(m: re.Match[str]) -> str:
            olds = [parse_zh_number(x) for x in (m.group(1), m.group(3)) if x]
            found = [self._official_number(old) if old else None for old in olds]
            news = [n for n in found if n is not None]
            if len(news) < len(found):
                return m.group(0)  # a measure the official outline does not have: left for review
            if m.group(2) == "至" and news[1] - news[0] != (olds[1] or 0) - (olds[0] or 0):
                return m.group(0)  # a range the official outline breaks up: left for review
            self.plan.numbers_rewritten += 1
            out = ZH_OFFICIAL.format(n=zh_numeral(news[0]))
            return out + (f"{m.group(2)}（{zh_numeral(news[1])}）" if len(news) > 1 else "")
        return ZH_CONJECTURAL.sub(zh, EN_CONJECTURAL.sub(en, text))

    def _rewrite_links(self) -> None:
        for page in self.plan.pages:
            here_old = page.sources[0] if page.sources else page.number
            if page.chunks:  # each commentary rewritten from the page it was written on
                joined = {lang: "\n\n".join(text if origin is None else self._rewrite(text, origin, page)
                                              for origin, text in chunks) for lang, chunks in page.chunks.items()}
                page.commentary, page.commentary_zh = joined.get("en", ""), joined.get("zh", "")
            else:
                page.commentary = self._rewrite(page.commentary, here_old, page)
                page.commentary_zh = self._rewrite(page.commentary_zh, here_old, page)
            page.commentary = self._rewrite_numbers(page.commentary)
            page.commentary_zh = self._rewrite_numbers(page.commentary_zh)
            for para in page.paragraphs:
                if para[2]:
                    para[2] = self._rewrite(para[2], here_old, page)
            related = []
            for old in page.meta.get("related", []):
                hit = self.plan.moves.get((old, ""))
                if hit is None or hit[0] != MEASURES:
                    self.plan.decisions.append(
                        f"{'former/' if page.former else 'measure '}{slug(page.number)}: 'related' drops former "
                        f"measure {old}, which has no counterpart (kept at former/{slug(old)})")
                    continue
                if hit[1] != page.number and hit[1] not in related:
                    related.append(hit[1])
            page.meta["related"] = related
        docs = self.corpus.docs_dir
        for path in sorted(docs.glob("*.md")):
            text = path.read_text(encoding="utf-8")

            def repl(m: re.Match[str]) -> str:
                old = 0 if m.group(1) == "preamble" else int(m.group(1))
                hit = self._target(old, (m.group(2) or "")[1:])
                if hit is None:
                    return m.group(0)
                return f"]({hit[0]}/{slug(hit[1])}.md{'#' + hit[2] if hit[2] else ''})"
            new = re.sub(r"\]\(measures/(preamble|\d\d)\.md(#[A-Za-z0-9_-]+)?\)", repl, text)
            if new != text:
                self.plan.docs_edits[path] = new

    def _flag_notes(self) -> None:
        """Commentary that speaks of numbers or of what witnesses attest needs an editor's eye once
        the numbers follow the official text and the text is the official one."""
        renumbered = any(k[1] == "" and (v[0] != MEASURES or v[1] != k[0]) for k, v in self.plan.moves.items())
        for page in self.plan.pages:
            if page.former:
                continue
            for lang, text in (("en", page.commentary), ("zh", page.commentary_zh)):
                for note in notes(text, 1) if text.strip() else []:
                    nid = note_id(page.number, lang, note.n)
                    if nid in page.review:
                        continue
                    why = []
                    if NUMBER_TALK.search(OFFICIAL_FORMS.sub("", LINK.sub("]", note.text))):
                        why.append("names measure numbers in a form the import does not rewrite: check each "
                                   "against the official outline" if renumbered else
                                   "names measure numbers, which are now the official text's: check the wording")
                    if WITNESS_TALK.search(note.text):
                        why.append("discusses what the witnesses attest; the text is now the official one")
                    if "../former/" in note.text:
                        why.append("links a former measure without official counterpart")
                    if why:
                        page.review[nid] = "; ".join(why)

    def _concordance(self) -> None:
        """One entry per official measure (and per measure of ours kept outside the sequence)."""
        pairing = self.pairing
        for page in self.plan.pages:
            if page.former:
                entry: dict[str, Any] = {"edition": page.number, "official": None, "shape": "unplaced",
                         "kept_at": f"{FORMER}/{slug(page.number)}/"}
                olds = [page.number]
            else:
                shape = pairing.shape.get(page.number, "new")
                olds = page.sources or ([pairing.split_of[page.number]] if page.number in pairing.split_of else [])
                entry = {"edition": olds[0] if olds else None, "official": page.number, "shape": shape,
                         "confidence": round(float(pairing.confidence.get(page.number, 0.0)), 2)}
                if len(page.sources) > 1:
                    entry["also"] = page.sources[1:]
            pairs = []
            for (old, frag), (folder, number, new) in sorted(self.plan.moves.items()):
                if old in olds and frag and folder == (FORMER if page.former else MEASURES) and number == page.number:
                    if frag != new or old != page.number or page.former:
                        pairs.append({"edition": frag, "official": new})
            entry["ids"] = pairs
            if page.number == 0 and not page.former and not pairs:
                continue
            for k, v in page.review.items():
                page.review[k] = v or "check"
            if page.review:
                entry["review"] = [{"id": k, "why": v} for k, v in page.review.items()]
            self.plan.concordance.append(entry)


def _in(note: str | dict[str, str], lang: str) -> str:
    """A front-matter note in one language: a plain string is English only, {en, zh} has both."""
    if isinstance(note, dict):
        return note.get(lang) or ""
    return note if lang == "en" else ""


def _front_matter(page: Page) -> str | None:
    """The page's front matter as its file holds it (None if it cannot be read again)."""
    text, _, errors = split_front_matter(page.path.read_text(encoding="utf-8"), page.path)
    return None if errors or text is None else text + "\n"


def _corresponding(old: str, new: str, start: int, end: int) -> str:
    """The stretch of `new` that stands where old[start:end] stood (difflib alignment)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    a = b = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if a is None and i2 > start:
            a = j1 + (start - i1 if tag == "equal" else 0)
        if i2 >= end:
            b = j1 + (end - i1 if tag == "equal" else j2 - j1)
            break
    if a is None or b is None or b <= a:
        return ""
    return new[a:b]
