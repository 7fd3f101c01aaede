"""The search indexes a worker process makes are the indexes the build would make itself, and what
its segmentation learnt comes back to the build's store."""
from __future__ import annotations

import json
from typing import Any

import pytest

from scripts.edition import Edition, zh
from scripts.site import search_ahead
from scripts.site.search_ahead import LANGS, SearchAhead
from scripts.site.search_index import build_index, dumps

pytestmark = pytest.mark.unit

# Material's index of two hand-written pages, one per interface (what on_post_build hands over)
MATERIAL: dict[str, Any] = {"config": {"lang": ["en", "zh"]}, "docs": [
    {"location": "about/", "title": "About", "text": "<p>An edition of the Opinions 知识产权检察</p>"},
    {"location": "zh/about/", "title": "关于", "text": "<p>本版说明：知识产权检察工作</p>"},
]}


def test_the_worker_makes_the_indexes_the_build_would_make(edition: Edition,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_ahead, "enabled", lambda: True)
    ahead = SearchAhead()
    ahead.start(edition)
    made = ahead.indexes(edition, MATERIAL)
    assert set(made) == set(LANGS)
    for lang in LANGS:
        assert made[lang] == dumps(build_index(edition, MATERIAL, lang))
        locations = [doc["location"] for doc in json.loads(made[lang])["docs"]]
        assert locations[0] == "about/" and any(loc.startswith("measures/") for loc in locations)


def test_without_a_worker_the_indexes_are_made_in_the_build(edition: Edition,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_ahead, "enabled", lambda: False)
    ahead = SearchAhead()
    ahead.start(edition)
    assert ahead.indexes(edition, MATERIAL) == {lang: dumps(build_index(edition, MATERIAL, lang)) for lang in LANGS}


def test_what_another_process_learnt_is_kept_to_be_saved() -> None:
    words: tuple[str, ...] = ("测试专用词",)
    try:
        zh.learn({(words, ()): {"seg": {"测试专用词语": ["测试专用词", "语"]}}})
        memo = zh._memo(words)
        assert memo.maps["seg"]["测试专用词语"] == ["测试专用词", "语"] and memo.dirty
        assert zh.segmenter(words).segment("测试专用词语") == ["测试专用词", "语"], "read from the memo, not cut again"
    finally:  # nothing of this test's words is saved to the store
        zh._MEMOS.pop((words, ()), None)
        zh.segmenter.cache_clear()
