"""Statutory citations in commentary: every article cited must be one the edition has checked.

A commentary that cites "Article 219-1 of the Criminal Law" or 《刑法》第二百一十九条之一
relies on a number the editors checked against the text in force on 1 March 2022;
`data/laws.yml` lists those articles per instrument. This module finds the
citations in both commentaries, works out which instrument each belongs to (the
law named right after it, "of the …", or else the nearest law named before it in
the same paragraph) and reports, with file and line, an article the instrument's
entry does not list, an article with no instrument, and a Chinese commentary that
names (in 《》) an instrument its page does not list.
"""
from __future__ import annotations

import re
from typing import Iterable

from .errors import ContentError
from .laws import Law, article_number, mentions
from .page import Page
from .zh import parse_zh_number

# "Article 219", "Articles 213 to 220", "Arts 3 and 4", "Art. 219-1"
ART_EN = re.compile(r"\bArt(?:icles?\b|s?\.?(?=\s+\d))\s+(?P<nums>\d+(?:-\d+)?(?:\s*(?:,|and|or|to|–|—)\s*\d+(?:-\d+)?)*)")
NUM_EN = re.compile(r"\d+(?:-\d+)?")
OF_OPINIONS = re.compile(r"\s+of\s+the\s+(?:SPP'?s?\s+)?Opinions\b")
OF_LAW = re.compile(r"\s+of\s+(?:the\s+)?(?:PRC\s+)?")
# 第二百一十九条之一, 第三条
ART_ZH = re.compile(r"第(?P<n>[零〇一二两三四五六七八九十百千]+)条(?:之(?P<sub>[一二三四五六七八九十]))?")
TITLE_ZH = re.compile(r"《([^《》\n]+)》")
#: How the Chinese commentary names the Opinions themselves, and the measures whose number a witness shows.
OPINIONS_TITLES = ("意见", "最高人民检察院关于全面加强新时代知识产权检察工作的意见")
ATTESTED_MEASURES = {1}
def _article_key(article: str) -> str:
    return article.strip()


def known_articles(law: Law) -> set[str]:
    return {_article_key(a["article"]) for a in law.articles}


def _zh_law(title: str, laws: Iterable[Law]) -> Law | None:
    for law in laws:
        if title in law.names_zh:
            return law
    return None


def check_citations(page: Page, laws: dict[str, Law]) -> list[ContentError]:
    """Articles cited in the page's two commentaries, and the instruments its Chinese commentary names."""
    errors: list[ContentError] = []
    listed = set(page.meta.get("laws", []))
    for note in page.notes("en"):
        found = mentions(note.text, laws)
        for m in ART_EN.finditer(note.text):
            line = note.line + note.text.count("\n", 0, m.start())
            law = None
            after = OF_LAW.match(note.text, m.end())
            if after:
                law = next((x for s, _, x in found if s == after.end()), None)
            if law is None:  # the nearest instrument named before it that has numbered articles
                before = [x for s, e, x in found if e <= m.start() and x.articles]
                law = before[-1] if before else None
            cited = m.group(0).strip()
            if OF_OPINIONS.match(note.text, m.end()):
                errors.append(ContentError(page.path, line, f"'{cited} of the Opinions' refers to a measure by a "
                                           "number, as if the document showed it: the Opinions have measures, not "
                                           "articles, and no witness shows the numbers after (1)",
                                           "name the measure by its subject, e.g. 'the [trade-secret measure](08.md)', "
                                           "and give its number only with \"(no. 8 in this edition's conjectural "
                                           "outline)\"", "outline"))
                continue
            if law is None:
                errors.append(ContentError(page.path, line, f"'{cited}': the commentary does not say which "
                                           "instrument the article belongs to",
                                           "name the law in the same paragraph, e.g. 'Article 219 of the "
                                           "Criminal Law'", "citation"))
                continue
            errors += _unknown_articles(page, line, cited, law, NUM_EN.findall(m.group("nums")))
    for note in page.notes("zh"):
        titles = [(t.start(), t.end(), t.group(1)) for t in TITLE_ZH.finditer(note.text)]
        for start, _, title in titles:
            law = _zh_law(title, laws.values())
            if law is not None and law.id not in listed:
                line = note.line + note.text.count("\n", 0, start)
                errors.append(ContentError(page.path, line, f"the Chinese commentary names 《{title}》 but front "
                                           f"matter 'laws' does not list '{law.id}'",
                                           f"add '{law.id}' to 'laws:' so the index of laws is complete", "laws"))
        for m in ART_ZH.finditer(note.text):
            line = note.line + note.text.count("\n", 0, m.start())
            n = parse_zh_number(m.group("n"))
            sub = parse_zh_number(m.group("sub")) if m.group("sub") else None
            article = f"{n}-{sub}" if sub else str(n)
            nearest = [title for _, end, title in titles if end <= m.start() and note.text[end:m.start()] in ("", "的")]
            if nearest and nearest[-1] in OPINIONS_TITLES and n not in ATTESTED_MEASURES:
                # 《意见》第十五条: the Opinions have measures, not articles, and no witness numbers them
                errors.append(ContentError(page.path, line, f"'《{nearest[-1]}》{m.group(0)}' refers to a measure of "
                                           "the Opinions by a number, as if the document showed it: the Opinions "
                                           "have measures （一）…, not articles, and no witness shows the numbers "
                                           "after (1)",
                                           "以主题指称该条，如“[商业秘密条款](08.md)”，给出序号时注明“本版推测序号为（八）”",
                                           "outline"))
                continue
            # the nearest instrument named before it (in 《》) that has numbered articles
            before = [law for _, end, title in titles if end <= m.start()
                      for law in [_zh_law(title, laws.values())] if law is not None and law.articles]
            law = before[-1] if before else None
            if law is None:
                errors.append(ContentError(page.path, line, f"'{m.group(0)}' names no law before it",
                                           "name the law in 书名号 before the article, e.g. 《刑法》第三条; "
                                           "measures of the Opinions are named by subject, not as 第N条",
                                           "citation"))
                continue
            errors += _unknown_articles(page, line, m.group(0), law, [article])
    return errors


def _unknown_articles(page: Page, line: int, cited: str, law: Law, numbers: list[str]) -> list[ContentError]:
    known = known_articles(law)
    errors = []
    for number in numbers:
        if law.last_article is not None and article_number(number) > law.last_article:
            errors.append(ContentError(
                page.path, line, f"'{cited}' cites article {number} of the {law.en}, which ends at Article "
                f"{law.last_article} (data/laws.yml, last_article)",
                "check the article number against the text in force on 1 March 2022", "citation"))
        elif number not in known:
            listed = ", ".join(sorted(known, key=lambda a: [int(x) for x in a.split("-") if x.isdigit()])) or "none"
            errors.append(ContentError(
                page.path, line, f"'{cited}' cites article {number} of the {law.en}, which data/laws.yml does not "
                f"list as checked (listed: {listed})",
                f"check the article against the text in force on 1 March 2022 and add it to '{law.id}' in "
                "data/laws.yml with its subject, or cite the provision without a number", "citation"))
    return errors
