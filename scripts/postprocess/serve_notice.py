"""Under `make serve`, while the content has errors: a notice at the top of every page.

The site keeps showing the last good content (scripts/build.py) and says why, in
Material's own warning banner (`md-banner--warning`, no inline style, which the
Content-Security-Policy would refuse). Never part of a build for publication.
"""
from __future__ import annotations

import re
from html import escape

_BODY = re.compile(r"<body\b[^>]*>")


def add_notice(html: str, errors: str) -> str:
    """`html` with the errors shown in a banner just inside <body>."""
    notice = ('<div class="md-banner md-banner--warning" role="alert" data-oe-serve-errors>'
              '<div class="md-banner__inner md-grid md-typeset">'
              "<p><strong>The content has errors; this page shows the last version that built. "
              "The same list is in the terminal running <code>make serve</code>.</strong></p>"
              f"<pre><code>{escape(errors)}</code></pre></div></div>")
    return _BODY.sub(lambda m: m.group(0) + notice, html, count=1)
