"""Commentary as citable scholarship: authorship and review, citations, history, margin-number controls.

Unit tests for the history filter (typo marks, sections, whitespace) and the citation formats;
`make check` on broken authorship; the built pages, data and print view parsed with lxml; and,
in Chromium, copying citations and following margin-number links as a reader does.
"""
from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from lxml import html

from conftest import TEST_REPO_URL, TEST_SITE_URL
from helpers import ROOT, edit, line_of, run_check
from scripts.edition.corpus import load_corpus
from scripts.edition.history import Revision, commentary_history, history_of, is_typo, normalise, sections
from scripts.edition.page import parse_page
from scripts.edition.paths import url
from scripts.site.citation import Commentary, gbt, legal, title
from scripts.site.i18n import en_date
from scripts.vcs import revisions

CORPUS = load_corpus(ROOT)
NUMBERS = sorted(CORPUS.pages)
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

@pytest.mark.unit
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


@pytest.mark.unit
def test_sections_are_cut_at_the_two_commentary_headings_and_rewrapping_is_not_a_change() -> None:
    text = page_text(commentary="First   point,\nwrapped here.\n\nSecond point.")
    cut = sections(text)
    assert cut == {"en": "First point, wrapped here.\n\nSecond point.", "zh": "第一点。"}
    assert sections(page_text(commentary="First point, wrapped\nhere.\n\n\nSecond point."))["en"] == cut["en"]
    assert sections(None) == {"en": "", "zh": ""} and sections("---\nnumber: 8\n---\n") == {"en": "", "zh": ""}
    assert normalise("a\n b\n\n\n c ") == "a b\n\nc"


@pytest.mark.unit
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


@pytest.mark.unit
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

def cited(number: int, lang: str, status: str | None = None) -> Commentary:
    from scripts.edition.history import Change
    page = CORPUS.pages[number]
    review = page.review(lang)
    if status is not None:
        from dataclasses import replace
        review = replace(review, status=status)
    history = [Change("2026-12-01", "A. Author", "Commentary revised", "abc1234", (lang,))]
    return Commentary(page, lang, review, history, {"date": "2027-01-01", "commit": "fffffff"})


@pytest.mark.unit
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


@pytest.mark.unit
def test_gbt_7714_citation_in_the_commentarys_own_language() -> None:
    assert gbt(cited(8, "zh"), ZH_NAME, "https://x.org/zh/measures/08/#m08-zh-n2", n=2, accessed="2027-01-05") == (
        "Founding editors. \u201c加强商业秘密保护\u201d〔据报道〕评注（本版推测序号为（八）），边码2（草稿）[EB/OL]//"
        + ZH_NAME + "（提交 abc1234）. (2026-12-01)[2027-01-05]. https://x.org/zh/measures/08/#m08-zh-n2.")
    assert gbt(cited(0, "en"), EN_NAME, "u") == (
        "Founding editors. Commentary on the preamble (revised after review)[EB/OL]//" + EN_NAME +
        " (commit abc1234). (2026-12-01). u.")


@pytest.mark.unit
def test_no_citation_presents_a_conjectural_number_as_the_documents() -> None:
    for number, page in CORPUS.pages.items():
        for lang in ("en", "zh"):
            if not page.commentary_in(lang).strip():
                continue
            c = cited(number, lang)
            texts = [title(c, "en"), title(c, "zh"), legal(c, EN_NAME, "u"), gbt(c, ZH_NAME, "u")]
            if page.heading_status == "attested" or page.is_preamble:
                continue
            for text in texts:
                assert f"Measure {number}" not in text, text
                assert ("conjectural outline" in text) or ("本版推测序号" in text), text
    assert title(cited(1, "en"), "en") == "Commentary on Measure 1: Guiding ideology"
    assert title(cited(1, "zh"), "zh") == "（一）指导思想评注"


@pytest.mark.unit
def test_version_is_the_last_substantive_change_else_the_edition_stamp() -> None:
    c = cited(8, "en")
    assert c.version == {"date": "2026-12-01", "commit": "abc1234"}
    bare = Commentary(c.page, "en", c.review, [], {"date": "2027-01-01", "commit": "fffffff"})
    assert bare.version == {"date": "2027-01-01", "commit": "fffffff"}


# --- authorship and review in make check -------------------------------------------------------

REVIEWED = """  en:
    status: revised after review
    date: 2026-12-01
    authors:
      - {name: Founding editors, date: 2026-12-01}
    reviewers:
      - {name: Independent fact audit, date: 2026-12-01}
"""


def reparse(text: str, path: Path = ROOT / "docs/measures/08.md"):
    page, errors = parse_page(path, text)
    return page, [e for e in errors if e.code in ("review", "authorship", "schema")]


@pytest.mark.unit
@pytest.mark.parametrize("reviewers,message", [
    ("    reviewers:\n      - {name: Founding editors, date: 2026-12-01}\n",
     "its only reviewers (Founding editors) are among its authors"),
    ("    reviewers:\n      - {name: '  founding  EDITORS ', date: 2026-12-01}\n", "are among its authors"),
    ("    reviewers: []\n", "names no reviewer"),
    ("", "names no reviewer"),
])
def test_a_reviewed_commentary_needs_a_reviewer_who_is_not_its_author(reviewers: str, message: str) -> None:
    original = (ROOT / "docs/measures/08.md").read_text(encoding="utf-8")
    bad = REVIEWED.replace("    reviewers:\n      - {name: Independent fact audit, date: 2026-12-01}\n", reviewers)
    text = original.replace(REVIEWED, bad.replace("revised after review", "reviewed"))
    _, errors = reparse(text)
    line = next(k for k, l in enumerate(text.split("\n"), 1) if l == "    status: reviewed")
    assert [(e.line, e.code) for e in errors] == [(line, "review")], [e.format() for e in errors]
    assert message in errors[0].message and "who is not an author" in errors[0].fix


@pytest.mark.unit
def test_authorship_entries_must_match_the_commentaries_and_dates_must_be_real() -> None:
    original = (ROOT / "docs/measures/08.md").read_text(encoding="utf-8")
    _, errors = reparse(original)
    assert errors == []
    no_entry = original.replace(REVIEWED, "")
    _, errors = reparse(no_entry)
    line = next(k for k, l in enumerate(no_entry.split("\n"), 1) if l == "## Commentary")
    assert [(e.line, e.code) for e in errors] == [(line, "authorship")]
    assert "English commentary does not say who wrote it" in errors[0].message
    early = original.replace("    date: 2026-12-01\n    authors:", "    date: 2026-11-30\n    authors:", 1)
    _, errors = reparse(early)
    assert [e.code for e in errors] == ["review"] and "before the review of Independent fact audit" in errors[0].message
    _, errors = reparse(original.replace("    date: 2026-12-01\n", "    date: 2026-13-01\n", 1))
    assert [e.code for e in errors] == ["authorship"] and "'2026-13-01' is not a date" in errors[0].message
    _, errors = reparse(original.replace("status: draft", "status: finished", 1))
    assert errors and errors[0].code == "schema" and "'finished'" in errors[0].message


@pytest.mark.build
def test_make_check_rejects_reviewed_without_an_independent_reviewer_at_file_and_line(project: Path) -> None:
    page = project / "docs/measures/08.md"
    edit(page, "      - {name: Independent fact audit, date: 2026-12-01}\n",
         "      - {name: Founding editors, date: 2026-12-01}\n")
    line = line_of(page, "status: revised after review")
    result = run_check(project)
    assert result.returncode == 1
    assert (f"docs/measures/08.md:{line}: error [review]: the English commentary is marked 'revised after review' "
            "but its only reviewers (Founding editors) are among its authors") in result.stderr
    assert "1 error found." in result.stderr


# --- the built site ---------------------------------------------------------------------------

def tree(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def opinions(site: Path) -> dict:
    return json.loads((site / "data" / "opinions.json").read_text(encoding="utf-8"))


def entry_of(data: dict, number: int) -> dict:
    return data["preamble"] if number == 0 else data["measures"][number - 1]


@pytest.mark.build
def test_opinions_json_carries_citation_review_version_and_history_of_every_commentary(site: Path) -> None:
    data = opinions(site)
    assert data["schema_version"] == "2.1"
    for number, page in CORPUS.pages.items():
        entry = entry_of(data, number)
        for lang in ("en", "zh"):
            review = page.review(lang)
            got = entry["review"][lang]
            assert (got["status"], got["date"]) == (review.status, review.date)
            assert got["authors"] == [{"name": p.name, "date": p.date} for p in review.authors]
            assert got["reviewers"] == [{"name": p.name, "date": p.date} for p in review.reviewers]
            mine = [h for h in entry["history"] if lang in h["languages"]]
            assert mine, f"{number} {lang}: no history"
            assert entry["version"][lang] == {"date": mine[0]["date"], "commit": mine[0]["commit"]}
            assert entry["version"][lang]["commit"] in entry["citation"][lang]
            assert entry["citation_styles"][lang]["legal" if lang == "en" else "gbt7714"] == entry["citation"][lang]
        assert entry["citation"]["en"].endswith(f"<{TEST_SITE_URL}{url(number)}#commentary>.")
        assert entry["citation"]["zh"].endswith(f". {TEST_SITE_URL}zh/{url(number)}#commentary-zh.")
        assert [h["date"] for h in entry["history"]] == sorted((h["date"] for h in entry["history"]), reverse=True)
    assert data["measures"][0]["review"]["en"]["status"] == "revised after review"
    assert data["measures"][0]["review"]["en"]["reviewers"] == [{"name": "Independent fact audit", "date": "2026-12-01"}]
    assert data["measures"][0]["review"]["zh"] == {"status": "draft", "date": "2026-12-01", "reviewers": [],
                                                   "authors": [{"name": "Founding editors", "date": "2026-12-01"}]}


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_every_commentary_shows_byline_citations_and_history(site: Path, prefix: str) -> None:
    data = opinions(site)
    for number, page in CORPUS.pages.items():
        doc = tree(site, prefix + url(number))
        entry = entry_of(data, number)
        for lang in ("en", "zh"):
            box = doc.cssselect(f".oe-commentary-{lang}")[0]
            byline = box.cssselect(".oe-byline")[0]
            text = byline.text_content()
            review = page.review(lang)
            assert all(p.name in text for p in review.authors + review.reviewers)
            labels = {"draft": "草稿", "revised after review": "审阅后修订"} if prefix else \
                {"draft": "draft", "revised after review": "revised after review"}
            assert labels[review.status] in byline.cssselect(".oe-review")[0].text_content()
            assert entry["version"][lang]["commit"] in text
            assert byline.get("lang") == ("zh-Hans" if prefix else "en"), "the byline speaks the interface's language"
            assert byline.sourceline < box.cssselect(".oe-note")[0].sourceline, "shown above the commentary"
            citations = box.cssselect(".oe-citation")
            assert [c.get("class").split()[-1] for c in citations] == ["oe-citation-legal", "oe-citation-gbt"]
            assert citations[0].text_content() == entry["citation_styles"][lang]["legal"]
            assert citations[1].text_content() == entry["citation_styles"][lang]["gbt7714"]
            assert all("{accessed" in c.get("data-oe-cite") and "{url}" in c.get("data-oe-cite") for c in citations)
            links = [a.get("href") for a in box.cssselect(".oe-citebox-export a")]
            up = "../../../" if prefix else "../../"
            assert links == [f"{up}data/commentary.bib", f"{up}data/commentary.csl.json"]
            commits = [c.text_content() for c in box.cssselect(".oe-history-list code")]
            assert commits == [h["commit"] for h in entry["history"] if lang in h["languages"]]
            assert box.cssselect(".oe-history-list a")[0].get("href") == f"{TEST_REPO_URL}/commit/{commits[0]}"
            assert box.get("data-oe-home") == f"{TEST_SITE_URL}{'zh/' if lang == 'zh' else ''}{url(number)}"
            assert "{n}" in box.get("data-oe-cite-n") and "{url}" in box.get("data-oe-cite-n")


@pytest.mark.build
def test_bibtex_and_csl_json_hold_every_commentary_and_are_linked_from_the_downloads_pages(site: Path) -> None:
    count = sum(bool(p.commentary_in(lang).strip()) for p in CORPUS.pages.values() for lang in ("en", "zh"))
    library = bibtexparser.parse_string((site / "data" / "commentary.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert len(entries) == count
    e = entries["spp-ip-opinions-2022-m08-commentary-en"]
    assert e.entry_type == "inreference"
    assert e["author"] == "{Founding editors}" and e["booktitle"] == EN_NAME and e["date"] == "2026-12-01"
    assert e["title"].startswith("Commentary on \u2018Strengthening the protection of trade secrets\u2019 [reported]")
    assert e["url"] == f"{TEST_SITE_URL}measures/08/#commentary" and len(e["version"]) >= 7
    assert "Independent fact audit" in e["note"]
    zh = entries["spp-ip-opinions-2022-m08-commentary-zh"]
    assert zh["booktitle"] == ZH_NAME and zh["language"] == "chinese" and "草稿" in zh["note"]

    items = json.loads((site / "data" / "commentary.csl.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == list(entries)
    style_file = Path(__import__("citeproc").__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    bibliography = CitationStylesBibliography(CitationStylesStyle(str(style_file), validate=False),
                                              CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("spp-ip-opinions-2022-m08-commentary-en")]))
    rendered = str(bibliography.bibliography()[0])
    assert "Founding editors" in rendered and "2026" in rendered and "Strengthening the protection" in rendered
    assert f"{TEST_SITE_URL}measures/08/#commentary" in rendered

    for prefix, root in (("", "../"), ("zh/", "../../")):
        hrefs = [a.get("href") for a in tree(site, prefix + "downloads").cssselect("article a")]
        assert f"{root}data/commentary.bib" in hrefs and f"{root}data/commentary.csl.json" in hrefs


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_print_view_ends_each_measure_with_its_citations_and_status(site: Path, prefix: str) -> None:
    doc = tree(site, prefix + "print")
    article = doc.cssselect("article")[0]
    blocks = article.cssselect(".oe-print-cite")
    assert len(blocks) == len(CORPUS.pages)
    assert not article.cssselect(".oe-citebox, .oe-history, .oe-commentary[data-oe-home]"), "no controls on paper"
    data = opinions(site)
    order = [e for e in article.iter() if e.get("id") in {"preamble", *(f"measure-{n:02d}" for n in range(1, 22))}
             or "oe-print-cite" in (e.get("class") or "")]
    # each measure's heading is followed by its own citation block before the next measure begins
    for heading, block in zip(order[0::2], order[1::2]):
        number = 0 if heading.get("id") == "preamble" else int(heading.get("id")[-2:])
        assert "oe-print-cite" in block.get("class"), heading.get("id")
        style = "gbt7714" if prefix else "legal"
        items = [li.cssselect("span")[0].text_content() for li in block.cssselect("li")]
        assert items == [entry_of(data, number)["citation_styles"][lang][style] for lang in ("en", "zh")]
        statuses = [CORPUS.pages[number].review(lang).status for lang in ("en", "zh")]
        assert statuses == ["revised after review", "draft"]
    bylines = article.cssselect(".oe-byline")
    assert len(bylines) == 2 * len(CORPUS.pages), "each commentary states its status on paper too"


# --- in Chromium ----------------------------------------------------------------------------------

def clipboard_page(browser, server: str, path: str, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + path)
    return context, page


def today(iso: bool = False) -> str:
    d = datetime.date.today()
    return d.isoformat() if iso else en_date(d.isoformat())


@pytest.mark.browser
def test_copying_a_commentary_citation_in_both_styles(browser, server: str, site: Path) -> None:
    entry = entry_of(opinions(site), 8)
    context, page = clipboard_page(browser, server, "measures/08/")
    box = page.locator(".oe-commentary-en .oe-citebox")
    legal_style = box.locator(".oe-citation-legal")
    assert legal_style.locator(".oe-citation-text").inner_text() == \
        entry["citation_styles"]["en"]["legal"][:-1] + f" accessed {today()}.", "shown as it will be copied"
    legal_style.locator("button").click()
    assert page.evaluate("navigator.clipboard.readText()") == \
        entry["citation_styles"]["en"]["legal"][:-1] + f" accessed {today()}."
    box.locator(".oe-citation-gbt button").click()
    gbt_text = entry["citation_styles"]["en"]["gbt7714"]
    date_part = f"({entry['version']['en']['date']})"
    assert page.evaluate("navigator.clipboard.readText()") == gbt_text.replace(date_part, f"{date_part}[{today(True)}]")
    assert page.locator("#oe-copy-status").inner_text().endswith(page.evaluate("navigator.clipboard.readText()"))
    context.close()

    context, page = clipboard_page(browser, server, "zh/measures/08/")
    page.locator(".oe-commentary-zh .oe-citation-gbt button").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == entry["citation"]["zh"].replace(f"({entry['version']['zh']['date']})",
                                                    f"({entry['version']['zh']['date']})[{today(True)}]")
    assert copied.endswith(f"{TEST_SITE_URL}zh/measures/08/#commentary-zh.")
    context.close()


@pytest.mark.browser
def test_margin_number_controls_copy_its_link_and_a_citation_at_that_number(browser, server: str, site: Path) -> None:
    entry = entry_of(opinions(site), 8)
    context, page = clipboard_page(browser, server, "measures/08/")
    note = page.locator("#m08-n3")
    tools = note.locator(".oe-ntools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0", "quiet until pointed at"
    note.hover()
    page.wait_for_timeout(250)
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"
    link = tools.locator("button.oe-tool-copy-link")
    assert link.get_attribute("aria-label") == "Copy the link to margin number 3"
    link.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{TEST_SITE_URL}measures/08/#m08-n3"
    tools.locator("button.oe-tool-cite-n").click()
    expected = entry["citation"]["en"].replace(f" <{TEST_SITE_URL}measures/08/#commentary>.",
                                               f", N 3 <{TEST_SITE_URL}measures/08/#m08-n3> accessed {today()}.")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()

    context, page = clipboard_page(browser, server, "zh/measures/08/")
    note = page.locator("#m08-zh-n2")
    note.hover()
    button = note.locator("button.oe-tool-cite-n")
    assert button.get_attribute("aria-label") == "复制边码 2 的引用格式"
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "评注（本版推测序号为（八）），边码2（草稿）[EB/OL]//" in copied
    assert copied.endswith(f"[{today(True)}]. {TEST_SITE_URL}zh/measures/08/#m08-zh-n2.")
    context.close()


@pytest.mark.browser
def test_following_a_margin_number_link(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(server + "measures/08/#m08-n4")
    page.wait_for_timeout(300)
    box = page.locator("#m08-n4").bounding_box()
    assert box and 0 <= box["y"] < 250 and page.locator("#m08-n4").evaluate("e => e.matches(':target')")
    # the N is the permalink: following it from elsewhere on the page
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#m08-n6 a.oe-n").click()
    assert page.url.endswith("#m08-n6")
    box = page.locator("#m08-n6").bounding_box()
    assert box and 0 <= box["y"] < 250
    # the same point in the Chinese commentary, which sits in a closed <details> on the English page
    assert not page.locator("#commentary-zh").evaluate("d => d.open")
    page.locator("#m08-n6 a.oe-n-other").click()
    assert page.url.endswith("#m08-zh-n6")
    assert page.locator("#commentary-zh").evaluate("d => d.open"), "the Chinese commentary opens at its N"
    box = page.locator("#m08-zh-n6").bounding_box()
    assert box and 0 <= box["y"] < 250
    context.close()


@pytest.mark.browser
def test_without_javascript_the_n_is_the_permalink_and_citations_are_text(browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "measures/08/")
    assert page.locator(".oe-ntools").count() == 0 and page.locator(".oe-citebox button").count() == 0
    assert page.locator("#m08-n2 a.oe-n").get_attribute("href") == "#m08-n2"
    assert "commit" in page.locator(".oe-commentary-en .oe-citation-legal").inner_text()
    context.close()
