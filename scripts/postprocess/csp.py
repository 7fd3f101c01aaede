"""A Content-Security-Policy for every page: the site's own scripts, styles and images only.

Sent as a meta tag (static hosts cannot always set headers). Material for MkDocs
puts a few small scripts inline; each page's policy allows exactly those, by
their SHA-256 hashes, and nothing else inline. Under `make serve` only, MkDocs
injects its live-reload script into each page as it serves it, after the build,
so no hash can name it: there the policy allows inline scripts instead.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)


def policy(html: str, live_reload: bool = False) -> str:
    if live_reload:  # `make serve`: see the module docstring
        scripts = "script-src 'self' 'unsafe-inline'"
    else:
        hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
                         + "'" for m in INLINE_SCRIPT.finditer(html)})
        scripts = "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'"
    return "; ".join([
        "default-src 'self'",
        scripts,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_csp(html: str, live_reload: bool = False) -> str:
    """Insert the policy right after <meta charset>, before any script it governs."""
    # Not made with scripts/markup.py's html(): the policy holds only constants and base64 hashes (nothing
    # that needs escaping), and escaping would spell its quotes ('self') as &#x27;, changing every page.
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, live_reload)}">'
    new, count = re.subn(r"(<meta charset=\"[^\"]+\">)", lambda m: m.group(1) + meta, html, count=1)
    return new if count else html.replace("<head>", "<head>" + meta, 1)
