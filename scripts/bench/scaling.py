"""How cost grows: the edition and the plain site built from synthetic editions of 21, 105 and 420 measures.

A collection of several documents is where the edition goes next; this run says what
that costs before anyone writes it. Each synthetic edition is a scratch copy of the
project (builds.copy_project) whose 21 real measure pages are replicated, copy k holding
measures 21k+1 … 21k+21 in parts 4k+1 … 4k+4, so that every copy is one more document
of the same shape:

- each copy of a page gets its new number, part, paragraph and margin-number ids, related
  measures and links to measure pages shifted into its own copy, and the number in its
  heading (（八） -> （二十九）, (8) -> (29)) in the text, its translation and the attestations
  (the commentaries, which quote the real measure's heading, are left as written);
  the text, translation, apparatus and both commentaries are otherwise the real page's,
  so the text volume per measure is the real one. The preamble and the hand-written pages
  stay as they are (their interface strings still say 21 measures);
- data/document.yml says how many measures there are and lists the replicated parts, and
  its English title is marked synthetic; the limits of the front-matter and document schemas follow it, as
  tests/unit/test_paths.py requires of the real one (the copy's own scripts/schemas/);
- the source lock and the README's table of shares are regenerated in the copy by
  `python -m scripts lock --update`, as `make lock` does, and the commentary record by
  `python -m scripts record`, as `make record` does.

The copy must pass the edition's own strict build (`mkdocs build --strict`, which runs
every check), or the run stops. The plain site of the same size is written from the
synthetic build's data/opinions.json (plain_site.py). Measured for both, per size: the
wall time of one full build (the median of several at the smallest size), the peak RSS of
the build's process tree (os.wait4), the search payload before a first result and the
gzipped weight of measure 8, as scripts/bench/weight.py measures them in Chromium against
the gzip server, and, offline, each search index file's bytes raw and gzipped. The growth
order of each figure is the slope of a least-squares line through log(size), log(figure).
"""
from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import yaml

from ..edition.page import parse_page
from ..edition.paths import MEASURES, ROOT, page_file, para_prefix
from ..edition.zh import zh_numeral
from . import builds as bench_build, weight as bench_weight
from .gzip_server import GzipServer
from .plain_site import write_plain_site

SIZES = (21, 105, 420)
SMALL_RUNS = 3  # full builds at the smallest size; one at each larger size (minutes each)
PAGE = "measures/08/"  # the page whose weight is measured, at every size the same text
# The search index files a reader's worker downloads before a first result, per interface.
INDEX_FILES = {"edition": {"en": "search/search_index.json", "zh": "zh/search/search_index.json"},
               "plain": {"en": "search/search_index.json", "zh": "search/search_index.json"}}
FIGURES = ("build_s", "peak_rss_mib", "search_en", "search_zh", "page")
LABELS = {"build_s": "full build, s", "peak_rss_mib": "peak RSS, MiB", "search_en": "search before a first result, en, KB",
          "search_zh": "search before a first result, zh, KB", "page": "measure 8, KB"}


# --- the synthetic edition ------------------------------------------------------------------

def shift(number: int, copy: int, per: int) -> int:
    """A measure number of the real edition as copy `copy` holds it; the preamble (0) is shared."""
    return number if number == 0 else number + copy * per


def renumber_page(text: str, source: int, copy: int, per: int, parts_per: int, title_zh: str) -> str:
    """Measure `source`'s page file as copy `copy` holds it (copy 0 is the page itself)."""
    if copy == 0:
        return text
    new = shift(source, copy, per)

    def related(m: re.Match[str]) -> str:
        numbers = [shift(int(x), copy, per) for x in m.group(1).split(",") if x.strip()]
        return "related: [" + ", ".join(map(str, numbers)) + "]"

    text = re.sub(r"^number: \d+$", f"number: {new}", text, count=1, flags=re.M)
    text = re.sub(r"^part: (\d+)$", lambda m: f"part: {int(m.group(1)) + copy * parts_per}", text, count=1, flags=re.M)
    text = re.sub(r"^related: \[([^\]]*)\]$", related, text, count=1, flags=re.M)
    # ids, margin numbers and variant anchors ('m08-1', 'm08-n3', 'm15-2' in a link) and page links
    text = re.sub(r"\bm(\d\d)(?=-)", lambda m: para_prefix(shift(int(m.group(1)), copy, per)), text)
    text = re.sub(r"\]\((\d\d)\.md", lambda m: "](" + page_file(shift(int(m.group(1)), copy, per)), text)
    # the number in the heading, in the text and its attestations; the commentaries, which quote
    # the real measure's heading, are left as written (the outline check holds them to it)
    source_part, mark, commentary = text.partition("\n## Commentary")
    heading = f"（{zh_numeral(source)}）{title_zh}"
    source_part = source_part.replace(heading, f"（{zh_numeral(new)}）{title_zh}")
    # and in the translation of the heading, which opens the first English paragraph: '(8) Strengthening'
    source_part = source_part.replace(f"\n({source}) ", f"\n({new}) ", 1)
    return source_part + mark + commentary


def _document(data: dict[str, Any], measures: int, copies: int) -> dict[str, Any]:
    """data/document.yml of the synthetic edition: the count, the parts replicated, the title marked."""
    parts = data["parts"]
    out = dict(data, measures=measures, parts=[])
    for copy in range(copies):
        for part in parts:
            number = part["number"] + copy * len(parts)
            out["parts"].append(dict(part, number=number, numeral=zh_numeral(number)))
    if copies > 1:
        out["title"] = dict(data["title"], en=f"{data['title']['en']} (synthetic edition of {measures} measures, "
                                              "for make bench)")
    return out


def _schema_limits(project: Path, measures: int, parts: int) -> None:
    """The schemas' limits that repeat the document's shape (its measures, its parts), set to the
    copy's, in the copy's own scripts/schemas/."""
    def edit(name: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = project / "scripts" / "schemas" / name
        schema = json.loads(path.read_text(encoding="utf-8"))
        change(schema["properties"])
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def front_matter(props: dict[str, Any]) -> None:
        props["number"]["maximum"] = props["related"]["items"]["maximum"] = measures
        props["part"]["maximum"] = parts

    def document(props: dict[str, Any]) -> None:
        props["parts"].update(minItems=parts, maxItems=parts)
        props["parts"]["items"]["properties"]["number"]["maximum"] = parts

    edit("front-matter.schema.json", front_matter)
    edit("document.schema.json", document)


def synthesize(dest: Path, measures: int) -> Path:
    """A scratch copy of the project holding `measures` measures (a multiple of the real count),
    locked as `make lock` would lock it; returns the project's folder."""
    data = yaml.safe_load((ROOT / "data" / "document.yml").read_text(encoding="utf-8"))
    per, parts_per = data["measures"], len(data["parts"])
    if measures <= 0 or measures % per:
        raise ValueError(f"a synthetic edition holds a multiple of {per} measures, not {measures}")
    project = bench_build.copy_project(dest)
    doc_path = project / "data" / "document.yml"
    copies = measures // per
    mdir = project / "docs" / MEASURES
    for source in range(1, per + 1):
        path = mdir / page_file(source)
        page, errors = parse_page(path)
        if page is None:
            raise RuntimeError(f"{path}: {errors[0].message if errors else 'unreadable'}")
        text = path.read_text(encoding="utf-8")
        for copy in range(1, copies):
            target = mdir / page_file(shift(source, copy, per))
            target.write_text(renumber_page(text, source, copy, per, parts_per, page.title["zh"]), encoding="utf-8")
    doc_path.write_text("# Synthetic edition for make bench (scripts/bench/scaling.py); never published.\n"
                        + yaml.safe_dump(_document(data, measures, copies), allow_unicode=True, sort_keys=False,
                                         width=120), encoding="utf-8")
    _schema_limits(project, measures, parts_per * copies)
    if copies > 1:
        done = subprocess.run([sys.executable, "-m", "scripts", "lock", "--update"], cwd=project, env=bench_build.ENV,
                              capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"make lock failed in the synthetic edition of {measures}:\n{done.stderr[-4000:]}")
        # the copies' commentaries recorded as a first record is made (make record)
        done = subprocess.run([sys.executable, "-m", "scripts", "record"], cwd=project, env=bench_build.ENV,
                              capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"make record failed in the synthetic edition of {measures}:\n{done.stderr[-4000:]}")
    return project


# --- measuring --------------------------------------------------------------------------------

def measured_build(project: Path, dest: Path, strict: bool, **env: str) -> dict[str, float]:
    """One full `mkdocs build`: wall seconds and the peak RSS (MiB) of its process tree.

    os.wait4 returns the child's own rusage (its largest resident set, or that of a
    descendant it waited for), which RUSAGE_CHILDREN deltas cannot give across runs."""
    shutil.rmtree(dest, ignore_errors=True)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(bench_build.mkdocs(project, *bench_build.build_args(project, strict), "-d", str(dest)),
                                cwd=project, env=dict(bench_build.ENV, **env), stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"mkdocs build of {project} failed:\n{err.read().decode('utf-8', 'replace')[-4000:]}")
    return {"seconds": seconds, "peak_rss_mib": usage.ru_maxrss / 1024}  # ru_maxrss is in KiB on Linux


def index_files(site: Path, files: dict[str, str]) -> dict[str, dict[str, str | int]]:
    """Each interface's search index file, bytes raw and gzipped (level 6, as the gzip server sends)."""
    out: dict[str, dict[str, str | int]] = {}
    for iface, rel in files.items():
        body = (site / rel).read_bytes()
        out[iface] = {"file": rel, "raw": len(body), "gzip": len(gzip.compress(body, 6))}
    return out


def browser_weights(servers: dict[str, GzipServer]) -> dict[str, dict[str, Any]]:
    """Search payload before a first result (per interface) and measure 8's weight, in Chromium,
    for each served site, as the main benchmark measures them (scripts/bench/weight.py)."""
    from playwright.sync_api import sync_playwright

    from .. import browser as chromium

    out: dict[str, dict[str, Any]] = {}
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        for site, server in servers.items():
            page = bench_weight.page_weight(browser, server, PAGE)
            search = {i: bench_weight.search_payload(browser, server, i, timeout=120_000) for i in ("en", "zh")}
            out[site] = {"page": page["total"], "page_bytes": page["bytes"],
                         "search": {i: {"gzip": s["bytes"], "raw": s["raw"]} for i, s in search.items()}}
        browser.close()
    return out


def measure_size(measures: int, scratch: Path, runs: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Every figure at one size, edition and plain site."""
    servers = {"edition": GzipServer(scratch / "ours"), "plain": GzipServer(scratch / "plain")}
    try:
        start = time.perf_counter()
        project = synthesize(scratch / "project", measures)
        generated = time.perf_counter() - start
        log(f"{measures} measures: generated and locked in {generated:.0f} s; building ...")
        builds: dict[str, list[dict[str, float]]] = {"edition": [], "plain": []}
        plain_project = scratch / "plain-project"
        for i in range(runs):
            # without the store of rendered pages: every run a clean checkout's build, as at 105 and 420
            builds["edition"].append(measured_build(project, scratch / "ours", strict=True, EDITION_CACHE="off",
                                                    EDITION_SITE_URL=servers["edition"].base))
            if i == 0:
                write_plain_site(scratch / "ours" / "data" / "opinions.json", plain_project, servers["plain"].base)
            builds["plain"].append(measured_build(plain_project, scratch / "plain", strict=False))
        count = len(json.loads((scratch / "ours" / "data" / "opinions.json").read_text(encoding="utf-8"))["measures"])
        if count != measures:
            raise RuntimeError(f"the synthetic edition of {measures} exported {count} measures")
        log(f"{measures} measures: built ({runs} run{'s' if runs > 1 else ''} each); weighing in Chromium ...")
        weights = browser_weights(servers)
        result: dict[str, Any] = {"measures": measures, "runs": runs, "generate_s": round(generated, 1)}
        for site in ("edition", "plain"):
            root = scratch / ("ours" if site == "edition" else "plain")
            w = weights[site]
            result[site] = {
                "build_s": round(statistics.median(b["seconds"] for b in builds[site]), 2),
                "build_runs_s": [round(b["seconds"], 2) for b in builds[site]],
                "peak_rss_mib": round(max(b["peak_rss_mib"] for b in builds[site]), 1),
                "search_en": w["search"]["en"]["gzip"], "search_zh": w["search"]["zh"]["gzip"],
                "search_raw": {i: w["search"][i]["raw"] for i in ("en", "zh")},
                "page": w["page"], "page_bytes": w["page_bytes"],
                "index_files": index_files(root, INDEX_FILES[site]),
                "html_files": sum(1 for _ in root.rglob("*.html"))}
        return result
    finally:
        for server in servers.values():
            server.close()


# --- growth ---------------------------------------------------------------------------------

def growth_order(sizes: list[float], values: list[float]) -> float | None:
    """The slope of the least-squares line through (log size, log value): ~1 linear, ~0 constant,
    ~2 quadratic. None with fewer than two sizes or a value that is not positive."""
    points = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if s > 0 and v and v > 0]
    if len(points) < 2 or len(points) != len(sizes):
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 2) if sxx else None


def growth(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per site and figure: the growth order over all sizes, and between the two largest sizes
    (where a fixed cost, such as Python starting or the theme's assets, weighs least)."""
    sizes = [r["measures"] for r in rows]
    out: dict[str, dict[str, Any]] = {}
    for site in ("edition", "plain"):
        out[site] = {}
        for fig in FIGURES:
            values = [r[site][fig] for r in rows]
            out[site][fig] = {"all": growth_order(sizes, values),
                              "last": growth_order(sizes[-2:], values[-2:]) if len(rows) > 2 else None}
    return out


def search_within_plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The target: search bytes before a first result never past the plain site's, at any size."""
    return [{"measures": r["measures"], "iface": i, "edition": r["edition"][f"search_{i}"],
             "plain": r["plain"][f"search_{i}"], "met": r["edition"][f"search_{i}"] <= r["plain"][f"search_{i}"]}
            for r in rows for i in ("en", "zh")]


def run_scaling(scratch: Path, sizes: tuple[int, ...] = SIZES, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Every size in turn (each in its own scratch folder, removed after), then the growth orders."""
    load_start = os.getloadavg()[0]
    start = time.perf_counter()
    rows = []
    for measures in sizes:
        folder = scratch / f"scale-{measures}"
        try:
            rows.append(measure_size(measures, folder, SMALL_RUNS if measures == min(sizes) else 1, log))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return {"sizes": list(sizes), "rows": rows, "growth": growth(rows), "search_target": search_within_plain(rows),
            "seconds": round(time.perf_counter() - start), "load_average": {"start": round(load_start, 1),
                                                                             "end": round(os.getloadavg()[0], 1)}}
