"""Untrusted content: the HTML that contributed Markdown renders to, held against an allowlist.

Pages arrive by pull request, and Markdown passes raw HTML through, so a page could
carry scripts, event handlers, forms, styles or addresses that load or run something.
A list of bad patterns can always be walked around (`<svg/onload=…>`, `jav&#x09;ascript:`);
an allowlist cannot. `make check` renders each contributed block (an English
translation, a commentary paragraph, a block of a hand-written page, a title) as MkDocs
renders it, and asks nh3 (the Python binding of the Ammonia sanitiser) to clean the
result with the tags, attributes and address schemes the edition needs. Anything the
sanitiser would remove is an error at the block's line. Code spans and fenced code are
rendered as text, so the rules can be shown in Markdown. The Content-Security-Policy
(scripts/postprocess/csp.py) stays as the second line of defence.

This module renders nothing: the caller hands `scan` a function that turns Markdown
into HTML (scripts/site_markdown.py uses python-markdown with mkdocs.yml's extensions).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import nh3

from .commentary import notes
from .corpus import Corpus
from .errors import ContentError
from .limits import PAGE_BYTES
from .page import split_front_matter
from .textfile import read_text
from .yamlmap import LineMap, parse_yaml

#: Markdown in, HTML out, as the site renders it.
Render = Callable[[str], str]

# --- the allowlist ---------------------------------------------------------------------------

#: What Markdown with mkdocs.yml's extensions produces (tables, footnotes, admonitions,
#: details, abbreviations, highlighted code), and the few inline elements a writer may type.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
#: Removed with their content, not only their tags.
CLEAN_CONTENT = frozenset({"script", "style"})
ATTRIBUTES = {
    "*": {"id", "class", "lang", "title", "dir", "data-search-exclude"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "time": {"datetime"}, "ol": {"start", "reversed", "type"}, "li": {"value"}, "details": {"open"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"}, "col": {"span"},
    "colgroup": {"span"}, "abbr": {"title"},
}
#: Schemes a link may use; anything else (javascript:, data:, vbscript:, file: …) is refused.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
#: Classes a contribution may set: the edition's own (oe-…), and those Markdown's extensions
#: write (admonition and details types, footnotes, permalinks, highlighted code).
CLASSES = re.compile(
    r"(?:oe-[a-z0-9-]+|admonition|admonition-title|note|abstract|summary|tldr|info|todo|tip|hint|important"
    r"|success|check|done|question|help|faq|warning|caution|attention|failure|fail|missing|danger|error|bug"
    r"|example|quote|cite|footnote|footnote-ref|footnote-backref|headerlink|toc|highlight|highlighttable"
    r"|linenos|linenodiv|filename|language-[a-z0-9+#_-]+)")
CODE_TOKEN = re.compile(r"[a-z]{1,3}[0-9]?")  # Pygments' token classes (k, nf, s2 …), on <span> only

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _url(value: str) -> str:
    """The address as a browser reads it: C0 controls and spaces dropped at both ends, tabs and
    newlines removed anywhere (so 'jav&#x09;ascript:' is 'javascript:')."""
    return re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)


def url_problem(tag: str, attr: str, value: str) -> str | None:
    """Why an address may not stand in a contribution, or None if it may."""
    url = _url(value)
    m = _SCHEME.match(url)
    if m:
        scheme = m.group(1).lower()
        if scheme not in URL_SCHEMES:
            return f"scheme:{scheme}"
        if tag == "img" and attr == "src":
            return "remote-image"
        return None
    if url[:2] in ("//", "\\\\", "/\\", "\\/"):
        return "protocol-relative"
    return None


def _filter(tag: str, attr: str, value: str) -> str | None:
    """nh3's attribute filter: our rules for classes and addresses, on what its allowlist kept."""
    if attr == "class":
        kept = [c for c in value.split() if CLASSES.fullmatch(c) or (tag == "span" and CODE_TOKEN.fullmatch(c))]
        return " ".join(kept) if kept else None
    if attr in URL_ATTRIBUTES and url_problem(tag, attr, value):
        return None
    return value


def clean(html: str) -> str:
    """`html` as the allowlist lets it through."""
    return nh3.clean(html, tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT), attributes=ATTRIBUTES,
                     attribute_filter=_filter, url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)


_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\f\r />]*)")
#: Schemes that run or carry content. `parsed` keeps them however they are spelled (the URL
#: parser inside nh3 reads 'jav&#x09;ascript:' as javascript: too), so `clean` is seen removing them.
ACTIVE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "blob", "filesystem", "livescript"})


def parsed(html: str) -> str:
    """`html` as a browser parses it (html5ever, the parser inside nh3), with nothing removed but
    comments: every tag name, attribute and scheme that occurs in it is allowed here, so the
    difference from `clean` is exactly what the allowlist strips."""
    tags = {m.group(1).lower() for m in _TAG_NAME.finditer(html)} | set(nh3.ALLOWED_TAGS) | set(TAGS)
    written = {m.group(1).lower() for m in _SCHEME.finditer(re.sub(r"[\t\n\r]", "", html))}
    return nh3.clean(html, tags=tags, clean_content_tags=set(), generic_attribute_prefixes={""},
                     url_schemes=written | ACTIVE_SCHEMES | URL_SCHEMES, link_rel=None, strip_comments=True)


# --- what was stripped, in words -------------------------------------------------------------

@dataclass(frozen=True)
class Stripped:
    """One thing the allowlist removes: what it is, how to do without it, and a string to find it by."""

    what: str
    fix: str
    needles: tuple[str, ...] = ()


_RAW_TEXT = ("script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript", "textarea",
             "title")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
                   "source", "track", "wbr"})
#: Removed with everything in them, so what stands inside is not reported again.
_SUBTREE = frozenset({"svg", "math", "template", "script", "style"})
_TOKEN = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTR = re.compile(r'([^\s="/]+)(?:="([^"]*)")?')
CODE_FIX = "contributed pages may not run code; the site's behaviour belongs in docs/assets/edition.js"
EMBED_FIX = "link to it instead of embedding it"
ELEMENT_FIX = {
    "script": CODE_FIX,
    "style": "style belongs in docs/assets/edition.css; give the element one of its classes (class=\"oe-…\")",
    "iframe": EMBED_FIX, "frame": EMBED_FIX, "frameset": EMBED_FIX, "object": EMBED_FIX, "embed": EMBED_FIX,
    "applet": EMBED_FIX, "portal": EMBED_FIX, "video": EMBED_FIX, "audio": EMBED_FIX, "source": EMBED_FIX,
    "form": "pages may not hold forms or controls; link to the page that has the form",
    "svg": "put the figure in docs/assets/ as an image file and show it with ![what it shows](address)",
    "math": "write the formula in text, or put it in docs/assets/ as an image",
    "base": "page metadata is set by the theme, not by pages", "meta": "page metadata is set by the theme, not by pages",
    "link": "page metadata is set by the theme, not by pages",
}
for _control in ("input", "button", "select", "textarea", "option", "label", "fieldset", "output", "keygen"):
    ELEMENT_FIX[_control] = ELEMENT_FIX["form"]
URL_FIX = "link only with https://, http://, mailto: or a relative address (such as 03.md#m03-1)"
IMAGE_FIX = "put the image in docs/assets/ and link it with a relative address"


def _attribute_value(serialised: str) -> str:
    """An attribute value as html5ever's serialiser escapes it (only &, " and no-break space)."""
    return serialised.replace("&quot;", '"').replace("&nbsp;", "\xa0").replace("&amp;", "&")


def _tags(serialised: str) -> list[tuple[str, dict[str, str], int]]:
    """The start tags of html5ever's serialisation with their depth, skipping the raw text of
    script-like elements."""
    out: list[tuple[str, dict[str, str], int]] = []
    open_: list[str] = []
    pos = 0
    while True:
        m = _TOKEN.search(serialised, pos)
        if m is None:
            return out
        pos = m.end()
        name = m.group(2).lower()
        if m.group(1):
            if name in open_:
                del open_[len(open_) - 1 - open_[::-1].index(name):]
            continue
        out.append((name, {k.lower(): _attribute_value(v) for k, v in _ATTR.findall(m.group(3))}, len(open_)))
        if name not in _VOID:
            open_.append(name)
        if name in _RAW_TEXT:
            end = serialised.lower().find(f"</{name}", pos)
            pos = len(serialised) if end < 0 else end


def _short(value: str, n: int = 40) -> str:
    """The start of a value, with control characters shown (a tab hidden in 'jav\tascript:')."""
    value = re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group(0))[1:-1], value)
    return value if len(value) <= n else value[:n - 1] + "…"


def _element(name: str) -> Stripped:
    fix = ELEMENT_FIX.get(name, "use Markdown, or one of the elements Markdown writes (see CONTRIBUTING.md, "
                                "'Safe Markdown')")
    return Stripped(f"the element <{name}>", fix, (f"<{name}",))


def _attribute(tag: str, attr: str, value: str, kept: str | None) -> list[Stripped]:
    needles = (attr, _short(value, 12))
    if attr == "class":
        gone = [c for c in value.split() if c not in (kept or "").split()]
        return [Stripped(f"the class '{c}' on <{tag}>", "use the edition's own classes (oe-…), or none",
                         (c,)) for c in gone]
    if attr.startswith("on"):
        return [Stripped(f"the event handler {attr}= on <{tag}>", f"remove it: {CODE_FIX}", needles)]
    if attr == "style" and tag in ("th", "td") and re.fullmatch(r"text-align:\s*\w+;?", value.strip()):
        return [Stripped("column alignment in a table (':---', '---:'), which writes a style attribute,",
                         "remove the colons from the table's separator row: the Content-Security-Policy would "
                         "ignore the alignment anyway", (":-", "-:"))]
    if attr == "style":
        return [Stripped(f"a style attribute on <{tag}>", ELEMENT_FIX["style"], needles)]
    if attr in URL_ATTRIBUTES and (problem := url_problem(tag, attr, value)):
        if problem == "remote-image":
            return [Stripped(f"an image from another site ({_short(value)})", IMAGE_FIX, needles)]
        if problem == "protocol-relative":
            fix = IMAGE_FIX if tag == "img" else "write the address in full, beginning with https://"
            return [Stripped(f"an address without a scheme that leaves the site ({_short(value)})", fix, needles)]
        scheme = problem.split(":", 1)[1]
        fix = IMAGE_FIX if tag == "img" else URL_FIX
        if scheme == "data":
            fix += "; a data: address can carry a whole page or a script"
        return [Stripped(f"a {scheme}: address in {attr}= on <{tag}> ({_short(value)})", fix,
                         (f"{scheme}:", *needles))]
    return [Stripped(f"the attribute {attr}= on <{tag}>",
                     "remove it: contributed pages may use only id, class, lang, title and dir, href on links, and "
                     "src and alt on images (CONTRIBUTING.md, 'Safe Markdown')", needles)]


@lru_cache(maxsize=16384)
def stripped(html: str) -> tuple[Stripped, ...]:
    """Everything the allowlist would remove from `html`; empty when the HTML is clean."""
    browser, allowed = parsed(html), clean(html)
    if browser == allowed:
        return ()
    found: list[Stripped] = []
    kept = _tags(allowed)
    k = 0
    inside = None  # depth of a removed svg, math … while inside it
    for name, attrs, depth in _tags(browser):
        if inside is not None and depth <= inside:
            inside = None
        quiet = inside is not None
        if k < len(kept) and kept[k][0] == name:
            survivors = kept[k][1]
            k += 1
            for attr, value in attrs.items():
                if survivors.get(attr) != value and not quiet:
                    found += _attribute(name, attr, value, survivors.get(attr))
        elif not quiet:
            found.append(_element(name))
            if name in _SUBTREE:
                inside = depth
    if not found:  # the serialisations differ in a way the tags do not show
        found.append(Stripped("markup the sanitiser changes", "use plain Markdown here"))
    return tuple(dict.fromkeys(found))


# --- what is contributed, and where it stands -----------------------------------------------

@dataclass(frozen=True)
class Block:
    """A stretch of contributed text that the site renders: its file, first line and text.

    `markdown` is False for text the site inserts as it is (a title in the navigation);
    `refs` are the page's link reference definitions, which apply to every block of it.
    """

    path: Path
    line: int
    text: str
    markdown: bool = True
    refs: str = ""


_REF_DEF = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:\s*\S.*$", re.M)


def reference_definitions(text: str) -> str:
    """The link reference definitions in `text` ('[name]: address'), which Markdown applies page-wide."""
    return "\n".join(m.group(0) for m in _REF_DEF.finditer(text))


def _title_blocks(path: Path, lines: LineMap, values: Iterable[tuple[list[object], object]]) -> Iterator[Block]:
    for keys, value in values:
        if isinstance(value, str) and value.strip():
            line = lines.line(keys)
            yield Block(path, line, value, markdown=False)
            yield Block(path, line, value)


def corpus_blocks(corpus: Corpus) -> Iterator[Block]:
    """The contributed text of the measure pages (and of former measures kept in docs/former/)."""
    for page in [*corpus.ordered(), *corpus.former.values()]:
        body = "\n".join([p.en or "" for p in page.paragraphs] + [page.commentary, page.commentary_zh])
        refs = reference_definitions(body)
        yield from _title_blocks(page.path, page.lines, [(["title", k], page.title.get(k)) for k in ("en", "zh")])
        for para in page.paragraphs:
            if para.en:
                yield Block(page.path, para.en_line or para.line, para.en, refs=refs)
        for lang in ("en", "zh"):
            for note in page.notes(lang):
                yield Block(page.path, note.line, note.text, refs=refs)


def document_blocks(root: Path) -> Iterator[Block]:
    """The titles in data/document.yml, which the navigation and the print view show."""
    path = root / "data" / "document.yml"
    text = read_text(path) if path.exists() else None
    if not isinstance(text, str):
        return
    data, lines, _ = parse_yaml(text, path)
    if not isinstance(data, dict):
        return
    values: list[tuple[list[object], object]] = []
    for key in ("title", "short_title"):
        for lang in ("en", "zh"):
            values.append(([key, lang], (data.get(key) or {}).get(lang) if isinstance(data.get(key), dict) else None))
    for k, part in enumerate(data.get("parts") or []):
        for key in ("title", "short"):
            for lang in ("en", "zh"):
                value = part.get(key, {}).get(lang) if isinstance(part, dict) and isinstance(part.get(key), dict) \
                    else None
                values.append((["parts", k, key, lang], value))
    yield from _title_blocks(path, lines, values)


def page_blocks(path: Path, text: str) -> tuple[list[Block], Block | None]:
    """A hand-written page's blocks, and the whole body as one block (the page as MkDocs renders it)."""
    yaml_text, body_line, _ = split_front_matter(text, path)
    blocks: list[Block] = []
    if yaml_text is None:
        body_line = 1
    else:
        meta, lines, _ = parse_yaml(yaml_text, path, first_line=2)
        if isinstance(meta, dict):
            blocks += _title_blocks(path, lines, [(["title"], meta.get("title"))])
    body = "\n".join(text.split("\n")[body_line - 1:])
    refs = reference_definitions(body)
    blocks += [Block(path, n.line, n.text, refs=refs) for n in notes(body, body_line)]
    return blocks, Block(path, body_line, body) if body.strip() else None


# --- the check -------------------------------------------------------------------------------

def _line(block: Block, needles: tuple[str, ...]) -> int:
    """The file line of the first needle found in the block (its first line if none is)."""
    lower = block.text.lower()
    for needle in needles:
        at = lower.find(needle.lower()) if needle else -1
        if at >= 0:
            return block.line + block.text.count("\n", 0, at)
    return block.line


_SOURCE_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_SOURCE_ATTR = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")


def source_addresses(text: str) -> tuple[Stripped, ...]:
    """Addresses written in raw HTML whose value holds a raw tab, newline or carriage return.

    A browser removes those characters from a URL before it reads the scheme ('java<TAB>script:'
    is javascript:), but Markdown expands a tab into spaces before the allowlist sees the HTML,
    so the rendered check alone would judge a different address from the one written. Each such
    tag is judged here with its addresses as the browser reads them."""
    found: list[Stripped] = []
    for tag in _SOURCE_TAG.finditer(text):
        changed = False

        def normalise(attr: re.Match[str]) -> str:
            nonlocal changed
            if attr.group(1).lower() in URL_ATTRIBUTES and re.search(r"[\t\n\r]", attr.group(0)):
                changed = True
                name, _, value = attr.group(0).partition("=")
                return name + "=" + re.sub(r"[\t\n\r]", "", value)
            return attr.group(0)
        rewritten = _SOURCE_ATTR.sub(normalise, tag.group(2))
        if changed:
            found += [x for x in stripped(f"<{tag.group(1)}{rewritten}>") if " address " in x.what]
    return tuple(found)


def check_block(block: Block, render: Render) -> list[ContentError]:
    html = render(block.text + ("\n\n" + block.refs if block.refs else "")) if block.markdown else block.text
    out = []
    rendered = stripped(html)
    seen = {y.what.split(" (", 1)[0] for y in rendered}  # the same address, shown as rendered
    written = tuple(x for x in source_addresses(block.text) if x.what.split(" (", 1)[0] not in seen)
    for item in rendered + written:
        out.append(ContentError(block.path, _line(block, item.needles),
                                f"{item.what} is not allowed in contributed pages", item.fix, "unsafe"))
    return out


def scan(corpus: Corpus, render: Render) -> list[ContentError]:
    """Every contributed block, rendered and held against the allowlist; one error per thing stripped."""
    errors: list[ContentError] = []
    for block in [*corpus_blocks(corpus), *document_blocks(corpus.root)]:
        errors += check_block(block, render)
    for path, text in corpus.hand_written.items():  # a file that is not UTF-8 is reported by the corpus
        if len(text.encode("utf-8")) > PAGE_BYTES:
            continue  # reported by the size check; not worth rendering
        blocks, whole = page_blocks(path, text)
        found = [e for b in blocks for e in check_block(b, render)]
        if not found and whole is not None:  # something only the whole page shows
            found = check_block(whole, render)
        errors += found
    return list(dict.fromkeys(errors))
