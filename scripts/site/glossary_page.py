"""The glossary in HTML: its page, per interface, and the term links in the Chinese text.

The page is also the appendix of the whole-document print view (`in_document`),
linking within it.
"""
from __future__ import annotations

import re
from html import escape

from ..edition.corpus import Corpus
from ..edition.glossary import Glossary, Term, occurrences
from ..edition.zh import pinyin_sort_key, strip_tones
from ..labels import measure_label


def mark_terms(glossary: Glossary, escaped: str, href: str) -> str:
    """Wrap each term in escaped Chinese text in a link with a pinyin/English tooltip."""
    def repl(m: re.Match[str]) -> str:
        term = glossary.by_zh[m.group(0)]
        tip = escape(f"{term.pinyin} · {term.en}")
        return (f'<a class="oe-term" href="{href}#{term.id}" title="{tip}" '
                f'data-pinyin="{escape(term.pinyin)}" data-en="{escape(term.en)}">{m.group(0)}</a>')
    return glossary.zh_regex.sub(repl, escaped)

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
