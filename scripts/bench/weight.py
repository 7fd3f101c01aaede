"""What a reader downloads: page weight by kind of resource, and the search payload.

Pages are opened in headless Chromium with a fresh context (empty cache), served by
scripts/bench/gzip_server.GzipServer, which records the gzipped size of every response body.
Search resources (index, worker, lunr language files, Pagefind chunks) are counted
apart: a page costs them only when a reader searches, so they are measured as the
search payload, i.e. everything search needs before a first result appears.
"""
from __future__ import annotations

from typing import Any

from .gzip_server import GzipServer, Sent
from .search_probe import type_query

CLASSES = ("html", "css", "js", "font", "image", "other")
VIEWPORT = {"width": 1280, "height": 900}
# One query per interface, a term every engine finds: the payload is what it costs to get there.
SEARCH_QUERIES = {"en": "trade secrets", "zh": "商业秘密"}


def is_search(path: str) -> bool:
    """Resources that serve search only, loaded by the search worker or Pagefind."""
    return ("search_index.json" in path or "/javascripts/workers/" in path or "/javascripts/lunr/" in path
            or "/pagefind/" in path)


def classify(sent: Sent) -> str:
    """html / css / js / font / image / other, from the content type the server sent;
    a failed request (a 404 page) is 'other', whatever its type."""
    ctype, path = sent.ctype, sent.path
    if sent.status >= 400:
        return "other"
    if ctype.startswith("text/html"):
        return "html"
    if ctype.startswith("text/css"):
        return "css"
    if "javascript" in ctype:
        return "js"
    if ctype.startswith("font/") or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    if ctype.startswith("image/"):
        return "image"
    return "other"


def _open(browser, server: GzipServer, path: str):
    """A fresh context and page at `path`, loaded and quiet; returns (context, page, sent)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    server.reset()
    page.goto(server.base + path.lstrip("/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    return context, page, server.taken()


def page_weight(browser, server: GzipServer, path: str) -> dict[str, Any]:
    """Gzipped bytes per class of resource for one page, search resources excluded."""
    context, _page, sent = _open(browser, server, path)
    context.close()
    totals = dict.fromkeys(CLASSES, 0)
    resources = []
    for s in sent:
        if is_search(s.path):
            continue
        cls = classify(s)
        totals[cls] += s.size
        resources.append({"path": s.path, "class": cls, "gzip": s.size, "raw": s.raw, "status": s.status})
    return {"bytes": totals, "total": sum(totals.values()), "resources": resources}


def search_payload(browser, server: GzipServer, iface: str, timeout: int = 15000) -> dict[str, Any]:
    """Gzipped bytes search needs before a first result: what the page loaded for search,
    plus everything fetched from the first keystroke to the first result on screen
    (`timeout` ms for it: the scaling run's large editions index for longer)."""
    query = SEARCH_QUERIES[iface]
    context, page, loaded = _open(browser, server, "zh/" if iface == "zh" else "/")
    try:
        page.locator("input.md-search__input").click()
        type_query(page, query)
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout)
        typed = server.taken()
    finally:
        context.close()
    parts = [s for s in loaded if is_search(s.path)] + typed
    return {"query": query, "bytes": sum(s.size for s in parts), "raw": sum(s.raw for s in parts),
            "resources": [{"path": s.path, "gzip": s.size, "raw": s.raw} for s in parts]}


def measure_site(browser, server: GzipServer, pages: dict[str, str]) -> dict[str, Any]:
    """Page weight of each named page and the search payload of each interface."""
    return {"pages": {name: page_weight(browser, server, path) for name, path in pages.items()},
            "search": {iface: search_payload(browser, server, iface) for iface in ("en", "zh")}}


def ratio(ours: float, theirs: float) -> float | None:
    return round(ours / theirs, 2) if theirs else None


def compare(ours: dict[str, Any], plain: dict[str, Any]) -> dict[str, Any]:
    """Edition against plain: bytes and ratio per class and page, and for the search payload."""
    pages = {}
    for name, page in ours["pages"].items():
        other = plain["pages"][name]
        rows = {cls: {"edition": page["bytes"][cls], "plain": other["bytes"][cls],
                      "ratio": ratio(page["bytes"][cls], other["bytes"][cls])} for cls in CLASSES}
        rows["total"] = {"edition": page["total"], "plain": other["total"], "ratio": ratio(page["total"], other["total"])}
        pages[name] = rows
    search = {iface: {"query": ours["search"][iface]["query"], "edition": ours["search"][iface]["bytes"],
                      "plain": plain["search"][iface]["bytes"],
                      "ratio": ratio(ours["search"][iface]["bytes"], plain["search"][iface]["bytes"])}
              for iface in ("en", "zh")}
    return {"pages": pages, "search": search}
