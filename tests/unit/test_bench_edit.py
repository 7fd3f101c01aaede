"""The edit `make bench` times under `mkdocs serve` is one `make check` accepts: were it refused,
the served page would never show it and the benchmark would wait in vain (it did, once margin
numbers and the commentary record came)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run
from scripts.bench.builds import into_translation
from scripts.edition.corpus import load_corpus

pytestmark = pytest.mark.unit


def test_the_timed_edit_lands_in_a_translation_and_passes_the_checks(content: Path) -> None:
    page = next(p for p in load_corpus(content).measures() if p.paragraphs)
    page.path.write_text(into_translation(page.path.read_text(encoding="utf-8"), "Benchmark edit 1 0a1b."),
                         encoding="utf-8")
    edited = next(p for p in load_corpus(content).measures() if p.number == page.number)
    assert (edited.paragraphs[0].en or "").endswith("Benchmark edit 1 0a1b.")
    result = run("check", "--root", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
