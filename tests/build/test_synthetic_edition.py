"""The scaling run's synthetic editions (scripts/bench/scaling.py) pass the edition's own checks."""
from __future__ import annotations

import pytest

from scripts.bench.scaling import synthesize
from scripts.edition import yamlmap
from scripts.edition.lock import check_lock
from scripts.site_markdown import check_edition

pytestmark = pytest.mark.build


def test_a_synthetic_edition_of_42_measures_passes_every_check(tmp_path, monkeypatch) -> None:
    project = synthesize(tmp_path / "synthetic", 42)
    # the checks read the schemas of the copy, as `python -m scripts check` run in it does
    monkeypatch.setattr(yamlmap, "SCHEMA_DIR", project / "scripts" / "schemas")
    yamlmap.load_schema.cache_clear()
    try:
        edition = check_edition(project)
        assert [str(e) for e in edition.errors] == []
        corpus = edition.corpus
        assert [p.number for p in corpus.measures()] == list(range(1, 43))
        assert corpus.measure_count == 42 and len(corpus.document["parts"]) == 8
        assert "synthetic" in corpus.document["title"]["en"]
        # copy 1 of measure 8 is measure 29, in part 6 (copy 1 of part 2), with its own ids
        page = corpus.pages[29]
        assert page.meta["part"] == 6 and page.paragraphs[0].id == "m29-1"
        assert page.paragraphs[0].zh.startswith("（二十九）" + corpus.pages[8].title["zh"])
        assert len(page.paragraphs) == len(corpus.pages[8].paragraphs)
        assert check_lock(corpus) == []
    finally:
        yamlmap.load_schema.cache_clear()


def test_sizes_that_are_not_a_multiple_of_the_real_edition_are_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="multiple of 21"):
        synthesize(tmp_path / "synthetic", 50)
