"""The critical apparatus, the conjectural outline and the statutory citations, in-process.

Each bad edit a contributor could make to what attests the text must fail `make check`
with its file and line: wording edited away from under its attestation, a siglum not in
the register, a grade the witnesses cannot support, a heading whose status its
attestations contradict; and in commentary, an article the edition has not checked, an
article with no instrument, a measure number given as if the document showed it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE_EDITION, fixture_edition
from scripts.edition import Edition, check_against_data
from scripts.edition.apparatus import Attestation, coverage, runs, supported_grade
from scripts.edition.commentary import bare_numbers, notes
from scripts.edition.page import parse_page
from scripts.edition.witnesses import Witness, load_witnesses
from scripts.edition.zh import parse_zh_number
from scripts.edition.zh_punctuation import ascii_punctuation

pytestmark = pytest.mark.unit


def _edited(edition: Edition, name: str, old: str, new: str) -> tuple[str, list]:
    """A page of the fixture edition with one edit, and every error it then gets (its own checks and
    those against the witness register and data/laws.yml): what `make check` would say of it."""
    path = FIXTURE_EDITION / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    text = text.replace(old, new, 1)
    page, errors = parse_page(path, text)
    assert page is not None, [e.format() for e in errors]
    return text, errors + check_against_data(page, edition.witnesses, edition.laws)


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _att(text: str, start: int, grade: str, *sigla: str) -> Attestation:
    return Attestation("m08-1", text, tuple(sigla), grade, 1, start=start, end=start + len(text))


@pytest.fixture
def fixed() -> Edition:
    """The fixture edition (tests/fixtures/edition/): a fixed input whose shares and statuses are known."""
    return fixture_edition()


def test_the_real_edition_passes_and_its_shares_are_shares(edition: Edition) -> None:
    assert [e.format() for e in edition.errors] == []
    assert 0 <= edition.attested_share() <= 1
    assert all(0 <= edition.attested_share(n) <= 1 for n in edition.corpus.pages)


def test_shares_and_heading_statuses_of_a_known_edition(fixed: Edition) -> None:
    edition = fixed
    assert [e.format() for e in edition.errors] == []
    assert 0.3 < edition.attested_share() < 0.5
    assert edition.attested_share(1) > 0.7 and edition.attested_share(12) == 0
    assert edition.corpus.pages[8].heading_status == "reported"
    assert edition.corpus.pages[1].heading_status == "attested"
    assert all(edition.corpus.pages[n].heading_status == "conjecture" for n in (2, 3, 7, 12, 21))


def test_runs_group_attested_items_across_punctuation() -> None:
    text = "聚焦甲产品、乙产品等侵权"
    atts = [_att("甲产品", 2, "B", "P1", "P2"), _att("乙产品", 6, "B", "P1", "P2")]
    got = runs(text, atts, ["P1", "P2"])
    assert [(r.text, r.grade, r.sigla) for r in got] == [
        ("聚焦", None, ()), ("甲产品、乙产品", "B", ("P1", "P2")), ("等侵权", None, ())]


def test_overlapping_spans_keep_their_own_witnesses() -> None:
    text = "为境外的机构"
    got = runs(text, [_att("为境外的机构", 0, "B", "P1"), _att("为境外", 0, "C", "P3")], ["P1", "P3"])
    assert [(r.text, r.grade, r.sigla) for r in got] == [("为境外", "B", ("P1", "P3")), ("的机构", "B", ("P1",))]


def test_coverage_counts_han_characters_of_grade_a_and_b_only() -> None:
    text = "一二三，四五六"
    assert coverage(text, [_att("一二三", 0, "A", "R1"), _att("四五", 4, "C", "E1")]) == (3, 6)


def test_two_agreeing_reports_support_grade_b(fixed: Edition) -> None:
    register = fixed.witnesses
    assert supported_grade(["P3"], register) == "C"
    assert supported_grade(["P1", "P3"], register) == "B"
    assert supported_grade(["R1"], register) == "A"


def _witness(siglum: str, kind: str, grade: str) -> Witness:
    return Witness(siglum, kind, grade, None, {"en": "x", "zh": "x"}, "https://example.org/", {"en": "x", "zh": "x"},
                   None, 1)


def test_an_echo_never_makes_two_agreeing_reports() -> None:
    """An echo reuses the wording without naming the Opinions: it supports a reading, proves none."""
    register = {w.siglum: w for w in (_witness("P1", "quotation", "B"), _witness("P3", "paraphrase", "C"),
                                      _witness("E1", "english-report", "C"), _witness("X1", "echo", "C"),
                                      _witness("X2", "echo", "C"))}
    assert supported_grade(["P3", "X1"], register) == "C"
    assert supported_grade(["X1", "X2"], register) == "C"
    assert supported_grade(["E1", "X1"], register) == "C"
    assert supported_grade(["P1", "X1"], register) == "B"  # the quotation's grade, not the echo's


def test_an_echo_registered_above_grade_c_fails_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "witnesses.yml").write_text(
        "- siglum: X1\n  kind: echo\n  grade: B\n  publisher: {en: a, zh: a}\n"
        "  address: https://example.org/\n  covers: {en: a, zh: a}\n", encoding="utf-8")
    register, errors = load_witnesses(tmp_path)
    assert [(e.code, e.line) for e in errors] == [("witnesses", 3)]
    assert "X1 is an echo" in errors[0].message and "grade: C" in errors[0].fix
    assert "X1" in register  # still registered, so the pages citing it are not reported twice


BAD_EDITS = [
    # (file, old, new, error code, words the message must contain, the line holds)
    ("docs/measures/08.md", "加大对采用盗窃、利诱", "加大对以盗窃、贿赂", "apparatus", "does not occur in 'm08-1'",
     "{text: 加大对采用"),
    ("docs/measures/08.md", "witnesses: [P1, P3, S1], grade: B}", "witnesses: [P1, P9], grade: B}", "apparatus",
     "witness 'P9' is not in the register", "P1, P9"),
    ("docs/measures/14.md", "{text: 新业态新领域, witnesses: [P3], grade: C}",
     "{text: 新业态新领域, witnesses: [P3], grade: A}", "apparatus", "support at most grade C", "新业态新领域, witnesses"),
    ("docs/measures/12.md", "heading:\n  status: conjecture", "heading:\n  status: attested", "apparatus",
     "marked 'attested', but no grade A or B", "status: attested"),
    ("docs/measures/01.md", "heading:\n  status: attested", "heading:\n  status: conjecture", "apparatus",
     "marked 'conjecture', but R1, R2 attest it", "status: conjecture"),
    ("docs/measures/08.md", "heading:\n  status: reported\n  witnesses: [P1, P3, E1]", "heading:\n  status: reported",
     "apparatus", "names no witness", "status: reported"),
    ("docs/measures/08.md", "Article 3 of the Criminal Law forbids", "Article 3-2 of the Criminal Law forbids",
     "citation", "cites article 3-2 of the Criminal Law", "Article 3-2 of the Criminal Law"),
    ("docs/measures/08.md", "《刑法》第二百一十九条旧文本", "《刑法》第二百一十八条之三旧文本", "citation",
     "cites article 218-3", "第二百一十八条之三"),
    ("docs/measures/09.md", "**Open questions.**", "**Aside.** See Article 12.\n\n**Open questions.**", "citation",
     "does not say which instrument", "See Article 12."),
    ("docs/measures/08.md", "the [passage on international cooperation](15.md) (no. 15 in this edition's conjectural outline)",
     "[measure 15](15.md)", "outline", "'measure 15' gives a measure number", "[measure 15](15.md)"),
    ("docs/measures/04.md", "[商业秘密条款](08.md)（本版推测序号为（八））", "（八）", "outline", "'（八）' gives a measure number",
     "经P1和P3佐证"),
    ("docs/measures/04.md", "本条面向履行民事检察职能的检察机关，", "本条面向履行民事检察职能的检察机关,", "punctuation",
     "ASCII ','", "本条面向履行民事检察职能的检察机关,"),
]


@pytest.mark.parametrize("name, old, new, code, words, needle", BAD_EDITS, ids=[b[4][:40] for b in BAD_EDITS])
def test_bad_edit_fails_with_file_and_line(fixed: Edition, name: str, old: str, new: str, code: str, words: str,
                                          needle: str) -> None:
    text, errors = _edited(fixed, name, old, new)
    match = [e for e in errors if e.code == code and words in e.message]
    assert match, [e.format() for e in errors]
    assert match[0].line == _line(text, needle)
    assert Path(match[0].path) == FIXTURE_EDITION / name and match[0].fix


def test_a_chinese_commentary_that_names_an_unlisted_law_fails(fixed: Edition) -> None:
    text, errors = _edited(fixed, "docs/measures/02.md", "**本条的作用和对象。**",
                           "**本条的作用和对象。**依照《中华人民共和国专利法》，")
    match = [e for e in errors if e.code == "laws" and "《中华人民共和国专利法》" in e.message]
    assert match and match[0].line == _line(text, "依照《中华人民共和国专利法》")


def test_a_complete_page_without_a_chinese_commentary_fails(fixed: Edition) -> None:
    text = (FIXTURE_EDITION / "docs/measures/10.md").read_text(encoding="utf-8")
    _, errors = _edited(fixed, "docs/measures/10.md", text[text.index("## 评注"):], "")
    assert any(e.code == "commentary" and "no Chinese commentary" in e.message for e in errors)


def test_a_chinese_commentary_far_shorter_than_the_english_fails(fixed: Edition) -> None:
    text = (FIXTURE_EDITION / "docs/measures/10.md").read_text(encoding="utf-8")
    edited, errors = _edited(fixed, "docs/measures/10.md", text[text.index("## 评注"):],
                             "## 评注\n\n**简短。** 本条内容从略。\n")
    match = [e for e in errors if e.code == "commentary" and "far shorter" in e.message]
    assert match and match[0].line == _line(edited, "## 评注")


def test_notes_are_the_top_level_blocks_with_their_lines() -> None:
    got = notes("{N 1} **A.** one\ntwo\n\n{N 2} - item\n- item\n\n```\ncode\n\nmore\n```\n\nlast", 10)
    assert [(n.n, n.line) for n in got] == [("1", 10), ("2", 13), ("", 16), ("", 22)]
    assert got[1].text == "- item\n- item"  # the number is not part of the Markdown rendered


def test_ascii_punctuation_is_found_only_in_chinese_prose() -> None:
    text = "见[商业秘密条款](08.md#m08-n3)，增幅65.2%（TRIPS Agreement, Art. 61）。\n本条规定:罪刑法定。"
    assert [(line, mark) for line, mark, _ in ascii_punctuation(text, 5)] == [(6, ":")]


def test_bare_numbers_are_allowed_only_as_conjecture() -> None:
    assert bare_numbers("See measure 8. The measure (no. 8 in this edition's conjectural outline).", "en", {1}) \
        == [(4, "measure 8")]
    assert bare_numbers("Measure 1 opens part one.", "en", {1}) == []
    assert bare_numbers("依照《刑法修正案（十一）》和解释（三）；见（八）。", "zh", {1}) == [(21, "（八）")]


def test_chinese_article_numbers() -> None:
    assert [parse_zh_number(x) for x in ("三", "十三", "二百一十九", "一千一百八十五", "二百二十")] == [3, 13, 219, 1185, 220]
