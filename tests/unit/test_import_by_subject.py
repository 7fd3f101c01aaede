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

from helpers import FIXTURE_EDITION, copy_project, run
from official_variants import REFERENCE, VARIANTS, official_file, tree_sums, variant
from scripts.edition.corpus import load_corpus
from scripts.tools.import_official import doubtful, lost_content
from scripts.tools.matching import Evidence, Pairing, pair_measures
from scripts.tools.official import parse_official, read_lines
from scripts.tools.relocate import Relocation

pytestmark = pytest.mark.unit


# --- pairing by subject ----------------------------------------------------------------------

@pytest.mark.parametrize("name", VARIANTS)
def test_measures_are_paired_by_subject(name: str, tmp_path: Path) -> None:
    _, expected, split = variant(name)
    off = parse_official(read_lines(official_file(tmp_path, name)), parts=4, measures=21)
    assert off.problems == [] and len(off.preamble) == 2
    pairing = pair_measures(load_corpus(FIXTURE_EDITION), off)
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
    corpus = load_corpus(FIXTURE_EDITION)
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
    corpus = load_corpus(FIXTURE_EDITION)
    corpus.pages[3].source["note"] = "The earlier note, in English only."
    corpus.pages[4].source["note"] = {"en": "The earlier note.", "zh": "此前的说明。"}
    off = parse_official(read_lines(official_file(tmp_path, "identical")), parts=4, measures=21)
    plan = Relocation(corpus, off, pair_measures(corpus, off), "O1", REFERENCE, "2026-12-01").build()
    notes = {p.number: p.meta["source"]["note"] for p in plan.pages}
    assert notes[3]["en"].endswith("Earlier note: The earlier note, in English only.") and "2026-12-01" in notes[3]["zh"]
    assert notes[4]["en"].startswith("Checked paragraph by paragraph") and notes[4]["en"].endswith("The earlier note.")
    assert "2026-12-01" in notes[4]["zh"] and notes[4]["zh"].endswith("此前的说明。")


def test_the_report_marks_the_pairings_an_editor_must_check(tmp_path: Path) -> None:
    """Every line marked CHECK is one `doubtful` names, with its reason; the summary counts and
    names the same lines; a pairing whose heading, text and spans all agree is never marked."""
    result = run("import", "--root", str(FIXTURE_EDITION), str(official_file(tmp_path, "swapped")),
                 "--reference", REFERENCE)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("PAIRING", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    lines = {line.split("）", 1)[0] + "）": line for line in table}
    marked = [k for k, line in lines.items() if "<- CHECK: " in line]
    for line in lines.values():
        if "heading 1.00, text 1.00, spans 1.00" in line:
            assert "CHECK" not in line, line
    assert f"{len(marked)} pairings to check" + (f" ({', '.join(marked)})" if marked else "") in result.stdout


def _pairing(score: float, runner: float, confidence: float) -> Pairing:
    p = Pairing(sources={1: [1]}, confidence={1: confidence}, runner_up={1: (9, runner)})
    p.evidence[(1, 1)] = Evidence(score, 1.0, 1.0, 1.0)
    return p


@pytest.mark.parametrize("score, runner, confidence, why", [
    (1.00, 0.77, 0.73, None),  # the trial's false alarm: a perfect pair, its runner-up far behind
    (0.95, 0.20, 0.95, None),
    (0.50, 0.10, 0.50, "confidence under 0.6"),
    (0.80, 0.75, 0.65, "ours 9 fits almost as well"),
    (0.80, 0.85, 0.61, "ours 9 fits better"),
])
def test_a_runner_up_is_weighed_against_the_pairs_own_score(score: float, runner: float, confidence: float,
                                                             why: str | None) -> None:
    """The runner-up's score is compared with the pair's score, not with the blended confidence."""
    assert doubtful(_pairing(score, runner, confidence), 1) == why


def test_the_outline_unchanged_raises_no_false_alarm(tmp_path: Path) -> None:
    result = run("import", "--root", str(FIXTURE_EDITION), str(official_file(tmp_path, "identical")),
                 "--reference", REFERENCE)
    assert "fits better" not in result.stdout


def test_a_dry_run_changes_no_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", fixture=True)
    before = tree_sums(project)
    result = run("import", "--root", str(project), str(official_file(tmp_path, "inserted")), "--reference", REFERENCE)
    assert result.returncode == 0, result.stderr
    assert "PAIRING" in result.stdout and "kept at docs/former/13.md" in result.stdout
    assert "dry run; nothing written" in result.stdout
    assert tree_sums(project) == before


