"""Search indexes per interface, for Material's lunr search, with better Chinese.

Material and static-i18n build ONE index for both interfaces, segment Chinese
coarsely (商业秘密 is one token, so 秘密 finds nothing) and let a search in
the Chinese interface open English-interface pages. We replace that index with
two, one per interface, each with:

- measure pages indexed paragraph by paragraph (a hit shows the aligned pair
  and links to its anchor), plus the English commentary and, margin number by
  margin number, the Chinese one (in both interfaces: a Chinese query typed in
  the English interface finds the Chinese commentary too);
- Chinese segmented into dictionary parts (商业 秘密), joined with U+200B so
  lunr's tokenizer splits them while the text displays unchanged;
- a `pinyin` field (toneless) so `shangye mimi` finds 商业秘密;
- glossary terms, laws and witnesses as entries of their own, each field with
  its label ("类型：《意见》转载本"), so a hit shows the entry and a snippet
  never runs a label into its value;
- a `kind` per entry, so that the worker ranks the text of a measure above the
  glossary, laws and witnesses, and those above commentary and other pages.

The browser side (scripts/site/search_worker.js) segments the query the
same way, strips pinyin tones, turns ids and "measure 8"/第八条 into jumps, and
shows each page's best-matching passage with the query marked (the U+200B taken
out again, so no line of a snippet starts with a comma).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..edition import Edition
from ..edition.laws import Law, invoked_by
from ..edition.page import Page
from ..edition.paths import MEASURES, url
from ..edition.zh import HAN_RUN, Segmenter
from ..markup import HTML, html, join as join_html
from ..plaintext import plain
from .apparatus import pct, witness_anchor
from .i18n import article_label, full_title, join, measure_label, t
from .measure import note_id

# Whitespace, U+200B (between Chinese words), and punctuation of both languages. lunr's
# trimmer would strip punctuation from English words, but it also strips every Chinese
# character, so it is not used and punctuation must separate words here.
SEPARATOR_CHARS = "\\s\\u200b\\-,.;:!?()\\[\\]/\"'‘’“”、。，．？！；：（）《》〈〉【】〔〕「」『』·…—"
SEPARATOR = f"[{SEPARATOR_CHARS}]+"
FIELDS = {"title": {"boost": 1.0}, "text": {"boost": 1.0}, "pinyin": {"boost": 1.0}}
# Each entry says what kind of text it is; the worker ranks a hit in the text of a
# measure (source or translation) above a glossary term, law or witness, and those above
# commentary and other pages. A margin-numbered note (the Chinese commentary is indexed note
# by note) is as short as a paragraph of the text, so lunr scores it as high as one: it has a
# kind, and weight, of its own.
KIND_TEXT, KIND_COMMENTARY, KIND_NOTE, KIND_PAGE = "text", "commentary", "note", "page"
KIND_TERM, KIND_LAW, KIND_WITNESS = "term", "law", "witness"
ZWSP = "\u200b"
# A word boundary needs no U+200B where a separator (or a tag, or the end) already is one; and a
# U+200B before a comma is a line-break opportunity before it, which no snippet should have.
_NEEDS_NO_BOUNDARY = re.compile(f"[{SEPARATOR_CHARS}<>]")


def index_words(seg: Segmenter, run: str) -> list[str]:
    """Fine-grained words of a Chinese run, with no one-character words.

    Material's worker re-segments each Chinese query word against the index and
    keeps only the longest known prefix; a one-character word in the index (的,
    新) would cut 新品种 down to 新*, which matches everything new. A lone
    character is therefore joined to the word before it (犯罪的), which a
    prefix query for 犯罪 still finds, or to the next word at the start of a run.
    """
    words: list[str] = []
    carry = ""
    for word in seg.segment_fine(run):
        if len(word) == 1:
            if words:
                words[-1] += word
            else:
                carry += word
            continue
        words.append(carry + word)
        carry = ""
    if carry:
        words.append(carry)
    return words


def segment_text(seg: Segmenter, text: str) -> str:
    """Insert U+200B between the index words of every Chinese run, and between a run and a
    letter or digit beside it (2022年); never beside punctuation, a space or a tag."""
    text = text.replace(ZWSP, "")

    def repl(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        lead = ZWSP if before and not _NEEDS_NO_BOUNDARY.match(before) else ""
        trail = ZWSP if after and not _NEEDS_NO_BOUNDARY.match(after) else ""
        return lead + ZWSP.join(index_words(seg, m.group(0))) + trail
    return HAN_RUN.sub(repl, text)


def pinyin_field(seg: Segmenter, text: str) -> str:
    """Toneless pinyin words for the Chinese in `text`: 商业秘密 -> 'shangye mimi'."""
    words: list[str] = []
    for run in HAN_RUN.findall(text.replace(ZWSP, "")):
        words += [w.replace("'", "") for w in seg.pinyin(run, tones=False).replace(",", " ").split()]
    return " ".join(words)


def _doc(seg: Segmenter, location: str, title: str, text_html: str, zh_source: str = "",
         kind: str = KIND_PAGE) -> dict[str, Any]:
    doc: dict[str, Any] = {"location": location, "title": segment_text(seg, title),
                           "text": segment_text(seg, text_html), "kind": kind}
    source = zh_source or (title + " " + re.sub(r"<[^>]+>", " ", text_html))
    py = pinyin_field(seg, source)
    if py:
        doc["pinyin"] = py
    return doc


def measure_docs(edition: Edition, page: Page, lang: str) -> list[dict[str, Any]]:
    """Index entries for one measure page: the page, each pair, the commentary."""
    seg = edition.segmenter
    base = url(page.number)
    other = "en" if lang == "zh" else "zh"
    title = full_title(lang, page)
    tag = {"en": "en", "zh": "zh-Hans"}  # results show each text tagged with its language
    docs = [_doc(seg, base, title, html('<p lang="{}">{}</p>', tag[other], full_title(other, page)), page.title["zh"],
                 KIND_TEXT)]
    for para in page.paragraphs:
        en = plain(para.en) or ""
        pair = html('<p lang="zh-Hans">{}</p><p lang="en">{}</p>', para.zh, en)
        docs.append(_doc(seg, f"{base}#{para.id}", para.id, pair, para.zh, KIND_TEXT))
    if page.commentary.strip():  # at #commentary in both interfaces: the main one, or the other one
        text = join_html((html('<p lang="en">{}</p>', plain(block) or "")
                          for block in page.commentary_text("en").split("\n\n")), " ")
        docs.append(_doc(seg, f"{base}#commentary", commentary_title(lang, "en"), text, " ", KIND_COMMENTARY))
    for note in page.notes("zh"):  # the Chinese commentary, by margin number: a hit opens the note
        title = t(lang, "search.note", title=commentary_title(lang, "zh"), n=note.n)
        docs.append(_doc(seg, f"{base}#{note_id(page, 'zh', note.n)}", title,
                         html('<p lang="zh-Hans">{}</p>', plain(note.text) or ""), " ", KIND_NOTE))
    return docs


def commentary_title(lang: str, which: str) -> str:
    """'Commentary' / '评注' for the interface's own commentary; the other one is named as on the
    page ('中文评注 · Chinese commentary' / '英文评注')."""
    return t(lang, "commentary") if which == lang else t(lang, "commentary.other")


def glossary_docs(edition: Edition, lang: str) -> list[dict[str, Any]]:
    """One entry per glossary term, so a pinyin or English query can show the term itself."""
    if edition.glossary is None:
        return []
    docs = []
    for term in edition.glossary.terms:
        alts = "; ".join(term.alternatives)
        # the Chinese interface names the entry in Chinese; its English rendering is in the text
        title = f"{term.zh} · {t(lang, 'nav.glossary')}" if lang == "zh" else f"{term.en} · {term.zh}"
        english = "; ".join([term.en, *term.alternatives]) if lang == "zh" else alts
        text = html("<p>{}{}</p><p>{}</p>", term.pinyin, " · " + english if english else "",
                    term.definition_in(lang)[0])
        docs.append(_doc(edition.segmenter, f"glossary/#{term.id}", title, text, term.zh, KIND_TERM))
    return docs


def _fields(lang: str, rows: list[tuple[str, str]]) -> HTML:
    """Labelled fields, one paragraph each ('类型：《意见》转载本'): a snippet shows a field with its
    label, never a label run into its value. `rows` are (label key, plain value)."""
    colon = t(lang, "colon")
    return join_html(html("<p>{}{}{}</p>", t(lang, key), colon, value) for key, value in rows if value)


def law_docs(edition: Edition, lang: str) -> list[dict[str, Any]]:
    """One entry per law at its place on the laws page (laws/#id): its names, the articles relied
    on and the measures invoking it, so a query for a statute finds the statute."""
    other = "en" if lang == "zh" else "zh"
    tag = {"en": "en", "zh": "zh-Hans"}
    colon = t(lang, "colon")
    docs = []
    for law in edition.laws.values():
        first, second = (law.zh, law.en) if lang == "zh" else (law.en, law.zh)
        text = html('<p lang="{}">{}</p>', tag[other], second)
        if law.note:
            note, written = law.note_in(lang)
            text += html('<p lang="{}">{}</p>', tag[written], note)
        text += join_html(html("<p>{}{}{}</p>", article_label(a["article"], lang), colon, Law.subject_in(a, lang)[0])
                          for a in law.articles)
        measures = join(lang, [measure_label(lang, n) for n in invoked_by(edition.corpus, law.id)])
        text += _fields(lang, [("laws.measures", measures)])
        docs.append(_doc(edition.segmenter, f"laws/#{law.id}", first, text, law.zh, KIND_LAW))
    return docs


def witness_intro(edition: Edition, lang: str, title: str) -> dict[str, Any]:
    """The witnesses page itself (its introduction), titled as the page is."""
    intro = html("<p>{}</p><p>{}</p>", t(lang, "witnesses.intro"),
                 t(lang, "witnesses.share", pct=pct(edition.attested_share())))
    return _doc(edition.segmenter, "witnesses/", title, intro)


def witness_docs(edition: Edition, lang: str) -> list[dict[str, Any]]:
    """One entry per witness (witnesses/#w-R1), every field labelled, as the register shows it."""
    seg = edition.segmenter
    docs = []
    pages = edition.corpus.ordered()
    for w in edition.witnesses.values():
        covers = w.covers[lang] + (t(lang, "sep.stop") + w.note[lang] if w.note else "")
        rows = [("witnesses.kind", t(lang, "kind." + w.kind)), ("witnesses.grade", t(lang, "grade." + w.grade)),
                ("witnesses.date", w.date or t(lang, "witnesses.undated")),
                ("witnesses.publisher", w.publisher[lang]), ("witnesses.covers", covers),
                ("witnesses.address", w.address),
                ("witnesses.cited", join(lang, [measure_label(lang, p.number) for p in pages if w.siglum in p.apparatus.sigla()]))]
        # pinyin for the values only: the labels, the same in every entry, would match every witness
        docs.append(_doc(seg, f"witnesses/#{witness_anchor(w.siglum)}", f"{w.siglum} {w.publisher[lang]}",
                         _fields(lang, rows), f"{w.publisher[lang]} {covers}", KIND_WITNESS))
    return docs


#: The entries made from the edition alone, for one interface: the measures, glossary and laws, and
#: the witnesses (which follow the register's introduction, an entry made from its page).
EditionDocs = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def edition_docs(edition: Edition, lang: str) -> EditionDocs:
    """What the index holds that no page of Material's index gives: most of its entries, and all of its
    segmentation work (scripts/site/search_ahead.py makes them while the pages are built)."""
    docs: list[dict[str, Any]] = []
    for page in edition.corpus.ordered():
        docs += measure_docs(edition, page, lang)
    docs += glossary_docs(edition, lang)
    docs += law_docs(edition, lang)
    return docs, witness_docs(edition, lang) if edition.witnesses else []


def build_index(edition: Edition, material: dict[str, Any], lang: str,
                made: EditionDocs | None = None) -> dict[str, Any]:
    """The index for one interface, locations relative to that interface's root; `made`: the
    edition's entries for it (edition_docs), when they were made already."""
    prefix = "zh/" if lang == "zh" else ""
    docs: list[dict[str, Any]] = []
    witnesses_title = ""
    for entry in material.get("docs", []):
        loc = entry["location"]
        in_lang = loc.startswith("zh/") if lang == "zh" else not loc.startswith("zh/")
        if not in_lang:
            continue
        loc = loc[len(prefix):]
        if loc.startswith(MEASURES + "/"):
            continue  # replaced below, paragraph by paragraph
        if loc.startswith(("glossary/#", "laws/#", "witnesses/")):
            if loc == "witnesses/":  # the register runs its fields together: indexed entry by entry below
                witnesses_title = entry["title"].replace(ZWSP, "")
            continue  # glossary, laws and witnesses are indexed entry by entry below
        docs.append(_doc(edition.segmenter, loc, entry["title"].replace(ZWSP, ""), entry["text"].replace(ZWSP, "")))
    before, witnesses = made if made is not None else edition_docs(edition, lang)
    docs += before
    if edition.witnesses:
        docs += [witness_intro(edition, lang, witnesses_title or t(lang, "nav.witnesses")), *witnesses]
    config = dict(material.get("config", {}))
    # No trimmer: lunr's trimmer strips every non-ASCII character, i.e. all Chinese tokens.
    config.update({"lang": ["en"], "separator": SEPARATOR, "fields": FIELDS,
                   "pipeline": ["stemmer", "stopWordFilter"]})
    return {"config": config, "docs": docs}


def worker_script(material_worker: str) -> str:
    """The browser half of the search (search_worker.js beside this file), loading Material's
    worker, whose file name (with its hash) the theme decides."""
    wrapper = Path(__file__).with_name("search_worker.js").read_text(encoding="utf-8")
    return wrapper + f'\nimportScripts("{material_worker}");\n'


def dumps(index: dict[str, Any]) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
