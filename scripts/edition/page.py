"""Parse one measure page: front matter, aligned paragraph pairs, commentary.

The page format (documented in CONTRIBUTING.md and the front-matter schema):

    ---
    number: 8
    ...front matter...
    ---

    /// para | m08-1
    （八）加强商业秘密保护。……

    (8) Strengthening the protection of trade secrets. ...
    ///

    ## Commentary

    Free Markdown (English).

    ## 评注

    Free Markdown (Chinese).

Inside a `/// para | <id>` block the first paragraph is the Chinese source and
the second, after a blank line, is our English translation. Ids are written by
hand, so they never renumber when text is corrected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .apparatus import Apparatus, read_apparatus
from .authorship import Review, check_authorship, read_review
from .commentary import (
    Note,
    bare_numbers,
    counterparts,
    han_count,
    margin_problems,
    notes,
    word_count,
)
from .errors import ContentError
from .limits import COMMENTARY_CHARS, PAGE_BYTES, PARAGRAPH_EN_CHARS, PARAGRAPH_ZH_CHARS, SIZE_FIX, crossing, size
from .paths import ID_RE, LANGS, PREFIX, para_prefix
from .textfile import read_text
from .yamlmap import LineMap, parse_yaml, validate
from .zh import HAN, zh_numeral
from .zh_punctuation import FULL_WIDTH, ascii_punctuation

PARA_OPEN = re.compile(r"^///\s*para\b(.*)$")
#: A margin number in `review` (commentary to look at): 'm08-n3' (English), 'm08-zh-n3' (Chinese).
NOTE_ID = re.compile(rf"^({PREFIX})-(zh-)?n([1-9][0-9]*[a-z]?)$")
PARA_CLOSE = re.compile(r"^///\s*$")
COMMENTARY_RE = re.compile(r"^##\s+Commentary\s*$")
COMMENTARY_ZH_RE = re.compile(r"^##\s+评注\s*$")
GAP_ZH = "［……］"  # marks source text not transcribed, where its place is known
GAP_EN = "[…]"    # the same gap in the English
LATIN = re.compile(r"[A-Za-z]")
# The procuratorial functions a measure may concern, in the order the edition lists them
# (the enum of `functions` in scripts/schemas/front-matter.schema.json; a test keeps them equal).
FUNCTIONS = ["criminal", "civil", "administrative", "public-interest", "cross-cutting"]


@dataclass
class Paragraph:
    """One aligned pair: the Chinese source paragraph and our English."""

    id: str
    zh: str
    en: str | None
    line: int
    zh_line: int
    en_line: int | None


@dataclass
class Page:
    """A parsed measure (or preamble) page; `meta` is the raw front matter."""

    path: Path
    meta: dict[str, Any]
    lines: LineMap
    paragraphs: list[Paragraph] = field(default_factory=list)
    commentary: str = ""
    commentary_line: int | None = None
    commentary_start: int = 0  # file line of the commentary's first line of text
    commentary_zh: str = ""
    commentary_zh_line: int | None = None  # the '## 评注' heading
    commentary_zh_start: int = 0
    body_line: int = 1
    body: str = field(default="", repr=False)  # the text below the front matter, from body_line on
    blocks_seen: int = 0
    apparatus: Apparatus = field(default_factory=Apparatus)

    @property
    def number(self) -> int:
        return int(self.meta["number"])

    @property
    def is_preamble(self) -> bool:
        return self.number == 0

    @property
    def stage(self) -> str:
        return self.meta["stage"]

    @property
    def title(self) -> dict[str, str]:
        return self.meta["title"]

    @property
    def source(self) -> dict[str, Any]:
        return self.meta["source"]

    def commentary_in(self, lang: str) -> str:
        """The commentary's Markdown in one language ('en' or 'zh')."""
        return self.commentary_zh if lang == "zh" else self.commentary

    def commentary_text(self, lang: str) -> str:
        """The commentary's Markdown as readers read it: its paragraphs without their margin-number
        tokens (the numbers are shown in the margin, not in the text)."""
        return "\n\n".join(n.text for n in self.notes(lang))

    def commentary_first_line(self, lang: str) -> int:
        """The file line where the commentary's text begins (line numbers of its errors)."""
        return self.commentary_zh_start if lang == "zh" else self.commentary_start

    def notes(self, lang: str) -> list[Note]:
        """The commentary's margin-numbered paragraphs in one language."""
        text = self.commentary_in(lang)
        return notes(text, self.commentary_first_line(lang)) if text.strip() else []

    def counterparts(self, lang: str) -> dict[str, str | None]:
        """Margin number -> the number of the paragraph that answers it in the other language's
        commentary (None: it has none). See commentary.counterparts."""
        return counterparts(self.notes("en"), self.notes("zh"))[0][lang]

    def review(self, lang: str) -> Review | None:
        """Who wrote and who reviewed the commentary in one language (the `commentary:` front matter)."""
        return read_review(self.meta, lang)

    @property
    def heading_status(self) -> str | None:
        """attested | reported | conjecture; None on the preamble (no heading)."""
        return None if self.is_preamble else self.apparatus.heading_status


def in_language(value: str | dict[str, str], lang: str) -> tuple[str, str]:
    """A note of the front matter in one language: (text, the language it is written in).

    Notes are {en, zh}, each written for its reader (the schema requires both); a plain string,
    as an older export may hold, is read as English."""
    if isinstance(value, dict):
        return (value["zh"], "zh") if lang == "zh" else (value["en"], "en")
    return value, "en"


def han_ratio(text: str) -> float:
    han = len(HAN.findall(text))
    latin = len(LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0


def split_front_matter(text: str, path: Path) -> tuple[str | None, int, list[ContentError]]:
    """Return (yaml_text, body_start_line, errors)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 1, [ContentError(path, 1, "the page does not start with front matter",
                                      "begin the file with a line '---', the YAML keys, and a closing '---'",
                                      "front-matter")]
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2, []
    return None, 1, [ContentError(path, 1, "the front matter is never closed",
                                  "add a line '---' after the last YAML key", "front-matter")]


def parse_page(path: Path, text: str | None = None) -> tuple[Page | None, list[ContentError]]:
    """Parse a page file; return the page (None if unusable) and every error found."""
    if text is None:
        read = read_text(path)
        if isinstance(read, ContentError):
            return None, [read]
        text = read
    text = text.replace("\r\n", "\n")
    if (n := len(text.encode("utf-8"))) > PAGE_BYTES:
        return None, [ContentError(path, crossing(text, PAGE_BYTES), f"the page is {size(n)}, more than the "
                                   f"{size(PAGE_BYTES)} a page may hold; it grows past the limit on this line",
                                   SIZE_FIX, "size")]
    yaml_text, body_line, errors = split_front_matter(text, path)
    if yaml_text is None:
        return None, errors
    meta, lines, yerrors = parse_yaml(yaml_text, path, first_line=2)
    errors += yerrors
    if yerrors and meta is None:
        return None, errors
    if not isinstance(meta, dict):
        errors.append(ContentError(path, 2, "the front matter is not a set of 'key: value' lines",
                                   "see CONTRIBUTING.md, 'The page format'", "front-matter"))
        return None, errors
    schema_errors = validate(meta, "front-matter.schema.json", path, lines)
    errors += schema_errors
    if schema_errors:
        return None, errors
    body = text.split("\n")[body_line - 1:]
    page = Page(path=path, meta=meta, lines=lines, body_line=body_line, body="\n".join(body))
    errors += _parse_body(page, body, body_line)
    page.apparatus = read_apparatus(meta, lines, {p.id: p.zh for p in page.paragraphs})
    errors += _check_page(page)
    return page, errors


def _parse_body(page: Page, body: list[str], first: int) -> list[ContentError]:
    errors: list[ContentError] = []
    path = page.path
    seen: dict[str, int] = {}
    i = 0
    in_comment = False
    while i < len(body):
        raw = body[i]
        line_no = first + i
        stripped = raw.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            i += 1
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            i += 1
            continue
        if COMMENTARY_ZH_RE.match(stripped):
            errors.append(ContentError(path, line_no, "the Chinese commentary ('## 评注') comes before the English",
                                       "put '## Commentary' and the English commentary first, then '## 评注' "
                                       "and the Chinese commentary", "structure"))
        if COMMENTARY_RE.match(stripped):
            page.commentary_line = line_no
            rest = body[i + 1:]
            split = next((k for k, text in enumerate(rest) if COMMENTARY_ZH_RE.match(text.strip())), None)
            en_lines = rest if split is None else rest[:split]
            page.commentary = "\n".join(en_lines).strip("\n")
            page.commentary_start = line_no + 1 + next((k for k, text in enumerate(en_lines) if text.strip()), 0)
            if split is not None:
                zh_lines = rest[split + 1:]
                page.commentary_zh_line = line_no + 1 + split
                page.commentary_zh = "\n".join(zh_lines).strip("\n")
                page.commentary_zh_start = (page.commentary_zh_line + 1
                                            + next((k for k, text in enumerate(zh_lines) if text.strip()), 0))
            if any(PARA_OPEN.match(text.strip()) for text in body[i + 1:]):
                j = next(k for k, text in enumerate(body[i + 1:], i + 1) if PARA_OPEN.match(text.strip()))
                errors.append(ContentError(path, first + j, "a paragraph block appears inside the commentary",
                                           "move every '/// para' block above the '## Commentary' heading",
                                           "structure"))
            break
        if not stripped:
            i += 1
            continue
        m = PARA_OPEN.match(stripped)
        if not m:
            if stripped.startswith("#"):
                fix = ("the page title is generated from the front matter; commentary starts with "
                       "the exact heading '## Commentary'")
            else:
                fix = "wrap source text in a '/// para | <id>' block, or move commentary below '## Commentary'"
            errors.append(ContentError(path, line_no, f"text outside a paragraph block: {stripped[:60]!r}",
                                       fix, "structure"))
            i += 1
            continue
        arg = m.group(1).strip()
        pid = arg[1:].strip() if arg.startswith("|") else ""
        page.blocks_seen += 1
        close = next((k for k in range(i + 1, len(body)) if PARA_CLOSE.match(body[k].strip())
                      or PARA_OPEN.match(body[k].strip()) or COMMENTARY_RE.match(body[k].strip())),
                     len(body))
        resume = close + 1
        if close == len(body) or not PARA_CLOSE.match(body[close].strip()):
            errors.append(ContentError(path, line_no, f"paragraph block '{pid or '?'}' is never closed",
                                       "end the block with a line containing only '///'", "structure"))
            resume = close  # parse what follows (next block or the commentary) normally
        block_errors, para = _parse_block(page, pid, body[i + 1:close], line_no)
        errors += block_errors
        if para is not None:
            if para.id in seen:
                errors.append(ContentError(path, line_no, f"duplicate paragraph id '{para.id}' "
                                           f"(already used on line {seen[para.id]})",
                                           "give this paragraph a new id (next free number); never reuse "
                                           "or renumber existing ids", "id"))
            else:
                seen[para.id] = line_no
                page.paragraphs.append(para)
        i = resume
    return errors


def _parse_block(page: Page, pid: str, lines: list[str], line_no: int) -> tuple[list[ContentError], Paragraph | None]:
    path = page.path
    errors: list[ContentError] = []
    prefix = para_prefix(page.number)
    if not pid:
        return [ContentError(path, line_no, "paragraph block without an id",
                             f"write it as '/// para | {prefix}-1' (ids are never reused or renumbered)",
                             "id")], None
    if not ID_RE.match(pid):
        errors.append(ContentError(path, line_no, f"malformed paragraph id '{pid}'",
                                   f"use '{prefix}-<n>' (e.g. '{prefix}-2'; an inserted paragraph may take "
                                   f"a letter, '{prefix}-2a')", "id"))
    elif pid.split("-")[0] != prefix:
        errors.append(ContentError(path, line_no, f"paragraph id '{pid}' does not belong to this page "
                                   f"(number {page.number})", f"ids on this page start with '{prefix}-'",
                                   "id"))
    # split the block into paragraphs separated by blank lines
    chunks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for k, line in enumerate(lines):
        if line.strip():
            if not current:
                start = k
            current.append(line.strip())
        elif current:
            chunks.append((start, current))
            current = []
    if current:
        chunks.append((start, current))
    if not chunks:
        return errors + [ContentError(path, line_no, f"paragraph block '{pid}' is empty",
                                      "put the Chinese paragraph, a blank line, then the English", "pair")], None
    zh_start, zh_lines = chunks[0]
    zh = "".join(zh_lines) if all(HAN.search(text) for text in zh_lines) else " ".join(zh_lines)
    zh_line = line_no + 1 + zh_start
    if len(zh) > PARAGRAPH_ZH_CHARS:
        errors.append(ContentError(path, zh_line, f"the Chinese paragraph of '{pid}' has {size(len(zh), 'chars')}, "
                                   f"more than the {size(PARAGRAPH_ZH_CHARS, 'chars')} a paragraph may hold",
                                   "a source paragraph is one paragraph of the document: split it where the "
                                   "document does, into blocks of their own", "size"))
    if han_ratio(zh) < 0.5:
        errors.append(ContentError(path, zh_line, f"the first paragraph of '{pid}' is not Chinese",
                                   "the Chinese source comes first in the block, then a blank line, then "
                                   "the English translation", "pair"))
    en = en_line = None
    if len(chunks) >= 2:
        en_start, en_lines = chunks[1]
        en = " ".join(en_lines)
        en_line = line_no + 1 + en_start
        if len(en) > PARAGRAPH_EN_CHARS:
            errors.append(ContentError(path, en_line, f"the English of '{pid}' has {size(len(en), 'chars')}, more "
                                       f"than the {size(PARAGRAPH_EN_CHARS, 'chars')} a translated paragraph may "
                                       "hold", "translate the paragraph only; notes on it belong in the commentary",
                                       "size"))
        if han_ratio(en) >= 0.5:
            errors.append(ContentError(path, en_line, f"the second paragraph of '{pid}' looks Chinese, not English",
                                       "each block holds one Chinese paragraph and its English translation; "
                                       "split two source paragraphs into two blocks", "pair"))
    if len(chunks) > 2:
        extra_line = line_no + 1 + chunks[2][0]
        errors.append(ContentError(path, extra_line, f"paragraph block '{pid}' has more than two paragraphs",
                                   "a block holds exactly one Chinese paragraph and one English paragraph; "
                                   "put further source paragraphs in blocks of their own", "pair"))
    return errors, Paragraph(pid, zh, en, line_no, zh_line, en_line)


def _check_page(page: Page) -> list[ContentError]:
    """Checks that need the whole page but no other page."""
    errors: list[ContentError] = []
    path, meta = page.path, page.meta
    ids = {p.id for p in page.paragraphs}
    if page.is_preamble and meta["part"] is not None:
        errors.append(ContentError(path, page.lines.line(["part"]), "the preamble belongs to no part",
                                   "write 'part: null'", "structure"))
    if not page.is_preamble and meta["part"] is None:
        errors.append(ContentError(path, page.lines.line(["part"]), "a measure must name its part (1 to 4)",
                                   "write e.g. 'part: 2'", "structure"))
    if not page.is_preamble and "heading" not in meta:
        errors.append(ContentError(path, page.lines.line(["title"]), "the measure does not say what its heading rests on",
                                   "add 'heading: {status: conjecture}' after 'title' (or 'attested', or "
                                   "'reported' with the witnesses that name the measure)", "apparatus"))
    if page.is_preamble and "heading" in meta:
        errors.append(ContentError(path, page.lines.line(["heading"]), "the preamble has no heading in the source",
                                   "remove 'heading'", "apparatus"))
    if page.number in meta["related"]:
        errors.append(ContentError(path, page.lines.line(["related"]), "a measure cannot be related to itself",
                                   f"remove {page.number} from 'related'", "related"))
    for k, item in enumerate(meta["source"].get("uncertain", [])):
        if item["para"] not in ids:
            errors.append(ContentError(path, page.lines.line(["source", "uncertain", k]),
                                       f"'uncertain' names paragraph '{item['para']}', which is not on this page",
                                       f"use one of: {', '.join(sorted(ids)) or '(no paragraphs yet)'}",
                                       "id"))
    labels = {lang: {n.n for n in page.notes(lang)} for lang in LANGS}
    for k, pid in enumerate(meta.get("review", [])):
        note = NOTE_ID.match(pid)
        if note and note.group(1) == para_prefix(page.number):
            if note.group(3) in labels["zh" if note.group(2) else "en"]:
                continue
            errors.append(ContentError(path, page.lines.line(["review", k]),
                                       f"'review' names margin number '{pid}', which the commentary does not have",
                                       "remove it", "id"))
        elif pid not in ids:
            errors.append(ContentError(path, page.lines.line(["review", k]),
                                       f"'review' names paragraph '{pid}', which is not on this page",
                                       "remove it", "id"))
    if meta["source"]["status"] == "verified" and not meta["source"].get("reference"):
        errors.append(ContentError(path, page.lines.line(["source", "status"]),
                                   "verified text must name the publication it was checked against",
                                   "add source.reference (use `python -m scripts import --apply`)", "source"))
    errors += _check_coverage(page)
    for lang, heading in (("en", page.commentary_line), ("zh", page.commentary_zh_line)):
        chars = len(page.commentary_in(lang))
        if chars > COMMENTARY_CHARS:
            name = "English commentary" if lang == "en" else "Chinese commentary (## 评注)"
            errors.append(ContentError(path, heading or page.body_line, f"the {name} has {size(chars, 'chars')}, "
                                       f"more than the {size(COMMENTARY_CHARS, 'chars')} a commentary may hold",
                                       SIZE_FIX, "size"))
    errors += check_numbers(page)
    errors += check_margins(page)
    errors += check_authorship(page)
    if page.stage == "stub":
        return errors
    if not page.blocks_seen and page.source["coverage"] != "none":
        errors.append(ContentError(path, page.body_line, f"stage is '{page.stage}' but the page has no paragraphs",
                                   "add the source paragraphs, or set 'stage: stub'", "stage"))
    review = set(meta.get("review", []))
    for para in page.paragraphs:
        if para.en is None and para.id not in review:
            errors.append(ContentError(path, para.zh_line, f"paragraph '{para.id}' has no English translation",
                                       "add the English after a blank line below the Chinese, or set "
                                       "'stage: stub' while the page is not yet written", "translation"))
    if page.commentary_line is None or not page.commentary.strip():
        errors.append(ContentError(path, page.commentary_line or page.body_line,
                                   f"stage is '{page.stage}' but the page has no commentary",
                                   "add a '## Commentary' heading followed by the commentary, or set 'stage: stub'",
                                   "commentary"))
    elif page.stage == "complete":
        words = word_count(page.commentary)
        need = 200 if page.is_preamble else 300
        if words < need:
            errors.append(ContentError(path, page.commentary_line,
                                       f"stage is 'complete' but the commentary has {words} words "
                                       f"(at least {need} expected)",
                                       "extend the commentary, or set 'stage: draft'", "commentary"))
        errors += _check_commentary_zh(page, words)
    return errors


#: A Chinese commentary must be about as substantial as the English: at least this many Han
#: characters per English word (a careful Chinese commentary runs at 1.5 or more), and at least
#: 400 where the English has 300 words or more.
ZH_PER_EN_WORD = 0.8
ZH_MINIMUM = 400


def check_numbers(page: Page) -> list[ContentError]:
    """Both commentaries give a measure number only as this edition's conjecture (see bare_numbers)."""
    errors = []
    for lang in ("en", "zh"):
        for note in page.notes(lang):
            for offset, quote in bare_numbers(note.text, lang, {1}):
                line = note.line + note.text.count("\n", 0, offset)
                fix = ("name the measure by its subject, e.g. 'the [trade-secret measure](08.md)', and give its "
                       "number only with \"(no. 8 in this edition's conjectural outline)\"" if lang == "en" else
                       "以主题指称该条，如“[商业秘密条款](08.md)”，给出序号时注明“本版推测序号为（八）”")
                errors.append(ContentError(page.path, line, f"'{quote}' gives a measure number as if the document "
                                           "showed it; no witness shows the numbers after (1)", fix, "outline"))
    return errors


def check_margins(page: Page) -> list[ContentError]:
    """Every commentary paragraph carries its margin number, in order, and says which paragraph of
    the other commentary answers it (commentary.margin_problems, commentary.counterparts)."""
    by_lang = {lang: page.notes(lang) for lang in LANGS}
    problems = margin_problems(by_lang) + counterparts(by_lang["en"], by_lang["zh"])[1]
    return [ContentError(page.path, p.line, p.message, p.fix, "margin") for p in problems]


def _check_commentary_zh(page: Page, en_words: int) -> list[ContentError]:
    """A complete page has a Chinese commentary, not far shorter than the English, in Chinese punctuation."""
    path = page.path
    if page.commentary_zh_line is None or not page.commentary_zh.strip():
        return [ContentError(path, page.commentary_zh_line or page.commentary_line or page.body_line,
                             "stage is 'complete' but the page has no Chinese commentary",
                             "add '## 评注' after the English commentary, followed by the Chinese commentary "
                             "(see CONTRIBUTING.md, 'Writing the Chinese commentary'), or set 'stage: draft'",
                             "commentary")]
    errors: list[ContentError] = []
    han = han_count(page.commentary_zh)
    need = max(round(ZH_PER_EN_WORD * en_words), ZH_MINIMUM if en_words >= 300 else 0)
    if han < need:
        errors.append(ContentError(path, page.commentary_zh_line,
                                   f"the Chinese commentary has {han} Chinese characters, far shorter than the "
                                   f"English ({en_words} words; at least {need} expected)",
                                   "cover the same points as the English commentary (what the measure asks, its "
                                   "legal basis, what is new, connections, open questions, what is attested), "
                                   "or set 'stage: draft'", "commentary"))
    for line, mark, excerpt in ascii_punctuation(page.commentary_zh, page.commentary_zh_start):
        full = FULL_WIDTH.get(mark, "full-width punctuation")
        errors.append(ContentError(path, line, f"ASCII '{mark}' inside a Chinese sentence: …{excerpt.strip()}…",
                                   f"use the full-width mark {full} in Chinese text", "punctuation"))
    return errors


def _check_coverage(page: Page) -> list[ContentError]:
    """Gaps and coverage must tell the same story as the text."""
    errors: list[ContentError] = []
    path, coverage = page.path, page.source["coverage"]
    line = page.lines.line(["source", "coverage"])
    gaps = 0
    review = set(page.meta.get("review", []))
    for para in page.paragraphs:
        zh_gaps = para.zh.count(GAP_ZH)
        gaps += zh_gaps
        if para.en is not None and para.id not in review and para.en.count(GAP_EN) != zh_gaps:
            errors.append(ContentError(path, para.en_line or para.line,
                                       f"'{para.id}': the Chinese marks {zh_gaps} gap(s) {GAP_ZH} but the "
                                       f"English marks {para.en.count(GAP_EN)} {GAP_EN}",
                                       f"mark each untranscribed passage with {GAP_ZH} in the Chinese and "
                                       f"{GAP_EN} at the same place in the English", "coverage"))
    if coverage == "full" and gaps:
        errors.append(ContentError(path, line, f"coverage is 'full' but the text marks {gaps} gap(s) {GAP_ZH}",
                                   "set 'coverage: partial'", "coverage"))
    if coverage == "none" and page.paragraphs:
        errors.append(ContentError(path, line, "coverage is 'none' but the page has paragraphs",
                                   "set 'coverage: partial' (or 'heading' if only the heading is given)",
                                   "coverage"))
    if coverage == "heading" and not page.is_preamble:
        heading = f"（{zh_numeral(page.number)}）{page.title['zh']}。"
        if len(page.paragraphs) != 1 or page.paragraphs[0].zh != heading:
            errors.append(ContentError(path, line, "coverage is 'heading' but the page holds more than the heading",
                                       f"the only paragraph should be '{heading}'; otherwise set "
                                       "'coverage: partial'", "coverage"))
    return errors
