"""Importing the official text when our outline is wrong (issue 15).

The official texts are synthetic (tests/official_variants.py, from
tests/fixtures/official/synthetic-base.txt, marked so in their first line): the
structure and length of the Opinions, with the outline changed as an official text
may change it against our conjecture: two measures swapped, two merged, one split,
one inserted, and the outline unchanged.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from lxml import html

from helpers import ROOT, copy_project, run_module
from official_variants import VARIANTS, spp_html, variant
from scripts.edition import load_edition
from scripts.edition.corpus import load_corpus
from scripts.tools.import_official import lost_content
from scripts.tools.matching import pair_measures
from scripts.tools.official import parse_official, read_lines
from scripts.tools.relocate import Relocation

REFERENCE = "SPP, the Opinions as published (synthetic test text)"


def official_file(tmp: Path, name: str, html_page: bool = True) -> Path:
    text, _, _ = variant(name)
    path = tmp / f"synthetic-{name}.{'html' if html_page else 'txt'}"
    path.write_text(spp_html(text) if html_page else text, encoding="utf-8")
    return path


def tree_sums(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


# --- pairing by subject ----------------------------------------------------------------------

@pytest.mark.unit
@pytest.mark.parametrize("name", VARIANTS)
def test_measures_are_paired_by_subject(name: str, tmp_path: Path) -> None:
    _, expected, split = variant(name)
    off = parse_official(read_lines(official_file(tmp_path, name)), parts=4, measures=21)
    assert off.problems == [] and len(off.preamble) == 2
    pairing = pair_measures(load_corpus(ROOT), off)
    assert {j: pairing.sources.get(j, []) for j in off.measures} == expected
    assert pairing.split_of == split
    assert pairing.unplaced == ([13] if name == "inserted" else [])
    for j, sources in expected.items():
        if sources:
            assert pairing.confidence[j] >= 0.4, (j, pairing.confidence[j])


@pytest.mark.unit
def test_the_spp_page_and_plain_text_read_alike(tmp_path: Path) -> None:
    a = parse_official(read_lines(official_file(tmp_path, "swapped", True)), parts=4, measures=21)
    b = parse_official(read_lines(official_file(tmp_path, "swapped", False)), parts=4, measures=21)
    assert (a.preamble, a.parts, a.measures) == (b.preamble, b.parts, b.measures)
    assert any("发布时间" in line for line in a.skipped), "the date line is furniture, reported"
    assert all("不是正文" not in p for paras in a.measures.values() for p in paras)


@pytest.mark.unit
def test_a_plan_that_loses_commentary_is_refused(tmp_path: Path) -> None:
    corpus = load_corpus(ROOT)
    off = parse_official(read_lines(official_file(tmp_path, "merged")), parts=4, measures=21)
    plan = Relocation(corpus, off, pair_measures(corpus, off), "O1", REFERENCE, "2026-12-01").build()
    assert lost_content(corpus, plan) == []
    page = next(p for p in plan.pages if p.number == 11)
    page.commentary = page.commentary.split("\n\n", 1)[0]  # as if the merged notes were dropped
    lost = lost_content(corpus, plan)
    assert "docs/measures/12.md: English commentary, N 1" in lost


@pytest.mark.unit
def test_a_dry_run_changes_no_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree_sums(project)
    result = run_module("import", project, str(official_file(tmp_path, "inserted")), "--reference", REFERENCE)
    assert result.returncode == 0, result.stderr
    assert "PAIRING" in result.stdout and "kept at docs/former/13.md" in result.stdout
    assert "dry run; nothing written" in result.stdout
    assert tree_sums(project) == before


# --- applying: every case, checked and built ------------------------------------------------

def apply(tmp_path: Path, name: str) -> tuple[Path, object]:
    project = copy_project(tmp_path / "project")
    old = load_corpus(project)
    result = run_module("import", project, str(official_file(tmp_path, name)), "--apply",
                        "--reference", REFERENCE, "--checked", "2026-12-01")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return project, old


def note_texts(page, lang: str) -> list[str]:
    import re
    return [re.sub(r"\]\([^)]*\)", "]", n.text) for n in page.notes(lang)]


@pytest.mark.build
@pytest.mark.parametrize("name", VARIANTS)
def test_apply_moves_every_subject_and_the_site_builds(name: str, tmp_path: Path) -> None:
    from conftest import build_site
    project, old = apply(tmp_path, name)
    _, expected, split = variant(name)
    edition = load_edition(project)
    assert edition.errors == [], "\n".join(e.format(project) for e in edition.errors)  # make check passes
    new = edition.corpus
    # every commentary ends on the measure with its subject, in both languages
    for j, sources in expected.items():
        page = new.pages[j]
        for lang in ("en", "zh"):
            got = note_texts(page, lang)
            for s in sources:
                for text in note_texts(old.pages[s], lang):
                    assert text in got, (name, j, s, lang, text[:60])
        if not sources:
            assert page.stage == "stub" and page.commentary == ""
    if name == "inserted":
        kept = new.former[13]
        assert note_texts(kept, "en") == note_texts(old.pages[13], "en")
        assert note_texts(kept, "zh") == note_texts(old.pages[13], "zh")
    # no translation lost, and the numbers in them follow the official text
    everything = " ".join(p.en or "" for page in list(new.pages.values()) + list(new.former.values())
                          for p in page.paragraphs)
    import re
    for page in old.ordered():
        for para in page.paragraphs:
            assert re.sub(r"^\(\d+\) ", "", para.en) in everything, (name, para.id)
    # the concordance is right
    conc = edition.concordance
    for j, sources in expected.items():
        entry = conc.came_from(j)
        assert entry is not None
        assert ([entry.edition] if entry.edition and entry.shape != "split" else []) + list(entry.also) == sources
    for j, s in split.items():
        assert conc.came_from(j).shape == "split" and conc.came_from(j).edition == s
    # the official text is a witness, attests every paragraph, and the headings are attested
    assert edition.witnesses["O1"].kind == "official"
    assert all(p.heading_status == "attested" for p in new.measures())
    assert all(page.source["status"] == "verified" for page in new.pages.values())
    # and the strict build passes, with the concordance exported
    site = tmp_path / "site"
    result = build_site(site, root=project)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((site / "data/opinions.json").read_text(encoding="utf-8"))
    pairs = {(c["edition"], c["official"]) for c in data["concordance"]}
    for j, sources in expected.items():
        if sources:
            assert (sources[0], j) in pairs
    if name == "swapped":
        eight = next(c for c in data["concordance"] if c["official"] == 9)
        assert {"edition": "m08-1", "official": "m09-1"} in eight["paragraphs"]
        tree = html.fromstring((site / "measures/08/index.html").read_bytes())
        notice = tree.cssselect(".oe-moved")[0].text_content()
        assert "measure 8, on a different subject" in notice and "trade secrets" in notice
        assert tree.cssselect("#oe-moved")
    conc_page = html.fromstring((site / "zh/concordance/index.html").read_bytes())
    assert conc_page.cssselect("table.oe-concordance tbody tr")


@pytest.mark.build
def test_before_any_import_the_concordance_shows_nowhere(site: Path) -> None:
    assert not (site / "concordance").exists() and not (site / "zh/concordance").exists()
    data = json.loads((site / "data/opinions.json").read_text(encoding="utf-8"))
    assert data["concordance"] == []
    tree = html.fromstring((site / "measures/08/index.html").read_bytes())
    assert not tree.cssselect(".oe-moved") and not tree.cssselect("#oe-moved")


# --- old addresses, in Chromium --------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("name", ["swapped", "inserted"])
def test_old_citations_lead_to_the_text_they_cited(name: str, tmp_path: Path, browser) -> None:
    from conftest import build_site
    from scripts import browser as chromium
    project, old = apply(tmp_path, name)
    site = tmp_path / "site"
    assert build_site(site, root=project).returncode == 0
    zh = old.pages[8].paragraphs[0].zh
    cited = zh[zh.index("盗窃"):][:15]  # words of the trade-secret paragraph
    kept = note_texts(old.pages[13], "en")[2].replace("**", "")[:50]
    with chromium.serve_directory(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        # a paragraph id that now names another text here: the page offers the jump
        page.goto(f"{base}/measures/08/#m08-1")
        offer = page.locator("#oe-moved-offer")
        offer.wait_for()
        assert "m08-1" in offer.inner_text()
        offer.locator("a.oe-moved-go").click()
        page.wait_for_load_state()
        fragment = page.evaluate("location.hash.slice(1)")
        assert cited in page.locator(f"[id='{fragment}'] .oe-zh").inner_text()
        # an id that no longer exists at its old address: followed at once
        page.goto(f"{base}/zh/measures/02/#m02-3")
        page.wait_for_url("**/measures/02/#m02-1")
        assert "坚持激励、保护创新" in page.locator("#m02-1 .oe-zh").inner_text()
        if name == "inserted":  # a margin number of a measure the official text lacks
            page.goto(f"{base}/measures/13/#m13-n3")
            page.locator("#oe-moved-offer a.oe-moved-go").click()
            page.wait_for_url("**/former/13/#m13-n3")
            assert kept[:30] in page.locator("#m13-n3").inner_text()
        context.close()
