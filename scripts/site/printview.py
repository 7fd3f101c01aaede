"""The whole edition on one page, for printing and for `make pdf`.

Title page (title in both languages, issuer and date, the state of the text,
version), contents, preamble, the four parts with every measure, and the
witnesses and glossary as appendices, in the interface's language. Measures are
rendered by the same code as their own pages (scripts/site/measure.py), with
links and anchors kept inside this one page.

What only paper needs is added here, and shown only by the print stylesheet
(docs/assets/print.css) in the paged rendering of `make pdf` (scripts/tools/pdf.py):
a running-head marker before each section, the apparatus of each paragraph as a
footnote keyed by lemma (sigla and grades at the foot of the page, not between
the characters), and each measure's notes on the transcription after its text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..edition import Edition
from ..edition.apparatus import runs
from ..edition.page import Page, Paragraph
from ..edition.paths import anchor, part_anchor
from ..markup import HTML, html, join, text
from .apparatus import legend, pct, register_page
from .contents import render_contents
from .glossary_page import mark_terms, render_glossary_page
from .i18n import bare_title, document_date, part_heading, person, t
from .measure import Context, render_page, view_control
from .scholarship import CiteSetting, citable

CTX = Context(heading_level=2, about_source="", view_control=False, print_view=True)
PRINT_MARKER = "<!-- oe:print -->"  # where docs/print.md (and print.zh.md) hold the whole document
OPENING = '<div class="oe-text oe-print" markdown="1">'  # the one block the document is, read as Markdown
LEMMA_MAX = 10  # a longer attested span is cited in the foot apparatus by its first and last characters


def render_print_page(edition: Edition, lang: str, stamp: dict[str, str], setting: CiteSetting | None = None) -> str:
    """`setting`: what the citation and status that end each measure need (none: no citations)."""
    body = "\n\n".join(print_sections(edition, lang, stamp, setting))
    return f'{OPENING}\n\n{body}\n\n</div>\n'


def print_sections(edition: Edition, lang: str, stamp: dict[str, str], setting: CiteSetting | None = None) -> list[str]:
    """The print view's sections, in order, each Markdown that reads the same alone as in the whole
    (title page, contents, each measure, each part's heading, the appendices)."""
    corpus = edition.corpus
    doc = corpus.document
    other = "en" if lang == "zh" else "zh"
    contents = render_contents(corpus, lang, ctx=CTX)
    appendices = [("witnesses", t(lang, "print.witnesses"))]
    if edition.glossary is not None:
        appendices.append(("appendix-glossary", t(lang, "print.appendix")))
    listed = join(html('<p class="oe-contents-part oe-contents-appendix"><a href="#{}">{}</a></p>\n', key, title)
                  for key, title in appendices)
    contents = f'{contents.removesuffix("</div>")}{listed}</div>'  # Markdown: a str (`+` with HTML would escape it)
    out = [book_info(edition, lang), title_page(edition, lang, stamp), view_control(lang, apparatus=True),
           runhead(t(lang, "print.contents"), new_page=True),
           f"# {t(lang, 'print.contents')} {{#contents}}", contents,
           legend(lang, CTX.register_link())]

    def measure(page: Page, ctx: Context, part: str = "", new_page: bool = False) -> str:
        cited = citable(edition, page, lang, setting, print_view=True) if setting is not None else None
        body = render_page(corpus, page, lang, _markup(edition), ctx, register=edition.witnesses,
                           share=edition.attested_share(page.number), citable=cited)
        if page.source["status"] != "verified":
            body = foot_apparatus(body, page, edition, lang)
        return f"{runhead(bare_title(lang, page), part, new_page)}\n\n{notes_after_text(body)}"  # Markdown
    if corpus.preamble is not None:  # the preamble stands at the top level, as the parts do
        out.append(measure(corpus.preamble, replace(CTX, heading_level=1), new_page=True))
    for part in doc["parts"]:
        short = part_heading(lang, part, "crumb")
        out.append(runhead("", short))
        out.append(f"# {part_heading(lang, part, 'heading')} {{#{part_anchor(part['number'])} .oe-part-title}}")
        out.append(html('<p class="oe-alt-title" lang="{}">{}</p>',
                        "en" if other == "en" else "zh-Hans", part_heading(other, part, "heading")))
        for page in corpus.measures():
            if page.meta["part"] == part["number"]:
                out.append(measure(page, CTX, short))
    out.append(runhead(t(lang, "print.witnesses"), new_page=True))
    out.append(f"# {t(lang, 'print.witnesses')} {{#witnesses}}")
    out.append(register_page(edition, lang, lambda n: f"#{anchor(n)}"))
    if edition.glossary is not None:
        out.append(runhead(t(lang, "print.appendix"), new_page=True))
        out.append(f"# {t(lang, 'print.appendix')} {{#appendix-glossary}}")
        out.append(render_glossary_page(corpus, edition.glossary, lang, in_document=True))
    return out


def title_page(edition: Edition, lang: str, stamp: dict[str, str]) -> HTML:
    """Title in both languages, the edition, issuer and date, one line on the state of the text,
    the version (date and commit) and the licence."""
    doc = edition.corpus.document
    pages = edition.corpus.ordered()
    verified = sum(1 for p in pages if p.source["status"] == "verified")
    share = pct(edition.attested_share())
    state = (t(lang, "print.state", pct=share) if verified < len(pages)
             else t(lang, "print.counts", verified=verified, total=len(pages)))
    date = document_date(lang, doc["date"])
    return join([
        HTML('<div class="oe-cover">'),
        html('<p class="oe-cover-zh" lang="zh-Hans">{}</p>', doc["title"]["zh"]),
        html('<p class="oe-cover-en" lang="en">{}</p>', doc["title"]["en"]),
        html('<p class="oe-cover-sub">{}</p>', t(lang, "print.edition")),
        html('<p class="oe-cover-issued">{}</p>', t(lang, "print.issued", issuer=doc["issuer"][lang], date=date)),
        html('<p class="oe-cover-status">{}</p>', state),
        html('<p class="oe-cover-stamp">{}</p>', t(lang, "print.stamp", **stamp)),
        html('<p class="oe-cover-licence">{}</p>', t(lang, "print.licence")),
        HTML("</div>"),
    ], "\n")


def book_info(edition: Edition, lang: str) -> HTML:
    """What `make pdf` writes into the PDF's metadata (title, authors, subject, keywords), and
    the words of its page references."""
    doc = edition.corpus.document
    authors = list(dict.fromkeys(person(lang, c["name"]) for p in edition.corpus.ordered()
                                 for c in p.meta["contributors"]))
    keywords = [doc["short_title"][lang], doc["issuer"][lang]]
    fields = {"title": f'{doc["title"][lang]} · {t(lang, "print.edition")}', "authors": "; ".join(authors),
              "subject": t(lang, "print.edition"), "keywords": ", ".join(keywords),
              # how a cross-reference gives its page ({page}): after a margin number, after any other link
              "pageref-note": t(lang, "print.pageref.note", page="{page}"),
              "pageref": t(lang, "print.pageref", page="{page}")}
    attrs = join((html('data-{}="{}"', k, v) for k, v in fields.items()), " ")
    return html('<div class="oe-book-info" hidden {}></div>', attrs)


def runhead(measure: str, part: str = "", new_page: bool = False) -> HTML:
    """Sets the running head from here on: the measure (or section) and its part; with no
    measure, the part alone (its first measure follows). The print stylesheet hides it
    everywhere but in the paged rendering, which reads its attributes; `new_page`: the
    section it opens starts a page there."""
    classes = "oe-runhead" + ("" if measure else " oe-runhead-part") + (" oe-runhead-page" if new_page else "")
    return html('<div class="{}" aria-hidden="true" data-measure="{}" data-part="{}"></div>', classes, measure, part)


def notes_after_text(body: str) -> str:
    """The notes on the transcription, which open the source status on a measure's page, follow
    its text on paper: the text starts on the page where its measure starts."""
    notes = re.search(r'<details class="oe-notes"[^>]*>.*?</details>\n?', body, flags=re.S)
    if notes is None:
        return body
    moved = notes.group(0).replace('<details class="oe-notes"', '<details class="oe-notes oe-notes-after" open', 1)
    rest = body[:notes.start()] + body[notes.end():]
    end = re.search(r'\n#{2,4} [^\n]*\{#commentary|<details class="oe-other-commentary"', rest)
    at = end.start() if end else len(rest)
    return f"{rest[:at]}\n\n{moved}\n\n{rest[at:]}"


def foot_apparatus(body: str, page: Page, edition: Edition, lang: str) -> str:
    """Each paragraph's apparatus as one footnote at the start of its Chinese text: every
    attested span by its lemma, with its witnesses' sigla and grade, then the variants."""
    for para in page.paragraphs:
        note = paragraph_apparatus(page, para, edition, lang)
        if not note:
            continue
        pair = re.search(rf'<div class="oe-pair[^"]*" id="{re.escape(para.id)}"', body)
        if pair is None:
            continue
        start = re.compile(r'<div class="oe-zh"[^>]*><p>').search(body, pair.end())
        if start is not None:
            body = f"{body[:start.end()]}{note}{body[start.end():]}"  # a str (`+` with HTML would escape the body)
    return body


def lemma(text: str) -> str:
    """An attested span as the apparatus cites it: whole, or its ends around an ellipsis."""
    return text if len(text) <= LEMMA_MAX else f"{text[:4]}…{text[-3:]}"


def paragraph_apparatus(page: Page, para: Paragraph, edition: Edition, lang: str) -> HTML:
    order = list(edition.witnesses)
    stop = "；" if lang == "zh" else "; "
    entries = []
    for run in runs(para.zh, page.apparatus.for_para(para.id), order):
        if run.grade is None:
            continue
        entries.append(html('<span class="oe-foot-lemma" lang="zh-Hans">{}</span> {} '
                            '<span class="oe-foot-grade">{}</span>', lemma(run.text), " ".join(run.sigla), run.grade))
    for var in page.apparatus.variants_for(para.id):
        readings = []
        for r in var.readings:
            mark = " ]" if r.text == var.text else ""
            readings.append(html('<span class="oe-foot-lemma" lang="zh-Hans">{}</span>{} {}',
                                 r.text, mark, " ".join(r.witnesses)))
        entries.append(html('<span class="oe-foot-var">‡ {}{}{}</span>',
                            join(readings, text(t(lang, "sep.items"))), t(lang, "sep.stop"), var.choice[lang]))
    if not entries:
        return HTML()
    return html('<span class="oe-foot" lang="{}"><span class="oe-foot-pid">{}</span> {}</span>',
                "zh-Hans" if lang == "zh" else "en", para.id, join(entries, stop))


def _markup(edition: Edition):
    glossary = edition.glossary
    if glossary is None:
        return None
    return lambda text, para: mark_terms(glossary, text, "")
