"""What the build does to HTML and assets after rendering: CSP, whitespace, minifying, Material's bundle."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest
import tinycss2

from helpers import ROOT
from scripts.build import OWN_ASSETS
from scripts.postprocess.csp import add_csp, policy
from scripts.postprocess.headings import keep_permalinks_with_words
from scripts.postprocess.material_patch import PatchError, drop_alternate_sitemaps
from scripts.postprocess.minify import balanced, collapse_html, minify
from scripts.postprocess.serve_notice import add_notice

pytestmark = pytest.mark.unit

PAGE = ('<html><head><meta charset="utf-8">\n  <script>var a = 1;</script>\n'
        '  <script src="x.js"></script>\n  <script type="application/ld+json">{"a": 1}</script>\n'
        '</head>\n  <body>\n    <pre>  keep\n   this </pre>\n    <p>text</p>\n  </body></html>')


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_inline_scripts_of_the_page() -> None:
    rules = dict(r.split(" ", 1) for r in policy(PAGE).split("; "))
    assert rules["script-src"] == f"'self' {sha256('var a = 1;')}", "JSON and src= scripts need no hash"
    assert rules["default-src"] == "'self'" and rules["object-src"] == "'none'" and rules["style-src"] == "'self'"
    assert policy("<p>no scripts</p>").split("; ")[1] == "script-src 'self'"


def test_under_serve_the_policy_lets_the_live_reload_script_run() -> None:
    assert policy(PAGE, live_reload=True).split("; ")[1] == "script-src 'self' 'unsafe-inline'"


def test_the_policy_goes_first_in_the_head() -> None:
    html = add_csp(PAGE)
    assert html.index('<meta http-equiv="Content-Security-Policy"') == html.index('<meta charset="utf-8">') + 22
    assert add_csp("<head><title>x</title></head>").startswith('<head><meta http-equiv="Content-Security-Policy"')


def test_template_indentation_is_collapsed_but_pre_and_scripts_are_kept() -> None:
    html = collapse_html(PAGE)
    assert "</head>\n<body>" in html and "<p>text</p>\n</body>" in html
    assert "<pre>  keep\n   this </pre>" in html and "<script>var a = 1;</script>" in html
    # whitespace between a kept element and a tag goes as well
    assert "\n  " not in html.replace("<pre>  keep\n   this </pre>", "")
    assert collapse_html("<p>a b</p>  <p>c</p>") == "<p>a b</p>  <p>c</p>", "only whitespace with a line break"
    assert add_csp(collapse_html(PAGE)).count("sha256-") == 1


def test_own_css_and_js_are_minified_and_other_files_left_alone() -> None:
    assert minify("a.css", "/* note */\nbody {\n  color: red;\n}\n") == "body{color:red}\n"
    assert minify("a.js", "// note\nvar  x = 1;\n") == "var x=1;\n"
    assert minify("a.txt", "  as it is  ") == "  as it is  "


def css_tokens(text: str) -> list[str]:
    """The tokens of a stylesheet as a parser reads them, without whitespace, comments and the
    optional `;` before a closing brace: what minifying may change and nothing else (tinycss2,
    WeasyPrint's parser, in the development requirements)."""
    out: list[str] = []

    def walk(nodes) -> None:
        for node in nodes:
            if node.type in ("whitespace", "comment"):
                continue
            if node.type == "function":
                out.append(f"{node.lower_name}(")
                walk(node.arguments)
            elif node.type in ("() block", "[] block", "{} block"):
                out.append(node.type)
                walk(node.content)
            else:
                out.append(node.serialize())
                continue
            while out[-1] == ";":
                out.pop()
            out.append("end")

    walk(tinycss2.parse_component_value_list(text, skip_comments=True))
    return out


def test_minified_css_says_what_its_source_says() -> None:
    """rcssmin turned `attr(href url), page)` into `attr(href url,page)`, which swallowed the
    rest of print.css; a stylesheet is published minified only where no token changes."""
    paged = 'a::after { content: leader(". ") target-counter(attr(href url), page); }\n.b { float: footnote; }\n'
    assert balanced('a::after{content:")"}') and not balanced("a{b:f(g(x)}") and not balanced("a{(})")
    assert css_tokens(minify("print.css", paged)) == css_tokens(paged)
    for name in OWN_ASSETS:
        if name.endswith(".css"):
            source = (ROOT / "docs" / name).read_text(encoding="utf-8")
            assert css_tokens(minify(name, source)) == css_tokens(source), name


def test_materials_bundle_loses_only_the_alternate_sitemap_call() -> None:
    handler = 'function Xy({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]")))}'
    bundle = f"{handler};a();Xy({{document$:q}});b();"
    assert drop_alternate_sitemaps(bundle) == f"{handler};a();b();"
    with pytest.raises(PatchError, match="was not found"):
        drop_alternate_sitemaps("a();b();")


def test_the_serve_notice_stands_first_in_the_body() -> None:
    html = add_notice('<html><body class="x"><p>page</p></body></html>', "docs/a.md:1: error <b>")
    assert html.startswith('<html><body class="x"><div class="md-banner md-banner--warning" role="alert"')
    assert "docs/a.md:1: error &lt;b&gt;" in html and html.endswith("<p>page</p></body></html>")


# --- a heading's ¶ stays with its last words (issue 26: Chromium 150 wrapped it alone) ---------

@pytest.mark.parametrize("inner, tail", [
    ("第二部分　坚持以办案为中心，全面提升知识产权检察综合保护质效〔据报道〕", "报道〕"),
    ("关于《意见》", "意见》"),
    ("Commentary", "Commentary"),
    ("Laws &amp; rules", "rules"),
    ('Measure 8: Trade secrets <span class="oe-hstatus" title="x">reported</span>',
     '<span class="oe-hstatus" title="x">reported</span>'),
])
def test_every_headings_permalink_is_joined_to_its_last_words(inner: str, tail: str) -> None:
    link = '<a class="headerlink" href="#x" title="Permanent link">&para;</a>'
    html = f'<article><h2 id="x">{inner}{link}</h2><p>Text.</p></article>'
    out = keep_permalinks_with_words(html)
    assert f'<span class="oe-hl">{tail}{link}</span></h2>' in out
    assert re.sub(r'</?span( class="oe-hl")?>', "", out.replace('<span class="oe-hl">', "")) == \
        re.sub(r'</?span( class="oe-hl")?>', "", html), "nothing but the unit changes"


def test_the_unit_is_styled_not_to_break() -> None:
    css = (ROOT / "docs/assets/edition.css").read_text(encoding="utf-8")
    assert re.search(r"\.oe-hl\s*\{\s*white-space:\s*nowrap", css)


def test_the_whole_document_view_is_left_as_it_is() -> None:
    """On paper the ¶ is hidden, and the PDF's outline is made from the headings as they are."""
    html = ('<div class="oe-text oe-print"><h1 id="part-1">Part I. General requirements'
            '<a class="headerlink" href="#part-1">&para;</a></h1></div>')
    assert keep_permalinks_with_words(html) == html


def test_the_marks_pair_up_and_each_lighter_copy_leaves_its_regions_out() -> None:
    from scripts.postprocess.bundles import DERIVED, marks, marks_problem, without

    begin, end = marks("measure-only")
    text = f"a{{}}\n{begin}\nb{{}}\n{end}\nc{{}}\n"
    assert without(text, "measure-only") == "a{}\nc{}\n" and marks_problem(text, "measure-only") is None
    assert without(text, "inner-pages-only") == text, "another kind of region is kept"
    assert "never closed" in (marks_problem(f"a{{}}\n{begin}\nb{{}}\n", "measure-only") or "")
    assert "line 2" in (marks_problem(f"a{{}}\n{end}\n", "measure-only") or "")
    for name, (source, kind) in DERIVED.items():
        whole = (ROOT / "docs" / source).read_text(encoding="utf-8")
        assert marks_problem(whole, kind) is None, source
        lighter = without(whole, kind)
        assert marks(kind)[0] not in lighter and len(lighter) < len(whole) * 0.75, name
        if name.endswith(".css"):
            assert css_tokens(minify(name, lighter)) == css_tokens(lighter), name
