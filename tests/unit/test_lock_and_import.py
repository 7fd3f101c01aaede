"""The checks that keep the Chinese source trustworthy: the lock and the official-text import."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, ROOT, check, edit, line_of, official_from, run
from scripts.edition.corpus import load_corpus
from scripts.tools.import_official import parse_official, read_lines
from scripts.tools.relocate import EN_CONJECTURAL

pytestmark = pytest.mark.unit

OFFICIAL = FIXTURES / "official"


# --- the source lock -------------------------------------------------------------------------

def test_lock_matches_the_committed_source() -> None:
    result = run("lock", "--root", str(ROOT))
    assert result.returncode == 0, result.stderr


def test_edited_chinese_source_fails_check_with_file_line_and_procedure(content: Path) -> None:
    page = content / "docs/measures/08.md"
    edit(page, "侵犯商业秘密犯罪，以及", "侵犯商业秘密的犯罪，以及")  # reconstructed wording: no attestation breaks
    result = check(content)
    assert result.returncode == 1
    line = line_of(page, "（八）加强商业秘密保护。")
    assert f"docs/measures/08.md:{line}: error [lock]: the Chinese source of 'm08-1' differs from the locked text" \
        in result.stderr
    assert "python -m scripts lock --update" in result.stderr and "official publication" in result.stderr
    # the dedicated command accepts the change, and then the check passes
    assert run("lock", "--root", str(content), "--update").returncode == 0
    assert check(content).returncode == 0


def test_translation_and_commentary_edits_leave_the_lock_alone(content: Path) -> None:
    page = content / "docs/measures/08.md"
    edit(page, "Intensify the crackdown on crimes of infringing trade secrets", "Step up the crackdown on crimes of infringing trade secrets")
    edit(page, "**What the measure asks, and of whom.**", "**What the measure asks, and of whom (revised).**")
    result = check(content)
    assert "[lock]" not in result.stderr  # the commentary's own record asks for a history entry: another rule


def test_new_or_vanished_source_paragraphs_are_caught(content: Path) -> None:
    page = content / "docs/measures/08.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("## Commentary", "/// para | m08-2\n坚持罪刑法定原则。\n\nAdhere to the principle of legality.\n///\n\n## Commentary", 1)
    page.write_text(text, encoding="utf-8")
    result = check(content)
    assert "source paragraph 'm08-2' is not in the source lock" in result.stderr
    # renumbering a paragraph is caught too: its old id vanishes from the lock's point of view
    renamed = text.replace("/// para | m08-1", "/// para | m08-1x", 1).replace("    - para: m08-1", "    - para: m08-1x")
    page.write_text(renamed, encoding="utf-8")
    result = check(content)
    assert "source paragraph 'm08-1x' is not in the source lock" in result.stderr
    assert "locked source paragraph 'm08-1' no longer exists in the edition" in result.stderr
    assert f"data/source.lock:{line_of(content / 'data/source.lock', 'm08-1 ')}:" in result.stderr


# --- parsing the official text ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["synthetic.txt", "synthetic.html"])
def test_official_text_parses_into_preamble_parts_and_measures(name: str) -> None:
    off = parse_official(read_lines(OFFICIAL / name), parts=4, measures=21)
    assert off.problems == []
    assert sorted(off.parts) == [1, 2, 3, 4] and off.parts[2] == "合成的第二部分标题"
    assert sorted(off.measures) == list(range(1, 22))
    assert off.measures[5] == ["（五）合成标题五。这是第五条的合成正文。", "这是第五条的合成第二段。"]
    assert off.preamble[-2:] == ["这是合成的序言第一段。", "这是合成的序言第二段。"]
    assert off.part_of[5] == 2 and off.part_of[21] == 4
    # the HTML page's navigation, scripts and trailing boilerplate are not taken for text
    assert all("不是正文" not in p for paras in off.measures.values() for p in paras)


def test_incomplete_official_text_is_not_applied(content: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("\n".join(line for line in (OFFICIAL / "synthetic.txt").read_text(encoding="utf-8").splitlines()
                                if not line.startswith("（二十一）")), encoding="utf-8")
    result = run("import", "--root", str(content), str(broken), "--apply", "--reference", "test")
    assert result.returncode == 1
    assert "expected measures （一） to （二十一）" in result.stdout
    assert "not applied" in result.stderr


# --- comparing and importing -----------------------------------------------------------------

def test_report_lists_changed_added_and_removed_paragraphs(content: Path, tmp_path: Path) -> None:
    official = tmp_path / "official.txt"
    official.write_text(official_from(content), encoding="utf-8")
    before = (content / "docs/measures/05.md").read_text(encoding="utf-8")
    result = run("import", "--root", str(content), str(official))
    assert result.returncode == 0, result.stderr
    assert "（五）: m05-1*<- m05-1+m05-2, m05-2 <- new" in result.stdout
    assert "m05-2: new in the official text: translation to be written" in result.stdout
    assert "m05-1: holds the translation of former m05-1 and former m05-2" in result.stdout
    assert (content / "docs/measures/05.md").read_text(encoding="utf-8") == before, "a report changes nothing"


def test_apply_replaces_source_keeps_translations_and_flags_review(content: Path, tmp_path: Path) -> None:
    official = tmp_path / "official.txt"
    official.write_text(official_from(content), encoding="utf-8")
    old = load_corpus(content)
    result = run("import", "--root", str(content), str(official), "--apply",
                 "--reference", "SPP, published text of 1 March 2022 (test fixture)", "--checked", "2026-11-25")
    assert result.returncode == 0, result.stderr
    new = load_corpus(content)
    assert new.errors == []
    m5 = new.pages[5]
    # ids follow the official text; the concordance records the one that changed meaning
    assert [p.id for p in m5.paragraphs] == ["m05-1", "m05-2"]
    assert "做深做实。测试修改。" in m5.paragraphs[0].zh
    assert old.pages[5].paragraphs[0].en in m5.paragraphs[0].en
    assert old.pages[5].paragraphs[1].en in m5.paragraphs[0].en, "the removed paragraph's translation is kept"
    assert m5.paragraphs[1].zh == "测试新增段落。" and m5.paragraphs[1].en is None
    assert {"m05-1", "m05-2"} <= set(m5.meta["review"])
    assert m5.source["status"] == "verified" and m5.source["coverage"] == "full"
    assert m5.source["reference"].startswith("SPP, published text") and m5.source["checked"] == "2026-11-25"
    # the commentary stays, but for its conjectural numbers, now the official text's (the outline is unchanged)
    official = EN_CONJECTURAL.sub(lambda m: f"no. {m.group(1)} in the official text", old.pages[5].commentary)
    assert m5.commentary == official
    # an unchanged measure keeps text and translation, and is verified
    m8 = new.pages[8]
    assert [(p.id, p.zh, p.en) for p in m8.paragraphs] == [(p.id, p.zh, p.en) for p in old.pages[8].paragraphs]
    assert m8.source["status"] == "verified"
    assert not any(not x.startswith("m08-") or "-n" not in x and x != "m08-1" for x in m8.meta.get("review", []))
    # a filled gap counts as a changed paragraph: its translation awaits review
    assert "m01-1" in new.pages[1].meta["review"]
    # the lock follows, and the whole project checks clean
    result = check(content)
    assert result.returncode == 0, result.stderr


def test_apply_keeps_both_languages_of_a_bilingual_source_note(content: Path, tmp_path: Path) -> None:
    # a front-matter note may be {en, zh} (CONTRIBUTING): the import keeps each language's earlier note
    page = content / "docs/measures/08.md"
    text = page.read_text(encoding="utf-8")
    head, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(head)
    meta["source"]["note"] = {"en": "An earlier English note.", "zh": "此前的中文说明。"}
    for item in meta["source"].get("uncertain", []):
        item["note"] = {"en": "Doubtful in English.", "zh": "中文存疑说明。"}
    page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")
    assert load_corpus(content).errors == []
    official = tmp_path / "official.txt"
    official.write_text(official_from(content), encoding="utf-8")
    result = run("import", "--root", str(content), str(official), "--apply",
                 "--reference", "SPP, published text of 1 March 2022 (test fixture)", "--checked", "2026-11-25")
    assert result.returncode == 0, result.stderr
    note = load_corpus(content).pages[8].source["note"]
    assert "An earlier English note." in note["en"] and "此前的中文说明。" in note["zh"]
    assert check(content).returncode == 0
