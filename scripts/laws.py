"""The statutes and instruments the commentary relies on, and the index of laws.

Measure pages list the laws they invoke in front matter; `make check` makes
sure every id exists and that commentary naming a law also lists it, so the
index built from front matter is complete.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from .corpus import Corpus
from .errors import ContentError
from .frontmatter import parse_yaml, validate

from .render import full_title

KIND_ORDER = ["constitution", "statute", "administrative regulation", "judicial interpretation", "treaty",
              "policy document"]
KINDS = {
    "en": {"constitution": "Constitution", "statute": "Statutes", "administrative regulation": "Administrative regulations",
           "judicial interpretation": "Judicial interpretations", "treaty": "Treaties",
           "policy document": "Policy documents"},
    "zh": {"constitution": "宪法", "statute": "法律", "administrative regulation": "行政法规",
           "judicial interpretation": "司法解释", "treaty": "国际条约", "policy document": "政策文件"},
}
LABELS = {
    "en": {"intro": ("The statutes, regulations, treaties and policy documents that the commentary relies on, "
                     "and the measures whose commentary invokes each. Article numbers are given only where "
                     "the edition relies on them, as they stood when the Opinions were issued; check them "
                     "against the versions now in force."),
           "articles": "Articles relied on", "measures": "Invoked by", "none": "no measure yet"},
    "zh": {"intro": "评注所依据的法律、法规、国际条约和政策文件，以及援引各项文件的条目。条文序号仅在本版依据时列出，"
                    "以《意见》发布时的版本为准，使用时请核对现行文本。",
           "articles": "所依据的条文", "measures": "援引条目", "none": "暂无"},
}


@dataclass
class Law:
    id: str
    kind: str
    zh: str
    en: str
    names: list[str]
    line: int
    articles: list[dict[str, str]] = field(default_factory=list)
    note: str = ""

    def patterns(self) -> list[re.Pattern[str]]:
        return list(_name_patterns(tuple(self.names)))


@lru_cache(maxsize=1024)
def _name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Longest name first; compiled once per set of names (asked for every paragraph)."""
    return tuple(re.compile(r"(?<![\w-])" + re.escape(n).replace(r"\ ", r"\s+") + r"(?![\w-])")
                 for n in sorted(names, key=len, reverse=True))


def load_laws(root: Path) -> tuple[dict[str, Law], list[ContentError]]:
    path = root / "data" / "laws.yml"
    data, lines, errors = parse_yaml(path.read_text(encoding="utf-8"), path)
    if data is None:
        return {}, errors
    schema_errors = validate(data, "laws.schema.json", path, lines, what="data/laws.yml")
    if schema_errors:
        return {}, errors + schema_errors
    laws: dict[str, Law] = {}
    for k, item in enumerate(data):
        line = lines.line([k])
        if item["id"] in laws:
            errors.append(ContentError(path, line, f"the law id '{item['id']}' is used twice",
                                       "give each instrument its own id", "laws"))
            continue
        laws[item["id"]] = Law(item["id"], item["kind"], item["zh"], item["en"], list(item["names"]), line,
                               list(item.get("articles", [])), item.get("note", ""))
    return laws, errors


def mentioned(law: Law, text: str) -> int | None:
    """Offset of the first mention of `law` in `text`, or None."""
    hits = [m.start() for p in law.patterns() for m in [p.search(text)] if m]
    return min(hits) if hits else None


def check_laws(corpus: Corpus, laws: dict[str, Law]) -> list[ContentError]:
    """Front-matter law ids exist; commentary that names a law lists it in front matter."""
    errors: list[ContentError] = []
    for page in corpus.ordered():
        listed = page.meta.get("laws", [])
        for k, law_id in enumerate(listed):
            if law_id not in laws:
                guess = difflib.get_close_matches(law_id, list(laws), n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                errors.append(ContentError(page.path, page.lines.line(["laws", k]),
                                           f"law '{law_id}' is not in data/laws.yml",
                                           f"{hint}add it to data/laws.yml or correct the id", "laws"))
        if not page.commentary or page.commentary_line is None:
            continue
        # "Criminal Law Amendment XI" must not count as a mention of the Criminal Law itself
        text = page.commentary
        for law in sorted(laws.values(), key=lambda l: -max(len(n) for n in l.names)):
            offset = mentioned(law, text)
            if offset is None:
                continue
            for p in law.patterns():
                text = p.sub(lambda m: "\u2591" * len(m.group(0)), text)
            if law.id not in listed:
                line = page.commentary_line + 1 + page.commentary[:offset].count("\n")
                errors.append(ContentError(page.path, line,
                                           f"the commentary names the {law.names[0]} but front matter 'laws' "
                                           f"does not list '{law.id}'",
                                           f"add '{law.id}' to 'laws:' so the index of laws is complete",
                                           "laws"))
    return errors


def article_label(article: str, lang: str) -> str:
    """'219-1' -> 'Art. 219-1' / '第219条之一'."""
    if lang != "zh":
        return f"Art. {article}"
    base, _, sub = article.partition("-")
    return f"第{base}条" + (f"之{'一二三四五六七八九'[int(sub) - 1]}" if sub.isdigit() and 0 < int(sub) < 10 else "")


def invoked_by(corpus: Corpus, law_id: str) -> list[int]:
    return [p.number for p in corpus.ordered() if law_id in p.meta.get("laws", [])]


def render_laws_page(corpus: Corpus, laws: dict[str, Law], lang: str, base: str = "") -> str:
    lab = LABELS[lang]
    out = [f'<p class="oe-intro">{escape(lab["intro"])}</p>', ""]
    for kind in KIND_ORDER:
        group = sorted((l for l in laws.values() if l.kind == kind), key=lambda l: l.en.lower())
        if not group:
            continue
        out += [f"## {KINDS[lang][kind]} {{#kind-{kind.replace(' ', '-')}}}", ""]
        for law in group:
            first, second = (law.zh, law.en) if lang == "zh" else (law.en, law.zh)
            ftag, stag = ("zh-Hans", "en") if lang == "zh" else ("en", "zh-Hans")
            out += [f'<div class="oe-law" id="{law.id}" markdown="1">', "",
                    f'<p class="oe-law-head"><span lang="{ftag}">{escape(first)}</span> '
                    f'<span class="oe-alt" lang="{stag}">{escape(second)}</span></p>', ""]
            if law.note:
                out += [f'<p class="oe-law-note" lang="en">{escape(law.note)}</p>', ""]
            if law.articles:
                out.append(f"**{lab['articles']}:**")
                out.append("")
                out += [f"- {escape(article_label(a['article'], lang))}: <span lang=\"en\">{escape(a['subject'])}</span>"
                        for a in law.articles]
                out.append("")
            numbers = invoked_by(corpus, law.id)
            links = ", ".join(
                f"[{full_title(lang, corpus.pages[n])}]({base}measures/{'preamble' if n == 0 else f'{n:02d}'}.md)"
                for n in numbers) or lab["none"]
            out += [f"**{lab['measures']}:** {links}", "", "</div>", ""]
    return "\n".join(out)


def laws_json(laws: dict[str, Law], corpus: Corpus) -> list[dict[str, Any]]:
    return [{"id": l.id, "kind": l.kind, "zh": l.zh, "en": l.en, "articles": l.articles, "note": l.note,
             "measures": invoked_by(corpus, l.id)} for l in laws.values()]


