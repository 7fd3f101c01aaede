"""Pairing the official measures with ours by subject, not by number.

Our outline of measures (3)–(21) is conjecture (no witness shows their numbers or
headings), so the official (8) need not be our 8. Each pair (ours, official) is
scored on three kinds of evidence:

- the headings, as sets of words (jieba) weighted by how rare they are in the whole
  text (inverse document frequency: 知识产权 and 检察 say nothing, 商业秘密 says a lot);
- how much of our transcribed text occurs in the official measure (containment, with
  the same weights), since our text is partial but, where present, should be in it;
- the spans our witnesses attest (data/witnesses.yml grades A–C): found verbatim in
  the official measure they are the strongest evidence there is.

A small prior for keeping the order breaks ties between headings-only pages.
The one-to-one pairing is solved as an assignment (Hungarian method) with a
"no partner" option on both sides, so a weak pair is never forced. What is left
is then explained: one of ours whose text lies inside an official measure already
paired is merged into it; an official measure whose text lies inside one of ours
already paired is split from it; an official measure left over is new; one of ours
left over has no counterpart. Every decision carries its score.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from munkres import Munkres

from ..edition.corpus import Corpus
from ..edition.page import GAP_ZH, Page
from ..edition.zh import HAN, Segmenter, segmenter, zh_numeral
from .official import MEASURE_RE, Official

NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")
PAIR = 0.30     # below this, two measures are not the same subject
MERGE = 0.45    # share of our text inside an official measure for a merge
SPLIT = 0.45    # share of an official measure inside our text for a split
ORDER = 0.08    # weight of the prior for keeping the order
SCALE = 1_000_000  # scores become whole numbers for the assignment (hungarian)


def bigrams(text: str) -> set[str]:
    """The words of a text (jieba, dictionary words of two characters or more), numbering and
    gaps removed. Words, not character bigrams: a conjectural heading that reads 完善……配合机制
    where the official one reads 健全……机制 should differ by two words, not by five bigrams
    that straddle them."""
    text = NUMBER.sub("", text.replace(GAP_ZH, "，"))
    return {w for w in _segmenter().segment(text) if len(w) >= 2 and all(HAN.match(ch) for ch in w)}


@lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    return segmenter()


class Weights:
    """Inverse document frequency of bigrams over every measure, ours and the official ones."""

    def __init__(self, documents: list[set[str]]) -> None:
        n = len(documents)
        df: dict[str, int] = {}
        for doc in documents:
            for g in doc:
                df[g] = df.get(g, 0) + 1
        self.idf = {g: math.log((1 + n) / (1 + k)) + 0.05 for g, k in df.items()}

    def mass(self, grams: set[str]) -> float:
        return sum(self.idf.get(g, 1.0) for g in grams)

    def contained(self, a: set[str], b: set[str]) -> float:
        """How much of `a` (by weight) is in `b`."""
        total = self.mass(a)
        return self.mass(a & b) / total if total else 0.0

    def dice(self, a: set[str], b: set[str]) -> float:
        total = self.mass(a) + self.mass(b)
        return 2 * self.mass(a & b) / total if total else 0.0


@dataclass
class Evidence:
    """One (ours, official) comparison and its parts, for the report."""

    score: float
    heading: float
    text: float
    spans: float | None


@dataclass
class Pairing:
    """The subjects of the official text, each with the measures of ours it continues."""

    # official number -> our numbers, the first being the one whose page it continues
    sources: dict[int, list[int]] = field(default_factory=dict)
    shape: dict[int, str] = field(default_factory=dict)  # official number -> same|moved|merged|split|new
    split_of: dict[int, int] = field(default_factory=dict)  # official split-off measure -> our number
    unplaced: list[int] = field(default_factory=list)  # ours with no counterpart
    evidence: dict[tuple[int, int], Evidence] = field(default_factory=dict)
    confidence: dict[int, float] = field(default_factory=dict)  # official number -> confidence of its pairing
    runner_up: dict[int, tuple[int, float] | None] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)

    def official_of(self, ours: int) -> list[int]:
        """The official measures that continue our measure `ours` (two when it was split)."""
        return [n for n, src in sorted(self.sources.items()) if ours in src] + \
               [n for n, o in sorted(self.split_of.items()) if o == ours]


def _our_text(page: Page) -> str:
    return "".join(p.zh for p in page.paragraphs)


def _spans(page: Page) -> list[tuple[str, float]]:
    weight = {"A": 1.0, "B": 1.0, "C": 0.5}
    return [(a.text, weight[a.grade]) for p in page.paragraphs for a in page.apparatus.for_para(p.id) if a.found]


def score(page: Page, off: Official, number: int, weights: Weights) -> Evidence:
    ours_h = bigrams(page.title["zh"])
    theirs_h = bigrams(off.heading(number))
    theirs = bigrams(off.text(number))
    heading = max(weights.dice(ours_h, theirs_h), 0.8 * weights.contained(ours_h, theirs))
    text = weights.contained(bigrams(_our_text(page)), theirs)
    spans = _spans(page)
    found = None
    if spans:
        official = off.text(number)
        total = sum(len(s) * w for s, w in spans)
        found = sum(len(s) * w for s, w in spans if s in official) / total
    value = 0.45 * heading + 0.2 * text + 0.35 * found if found is not None else 0.6 * heading + 0.4 * text
    return Evidence(value, heading, text, found)


def hungarian(value: list[list[float]]) -> list[int]:
    """The assignment of rows to columns with the greatest total value (square matrix); row i
    gets column result[i]. munkres minimises a cost, so each value becomes its shortfall from
    the greatest, in whole millionths: the algorithm tests for zeros, which floats may miss."""
    big = max((v for row in value for v in row), default=0.0)
    cost = [[round((big - v) * SCALE) for v in row] for row in value]
    result = [0] * len(value)
    for row, column in Munkres().compute(cost):
        result[row] = column
    return result


def pair_measures(corpus: Corpus, off: Official) -> Pairing:
    ours = [p.number for p in corpus.measures()]
    theirs = sorted(off.measures)
    docs = [bigrams(_our_text(corpus.pages[n]) + corpus.pages[n].title["zh"]) for n in ours]
    docs += [bigrams(off.text(n)) for n in theirs]
    weights = Weights(docs)
    result = Pairing()
    for i in ours:
        for j in theirs:
            result.evidence[(i, j)] = score(corpus.pages[i], off, j, weights)
    n, m = len(ours), len(theirs)

    def order(i: int, j: int) -> float:
        return 1.0 - abs((ours.index(i) + 0.5) / n - (theirs.index(j) + 0.5) / m)

    size = n + m
    matrix = [[-1.0] * size for _ in range(size)]
    for a, i in enumerate(ours):
        for b, j in enumerate(theirs):
            matrix[a][b] = result.evidence[(i, j)].score + ORDER * (order(i, j) - 0.5)
        matrix[a][m + a] = PAIR / 2  # our measure without a partner (a pair must beat two of these)
    for b in range(m):
        matrix[n + b][b] = PAIR / 2  # an official measure without a partner
        for a in range(n):
            matrix[n + b][m + a] = 0.0
    assignment = hungarian(matrix)
    paired_ours: dict[int, int] = {}
    for a, b in enumerate(assignment[:n]):
        if b < m:
            paired_ours[ours[a]] = theirs[b]
    for i, j in paired_ours.items():
        result.sources[j] = [i]
        result.shape[j] = "same" if i == j else "moved"
        if i != j:
            result.decisions.append(f"our measure {i} is official （{_zh(j)}）: its page, ids and margin numbers "
                                    f"are renumbered to {j}")
    # ours left over: merged into an official measure whose text holds theirs, or without counterpart
    for i in ours:
        if i in paired_ours:
            continue
        page = corpus.pages[i]
        held = {j: weights.contained(bigrams(_our_text(page) + page.title["zh"]), bigrams(off.text(j)))
                for j in result.sources}
        best = max(held, key=lambda j: held[j], default=None)
        if best is not None and held[best] >= MERGE:
            result.sources[best].append(i)
            result.shape[best] = "merged"
            result.decisions.append(f"our measure {i} is merged into official （{_zh(best)}）: "
                                    f"{held[best]:.2f} of its text lies in it")
        else:
            result.unplaced.append(i)
            result.decisions.append(f"our measure {i} has no counterpart in the official text (best: "
                                    + (f"official （{_zh(best)}） {held[best]:.2f}" if best else "none")
                                    + f"); it is kept outside the numbered sequence, at former/{i:02d}")
    # official measures left over: split from one of ours whose text holds theirs, or new
    for j in theirs:
        if j in result.sources:
            continue
        inside = {i: weights.contained(bigrams(off.text(j)), bigrams(_our_text(corpus.pages[i])))
                  for i in paired_ours}
        best = max(inside, key=lambda i: inside[i], default=None)
        if best is not None and inside[best] >= SPLIT:
            result.split_of[j] = best
            result.shape[j] = "split"
            result.confidence[j] = inside[best]
            result.decisions.append(f"official （{_zh(j)}） is split from our measure {best}: {inside[best]:.2f} "
                                    f"of its text lies in ours; our page continues as （{_zh(paired_ours[best])}）")
        else:
            result.shape[j] = "new"
            result.confidence[j] = 1.0 - max(inside.values(), default=0.0)
            result.decisions.append(f"official （{_zh(j)}） {off.heading(j)} has no counterpart in this "
                                    "edition: a new page (Chinese only, translation and commentary to be written)")
    for j, src in result.sources.items():
        ranked = sorted(((result.evidence[(i, j)].score, i) for i in ours if i not in src), reverse=True)
        result.runner_up[j] = (ranked[0][1], ranked[0][0]) if ranked else None
        top = result.evidence[(src[0], j)].score
        margin = top - (ranked[0][0] if ranked else 0.0)
        result.confidence[j] = round(max(0.0, min(1.0, 0.5 * top + 0.5 * min(1.0, 2 * max(margin, 0.0)))), 2)
    return result


def _zh(n: int) -> str:
    return zh_numeral(n)


__all__ = ["Pairing", "pair_measures", "hungarian", "bigrams", "Weights", "MEASURE_RE"]
