"""The glossary: data, term matching in both languages, consistency check, pages.

Chinese has no word boundaries, so Markdown's `abbr` cannot find a term inside
running Chinese text. We match terms ourselves, longest first, so that
商标恶意抢注 wins over 商标, and use the same matcher for the tooltips on
measure pages, the occurrence lists and the consistency check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any, Iterator

from .corpus import Corpus
from .errors import ContentError
from .frontmatter import parse_yaml, validate
from .labels import measure_label
from .pages import Page, Paragraph
from .zh import pinyin, pinyin_sort_key, strip_tones


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
    pinyin_override: str | None = None
    id: str = ""

    @property
    def pinyin(self) -> str:
        return self.pinyin_override or pinyin(self.zh)

    @property
    def renderings(self) -> list[str]:
        return [self.en, *self.alternatives]


@dataclass
class Location:
    """A place where source text stands: a paragraph, or a part's title."""

    id: str
    zh: str
    en: str | None
    page: Page | None = None
    para: Paragraph | None = None
    part: int | None = None


def en_pattern(phrase: str) -> re.Pattern[str]:
    """A forgiving regex for an English rendering: case, plurals, simple inflections, hyphens."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    phrase = re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.I)
    words = [w for w in re.split(r"[\s\-]+", phrase) if w]
    parts = []
    for word in words:
        core = re.escape(word)
        lower = word.lower()
        if word.isupper():  # acronyms: IP, SPP, GI
            parts.append(core + r"(?:s|’s|'s)?")
        elif lower.endswith("ies") and len(word) > 4:
            parts.append(re.escape(word[:-3]) + r"(?:y|ies|ied)")
        elif lower.endswith("s") and not lower.endswith("ss") and len(word) > 3:  # plural: also singular
            parts.append(re.escape(word[:-1]) + r"(?:s|es|ed|d|ing|’s|'s)?")
        elif word.endswith("y") and len(word) > 3:
            parts.append(re.escape(word[:-1]) + r"(?:y|ies|ied)")
        else:
            parts.append(core + r"(?:s|es|ed|d|ing|’s|'s)?")
    flags = 0 if all(w.isupper() for w in words) else re.I
    return re.compile(r"(?<![\w-])" + r"[\s\-]+".join(parts) + r"(?![\w])", flags)


# Found-terms caches by the glossary's renderings, see Glossary.__init__.
_EN_FOUND: dict[tuple[tuple[str, ...], ...], dict[str, tuple[int, ...]]] = {}


class Glossary:
    """All terms, with the matcher shared by pages, indexes and checks."""

    def __init__(self, terms: list[Term], path: Path) -> None:
        self.terms = terms
        self.path = path
        self.by_zh = {t.zh: t for t in terms}
        self.by_id = {t.id: t for t in terms}

    @cached_property
    def zh_regex(self) -> re.Pattern[str]:
        ordered = sorted(self.by_zh, key=len, reverse=True)  # longest first: 商标恶意抢注 before 商标
        return re.compile("|".join(re.escape(z) for z in ordered))

    @cached_property
    def _en_patterns(self) -> dict[str, list[re.Pattern[str]]]:
        return {t.id: [en_pattern(r) for r in t.renderings] for t in self.terms}

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
        return any(p.search(text) for p in self._en_patterns[term.id])

    def terms_in_en(self, text: str) -> list[Term]:
        """Terms whose English rendering occurs in `text`, in glossary order.

        Remembered per text: a build asks this of the same paragraphs for the glossary
        page, the print view and the exports, and matching every term's patterns
        against a text is the slowest step of the build.
        """
        found = self._en_found.get(text)
        if found is None:
            found = self._en_found[text] = tuple(i for i, t in enumerate(self.terms) if self.en_has(t, text))
        return [self.terms[i] for i in found]

    def markup_zh(self, escaped: str, href: str) -> str:
        """Wrap each term in escaped Chinese text in a link with a pinyin/English tooltip."""
        def repl(m: re.Match[str]) -> str:
            term = self.by_zh[m.group(0)]
            tip = escape(f"{term.pinyin} · {term.en}")
            return (f'<a class="oe-term" href="{href}#{term.id}" title="{tip}" '
                    f'data-pinyin="{escape(term.pinyin)}" data-en="{escape(term.en)}">{m.group(0)}</a>')
        return self.zh_regex.sub(repl, escaped)


def _slug(term_pinyin: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", strip_tones(term_pinyin).lower()).strip("-")
    return base or "term"


def load_glossary(root: Path) -> tuple[Glossary | None, list[ContentError]]:
    path = root / "data" / "glossary.yml"
    if not path.exists():
        return None, [ContentError(path, 1, "the glossary file is missing", "restore data/glossary.yml", "glossary")]
    data, lines, errors = parse_yaml(path.read_text(encoding="utf-8"), path)
    if data is None:
        return None, errors
    schema_errors = validate(data, "glossary.schema.json", path, lines, what="the glossary")
    errors += schema_errors
    if schema_errors:
        return None, errors
    from .zh import add_words

    add_words(item["zh"] for item in data)  # keep terms whole when segmenting (search, pinyin)
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
        term = Term(zh=item["zh"], en=item["en"].strip(), definition=item["definition"].strip(), line=line,
                    alternatives=list(item.get("alternatives", [])), rejected=list(item.get("rejected", [])),
                    note=item.get("note", ""), pinyin_override=item.get("pinyin"))
        slug = _slug(term.pinyin)
        ids[slug] = ids.get(slug, 0) + 1
        term.id = slug if ids[slug] == 1 else f"{slug}-{ids[slug]}"
        if not term.en:
            errors.append(ContentError(path, lines.line([k, "en"]), f"the term '{term.zh}' has no English",
                                       "give the rendering this edition uses", "glossary"))
        terms.append(term)
    return Glossary(terms, path), errors


def locations(corpus: Corpus) -> list[Location]:
    """Every piece of source text in document order: preamble, then each part's title and measures."""
    out: list[Location] = []
    if corpus.preamble is not None:
        out += [Location(p.id, p.zh, p.en, corpus.preamble, p) for p in corpus.preamble.paragraphs]
    for part in corpus.document["parts"]:
        out.append(Location(f"part-{part['number']}", part["title"]["zh"], part["title"]["en"], part=part["number"]))
        for page in corpus.measures():
            if page.meta["part"] == part["number"]:
                out += [Location(p.id, p.zh, p.en, page, p) for p in page.paragraphs]
    return out


def occurrences(corpus: Corpus, glossary: Glossary) -> dict[str, dict[str, Any]]:
    """For each term id: where it occurs in the Chinese, in the English, and in commentary."""
    occ: dict[str, dict[str, Any]] = {t.id: {"zh": [], "en": [], "commentary": []} for t in glossary.terms}
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
    for entry in occ.values():
        entry["first"] = entry["zh"][0] if entry["zh"] else None
    return occ


def check_consistency(corpus: Corpus, glossary: Glossary) -> list[ContentError]:
    """Each term in a Chinese paragraph must appear in its English as rendering or alternative."""
    errors: list[ContentError] = []
    for loc in locations(corpus):
        if loc.para is None or loc.en is None or loc.page is None:
            continue
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


# --- pages -----------------------------------------------------------------------------------

def _en_sort_key(term: Term) -> str:
    return re.sub(r"^(the|a|an)\s+", "", term.en, flags=re.I).lower()


def _loc_link(loc_id: str, corpus: Corpus, base: str, in_document: bool = False) -> str:
    """Link to where a term occurs: on its page, or (in_document) within the print view."""
    if in_document:
        return f"[{loc_id}](#{loc_id})"
    if loc_id.startswith("part-"):
        return f"[{loc_id}]({base}index.md#{loc_id})"
    number = 0 if loc_id.startswith("pre") else int(loc_id[1:3])
    name = "preamble.md" if number == 0 else f"{number:02d}.md"
    return f"[{loc_id}]({base}measures/{name}#{loc_id})"


def _commentary_link(n: int, lang: str, base: str, in_document: bool) -> str:
    label = escape(measure_label(lang, n))
    if in_document:
        return f"[{label}](#commentary-{'preamble' if n == 0 else f'measure-{n:02d}'})"
    return f"[{label}]({base}measures/{'preamble' if n == 0 else f'{n:02d}'}.md#commentary)"


GLOSSARY_LABELS = {
    "en": {"pinyin": "Pinyin", "use": "We use", "also": "Also accepted", "rejected": "Not used",
           "first": "First occurs", "occurs": "In the Chinese source", "occurs_en": "In the English translation",
           "commentary": "In the commentary", "none": "not in the transcribed text",
           "intro": ("Key terms of the Opinions, with the English this edition uses, renderings we accept and "
                     "reject, and every paragraph where each term occurs. Ordered A–Z by the English. "
                     "The Chinese interface lists the same terms in pinyin order."),
           "count": "{n} terms."},
    "zh": {"pinyin": "拼音", "use": "本版译法", "also": "亦可接受", "rejected": "不采用",
           "first": "首次出现", "occurs": "中文原文中", "occurs_en": "英文译文中",
           "commentary": "评注中", "none": "未见于已录入文本",
           "intro": ("《意见》关键术语：本版采用的英文译法、可接受和不采用的译法，以及每个术语出现的全部段落。"
                     "按拼音排序；英文界面按英文字母排序。"),
           "count": "共 {n} 条。"},
}


def render_glossary_page(corpus: Corpus, glossary: Glossary, lang: str, base: str = "",
                         in_document: bool = False) -> str:
    """The glossary page for one interface: A–Z by English, or by pinyin for Chinese.

    in_document: rendered as the appendix of the print view, linking within it.
    """
    lab = GLOSSARY_LABELS[lang]
    occ = occurrences(corpus, glossary)
    if lang == "zh":
        terms = sorted(glossary.terms, key=lambda t: pinyin_sort_key(t.zh, t.pinyin_override))
        initial = lambda t: strip_tones(t.pinyin)[0].upper()  # noqa: E731
    else:
        terms = sorted(glossary.terms, key=_en_sort_key)
        initial = lambda t: _en_sort_key(t)[0].upper()  # noqa: E731
    out = [f'<p class="oe-intro">{escape(lab["intro"])} {escape(lab["count"].format(n=len(terms)))}</p>', ""]
    letters = []
    for term in terms:
        letter = initial(term)
        if letter not in letters:
            letters.append(letter)
    out.append('<nav class="oe-letters" aria-label="A–Z">' + " ".join(
        f'<a href="#letter-{l.lower()}">{l}</a>' for l in letters) + "</nav>")
    out.append("")
    current = None
    for term in terms:
        letter = initial(term)
        if letter != current:
            current = letter
            out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        o = occ[term.id]
        head_zh = f'<span class="oe-term-zh" lang="zh-Hans">{escape(term.zh)}</span>'
        head_py = f'<span class="oe-term-py" lang="zh-Latn-pinyin">{escape(term.pinyin)}</span>'
        head_en = f'<span class="oe-term-en" lang="en">{escape(term.en)}</span>'
        first = o["first"]
        rows = [f'<div class="oe-term-entry" id="{term.id}" markdown="1">', "",
                (f'<p class="oe-term-head">{head_zh} {head_py} {head_en}</p>' if lang == "zh" else
                 f'<p class="oe-term-head">{head_en} {head_zh} {head_py}</p>'), "",
                f'<p class="oe-term-def" lang="en">{escape(term.definition)}</p>', ""]
        if term.alternatives:
            rows += [f"- **{lab['also']}:** " + "; ".join(escape(a) for a in term.alternatives)]
        for r in term.rejected:
            rows += [f"- **{lab['rejected']}:** *{escape(r['en'])}*. {escape(r['why'])}"]
        if term.note:
            rows += [f"- {escape(term.note)}"]
        rows += [f"- **{lab['first']}:** " + (_loc_link(first, corpus, base, in_document) if first else lab["none"])]
        if o["zh"]:
            rows += [f"- **{lab['occurs']}:** " + ", ".join(_loc_link(i, corpus, base, in_document) for i in o["zh"])]
        if o["commentary"]:
            rows += [f"- **{lab['commentary']}:** " + ", ".join(
                _commentary_link(n, lang, base, in_document) for n in o["commentary"])]
        rows += ["", "</div>", ""]
        out += rows
    return "\n".join(out)
