"""Both search indexes hold the Chinese commentary, margin number by margin number."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def test_both_indexes_hold_the_chinese_commentary_note_by_note(site: Path) -> None:
    for prefix, title in (("", "中文评注 · Chinese commentary · N 1"), ("zh/", "评注 · N 1")):
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        notes = {d["location"]: d for d in index["docs"] if "#m08-zh-n" in d["location"]}
        assert "measures/08/#m08-zh-n1" in notes and notes["measures/08/#m08-zh-n1"]["kind"] == "note"
        assert notes["measures/08/#m08-zh-n1"]["title"].replace("\u200b", "") == title
        assert "商业\u200b秘密" in " ".join(d["text"] for d in notes.values())
        english = next(d for d in index["docs"] if d["location"] == "measures/08/#commentary")
        assert english["title"].replace("\u200b", "") == ("Commentary" if not prefix else "英文评注")
