"""The page parser and checker on good and bad fixture pages.

Each bad page must produce its own specific error, at the right line, with a
fix; none may pass silently or drop a paragraph.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest

from helpers import ROOT, edit, edit_line, line_of, run_check
from scripts.checks import check_edition
from scripts.edition.corpus import load_corpus
from scripts.edition.limits import COMMENTARY_CHARS, PAGE_BYTES
from scripts.edition.page import parse_page

FIXTURES = Path(__file__).parent / "fixtures" / "pages"

# fixture -> (error code, line, words the message must contain)
BAD = {
    "bad-yaml.md": ("yaml", 6, "malformed"),
    "bad-unknown-key.md": ("schema", 17, "unknown key 'relatd'"),
    "bad-missing-key.md": ("schema", 2, "required key 'stage'"),
    "bad-enum.md": ("schema", 8, "'crimnal' is not allowed"),
    "bad-duplicate-id.md": ("id", 25, "duplicate paragraph id 'm08-1'"),
    "bad-malformed-id.md": ("id", 19, "malformed paragraph id 'm8-1'"),
    "bad-foreign-id.md": ("id", 19, "'m09-1' does not belong to this page"),
    "bad-missing-translation.md": ("translation", 20, "'m08-1' has no English translation"),
    "bad-unclosed.md": ("structure", 19, "never closed"),
    "bad-stray-text.md": ("structure", 25, "text outside a paragraph block"),
    "bad-english-first.md": ("pair", 20, "first paragraph of 'm08-1' is not Chinese"),
    "bad-three-paragraphs.md": ("pair", 24, "more than two paragraphs"),
    "bad-duplicate-key.md": ("yaml", 17, "'stage' appears twice"),
    "bad-no-front-matter.md": ("front-matter", 1, "does not start with front matter"),
    "bad-uncertain-id.md": ("id", 15, "'m08-7', which is not on this page"),
    "bad-short-commentary.md": ("commentary", 25, "at least 300 expected"),
    "bad-no-commentary.md": ("commentary", 18, "no commentary"),
    "bad-no-id.md": ("id", 19, "without an id"),
    "bad-gap-mismatch.md": ("coverage", 22, "marks 1 gap(s) ［……］ but the English marks 0"),
    "bad-coverage-heading.md": ("coverage", 12, "coverage is 'heading' but the page holds more"),
    # issue 17: not UTF-8 (a Latin-1 é), an unclosed quote far from where YAML gives up, an oversize paragraph
    "bad-not-utf8.md": ("encoding", 22, "byte 0xe9 at byte offset 524 (line 22, byte 105 of the line)"),
    "bad-unclosed-quote.md": ("yaml", 6, "the quote \" opened on this line is never closed"),
    "bad-paragraph-too-long.md": ("size", 20, "has 3,025 characters, more than the 3,000 characters"),
}


def test_good_page_parses_completely() -> None:
    page, errors = parse_page(FIXTURES / "good.md")
    assert errors == []
    assert [p.id for p in page.paragraphs] == ["m08-1", "m08-2"]
    # a Chinese paragraph wrapped over two lines is joined without a space
    assert page.paragraphs[1].zh == "坚持罪刑法定原则，合理界定民事纠纷与刑事犯罪的界限。"
    assert page.paragraphs[1].en.startswith("Adhere to the principle of legality")
    assert page.paragraphs[0].zh_line == 20 and page.paragraphs[0].en_line == 22
    assert page.commentary == "A short draft commentary."


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in FIXTURES.glob("bad-*.md")} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_page_gives_its_specific_error(name: str) -> None:
    code, line, words = BAD[name]
    _, errors = parse_page(FIXTURES / name)
    assert errors, f"{name} passed the checker"
    match = [e for e in errors if e.code == code and words in e.message]
    assert match, f"{name}: expected [{code}] '{words}', got: {[e.format() for e in errors]}"
    assert match[0].line == line
    assert match[0].fix, "every error says how to fix it"
    assert match[0].format().startswith(f"{FIXTURES / name}:{line}: error [{code}]")


def test_bad_fixtures_say_what_to_do() -> None:
    _, errors = parse_page(FIXTURES / "bad-not-utf8.md")
    assert "save the file as UTF-8" in errors[0].fix
    _, errors = parse_page(FIXTURES / "bad-unclosed-quote.md")
    assert "YAML gives up on line 13" in errors[0].message and "closing \"" in errors[0].fix


def test_unknown_key_suggests_the_right_one() -> None:
    _, errors = parse_page(FIXTURES / "bad-unknown-key.md")
    assert "did you mean 'related'?" in errors[0].fix


def test_real_pages_pass() -> None:
    corpus = load_corpus(ROOT)
    assert [e.format() for e in corpus.errors] == []
    assert sorted(corpus.pages) == list(range(0, 22))
    assert corpus.pages[8].stage == "complete"


def test_check_command_passes_on_the_real_tree() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "check: OK" in result.stdout


def test_check_reports_unknown_related_measure(project: Path) -> None:
    (project / "docs/measures/15.md").unlink()
    result = run_check(project)
    assert result.returncode == 1
    assert "docs/measures/15.md:1: error [structure]: the page for measure 15 is missing" in result.stderr
    line = line_of(project / "docs/measures/08.md", "related:")
    assert f"docs/measures/08.md:{line}: error [related]: related measure 15 does not exist" in result.stderr


def test_check_reports_heading_mismatch(project: Path) -> None:
    edit(project / "docs/measures/08.md", "  zh: 加强商业秘密保护", "  zh: 加强商业秘密司法保护")
    result = run_check(project)
    assert result.returncode == 1
    line = line_of(project / "docs/measures/08.md", "（八）")
    assert f"08.md:{line}: error [heading]" in result.stderr
    assert "（八）加强商业秘密司法保护" in result.stderr


def test_check_reports_number_and_file_name_disagreeing(project: Path) -> None:
    edit(project / "docs/measures/08.md", "number: 8", "number: 9")
    result = run_check(project)
    assert result.returncode == 1
    assert "08.md:2: error [structure]: number is 9 but the file is 08.md" in result.stderr


def test_check_lists_all_errors_not_just_the_first(project: Path) -> None:
    edit(project / "docs/measures/08.md", "related: [3, 4, 14, 15]", "relatd: [3]")
    edit_line(project / "docs/measures/03.md", r"^functions: .*$", "functions: [crminal]")
    result = run_check(project)
    assert result.returncode == 1
    assert "unknown key 'relatd'" in result.stderr and "'crminal' is not allowed" in result.stderr
    assert "lacks the required key 'related'" in result.stderr
    assert "3 errors found." in result.stderr


def test_strict_build_refuses_broken_content(project: Path, tmp_path: Path) -> None:
    from conftest import build_site
    edit(project / "docs/measures/08.md", "/// para | m08-1", "/// para | m8-1")
    line = line_of(project / "docs/measures/08.md", "/// para | m8-1")
    result = build_site(tmp_path / "out", root=project)
    assert result.returncode != 0
    assert f"docs/measures/08.md:{line}: error [id]: malformed paragraph id 'm8-1'" in result.stderr + result.stdout


# --- bad input in a whole project: the lock, links, the glossary, sizes (issue 17) -----------
# Each edit breaks a copy of the real project the way a contributor might; `make check`
# (check_edition, in process) must report it at the line of the changed thing, with a fix.

def swap_blocks(a: str, b: str) -> Callable[[str], str]:
    """Swap two '/// para' blocks, ids and all (what a contributor reordering paragraphs does)."""
    def change(text: str) -> str:
        blocks = {m.group(1): m.group(0) for m in re.finditer(r"/// para \| (\S+)\n.*?\n///\n", text, re.S)}
        return text.replace(blocks[a], "\0").replace(blocks[b], blocks[a]).replace("\0", blocks[b])
    return change


def replace(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


def swap_chinese(a: str, b: str) -> Callable[[str], str]:
    """Swap the Chinese of two paragraphs, leaving ids and English in place."""
    def change(text: str) -> str:
        zh = {m.group(1): m.group(2) for m in re.finditer(r"/// para \| (\S+)\n(.*?)\n", text)}
        return text.replace(f"| {a}\n{zh[a]}\n", f"| {a}\n\0\n").replace(f"| {b}\n{zh[b]}\n", f"| {b}\n{zh[a]}\n") \
            .replace(f"| {a}\n\0\n", f"| {a}\n{zh[b]}\n")
    return change


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n\n" + extra + "\n"


FILLER_ZH = "这是为测试而合成的评注文字，"  # synthetic filler, 14 characters
LOCKED = "differs from the locked version"
# name -> (file, change, error code, a string on the line the error must name, words of the message)
BAD_EDITS: dict[str, tuple[str, Callable[[str], str], str, str, str]] = {
    "paragraphs-swapped": ("docs/measures/02.md", swap_blocks("m02-2", "m02-3"), "lock", "/// para | m02-3",
                           "the order of the paragraphs of measure 2 changed: 'm02-3' now stands where 'm02-2'"),
    "heading-paragraph-moved": ("docs/measures/02.md", swap_blocks("m02-1", "m02-2"), "heading", "/// para | m02-2",
                                "the paragraphs are out of order: the heading （二） stands in 'm02-1'"),
    "heading-paragraph-moved-lock": ("docs/measures/02.md", swap_blocks("m02-1", "m02-2"), "lock",
                                     "/// para | m02-2", "'m02-2' now stands where 'm02-1' stood"),
    "text-moved-between-ids": ("docs/measures/02.md", swap_chinese("m02-2", "m02-3"), "lock",
                               "坚持激励、保护创新。\n\nAdhere to serving",
                               "the Chinese source of 'm02-2' is now the locked text of 'm02-3'"),
    "document-title": ("data/document.yml", replace("zh: 最高人民检察院关于全面加强新时代知识产权检察工作的意见",
                                                    "zh: 最高人民检察院关于全面加强新时代知识产权审判工作的意见"),
                       "lock", "审判工作", f"the document's Chinese title {LOCKED}"),
    "document-title-attestations": ("data/document.yml", replace("witnesses: [R1, R2], grade: A}",
                                                                 "witnesses: [R1], grade: A}"),
                                    "lock", "title_attestations:", f"the attestations of the document's title differ"),
    "part-title": ("data/document.yml", replace("zh: 总体要求\n", "zh: 总体目标\n"), "lock", "zh: 总体目标",
                   f"the Chinese title of part 1 {LOCKED}"),
    "part-apparatus": ("data/document.yml", replace("title_status: reported", "title_status: attested"), "lock",
                       "title_status: attested\n    witnesses: [P1", f"what attests the title of part 2 {LOCKED}"),
    "heading-and-number": ("docs/measures/08.md", replace("  zh: 加强商业秘密保护\n", "  zh: 加强商业秘密司法保护\n"), "lock",
                           "zh: 加强商业秘密司法保护", f"the heading of measure 8 and its number {LOCKED}"),
    "heading-status": ("docs/measures/02.md", replace("heading:\n  status: conjecture",
                                                      "heading:\n  status: reported\n  witnesses: [P3]"),
                       "lock", "heading:", f"what the heading of measure 2 rests on ('heading') {LOCKED}"),
    "attestations": ("docs/measures/02.md", replace("{text: 坚持服务大局, witnesses: [P3], grade: C}",
                                                    "{text: 坚持服务大局, witnesses: [P1, P3], grade: C}"),
                     "lock", "  m02-2:", f"the attestations of 'm02-2' differ from the locked version"),
    "variants": ("docs/measures/08.md", replace("{text: 加强商业秘密司法保护, witnesses: [P3, E1]}",
                                                "{text: 加强商业秘密司法保护, witnesses: [P3]}"),
                 "lock", "variants:", "the variants of measure 8 differ from the locked version"),
    "preamble": ("docs/measures/preamble.md", replace("为深入贯彻", "为全面贯彻"), "lock", "为全面贯彻",
                 "the Chinese source of 'pre-2' differs from the locked text"),
    "preamble-order": ("docs/measures/preamble.md", swap_blocks("pre-1", "pre-2"), "lock", "/// para | pre-2",
                       "the order of the paragraphs of the preamble changed"),
    "witness": ("data/witnesses.yml", replace("id=742770", "id=742771"), "lock", "- siglum: R2",
                f"the witness R2 {LOCKED}"),
    "link-to-missing-measure": ("docs/measures/08.md", replace("[criminal clause](03.md)", "[criminal clause](23.md)"),
                                "link", "[criminal clause](23.md)", "points to measure 23, which does not exist"),
    "link-to-missing-paragraph": ("docs/measures/08.md", replace("[criminal clause](03.md)",
                                                                 "[criminal clause](03.md#m03-9)"),
                                  "link", "(03.md#m03-9)", "points to '#m03-9', which 03.md does not have"),
    "link-to-missing-margin-number": ("docs/measures/08.md", replace("[criminal clause](03.md)",
                                                                     "[criminal clause](#m08-n99)"),
                                      "link", "(#m08-n99)", "points to '#m08-n99', which 08.md does not have"),
    "link-from-translation": ("docs/measures/08.md", replace("Adhere to the principle of legality,",
                                                             "Adhere to the [principle](09.md#m09-7) of legality,"),
                              "link", "(09.md#m09-7)", "points to '#m09-7', which 09.md does not have"),
    "link-from-chinese-commentary": ("docs/measures/08.md", replace("[刑事条款](03.md)", "[刑事条款](03.md#m03-zh-n99)"),
                                     "link", "[刑事条款](03.md#m03-zh-n99)", "points to '#m03-zh-n99'"),
    "link-from-hand-written-page": ("docs/about.md", append("See [measure 23](measures/23.md)."), "link",
                                    "[measure 23](measures/23.md)", "points to measure 23, which does not exist"),
    "glossary-term-without-english": ("data/glossary.yml", replace("  en: Supreme People's Procuratorate\n", "  en:\n"),
                                      "schema", "  en:\n", "the term 最高人民检察院, 'en' has no value"),
    "glossary-term-without-definition": ("data/glossary.yml", replace(
        "  definition: China's highest procuratorial organ; it leads the work of the people's procuratorates at every "
        "level.\n", ""), "schema", "- zh: 最高人民检察院", "lacks the required key 'definition' (the term 最高人民检察院)"),
    "glossary-not-utf8": ("data/glossary.yml", replace("the English we use", "the English we us\udce9"), "encoding",
                          "the English we us", "the file is not UTF-8: byte 0xe9"),
    "page-too-large": ("docs/measures/08.md", append("超大页面的开头，" + FILLER_ZH * (PAGE_BYTES // 40)), "size",
                       "超大页面的开头", f"more than the {PAGE_BYTES // 1000} KB a page may hold"),
    "commentary-too-long": ("docs/measures/08.md", append(FILLER_ZH * (COMMENTARY_CHARS // 14 + 1)), "size", "## 评注",
                            f"more than the {COMMENTARY_CHARS:,} characters a commentary may hold"),
}


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(BAD_EDITS))
def test_bad_edit_gives_its_specific_error(name: str, project: Path) -> None:
    rel, change, code, needle, words = BAD_EDITS[name]
    path = project / rel
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    errors = check_edition(project).errors
    match = [e for e in errors if e.code == code and words in e.message]
    assert match, f"{name}: expected [{code}] '{words}', got: {[e.format(project) for e in errors]}"
    line = line_of_bytes(path, needle)
    assert (Path(match[0].path), match[0].line) == (path, line), match[0].format(project)
    assert match[0].fix, "every error says how to fix it"
    if code == "lock":
        assert "`make lock`" in match[0].fix and "say why in the pull request" in match[0].fix


def line_of_bytes(path: Path, needle: str) -> int:
    """line_of for files that need not be UTF-8; a needle may span lines ('坚持党的领导。\n')."""
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    assert needle in text, f"{needle!r} not in {path}"
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.unit
def test_a_paragraph_swap_is_not_blamed_on_the_title(project: Path) -> None:
    """Today's trial: swapping the first two paragraphs said "make title.zh match the heading"."""
    path = project / "docs/measures/02.md"
    path.write_text(swap_blocks("m02-1", "m02-2")(path.read_text(encoding="utf-8")), encoding="utf-8")
    errors = check_edition(project).errors
    assert {e.code for e in errors} == {"heading", "lock"}, [e.format(project) for e in errors]
    assert not [e for e in errors if "title.zh" in e.fix], "the fix must not send the contributor to title.zh"


@pytest.mark.unit
def test_every_locked_entry_is_one_readable_line() -> None:
    lock = (ROOT / "data/source.lock").read_text(encoding="utf-8").splitlines()
    entries = [line.split(" ", 1) for line in lock if line and not line.startswith("#")]
    keys = [k for k, _ in entries]
    assert len(keys) == len(set(keys))
    assert {"title", "title.attestations", "part-1", "part-1.apparatus", "pre.order", "m02.order", "m08.heading",
            "m08.heading-status", "m08-1.attestations", "m08.variants", "witness.R1"} <= set(keys)
    assert dict(entries)["m02.order"] == "m02-1,m02-2,m02-3", "an order is written as the ids, readable in a diff"

