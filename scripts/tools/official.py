"""Reading the official text: plain text, or the SPP's web page saved as HTML.

SPP pages set each paragraph in its own <p>, indent with full-width spaces
(　　), set headings in bold (sometimes only the heading, inside the paragraph
that goes on with the text) and surround the text with page furniture: the site
navigation, a breadcrumb trail that repeats the title, a line of date and
source, print and share links. What is not text is dropped and reported, never
kept silently as text and never lost silently either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from ..edition.zh import HAN, parse_zh_number, zh_numeral

PART_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
MEASURE_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
TITLE_MARK = "关于全面加强新时代知识产权检察工作的意见"
END_MARKS = ("责任编辑", "【打印】", "【关闭】", "【打印本页】", "【关闭窗口】", "扫一扫", "分享到", "相关链接", "打印本页", "关闭窗口")
FURNITURE = re.compile(r"^(发布时间|来源|作者|字号|浏览次数|当前位置|【字体|分享|时间：|\d{4}-\d{2}-\d{2})")
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "td"}
SENTENCE_END = ("。", "；", "：", "！", "？", "”")


@dataclass
class Official:
    """The official text, parsed: preamble paragraphs, part titles, measures' paragraphs."""

    title: str | None = None
    preamble: list[str] = field(default_factory=list)
    parts: dict[int, str] = field(default_factory=dict)
    measures: dict[int, list[str]] = field(default_factory=dict)
    part_of: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # lines taken for page furniture, reported

    def heading(self, number: int) -> str:
        """The measure's heading: its first paragraph up to the first full stop, without the number."""
        m = MEASURE_RE.match(self.measures[number][0])
        rest = m.group(2) if m else self.measures[number][0]
        return re.split(r"[。．]", rest, maxsplit=1)[0].strip()

    def text(self, number: int) -> str:
        return "".join(self.measures[number])


def read_lines(path: Path) -> list[str]:
    """Paragraph lines of a plain-text or HTML file, whitespace of Chinese lines removed."""
    raw = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm") or raw.lstrip()[:1] == b"<":
        text = _html_text(raw)
    else:
        text = raw.decode("utf-8-sig")
    lines = [re.sub(r"[\s\u3000\u00a0]+", "", line) if _is_cjk_line(line) else line.strip()
             for line in text.replace("\r\n", "\n").split("\n")]
    return [line for line in lines if line]


def _html_text(raw: bytes) -> str:
    tree = lxml_html.fromstring(raw)
    for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer|//form|//title"):
        bad.drop_tree()
    chunks: list[str] = []

    def walk(el) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS
        if block:
            chunks.append("\n")
        if el.text:
            chunks.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                chunks.append(child.tail)
        if block:
            chunks.append("\n")
    walk(tree)
    return "".join(chunks)


def _is_cjk_line(line: str) -> bool:
    return bool(HAN.search(line))


def parse_official(lines: list[str], *, parts: int, measures: int) -> Official:
    """Split the official text into preamble, parts and measures; `parts` and `measures`
    are how many the document has (data/document.yml; E1 attests 21 measures), so a
    text that breaks off is reported instead of being taken for a shorter document."""
    off = Official()
    first_part = next((i for i, line in enumerate(lines) if PART_RE.match(line) and line.startswith("一、")),
                      len(lines))
    titles = [i for i, line in enumerate(lines[:first_part]) if TITLE_MARK in line and len(line) < 60]
    start = titles[-1] + 1 if titles else 0  # after the (last repetition of the) document title
    if titles:
        off.title = re.sub(r"^.*?(最高人民检察院关于)", r"\1", lines[titles[-1]]).strip("《》")
    off.skipped += lines[:start]
    part = 0
    measure = 0
    for k, line in enumerate(lines[start:], start):
        if any(line.startswith(mark) for mark in END_MARKS):
            off.skipped += lines[k:]
            break
        m = PART_RE.match(line)
        if m and parse_zh_number(m.group(1)) == part + 1 and not MEASURE_RE.match(line):
            part += 1
            off.parts[part] = m.group(2).strip().rstrip("。")
            continue
        m = MEASURE_RE.match(line)
        if m and parse_zh_number(m.group(1)) == measure + 1:
            measure += 1
            off.measures[measure] = [line]
            off.part_of[measure] = part
            continue
        if measure:
            off.measures[measure].append(line)
        elif not part:
            if FURNITURE.match(line) or not line.endswith(SENTENCE_END):
                off.skipped.append(line)  # date and source lines, a document number, a note: not the preamble
            else:
                off.preamble.append(line)
        else:
            off.problems.append(f"text between the heading of part {part} and its first measure: {line[:30]}")
    if sorted(off.parts) != list(range(1, parts + 1)):
        off.problems.append(f"expected parts 一 to {zh_numeral(parts)}, found {sorted(off.parts)}")
    if sorted(off.measures) != list(range(1, measures + 1)):
        off.problems.append(f"expected measures （一） to （{zh_numeral(measures)}）, found {len(off.measures)}")
    return off
