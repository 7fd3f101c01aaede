"""Commentary as citable scholarship, in-process: the history filter, the citation formats,
and `make check` on a commentary's authorship and review.

The same features in the built site are in tests/build/test_commentary_html.py, and in use, in
Chromium, in tests/browser/test_commentary_browser.py.
"""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from helpers import FIXTURE_EDITION, ROOT, check, fixture_edition, line_of, real_edition
from scripts.edition.authorship import HistoryEntry, Person, Review
from scripts.edition.history import Change, Revision, commentary_history, history_of, is_typo, normalise, sections
from scripts.edition.page import parse_page
from scripts.site.citation import Commentary, gbt, legal, title
from scripts.vcs import revisions

pytestmark = pytest.mark.unit

CORPUS = fixture_edition().corpus  # a known input: the citations below are what it must give
EN_NAME = "SPP Opinions on IP Procuratorial Work (2022) · Bilingual Edition"
ZH_NAME = "《知识产权检察工作意见》（2022）中英对照注释版"

PAGE = """---
number: 8
---

/// para | m08-1
（八）……

(8) {en}
///

## Commentary

{commentary}

## 评注

{commentary_zh}
"""


def page_text(en: str = "Text.", commentary: str = "First point.\n\nSecond point.",
              commentary_zh: str = "第一点。") -> str:
    return PAGE.format(en=en, commentary=commentary, commentary_zh=commentary_zh)


def rev(commit: str, message: str, before: str | None, after: str | None,
        path: str = "docs/measures/08.md") -> Revision:
    return Revision(commit, "2026-12-0" + commit[-1], "A. Author", message.split("\n")[0], message,
                    {path: (before, after)})


# --- the history filter ---------------------------------------------------------------------------

@pytest.mark.parametrize("message,typo", [
    ("[typo] Measure 8 commentary: circumstanes", True),
    ("[TYPO] fix spelling", True),
    ("Fix spelling\n\nChange-Type: typo", True),
    ("Fix spelling\n\nchange-type:  Typo  ", True),
    ("Commentary: new paragraph on Article 219-1", False),
    ("Explain the [typo] marker in CONTRIBUTING", False),
    ("Rewrite N 3\n\nNot a Change-Type: typo trailer in the middle of a line", False),
])
def test_typo_marker_in_subject_or_trailer(message: str, typo: bool) -> None:
    assert is_typo(message) is typo


def test_sections_are_cut_at_the_two_commentary_headings_and_rewrapping_is_not_a_change() -> None:
    text = page_text(commentary="First   point,\nwrapped here.\n\nSecond point.")
    cut = sections(text)
    assert cut == {"en": "First point, wrapped here.\n\nSecond point.", "zh": "第一点。"}
    assert sections(page_text(commentary="First point, wrapped\nhere.\n\n\nSecond point."))["en"] == cut["en"]
    assert sections(None) == {"en": "", "zh": ""} and sections("---\nnumber: 8\n---\n") == {"en": "", "zh": ""}
    assert normalise("a\n b\n\n\n c ") == "a b\n\nc"


def test_history_counts_a_commit_only_for_the_commentary_whose_section_it_changed() -> None:
    v1 = page_text()
    revs = [  # newest first, as git gives them
        rev("c0000007", "[typo] Commentary: speling", page_text(commentary="First point.\n\nSecond pont."),
            page_text(commentary="First point.\n\nSecond point.")),
        rev("c0000006", "Commentary: second point", v1, page_text(commentary="First point.\n\nSecond pont.")),
        rev("c0000005", "Chinese commentary: a second point", page_text(commentary_zh="第一点。\n\n第二点。"),
            v1),
        rev("c0000004", "Rewrap the commentary", page_text(commentary="First\npoint.\n\nSecond point.",
                                                           commentary_zh="第一点。\n\n第二点。"),
            page_text(commentary_zh="第一点。\n\n第二点。")),
        rev("c0000003", "Translation corrected", page_text(en="Txt.", commentary="First\npoint.\n\nSecond point.",
                                                           commentary_zh="第一点。\n\n第二点。"),
            page_text(commentary="First\npoint.\n\nSecond point.", commentary_zh="第一点。\n\n第二点。")),
        rev("c0000002", "Not a measure page", "old", "new", path="docs/about.md"),
        rev("c0000001", "First version", None, page_text(en="Txt.", commentary="First\npoint.\n\nSecond point.",
                                                         commentary_zh="第一点。\n\n第二点。")),
    ]
    history = commentary_history(revs)
    assert list(history) == [8]
    assert [(c.commit, c.languages) for c in history[8]] == [
        ("c0000006", ("en",)), ("c0000005", ("zh",)), ("c0000001", ("en", "zh"))]
    assert [c.commit for c in history_of(history[8], "en")] == ["c0000006", "c0000001"]
    assert [c.commit for c in history_of(history[8], "zh")] == ["c0000005", "c0000001"]
    change = history[8][0]
    assert (change.date, change.author, change.summary) == ("2026-12-06", "A. Author", "Commentary: second point")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=A. Author", "-c", "user.email=a@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def test_one_git_log_gives_every_revision_and_a_shallow_clone_leaves_out_its_edge(tmp_path: Path,
                                                                               monkeypatch) -> None:
    repo = tmp_path / "repo"
    (repo / "docs" / "measures").mkdir(parents=True)
    page = repo / "docs" / "measures" / "08.md"
    _git(repo, "init", "-q")
    page.write_text(page_text(), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "First version")
    page.write_text(page_text(commentary_zh="第一点。\n\n第二点。"), encoding="utf-8")
    (repo / "README").write_text("x", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Chinese commentary: a second point")
    page.write_text(page_text(commentary_zh="第一点。\n\n第二點。"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "[typo] 第二点")

    calls: list[list[str]] = []
    real = subprocess.run

    def counting(cmd, *args, **kwargs):
        calls.append(list(cmd))
        return real(cmd, *args, **kwargs)
    monkeypatch.setattr(subprocess, "run", counting)
    revs = revisions(repo)
    monkeypatch.undo()
    assert [c[1] for c in calls if c[0] == "git"].count("log") == 1, calls
    assert len(calls) <= 3, "git log, rev-parse and one cat-file for every blob"
    assert [r.subject for r in revs] == ["[typo] 第二点", "Chinese commentary: a second point", "First version"]
    assert set(revs[1].files) == {"docs/measures/08.md"}, "only files under docs/measures"
    before, after = revs[-1].files["docs/measures/08.md"]
    assert before is None and after == page_text()
    history = commentary_history(revs)[8]
    assert [(c.summary, c.languages) for c in history] == [
        ("Chinese commentary: a second point", ("zh",)), ("First version", ("en", "zh"))]
    assert all(len(c.commit) >= 7 and c.commit in _git(repo, "log", "--format=%H") for c in history)

    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow)], check=True)
    assert [r.subject for r in revisions(shallow)] == ["[typo] 第二点"], \
        "the commit at a shallow clone's edge would show every file as added: left out"
    assert revisions(tmp_path) == [], "outside git: no history, no error"


# --- citation formats -----------------------------------------------------------------------------

def cited(number: int, lang: str, status: str | None = None, corpus=CORPUS) -> Commentary:
    """A real page's commentary with a fixed record (the formats are tested, not today's record):
    English revised after review, Chinese a draft, by the founding editors, no recorded change."""
    page = corpus.pages[number]
    editors = (Person("Founding editors", "2026-12-01"),)
    review = Review(status or ("revised after review" if lang == "en" else "draft"), "2026-12-01", editors,
                    (Person("Independent fact audit", "2026-11-29"),) if lang == "en" else ())
    history = [Change("2026-12-01", "A. Author", "Commentary revised", "abc1234", (lang,))]
    return Commentary(page, lang, review, history, {"date": "2027-01-01", "commit": "fffffff"})


def test_english_legal_citation_of_the_english_and_the_chinese_commentary() -> None:
    en = cited(8, "en")
    assert legal(en, EN_NAME, "https://x.org/measures/08/#commentary") == (
        "Founding editors, \u201cCommentary on \u2018Strengthening the protection of trade secrets\u2019 [reported] "
        "(no. 8 in this edition\u2019s conjectural outline)\u201d in " + EN_NAME +
        " (revised after review; version of 1 December 2026, commit abc1234) <https://x.org/measures/08/#commentary>.")
    assert legal(en, EN_NAME, "https://x.org/measures/08/#m08-n3", n=3, accessed="5 January 2027").endswith(
        "commit abc1234), N 3 <https://x.org/measures/08/#m08-n3> accessed 5 January 2027.")
    zh = legal(cited(8, "zh"), EN_NAME, "u")
    assert zh.startswith("Founding editors, \u201c加强商业秘密保护\u201d〔据报道〕评注（本版推测序号为（八）） "
                         "[Commentary on \u2018Strengthening the protection of trade secrets\u2019 [reported] "
                         "(no. 8 in this edition\u2019s conjectural outline), written in Chinese] in ")
    assert "(draft; version of 1 December 2026, commit abc1234) <u>." in zh


def test_gbt_7714_citation_in_the_commentarys_own_language() -> None:
    assert gbt(cited(8, "zh"), ZH_NAME, "https://x.org/zh/measures/08/#m08-zh-n2", n=2, accessed="2027-01-05") == (
        "本版创始编者. \u201c加强商业秘密保护\u201d〔据报道〕评注（本版推测序号为（八）），边码2（草稿）[EB/OL]//"
        + ZH_NAME + "（提交 abc1234）. (2026-12-01)[2027-01-05]. https://x.org/zh/measures/08/#m08-zh-n2.")
    assert gbt(cited(0, "en"), EN_NAME, "u") == (
        "Founding editors. Commentary on the preamble (revised after review)[EB/OL]//" + EN_NAME +
        " (commit abc1234). (2026-12-01). u.")


@pytest.mark.parametrize("corpus", [CORPUS, real_edition().corpus], ids=["fixture", "real"])
def test_no_citation_presents_a_conjectural_number_as_the_documents(corpus) -> None:
    for number, page in corpus.pages.items():
        for lang in ("en", "zh"):
            if not page.commentary_in(lang).strip():
                continue
            c = cited(number, lang, corpus=corpus)
            texts = [title(c, "en"), title(c, "zh"), legal(c, EN_NAME, "u"), gbt(c, ZH_NAME, "u")]
            if page.heading_status == "attested" or page.is_preamble:
                continue
            for text in texts:
                assert f"Measure {number}" not in text, text
                assert ("conjectural outline" in text) or ("本版推测序号" in text), text
    assert title(cited(1, "en"), "en") == "Commentary on Measure 1: Guiding ideology"
    assert title(cited(1, "zh"), "zh") == "（一）指导思想评注"


def test_version_is_the_last_substantive_change_else_the_edition_stamp() -> None:
    """The date is the newest change the history records, the commit the one git names for it;
    without either, the edition's stamp stands in."""
    c = cited(8, "en")
    assert c.version == {"date": "2026-12-01", "commit": "abc1234"}, "no recorded change: git's date"
    recorded = replace(c.review, changes=(HistoryEntry("2026-12-07", ("Founding editors",), {"en": "x", "zh": "x"}),))
    c = replace(c, review=recorded)
    assert c.version == {"date": "2026-12-07", "commit": "abc1234"}, "the newest recorded change's date"
    stamp = {"date": "2027-01-01", "commit": "fffffff"}
    assert Commentary(c.page, "en", recorded, [], stamp).version == {"date": "2026-12-07", "commit": "fffffff"}
    assert Commentary(c.page, "en", None, [], stamp).version == stamp


# --- authorship and review in make check -------------------------------------------------------

REVIEWED = """  en:
    status: revised after review
    date: 2026-12-01
    authors:
      - {name: Founding editors, date: 2026-12-01}
    reviewers:
      - {name: Independent fact audit, date: 2026-11-29}
    changes:
      - {date: 2026-12-01, by: [Founding editors], summary: {en: Revised., zh: 修订。}}
"""
ZH_DRAFT = """  zh:
    status: draft
    date: 2026-12-01
    authors:
      - {name: Founding editors, date: 2026-12-01}
"""


def with_commentary(block: str, path: Path = ROOT / "docs/measures/08.md") -> str:
    """The page's text with its `commentary:` record replaced by `block` (the rules, not today's record)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("\ncommentary:\n") + 1
    end = text.index("\n---\n", start)
    return text[:start] + ("commentary:\n" + block if block else "") + text[end + 1:]


def reparse(text: str, path: Path = FIXTURE_EDITION / "docs/measures/08.md"):
    page, errors = parse_page(path, text)
    return page, [e for e in errors if e.code in ("review", "authorship", "schema", "history")]


@pytest.mark.parametrize("reviewers,message", [
    ("    reviewers:\n      - {name: Founding editors, date: 2026-12-01}\n",
     "its only reviewers (Founding editors) are among its authors"),
    ("    reviewers:\n      - {name: '  founding  EDITORS ', date: 2026-12-01}\n", "are among its authors"),
    ("    reviewers: []\n", "names no reviewer"),
    ("", "names no reviewer"),
])
def test_a_reviewed_commentary_needs_a_reviewer_who_is_not_its_author(reviewers: str, message: str) -> None:
    bad = REVIEWED.replace("    reviewers:\n      - {name: Independent fact audit, date: 2026-11-29}\n", reviewers)
    text = with_commentary(bad.replace("revised after review", "reviewed") + ZH_DRAFT)
    _, errors = reparse(text)
    line = next(k for k, line in enumerate(text.split("\n"), 1) if line == "    status: reviewed")
    assert [(e.line, e.code) for e in errors] == [(line, "review")], [e.format() for e in errors]
    assert message in errors[0].message and "who is not an author" in errors[0].fix


def test_authorship_entries_must_match_the_commentaries_and_dates_must_be_real() -> None:
    original = with_commentary(REVIEWED + ZH_DRAFT)
    _, errors = reparse(original)
    assert errors == []
    no_entry = with_commentary(ZH_DRAFT)
    _, errors = reparse(no_entry)
    line = next(k for k, line in enumerate(no_entry.split("\n"), 1) if line == "## Commentary")
    assert [(e.line, e.code) for e in errors] == [(line, "authorship")]
    assert "English commentary does not say who wrote it" in errors[0].message
    early = original.replace("    date: 2026-12-01\n    authors:", "    date: 2026-11-28\n    authors:", 1)
    _, errors = reparse(early)
    assert [e.code for e in errors] == ["review"] and "before the review of Independent fact audit" in errors[0].message
    _, errors = reparse(original.replace("    date: 2026-12-01\n", "    date: 2026-13-01\n", 1))
    assert [e.code for e in errors] == ["authorship"] and "'2026-13-01' is not a date" in errors[0].message
    _, errors = reparse(original.replace("status: draft", "status: finished", 1))
    assert errors and errors[0].code == "schema" and "'finished'" in errors[0].message


def test_the_status_follows_from_the_review_record() -> None:
    """reviewed: a review of the text as it stands; revised after review: a change after a review;
    draft: no review of the text as it stands."""
    reviewed_then_changed = with_commentary(REVIEWED.replace("revised after review", "reviewed") + ZH_DRAFT)
    _, errors = reparse(reviewed_then_changed)
    assert [e.code for e in errors] == ["review"] and "after its last review" in errors[0].message
    unchanged = REVIEWED.replace("date: 2026-12-01, by", "date: 2026-11-20, by")
    _, errors = reparse(with_commentary(unchanged + ZH_DRAFT))
    assert [e.code for e in errors] == ["review"] and "no change is recorded on or after its review" in errors[0].message
    read_after = REVIEWED.replace("date: 2026-11-29}", "date: 2026-12-02}").replace("revised after review", "draft")
    _, errors = reparse(with_commentary(read_after + ZH_DRAFT))
    assert [e.code for e in errors] == ["review"] and "marked 'draft'" in errors[0].message


def test_make_check_rejects_reviewed_without_an_independent_reviewer_at_file_and_line(content: Path) -> None:
    page = content / "docs/measures/08.md"
    page.write_text(with_commentary(REVIEWED.replace("Independent fact audit", "Founding editors") + ZH_DRAFT, page),
                    encoding="utf-8")
    line = line_of(page, "status: revised after review")
    result = check(content)
    assert result.returncode == 1
    assert (f"docs/measures/08.md:{line}: error [review]: the English commentary is marked 'revised after review' "
            "but its only reviewers (Founding editors) are among its authors") in result.stderr
    assert "1 error found." in result.stderr
