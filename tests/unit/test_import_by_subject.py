"""Importing the official text when our outline is wrong (issue 15), in process: pairing by
subject, reading the SPP page, the plan, the report and the dry run.

The official texts are synthetic (tests/official_variants.py, from
tests/fixtures/official/synthetic-base.txt, marked so in their first line): the
structure and length of the Opinions, with the outline changed as an official text
may change it against our conjecture: two measures swapped, two merged, one split,
one inserted, and the outline unchanged.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, copy_project, run
from official_variants import VARIANTS, REFERENCE, official_file, tree_sums, variant
from scripts.edition.corpus import load_corpus
from scripts.tools.import_official import lost_content
from scripts.tools.matching import pair_measures
from scripts.tools.official import parse_official, read_lines
from scripts.tools.relocate import Relocation

pytestmark = pytest.mark.unit


# --- pairing by subject ----------------------------------------------------------------------

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


def test_the_spp_page_and_plain_text_read_alike(tmp_path: Path) -> None:
    a = parse_official(read_lines(official_file(tmp_path, "swapped", True)), parts=4, measures=21)
    b = parse_official(read_lines(official_file(tmp_path, "swapped", False)), parts=4, measures=21)
    assert (a.preamble, a.parts, a.measures) == (b.preamble, b.parts, b.measures)
    assert any("发布时间" in line for line in a.skipped), "the date line is furniture, reported"
    assert all("不是正文" not in p for paras in a.measures.values() for p in paras)


def test_a_plan_that_loses_commentary_is_refused(tmp_path: Path) -> None:
    corpus = load_corpus(ROOT)
    off = parse_official(read_lines(official_file(tmp_path, "merged")), parts=4, measures=21)
    plan = Relocation(corpus, off, pair_measures(corpus, off), "O1", REFERENCE, "2026-12-01").build()
    assert lost_content(corpus, plan) == []
    page = next(p for p in plan.pages if p.number == 11)
    page.commentary = page.commentary.split("\n\n", 1)[0]  # as if the merged notes were dropped
    lost = lost_content(corpus, plan)
    assert "docs/measures/12.md: English commentary, N 1" in lost


def test_an_earlier_source_note_keeps_its_languages(tmp_path: Path) -> None:
    """The imported page's source note carries the earlier note, and is written in both languages
    ({en, zh}, as every note is), each language with its own earlier text."""
    corpus = load_corpus(ROOT)
    corpus.pages[3].source["note"] = "The earlier note, in English only."
    corpus.pages[4].source["note"] = {"en": "The earlier note.", "zh": "此前的说明。"}
    off = parse_official(read_lines(official_file(tmp_path, "identical")), parts=4, measures=21)
    plan = Relocation(corpus, off, pair_measures(corpus, off), "O1", REFERENCE, "2026-12-01").build()
    notes = {p.number: p.meta["source"]["note"] for p in plan.pages}
    assert notes[3]["en"].endswith("Earlier note: The earlier note, in English only.") and "2026-12-01" in notes[3]["zh"]
    assert notes[4]["en"].startswith("Checked paragraph by paragraph") and notes[4]["en"].endswith("The earlier note.")
    assert "2026-12-01" in notes[4]["zh"] and notes[4]["zh"].endswith("此前的说明。")


def test_the_report_marks_the_pairings_an_editor_must_check(tmp_path: Path) -> None:
    """The swap is sure; a pairing under 0.6, or one another measure of ours fits about as well,
    is marked on its line and counted in the summary."""
    result = run("import", str(official_file(tmp_path, "swapped")), "--reference", REFERENCE)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("PAIRING", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    lines = {line.split("）", 1)[0] + "）": line for line in table}
    assert "CHECK" not in lines["（八）"] and "CHECK" not in lines["（九）"]
    assert lines["（十三）"].endswith("<- CHECK: confidence under 0.6")
    assert lines["（十四）"].endswith("<- CHECK: ours 9 fits better")
    assert "2 pairings to check (（十三）, （十四）)" in result.stdout


def test_a_dry_run_changes_no_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree_sums(project)
    result = run("import", "--root", str(project), str(official_file(tmp_path, "inserted")), "--reference", REFERENCE)
    assert result.returncode == 0, result.stderr
    assert "PAIRING" in result.stdout and "kept at docs/former/13.md" in result.stdout
    assert "dry run; nothing written" in result.stdout
    assert tree_sums(project) == before


