"""The store of slow results (scripts/edition/cache.py) and what jieba's memo keeps in it."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.builds import skipped
from scripts.edition import cache, zh
from scripts.edition.paths import ROOT

pytestmark = pytest.mark.unit


def test_an_entry_comes_back_as_it_was_stored(tmp_path: Path) -> None:
    store = cache.Store(tmp_path)
    store.put("page", "ab" * 32, {"html": "<p>商业秘密</p>", "toc": []})
    assert store.get("page", "ab" * 32) == {"html": "<p>商业秘密</p>", "toc": []}
    assert store.get("page", "cd" * 32) is None


def test_a_damaged_entry_is_made_again_not_read(tmp_path: Path) -> None:
    store = cache.Store(tmp_path)
    store.put("page", "ab" * 32, {"html": "x"})
    path = next(tmp_path.rglob("*.json"))
    path.write_text('{"html": "x', encoding="utf-8")  # cut short, as by a crash
    assert store.get("page", "ab" * 32) is None


def test_the_cache_turned_off_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    store = cache.store(tmp_path)
    store.put("page", "ab" * 32, {"html": "x"})
    assert store.get("page", "ab" * 32) is None and not list(tmp_path.iterdir())
    monkeypatch.setenv(cache.ENV, str(tmp_path / "elsewhere"))
    assert cache.store(tmp_path).folder == tmp_path / "elsewhere"
    monkeypatch.delenv(cache.ENV)
    assert cache.store(tmp_path).folder == tmp_path / ".cache"


def test_the_setting_is_the_one_settings_lists() -> None:
    from scripts import settings

    assert cache.ENV == settings.CACHE


def test_keys_do_not_collide_when_parts_are_cut_differently() -> None:
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    assert cache.digest("ab", "c") == cache.digest("ab", "c")


@pytest.fixture
def scratch_store(tmp_path: Path):
    zh.remember_in(cache.Store(tmp_path))
    yield tmp_path
    zh.remember_in(cache.store(ROOT))


def test_a_known_text_is_segmented_without_reading_jiebas_dictionary(scratch_store: Path) -> None:
    words = ("商标恶意抢注",)
    first = zh.Segmenter(words)
    fine, pinyin = first.segment_fine("依法打击商标恶意抢注行为"), first.pinyin("商标恶意抢注")
    assert fine == ["依法", "打击", "商标", "恶意", "抢注", "行为"] and first._tokenizer is not None
    zh.save()
    zh._MEMOS.clear()  # as in the next process
    again = zh.Segmenter(words)
    assert again.segment_fine("依法打击商标恶意抢注行为") == fine and again.pinyin("商标恶意抢注") == pinyin
    assert again._tokenizer is None  # the dictionary was never read
    other = zh.Segmenter(("商业秘密",))  # other words: another memo, since the cuts may differ
    assert other._memo.key != again._memo.key


def test_the_benchmarks_project_copy_keeps_scripts_site_and_leaves_out_the_built_site() -> None:
    assert skipped(ROOT, str(ROOT), ["site", "scripts", ".cache", ".venv", "docs"]) == ["site", ".cache", ".venv"]
    assert skipped(ROOT, str(ROOT / "scripts"), ["site", "edition", "__pycache__"]) == ["__pycache__"]


def test_markdown_rendered_for_the_checks_is_kept_and_not_rendered_again(tmp_path: Path) -> None:
    """What the allowlist check renders is kept (scripts/site_markdown.py): the next process finds
    each text's HTML in the store, keyed by the extensions and their versions, and renders nothing."""
    from scripts.site_markdown import Converter, Rendered

    extensions, text = '[["toc", "tables"], {}]', "A *commentary* paragraph.\n\n| a |\n|---|\n| 1 |"
    first = Rendered(Converter(extensions), cache.Store(tmp_path))
    html = first(text)
    assert "<em>commentary</em>" in html and "<table>" in html
    first.save()
    again = Converter(extensions)  # as in the next process
    again.md = None  # type: ignore[assignment]  # rendering now would fail: it must not be needed
    assert Rendered(again, cache.Store(tmp_path))(text) == html
    assert Converter('[["toc"], {}]').key != again.key, "other extensions: another entry"
    assert Rendered(Converter(extensions), cache.Store(None))("*x*") == "<p><em>x</em></p>", "no store: rendered"
