"""The status tokens are drawings that say what they mean without the site's stylesheet: a
renderer that does not style the inside of an SVG (WeasyPrint, for the PDF) must still print an
empty circle for a conjecture and a meter filled only to the attested share."""
from __future__ import annotations

import pytest
from lxml import etree

from scripts.edition.status import HEADING
from scripts.site.status import glyph_svg, meter

pytestmark = pytest.mark.unit

PAINTED = {"attested": 1, "reported": 1, "conjecture": 0}  # filled shapes: full, half, none


def _shapes(svg: str) -> list[etree._Element]:
    return [e for e in etree.fromstring(svg).iter() if isinstance(e.tag, str) and e.tag not in ("svg",)]


@pytest.mark.parametrize("heading", HEADING)
def test_each_heading_glyph_is_filled_by_its_own_attributes(heading: str) -> None:
    shapes = _shapes(glyph_svg(heading))
    assert all(e.get("fill") for e in shapes), "every shape says its fill (the default is black)"
    assert sum(e.get("fill") != "none" for e in shapes) == PAINTED[heading]
    ring = shapes[0]
    assert ring.get("fill") == "none" and ring.get("stroke") == "currentColor"


@pytest.mark.parametrize("share", [0.0, 0.45, 1.0])
def test_the_meter_is_filled_to_the_share_by_its_own_attributes(share: float) -> None:
    frame, fill = _shapes(meter(share))
    assert frame.get("fill") == "none" and frame.get("stroke") == "currentColor"
    assert fill.get("fill") == "currentColor" and float(fill.get("width")) == pytest.approx(16 * share, abs=0.01)
