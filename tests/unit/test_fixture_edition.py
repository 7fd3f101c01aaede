"""The fixture edition (tests/fixtures/edition/) is a valid edition under the current rules, and has
not been imported: the tests that start from it test the checks and the import, not a broken input."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import check

pytestmark = pytest.mark.unit


def test_the_fixture_edition_passes_make_check(content: Path) -> None:
    result = check(content)
    assert result.returncode == 0, result.stderr


def test_the_fixture_edition_has_not_been_imported(content: Path) -> None:
    concordance = yaml.safe_load((content / "data/concordance.yml").read_text(encoding="utf-8")) or {}
    assert not concordance.get("measures"), "the import tests need an edition before the import"
