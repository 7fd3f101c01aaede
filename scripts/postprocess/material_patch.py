"""Surgical changes to Material's JavaScript bundle, made at build time.

First, Material 9.8 fetches `sitemap.xml` beside the target of every
`<link rel="alternate">` on a page, to map pages between separately built
language sites. This edition's hreflang alternates point at the same measure in
the other interface (measures/08/ and zh/measures/08/), so each page view asked
for two sitemaps that do not exist: two 404s and two console errors per page,
for a mapping the edition does not use (its language switcher links page to
page). The patch removes the call that starts those fetches; everything else
in the bundle is untouched. If a Material upgrade changes the code, the build
stops with a message rather than shipping the 404s again.

Second, the colon after "Missing" in search results is left to the interface's
translation (an ASCII colon in Chinese text otherwise); the same guard applies.
"""
from __future__ import annotations

import re

# function NAME({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]")) ...
HANDLER = re.compile(r'function (\w+)\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)\)')


class PatchError(RuntimeError):
    pass


def drop_alternate_sitemaps(bundle: str) -> str:
    """The bundle without the call that fetches sitemap.xml for each alternate link."""
    found = HANDLER.findall(bundle)
    if len(found) != 1:
        raise PatchError("Material's alternate-link handler was not found in its bundle "
                         f"({len(found)} matches); check scripts/postprocess/material_patch.py against this Material version")
    call = f"{found[0]}({{document$:"
    pattern = re.compile(re.escape(call) + r"\w+\}\);")
    patched, count = pattern.subn("", bundle)
    if count != 1:
        raise PatchError(f"expected one call of Material's alternate-link handler, found {count}; "
                         "check scripts/postprocess/material_patch.py against this Material version")
    return patched


# x("p",{class:"md-search-result__terms"},Me("search.result.term.missing"),": ",...n)
MISSING_COLON = re.compile(r'(\w+\("search\.result\.term\.missing"\)),": "')


def missing_terms_colon(bundle: str) -> str:
    """The bundle without its own ": " after "Missing" in search results.

    Material writes an ASCII colon there in every language; overrides/main.html adds the
    interface's own to the translation instead (full-width in Chinese: 缺少：)."""
    patched, count = MISSING_COLON.subn(r"\1", bundle)
    if count != 1:
        raise PatchError(f"expected one 'missing terms' label in Material's bundle, found {count}; "
                         "check scripts/postprocess/material_patch.py against this Material version")
    return patched
