"""Importing the official text (issue 15), applied: for every synthetic outline (tests/official_variants.py),
every subject lands where it belongs, nothing is lost, and the strict build passes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from helpers import build_site
from official_variants import VARIANTS, apply, note_texts, variant
from scripts.edition import load_edition

pytestmark = pytest.mark.build


# --- applying: every case, checked and built ------------------------------------------------

@pytest.mark.parametrize("name", VARIANTS)
def test_apply_moves_every_subject_and_the_site_builds(name: str, tmp_path: Path) -> None:
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


def test_before_any_import_the_concordance_shows_nowhere(site: Path) -> None:
    assert not (site / "concordance").exists() and not (site / "zh/concordance").exists()
    data = json.loads((site / "data/opinions.json").read_text(encoding="utf-8"))
    assert data["concordance"] == []
    tree = html.fromstring((site / "measures/08/index.html").read_bytes())
    assert not tree.cssselect(".oe-moved") and not tree.cssselect("#oe-moved")


