"""Citations that `make check` refuses (issue 26): articles past the end of a law or missing from
the reference text, and measures of the Opinions cited by a number no witness shows.

Each test writes its own sentence into a copy of the content, on a page chosen by what it
lists (not by today's wording), so the tests hold whatever the commentary says."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import check
from scripts.edition.corpus import load_corpus

pytestmark = pytest.mark.unit


def page_listing(root: Path, law: str) -> Path:
    """A page with both commentaries whose front matter lists `law`."""
    corpus = load_corpus(root)
    return next(p.path for p in corpus.ordered()
                if law in p.meta.get("laws", []) and p.commentary.strip() and p.commentary_zh.strip())


def add_sentence(path: Path, lang: str, sentence: str) -> None:
    """Append a sentence to the last paragraph of the English or the Chinese commentary."""
    text = path.read_text(encoding="utf-8")
    if lang == "zh":
        text = text.rstrip("\n") + sentence + "\n"
    else:
        head, sep, tail = text.partition("\n## 评注")
        text = head.rstrip("\n") + " " + sentence + "\n" + sep + tail
    path.write_text(text, encoding="utf-8")


def add_article(root: Path, law: str, article: str) -> None:
    """List `article` under `law` in data/laws.yml, as a contributor would."""
    path = root / "data/laws.yml"
    text = path.read_text(encoding="utf-8")
    m = re.search(rf"^- id: {re.escape(law)}\n(?:  .*\n)*?  articles:\n", text, re.M)
    assert m, law
    text = text[:m.end()] + f'    - article: "{article}"\n      subject: Checked.\n      subject_zh: 已核对。\n' + text[m.end():]
    path.write_text(text, encoding="utf-8")


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": error [" in line]


# --- the end of a law ------------------------------------------------------------------------

@pytest.mark.parametrize("lang, sentence", [("en", "See Article 999 of the Criminal Law."),
                                            ("zh", "参见《刑法》第九百九十九条。")])
def test_an_article_past_the_end_of_the_law_is_refused_even_when_listed(content: Path, lang: str,
                                                                        sentence: str) -> None:
    page = page_listing(content, "criminal-law")
    add_sentence(page, lang, sentence)
    add_article(content, "criminal-law", "999")
    found = errors(check(content))
    assert any("data/laws.yml" in e and "article 999 is listed for 'criminal-law', whose last article is 452" in e
               for e in found), found
    assert any(page.name in e and "which ends at Article 452" in e for e in found), found


def test_every_law_that_lists_articles_records_its_last_article(content: Path) -> None:
    import yaml
    laws = yaml.safe_load((content / "data/laws.yml").read_text(encoding="utf-8"))
    missing = [law["id"] for law in laws if law.get("articles") and "last_article" not in law]
    assert missing == [], f"add last_article to {missing}"


def _reference(root: Path, articles: list[str]) -> None:
    """A synthetic reference extract beside the copy, as ../shared/reference/statutes/ is beside a checkout."""
    folder = root.parent / "shared/reference/statutes"
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(f'- article: "{a}"\n  zh_label: 第{a}条\n  text: 合成测试文本。\n' for a in articles)
    (folder / "criminal-law.yml").write_text("id: criminal-law\narticles:\n" + body, encoding="utf-8")


def test_a_listed_article_the_reference_text_lacks_is_refused(content: Path) -> None:
    import yaml
    listed = [str(a["article"]) for law in yaml.safe_load((content / "data/laws.yml").read_text(encoding="utf-8"))
              if law["id"] == "criminal-law" for a in law.get("articles", [])]
    _reference(content, listed)
    assert check(content).returncode == 0
    _reference(content, listed[1:])
    found = errors(check(content))
    assert any(f"article {listed[0]} is listed for 'criminal-law', but the reference text" in e for e in found), found


def test_without_the_reference_folder_the_reference_check_is_skipped(content: Path) -> None:
    assert not (content.parent / "shared").exists()
    add_article(content, "criminal-law", "300")
    assert check(content).returncode == 0


# --- measures of the Opinions cited by number ------------------------------------------------

@pytest.mark.parametrize("lang, sentence, quoted", [
    ("zh", "《意见》（十五）也要求加强国际合作。", "'（十五）' gives a measure number"),
    ("zh", "根据《意见》第十五项，还应加强国际合作。", "'第十五项' gives a measure number"),
    ("zh", "《意见》第十五条也要求加强国际合作。", "'《意见》第十五条' refers to a measure of the Opinions by a number"),
    ("en", "Item no. 15 of the Opinions asks for more.", "'Item no. 15' gives a measure number"),
    ("en", "No. 15 of the Opinions asks for more.", "'No. 15' gives a measure number"),
    ("en", "Article 15 of the Opinions asks for more.", "'Article 15 of the Opinions' refers to a measure"),
])
def test_a_measure_cited_by_a_conjectural_number_is_refused(content: Path, lang: str, sentence: str,
                                                             quoted: str) -> None:
    page = page_listing(content, "criminal-law")
    add_sentence(page, lang, sentence)
    found = errors(check(content))
    assert any(f"error [outline]: {quoted}" in e for e in found), found
    assert not any("Criminal Law" in e for e in found), "a measure reported as an article of a law"


@pytest.mark.parametrize("lang, sentence", [
    ("zh", "四大检察中的第四项是公益诉讼检察。"),
    ("zh", "《刑法》第二百一十九条第一款第一项规定了盗窃等手段。"),
    ("zh", "在本版推测的大纲中，《意见》（十五）涉及国际合作。"),
    ("en", "Article 219 of the Criminal Law, item 2, lists the means."),
])
def test_other_numbered_items_pass(content: Path, lang: str, sentence: str) -> None:
    page = page_listing(content, "criminal-law")
    add_sentence(page, lang, sentence)
    found = [e for e in errors(check(content)) if "[outline]" in e]
    assert found == []
