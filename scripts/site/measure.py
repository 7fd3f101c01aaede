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
from html import escape
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
from ..settings import VIEWS
from .apparatus import apparatus_zh, heading_line, legend, pct, status_badge, variant_notes, witness_anchor
from .glossary_page import TermMarker, commentary_terms, zh_with_latin
from .i18n import bare_title, document_date, full_title, join, measure_label, paren, part_heading, t
from .scholarship import Citable
from .status import heading_mark, text_mark, titled
from .typography import keep_names
from .wayfinding import pager, top

# Turns escaped Chinese text into HTML (the glossary marks its terms this way).
ZhMarkup = Callable[[str, Paragraph | None], str]  # the paragraph None for the Chinese commentary


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
    def markdown_attr(self) -> str:
        """The attribute that asks MkDocs to read an HTML block's content as Markdown."""
        return "" if self.md else ' markdown="1"'

    @property
    def raw_attr(self) -> str:
        """The attribute that keeps MkDocs from reading an HTML block's content as Markdown."""
        return "" if self.md else ' markdown="0"'

    def block(self, markdown: str) -> str:
        """A Markdown block: its HTML when rendering directly, else the Markdown set apart."""
        return self.md(markdown) if self.md else f"\n\n{markdown}\n\n"

    def heading(self, level: int, text: str, anchor: str | None = None) -> str:
        """A heading with its ¶ permalink (as the `toc` extension writes one); `anchor`: its id,
        else made from its text as `toc` would."""
        if not self.md:
            return f"{'#' * level} {text}{f' {{#{anchor}}}' if anchor else ''}"
        ident = anchor or slugify(text)
        return (f'<h{level} id="{ident}">{text}<a class="headerlink" href="#{ident}" '
                f'title="{escape(self.permalink)}">&para;</a></h{level}>')

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
    title_html = escape(title or bare_title(lang, page)) if ctx.md else (title or bare_title(lang, page))
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
                or _bar(page, lang, state, details, control="")]
    blocks = head + [
        _commentary(page, lang, ctx, zh_mark, laws, citable),
        _links(corpus, page, lang, ctx),
        _contributors(page, lang),
        citable.closing() if citable else "",
    ]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _bar(page: Page, lang: str, state: Status, details: str, control: str) -> str:
    """The one line above the text: the page's status on its two axes, whose details open in
    place, and the display control (reading mode, apparatus and its key)."""
    summary = " ".join(x for x in (heading_mark(lang, state, words=True), text_mark(lang, state, words=True)) if x)
    status = (f'<details class="oe-status" id="oe-status"><summary><span class="oe-status-line">{summary}</span>'
              f'<span class="oe-status-more">{escape(t(lang, "st.details"))}</span></summary>'
              f'<div class="oe-status-body">{details}</div></details>')
    return f'<div class="oe-bar" data-search-exclude>{status}{control}</div>'


def _status_details(corpus: Corpus, page: Page, lang: str, ctx: Context, share: float | None, state: Status) -> str:
    """Everything the source-status box said, one tap away: whether the text is verified, what
    the heading and the text rest on, the notes on the transcription, the doubtful passages,
    the part and the functions, and the key to the marks."""
    source = page.source
    if source["status"] == "verified":
        checked = f" ({source['checked']})" if source.get("checked") else ""
        verdict = t(lang, "banner.verified", reference=escape(source.get("reference", "")), checked=escape(checked))
    else:
        verdict = escape(t(lang, "banner.unverified"))
    more = f' <a href="{ctx.about_source}">{escape(t(lang, "banner.more"))}</a>' if ctx.about_source else ""
    out = [f'<p class="oe-status-verdict">{verdict}{more}</p>',
           _coverage_notice(page, lang), _witness_lines(page, lang, share)]
    notes = [_note_html("p", source["note"], lang)]
    uncertain = source.get("uncertain", [])
    if uncertain:
        items = "".join(f'<li><a href="#{escape(u["para"])}">{escape(u["para"])}</a>{t(lang, "colon")}'
                        f'{_note_html("span", u["note"], lang)}</li>' for u in uncertain)
        notes.append(f"<p>{escape(t(lang, 'uncertain') + t(lang, 'colon').rstrip())}</p><ul>{items}</ul>")
    out.append(f'<div class="oe-notes" id="oe-notes{ctx.suffix(page)}"><p class="oe-status-head">'
               f'{escape(t(lang, "notes"))}</p>' + "".join(notes) + "</div>")
    out.append(_meta(corpus, page, lang))
    # the one key to the marks stands on the landing page; every page's details link it
    out.append(f'<p class="oe-status-key"><a href="../../#how-to-read">{escape(t(lang, "st.legend"))}</a></p>')
    return "".join(x for x in out if x)


def _alt_title(lang: str, page: Page, plain: bool = False) -> str:
    """The title in the other language; `plain`: without its status mark (the bar shows it)."""
    code, title = alt_title(lang, page)
    if plain:
        title = bare_title("en" if code == "en" else "zh", page)
    return f'<p class="oe-alt-title" lang="{code}">{escape(title)}</p>'


def _meta(corpus: Corpus, page: Page, lang: str) -> str:
    items = []
    if page.meta["part"]:
        part = corpus.part(page.meta["part"])
        items.append(f'<span class="oe-part">{escape(part_heading(lang, part, "page"))}</span>')
    funcs = page.meta["functions"]
    if funcs:
        badges = "".join(f'<span class="oe-fn oe-fn-{f}">{escape(t(lang, "function." + f))}</span>' for f in funcs)
        items.append(f'<span class="oe-fns" role="group" aria-label="{escape(t(lang, "functions"))}">{badges}</span>')
    if not items:
        return ""
    return '<p class="oe-meta" data-search-exclude>' + " ".join(items) + "</p>"


def _source_banner(page: Page, lang: str, ctx: Context, share: float | None = None) -> str:
    source = page.source
    status = source["status"]
    if status == "verified":
        checked = f" ({source['checked']})" if source.get("checked") else ""
        text = t(lang, "banner.verified", reference=escape(source.get("reference", "")), checked=escape(checked))
        kind = "success"
    else:
        text = escape(t(lang, "banner.unverified"))
        kind = "warning"
    title = f'{t(lang, "source_status")}{t(lang, "colon")}{t(lang, "status." + status)}'
    notes = [_note_html("p", source["note"], lang)]
    uncertain = source.get("uncertain", [])
    if uncertain:
        items = "".join(f'<li><a href="#{escape(u["para"])}">{escape(u["para"])}</a>{t(lang, "colon")}'
                        f'{_note_html("span", u["note"], lang)}</li>' for u in uncertain)
        notes.append(f"<p>{escape(t(lang, 'uncertain') + t(lang, 'colon').rstrip())}</p><ul>{items}</ul>")
    more = f' <a href="{ctx.about_source}">{escape(t(lang, "banner.more"))}</a>' if ctx.about_source else ""
    return (
        f'<div class="admonition {kind} oe-source oe-source-{status}" role="note" data-search-exclude>\n'
        f'<p class="admonition-title">{escape(title)}</p>\n'
        f"<p>{text}{more}</p>\n"
        + _coverage_notice(page, lang) + _witness_lines(page, lang, share) +
        f'<details class="oe-notes" id="oe-notes{ctx.suffix(page)}"><summary>{escape(t(lang, "notes"))}</summary>\n'
        + "\n".join(notes) + "\n</details>\n</div>"
    )


def _note_html(tag: str, value: str | dict[str, str], lang: str) -> str:
    """A front-matter note in the interface's language (English where it has no Chinese)."""
    text, written = in_language(value, lang)
    return f'<{tag} lang="{"zh-Hans" if written == "zh" else "en"}">{zh_with_latin(text, written)}</{tag}>'


def _witness_lines(page: Page, lang: str, share: float | None) -> str:
    """What the heading rests on, and how much of the text the witnesses attest."""
    if page.source["status"] == "verified":
        return ""
    lines = [heading_line(page, lang)]
    if share is not None and page.paragraphs:
        lines.append(t(lang, "share", pct=pct(share)))
    return "".join(f'<p class="oe-witness-line">{escape(x)}</p>\n' for x in lines if x)


def _stage_notice(page: Page, lang: str) -> str:
    stage = page.stage
    if stage == "complete":
        return ""
    key = "stage." + stage
    if stage == "stub" and page.paragraphs:
        key = "stage.stub.partial"
    kind = "danger" if stage == "stub" else "info"
    return (f'<div class="admonition {kind} oe-stage oe-stage-{stage}" role="note" data-search-exclude>\n'
            f"<p>{escape(t(lang, key))}</p>\n</div>")


def _coverage_notice(page: Page, lang: str) -> str:
    """What part of the text is transcribed, as a paragraph of the source banner."""
    coverage = page.source["coverage"]
    if coverage == "full" or page.stage == "stub":
        return ""
    return f"<p class=\"oe-coverage oe-coverage-{coverage}\">{escape(t(lang, 'coverage.' + coverage))}</p>\n"


def mark_gaps(escaped: str, gap: str, lang: str) -> str:
    """Show untranscribed passages as marked gaps, not as text."""
    title = escape(t(lang, "gap"))
    return escaped.replace(escape(gap), f'<span class="oe-gap" title="{title}">{escape(gap)}</span>')


def view_control(lang: str, apparatus: bool = False, shown: bool = True) -> str:
    """The reading-mode control: radio buttons (and the apparatus switch, on when `shown`), so it
    works without JavaScript."""
    options = []
    for view in VIEWS:
        options.append(
            f'<input type="radio" name="oe-view" id="oe-view-{view}" value="{view}">'
            f'<label for="oe-view-{view}">{escape(t(lang, "view." + view))}</label>'
        )
    if apparatus:
        options.append(f'<input type="checkbox" name="oe-app" id="oe-app-show" value="show"{" checked" if shown else ""}>'
                       f'<label class="oe-view-check" for="oe-app-show">{escape(t(lang, "legend.toggle"))}</label>')
    return (f'<form class="oe-view" data-search-exclude aria-label="{escape(t(lang, "reading_mode"))}">'
            f'<fieldset><legend>{escape(t(lang, "reading_mode"))}</legend>{"".join(options)}</fieldset></form>')


def display_control(lang: str, apparatus: bool, register_href: str) -> str:
    """Reading mode, the apparatus switch and the apparatus key in one compact control that opens
    in place. The switch is off by default: the text shows quietly what is attested (underlined by
    grade) and what is reconstructed (lighter); on, the sigla and variant readings appear."""
    key = legend(lang, register_href) if apparatus else ""
    return (f'<details class="oe-display"><summary title="{escape(t(lang, "display.label"))}">'
            f'<span class="oe-display-aa" aria-hidden="true">Aa</span> {escape(t(lang, "display"))}</summary>'
            f'<div class="oe-display-body">{view_control(lang, apparatus, shown=False)}{key}</div></details>')


def _pair(page: Page, para: Paragraph, lang: str, zh_markup: ZhMarkup | None, ctx: Context,
          register: dict[str, Witness]) -> str:
    uncertain = {u["para"]: in_language(u["note"], lang)[0] for u in page.source.get("uncertain", [])}
    review = set(page.meta.get("review", []))
    classes = ["oe-pair"]
    flags = []
    if para.id in uncertain:
        classes.append("oe-uncertain")
        flags.append(f'<a class="oe-flag oe-flag-uncertain" href="#oe-notes{ctx.suffix(page)}" '
                     f'title="{escape(t(lang, "uncertain.flag", note=uncertain[para.id]))}">?</a>')
    if para.id in review:
        classes.append("oe-review")
        flags.append(f'<span class="oe-flag oe-flag-review" title="{escape(t(lang, "review.flag"))}">!</span>')
    pid = escape(para.id)
    notes = ""
    if page.source["status"] == "verified" or not register:
        zh_html = zh_markup(escape(para.zh), para) if zh_markup else escape(para.zh)
    else:  # the apparatus: what each word rests on
        def var_id(var: object, k: int) -> str:
            return variant_anchor(para.id, k + 1)
        markup = (lambda text: zh_markup(text, para)) if zh_markup else (lambda text: text)
        zh_html = apparatus_zh(page, para, register, lang, markup, ctx.witness_link, var_id)
        notes = variant_notes(page, para, register, lang, ctx.witness_link, var_id)
    zh_html = keep_names(mark_gaps(zh_html, GAP_ZH, lang))
    out = [
        f'<div class="{" ".join(classes)}" id="{pid}"{ctx.markdown_attr}>',
        f'<div class="oe-side"><a class="oe-pid" href="#{pid}" title="{escape(t(lang, "para_link", id=para.id))}">'
        f'{pid}</a>{"".join(flags)}</div>',
        f'<div class="oe-zh" lang="zh-Hans"{ctx.raw_attr}><p>{zh_html}</p></div>',
    ]
    if para.en is not None:
        en = para.en.replace(GAP_EN, f'<span class="oe-gap" title="{escape(t(lang, "gap"))}">{GAP_EN}</span>')
        if ctx.md:
            out += [f'<div class="oe-en" lang="en">{ctx.md(ctx.rewrite(en))}</div>']
        else:
            out += ['<div class="oe-en" lang="en" markdown="1">', "", ctx.rewrite(en), "", "</div>"]
    else:
        out.append(f'<div class="oe-en oe-missing" lang="{"zh-Hans" if lang == "zh" else "en"}">'
                   f'<p>{escape(t(lang, "untranslated"))}</p></div>')
    if notes:
        out.append(notes)
    out.append("</div>")
    return "\n".join(out)


def _text(page: Page, lang: str, zh_markup: ZhMarkup | None, ctx: Context,
          cite: dict[str, str] | None = None, register: dict[str, Witness] | None = None,
          bar: tuple[Status, str] | None = None) -> str:
    """The aligned pairs; `bar`: the page's status and its details, shown above them with the
    display control (inside this block, whose reading mode the control's radios set)."""
    if not page.paragraphs:
        return ""
    register = register or {}
    pairs = "\n\n".join(_pair(page, p, lang, zh_markup, ctx, register) for p in page.paragraphs)
    apparatus = bool(register) and page.source["status"] != "verified"
    if bar is not None:
        control = _bar(page, lang, bar[0], bar[1], display_control(lang, apparatus, ctx.register_link())) + "\n\n"
    else:
        control = f"{view_control(lang, apparatus)}\n\n" if ctx.view_control else ""
        if apparatus and not ctx.print_view:
            control += legend(lang, ctx.register_link()) + "\n\n"
    data = ""
    if cite:  # edition.js adds the cite and copy controls from these
        data = "".join(f' data-oe-{k}="{escape(v)}"' for k, v in sorted(cite.items()))
    return f'<div class="oe-text"{data}{ctx.markdown_attr}>\n\n{control}{pairs}\n\n</div>'


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
           laws: dict[str, Law] | None = None, ui: str | None = None) -> str:
    """A commentary (in `lang`) as margin-numbered notes; each note's number is its permalink,
    labelled in the interface's language (`ui`)."""
    ui = ui or lang
    other = "en" if lang == "zh" else "zh"
    pairs = page.counterparts(lang)
    out = []
    for note in page.notes(lang):
        nid = note_id(page, lang, note.n)
        jump = ""
        answer = pairs.get(note.n)
        if answer:
            # the title is the interface's words, inside a commentary of either language
            tag = "" if ui == lang else f' lang="{"zh-Hans" if ui == "zh" else "en"}"'
            jump = (f' <a class="oe-n-other" href="#{note_id(page, other, answer)}"{tag} '
                    f'title="{escape(t(ui, "note.to." + other))}">'
                    f'{escape(t(lang, "note.other.mark"))}</a>')
        text = note.text
        if laws and not ctx.print_view:
            text = link_laws(text, laws, lang, "../laws.md")  # a page link MkDocs checks and rewrites
        text = mark(text) if mark else text
        if lang == "zh":
            text = keep_names(text)
        review = nid in page.meta.get("review", [])
        if review:  # the import asks an editor to look at this note
            jump += f' <span class="oe-flag oe-flag-review" title="{escape(t(lang, "review.note"))}">!</span>'
        out.append(f'<div class="oe-note{" oe-review" if review else ""}" id="{nid}"{ctx.markdown_attr}>\n'
                   f'<div class="oe-nbox"><a class="oe-n" href="#{nid}" title="{escape(t(ui, "note.link", n=note.n))}">'
                   f'{escape(t(ui, "note.mark", n=note.n))}</a>{jump}</div>{ctx.block(ctx.rewrite(text))}</div>')
    return "\n\n".join(_with_withdrawn(page, lang, ctx, out, ui))


def _with_withdrawn(page: Page, lang: str, ctx: Context, rendered: list[str], ui: str) -> list[str]:
    """Withdrawn margin numbers keep their address: a line, shown only to a reader who followed a
    link to it (CSS :target), says when the number was withdrawn and where its point went."""
    review = page.review(lang)
    if review is None or not review.withdrawn or ctx.print_view:
        return rendered
    labels = [n.n for n in page.notes(lang)]
    out = list(rendered)
    for w in sorted(review.withdrawn, key=lambda w: label_key(w.n), reverse=True):
        date = document_date(ui, w.date)
        text = escape(t(ui, "note.withdrawn", n=w.n, date=date))
        if w.now:
            link = f'<a href="#{note_id(page, lang, w.now)}">{escape(t(ui, "note.mark", n=w.now))}</a>'
            text = escape(t(ui, "note.withdrawn.now", n=w.n, date=date, now="\0")).replace("\0", link)
        at = sum(1 for x in labels if label_key(x) < label_key(w.n))
        out.insert(at, f'<p class="oe-withdrawn" id="{note_id(page, lang, w.n)}">{text}</p>')
    return out


def _commentary(page: Page, lang: str, ctx: Context, zh_mark: Callable[[str], str] | None = None,
                laws: dict[str, Law] | None = None, citable: Citable | None = None) -> str:
    """The interface's own commentary first; the other language's one click away (a closed
    <details>; open in the print view, where nothing can be clicked)."""
    langs = [lang, "zh" if lang == "en" else "en"]
    langs = [x for x in langs if page.commentary_in(x).strip()]
    if not langs:
        return ""
    level = "#" * (ctx.heading_level + 1)
    tag = {"en": "en", "zh": "zh-Hans"}
    blocks = []
    for k, which in enumerate(langs):
        cid = ("commentary" if which == "en" else "commentary-zh") + ctx.suffix(page)
        body = _notes(page, which, ctx, zh_mark if which == "zh" else None, laws, ui=lang)
        if citable is not None:  # byline above, citations and history below; controls' data
            after = citable.after(which)
            body = citable.before(which) + body + (ctx.block(after) if ctx.md and after else after)
        attrs = citable.attrs(which) if citable is not None else ""
        inner = (f'<div class="oe-commentary oe-commentary-{which}" lang="{tag[which]}"{attrs}{ctx.markdown_attr}>'
                 f'\n\n{body}\n\n</div>')
        if k == 0 and which == lang:
            heading = ctx.heading(ctx.heading_level + 1, escape(t(lang, "commentary")), cid) if ctx.md else \
                f"{level} {t(lang, 'commentary')} {{#{cid}}}"
            blocks.append(f"{heading}\n\n{inner}")
        else:
            opened = " open" if ctx.print_view else ""
            blocks.append(f'<details class="oe-other-commentary" id="{cid}"{opened}{ctx.markdown_attr}>\n'
                          f'<summary>{escape(t(lang, "commentary.other"))}</summary>\n\n'
                          f'<p class="oe-other-hint">{escape(t(lang, "commentary.other.hint"))}</p>\n\n'
                          f"{inner}\n\n</details>")
    return "\n\n".join(blocks)


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
        lines.append(f'<p class="oe-links-title">{escape(t(lang, key))}</p>')
        lines.append("")
        if numbers:
            lines += [f"- {_measure_item(corpus, n, lang, ctx)}" for n in numbers]
        else:
            lines.append(f"- {t(lang, 'none')}")
        lines.append("")
    lines.append("</div>")
    return ctx.block("\n".join(lines)) if ctx.md else "\n".join(lines)


def _contributors(page: Page, lang: str) -> str:
    people = []
    for c in page.meta["contributors"]:
        roles = join(lang, [t(lang, "role." + r) for r in c["roles"]])
        people.append(f"<li>{_name(c['name'])}{escape(paren(lang, roles))}</li>")
    return (f'<div class="oe-contributors" data-search-exclude><p class="oe-links-title">'
            f'{escape(t(lang, "contributors"))}</p><ul>{"".join(people)}</ul></div>')


def _name(name: str) -> str:
    """A contributor's name as written; one in Latin letters is tagged as such, so that it is
    read as a name and not as Chinese in the Chinese interface."""
    if HAN.search(name) or not re.search(r"[A-Za-z]", name):
        return escape(name)
    return f'<span lang="en">{escape(name)}</span>'
