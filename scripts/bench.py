"""`make bench`: the figures behind the edition's speed and size claims, printed.

Measures, on this checkout:
- build time of the strict site build;
- search: recall on the query set (tests/data/search-queries.yml), bytes a reader
  downloads for search before the first result, and time from the first keystroke
  to the first result, for (a) this edition's search, (b) the plain Material index
  of the same site, and (c) Pagefind over the same pages;
- sizes of the data exports and, if built, of dist/opinions.pdf.

Nothing here is a pass/fail test; the numbers go into the README and closing notes.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.search_probe import Case, load_cases, matches, run_case  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def build(dest: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=ROOT,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env), check=True)
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[str, Callable[[], None]]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd.shutdown


def search_bytes(page, base: str, iface: str, is_search: Callable[[str], bool]) -> int:
    """Bytes of search resources a fresh reader downloads on opening the interface and searching."""
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if is_search(response.url):
            try:
                sizes[response.url] = len(response.body())
            except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                pass
    page.on("response", record)
    page.goto(base + ("zh/" if iface == "zh" else ""))
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return sum(sizes.values())


def run_material(browser, base: str, cases: list[Case]) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outcomes = [run_case(page, base, case) for case in cases]
    is_search = lambda u: "/search/search_index.json" in u or "/workers/" in u  # noqa: E731
    sizes = {iface: search_bytes(context.new_page(), base, iface, is_search) for iface in ("en", "zh")}
    context.close()
    return summarise(outcomes, sizes)


PAGEFIND_JS = """async ([q]) => {
  const start = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  const search = await pf.search(q);
  if (!search.results.length) return {url: null, ms: performance.now() - start};
  const first = await search.results[0].data();
  return {url: first.url, ms: performance.now() - start};
}"""


def run_pagefind(browser, base: str, cases: list[Case]) -> dict[str, Any]:
    """Pagefind's own JS API, on pages of the interface, first result as the answer."""
    outcomes = []
    sizes: dict[str, int] = {}
    for case in cases:
        context = browser.new_context()
        page = context.new_page()
        loaded: dict[str, int] = {}
        page.on("response", lambda r: loaded.__setitem__(r.url, len(r.body())) if "/pagefind/" in r.url else None)
        root = base + ("zh/" if case.iface == "zh" else "")
        page.goto(root)
        result = page.evaluate(PAGEFIND_JS, [case.query])
        page.wait_for_timeout(100)
        landed = None
        if result["url"]:
            path = result["url"].split("?")[0]
            prefix = "/zh/" if case.iface == "zh" else "/"
            landed = path[len(prefix):] if path.startswith(prefix) else path
        ok = landed is not None and matches(case.expect, landed) and (case.iface == "zh") == result["url"].startswith("/zh/")
        outcomes.append({"case": case, "ok": ok, "seconds": result["ms"] / 1000, "landed": landed})
        sizes[case.label] = sum(loaded.values())
        context.close()
    by_iface = {iface: statistics.median([sizes[c.label] for c in cases if c.iface == iface]) for iface in ("en", "zh")}
    return summarise([_Out(o) for o in outcomes], by_iface)


class _Out:
    def __init__(self, o: dict[str, Any]) -> None:
        self.case, self.ok, self.seconds, self.landed = o["case"], o["ok"], o["seconds"], o["landed"]


def summarise(outcomes: list[Any], sizes: dict[str, float]) -> dict[str, Any]:
    kinds: dict[str, list[bool]] = {}
    for o in outcomes:
        kinds.setdefault(o.case.kind, []).append(o.ok)
    times = [o.seconds for o in outcomes if o.seconds is not None]
    return {
        "recall": sum(o.ok for o in outcomes) / len(outcomes),
        "by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in kinds.items()},
        "bytes": sizes,
        "median_ms": round(statistics.median(times) * 1000) if times else None,
        "failed": [f"{o.case.label} -> {o.landed}" for o in outcomes if not o.ok],
    }


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"bench: Chromium not found at {CHROMIUM}; install it: apt-get install -y chromium fonts-noto-cjk")
        return 1
    cases = load_cases()
    tmp = Path(tempfile.mkdtemp(prefix="oe-bench-"))
    try:
        ours, plain = tmp / "ours", tmp / "plain"
        seconds = build(ours)
        build(plain, EDITION_PLAIN_SEARCH="1")
        pagefind_site = tmp / "pagefind"
        shutil.copytree(plain, pagefind_site)
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pagefind_site), "--output-subdir",
                        "pagefind", "--silent"], check=True)
        results: dict[str, dict[str, Any]] = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, site, runner in (("edition (lunr, per interface)", ours, run_material),
                                       ("plain Material + static-i18n", plain, run_material),
                                       ("Pagefind (extended)", pagefind_site, run_pagefind)):
                base, stop = serve(site)
                try:
                    results[name] = runner(browser, base, cases)
                finally:
                    stop()
            browser.close()
        print(f"Strict build of both interfaces: {seconds:.1f} s")
        print(f"\nSearch, {len(cases)} queries typed in headless Chromium ({sys.platform}):")
        print(f"{'engine':32} {'recall':>7} {'zh':>6} {'en':>6} {'pinyin':>7} {'id':>5} "
              f"{'bytes before 1st result (en/zh)':>34} {'median ms':>10}")
        for name, r in results.items():
            k = r["by_kind"]
            print(f"{name:32} {r['recall']:>7.0%} {k.get('zh', '-'):>6} {k.get('en', '-'):>6} "
                  f"{k.get('pinyin', '-'):>7} {k.get('id', '-'):>5} "
                  f"{kb(r['bytes']['en']) + ' / ' + kb(r['bytes']['zh']):>34} {r['median_ms']:>10}")
        for name, r in results.items():
            if r["failed"]:
                print(f"\n{name}: missed {len(r['failed'])}: " + "; ".join(r["failed"]))
        plain_index = (plain / "search" / "search_index.json").stat().st_size
        print(f"\nIndex files: plain Material {kb(plain_index)} (one for both interfaces); edition "
              f"{kb((ours / 'search/search_index.json').stat().st_size)} (en), "
              f"{kb((ours / 'zh/search/search_index.json').stat().st_size)} (zh)")
        print("\nData exports: " + ", ".join(f"{p.name} {kb(p.stat().st_size)}" for p in sorted((ours / 'data').iterdir())))
        pdf = ROOT / "dist" / "opinions.pdf"
        if pdf.exists():
            print(f"PDF: dist/opinions.pdf {pdf.stat().st_size / 1024 / 1024:.1f} MB")
        (ROOT / "dist").mkdir(exist_ok=True)
        (ROOT / "dist" / "bench.json").write_text(json.dumps(
            {"build_seconds": round(seconds, 1), "search": results}, indent=1, default=str), encoding="utf-8")
        print("\nFigures also written to dist/bench.json.")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
