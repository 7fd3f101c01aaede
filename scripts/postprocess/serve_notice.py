"""Under `make serve`, while the content has errors: a notice at the top of every page.

The site keeps showing the last good content (scripts/build.py) and says why, in
Material's own warning banner (`md-banner--warning`, no inline style, which the
Content-Security-Policy would refuse). Never part of a build for publication.
"""
from __future__ import annotations

import re

from ..markup import HTML, html

_BODY = re.compile(r"<body\b[^>]*>")


def add_notice(page: str, errors: str) -> str:
    """`page` (a page's HTML) with the errors shown in a banner just inside <body>."""
    notice = html('<div class="md-banner md-banner--warning" role="alert" data-oe-serve-errors>'
                  '<div class="md-banner__inner md-grid md-typeset">'
                  "<p><strong>The content has errors; this page shows the last version that built. "
                  "The same list is in the terminal running <code>make serve</code>.</strong></p>"
                  "<pre><code>{}</code></pre></div></div>", errors)
    # the page's <body> tag is markup: as a plain str, `+ notice` would escape it
    return _BODY.sub(lambda m: HTML(m.group(0)) + notice, page, count=1)
