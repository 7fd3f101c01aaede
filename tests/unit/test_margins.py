"""Margin numbers are for life, and every change reaches the history: the rules of the commentary record.

Each test edits a private copy of the content the way a contributor would (insert, delete or
change a paragraph, add a history entry) and holds `make check` and `make record` to the rules
in CONTRIBUTING.md, "Margin numbers" and "The history of a commentary". The pages are chosen by
what they hold, never by number, so the tests keep passing whatever the commentary says.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.edition.commentary import counterparts, label_key, margin_problems, notes
from scripts.edition.corpus import load_corpus
from scripts.edition.errors import format_errors
from scripts.edition.ledger import check_ledger, free_labels
from scripts.edition.page import Page
from tests.helpers import line_of, run

pytestmark = pytest.mark.unit


def _page_with(content: Path, need: int = 3) -> Page:
    """A page whose English and Chinese commentaries have at least `need` paragraphs each."""
    corpus = load_corpus(content)
    page = next(p for p in corpus.ordered() if len(p.notes("en")) >= need and len(p.notes("zh")) >= need)
    return page


def _front(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _write_front(path: Path, meta: dict, body: str) -> None:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")


def _add_change(path: Path, lang: str) -> None:
    """What CONTRIBUTING asks after a change of substance: an entry at the top of `changes:`."""
    meta, body = _front(path)
    name = meta["contributors"][0]["name"]
    entry = meta["commentary"][lang]
    when = max([str(c["date"]) for c in entry.get("changes", [])] + ["2030-01-01"])
    entry.setdefault("changes", []).insert(0, {"date": when, "by": [name],
                                               "summary": {"en": "A test change.", "zh": "测试修改。"}})
    _write_front(path, meta, body)


class _Checked:
    """What `make check` says of the pages and the commentary record (the checks these rules
    belong to, without the slower ones that have nothing to do with them)."""

    def __init__(self, root: Path) -> None:
        corpus = load_corpus(root)
        errors = list(corpus.errors) + check_ledger(corpus)
        self.returncode = 1 if errors else 0
        self.stderr = format_errors(errors, root) if errors else ""


def check(root: Path) -> _Checked:
    return _Checked(root)


def test_the_real_pages_pass_the_record(content: Path) -> None:
    assert check(content).returncode == 0, check(content).stderr


def test_an_inserted_paragraph_gets_a_number_of_its_own_and_no_other_number_moves(content: Path) -> None:
    page = _page_with(content)
    before = {n.n: n.text for n in page.notes("en")}
    second = page.notes("en")[1]
    lines = page.path.read_text(encoding="utf-8").split("\n")
    at = second.line - 1  # insert before the second paragraph
    lines[at:at] = ["**An inserted point.** A paragraph a contributor adds in the middle.", ""]
    page.path.write_text("\n".join(lines), encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    where = f"{page.path.relative_to(content).as_posix()}:{second.line}:"
    assert where in result.stderr and "no margin number" in result.stderr and "make record" in result.stderr
    _add_change(page.path, "en")
    recorded = run("record", "--root", str(content))
    assert recorded.returncode == 0, recorded.stderr
    first = page.notes("en")[0].n
    assert f"N {first}a" in recorded.stdout
    result = check(content)  # the Chinese commentary has no N 1a: the contributor says so, or adds one
    assert f"English N {first}a has no counterpart" in result.stderr
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace(f"{{N {first}a}}", f"{{N {first}a | zh none}}", 1), encoding="utf-8")
    assert check(content).returncode == 0, check(content).stderr
    after = {n.n: n.text for n in load_corpus(content).pages[page.number].notes("en")}
    for label, text in before.items():  # every published number still names its own text
        assert after[label] == text
    assert after[f"{first}a"].startswith("**An inserted point.**")


def test_a_deleted_number_is_never_reused_and_its_withdrawal_is_recorded(content: Path) -> None:
    page = _page_with(content)
    gone = {lang: page.notes(lang)[1] for lang in ("en", "zh")}  # a point dropped from both commentaries
    text = page.path.read_text(encoding="utf-8")
    for note in gone.values():
        text = text.replace(note.token + " " + note.text + "\n\n", "", 1)
    page.path.write_text(text, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert f"N {gone['en'].n} of the English commentary was published and no longer appears" in result.stderr
    assert "withdrawn" in result.stderr
    meta, body = _front(page.path)
    for lang, note in gone.items():
        meta["commentary"][lang].setdefault("withdrawn", []).append({"n": note.n, "date": "2030-01-01"})
    _write_front(page.path, meta, body)
    _add_change(page.path, "en")
    _add_change(page.path, "zh")
    gone = gone["en"]
    assert run("record", "--root", str(content)).returncode == 0
    assert check(content).returncode == 0, check(content).stderr
    # the number cannot come back on another paragraph
    last = load_corpus(content).pages[page.number].notes("en")[-1]
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace(last.token, f"{{N {gone.n}}}", 1), encoding="utf-8")
    result = check(content)
    assert result.returncode == 1 and "never reused" in result.stderr


def test_a_change_without_a_history_entry_is_refused_and_a_typo_fix_is_not(content: Path) -> None:
    page = _page_with(content)
    note = page.notes("zh")[0]
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace(note.text, note.text + "（补充一句。）", 1), encoding="utf-8")
    result = check(content)
    assert result.returncode == 1 and "changed since its last recorded change" in result.stderr
    assert "changes:" in result.stderr and "TYPO=1" in result.stderr
    refused = run("record", "--root", str(content))
    assert refused.returncode == 1 and "not recorded" in refused.stderr
    assert run("record", "--typo", "--root", str(content)).returncode == 0
    assert check(content).returncode == 0


def test_a_history_entry_names_a_contributor_of_the_page(content: Path) -> None:
    page = _page_with(content)
    meta, body = _front(page.path)
    meta["commentary"]["en"].setdefault("changes", []).insert(
        0, {"date": "2030-01-01", "by": ["Somebody Unlisted"], "summary": {"en": "x", "zh": "某"}})
    _write_front(page.path, meta, body)
    result = check(content)
    assert result.returncode == 1 and "'Somebody Unlisted'" in result.stderr and "contributors" in result.stderr


def test_an_english_paragraph_without_chinese_counterpart_must_say_so(content: Path) -> None:
    page = _page_with(content)
    last = page.notes("en")[-1]
    text = page.path.read_text(encoding="utf-8")
    extra = f"{last.token} {last.text}\n\n{{N 999}} **An English-only point.** Not in the Chinese."
    page.path.write_text(text.replace(f"{last.token} {last.text}", extra, 1), encoding="utf-8")
    result = check(content)
    assert "English N 999 has no counterpart" in result.stderr
    assert f"{page.path.relative_to(content).as_posix()}:{line_of(page.path, '{N 999}')}:" in result.stderr
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace("{N 999}", "{N 999 | zh none}"), encoding="utf-8")
    assert "counterpart" not in check(content).stderr


def test_counterparts_are_explicit() -> None:
    en = notes("{N 1} a\n\n{N 2 | zh 3} b\n\n{N 2a | zh none} c", 1)
    zh = notes("{N 1} 甲\n\n{N 2 | en none} 乙\n\n{N 3} 丙", 10)
    pairs, problems = counterparts(en, zh)
    assert pairs["en"] == {"1": "1", "2": "3", "2a": None}
    assert pairs["zh"] == {"1": "1", "2": None, "3": "2"}
    assert problems == []
    en = notes("{N 1 | zh 2} a\n\n{N 2} b", 1)
    zh = notes("{N 1} 甲\n\n{N 2 | en 2} 乙", 10)
    _, problems = counterparts(en, zh)
    assert problems and "agree" in problems[0].fix


def test_numbers_are_well_formed_unique_and_in_order() -> None:
    got = margin_problems({"en": notes("{N 2} a\n\n{N 1} b\n\n{N 2} c\n\n{N x} d\n\ne", 1)})
    messages = " | ".join(p.message for p in got)
    assert "stands after" in messages and "used twice" in messages
    assert "malformed" in messages and "no margin number" in messages


def test_free_numbers_take_letters_between_and_whole_numbers_at_the_end() -> None:
    got = notes("{N 1} a\n\n{N 2} b\n\nnew\n\n{N 3} c\n\nnew\n\nnew", 1)
    labels, impossible = free_labels(got, used={"2a", "4"})  # 2a and 4 were published once: never again
    assert labels == {2: "2b", 4: "5", 5: "6"} and impossible == []
    assert sorted(["10", "2", "2a", "1"], key=label_key) == ["1", "2", "2a", "10"]
    _, impossible = free_labels(notes("new\n\n{N 1} a", 1), used=set())
    assert impossible == [0]  # before N 1 no number fits without moving another


def test_a_link_to_a_withdrawn_number_is_told_what_happened(content: Path) -> None:
    """The withdrawn number keeps its address on the page: a line that says when it was withdrawn
    and links the paragraph that now makes its point (shown to a reader who followed the link)."""
    from scripts.site.measure import render_page
    page = _page_with(content)
    gone, now = page.notes("en")[1], page.notes("en")[0]
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace(gone.token + " " + gone.text + "\n\n", "", 1), encoding="utf-8")
    meta, body = _front(page.path)
    meta["commentary"]["en"].setdefault("withdrawn", []).append({"n": gone.n, "date": "2030-01-01", "now": now.n})
    _write_front(page.path, meta, body)
    corpus = load_corpus(content)
    html = render_page(corpus, corpus.pages[page.number], "en")
    anchor = f'id="{"pre" if page.is_preamble else f"m{page.number:02d}"}-n{gone.n}"'
    assert anchor in html
    stub = html[html.index(anchor) - 40:html.index(anchor) + 400]
    assert "oe-withdrawn" in stub and "withdrawn on 1 January 2030" in stub and f"-n{now.n}" in stub
    zh = render_page(corpus, corpus.pages[page.number], "zh")
    assert "已于2030年1月1日撤销" in zh
