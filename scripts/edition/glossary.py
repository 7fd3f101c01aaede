"""The glossary: data, term matching in both languages, occurrences, consistency check.

Chinese has no word boundaries, so Markdown's `abbr` cannot find a term inside
running Chinese text. We match terms ourselves, longest first, so that
商标恶意抢注 wins over 商标, and use the same matcher for the tooltips on
measure pages, the occurrence lists and the consistency check. The glossary page and
the term links in the text are rendered by scripts/site/glossary_page.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from .bilingual import paired
from .corpus import Corpus
from .errors import ContentError
from .page import Page, Paragraph
from .paths import part_anchor
from .yamlmap import LineMap, load_entries
from .zh import Segmenter, orthographic_words, segmenter, strip_tones


@dataclass
class Term:
    """One glossary entry, as written in data/glossary.yml plus generated fields."""

    zh: str
    en: str
    definition: str
    line: int
    alternatives: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    note: str = ""
    pinyin: str = ""  # as written in the glossary, or made from the Chinese (see load_glossary)
    id: str = ""
    definition_zh: str = ""  # the definition written for a Chinese reader (释义)
    note_zh: str = ""

    @property
    def renderings(self) -> list[str]:
        return [self.en, *self.alternatives]

    def definition_in(self, lang: str) -> tuple[str, str]:
        """The definition for an interface, and the language it is written in (the English one
        where the Chinese is missing, which `make check` reports)."""
        return (self.definition_zh, "zh") if lang == "zh" and self.definition_zh else (self.definition, "en")

    def why_in(self, rejected: dict[str, str], lang: str) -> tuple[str, str]:
        """Why a rendering is not used, for an interface (as definition_in)."""
        return (rejected["why_zh"], "zh") if lang == "zh" and rejected.get("why_zh") else (rejected["why"], "en")

    def note_in(self, lang: str) -> tuple[str, str]:
        return (self.note_zh, "zh") if lang == "zh" and self.note_zh else (self.note, "en")


@dataclass
class Location:
    """A place where source text stands: a paragraph, or a part's title."""

    id: str
    zh: str
    en: str | None
    page: Page | None = None
    para: Paragraph | None = None
    part: int | None = None


def _en_words(phrase: str) -> list[str]:
    """The words of an English rendering that its pattern matches (see en_pattern)."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    phrase = re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.I)
    return [w for w in re.split(r"[\s\-]+", phrase) if w]


def _en_stem(word: str) -> tuple[str, str]:
    """A word's fixed part and the regex for its inflections: 'secrets' -> ('secret', …)."""
    lower = word.lower()
    if word.isupper():  # acronyms: IP, SPP, GI
        return word, r"(?:s|’s|'s)?"
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3], r"(?:y|ies|ied)"
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 3:  # plural: also singular
        return word[:-1], r"(?:s|es|ed|d|ing|’s|'s)?"
    if word.endswith("y") and len(word) > 3:
        return word[:-1], r"(?:y|ies|ied)"
    return word, r"(?:s|es|ed|d|ing|’s|'s)?"


def en_pattern(phrase: str) -> re.Pattern[str]:
    """A forgiving regex for an English rendering: case, plurals, simple inflections, hyphens."""
    words = _en_words(phrase)
    parts = [re.escape(stem) + tail for stem, tail in map(_en_stem, words)]
    flags = 0 if all(w.isupper() for w in words) else re.I
    return re.compile(r"(?<![\w-])" + r"[\s\-]+".join(parts) + r"(?![\w])", flags)


def fold(text: str) -> str:
    """Text compared without case, as loosely as `re.I` compares it: case-folded, with the dotless
    and dotted i of Turkish taken for i (which `re.I` matches and casefold alone keeps apart)."""
    return text.casefold().replace("\u0131", "i").replace("\u0307", "")


def en_needles(phrase: str) -> tuple[tuple[str, ...], bool]:
    """What any match of en_pattern(phrase) must contain: each word's fixed part, and whether
    they are compared case-folded (the pattern ignores case) or as written (acronyms).
    A text lacking one cannot match, so the pattern need not be run (or even compiled)."""
    words = _en_words(phrase)
    exact = all(w.isupper() for w in words)
    stems = tuple(stem if exact else fold(stem) for stem, _ in map(_en_stem, words))
    return stems, exact


class _EnMatcher:
    """One rendering's pattern, run only on texts that contain its fixed parts (the slow step of
    matching 115 terms' 230 patterns against every text), and compiled the first time it runs."""

    __slots__ = ("phrase", "needles", "exact", "_regex")

    def __init__(self, phrase: str) -> None:
        self.phrase = phrase
        self.needles, self.exact = en_needles(phrase)
        self._regex: re.Pattern[str] | None = None

    def search(self, text: str, folded: str) -> bool:
        haystack = text if self.exact else folded
        if not all(n in haystack for n in self.needles):
            return False
        if self._regex is None:
            self._regex = en_pattern(self.phrase)
        return self._regex.search(text) is not None


# Found-terms caches by the glossary's renderings, see Glossary.__init__.
_EN_FOUND: dict[tuple[tuple[str, ...], ...], dict[str, tuple[int, ...]]] = {}


class Glossary:
    """All terms, with the matcher shared by pages, indexes and checks."""

    def __init__(self, terms: list[Term], path: Path, segmenter: Segmenter) -> None:
        self.terms = terms
        self.path = path
        self.segmenter = segmenter  # keeps the terms whole: in their pinyin, and in the search index
        self.by_zh = {t.zh: t for t in terms}
        self.by_id = {t.id: t for t in terms}

    @cached_property
    def zh_regex(self) -> re.Pattern[str]:
        ordered = sorted(self.by_zh, key=len, reverse=True)  # longest first: 商标恶意抢注 before 商标
        return re.compile("|".join(re.escape(z) for z in ordered))

    @cached_property
    def _en_patterns(self) -> dict[str, list[_EnMatcher]]:
        return {t.id: [_EnMatcher(r) for r in t.renderings] for t in self.terms}

    @cached_property
    def _en_found(self) -> dict[str, tuple[int, ...]]:
        """text -> indexes in self.terms of the terms found in it (see terms_in_en). Shared by
        glossaries with the same renderings, as each interface's build loads its own."""
        signature = tuple(tuple(t.renderings) for t in self.terms)
        if signature not in _EN_FOUND and len(_EN_FOUND) >= 4:  # `mkdocs serve` after glossary edits
            _EN_FOUND.pop(next(iter(_EN_FOUND)))
        return _EN_FOUND.setdefault(signature, {})

    def find_zh(self, text: str) -> Iterator[tuple[int, int, Term]]:
        for m in self.zh_regex.finditer(text):
            yield m.start(), m.end(), self.by_zh[m.group(0)]

    def terms_in_zh(self, text: str) -> list[Term]:
        seen: dict[str, Term] = {}
        for _, _, term in self.find_zh(text):
            seen.setdefault(term.id, term)
        return list(seen.values())

    def en_has(self, term: Term, text: str) -> bool:
        folded = fold(text)
        return any(p.search(text, folded) for p in self._en_patterns[term.id])

    def terms_in_en(self, text: str) -> list[Term]:
        """Terms whose English rendering occurs in `text`, in glossary order.

        Remembered per text: a build asks this of the same paragraphs for the glossary
        page, the print view and the exports, and matching every term's patterns
        against a text is the slowest step of the build.
        """
        found = self._en_found.get(text)
        if found is None:
            folded, patterns = fold(text), self._en_patterns
            found = self._en_found[text] = tuple(i for i, t in enumerate(self.terms)
                                                 if any(p.search(text, folded) for p in patterns[t.id]))
        return [self.terms[i] for i in found]


def _slug(term_pinyin: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", strip_tones(term_pinyin).lower()).strip("-")
    return base or "term"


# A generated pinyin word of more syllables than this is reported (GB/T 16159 writes a name of
# four or more syllables by its words: zhīshi chǎnquán, not zhīshichǎnquán).
MAX_SYLLABLES = 3
GLOSSARY = Path("data") / "glossary.yml"


def load_glossary(root: Path) -> tuple[Glossary | None, list[ContentError]]:
    path = root / GLOSSARY
    if not path.exists():
        return None, [ContentError(path, 1, "the glossary file is missing", "restore data/glossary.yml", "glossary")]
    data, lines, errors = load_entries(path, "glossary.schema.json", "the glossary", "zh", "the term", "glossary")
    if data is None:
        return None, errors
    terms: list[Term] = []
    seen: dict[str, int] = {}
    ids: dict[str, int] = {}
    for k, item in enumerate(data):
        line = lines.line([k])
        if item["zh"] in seen:
            errors.append(ContentError(path, line, f"the term '{item['zh']}' is listed twice (first on line "
                                       f"{seen[item['zh']]})", "merge the two entries", "glossary"))
            continue
        seen[item["zh"]] = line
        if not item.get("pinyin"):  # written in the data, reviewed like any text; `make pinyin` drafts it
            errors.append(ContentError(path, line, f"the term '{item['zh']}' has no pinyin",
                                       "run `make pinyin`, which writes it as GB/T 16159 has it (words apart, "
                                       "names capitalised) and lists what to check, then check it against a "
                                       "dictionary", "glossary"))
        errors += _in_both_languages(path, item, k, lines)
        term = Term(zh=item["zh"], en=item["en"].strip(), definition=item["definition"].strip(), line=line,
                    alternatives=list(item.get("alternatives", [])), rejected=list(item.get("rejected", [])),
                    note=item.get("note", ""), pinyin=item.get("pinyin") or "",
                    definition_zh=item.get("definition_zh", "").strip(), note_zh=item.get("note_zh", "").strip())
        slug = _slug(term.pinyin)
        ids[slug] = ids.get(slug, 0) + 1
        term.id = slug if ids[slug] == 1 else f"{slug}-{ids[slug]}"
        if not term.en:
            errors.append(ContentError(path, lines.line([k, "en"]), f"the term '{term.zh}' has no English",
                                       "give the rendering this edition uses", "glossary"))
        terms.append(term)
    # the terms stay whole in the search index, and their pinyin there is the glossary's
    words = segmenter(tuple(t.zh for t in terms), tuple((t.zh, t.pinyin) for t in terms))
    return Glossary(terms, path, words), errors


def _in_both_languages(path: Path, item: dict[str, Any], k: int, lines: LineMap) -> list[ContentError]:
    """The Chinese interface shows the Chinese of a definition, a reason and a note: each English
    one needs its Chinese counterpart, and a Chinese one its English (the two say the same)."""
    fields: list[tuple[list[Any], dict[str, Any], str]] = [([k], item, "definition"), ([k], item, "note")]
    fields += [([k, "rejected", j], r, "why") for j, r in enumerate(item.get("rejected", []))]
    return paired(path, lines, f"the term '{item['zh']}'", fields)


def long_words(zh: str) -> list[tuple[str, str]]:
    """The words of a drafted pinyin that run four or more syllables together: the dictionary had
    the term (or part of it) as one word and nothing to divide it by, so a contributor must
    (e.g. 'zhīshi chǎnquán', not 'zhīshichǎnquán'; an idiom in two halves: 'céngchū-bùqióng')."""
    return [(word, py) for word, py in orthographic_words(zh) if len(word) > MAX_SYLLABLES]


def locations(corpus: Corpus) -> list[Location]:
    """Every piece of source text in document order: preamble, then each part's title and measures."""
    out: list[Location] = []
    if corpus.preamble is not None:
        out += [Location(p.id, p.zh, p.en, corpus.preamble, p) for p in corpus.preamble.paragraphs]
    for part in corpus.document["parts"]:
        out.append(Location(part_anchor(part["number"]), part["title"]["zh"], part["title"]["en"], part=part["number"]))
        for page in corpus.measures():
            if page.meta["part"] == part["number"]:
                out += [Location(p.id, p.zh, p.en, page, p) for p in page.paragraphs]
    return out


def occurrences(corpus: Corpus, glossary: Glossary) -> dict[str, dict[str, Any]]:
    """For each term id: where it occurs in the Chinese, in the English, and in each commentary
    (`commentary`: the English one, by its English rendering; `commentary_zh`: the Chinese one)."""
    occ: dict[str, dict[str, Any]] = {t.id: {"zh": [], "en": [], "commentary": [], "commentary_zh": []}
                                      for t in glossary.terms}
    for loc in locations(corpus):
        for term in glossary.terms_in_zh(loc.zh):
            occ[term.id]["zh"].append(loc.id)
        if loc.en:
            for term in glossary.terms_in_en(loc.en):
                occ[term.id]["en"].append(loc.id)
    for page in corpus.ordered():
        if page.commentary:
            for term in glossary.terms_in_en(page.commentary):
                occ[term.id]["commentary"].append(page.number)
        if page.commentary_zh:
            for term in glossary.terms_in_zh(page.commentary_zh):
                occ[term.id]["commentary_zh"].append(page.number)
    for entry in occ.values():
        entry["first"] = entry["zh"][0] if entry["zh"] else None
    return occ


def check_consistency(corpus: Corpus, glossary: Glossary) -> list[ContentError]:
    """Each term in a Chinese paragraph must appear in its English as rendering or alternative."""
    errors: list[ContentError] = []
    for loc in locations(corpus):
        if loc.para is None or loc.en is None or loc.page is None:
            continue
        if loc.para.id in loc.page.meta.get("review", []):
            continue  # its translation awaits review (the source changed): checked once reviewed
        for term in glossary.terms_in_zh(loc.zh):
            if not glossary.en_has(term, loc.en):
                alts = f" or an accepted alternative ({', '.join(term.alternatives)})" if term.alternatives else ""
                errors.append(ContentError(
                    loc.page.path, loc.para.en_line or loc.para.line,
                    f"'{loc.id}': the Chinese has the glossary term {term.zh} but the English does not use "
                    f"'{term.en}'{alts}",
                    f"translate {term.zh} as '{term.en}'; if another rendering is right here, add it to its "
                    f"'alternatives' in data/glossary.yml (line {term.line})", "glossary"))
    return errors
