"""How a commentary is cited: its title, version, address, and the two citation styles.

A commentary is one page's commentary in one language. It is cited by its
authors (the page's `commentary:` front matter), a title that never passes off a
conjectural measure number as the document's (only a heading that a witness
attests keeps "Measure 1"; every other title quotes the heading with its status
mark and says "no. 8 in this edition's conjectural outline"), the edition's
name, and its version: the date and short commit of the last substantive change
to that commentary from git, not the date of the build, so the same commit
always gives the same citation. Where the history cannot be read (no git),
the edition's own stamp stands in.

- `legal`: English legal style (the edition's paragraph citations use it too);
- `gbt`: GB/T 7714-2015 [EB/OL], described in the commentary's own language.

Both take an optional margin number and an optional access date; with neither,
the citation is the one the data exports carry (reproducible, no clock).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..edition import Edition
from ..edition.authorship import Review
from ..edition.history import Change, history_of
from ..edition.page import Page
from ..edition.paths import LANGS, measure_key, url
from ..edition.reference import Reference
from ..settings import WORK_ID
from .i18n import en_date, measure_label, person, t


@dataclass(frozen=True)
class Commentary:
    """One page's commentary in one language, as it is cited."""

    page: Page
    lang: str  # the language the commentary is written in
    review: Review | None
    history: list[Change] = field(default_factory=list)
    stamp: dict[str, str] = field(default_factory=dict)  # the edition's date and commit: the fallback version

    @property
    def version(self) -> dict[str, str]:
        """{'date', 'commit'} of the last substantive change: the date its history records (else
        git's), the commit git names (else the edition's stamp)."""
        recorded = self.review.last_change if self.review is not None else None
        if self.history:
            return {"date": recorded or self.history[0].date, "commit": self.history[0].commit}
        return {"date": recorded or self.stamp.get("date", "unknown"), "commit": self.stamp.get("commit", "unknown")}

    @property
    def home(self) -> str:
        """The page the commentary is first shown on, relative to the site root: the English
        commentary's is the English interface's page, the Chinese one's the Chinese interface's."""
        return ("zh/" if self.lang == "zh" else "") + url(self.page.number)

    @property
    def fragment(self) -> str:
        """The id of the commentary on its page (the same in both interfaces)."""
        return "commentary-zh" if self.lang == "zh" else "commentary"

    def address(self, site_url: str | None, fragment: str | None = None) -> str:
        """Its URL: absolute when the site's address is known, else relative to the site root."""
        base = (site_url.rstrip("/") + "/") if site_url else ""
        return f"{base}{self.home}#{fragment or self.fragment}"

    @property
    def key(self) -> str:
        """A stable citation key: 'spp-ip-opinions-2022-m08-commentary-en'."""
        return f"{WORK_ID}-{measure_key(self.page.number)}-commentary-{self.lang}"


def commentary(edition: Edition, page: Page, lang: str, stamp: dict[str, str]) -> Commentary | None:
    """The page's commentary in `lang`, or None when it has none."""
    if not page.commentary_in(lang).strip():
        return None
    changes = history_of(edition.history.get(page.number, []), lang)
    return Commentary(page, lang, page.review(lang), changes, dict(stamp))


def commentaries(edition: Edition, stamp: dict[str, str]) -> list[Commentary]:
    """Every commentary of the edition, in document order, English before Chinese."""
    out = []
    for page in edition.corpus.ordered():
        for lang in LANGS:
            found = commentary(edition, page, lang, stamp)
            if found is not None:
                out.append(found)
    return out


# --- the parts of a citation ------------------------------------------------------------------

def title(c: Commentary, lang: str) -> str:
    """The commentary's title in `lang`: 'Commentary on Measure 1: Guiding ideology', or for a
    heading no witness attests as a numbered heading, 'Commentary on ‘Strengthening …’ [reported]
    (no. 8 in this edition’s conjectural outline)'."""
    page = c.page
    if page.is_preamble:
        return t(lang, "cite.title.preamble")
    status = page.heading_status
    if status == "attested":
        heading = measure_label(lang, page.number) + ("" if lang == "zh" else ": ") + page.title[lang]
        return t(lang, "cite.title.measure", title=heading)
    heading = t(lang, "cite.title.quoted", title=page.title[lang])
    if status in ("conjecture", "reported"):
        heading += ("" if lang == "zh" else " ") + t(lang, "status.mark." + status)
    outline = t(lang, "cite.outline", n=page.number if lang == "en" else measure_label("zh", page.number))
    core = t(lang, "cite.title.measure", title=heading)
    return f"{core}（{outline}）" if lang == "zh" else f"{core} ({outline})"


def authors(c: Commentary, lang: str, limit: int | None = None) -> str:
    """'A', 'A and B', 'A, B and C'; with `limit`, the first `limit` names and 'et al' (GB/T)."""
    names = [person(lang, p.name) for p in c.review.authors] if c.review else []
    if not names:
        return ""
    if limit is not None:
        shown = names[:limit]
        sep = "，" if lang == "zh" else ", "
        return sep.join(shown) + (sep + t(lang, "cite.etal") if len(names) > limit else "")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + t("en", "cite.and") + names[-1]


def status_label(c: Commentary, lang: str) -> str:
    return t(lang, "review.status." + c.review.status) if c.review else ""


def legal(c: Commentary, edition_name: str, address: str, n: int | str | None = None,
          accessed: str | None = None) -> str:
    """English legal style: Authors, “Title” in Edition (status; version of D, commit C), N 3 <URL> accessed D.

    A Chinese commentary keeps its Chinese title, followed by its English title in brackets."""
    name = title(c, c.lang)
    if c.lang == "zh":
        language = t("en", "cite.language.zh")
        name = f"{name} [{title(c, 'en')}, {t('en', 'cite.written_in', language=language)}]"
    else:
        name = f"\u201c{name}\u201d"
    version = c.version
    when = en_date(version["date"]) if version["date"] != "unknown" else version["date"]
    status = f"{status_label(c, 'en')}; " if c.review else ""
    text = f"{authors(c, 'en')}, {name} in {edition_name} ({status}{t('en', 'cite.version', date=when, commit=version['commit'])})"
    if n is not None:
        text += f", {t('en', 'cite.n', n=n)}"
    text += f" <{address}>"
    if accessed is not None:
        text += f" {t('en', 'cite.accessed', date=accessed)}"
    return text + "."


def gbt(c: Commentary, edition_name: str, address: str, n: int | str | None = None,
        accessed: str | None = None) -> str:
    """GB/T 7714-2015, electronic resource, in the commentary's own language:
    Authors. Title, N 3 (status)[EB/OL]//Edition (commit C). (version date)[access date]. URL."""
    lang = c.lang
    comma, (open_, close) = ("，", ("（", "）")) if lang == "zh" else (", ", (" (", ")"))
    text = f"{authors(c, lang, limit=3)}. {title(c, lang)}"
    if n is not None:
        text += comma + t(lang, "cite.n", n=n)
    if c.review:
        text += f"{open_}{status_label(c, lang)}{close}"
    version = c.version
    text += f"[EB/OL]//{edition_name}{open_}{t(lang, 'cite.commit', commit=version['commit'])}{close}. ({version['date']})"
    if accessed is not None:
        text += f"[{accessed}]"
    return text + f". {address}."


STYLES = ("legal", "gbt")


def cite(c: Commentary, style: str, names: dict[str, str], address: str, n: int | str | None = None,
         accessed: str | None = None) -> str:
    """`c` in one style ('legal' or 'gbt') with the edition's name that style uses: the English
    name in the legal style, the name in the commentary's own language in GB/T 7714."""
    if style == "gbt":
        return gbt(c, names.get(c.lang, names["en"]), address, n=n, accessed=accessed)
    return legal(c, names["en"], address, n=n, accessed=accessed)


def review_note(c: Commentary, lang: str) -> str:
    """'Status: revised after review (2026-12-01); Reviewers: Independent fact audit (2026-12-07)'
    in `lang`, for the reference managers' note field."""
    if c.review is None:
        return ""
    colon = t(lang, "colon")
    sep, (open_, close) = ("；", ("（", "）")) if lang == "zh" else ("; ", (" (", ")"))
    parts = [f"{t(lang, 'byline.status')}{colon}{status_label(c, lang)}{open_}{c.review.date}{close}"]
    if c.review.reviewers:
        people = t(lang, "cite.and").join(f"{p.name}{open_}{p.date}{close}" for p in c.review.reviewers)
        parts.append(f"{t(lang, 'byline.reviewers')}{colon}{people}")
    return sep.join(parts)


def references(edition: Edition, names: dict[str, str], site_url: str | None,
               stamp: dict[str, str]) -> list[Reference]:
    """Every commentary as the exports write it: the citations exactly as the pages show them,
    without an access date."""
    out = []
    for c in commentaries(edition, stamp):
        address = c.address(site_url)
        out.append(Reference(
            key=c.key, number=c.page.number, lang=c.lang,
            authors=tuple(p.name for p in c.review.authors) if c.review else (),
            title=title(c, c.lang), container=names.get(c.lang, names["en"]), version=c.version, url=address,
            note=review_note(c, c.lang),
            styles={"legal": cite(c, "legal", names, address), "gbt7714": cite(c, "gbt", names, address)},
            review=c.review))
    return out
