"""Every knob of the project in one place: what the environment may set, and fixed choices.

Facts about the document (title, date, parts, how many measures) are not here: they
are data, in data/document.yml. Per-deployment values come from the environment, so
the same checkout builds a preview, CI and the published site.
"""
from __future__ import annotations

import os

# --- set by a deployment, by CI or by the tests -------------------------------------------------
SITE_URL = "EDITION_SITE_URL"  # the published address; mkdocs.yml reads it (!ENV) for canonical,
                               # hreflang and sitemap addresses
REPO_URL = "EDITION_REPO_URL"  # where "edit this page" points; else GitHub Actions' variables, else
                               # `git remote get-url origin`; else no edit links (scripts/vcs.py)
EDITION_DATE = "EDITION_DATE"  # the edition's date and commit, as the print view, the citations and
EDITION_COMMIT = "EDITION_COMMIT"  # the PDF state them; else asked of git
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"  # the build date (sitemap); else the commit's time
CHROMIUM = "CHROMIUM"  # the browser for `make pdf`, `make bench` and the tests (scripts/browser.py)
DEFAULT_CHROMIUM = "/usr/bin/chromium"  # Debian's package; no browser is ever downloaded

# how a build spends its time (both are for the benchmark and the tests; the defaults are right)
CACHE = "EDITION_CACHE"  # "off", or a folder: the store of rendered pages and of jieba's cuts (default
                         # .cache/). scripts/edition/cache.py reads it (the content model imports nothing
                         # of this file, and this file nothing of it: `make test`'s doctor runs before the venv)
FORK = "EDITION_FORK"  # "off": the print view and glossary rendered in the build's own process, not a
                       # second one (scripts/site/render_ahead.py)

# --- fixed choices ------------------------------------------------------------------------------
WORK_ID = "spp-ip-opinions-2022"  # the work's identifier in schema.org records and citations
#: The reading modes of the aligned text, in the order the control offers them: side by side, one
#: below the other, Chinese only, English only. The measure pages render one radio button per mode
#: (scripts/site/measure.py), docs/assets/edition.js takes the list from those buttons, and `make pdf
#: --view` offers the same (scripts/tools/pdf.py); each needs its label in scripts/site/i18n.py
#: ("view.<mode>") and its layout in docs/assets/edition.css.
VIEWS = ("parallel", "stacked", "zh", "en")
# .github/ISSUE_TEMPLATE/ forms that the "Suggest a correction" link opens
ISSUE_TEMPLATE_MEASURE = "translation-correction.yml"  # on measure pages
ISSUE_TEMPLATE_PAGE = "new-annotation.yml"  # on every other page


def env(name: str) -> str:
    """A setting from the environment, '' when unset."""
    return os.environ.get(name, "").strip()


def chromium() -> str:
    return env(CHROMIUM) or DEFAULT_CHROMIUM
