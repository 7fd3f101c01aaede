"""The critical apparatus on the page: attested spans, sigla, variant notes, legend, register.

The content model (scripts/edition/apparatus.py) says which words a witness
attests; this module shows it. Attested wording is underlined by grade (solid A,
dashed B, dotted C) and followed by the sigla of its witnesses, each a link to
the register; wording no witness attests is set in a lighter tone as the
editors' reconstruction. Underline styles survive printing in black and white.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from ..edition import Edition
from ..edition.apparatus import Variant, runs
from ..edition.page import Page, Paragraph
from ..edition.witnesses import Witness
from .i18n import join, t

# Turns escaped Chinese text into HTML (the glossary marks its terms this way).
Markup = Callable[[str], str]


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


def sigla_html(sigla: tuple[str, ...], register: dict[str, Witness], lang: str, href: Callable[[str], str]) -> str:
    """One link for a group of sigla ('R1–3'), to the register at the first: a target large
    enough to tap, named in full for screen readers and, on a desk, in a tooltip."""
    titles = []
    for s in sigla:
        w = register.get(s)
        titles.append(t(lang, "sig.title", siglum=s, publisher=w.publisher[lang] if w else "?",
                        grade=t(lang, "grade." + w.grade) if w else "?"))
    title = t(lang, "sep.items").join(titles)
    return (f'<a class="oe-sig" href="{escape(href(sigla[0]))}" title="{escape(title)}" '
            f'aria-label="{escape(title)}">{escape(compact(sigla))}</a>')


def apparatus_zh(page: Page, para: Paragraph, register: dict[str, Witness], lang: str,
                 markup: Markup, href: Callable[[str], str], var_id: Callable[[Variant, int], str]) -> str:
    """The paragraph's Chinese as HTML: runs by grade, and the sigla once after each run of
    attested spans from the same witnesses (reconstructed words between them do not break the
    run), and a variant mark after the edition's reading of each variant."""
    atts = page.apparatus.for_para(para.id)
    variants = page.apparatus.variants_for(para.id)
    order = list(register)
    out: list[str] = []
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
        body = markup(escape(run.text))
        if run.grade is None:
            out.append(f'<span class="oe-rec">{body}</span>')
        else:
            if group and run.sigla != group:
                flush()
            out.append(f'<span class="oe-att oe-att-{run.grade.lower()}">{body}</span>')
            group, after = run.sigla, len(out)
        while pending and pending[0][0] <= pos:
            _, k, var = pending.pop(0)
            flush()
            out.append(f'<a class="oe-var-ref" href="#{var_id(var, k)}" title="{escape(t(lang, "variant.ref"))}">'
                       "‡</a>")
    flush()
    return "".join(out)


def variant_notes(page: Page, para: Paragraph, register: dict[str, Witness], lang: str,
                  href: Callable[[str], str], var_id: Callable[[Variant, int], str]) -> str:
    """Apparatus notes under a paragraph: lemma ] witnesses; other reading witnesses. Why."""
    variants = page.apparatus.variants_for(para.id)
    if not variants:
        return ""
    items = []
    for k, var in enumerate(variants):
        readings = []
        for r in var.readings:
            mark = " ]" if r.text == var.text else ""
            readings.append(f'<span class="oe-app-reading" lang="zh-Hans">{escape(r.text)}</span>{mark} '
                            + " ".join(f'<a href="{escape(href(s))}">{escape(s)}</a>' for s in r.witnesses))
        items.append(f'<li id="{var_id(var, k)}">{t(lang, "sep.items").join(readings)}{t(lang, "sep.stop")}'
                     f'<span class="oe-app-choice">{escape(var.choice[lang])}</span></li>')
    return (f'<div class="oe-app" role="note" data-search-exclude><p class="oe-app-title">'
            f'{escape(t(lang, "variant.title"))}</p><ul>{"".join(items)}</ul></div>')


def legend(lang: str, register_href: str) -> str:
    """The short key shown above the text of every measure page."""
    register = f'<a href="{escape(register_href)}">{escape(t(lang, "legend.register"))}</a>'
    sample = "知识产权"
    return (
        f'<p class="oe-legend" data-search-exclude><span class="oe-legend-title">{escape(t(lang, "legend.title"))}</span> '
        f'<span class="oe-att oe-att-a" lang="zh-Hans">{sample}</span>A {escape(t(lang, "legend.a"))} · '
        f'<span class="oe-att oe-att-b" lang="zh-Hans">{sample}</span>B {escape(t(lang, "legend.b"))} · '
        f'<span class="oe-att oe-att-c" lang="zh-Hans">{sample}</span>C {escape(t(lang, "legend.c"))} · '
        f'<span class="oe-rec" lang="zh-Hans">{sample}</span> {escape(t(lang, "legend.rec"))} · '
        f'<span class="oe-gap" lang="zh-Hans">［……］</span> {escape(t(lang, "legend.gap"))}{"。" if lang == "zh" else ". "}'
        f'{t(lang, "legend.sigla", register=register)}</p>'
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


def status_badge(page: Page, lang: str) -> str:
    """The pill beside a measure's H1 when its heading is not attested."""
    status = page.heading_status
    if status not in ("conjecture", "reported"):
        return ""
    return (f'<span class="oe-hstatus oe-hstatus-{status}" title="{escape(t(lang, "status.badge.title." + status))}">'
            f'{escape(t(lang, "status.badge." + status))}</span>')


def register_page(edition: Edition, lang: str, page_href: Callable[[int], str]) -> str:
    """The register of witnesses (the witnesses page in both interfaces, and the print appendix)."""
    cited: dict[str, list[int]] = {s: [] for s in edition.witnesses}
    for page in edition.corpus.ordered():
        used = {s for atts in page.apparatus.attestations.values() for a in atts for s in a.witnesses}
        used |= set(page.apparatus.heading_witnesses)
        used |= {s for v in page.apparatus.variants for r in v.readings for s in r.witnesses}
        for s in used:
            cited.setdefault(s, []).append(page.number)
    from .i18n import measure_label  # kept local: this page alone needs labels of many measures
    out = [f'<p class="oe-intro">{escape(t(lang, "witnesses.intro"))}</p>',
           f'<p class="oe-intro">{escape(t(lang, "witnesses.share", pct=pct(edition.attested_share())))}</p>', ""]
    for w in edition.witnesses.values():
        pages = join(lang, [f'<a href="{escape(page_href(n))}">{escape(measure_label(lang, n))}</a>'
                            for n in sorted(cited.get(w.siglum, []))])
        rows = [
            (t(lang, "witnesses.kind"), escape(t(lang, "kind." + w.kind))),
            (t(lang, "witnesses.grade"), escape(t(lang, "grade." + w.grade))),
            (t(lang, "witnesses.date"), escape(w.date or t(lang, "witnesses.undated"))),
            (t(lang, "witnesses.publisher"), escape(w.publisher[lang])),
            (t(lang, "witnesses.covers"), escape(w.covers[lang])
             + (("。" if lang == "zh" else ". ") + escape(w.note[lang]) if w.note else "")),
            (t(lang, "witnesses.address"), f'<a href="{escape(w.address)}" rel="nofollow noopener">'
                                            f'<span class="oe-url">{escape(w.address)}</span></a>'
                                            if w.address else "—"),
            (t(lang, "witnesses.cited"), pages or "—"),
        ]
        # the colon is heard and copied, not seen: the grid sets label and value apart on screen
        colon = f'<span class="oe-sr">{escape(t(lang, "colon"))}</span>'
        body = "".join(f"<dt>{escape(k)}{colon}</dt><dd>{v}</dd>" for k, v in rows)
        out += [f'<div class="oe-witness" id="{witness_anchor(w.siglum)}">'
                f'<p class="oe-witness-head"><span class="oe-siglum">{escape(w.siglum)}</span> '
                f'{escape(w.publisher[lang])}</p><dl>{body}</dl></div>', ""]
    return "\n".join(out)
