"""A measure page: the parsed page turned into the Markdown MkDocs renders, per interface.

Contributors write pairs and commentary; everything around them (title, part,
source-status banner, reading-mode control, related measures, contributors)
is generated here, in the interface's language, so it is the same on every page.
The same code renders a measure inside the whole-document print view; a
`Context` says where links point and how anchors are made unique there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..edition import Edition
from ..edition.commentary import label_key
from ..edition.corpus import Corpus
from ..edition.laws import Law, mentions
from ..edition.page import GAP_EN, GAP_ZH, Page, Paragraph, in_language
from ..edition.paths import NUMBER, anchor, note_anchor, page_file, variant_anchor
from ..edition.status import Status, status as page_status
from ..edition.witnesses import Witness
from ..edition.zh import HAN
from ..markup import HTML, html, join as join_html, text
from ..settings import VIEWS
from .apparatus import apparatus_zh, heading_line, legend, pct, status_badge, variant_notes, witness_anchor
from .glossary_page import TermMarker, commentary_terms, zh_with_latin
from .i18n import bare_title, document_date, full_title, join, measure_label, paren, part_heading, t, t_html
from .scholarship import Citable
from .status import heading_mark, text_mark, titled
from .typography import keep_names
from .wayfinding import pager, top

# Turns escaped Chinese text into HTML (the glossary marks its terms this way).
ZhMarkup = Callable[[str, Paragraph | None], HTML]  # the paragraph None for the Chinese commentary


@dataclass(frozen=True)
class Context:
    """Where a rendering lives. The defaults are those of a measure page."""

    heading_level: int = 1
    about_source: str = "../../about/#source"  # measure pages are measures/NN/ in both interfaces
    view_control: bool = True
    print_view: bool = False
    # Direct rendering: the page is written as HTML, its Markdown fragments turned into HTML by
    # this (scripts/site/fragments.py), and MkDocs is handed no Markdown to parse. None: the
    # rendering is Markdown with HTML blocks (markdown="1"), which MkDocs converts (the print view).
    md: Callable[[str], str] | None = None
    permalink: str = "Permanent link"  # the title of a heading's ¶, in the interface's language

    @property
    def markdown_attr(self) -> HTML:
        """The attribute that asks MkDocs to read an HTML block's content as Markdown."""
        return HTML("" if self.md else ' markdown="1"')

    @property
    def raw_attr(self) -> HTML:
        """The attribute that keeps MkDocs from reading an HTML block's content as Markdown."""
        return HTML("" if self.md else ' markdown="0"')

    def block(self, markdown: str) -> str:
        """A Markdown block: its HTML when rendering directly, else the Markdown set apart."""
        return self.md(markdown) if self.md else f"\n\n{markdown}\n\n"

    def heading(self, level: int, text: str, anchor: str | None = None) -> str:
        """A heading with its ¶ permalink (as the `toc` extension writes one); `text`: HTML when
        rendering directly, else Markdown; `anchor`: its id, else made from its text as `toc` would."""
        if not self.md:
            return f"{'#' * level} {text}{f' {{#{anchor}}}' if anchor else ''}"
        ident = anchor or slugify(text)
        return html('<h{level} id="{id}">{text}<a class="headerlink" href="#{id}" title="{title}">&para;</a>'
                    '</h{level}>', level=level, id=ident, text=text, title=self.permalink)

    def witness_link(self, siglum: str) -> str:
        """Where a siglum points: the register page, or its appendix in the print view."""
        return f"#{witness_anchor(siglum)}" if self.print_view else f"../../witnesses/#{witness_anchor(siglum)}"

    def register_link(self) -> str:
        return "#witnesses" if self.print_view else "../../witnesses/"

    def page_link(self, number: int) -> str:
        if self.print_view:
            return "#" + anchor(number)
        return page_file(number)

    def suffix(self, page: Page) -> str:
        """Makes per-measure ids unique when many measures share one page."""
        return "-" + anchor(page.number) if self.print_view else ""

    def rewrite(self, markdown: str) -> str:
        """Article numbers such as 219-1 are kept on one line; in the print view, commentary links
        to other measure pages become links within the page."""
        markdown = _keep_together(markdown)
        if not self.print_view:
            return markdown

        def repl(m: re.Match[str]) -> str:
            target, fragment = m.group(1), m.group(2) or ""
            number = 0 if target == "preamble" else int(target)
            return f"](#{fragment[1:] if fragment else anchor(number)})"
        markdown = re.sub(rf"\]\((preamble|{NUMBER})\.md(#[^)\s]+)?\)", repl, markdown)
        # a page outside docs/measures/ (the About page, a former measure kept in docs/former/):
        # the print view sits in docs/, one level up
        return re.sub(r"\]\(\.\./([^)\s]+\.md(?:#[^)\s]+)?)\)", r"](\1)", markdown)


PAGE = Context()


def slugify(text: str) -> str:
    """A heading's id from its text, as MkDocs' `toc` extension makes it (the measure page has one
    such heading, its title); a title with no Latin letters gets `_1`, as `toc` gives it."""
    from markdown.extensions.toc import slugify as toc_slugify
    plain = re.sub(r"<[^>]+>", "", text)
    return toc_slugify(plain, "-") or "_1"

# "Article 219-1", "Articles 213-220": a hyphen between numbers, outside links and code
_NUMBER_PAIR = re.compile(r"(?<![\w#/.-])(\d{1,4}-\d{1,4})(?![\w-])")
_NOT_PROSE = re.compile(r"\]\([^)\n]*\)|`[^`\n]*`|<[^>\n]*>")
_LINK_OR_CODE = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|`[^`\n]*`|<[^>\n]*>")


def _keep_together(markdown: str) -> str:
    if not _NUMBER_PAIR.search(markdown):  # most texts: no pair of numbers anywhere, links and code included
        return markdown
    out, pos = [], 0
    for m in _NOT_PROSE.finditer(markdown):
        out.append(_NUMBER_PAIR.sub(r'<span class="oe-nw">\1</span>', markdown[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_NUMBER_PAIR.sub(r'<span class="oe-nw">\1</span>', markdown[pos:]))
    return "".join(out)


def alt_title(lang: str, page: Page) -> tuple[str, str]:
    """The title in the other language, with its lang tag."""
    if lang == "zh":
        return ("en", full_title("en", page))
    return ("zh-Hans", full_title("zh", page))


def measure_page(edition: Edition, page: Page, lang: str, cite: dict[str, str],
                 citable: Citable | None = None, cards_href: str = "", ctx: Context = PAGE) -> str:
    """A measure's own page: wayfinding above the measure, previous/next below, terms linked
    to the glossary. `cite`: the citation format and the page's address (scripts/site/head.py);
    `citable`: authorship, citations and history of its commentaries (scripts/site/scholarship.py);
    `cards_href`: where the term cards' data is, from this page; `ctx`: with `md`, the page is
    written as HTML (see Context)."""
    glossary = edition.glossary
    markup = TermMarker(glossary, "../../glossary/", lang) if glossary else None  # links and their card
    body = render_page(edition.corpus, page, lang, zh_markup=markup, ctx=ctx, cite=cite, register=edition.witnesses,
                       share=edition.attested_share(page.number), laws=edition.laws, citable=citable)
    from .concordance_page import jump_data, moved_notice  # here: it renders pages with this module
    moved = moved_notice(edition, page, lang)
    if moved and ctx.md:
        moved = ctx.md(moved)
    body = (f"{moved}\n\n" if moved else "") + body + jump_data(edition, page, lang)
    body += f"\n\n{markup.card(cards_href)}\n" if markup else ""
    return f"{top(edition.corpus, page, lang)}\n\n{body}\n{pager(edition.corpus, page, lang)}\n"


def render_page(corpus: Corpus, page: Page, lang: str, zh_markup: ZhMarkup | None = None,
                ctx: Context = PAGE, cite: dict[str, str] | None = None,
                register: dict[str, Witness] | None = None, share: float | None = None,
                title: str | None = None, laws: dict[str, Law] | None = None,
                citable: Citable | None = None) -> str:
    """The complete Markdown for `page` in interface `lang` ('en' or 'zh').

    `cite` holds the citation formats (scripts/site/head.py) the page's "cite"
    controls copy; the print view has no controls and passes none. `register` is the
    witness register the apparatus cites, and `share` the page's attested share.
    """
    heading_id = f" {{#{anchor(page.number)}}}" if ctx.print_view else ""
    zh_mark = (lambda md: commentary_terms(md, lambda text: zh_markup(text, None))) if zh_markup else None
    title_html = text(title or bare_title(lang, page)) if ctx.md else (title or bare_title(lang, page))
    if ctx.print_view:  # on paper the status and notes are printed with the measure
        badge = status_badge(page, lang)
        head = [f"{'#' * ctx.heading_level} {title or bare_title(lang, page)}{' ' + badge if badge else ''}{heading_id}",
                _alt_title(lang, page), _meta(corpus, page, lang), _source_banner(page, lang, ctx, share),
                _stage_notice(page, lang), _text(page, lang, zh_markup, ctx, cite, register or {})]
    else:  # on screen the text comes first: status and apparatus are one tap away (the bar)
        state = page_status(page, share)
        details = _status_details(corpus, page, lang, ctx, share, state)
        head = [ctx.heading(ctx.heading_level, title_html),
                _alt_title(lang, page, plain=True), _stage_notice(page, lang),
                _text(page, lang, zh_markup, ctx, cite, register or {}, bar=(state, details))
                or _bar(page, lang, state, details, control=HTML(""))]
    blocks = head + [
        _commentary(page, lang, ctx, zh_mark, laws, citable),
        _links(corpus, page, lang, ctx),
        _contributors(page, lang),
        citable.closing() if citable else "",
    ]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _bar(page: Page, lang: str, state: Status, details: HTML, control: HTML) -> HTML:
    """The one line above the text: the page's status on its two axes, whose details open in
    place, and the display control (reading mode, apparatus and its key)."""
    tokens = (heading_mark(lang, state, words=True), text_mark(lang, state, words=True))
    summary = join_html((x for x in tokens if x), " ")
    status = html('<details class="oe-status" id="oe-status"><summary><span class="oe-status-line">{}</span>'
                  '<span class="oe-status-more">{}</span></summary>'
                  '<div class="oe-status-body">{}</div></details>', summary, t(lang, "st.details"), details)
    return html('<div class="oe-bar" data-search-exclude>{}{}</div>', status, control)


def _status_details(corpus: Corpus, page: Page, lang: str, ctx: Context, share: float | None, state: Status) -> HTML:
    """Everything the source-status box said, one tap away: whether the text is verified, what
    the heading and the text rest on, the notes on the transcription, the doubtful passages,
    the part and the functions, and the key to the marks."""
    out = [html('<p class="oe-status-verdict">{}{}</p>', _verdict(page, lang), _more(lang, ctx)),
           _coverage_notice(page, lang), _witness_lines(page, lang, share)]
    out.append(html('<div class="oe-notes" id="oe-notes{}"><p class="oe-status-head">{}</p>{}</div>',
                    ctx.suffix(page), t(lang, "notes"), join_html(_source_notes(page, lang))))
    out.append(_meta(corpus, page, lang))
    # the one key to the marks stands on the landing page; every page's details link it
    out.append(html('<p class="oe-status-key"><a href="../../#how-to-read">{}</a></p>', t(lang, "st.legend")))
    return join_html(x for x in out if x)


def _alt_title(lang: str, page: Page, plain: bool = False) -> HTML:
    """The title in the other language; `plain`: without its status mark (the bar shows it)."""
    code, title = alt_title(lang, page)
    if plain:
        title = bare_title("en" if code == "en" else "zh", page)
    return html('<p class="oe-alt-title" lang="{}">{}</p>', code, title)


def _meta(corpus: Corpus, page: Page, lang: str) -> HTML:
    items = []
    if page.meta["part"]:
        part = corpus.part(page.meta["part"])
        items.append(html('<span class="oe-part">{}</span>', part_heading(lang, part, "page")))
    funcs = page.meta["functions"]
    if funcs:
        badges = join_html(html('<span class="oe-fn oe-fn-{}">{}</span>', f, t(lang, "function." + f)) for f in funcs)
        items.append(html('<span class="oe-fns" role="group" aria-label="{}">{}</span>', t(lang, "functions"), badges))
    if not items:
        return HTML("")
    return html('<p class="oe-meta" data-search-exclude>{}</p>', join_html(items, " "))


def _source_banner(page: Page, lang: str, ctx: Context, share: float | None = None) -> HTML:
    status = page.source["status"]
    kind = "success" if status == "verified" else "warning"
    title = f'{t(lang, "source_status")}{t(lang, "colon")}{t(lang, "status." + status)}'
    return html(
        '<div class="admonition {kind} oe-source oe-source-{status}" role="note" data-search-exclude>\n'
        '<p class="admonition-title">{title}</p>\n'
        '<p>{verdict}{more}</p>\n'
        '{coverage}{witnesses}'
        '<details class="oe-notes" id="oe-notes{suffix}"><summary>{summary}</summary>\n'
        '{notes}\n</details>\n</div>',
        kind=kind, status=status, title=title, verdict=_verdict(page, lang), more=_more(lang, ctx),
        coverage=_coverage_notice(page, lang), witnesses=_witness_lines(page, lang, share),
        suffix=ctx.suffix(page), summary=t(lang, "notes"), notes=join_html(_source_notes(page, lang), "\n"))


def _verdict(page: Page, lang: str) -> HTML:
    """Whether the Chinese text is verified against the official publication, and against which."""
    source = page.source
    if source["status"] != "verified":
        return text(t(lang, "banner.unverified"))
    checked = f" ({source['checked']})" if source.get("checked") else ""
    return t_html(lang, "banner.verified", reference=source.get("reference", ""), checked=checked)


def _more(lang: str, ctx: Context) -> HTML:
    """The link to the About page's account of the source, where the context has one."""
    return html(' <a href="{}">{}</a>', ctx.about_source, t(lang, "banner.more")) if ctx.about_source else HTML()


def _source_notes(page: Page, lang: str) -> list[HTML]:
    """The notes on the transcription, and the passages whose reading is doubtful."""
    source = page.source
    notes = [_note_html("p", source["note"], lang)]
    uncertain = source.get("uncertain", [])
    if uncertain:
        items = join_html(html('<li><a href="#{0}">{0}</a>{1}{2}</li>', u["para"], t(lang, "colon"),
                               _note_html("span", u["note"], lang)) for u in uncertain)
        notes.append(html("<p>{}</p><ul>{}</ul>", t(lang, "uncertain") + t(lang, "colon").rstrip(), items))
    return notes


def _note_html(tag: str, value: str | dict[str, str], lang: str) -> HTML:
    """A front-matter note in the interface's language (English where it has no Chinese)."""
    words, written = in_language(value, lang)
    return html('<{0} lang="{1}">{2}</{0}>', tag, "zh-Hans" if written == "zh" else "en",
                zh_with_latin(words, written))


def _witness_lines(page: Page, lang: str, share: float | None) -> HTML:
    """What the heading rests on, and how much of the text the witnesses attest."""
    if page.source["status"] == "verified":
        return HTML("")
    lines = [heading_line(page, lang)]
    if share is not None and page.paragraphs:
        lines.append(t(lang, "share", pct=pct(share)))
    return join_html(html('<p class="oe-witness-line">{}</p>\n', x) for x in lines if x)


def _stage_notice(page: Page, lang: str) -> HTML:
    stage = page.stage
    if stage == "complete":
        return HTML("")
    key = "stage." + stage
    if stage == "stub" and page.paragraphs:
        key = "stage.stub.partial"
    kind = "danger" if stage == "stub" else "info"
    return html('<div class="admonition {} oe-stage oe-stage-{}" role="note" data-search-exclude>\n'
                '<p>{}</p>\n</div>', kind, stage, t(lang, key))


def _coverage_notice(page: Page, lang: str) -> HTML:
    """What part of the text is transcribed, as a paragraph of the source banner."""
    coverage = page.source["coverage"]
    if coverage == "full" or page.stage == "stub":
        return HTML("")
    return html('<p class="oe-coverage oe-coverage-{}">{}</p>\n', coverage, t(lang, "coverage." + coverage))


def mark_gaps(escaped: str, gap: str, lang: str) -> HTML:
    """Show untranscribed passages as marked gaps, not as text (`escaped`: the text as HTML)."""
    span = html('<span class="oe-gap" title="{}">{}</span>', t(lang, "gap"), gap)
    return HTML(escaped).replace(text(gap), span)


def view_control(lang: str, apparatus: bool = False, shown: bool = True) -> HTML:
    """The reading-mode control: radio buttons (and the apparatus switch, on when `shown`), so it
    works without JavaScript."""
    options = []
    for view in VIEWS:
        options.append(html('<input type="radio" name="oe-view" id="oe-view-{0}" value="{0}">'
                            '<label for="oe-view-{0}">{1}</label>', view, t(lang, "view." + view)))
    if apparatus:
        options.append(html('<input type="checkbox" name="oe-app" id="oe-app-show" value="show"{}>'
                            '<label class="oe-view-check" for="oe-app-show">{}</label>',
                            HTML(" checked" if shown else ""), t(lang, "legend.toggle")))
    return html('<form class="oe-view" data-search-exclude aria-label="{0}">'
                '<fieldset><legend>{0}</legend>{1}</fieldset></form>', t(lang, "reading_mode"), join_html(options))


def display_control(lang: str, apparatus: bool, register_href: str) -> HTML:
    """Reading mode, the apparatus switch and the apparatus key in one compact control that opens
    in place. The switch is off by default: the text shows quietly what is attested (underlined by
    grade) and what is reconstructed (lighter); on, the sigla and variant readings appear."""
    key = legend(lang, register_href) if apparatus else ""
    return html('<details class="oe-display"><summary title="{}">'
                '<span class="oe-display-aa" aria-hidden="true">Aa</span> {}</summary>'
                '<div class="oe-display-body">{}{}</div></details>',
                t(lang, "display.label"), t(lang, "display"), view_control(lang, apparatus, shown=False), key)


def _pair(page: Page, para: Paragraph, lang: str, zh_markup: ZhMarkup | None, ctx: Context,
          register: dict[str, Witness]) -> HTML:
    uncertain = {u["para"]: in_language(u["note"], lang)[0] for u in page.source.get("uncertain", [])}
    review = set(page.meta.get("review", []))
    classes = ["oe-pair"]
    flags = []
    if para.id in uncertain:
        classes.append("oe-uncertain")
        flags.append(html('<a class="oe-flag oe-flag-uncertain" href="#oe-notes{}" title="{}">?</a>',
                          ctx.suffix(page), t(lang, "uncertain.flag", note=uncertain[para.id])))
    if para.id in review:
        classes.append("oe-review")
        flags.append(html('<span class="oe-flag oe-flag-review" title="{}">!</span>', t(lang, "review.flag")))
    notes = HTML("")
    if page.source["status"] == "verified" or not register:
        zh_html = zh_markup(text(para.zh), para) if zh_markup else text(para.zh)
    else:  # the apparatus: what each word rests on
        def var_id(var: object, k: int) -> str:
            return variant_anchor(para.id, k + 1)
        markup = (lambda text: zh_markup(text, para)) if zh_markup else (lambda text: text)
        zh_html = apparatus_zh(page, para, register, lang, markup, ctx.witness_link, var_id)
        notes = variant_notes(page, para, register, lang, ctx.witness_link, var_id)
    # keep_names is given a str: re.sub, writing its spans into an HTML, would escape them
    zh_html = HTML(keep_names(str(mark_gaps(zh_html, GAP_ZH, lang))))
    out = [
        html('<div class="{}" id="{}"{}>', " ".join(classes), para.id, ctx.markdown_attr),
        html('<div class="oe-side"><a class="oe-pid" href="#{0}" title="{1}">{0}</a>{2}</div>',
             para.id, t(lang, "para_link", id=para.id), join_html(flags)),
        html('<div class="oe-zh" lang="zh-Hans"{}><p>{}</p></div>', ctx.raw_attr, zh_html),
    ]
    if para.en is not None:  # Markdown, with the gaps marked in HTML
        en = para.en.replace(GAP_EN, html('<span class="oe-gap" title="{}">{}</span>', t(lang, "gap"), GAP_EN))
        if ctx.md:
            out.append(html('<div class="oe-en" lang="en">{}</div>', HTML(ctx.md(ctx.rewrite(en)))))
        else:  # for MkDocs to convert
            out.append(html('<div class="oe-en" lang="en" markdown="1">\n\n{}\n\n</div>', HTML(ctx.rewrite(en))))
    else:
        out.append(html('<div class="oe-en oe-missing" lang="{}"><p>{}</p></div>',
                        "zh-Hans" if lang == "zh" else "en", t(lang, "untranslated")))
    if notes:
        out.append(notes)
    out.append(HTML("</div>"))
    return join_html(out, "\n")


def _text(page: Page, lang: str, zh_markup: ZhMarkup | None, ctx: Context,
          cite: dict[str, str] | None = None, register: dict[str, Witness] | None = None,
          bar: tuple[Status, HTML] | None = None) -> HTML:
    """The aligned pairs; `bar`: the page's status and its details, shown above them with the
    display control (inside this block, whose reading mode the control's radios set)."""
    if not page.paragraphs:
        return HTML("")
    register = register or {}
    pairs = join_html((_pair(page, p, lang, zh_markup, ctx, register) for p in page.paragraphs), "\n\n")
    apparatus = bool(register) and page.source["status"] != "verified"
    if bar is not None:
        display = display_control(lang, apparatus, ctx.register_link())
        control = html("{}\n\n", _bar(page, lang, bar[0], bar[1], display))
    else:
        control = html("{}\n\n", view_control(lang, apparatus)) if ctx.view_control else HTML("")
        if apparatus and not ctx.print_view:
            control += html("{}\n\n", legend(lang, ctx.register_link()))
    data = HTML("")
    if cite:  # edition.js adds the cite and copy controls from these
        data = join_html(html(' data-oe-{}="{}"', k, v) for k, v in sorted(cite.items()))
    return html('<div class="oe-text"{}{}>\n\n{}{}\n\n</div>', data, ctx.markdown_attr, control, pairs)


def link_laws(markdown: str, laws: dict[str, Law], lang: str, base: str) -> str:
    """Link the first mention of each instrument in a commentary paragraph to its entry in the
    index of laws: 'Criminal Law' in English, the name inside 《》 in Chinese. Links, code and
    HTML are left alone; 'Criminal Law Amendment XI' is not taken for the 'Criminal Law'."""
    seen: set[str] = set()
    pieces, pos = [], 0
    for m in _LINK_OR_CODE.finditer(markdown):
        pieces.append((False, markdown[pos:m.start()]))
        pieces.append((True, m.group(0)))
        pos = m.end()
    pieces.append((False, markdown[pos:]))
    ordered = sorted(laws.values(), key=lambda law: -max(len(n) for n in law.names))

    def one(text: str) -> str:
        if lang == "zh":
            def title(m: re.Match[str]) -> str:
                law = next((x for x in ordered if m.group(1) in x.names_zh), None)
                if law is None or law.id in seen:
                    return m.group(0)
                seen.add(law.id)
                return f"《[{m.group(1)}]({base}#{law.id})》"
            return re.sub(r"《([^《》\n]+)》", title, text)
        out, at = [], 0
        for start, end, law in mentions(text, laws):
            if law.id in seen or start < at:
                continue
            seen.add(law.id)
            out += [text[at:start], f"[{text[start:end]}]({base}#{law.id})"]
            at = end
        return "".join(out) + text[at:]
    return "".join(p if protected else one(p) for protected, p in pieces)


def note_id(page: Page, lang: str, n: int | str) -> str:
    """'m08-n3' (English commentary) / 'm08-zh-n3' (Chinese): the anchor of a margin number."""
    return note_anchor(page.number, lang, n)


def _notes(page: Page, lang: str, ctx: Context, mark: Callable[[str], str] | None,
           laws: dict[str, Law] | None = None, ui: str | None = None) -> HTML:
    """A commentary (in `lang`) as margin-numbered notes; each note's number is its permalink,
    labelled in the interface's language (`ui`)."""
    ui = ui or lang
    other = "en" if lang == "zh" else "zh"
    pairs = page.counterparts(lang)
    out = []
    for note in page.notes(lang):
        nid = note_id(page, lang, note.n)
        jump = HTML("")
        answer = pairs.get(note.n)
        if answer:
            # the title is the interface's words, inside a commentary of either language
            tag = "" if ui == lang else html(' lang="{}"', "zh-Hans" if ui == "zh" else "en")
            jump = html(' <a class="oe-n-other" href="#{}"{} title="{}">{}</a>', note_id(page, other, answer), tag,
                        t(ui, "note.to." + other), t(lang, "note.other.mark"))
        markdown = note.text
        if laws and not ctx.print_view:
            markdown = link_laws(markdown, laws, lang, "../laws.md")  # a page link MkDocs checks and rewrites
        markdown = mark(markdown) if mark else markdown
        if lang == "zh":
            markdown = keep_names(markdown)
        review = nid in page.meta.get("review", [])
        if review:  # the import asks an editor to look at this note
            jump += html(' <span class="oe-flag oe-flag-review" title="{}">!</span>', t(lang, "review.note"))
        out.append(html('<div class="oe-note{review}" id="{id}"{attr}>\n<div class="oe-nbox">'
                        '<a class="oe-n" href="#{id}" title="{title}">{mark}</a>{jump}</div>{body}</div>',
                        review=" oe-review" if review else "", id=nid, attr=ctx.markdown_attr,
                        title=t(ui, "note.link", n=note.n), mark=t(ui, "note.mark", n=note.n), jump=jump,
                        body=HTML(ctx.block(ctx.rewrite(markdown)))))
    return join_html(_with_withdrawn(page, lang, ctx, out, ui), "\n\n")


def _with_withdrawn(page: Page, lang: str, ctx: Context, rendered: list[HTML], ui: str) -> list[HTML]:
    """Withdrawn margin numbers keep their address: a line, shown only to a reader who followed a
    link to it (CSS :target), says when the number was withdrawn and where its point went."""
    review = page.review(lang)
    if review is None or not review.withdrawn or ctx.print_view:
        return rendered
    labels = [n.n for n in page.notes(lang)]
    out = list(rendered)
    for w in sorted(review.withdrawn, key=lambda w: label_key(w.n), reverse=True):
        date = document_date(ui, w.date)
        sentence = text(t(ui, "note.withdrawn", n=w.n, date=date))
        if w.now:
            link = html('<a href="#{}">{}</a>', note_id(page, lang, w.now), t(ui, "note.mark", n=w.now))
            sentence = t_html(ui, "note.withdrawn.now", n=w.n, date=date, now=link)
        at = sum(1 for x in labels if label_key(x) < label_key(w.n))
        out.insert(at, html('<p class="oe-withdrawn" id="{}">{}</p>', note_id(page, lang, w.n), sentence))
    return out


def _commentary(page: Page, lang: str, ctx: Context, zh_mark: Callable[[str], str] | None = None,
                laws: dict[str, Law] | None = None, citable: Citable | None = None) -> HTML:
    """The interface's own commentary first; the other language's one click away (a closed
    <details>; open in the print view, where nothing can be clicked)."""
    langs = [lang, "zh" if lang == "en" else "en"]
    langs = [x for x in langs if page.commentary_in(x).strip()]
    if not langs:
        return HTML("")
    level = "#" * (ctx.heading_level + 1)
    tag = {"en": "en", "zh": "zh-Hans"}
    blocks = []
    for k, which in enumerate(langs):
        cid = ("commentary" if which == "en" else "commentary-zh") + ctx.suffix(page)
        body = _notes(page, which, ctx, zh_mark if which == "zh" else None, laws, ui=lang)
        if citable is not None:  # byline above, citations and history below; controls' data
            after = citable.after(which)
            body = join_html([citable.before(which), body, HTML(ctx.block(after)) if ctx.md and after else after])
        attrs = citable.attrs(which) if citable is not None else ""
        inner = html('<div class="oe-commentary oe-commentary-{}" lang="{}"{}{}>\n\n{}\n\n</div>',
                     which, tag[which], attrs, ctx.markdown_attr, body)
        if k == 0 and which == lang:
            heading = ctx.heading(ctx.heading_level + 1, text(t(lang, "commentary")), cid) if ctx.md else \
                f"{level} {t(lang, 'commentary')} {{#{cid}}}"
            blocks.append(html("{}\n\n{}", HTML(heading), inner))  # a heading in Markdown unless rendering directly
        else:
            opened = HTML(" open") if ctx.print_view else ""
            blocks.append(html('<details class="oe-other-commentary" id="{}"{}{}>\n'
                               '<summary>{}</summary>\n\n'
                               '<p class="oe-other-hint">{}</p>\n\n'
                               '{}\n\n</details>', cid, opened, ctx.markdown_attr,
                               t(lang, "commentary.other"), t(lang, "commentary.other.hint"), inner))
    return join_html(blocks, "\n\n")


def _measure_item(corpus: Corpus, number: int, lang: str, ctx: Context) -> str:
    other = corpus.pages.get(number)
    if other is None:
        return f"[{measure_label(lang, number)}]({ctx.page_link(number)})"
    return titled(lang, other, f"[{bare_title(lang, other)}]({ctx.page_link(number)})")


def _links(corpus: Corpus, page: Page, lang: str, ctx: Context) -> str:
    related = page.meta["related"]
    back = corpus.referred_by(page.number)
    if not related and not back:
        return ""
    lines = ['<div class="oe-links" markdown="1">', ""]
    for key, numbers in (("related", related), ("referred_by", back)):
        lines.append(html('<p class="oe-links-title">{}</p>', t(lang, key)))
        lines.append("")
        if numbers:
            lines += [f"- {_measure_item(corpus, n, lang, ctx)}" for n in numbers]
        else:
            lines.append(f"- {t(lang, 'none')}")
        lines.append("")
    lines.append("</div>")
    return ctx.block("\n".join(lines)) if ctx.md else "\n".join(lines)


def _contributors(page: Page, lang: str) -> HTML:
    people = []
    for c in page.meta["contributors"]:
        roles = join(lang, [t(lang, "role." + r) for r in c["roles"]])
        people.append(html("<li>{}{}</li>", _name(c["name"]), paren(lang, roles)))
    return html('<div class="oe-contributors" data-search-exclude><p class="oe-links-title">{}</p><ul>{}</ul></div>',
                t(lang, "contributors"), join_html(people))


def _name(name: str) -> HTML:
    """A contributor's name as written; one in Latin letters is tagged as such, so that it is
    read as a name and not as Chinese in the Chinese interface."""
    if HAN.search(name) or not re.search(r"[A-Za-z]", name):
        return text(name)
    return html('<span lang="en">{}</span>', name)
