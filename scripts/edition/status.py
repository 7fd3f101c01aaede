"""What a page's status is, on two named axes, and nothing else.

A reader wants to know two things of a measure, and they are independent: whether any
witness shows its **heading** (attested, reported or the editors' conjecture), and how
much of its **text** a witness attests (a share of its Chinese attested by a reprint or a
quoting report, the rest the editors' reconstruction; or no text at all; or, once the
official text is imported, verified). Measure 3 has a conjectural heading and a text
three-quarters attested; a page that carries only its heading has no text. Every place
that shows a status (navigation, map, contents, page header, print, exports) takes it
from here, so no two places can say different things.
"""
from __future__ import annotations

from dataclasses import dataclass

from .page import Page

HEADING = ("attested", "reported", "conjecture")
TEXT = ("verified", "attested", "reconstructed", "none")


@dataclass(frozen=True)
class Status:
    heading: str | None  # attested | reported | conjecture; None for the preamble, which has no heading
    text: str  # verified | attested | reconstructed | none
    share: float | None  # the share of the Chinese text attested at grade A or B; None without text


def status(page: Page, share: float | None) -> Status:
    """The page's status. `share`: its attested share (Edition.attested_share)."""
    if page.source["status"] == "verified":
        return Status(page.heading_status, "verified", 1.0)
    if not has_text(page):
        return Status(page.heading_status, "none", None)
    if share:
        return Status(page.heading_status, "attested", share)
    return Status(page.heading_status, "reconstructed", share or 0.0)


def has_text(page: Page) -> bool:
    """Whether the page gives any of the measure's text beyond a conjectural heading line."""
    coverage = page.source["coverage"]
    return bool(page.paragraphs) and coverage not in ("heading", "none")
