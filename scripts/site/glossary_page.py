"""The glossary in HTML: its page, per interface, and the term links in the Chinese text.

The page is also the appendix of the whole-document print view (`in_document`),
linking within it.
"""
from __future__ import annotations

import json
import re
from typing import Callable

from ..edition.corpus import Corpus
from ..edition.glossary import Glossary, Term, occurrences
from ..edition.paths import anchor, number_of, src_uri
from ..edition.zh import pinyin_sort_key, strip_tones
from ..markup import HTML, html, join as join_html, text as text_html
from .i18n import join, md_label, measure_label, part_label, t


def mark_terms(glossary: Glossary, escaped: str, href: str, seen: set[str] | None = None,
               used: set[str] | None = None) -> HTML:
    """Wrap each term in escaped Chinese text in a link to its glossary entry, with a
    pinyin/English tooltip. `seen`: ids of terms already linked in this paragraph, which stay
    plain text (and each newly linked one is added); `used`: every id linked, collected for the
    page's card data (see TermMarker)."""
    def repl(m: re.Match[str]) -> HTML:
        term = glossary.by_zh[m.group(0)]
        if seen is not None:
            if term.id in seen:
                return HTML(m.group(0))
            seen.add(term.id)
        if used is not None:
            used.add(term.id)
        # the term as it stands in the escaped text
        return html('<a class="oe-term" href="{}#{}" title="{} · {}">{}</a>',
                    href, term.id, term.pinyin, term.en, HTML(m.group(0)))
    # re.sub joins the pieces with the text's own type: an HTML keeps the links and the text as they are
    return HTML(glossary.zh_regex.sub(repl, HTML(escaped)))


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

    def __call__(self, escaped: str, para: object) -> HTML:
        if para is None:  # the Chinese commentary
            return HTML(escaped) if self.lang == "zh" else mark_terms(self.glossary, escaped, self.href, used=self.used)
        if para is not self._para:
            self._para, self._seen = para, set()
        return mark_terms(self.glossary, escaped, self.href, self._seen, self.used)

    def card(self, data_href: str) -> HTML:
        """The page's one term card: a popover that edition.js fills from the term's link and the
        edition's card data (`data_href`, fetched once, on the first card opened: a reader who taps
        no term pays nothing for it). Hidden until opened (and wholly without JavaScript); kept out
        of the search index."""
        lang = self.lang
        return html('<div class="oe-card" id="oe-card" popover role="dialog" aria-labelledby="oe-card-zh" '
                    'data-src="{src}" data-search-exclude>'
                    '<p class="oe-card-head"><span class="oe-card-zh" id="oe-card-zh" lang="zh-Hans"></span> '
                    '<span class="oe-card-py" lang="zh-Latn-pinyin"></span></p>'
                    '<p class="oe-card-en" lang="en"></p>'
                    '<p class="oe-card-def" lang="{def_lang}"></p>'
                    '<p class="oe-card-more"><a href="{href}">{entry}</a></p>'
                    '<button type="button" class="oe-card-close" popovertarget="oe-card" popovertargetaction="hide" '
                    'aria-label="{close}">×</button></div>',
                    src=data_href, def_lang="zh-Hans" if lang == "zh" else "en", href=self.href,
                    entry=t(lang, "card.entry"), close=t(lang, "card.close"))


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


def _lang_attr(_text: str, written: str) -> HTML:
    """The lang attribute of a text written in `written` ('en' or 'zh')."""
    return HTML(' lang="zh-Hans"') if written == "zh" else HTML(' lang="en"')


# English words quoted in a Chinese text (a rejected rendering, a statute's English name): a run of
# Latin words, with the spaces, hyphens and commas between them.
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z](?:[ ,]+[A-Za-z][A-Za-z'’-]*[A-Za-z])*")


def zh_with_latin(text: str, written: str = "zh") -> HTML:
    """`text` escaped; in a Chinese text, each run of English words tagged lang="en", so that it is
    read (and hyphenated, and checked) as English."""
    if written != "zh":
        return text_html(text)
    out: list[str] = []
    pos = 0
    for m in _LATIN.finditer(text):
        out += [text[pos:m.start()], html('<span lang="en">{}</span>', m.group(0))]
        pos = m.end()
    out.append(text[pos:])
    return join_html(out)


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
    label = text_html(measure_label(lang, n))  # escaped as HTML, which Markdown passes through
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
    intro = html('<p class="oe-intro">{} {}</p>', t(lang, "glossary.intro"), t(lang, "glossary.count", n=len(terms)))
    out = [intro, ""]
    letters = []
    for term in terms:
        letter = initial(term)
        if letter not in letters:
            letters.append(letter)
    out.append(html('<nav class="oe-letters" aria-label="A–Z">{}</nav>',
                    join_html((html('<a href="#letter-{}">{}</a>', x.lower(), x) for x in letters), " ")))
    out.append("")
    current = None
    for term in terms:
        letter = initial(term)
        if letter != current:
            current = letter
            out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        o = occ[term.id]
        head_zh = html('<span class="oe-term-zh" lang="zh-Hans">{}</span>', term.zh)
        head_py = html('<span class="oe-term-py" lang="zh-Latn-pinyin">{}</span>', term.pinyin)
        head_en = html('<span class="oe-term-en" lang="en">{}</span>', term.en)
        heads = (head_zh, head_py, head_en) if lang == "zh" else (head_en, head_zh, head_py)
        first = o["first"]
        rows = [html('<div class="oe-term-entry" id="{}" markdown="1">', term.id), "",
                html('<p class="oe-term-head">{} {} {}</p>', *heads), "",
                html('<p class="oe-term-def"{}>{}</p>',
                     _lang_attr(*term.definition_in(lang)), zh_with_latin(*term.definition_in(lang))), ""]
        # Markdown list items holding HTML. Renderings are English: tagged so in both interfaces;
        # reasons and notes in the interface's language.
        if term.alternatives:
            also = html('<span lang="en">{}</span>', join_html(term.alternatives, "; "))
            rows += [f"- {lab['also']}{also}"]
        for r in term.rejected:
            why, written = term.why_in(r, lang)
            stop = "。" if lang == "zh" else ". "
            rejected = html('<span lang="en">*{}*</span>{}<span{}>{}</span>',
                            r["en"], stop, _lang_attr(why, written), zh_with_latin(why, written))
            rows += [f"- {lab['rejected']}{rejected}"]
        if term.note:
            note, written = term.note_in(lang)
            note_html = html("<span{}>{}</span>", _lang_attr(note, written), zh_with_latin(note, written))
            rows += [f"- {note_html}"]
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
