"""What a commentary shows a reader who relies on it: who wrote it, who reviewed it, how to cite it, how it changed.

measure.py asks a `Citable` for each commentary on a page:
- `attrs`: data attributes of the commentary's container, from which edition.js
  adds a link and a cite control beside every margin number (without JavaScript
  the N itself is the permalink);
- `before`: the byline (status, authors, reviewers, version), shown plainly;
- `after`: the citation box (English legal style and GB/T 7714, each with a copy
  control; BibTeX and CSL-JSON links) and the history of substantive changes;
- `closing`: in the print view, the citations and statuses that end each measure.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from ..edition import Edition
from ..edition.page import Page
from ..edition.paths import BIBTEX, CSL_JSON
from ..markup import HTML, html, join
from .citation import LANGS, STYLES, Commentary, cite, commentary
from .head import HREFLANG as TAGS  # the HTML lang of each language
from .i18n import document_date, person, t

#: What edition.js replaces with the day of access: '1 December 2026' (legal), '2026-12-01' (GB/T).
ACCESSED = {"legal": "{accessed}", "gbt": "{accessed_iso}"}


@dataclass(frozen=True)
class CiteSetting:
    """What citations need from the build: the edition's name in each interface, the site's
    address (None when unknown), the repository's (for commit links) and the edition's stamp."""

    names: dict[str, str]
    site_url: str | None = None
    repo: str | None = None
    stamp: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Citable:
    """A page's commentaries as one interface shows them."""

    setting: CiteSetting
    lang: str  # the interface
    records: dict[str, Commentary]
    page_url: str = ""  # the page's address relative to the site root ('' in the print view)
    print_view: bool = False

    # --- the pieces measure.py places ---------------------------------------------------------

    def attrs(self, which: str) -> HTML:
        """Data attributes for the margin-number controls of the commentary in `which`."""
        c = self.records.get(which)
        if c is None or self.print_view:
            return HTML()
        words = {key: t(self.lang, "ntools." + key, n="{n}") for key in
                 ("link", "link.label", "cite", "cite.label", "copy", "copy.label", "done.link", "done.cite")}
        template = self._style(c, "{url}", n="{n}", template=True)
        return html(' data-oe-home="{}" data-oe-cite-n="{}" data-oe-words="{}"',
                    self._href(c, None), template, json.dumps(words, ensure_ascii=False))

    def before(self, which: str) -> HTML:
        c = self.records.get(which)
        return html("{}\n\n", byline(c, self.lang)) if c is not None else HTML()

    def after(self, which: str) -> HTML:
        c = self.records.get(which)
        if c is None or self.print_view:
            return HTML()
        return html("\n\n{}\n\n{}", self.citebox(c), history(c, self.lang))

    def closing(self) -> HTML:
        """The print view's last block of a measure: each commentary's citation, which states its status
        (the byline above each commentary names its authors and reviewers)."""
        if not self.print_view or not self.records:
            return HTML()
        items = []
        for which in LANGS:
            c = self.records.get(which)
            if c is None:
                continue
            address = c.address(self.setting.site_url)
            lang_tag = TAGS[which] if self.lang == "zh" else "en"  # GB/T in the commentary's language
            items.append(html('<li><strong>{}</strong>{}<span class="oe-citation-text" lang="{}">{}</span></li>',
                              t(self.lang, "print.cite." + which), t(self.lang, "colon"), lang_tag,
                              self._style(c, address)))
        return html('<div class="oe-print-cite" lang="{}" data-search-exclude>'
                    '<p class="oe-links-title">{}</p><ul>{}</ul></div>',
                    TAGS[self.lang], t(self.lang, "print.cite"), join(items))

    def citebox(self, c: Commentary) -> HTML:
        """Both citation styles of one commentary, each with its template for the copy control."""
        names = self.setting.names
        href, shown = self._href(c, c.fragment), c.address(self.setting.site_url)
        rows = []
        for style in STYLES:
            tag = TAGS[c.lang] if style == "gbt" else "en"  # GB/T describes a work in its own language
            template = cite(c, style, names, "{url}", accessed=ACCESSED[style])
            rows.append(html('<dt>{}</dt>\n'
                             '<dd><p class="oe-citation oe-citation-{}" lang="{}" data-oe-cite="{}" data-oe-href="{}">'
                             '<span class="oe-citation-text">{}</span></p></dd>',
                             t(self.lang, "citebox." + style), style, tag, template, href,
                             cite(c, style, names, shown)))
        # Markdown links, so the strict build checks them: relative to docs/measures/NN.md
        export = html("{} [BibTeX](../{}) · [CSL-JSON](../{})", t(self.lang, "citebox.export"), BIBTEX, CSL_JSON)
        return html('<div class="oe-citebox" lang="{}" data-search-exclude markdown="1">\n'
                    '<p class="oe-links-title">{}</p>\n'
                    '<dl class="oe-citations">\n{}\n</dl>\n'
                    '<p class="oe-citebox-n">{}</p>\n\n'
                    "{}\n{{: .oe-citebox-export }}\n\n</div>",
                    TAGS[self.lang], t(self.lang, "citebox.title"), join(rows, "\n"), t(self.lang, "citebox.n"), export)

    # --- helpers ------------------------------------------------------------------------------

    def _style(self, c: Commentary, address: str, n: str | None = None, template: bool = False) -> str:
        """The interface's own style: English legal style in English, GB/T 7714 in Chinese; as a
        template for edition.js, with the access date left to fill in."""
        style = "gbt" if self.lang == "zh" else "legal"
        return cite(c, style, self.setting.names, address, n=n, accessed=ACCESSED[style] if template else None)

    def _href(self, c: Commentary, fragment: str | None) -> str:
        """The commentary's address as this page links it: absolute when the site's address is
        known, else relative to this page (edition.js makes it absolute)."""
        tail = f"#{fragment}" if fragment else ""
        if self.setting.site_url:
            return self.setting.site_url.rstrip("/") + "/" + c.home + tail
        rel = get_relative_url(c.home, self.page_url or ".")
        return (rel if rel.endswith("/") else rel + "/") + tail


def citable(edition: Edition, page: Page, lang: str, setting: CiteSetting, page_url: str = "",
            print_view: bool = False) -> Citable:
    """The page's commentaries, with what each needs to be cited, for interface `lang`."""
    records = {}
    for which in LANGS:
        found = commentary(edition, page, which, setting.stamp)
        if found is not None:
            records[which] = found
    return Citable(setting, lang, records, page_url, print_view)


def _status(c: Commentary, lang: str) -> str:
    return t(lang, "review.status." + c.review.status) if c.review else ""


def _status_class(c: Commentary) -> str:
    return c.review.status.replace(" ", "-") if c.review else "none"


def _people(people: tuple, lang: str) -> str:
    return t(lang, "cite.and").join(t(lang, "byline.person", name=person(lang, p.name),
                                      date=document_date(lang, p.date)) for p in people)


def byline(c: Commentary, lang: str) -> HTML:
    """Status, authors, reviewers and version, plainly, above the commentary."""
    review = c.review
    rows: list[tuple[str, str]] = []  # each value text, or HTML
    if review is not None:
        open_, close = ("（", "）") if lang == "zh" else (" (", ")")
        status = html('<span class="oe-review oe-review-{}" title="{}">{}</span>{}{}{}',
                      _status_class(c), t(lang, "review.status.title." + review.status), _status(c, lang),
                      open_, document_date(lang, review.date), close)
        rows.append(("status", status))
        rows.append(("authors", _people(review.authors, lang)))
        rows.append(("reviewers", _people(review.reviewers, lang) or t(lang, "byline.unreviewed")))
    version = c.version
    when = document_date(lang, version["date"]) if version["date"] != "unknown" else version["date"]
    rows.append(("version", html('<span title="{}">{}</span>', t(lang, "byline.version.title"),
                                 t(lang, "byline.version.value", date=when, commit=version["commit"]))))
    items = join(html("<div><dt>{}</dt><dd>{}</dd></div>", t(lang, "byline." + key), value) for key, value in rows)
    return html('<dl class="oe-byline" lang="{}" aria-label="{}" data-search-exclude>{}</dl>',
                TAGS[lang], t(lang, "byline.label"), items)


def history(c: Commentary, lang: str) -> HTML:
    """The substantive changes to the commentary, newest first, one click away: what its editors
    recorded for readers (`changes:` in the front matter), in the interface's language."""
    changes = c.review.changes if c.review is not None else ()
    if not changes:
        return html('<p class="oe-history oe-history-none" lang="{}" data-search-exclude>{}</p>',
                    TAGS[lang], t(lang, "history.none"))
    last = document_date(lang, changes[0].date)
    summary = (t(lang, "history.summary.one", date=last) if len(changes) == 1
               else t(lang, "history.summary", n=len(changes), date=last))
    items = []
    for change in changes:
        who = t(lang, "cite.and").join(person(lang, name) for name in change.by)
        items.append(html('<li><time datetime="{}">{}</time>'
                          ' · <span class="oe-history-author">{}</span>'
                          ' · <span class="oe-history-summary">{}</span></li>',
                          change.date, document_date(lang, change.date), who, change.summary[lang]))
    return html('<details class="oe-history" lang="{}" data-search-exclude><summary>{}</summary>\n'
                '<p class="oe-history-note">{}</p>\n'
                '<ol class="oe-history-list">{}</ol>\n</details>',
                TAGS[lang], summary, t(lang, "history.note"), join(items))
