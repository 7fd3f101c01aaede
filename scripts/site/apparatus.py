"""The critical apparatus on the page: attested spans, sigla, variant notes, legend, register.

The content model (scripts/edition/apparatus.py) says which words a witness
attests; this module shows it. Attested wording is underlined by grade (solid A,
dashed B, dotted C) and followed by the sigla of its witnesses, each a link to
the register; wording no witness attests is set in a lighter tone as the
editors' reconstruction. Underline styles survive printing in black and white.
"""
from __future__ import annotations

from typing import Callable

from ..edition import Edition
from ..edition.apparatus import Variant, runs
from ..edition.page import Page, Paragraph
from ..edition.witnesses import Witness
from ..markup import HTML, html, join as join_html, text
from .i18n import join, t, t_html

# Turns escaped Chinese text into HTML (the glossary marks its terms this way).
Markup = Callable[[str], HTML]  # escaped text in, HTML out (the glossary links its terms)


def pct(share: float) -> str:
    """'39%': shares are shown to the whole per cent, never rounded up to 100 or down to 0."""
    value = share * 100
    if 0 < value < 1:
        return "<1%"
    if 99 < value < 100:
        return ">99%"
    return f"{value:.0f}%"


def witness_anchor(siglum: str) -> str:
    return f"w-{siglum}"


def compact(sigla: tuple[str, ...]) -> str:
    """'R1 R2 R3' -> 'R1–3', 'P1 P3 E1' -> 'P1 P3 E1': consecutive numbers of one letter joined."""
    groups: list[tuple[str, list[int]]] = []
    for s in sigla:
        letter, number = s[:1], int(s[1:]) if s[1:].isdigit() else 0
        if groups and groups[-1][0] == letter and groups[-1][1][-1] + 1 == number:
            groups[-1][1].append(number)
        else:
            groups.append((letter, [number]))
    return " ".join(f"{letter}{ns[0]}" + (f"\u2013{ns[-1]}" if len(ns) > 2 else
                                          (f" {letter}{ns[1]}" if len(ns) == 2 else "")) for letter, ns in groups)


def sigla_html(sigla: tuple[str, ...], register: dict[str, Witness], lang: str, href: Callable[[str], str]) -> HTML:
    """One link for a group of sigla ('R1–3'), to the register at the first: a target large
    enough to tap, named in full for screen readers and, on a desk, in a tooltip."""
    titles = []
    for s in sigla:
        w = register.get(s)
        titles.append(t(lang, "sig.title", siglum=s, publisher=w.publisher[lang] if w else "?",
                        grade=t(lang, "grade." + w.grade) if w else "?"))
    title = t(lang, "sep.items").join(titles)
    return html('<a class="oe-sig" href="{href}" title="{title}" aria-label="{title}">{label}</a>',
                href=href(sigla[0]), title=title, label=compact(sigla))


def apparatus_zh(page: Page, para: Paragraph, register: dict[str, Witness], lang: str,
                 markup: Markup, href: Callable[[str], str], var_id: Callable[[Variant, int], str]) -> HTML:
    """The paragraph's Chinese as HTML: runs by grade, and the sigla once after each run of
    attested spans from the same witnesses (reconstructed words between them do not break the
    run), and a variant mark after the edition's reading of each variant."""
    atts = page.apparatus.for_para(para.id)
    variants = page.apparatus.variants_for(para.id)
    order = list(register)
    out: list[HTML] = []
    pos = 0
    pending = sorted(((v.end, k, v) for k, v in enumerate(variants) if v.start >= 0), key=lambda x: x[0])
    group: tuple[str, ...] = ()  # the witnesses of the attested spans since the last sigla
    after = 0  # where in `out` their sigla go: after the last of those spans

    def flush() -> None:
        nonlocal group
        if group:
            out.insert(after, sigla_html(group, register, lang, href))
        group = ()

    for run in runs(para.zh, atts, order):
        pos += len(run.text)
        body = markup(text(run.text))
        if run.grade is None:
            out.append(html('<span class="oe-rec">{}</span>', body))
        else:
            if group and run.sigla != group:
                flush()
            out.append(html('<span class="oe-att oe-att-{}">{}</span>', run.grade.lower(), body))
            group, after = run.sigla, len(out)
        while pending and pending[0][0] <= pos:
            _, k, var = pending.pop(0)
            flush()
            out.append(html('<a class="oe-var-ref" href="#{}" title="{}">‡</a>',
                            var_id(var, k), t(lang, "variant.ref")))
    flush()
    return join_html(out)


def variant_notes(page: Page, para: Paragraph, register: dict[str, Witness], lang: str,
                  href: Callable[[str], str], var_id: Callable[[Variant, int], str]) -> HTML:
    """Apparatus notes under a paragraph: lemma ] witnesses; other reading witnesses. Why."""
    variants = page.apparatus.variants_for(para.id)
    if not variants:
        return HTML()
    items = []
    for k, var in enumerate(variants):
        readings = []
        for r in var.readings:
            mark = " ]" if r.text == var.text else ""
            witnesses = join_html((html('<a href="{}">{}</a>', href(s), s) for s in r.witnesses), " ")
            readings.append(html('<span class="oe-app-reading" lang="zh-Hans">{}</span>{} {}', r.text, mark, witnesses))
        items.append(html('<li id="{}">{}{}<span class="oe-app-choice">{}</span></li>', var_id(var, k),
                          join_html(readings, text(t(lang, "sep.items"))), t(lang, "sep.stop"), var.choice[lang]))
    return html('<div class="oe-app" role="note" data-search-exclude><p class="oe-app-title">{}</p><ul>{}</ul></div>',
                t(lang, "variant.title"), join_html(items))


def legend(lang: str, register_href: str) -> HTML:
    """The short key shown above the text of every measure page."""
    register = html('<a href="{}">{}</a>', register_href, t(lang, "legend.register"))
    return html(
        '<p class="oe-legend" data-search-exclude><span class="oe-legend-title">{title}</span> '
        '<span class="oe-att oe-att-a" lang="zh-Hans">{sample}</span>A {a} · '
        '<span class="oe-att oe-att-b" lang="zh-Hans">{sample}</span>B {b} · '
        '<span class="oe-att oe-att-c" lang="zh-Hans">{sample}</span>C {c} · '
        '<span class="oe-rec" lang="zh-Hans">{sample}</span> {rec} · '
        '<span class="oe-gap" lang="zh-Hans">［……］</span> {gap}{stop}'
        '{sigla}</p>',
        title=t(lang, "legend.title"), sample="知识产权", a=t(lang, "legend.a"), b=t(lang, "legend.b"),
        c=t(lang, "legend.c"), rec=t(lang, "legend.rec"), gap=t(lang, "legend.gap"),
        stop="。" if lang == "zh" else ". ", sigla=t_html(lang, "legend.sigla", register=register),
    )


def heading_line(page: Page, lang: str) -> str:
    """What the number and heading rest on, as a sentence for the source banner."""
    status = page.heading_status
    if status is None:
        return ""
    if status == "attested":
        first = page.paragraphs[0].id if page.paragraphs else ""
        sigla = sorted({s for a in page.apparatus.for_para(first) if page.title["zh"] in a.text for s in a.witnesses})
        return t(lang, "heading.attested", sigla=_list(lang, sigla))
    if status == "reported":
        return t(lang, "heading.reported", sigla=_list(lang, page.apparatus.heading_witnesses))
    return t(lang, "heading.conjecture")


def _list(lang: str, items) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def status_badge(page: Page, lang: str) -> HTML:
    """The pill beside a measure's H1 when its heading is not attested."""
    status = page.heading_status
    if status not in ("conjecture", "reported"):
        return HTML()
    return html('<span class="oe-hstatus oe-hstatus-{}" title="{}">{}</span>',
                status, t(lang, "status.badge.title." + status), t(lang, "status.badge." + status))


def register_page(edition: Edition, lang: str, page_href: Callable[[int], str]) -> HTML:
    """The register of witnesses (the witnesses page in both interfaces, and the print appendix)."""
    cited: dict[str, list[int]] = {s: [] for s in edition.witnesses}
    for page in edition.corpus.ordered():
        used = {s for atts in page.apparatus.attestations.values() for a in atts for s in a.witnesses}
        used |= set(page.apparatus.heading_witnesses)
        used |= {s for v in page.apparatus.variants for r in v.readings for s in r.witnesses}
        for s in used:
            cited.setdefault(s, []).append(page.number)
    from .i18n import measure_label  # kept local: this page alone needs labels of many measures
    out = [html('<p class="oe-intro">{}</p>', t(lang, "witnesses.intro")),
           html('<p class="oe-intro">{}</p>', t(lang, "witnesses.share", pct=pct(edition.attested_share()))), ""]
    for w in edition.witnesses.values():
        # i18n's join returns str; what it joins here is links, markup
        pages = HTML(join(lang, [html('<a href="{}">{}</a>', page_href(n), measure_label(lang, n))
                                 for n in sorted(cited.get(w.siglum, []))]))
        covers = w.covers[lang] + (("。" if lang == "zh" else ". ") + w.note[lang] if w.note else "")
        address = (html('<a href="{0}" rel="nofollow noopener"><span class="oe-url">{0}</span></a>', w.address)
                   if w.address else "—")
        rows = [
            (t(lang, "witnesses.kind"), t(lang, "kind." + w.kind)),
            (t(lang, "witnesses.grade"), t(lang, "grade." + w.grade)),
            (t(lang, "witnesses.date"), w.date or t(lang, "witnesses.undated")),
            (t(lang, "witnesses.publisher"), w.publisher[lang]),
            (t(lang, "witnesses.covers"), covers),
            (t(lang, "witnesses.address"), address),
            (t(lang, "witnesses.cited"), pages or "—"),
        ]
        # the colon is heard and copied, not seen: the grid sets label and value apart on screen
        colon = html('<span class="oe-sr">{}</span>', t(lang, "colon"))
        body = join_html(html("<dt>{}{}</dt><dd>{}</dd>", k, colon, v) for k, v in rows)
        head = html('<p class="oe-witness-head"><span class="oe-siglum">{}</span> {}</p>', w.siglum, w.publisher[lang])
        out += [html('<div class="oe-witness" id="{}">{}<dl>{}</dl></div>', witness_anchor(w.siglum), head, body), ""]
    return join_html(out, "\n")
