"""Lighthouse scores for `make bench`, with the audits that lost points, so they can be fixed.

Lighthouse is pinned in bench/package.json + bench/package-lock.json (installed by
`make bench` with `npm ci --prefix bench`) and drives the system Chromium; no browser is
downloaded. Its default preset is used (mobile: Moto G Power emulation, simulated slow-4G
throttling, 4x CPU slowdown), the one PageSpeed Insights reports, because it is the one
people quote. Performance varies from run to run, so each page is run several times and
the run with the median performance score is kept, as Lighthouse's docs recommend.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..edition.paths import ROOT

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESET = "default (mobile: Moto G Power emulation, simulated slow 4G, 4x CPU slowdown)"


def available() -> bool:
    return LIGHTHOUSE.exists()


def version() -> str:
    package = ROOT / "bench" / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"


def run_once(url: str, chromium: str) -> dict[str, Any]:
    """One Lighthouse run; the parsed JSON report (lhr)."""
    with tempfile.TemporaryDirectory(prefix="oe-lh-") as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless --no-sandbox --disable-gpu"],
            env=dict(os.environ, CHROME_PATH=chromium), check=True, timeout=300,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return json.loads(out.read_text(encoding="utf-8"))


def _item_summary(item: dict[str, Any]) -> str:
    """A short line naming what an audit item points at (element, URL or message)."""
    for key in ("node", "source", "sourceLocation"):
        value = item.get(key)
        if isinstance(value, dict):
            if value.get("snippet"):
                return value["snippet"][:160]
            if value.get("url"):
                desc = item.get("description", "")
                return f"{value['url']} {desc}".strip()[:160]
    for key in ("url", "description", "label"):
        if isinstance(item.get(key), str):
            return item[key][:160]
    return ""


def lost_points(lhr: dict[str, Any]) -> list[dict[str, Any]]:
    """Every audit with weight in a category that scored below 1: id, title, score, where."""
    lost = []
    for cat_id in CATEGORIES:
        for ref in lhr["categories"][cat_id]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                lost.append({"category": cat_id, "id": ref["id"], "title": audit["title"],
                             "score": audit["score"], "value": audit.get("displayValue", ""),
                             "items": [s for s in (_item_summary(i) for i in items[:4]) if s]})
    return lost


def scores(lhr: dict[str, Any]) -> dict[str, int]:
    return {cat: round(lhr["categories"][cat]["score"] * 100) for cat in CATEGORIES}


def audit_page(url: str, chromium: str, runs: int) -> dict[str, Any]:
    """Scores and lost points of the median-performance run among `runs` runs of one URL."""
    reports = [run_once(url, chromium) for _ in range(runs)]
    perf = [lhr["categories"]["performance"]["score"] for lhr in reports]
    median = sorted(reports, key=lambda lhr: lhr["categories"]["performance"]["score"])[len(reports) // 2]
    metrics = {k: median["audits"][k].get("displayValue", "") for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index")}
    return {"scores": scores(median), "performance_runs": [round(p * 100) for p in perf],
            "performance_median": round(statistics.median(perf) * 100), "metrics": metrics,
            "main_thread": main_thread(median), "benchmark_index": median["environment"].get("benchmarkIndex"),
            "lost": lost_points(median)}


def main_thread(lhr: dict[str, Any]) -> dict[str, Any]:
    """Where the main thread's time went (the cause of Total Blocking Time): by kind of
    work, and by script (ms, as measured on this machine, before the simulated slowdown)."""
    work = (lhr["audits"].get("mainthread-work-breakdown", {}).get("details") or {}).get("items") or []
    boot = (lhr["audits"].get("bootup-time", {}).get("details") or {}).get("items") or []
    return {"work_ms": {w["group"]: round(w["duration"]) for w in work[:5]},
            "scripts_ms": {b["url"]: round(b["total"]) for b in boot[:4]}}


def audit_site(base: str, pages: dict[str, str], chromium: str, runs: int) -> dict[str, Any]:
    """Lighthouse on each named page of a site served at `base`."""
    return {name: audit_page(base + path.lstrip("/"), chromium, runs) for name, path in pages.items()}
