"""The allowlist: contributed Markdown, rendered as the site renders it, may carry nothing active.

The vectors in tests/data/xss-vectors.yml are the known ways around a blocklist; each
must be an error at its file and line, and a page carrying them must not build.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import ROOT, edit, line_of
from scripts.edition.safety import Block, check_block, stripped
from scripts.site_markdown import check_edition, markdown_extensions, renderer

VECTORS = yaml.safe_load((ROOT / "tests/data/xss-vectors.yml").read_text(encoding="utf-8"))
RENDER = renderer(ROOT)

pytestmark = pytest.mark.unit


def errors_for(markdown: str) -> list[str]:
    return [e.message for e in check_block(Block(Path("docs/measures/08.md"), 40, markdown), RENDER)]


def test_the_corpus_covers_every_family_the_issue_names() -> None:
    assert len(VECTORS) >= 30
    kinds = {v["kind"] for v in VECTORS}
    assert {"encoding", "svg", "mathml", "srcdoc", "formaction", "css", "protocol-relative", "data-url",
            "broken-tag", "attr-list", "javascript-url", "handler", "raw-control"} <= kinds
    css = " ".join(v["markdown"] for v in VECTORS if v["kind"] == "css")
    assert "expression(" in css and "url(" in css


@pytest.mark.parametrize("vector", VECTORS, ids=[f"{k}-{v['kind']}" for k, v in enumerate(VECTORS)])
def test_every_known_vector_is_rejected(vector: dict[str, str]) -> None:
    messages = errors_for(vector["markdown"])
    assert messages, f"passed the allowlist: {vector['markdown']!r} -> {RENDER(vector['markdown'])!r}"
    assert any(vector["expect"] in m for m in messages), messages


def test_what_the_edition_writes_passes() -> None:
    """Everything Markdown's extensions produce, and the HTML the hand-written pages use."""
    clean = """
**Bold**, *italic*, `code <script>`, [a measure](03.md), [a paragraph](08.md#m08-1), [N 3](#m08-n3),
[the SPP](https://www.spp.gov.cn/), [write](mailto:editors@example.org), <https://example.org/>,
![the map](../../assets/favicon.svg), H~2~O, a footnote[^1] and an abbreviation, IP.

[^1]: The note.

*[IP]: intellectual property

!!! warning "Not attested"
    The wording is the editors' reconstruction.

??? note "More"
    Hidden until opened.

| Measure | Function |
|---|---|
| (8) | criminal |

```python
print("<script>")
```

> A quotation.

## A heading with an id { #an-id .oe-note-title }

<p class="oe-doc-title" lang="zh-Hans" data-search-exclude>最高人民检察院</p>
<a href="zh/" hreflang="zh" lang="zh-Hans" title="中文">中文</a> <abbr title="World Intellectual Property Organization">WIPO</abbr>
<details class="note"><summary>Why</summary><p>Because.</p></details>
"""
    html = RENDER(clean)
    assert stripped(html) == (), html
    assert errors_for(clean) == []


def test_table_alignment_is_named_for_what_was_typed() -> None:
    block = Block(Path("docs/about.md"), 10, "| a | b |\n|:--|--:|\n| 1 | 2 |")
    errors = check_block(block, RENDER)
    assert [(e.line, e.message.split(",")[0]) for e in errors] == [(11, "column alignment in a table (':---'")]
    assert "remove the colons" in errors[0].fix


def test_the_check_renders_with_the_sites_extensions() -> None:
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    names, settings = markdown_extensions(ROOT / "mkdocs.yml")
    assert names == list(config["markdown_extensions"])
    assert settings["toc"] == {"permalink": True}


def test_each_vector_is_reported_at_its_file_and_line(content: Path) -> None:
    """In a commentary (both languages), a translation, a hand-written page and a title."""
    page, about = content / "docs/measures/08.md", content / "docs/about.md"
    edit(page, "**The cross-border offence.**", '**The cross-border offence.** <svg/onload=alert(1)>')
    edit(page, "**为境外窃取商业秘密的犯罪。**", '**为境外窃取商业秘密的犯罪。**<a href="jav&#x09;ascript:alert(1)">链接</a>')
    edit(page, "Adhere to the principle of legality,", "Adhere to the [principle](data:text/html,x) of legality,")
    edit(page, "  en: Strengthening the protection of trade secrets", '  en: Strengthening <img src=x onerror=alert(1)>')
    about.write_text(about.read_text(encoding="utf-8") + '\n<form action="https://elsewhere.example/">\n'
                     '<p style="color:red">styled</p>\n', encoding="utf-8")
    errors = {(Path(e.path).name, e.line, e.message.split(" is not allowed")[0])
              for e in check_edition(content).errors if e.code == "unsafe"}
    assert errors == {
        ("08.md", line_of(page, "<svg/onload"), "the element <svg>"),
        ("08.md", line_of(page, "jav&#x09;ascript"), "a javascript: address in href= on <a> (jav\\tascript:alert(1))"),
        ("08.md", line_of(page, "(data:text/html,x)"), "a data: address in href= on <a> (data:text/html,x)"),
        ("08.md", line_of(page, "onerror=alert(1)"), "the event handler onerror= on <img>"),
        ("about.md", line_of(about, "<form action"), "the element <form>"),
        ("about.md", line_of(about, 'style="color:red"'), "a style attribute on <p>"),
    }
