"""Commentary as a structure: its paragraphs (the margin-numbered notes), lengths and checks.

A page holds an English commentary (after `## Commentary`) and a Chinese one
(after `## 评注`). Each is free Markdown, but lawyers cite commentary by its
margin number, so each top-level block (paragraph, list, table, quotation) is a
note, and starts with its number, `{N 1}`, `{N 2}` …, written in the text so that
it stays with the paragraph for life (a paragraph inserted after N 5 is N 5a).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .zh import HAN, parse_zh_number

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
FENCE = re.compile(r"^(```|~~~)")
#: The heading that opens each language's commentary on a page.
HEADINGS = {"en": "## Commentary", "zh": "## 评注"}


#: The margin number written at the start of every commentary paragraph: '{N 5}', '{N 5a}'
#: (inserted after N 5), and, where the other language's counterpart is not the paragraph of the
#: same number, '{N 5a | zh 6}' or '{N 5a | zh none}' (in the Chinese commentary: '| en …').
#: Numbers are written in the text, so a paragraph keeps its number wherever it moves and
#: whatever is inserted or deleted around it (CONTRIBUTING.md, "Margin numbers").
LABEL = r"[1-9][0-9]*[a-z]?"
MARGIN = re.compile(rf"^\{{N\s+({LABEL})(?:\s*\|\s*(en|zh)\s+(none|{LABEL}))?\s*\}}[ \t]*")
#: Anything that looks like a margin token but is not a well-formed one.
MARGIN_LIKE = re.compile(r"^\{\s*N\b[^}\n]*\}?")


@dataclass(frozen=True)
class Note:
    """One margin-numbered paragraph of a commentary.

    `n` is its margin number as written ('5', '5a'); `text` the paragraph without it.
    `counterpart` is what the token says of the other language: None when it says nothing
    (the counterpart is the paragraph of the same number), 'none', or another number."""

    n: str
    text: str
    line: int  # file line of the note's first line
    counterpart: str | None = None
    token: str = ""  # the token as written, '' when the paragraph has none
    other: str | None = None  # the language a '| en …' / '| zh …' names


def label_key(label: str) -> tuple[int, str]:
    """'5' < '5a' < '5b' < '6': the order of margin numbers."""
    digits = label.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (int(digits) if digits.isdigit() else 0, label[len(digits):])


def notes(text: str, first_line: int) -> list[Note]:
    """Split commentary Markdown into its top-level blocks; `first_line` is the file line of text[0].

    Each block's margin number is the token at its start; a block without one gets the empty
    label '' (the checks report it; `make record` writes one). The checks and the site ask for a
    page's notes many times: each text is split once (the notes are frozen; the list is the caller's)."""
    return list(_notes(text, first_line))


@lru_cache(maxsize=1024)
def _notes(text: str, first_line: int) -> tuple[Note, ...]:
    out: list[Note] = []
    block: list[str] = []
    start = 0
    fenced = False
    lines = text.split("\n")
    for k, line in enumerate(lines + [""]):
        if FENCE.match(line.strip()):
            fenced = not fenced
        if line.strip() or fenced:
            if not block:
                start = k
            block.append(line)
        elif block:
            out.append(_note("\n".join(block).strip(), first_line + start))
            block = []
    return tuple(out)


def _note(block: str, line: int) -> Note:
    m = MARGIN.match(block)
    if m is None:
        return Note("", block, line)
    return Note(m.group(1), block[m.end():], line, m.group(3), m.group(0).rstrip(), m.group(2))


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def han_count(text: str) -> int:
    return len(HAN.findall(text))


# --- conjectural numbers -------------------------------------------------------------------

# "measure 8", "measures 3 to 6", "Measure (12)", "Item no. 15", "no. 15 of the Opinions"
OF_OPINIONS = r"(?=\s+of\s+the\s+(?:SPP'?s?\s+)?Opinions)"
MEASURE_EN = re.compile(r"\b(?:[Mm]easures?\s+(?:no\.\s*|number\s+)?|[Ii]tems?\s+(?:no\.\s*|number\s+))\(?(\d+)\)?"
                        rf"|\b(?:[Nn]o\.\s*|[Ii]tems?\s+)\(?(\d+)\)?{OF_OPINIONS}")
# （八） in Chinese (not 修正案（十一）, 解释（三）, nor after another title: 《……规定》（三）), but
# 《意见》（十五）; and 第十五项 in a sentence that names the Opinions (not an item of an article:
# 第二百一十九条第一款第一项, nor of another list: 四大检察中的第四项)
ZH_NUMERAL = "[二三四五六七八九十]{1,3}"
MEASURE_ZH = re.compile(r"(?:(?<!修正案)(?<!解释)(?<!》)|(?<=《意见》)|(?<=《最高人民检察院关于全面加强新时代知识产权检察工作的意见》))"
                        rf"（({ZH_NUMERAL})）"
                        rf"|(?<![条款])第({ZH_NUMERAL})项")
NAMES_OPINIONS_ZH = re.compile(r"《意见》|《最高人民检察院关于全面加强新时代知识产权检察工作的意见》|本意见|该意见")
QUALIFIED_EN = re.compile(r"outline|conjectur|official text", re.I)
QUALIFIED_ZH = re.compile(r"推测|没有文献|未见|无文献|官方文本")


def _sentence(text: str, start: int, end: int, stops: str) -> str:
    left = max(text.rfind(s, 0, start) for s in stops)
    rights = [i for i in (text.find(s, end) for s in stops) if i >= 0]
    return text[left + 1: min(rights) if rights else len(text)]


def bare_numbers(text: str, lang: str, attested: set[int]) -> list[tuple[int, str]]:
    """(offset, quote) of each measure number given as if it were the document's.

    No witness shows the number of a measure after (1): a commentary that gives one must say,
    in the same sentence, that it belongs to this edition's conjectural outline. (Several checks
    ask of the same paragraph: each is searched once.)"""
    return list(_bare_numbers(text, lang, frozenset(attested)))


@lru_cache(maxsize=4096)
def _bare_numbers(text: str, lang: str, attested: frozenset[int]) -> tuple[tuple[int, str], ...]:
    found = []
    if lang == "en":
        for m in MEASURE_EN.finditer(text):
            if int(m.group(1) or m.group(2)) in attested:
                continue
            if not QUALIFIED_EN.search(_sentence(text, m.start(), m.end(), ".;!?")):
                found.append((m.start(), m.group(0)))
    else:
        for m in MEASURE_ZH.finditer(text):
            if (parse_zh_number(m.group(1) or m.group(2)) or 0) in attested:
                continue
            sentence = _sentence(text, m.start(), m.end(), "。；！？")
            if m.group(2) and not NAMES_OPINIONS_ZH.search(sentence):
                continue  # an item of some other list
            if not QUALIFIED_ZH.search(sentence):
                found.append((m.start(), m.group(0)))
    return tuple(found)


# --- margin numbers: well-formed, in order, and paired across the two languages ------------

@dataclass(frozen=True)
class MarginProblem:
    """A margin-number fault: where, what, and how to mend it (turned into a ContentError by the page)."""

    lang: str
    line: int
    message: str
    fix: str


def margin_problems(by_lang: dict[str, list[Note]]) -> list[MarginProblem]:
    """Every paragraph has a number, no number is used twice, numbers run in order."""
    out: list[MarginProblem] = []
    for lang, items in by_lang.items():
        seen: dict[str, int] = {}
        last: Note | None = None
        for note in items:
            if not note.n:
                shown = MARGIN_LIKE.match(note.text)
                if shown:
                    out.append(MarginProblem(lang, note.line, f"malformed margin number {shown.group(0)!r}",
                                             "write it as {N 5}, {N 5a}, {N 5a | zh 6} or {N 5a | zh none} "
                                             "(in the Chinese commentary: | en …)"))
                    continue
                after = f" after N {last.n}" if last else ""
                out.append(MarginProblem(lang, note.line, "this commentary paragraph has no margin number",
                                         "run `make record`, which writes the next free number here "
                                         f"(a paragraph inserted{after or ' at the start'} takes a letter, "
                                         "N 5a after N 5, so no other number moves), or write it yourself"))
                continue
            if note.n in seen:
                out.append(MarginProblem(lang, note.line, f"margin number N {note.n} is used twice (first on line "
                                         f"{seen[note.n]})", "give the later paragraph a number of its own "
                                         "(remove its {N …} and run `make record`)"))
                continue
            seen[note.n] = note.line
            if last is not None and label_key(note.n) <= label_key(last.n):
                out.append(MarginProblem(lang, note.line, f"margin number N {note.n} stands after N {last.n}; "
                                         "margin numbers run in order", "a paragraph keeps its number only where "
                                         "it stood: move it back, or remove its {N …}, run `make record` for a new "
                                         "number, and record the old one as withdrawn (CONTRIBUTING.md, "
                                         "\"Margin numbers\")"))
            other = "zh" if lang == "en" else "en"
            if note.other is not None and note.other != other:
                out.append(MarginProblem(lang, note.line, f"N {note.n} names its counterpart in the wrong language",
                                         f"in this commentary write '| {other} …'"))
            last = note
    return out


def counterparts(en: list[Note], zh: list[Note]) -> tuple[dict[str, dict[str, str | None]], list[MarginProblem]]:
    """Which English margin number answers which Chinese one.

    By default a paragraph answers the paragraph of the same number in the other commentary.
    A token may name another number ('{N 5a | zh 6}') or none ('{N 5a | zh none}'). Returns,
    per language, number -> the other language's number (None: no counterpart), and the
    problems: a declaration the other side contradicts, a number claimed twice, and a
    paragraph whose same-numbered counterpart does not exist without saying so."""
    notes_of = {"en": {n.n: n for n in en if n.n}, "zh": {n.n: n for n in zh if n.n}}
    pairs: dict[str, dict[str, str | None]] = {"en": {}, "zh": {}}
    problems: list[MarginProblem] = []
    if not notes_of["en"] or not notes_of["zh"]:  # one commentary only: nothing to pair
        return {lang: {k: None for k in notes_of[lang]} for lang in pairs}, problems
    claimed: dict[str, dict[str, str]] = {"en": {}, "zh": {}}  # lang -> its number -> the other's number claiming it
    for lang, other in (("en", "zh"), ("zh", "en")):
        for label, note in notes_of[lang].items():
            spec = note.counterpart
            if spec is None or spec == "none":
                continue
            if spec not in notes_of[other]:
                problems.append(MarginProblem(lang, note.line, f"N {label} names {other} N {spec} as its counterpart, "
                                              f"which the {_NAME[other]} commentary does not have",
                                              f"name one of its numbers, or write '| {other} none'"))
                continue
            back = notes_of[other][spec].counterpart
            if back is not None and back != label:
                problems.append(MarginProblem(lang, note.line, f"N {label} names {other} N {spec} as its counterpart, "
                                              f"but that paragraph names {'none' if back == 'none' else lang + ' N ' + back}",
                                              "make the two tokens agree (or write the pairing on one side only)"))
                continue
            if spec in claimed[other] and claimed[other][spec] != label:
                problems.append(MarginProblem(lang, note.line, f"{other} N {spec} is already the counterpart of "
                                              f"{lang} N {claimed[other][spec]}", "a paragraph answers at most one"))
                continue
            claimed[other][spec] = label
            claimed[lang].setdefault(label, spec)
            pairs[lang][label] = spec
            pairs[other][spec] = label
    for lang, other in (("en", "zh"), ("zh", "en")):
        for label, note in notes_of[lang].items():
            if label in pairs[lang]:
                continue
            if note.counterpart == "none":
                pairs[lang][label] = None
                continue
            same = notes_of[other].get(label)
            if same is not None and label not in claimed[other] and same.counterpart in (None, label):
                pairs[lang][label] = label
                continue
            # the other language's paragraphs still without a counterpart (a number never reused
            # after a withdrawal is not among them: only numbers the commentary has are offered)
            free = [k for k, n in notes_of[other].items()
                    if k not in notes_of[lang] and k not in claimed[other] and n.counterpart is None]
            example = free[0] if free else "K"
            offer = f" (its paragraphs without one: {', '.join(free)})" if free else ""
            problems.append(MarginProblem(lang, note.line, f"{_NAME[lang]} N {label} has no counterpart: the "
                                          f"{_NAME[other]} commentary has no free N {label}",
                                          f"name the {_NAME[other]} paragraph that answers it, "
                                          f"'{{N {label} | {other} {example}}}'{offer}, "
                                          f"or write '{{N {label} | {other} none}}'"))
            pairs[lang][label] = None
    return pairs, problems


_NAME = {"en": "English", "zh": "Chinese"}


def relabel(text: str, first_line: int, mapping: dict[str, str]) -> str:
    """The commentary with the margin numbers in `mapping` rewritten (old -> new), every other
    word unchanged: a deliberate renumbering (an import that joins two measures' commentaries)."""
    lines = text.split("\n")
    for note in notes(text, first_line):
        if note.n in mapping:
            k = note.line - first_line
            lines[k] = lines[k].replace(note.token, note.token.replace(f"N {note.n}", f"N {mapping[note.n]}", 1), 1)
    return "\n".join(lines)


def next_label(labels: list[str]) -> str:
    """The next whole number after every label: '7' after 1 … 6, '5a'."""
    return str(max((label_key(x)[0] for x in labels), default=0) + 1)
