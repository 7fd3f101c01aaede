"""The page footer: when the page last changed, and links to edit it, to its history and to an issue.

overrides/main.html renders it from page.meta["oe_footer"]. The links point at the
file that really holds the text: static-i18n would give fallback pages of the Chinese
interface an edit link to a `page.zh.md` that does not exist, measure pages are one
file for both interfaces, and generated pages (glossary, laws) are edited in data/
(their front matter says so in `edit_source`).
"""
from __future__ import annotations

from urllib.parse import quote

from ..edition.paths import MEASURES
from ..settings import ISSUE_TEMPLATE_MEASURE, ISSUE_TEMPLATE_PAGE
from .i18n import t

LABELS = ("changed", "history", "edit", "suggest")


def branch_of(edit_uri: str) -> str:
    """'edit/main/docs/' -> 'main'."""
    parts = edit_uri.strip("/").split("/")
    return parts[1] if len(parts) > 1 else "main"


def page_footer(lang: str, *, rel: str, source: str, title: str, changed: dict[str, str],
                repo_url: str | None, edit_uri: str | None) -> dict[str, str]:
    """The footer's labels and, where known, its date and links.

    rel: the page's file ('docs/about.md'); source: where its text is edited (`edit_source`
    or rel; a folder ends with '/'); changed: path -> date of the last commit (scripts/vcs.py).
    """
    footer = {key: t(lang, "footer." + key) for key in LABELS}
    # the punctuation around the date and the history link, per interface (：and （）in Chinese)
    footer["colon"] = t(lang, "colon")
    footer["open"], footer["close"] = t(lang, "paren", text="\0").split("\0")
    date = changed.get(source.rstrip("/")) or changed.get(rel)
    if date:
        footer["changed_date"] = date
    if repo_url and edit_uri:
        repo, branch = repo_url.rstrip("/"), branch_of(edit_uri)
        kind = "tree" if source.endswith("/") else "edit"
        footer["edit_url"] = f"{repo}/{kind}/{branch}/{source}"
        footer["history_url"] = f"{repo}/commits/{branch}/{source}"
        template = ISSUE_TEMPLATE_MEASURE if rel.startswith(f"docs/{MEASURES}/") else ISSUE_TEMPLATE_PAGE
        footer["suggest_url"] = (f"{repo}/issues/new?template={template}&title="
                                 + quote(f"Correction: {title} ({source})"))
    return footer
