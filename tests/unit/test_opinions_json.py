"""The data export's notes: the contract only ever adds keys, so a note written in both
languages keeps `note` as English text and adds its Chinese beside it."""
from __future__ import annotations

import pytest

from scripts.publish.opinions_json import _note

pytestmark = pytest.mark.unit


def test_a_plain_note_stays_english_text() -> None:
    assert _note("Sense only (E1).") == {"note": "Sense only (E1)."}


def test_a_bilingual_note_keeps_note_english_and_adds_note_zh() -> None:
    assert _note({"en": "Sense only (E1).", "zh": "仅有其意（E1）。"}) == {"note": "Sense only (E1).",
                                                                        "note_zh": "仅有其意（E1）。"}
