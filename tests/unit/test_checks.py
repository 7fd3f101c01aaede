"""`make check` on broken copies of the content: every error names file, line and fix.

The checks run in this process (helpers.check is `python -m scripts check`
without a new interpreter); tests/build/test_commands.py runs the real command line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest

from helpers import FIXTURE_EDITION, ROOT, check, edit, edit_line, line_of
from scripts.edition.limits import COMMENTARY_CHARS, PAGE_BYTES

pytestmark = pytest.mark.unit


# --- pages and structure ---------------------------------------------------------------------

def test_check_reports_unknown_related_measure(content: Path) -> None:
    (content / "docs/measures/15.md").unlink()
    result = check(content)
    assert result.returncode == 1
    assert "docs/measures/15.md:1: error [structure]: the page for measure 15 is missing" in result.stderr
    line = line_of(content / "docs/measures/08.md", "related:")
    assert f"docs/measures/08.md:{line}: error [related]: related measure 15 does not exist" in result.stderr


def _linked_measure(root: Path) -> tuple[int, list[Path]]:
    """A measure that other pages link to, and those pages (whatever the content is today)."""
    pages = sorted((root / "docs/measures").glob("[0-9][0-9].md"))
    for target in pages:
        linking = [p for p in pages if p != target and f"]({target.name}" in p.read_text(encoding="utf-8")]
        if linking:
            return int(target.stem), linking
    raise AssertionError("no measure page links another")


def test_a_renamed_page_is_reported_first_as_a_rename(content: Path) -> None:
    """12.md renamed 12a.md: the first error names the rename and its fix; the links to it say the
    page stands elsewhere, and none of them offers the range of file names as the fix."""
    number, linking = _linked_measure(content)
    old = content / f"docs/measures/{number:02d}.md"
    new = old.with_name(f"{number:02d}a.md")
    old.rename(new)
    result = check(content)
    assert result.returncode == 1
    first = result.stderr.split("\n", 2)[:2]
    assert first[0].startswith(f"docs/measures/{new.name}:1: error [structure]: '{new.name}' holds measure {number}"), first
    assert f"git mv docs/measures/{new.name} docs/measures/{old.name}" in first[1]
    links = [line for line in result.stderr.splitlines() if f"the link '{old.name}" in line]
    assert links and all(f"stands in {new.name}" in line for line in links)
    assert "01.md to" not in result.stderr and f"the page for measure {number} is missing" not in result.stderr


def test_a_missing_page_leads_and_its_links_do_not_offer_the_range_as_the_fix(content: Path) -> None:
    number, linking = _linked_measure(content)
    (content / f"docs/measures/{number:02d}.md").unlink()
    result = check(content)
    assert result.stderr.startswith(f"docs/measures/{number:02d}.md:1: error [structure]: the page for measure "
                                    f"{number} is missing")
    assert f"whose page docs/measures/{number:02d}.md is missing" in result.stderr
    assert "01.md to" not in result.stderr


def test_check_reports_heading_mismatch(content: Path) -> None:
    edit(content / "docs/measures/08.md", "  zh: 加强商业秘密保护", "  zh: 加强商业秘密司法保护")
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "docs/measures/08.md", "（八）")
    assert f"08.md:{line}: error [heading]" in result.stderr
    assert "（八）加强商业秘密司法保护" in result.stderr


def test_check_reports_number_and_file_name_disagreeing(content: Path) -> None:
    edit(content / "docs/measures/08.md", "number: 8", "number: 9")
    result = check(content)
    assert result.returncode == 1
    assert "08.md:2: error [structure]: number is 9 but the file is 08.md" in result.stderr


def test_check_reports_a_page_beyond_the_documents_measures(content: Path) -> None:
    (content / "docs/measures/22.md").write_text((content / "docs/measures/21.md").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert "docs/measures/22.md:1: error [structure]: unexpected file name '22.md'" in result.stderr
    assert "01.md ... 21.md" in result.stderr


def test_check_lists_all_errors_not_just_the_first(content: Path) -> None:
    edit(content / "docs/measures/08.md", "related: [3, 4, 14, 15]", "relatd: [3]")
    edit_line(content / "docs/measures/03.md", r"^functions: .*$", "functions: [crminal]")
    result = check(content)
    assert result.returncode == 1
    assert "unknown key 'relatd'" in result.stderr and "'crminal' is not allowed" in result.stderr
    assert "lacks the required key 'related'" in result.stderr
    assert "3 errors found." in result.stderr


# --- glossary and laws -----------------------------------------------------------------------

def test_inconsistent_rendering_is_reported_with_file_and_line(content: Path) -> None:
    page = content / "docs/measures/08.md"
    line = line_of(page, "(8) Strengthening the protection of trade secrets.")
    text = page.read_text(encoding="utf-8").split("\n")
    text[line - 1] = text[line - 1].replace("trade secrets", "commercial secrets")
    page.write_text("\n".join(text), encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert (f"docs/measures/08.md:{line}: error [glossary]: 'm08-1': the Chinese has the glossary term "
            f"商业秘密 but the English does not use 'trade secrets'") in result.stderr
    assert "data/glossary.yml (line" in result.stderr


def test_glossary_entry_without_english_is_reported(content: Path) -> None:
    edit(content / "data/glossary.yml", "  en: trade secrets\n", '  en: ""\n')
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "data/glossary.yml", 'en: ""')
    assert f"data/glossary.yml:{line}: error [schema]" in result.stderr


def test_unknown_law_is_reported_with_a_suggestion(content: Path) -> None:
    edit_line(content / "docs/measures/08.md", r"^laws: .*$",
              "laws: [criminal-lawx, criminal-law-amendment-xi, anti-unfair-competition-law]")
    result = check(content)
    assert result.returncode == 1
    line = line_of(content / "docs/measures/08.md", "laws:")
    assert f"08.md:{line}: error [laws]: law 'criminal-lawx' is not in data/laws.yml" in result.stderr
    assert "did you mean 'criminal-law'?" in result.stderr


def test_law_named_in_commentary_must_be_listed(content: Path) -> None:
    edit_line(content / "docs/measures/08.md", r"^laws: .*$", "laws: [criminal-law, criminal-law-amendment-xi]")
    result = check(content)
    assert result.returncode == 1
    assert "the commentary names the Anti-Unfair Competition Law but front matter 'laws' does not list" in result.stderr


def test_related_measure_that_does_not_exist(content: Path) -> None:
    edit(content / "docs/measures/08.md", "related: [3, 4, 14, 15]", "related: [3, 4, 14, 25]")
    result = check(content)
    assert result.returncode == 1
    assert "related.3: 25 is greater than the maximum of 21" in result.stderr


# --- untrusted content -----------------------------------------------------------------------

UNSAFE = {  # the whole corpus of known vectors: tests/data/xss-vectors.yml (tests/unit/test_safety.py)
    "script": ("<script>alert(1)</script>", "the element <script>"),
    "iframe": ('<iframe src="x.html"></iframe>', "the element <iframe>"),
    "object": ('<object data="x.swf"></object>', "the element <object>"),
    "handler": ('<span onclick="steal()">x</span>', "the event handler onclick= on <span>"),
    "jsurl": ("[click](javascript:steal())", "a javascript: address in href= on <a>"),
    "image": ("![logo](https://elsewhere.example/logo.png)", "an image from another site"),
    "imgtag": ('<img src="//elsewhere.example/x.png">', "an address without a scheme that leaves the site"),
}


def test_unsafe_markdown_is_rejected_with_file_and_line(content: Path) -> None:
    """Every kind at once (one check of the copy), each reported at its own line."""
    page = content / "docs/measures/08.md"
    added = "".join(f"\nA new note.\n\n{snippet}\n" for snippet, _ in UNSAFE.values())
    page.write_text(page.read_text(encoding="utf-8") + added, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    for kind, (snippet, what) in UNSAFE.items():
        line = line_of(page, snippet)
        assert f"docs/measures/08.md:{line}: error [unsafe]: {what}" in result.stderr, kind


def test_code_examples_of_unsafe_markup_are_allowed(content: Path) -> None:
    page = content / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWe reject `<script>` and:\n\n```html\n<iframe></iframe>\n"
                    '<a href="javascript:alert(1)">x</a>\n```\n', encoding="utf-8")
    result = check(content)
    assert result.returncode == 0, result.stderr


# --- bad input in a whole project: the lock, links, the glossary, sizes (issue 17) -----------
# Each edit breaks a copy of the real project the way a contributor might; `make check`
# (helpers.check, in process) must report it at the line of the changed thing, with a fix.

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
                                    "lock", "title_attestations:", "the attestations of the document's title differ"),
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
                     "lock", "  m02-2:", "the attestations of 'm02-2' differ from the locked version"),
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


REPORTED = re.compile(r"^(\S+?):(\d+): error \[([\w-]+)\]: (.*)\n    fix: (.*)$", re.M)


@pytest.mark.parametrize("name", sorted(BAD_EDITS))
def test_bad_edit_gives_its_specific_error(name: str, content: Path) -> None:
    rel, change, code, needle, words = BAD_EDITS[name]
    path = content / rel
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    result = check(content)
    assert result.returncode == 1
    errors = REPORTED.findall(result.stderr)  # (file, line, code, message, fix), as `make check` prints them
    match = [e for e in errors if e[2] == code and words in e[3]]
    assert match, f"{name}: expected [{code}] '{words}', got:\n{result.stderr}"
    file, line, _, _, fix = match[0]
    assert (file, int(line)) == (rel, line_of_bytes(path, needle)), result.stderr
    assert fix, "every error says how to fix it"
    if code == "lock":
        assert "`make lock`" in fix and "say why in the pull request" in fix


def line_of_bytes(path: Path, needle: str) -> int:
    """line_of for files that need not be UTF-8; a needle may span lines ('坚持党的领导。\n')."""
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    assert needle in text, f"{needle!r} not in {path}"
    return text[:text.index(needle)].count("\n") + 1


def test_a_paragraph_swap_is_not_blamed_on_the_title(content: Path) -> None:
    """The trial: swapping the first two paragraphs said "make title.zh match the heading"."""
    path = content / "docs/measures/02.md"
    path.write_text(swap_blocks("m02-1", "m02-2")(path.read_text(encoding="utf-8")), encoding="utf-8")
    errors = REPORTED.findall(check(content).stderr)
    assert {e[2] for e in errors} == {"heading", "lock"}, errors
    assert not [e for e in errors if "title.zh" in e[4]], "the fix must not send the contributor to title.zh"


@pytest.mark.parametrize("root", [ROOT, FIXTURE_EDITION], ids=["real", "fixture"])
def test_every_locked_entry_is_one_readable_line(root: Path) -> None:
    lock = (root / "data/source.lock").read_text(encoding="utf-8").splitlines()
    entries = [line.split(" ", 1) for line in lock if line and not line.startswith("#")]
    keys = [k for k, _ in entries]
    assert len(keys) == len(set(keys)) and all(len(e) == 2 for e in entries)
    assert {"title", "title.attestations", "part-1", "pre.order", "witness.R1"} <= set(keys)
    if root != FIXTURE_EDITION:
        return  # what follows is about a known input
    assert {"title", "title.attestations", "part-1", "part-1.apparatus", "pre.order", "m02.order", "m08.heading",
            "m08.heading-status", "m08-1.attestations", "m08.variants", "witness.R1"} <= set(keys)
    assert dict(entries)["m02.order"] == "m02-1,m02-2,m02-3", "an order is written as the ids, readable in a diff"

