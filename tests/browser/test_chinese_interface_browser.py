"""The Chinese interface in Chromium: a heading's ¶ permalink never stands on a line of its own."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


# Each heading's ¶ permalink: on the line of the heading's last words, and inside the window.
PERMALINKS = """() => [...document.querySelectorAll('.md-content :is(h1,h2,h3,h4,h5,h6) a.headerlink')].map(a => {
  const h = a.closest('h1,h2,h3,h4,h5,h6'), r = a.getBoundingClientRect(), range = document.createRange();
  range.setStartBefore(h.firstChild); range.setEndBefore(a);
  const lines = [...range.getClientRects()].filter(x => x.width > 0);
  const lastBottom = lines.length ? Math.max(...lines.map(x => x.bottom)) : r.bottom;
  return {heading: h.textContent.trim().slice(0, 40), alone: r.top >= lastBottom - 2,
          outside: r.right > document.documentElement.clientWidth + 0.5};
}).filter(x => x.alone || x.outside)"""


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_heading_permalinks_never_stand_on_a_line_of_their_own(browser, server: str, width: int) -> None:
    """A Chinese title fills its lines to the last character; the ¶ must not wrap below it."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    bad = []
    for path in ["zh/", "zh/laws/", "zh/glossary/", "zh/about/", "zh/witnesses/", "zh/measures/preamble/",
                 *[f"zh/measures/{n:02d}/" for n in range(1, 22)], "", "measures/08/", "laws/"]:
        page.goto(server + path)
        bad += [f"{path}: {x}" for x in page.evaluate(PERMALINKS)]
    context.close()
    assert not bad, "\n".join(bad)
