"""The glossary in HTML: its page, per interface, and the term links in the Chinese text.

The page is also the appendix of the whole-document print view (`in_document`),
linking within it.
"""
from __future__ import annotations

import json
import re
from html import escape
from typing import Callable

from ..edition.corpus import Corpus
from ..edition.glossary import Glossary, Term, occurrences
from ..edition.paths import anchor, number_of, src_uri
from ..edition.zh import pinyin_sort_key, strip_tones
from .i18n import join, md_label, measure_label, part_label, t


def mark_terms(glossary: Glossary, escaped: str, href: str, seen: set[str] | None = None,
               used: set[str] | None = None) -> str:
    """Wrap each term in escaped Chinese text in a link to its glossary entry, with a
    pinyin/English tooltip. `seen`: ids of terms already linked in this paragraph, which stay
    plain text (and each newly linked one is added); `used`: every id linked, collected for the
    page's card data (see TermMarker)."""
    def repl(m: re.Match[str]) -> str:
        term = glossary.by_zh[m.group(0)]
        if seen is not None:
            if term.id in seen:
                return m.group(0)
            seen.add(term.id)
        if used is not None:
            used.add(term.id)
        tip = escape(f"{term.pinyin} · {term.en}")
        return f'<a class="oe-term" href="{href}#{term.id}" title="{tip}">{m.group(0)}</a>'
    return glossary.zh_regex.sub(repl, escaped)


class TermMarker:
    """The term links of one measure page in one interface, as scripts/site/measure.py calls its
    Chinese markup: (escaped text, paragraph), the paragraph None for the Chinese commentary.

    A term is linked on its first occurrence in a paragraph only (an apparatus paragraph comes in
    several runs, hence the state), so dotted underlines do not carpet the text; the commentary
    written in the interface's own language is not marked at all (a Chinese reader needs no gloss
    of 打击), and the Chinese commentary in the English interface is linked once per note
    (commentary_terms). The page has one card (`card`), which edition.js fills, from the page's
    card data (one entry per term used, not per occurrence), and opens in place on a tap, a click,
    a hover or keyboard focus. Without JavaScript a term is the link to its glossary entry it
    always was."""

    def __init__(self, glossary: Glossary, href: str, lang: str) -> None:
        self.glossary, self.href, self.lang = glossary, href, lang
        self._para: object = None
        self._seen: set[str] = set()
        self.used: set[str] = set()

    def __call__(self, escaped: str, para: object) -> str:
        if para is None:  # the Chinese commentary
            return escaped if self.lang == "zh" else mark_terms(self.glossary, escaped, self.href, used=self.used)
        if para is not self._para:
            self._para, self._seen = para, set()
        return mark_terms(self.glossary, escaped, self.href, self._seen, self.used)

    def card(self, data_href: str) -> str:
        """The page's one term card: a popover that edition.js fills from the term's link and the
        edition's card data (`data_href`, fetched once, on the first card opened: a reader who taps
        no term pays nothing for it). Hidden until opened (and wholly without JavaScript); kept out
        of the search index."""
        lang = self.lang
        return (f'<div class="oe-card" id="oe-card" popover role="dialog" aria-labelledby="oe-card-zh" '
                f'data-src="{escape(data_href)}" data-search-exclude>'
                f'<p class="oe-card-head"><span class="oe-card-zh" id="oe-card-zh" lang="zh-Hans"></span> '
                f'<span class="oe-card-py" lang="zh-Latn-pinyin"></span></p>'
                f'<p class="oe-card-en" lang="en"></p>'
                f'<p class="oe-card-def" lang="{"zh-Hans" if lang == "zh" else "en"}"></p>'
                f'<p class="oe-card-more"><a href="{self.href}">{escape(t(lang, "card.entry"))}</a></p>'
                f'<button type="button" class="oe-card-close" popovertarget="oe-card" popovertargetaction="hide" '
                f'aria-label="{escape(t(lang, "card.close"))}">×</button></div>')


#: The edition's card data, one file for both interfaces (scripts/build.py writes it).
CARDS = "assets/oe-cards.json"


def card_data(glossary: Glossary) -> str:
    """What a term's card shows: id -> [pinyin, English, definition, 释义]."""
    data = {term.id: [term.pinyin, term.en, term.definition_in("en")[0], term.definition_in("zh")[0]]
            for term in glossary.terms}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

# Stretches of Markdown where a term link must not go: links (text and target), code, HTML tags.
_PROTECTED = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|`[^`\n]*`|<[^>\n]*>")
_TERM_LINK = re.compile(r'<a class="oe-term"[^>]*>(?P<term>[^<]+)</a>')


def commentary_terms(markdown: str, mark: Callable[[str], str]) -> str:
    """Link the first occurrence of each glossary term in a commentary paragraph (Markdown),
    leaving links, code and HTML alone. `mark` links every term in a plain stretch; one link
    per term per paragraph keeps the prose readable."""
    seen: set[str] = set()

    def first_only(m: re.Match[str]) -> str:
        term = m.group("term")
        if term in seen:
            return term
        seen.add(term)
        return m.group(0)

    out, pos = [], 0
    for m in _PROTECTED.finditer(markdown):
        out.append(_TERM_LINK.sub(first_only, mark(markdown[pos:m.start()])))
        out.append(m.group(0))
        pos = m.end()
    out.append(_TERM_LINK.sub(first_only, mark(markdown[pos:])))
    return "".join(out)


def _lang_attr(_text: str, written: str) -> str:
    """The lang attribute of a text written in `written` ('en' or 'zh')."""
    return ' lang="zh-Hans"' if written == "zh" else ' lang="en"'


# English words quoted in a Chinese text (a rejected rendering, a statute's English name): a run of
# Latin words, with the spaces, hyphens and commas between them.
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z](?:[ ,]+[A-Za-z][A-Za-z'’-]*[A-Za-z])*")


def zh_with_latin(text: str, written: str = "zh") -> str:
    """`text` escaped; in a Chinese text, each run of English words tagged lang="en", so that it is
    read (and hyphenated, and checked) as English."""
    if written != "zh":
        return escape(text)
    out, pos = [], 0
    for m in _LATIN.finditer(text):
        out.append(escape(text[pos:m.start()]) + f'<span lang="en">{escape(m.group(0))}</span>')
        pos = m.end()
    return "".join(out) + escape(text[pos:])


def _en_sort_key(term: Term) -> str:
    return re.sub(r"^(the|a|an)\s+", "", term.en, flags=re.I).lower()


def _loc_link(loc_id: str, corpus: Corpus, base: str, in_document: bool = False, lang: str = "en") -> str:
    """Link to where a term occurs: on its page, or (in_document) within the print view.
    A part's title is named as the part ('Part II' / '第二部分'), not by its anchor."""
    text = loc_id
    if loc_id.startswith("part-") and loc_id[5:].isdigit():
        text = part_label(lang, int(loc_id[5:]))
    if in_document:
        return f"[{text}](#{loc_id})"
    if loc_id.startswith("part-"):  # a part's title: on the landing page
        return f"[{text}]({base}index.md#{loc_id})"
    return f"[{text}]({base}{src_uri(number_of(loc_id))}#{loc_id})"


def _commentary_link(n: int, lang: str, base: str, in_document: bool) -> str:
    """The interface's own commentary: the English one, or in the Chinese interface the Chinese one."""
    label = escape(measure_label(lang, n))
    cid = "commentary-zh" if lang == "zh" else "commentary"
    if in_document:
        return f"[{label}](#{cid}-{anchor(n)})"  # the commentary's id in the print view (Context.suffix)
    return f"[{label}]({base}{src_uri(n)}#{cid})"


def render_glossary_page(corpus: Corpus, glossary: Glossary, lang: str, base: str = "",
                         in_document: bool = False) -> str:
    """The glossary page for one interface: A–Z by English, or by pinyin for Chinese.

    in_document: rendered as the appendix of the print view, linking within it.
    """
    lab = {key: md_label(lang, "glossary." + key) for key in ("also", "rejected", "first", "occurs", "commentary")}
    lab["none"] = t(lang, "glossary.none")
    occ = occurrences(corpus, glossary)
    if lang == "zh":
        terms = sorted(glossary.terms, key=lambda term: pinyin_sort_key(term.zh, term.pinyin))
        def initial(term: Term) -> str:
            return strip_tones(term.pinyin)[0].upper()
    else:
        terms = sorted(glossary.terms, key=_en_sort_key)

        def initial(term: Term) -> str:
            return _en_sort_key(term)[0].upper()
    out = [f'<p class="oe-intro">{escape(t(lang, "glossary.intro"))} {escape(t(lang, "glossary.count", n=len(terms)))}</p>', ""]
    letters = []
    for term in terms:
        letter = initial(term)
        if letter not in letters:
            letters.append(letter)
    out.append('<nav class="oe-letters" aria-label="A–Z">' + " ".join(
        f'<a href="#letter-{x.lower()}">{x}</a>' for x in letters) + "</nav>")
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
                f'<p class="oe-term-def"{_lang_attr(*term.definition_in(lang))}>'
                f'{zh_with_latin(*term.definition_in(lang))}</p>', ""]
        # renderings are English: tagged so in both interfaces; reasons and notes in the interface's language
        if term.alternatives:
            rows += [f"- {lab['also']}" + '<span lang="en">' + "; ".join(escape(a) for a in term.alternatives)
                     + "</span>"]
        for r in term.rejected:
            why, written = term.why_in(r, lang)
            stop = "。" if lang == "zh" else ". "
            rows += [f"- {lab['rejected']}" + f'<span lang="en">*{escape(r["en"])}*</span>{stop}'
                     f'<span{_lang_attr(why, written)}>{zh_with_latin(why, written)}</span>']
        if term.note:
            note, written = term.note_in(lang)
            rows += [f'- <span{_lang_attr(note, written)}>{zh_with_latin(note, written)}</span>']
        rows += [f"- {lab['first']}" + (_loc_link(first, corpus, base, in_document, lang) if first else lab["none"])]
        if o["zh"]:
            rows += [f"- {lab['occurs']}" + join(lang, [_loc_link(i, corpus, base, in_document, lang) for i in o["zh"]])]
        in_commentary = o["commentary_zh"] if lang == "zh" else o["commentary"]
        if in_commentary:
            rows += [f"- {lab['commentary']}" + join(lang, [
                _commentary_link(n, lang, base, in_document) for n in in_commentary])]
        rows += ["", "</div>", ""]
        out += rows
    return "\n".join(out)
