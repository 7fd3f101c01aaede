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
from html import escape

from mkdocs.utils import get_relative_url

from ..edition import Edition
from ..edition.page import Page
from ..edition.paths import BIBTEX, CSL_JSON
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

    def attrs(self, which: str) -> str:
        """Data attributes for the margin-number controls of the commentary in `which`."""
        c = self.records.get(which)
        if c is None or self.print_view:
            return ""
        words = {key: t(self.lang, "ntools." + key, n="{n}") for key in
                 ("link", "link.label", "cite", "cite.label", "copy", "copy.label", "done.link", "done.cite")}
        template = self._style(c, "{url}", n="{n}", template=True)
        return (f' data-oe-home="{escape(self._href(c, None))}" data-oe-cite-n="{escape(template)}"'
                f" data-oe-words=\"{escape(json.dumps(words, ensure_ascii=False))}\"")

    def before(self, which: str) -> str:
        c = self.records.get(which)
        return byline(c, self.lang) + "\n\n" if c is not None else ""

    def after(self, which: str) -> str:
        c = self.records.get(which)
        if c is None or self.print_view:
            return ""
        return "\n\n" + self.citebox(c) + "\n\n" + history(c, self.lang, self.setting.repo)

    def closing(self) -> str:
        """The print view's last block of a measure: each commentary's citation, which states its status
        (the byline above each commentary names its authors and reviewers)."""
        if not self.print_view or not self.records:
            return ""
        items = []
        for which in LANGS:
            c = self.records.get(which)
            if c is None:
                continue
            address = c.address(self.setting.site_url)
            lang_tag = TAGS[which] if self.lang == "zh" else "en"  # GB/T in the commentary's language
            items.append(f'<li><strong>{escape(t(self.lang, "print.cite." + which))}</strong>{t(self.lang, "colon")}'
                         f'<span class="oe-citation-text" lang="{lang_tag}">{escape(self._style(c, address))}</span></li>')
        return (f'<div class="oe-print-cite" lang="{TAGS[self.lang]}" data-search-exclude><p class="oe-links-title">'
                f'{escape(t(self.lang, "print.cite"))}</p><ul>{"".join(items)}</ul></div>')

    def citebox(self, c: Commentary) -> str:
        """Both citation styles of one commentary, each with its template for the copy control."""
        names = self.setting.names
        href, shown = self._href(c, c.fragment), c.address(self.setting.site_url)
        rows = []
        for style in STYLES:
            tag = TAGS[c.lang] if style == "gbt" else "en"  # GB/T describes a work in its own language
            template = cite(c, style, names, "{url}", accessed=ACCESSED[style])
            rows.append(f'<dt>{escape(t(self.lang, "citebox." + style))}</dt>\n'
                        f'<dd><p class="oe-citation oe-citation-{style}" lang="{tag}" data-oe-cite="{escape(template)}" '
                        f'data-oe-href="{escape(href)}"><span class="oe-citation-text">'
                        f'{escape(cite(c, style, names, shown))}</span></p></dd>')
        # Markdown links, so the strict build checks them: relative to docs/measures/NN.md
        export = (f'{escape(t(self.lang, "citebox.export"))} [BibTeX](../{BIBTEX}) · '
                  f'[CSL-JSON](../{CSL_JSON})')
        return (f'<div class="oe-citebox" lang="{TAGS[self.lang]}" data-search-exclude markdown="1">\n'
                f'<p class="oe-links-title">{escape(t(self.lang, "citebox.title"))}</p>\n'
                f'<dl class="oe-citations">\n' + "\n".join(rows) + "\n</dl>\n"
                f'<p class="oe-citebox-n">{escape(t(self.lang, "citebox.n"))}</p>\n\n'
                f"{export}\n{{: .oe-citebox-export }}\n\n</div>")

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
    return escape(t(lang, "cite.and").join(t(lang, "byline.person", name=person(lang, p.name), date=document_date(lang, p.date))
                                         for p in people))


def byline(c: Commentary, lang: str) -> str:
    """Status, authors, reviewers and version, plainly, above the commentary."""
    review = c.review
    rows = []
    if review is not None:
        open_, close = ("（", "）") if lang == "zh" else (" (", ")")
        status = (f'<span class="oe-review oe-review-{_status_class(c)}" '
                  f'title="{escape(t(lang, "review.status.title." + review.status))}">{escape(_status(c, lang))}</span>'
                  f'{open_}{escape(document_date(lang, review.date))}{close}')
        rows.append(("status", status))
        rows.append(("authors", _people(review.authors, lang)))
        rows.append(("reviewers", _people(review.reviewers, lang)
                     or escape(t(lang, "byline.unreviewed"))))
    version = c.version
    when = document_date(lang, version["date"]) if version["date"] != "unknown" else version["date"]
    rows.append(("version", f'<span title="{escape(t(lang, "byline.version.title"))}">'
                 f'{escape(t(lang, "byline.version.value", date=when, commit=version["commit"]))}</span>'))
    items = "".join(f'<div><dt>{escape(t(lang, "byline." + key))}</dt><dd>{value}</dd></div>' for key, value in rows)
    return (f'<dl class="oe-byline" lang="{TAGS[lang]}" aria-label="{escape(t(lang, "byline.label"))}" data-search-exclude>'
            f"{items}</dl>")


def history(c: Commentary, lang: str, repo: str | None) -> str:
    """The substantive changes to the commentary, newest first, one click away: what its editors
    recorded for readers (`changes:` in the front matter), in the interface's language."""
    changes = c.review.changes if c.review is not None else ()
    if not changes:
        return f'<p class="oe-history oe-history-none" lang="{TAGS[lang]}" data-search-exclude>{escape(t(lang, "history.none"))}</p>'
    last = document_date(lang, changes[0].date)
    summary = (t(lang, "history.summary.one", date=last) if len(changes) == 1
               else t(lang, "history.summary", n=len(changes), date=last))
    items = []
    for change in changes:
        who = escape(t(lang, "cite.and").join(person(lang, name) for name in change.by))
        items.append(f'<li><time datetime="{escape(change.date)}">{escape(document_date(lang, change.date))}</time>'
                     f' · <span class="oe-history-author">{who}</span>'
                     f' · <span class="oe-history-summary">{escape(change.summary[lang])}</span></li>')
    return (f'<details class="oe-history" lang="{TAGS[lang]}" data-search-exclude><summary>{escape(summary)}</summary>\n'
            f'<p class="oe-history-note">{escape(t(lang, "history.note"))}</p>\n'
            f'<ol class="oe-history-list">{"".join(items)}</ol>\n</details>')
