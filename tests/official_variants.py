"""Synthetic "official" texts for the import tests, made from one base fixture.

tests/fixtures/official/synthetic-base.txt imitates the structure and length of the
Opinions (preamble, four parts, 21 measures); its first line says it is synthetic,
and every sentence not attested by a witness carries the words 合成测试用语. Each
variant below is the base with one change of outline, of the kinds an official text
may show against our conjectural outline; the total stays at 21 measures, as E1
attests, so a merge is balanced by a new measure, and so on. Run as a script to
write them out: `python tests/official_variants.py DIR`.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script, the project root is not on the path

# after the path line above, which they need when this file runs as a script
from helpers import copy_project, run  # noqa: E402
from scripts.edition.corpus import load_corpus  # noqa: E402
from scripts.edition.zh import zh_numeral  # noqa: E402
from scripts.tools.official import MEASURE_RE, parse_official, read_lines  # noqa: E402

BASE = Path(__file__).parent / "fixtures" / "official" / "synthetic-base.txt"
MARK = "【合成测试文本，并非《意见》原文】"


@dataclass
class Measure:
    heading: str
    paragraphs: list[str]  # the first without its number and heading
    subject: int | None  # the base measure (= our measure) whose subject it is; None for a new one
    also: tuple[int, ...] = ()  # further measures of ours merged into it
    split_from: int | None = None  # the measure of ours it is split from


def base() -> tuple[list[str], list[str], list[tuple[int, Measure]]]:
    off = parse_official(read_lines(BASE), parts=4, measures=21)
    assert not off.problems, off.problems
    measures = []
    for n, paras in sorted(off.measures.items()):
        heading = off.heading(n)
        first = MEASURE_RE.match(paras[0]).group(2)[len(heading) + 1:]
        measures.append((off.part_of[n], Measure(heading, [first] + paras[1:], n)))
    return off.preamble, [off.parts[k] for k in sorted(off.parts)], measures


def render(preamble: list[str], parts: list[str], measures: list[tuple[int, Measure]]) -> str:
    out = [MARK + "（由 tests/official_variants.py 生成）", "", "最高人民检察院关于全面加强新时代知识产权检察工作的意见", ""]
    out += [p + "\n" for p in preamble]
    part = 0
    for n, (k, m) in enumerate(measures, 1):
        if k != part:
            part = k
            out.append(f"{'一二三四'[k - 1]}、{parts[k - 1]}\n")
        first = f"（{zh_numeral(n)}）{m.heading}。{m.paragraphs[0]}"
        out += [first + "\n"] + [p + "\n" for p in m.paragraphs[1:]]
    return "\n".join(out)


def variant(name: str) -> tuple[str, dict[int, list[int]], dict[int, int]]:
    """The variant's text and what it should pair: official number -> our numbers (empty: new,
    or split off), and official number -> our number it is split from."""
    preamble, parts, ms = base()
    by = {m.subject: (k, m) for k, m in ms}
    if name == "identical":
        order = ms
    elif name == "swapped":  # the trade-secret measure comes after the key-fields measure
        order = [x for x in ms]
        order[7], order[8] = by[9], by[8]
    elif name == "merged":  # 11 and 12 are one measure; a new measure on resources in part four
        merged = Measure("深化知识产权检察职能集中统一履行，健全专业化办案机制",
                         by[11][1].paragraphs + by[12][1].paragraphs, 11, (12,))
        new = Measure("加强知识产权检察经费和装备保障",
                      ["合成测试用语保障知识产权检察工作所需经费，合成测试用语配备技术鉴定和电子取证装备，改善办案条件。"], None)
        order = [x for x in ms if x[1].subject not in (11, 12)]
        order.insert(10, (3, merged))
        order.insert(19, (4, new))
    elif name == "split":  # 5's two sentences are two measures; 17 and 21 are one; part three starts at 11
        k5, m5 = by[5]
        first = (2, Measure(m5.heading, [m5.paragraphs[0]], 5))
        second = (2, Measure("加强知识产权行政执法问题研究", [m5.paragraphs[1]], None, split_from=5))
        joined = Measure("加强组织领导和督促落实", by[17][1].paragraphs + by[21][1].paragraphs, 17, (21,))
        order = []
        for k, m in ms:
            if m.subject == 5:
                order += [first, second]
            elif m.subject == 17:
                order.append((4, joined))
            elif m.subject != 21:
                order.append((k, m))
    elif name == "inserted":  # a new measure after 3; 13 has no counterpart; 10 opens part three
        new = (2, Measure("加强知识产权刑事立案监督",
                          ["合成测试用语对应当立案而不立案、不应当立案而立案的知识产权刑事案件依法监督，"
                           "合成测试用语防止以刑事手段插手经济纠纷。"], None))
        order = []
        for k, m in ms:
            if m.subject == 13:
                continue
            order.append((3, m) if m.subject == 10 else (k, m))
            if m.subject == 3:
                order.append(new)
    elif name == "moved":  # our 15 is official 11, our 11-14 are 12-15; parts two to four change bounds
        order = []
        for k, m in ms:
            if m.subject == 15:
                continue
            if m.subject == 11:
                order.append((2, by[15][1]))
            part = 2 if m.subject in range(3, 11) else 3 if m.subject in (12, 13, 14) else 4 if m.subject >= 16 else k
            order.append((part, m) if m.subject != 11 else (2, m))
    else:
        raise KeyError(name)
    expected = {n: ([m.subject] if m.subject else []) + list(m.also) for n, (k, m) in enumerate(order, 1)}
    split = {n: m.split_from for n, (k, m) in enumerate(order, 1) if m.split_from}
    return render(preamble, parts, order), expected, split


VARIANTS = ("identical", "swapped", "merged", "split", "inserted", "moved")


def spp_html(text: str) -> str:
    """The text as the SPP's site would set it: furniture around, a <p> per paragraph with
    full-width indentation, headings in bold. The furniture is synthetic too."""
    lines = [line for line in text.splitlines() if line.strip()]
    body = []
    for line in lines:
        m = MEASURE_RE.match(line)
        if line.startswith(MARK) or "关于全面加强" in line and len(line) < 60:
            body.append(f'<p style="text-align:center"><strong>{line}</strong></p>')
        elif m:
            heading, _, rest = m.group(0).partition("。")
            body.append(f"<p>\u3000\u3000<strong>{heading}。</strong>{rest}</p>")
        elif line[:2] in {"一、", "二、", "三、", "四、"}:
            body.append(f'<p style="text-indent:2em"><strong>{line}</strong></p>')
        else:
            body.append(f"<p>\u3000\u3000{line}</p>")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>最高人民检察院关于全面加强新时代知识产权'
        '检察工作的意见（合成测试页面）</title><script>var x = "（一）不是正文";</script></head><body>'
        '<div class="nav"><nav><a href="/">首页</a> 一、导航不是正文</nav></div>'
        '<div class="crumb">当前位置：首页 &gt; 权威发布 &gt; 最高人民检察院关于全面加强新时代知识产权检察工作的意见</div>'
        '<div class="detail"><h1>最高人民检察院关于全面加强新时代知识产权检察工作的意见</h1>'
        '<div class="info">发布时间：2022-03-01 来源：合成测试页面</div>'
        + "\n".join(body) +
        '<p>【打印本页】 【关闭窗口】</p><p>（二十二）这一段在页面附属文字之后，不是正文。</p></div>'
        "<footer>合成测试页脚</footer></body></html>"
    )


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in VARIANTS:
        text, _, _ = variant(name)
        (out / f"synthetic-{name}.txt").write_text(text, encoding="utf-8")
        (out / f"synthetic-{name}.html").write_text(spp_html(text), encoding="utf-8")
    print(f"wrote {2 * len(VARIANTS)} synthetic texts to {out}")


# --- shared by the import tests (tests/unit, tests/build, tests/browser) ---------------------


REFERENCE = "SPP, the Opinions as published (synthetic test text)"


def official_file(tmp: Path, name: str, html_page: bool = True) -> Path:
    """The variant `name`, written as the SPP's page (or as plain text) into `tmp`."""
    text, _, _ = variant(name)
    path = tmp / f"synthetic-{name}.{'html' if html_page else 'txt'}"
    path.write_text(spp_html(text) if html_page else text, encoding="utf-8")
    return path


def tree_sums(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def apply(tmp_path: Path, name: str) -> tuple[Path, object]:
    project = copy_project(tmp_path / "project", fixture=True)  # an edition not yet imported
    old = load_corpus(project)
    result = run("import", "--root", str(project), str(official_file(tmp_path, name)), "--apply",
                        "--reference", REFERENCE, "--checked", "2026-12-01")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return project, old


def note_texts(page, lang: str) -> list[str]:
    """A page's commentary notes with what the import rewrites masked: link targets, and conjectural
    numbers in the prescribed form (which become the official ones)."""
    import re

    from scripts.tools.relocate import EN_CONJECTURAL, OFFICIAL_FORMS, ZH_CONJECTURAL
    out = []
    for n in page.notes(lang):
        text = re.sub(r"\]\([^)]*\)", "]", n.text)
        for numbers in (EN_CONJECTURAL, ZH_CONJECTURAL, OFFICIAL_FORMS):
            text = numbers.sub("#", text)
        out.append(text)
    return out
