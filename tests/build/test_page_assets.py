"""What each page loads of the edition's stylesheets and script (scripts/site/theme.py, PAGE_ASSETS):
measure pages and the print view load edition.css and edition.js whole; every other page loads
site.css and site.js, the same files without their regions marked measure-only, and the landing
page home.css, pages.css without its regions marked inner-pages-only (scripts/postprocess/bundles.py).
Held as rules on the built site, so that a page that starts to use what its lighter copy leaves
out fails here instead of losing its style or behaviour."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import tinycss2
from lxml import html

from helpers import ROOT
from scripts.postprocess.bundles import DERIVED, regions

pytestmark = pytest.mark.build

OURS = re.compile(r"(?:^|/)assets/(edition\.css|site\.css|pages\.css|home\.css|print\.css|edition\.js|site\.js)$")


def pages(site: Path) -> Iterator[tuple[str, html.HtmlElement, set[str]]]:
    """Every page of the site, with the names of the edition's own files it loads."""
    for path in sorted(site.rglob("*.html")):
        doc = html.fromstring(path.read_bytes())
        refs = [e.get("href", "") for e in doc.iter("link") if e.get("rel") == "stylesheet"]
        refs += [e.get("src", "") for e in doc.iter("script") if e.get("src")]
        yield path.relative_to(site).as_posix(), doc, {m.group(1) for r in refs if (m := OURS.search(r))}


def loading(site: Path, name: str) -> list[tuple[str, html.HtmlElement]]:
    """The pages that load the lighter copy `name` (site.css, site.js, home.css)."""
    found = [(rel, doc) for rel, doc, names in pages(site) if name in names]
    assert found, f"some pages load {name}"
    return found


def test_each_page_loads_one_stylesheet_and_one_script_of_the_edition_and_measures_the_whole_ones(site: Path) -> None:
    for rel, _doc, names in pages(site):
        if rel.endswith("sitemap.xml"):
            continue
        assert len(names & {"edition.css", "site.css"}) == 1 and len(names & {"edition.js", "site.js"}) == 1, rel
        assert len(names & {"pages.css", "home.css"}) <= 1, rel
        assert ("edition.css" in names) == ("edition.js" in names), rel
        if re.fullmatch(r"(zh/)?measures/[^/]+/index\.html", rel) or rel.endswith("print/index.html"):
            assert {"edition.css", "edition.js"} <= names, rel


def _required_classes(selector: str) -> set[str]:
    """The oe- classes an element must have for `selector` to match it (what :not(), :is() and
    :where() hold is left out: those need not be there)."""
    def drop(m: re.Match[str]) -> str:  # the argument of :not() and the like goes with it; others lose theirs
        return "" if re.search(r":(?:not|is|where|has)$", m.string[:m.start()]) else "[]"
    while True:  # innermost brackets first: :not(:nth-child(2)) loses (2), then the :not(...)
        shorter = re.sub(r"\([^()]*\)", drop, selector)
        if shorter == selector:
            break
        selector = shorter
    return {c for c in re.findall(r"\.([\w-]+)", selector) if c.startswith("oe-")}


def _selectors(css: str) -> Iterator[str]:
    def walk(rules: list) -> Iterator[str]:
        for rule in rules:
            if rule.type == "qualified-rule":
                yield from tinycss2.serialize(rule.prelude).split(",")
            elif rule.type == "at-rule" and rule.content is not None:
                yield from walk(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))
    yield from walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


@pytest.mark.parametrize("name", [n for n in DERIVED if n.endswith(".css")])
def test_no_rule_a_lighter_stylesheet_leaves_out_could_style_a_page_that_loads_it(site: Path, name: str) -> None:
    source, kind = DERIVED[name]
    classes: dict[str, str] = {}
    for rel, doc in loading(site, name.rsplit("/", 1)[1]):
        for element in doc.iter():
            for token in (element.get("class") or "").split():
                classes.setdefault(token, rel)
    left_out = regions((ROOT / "docs" / source).read_text(encoding="utf-8"), kind)
    assert left_out
    for region in left_out:
        for selector in _selectors(region):
            needed = _required_classes(selector)
            assert needed and not needed <= set(classes), (
                f"docs/{source}: `{selector.strip()}` is marked {kind}, but "
                f"{', '.join(sorted(needed & set(classes))) or 'it needs no class of the edition and'} "
                f"is on {next((classes[c] for c in needed if c in classes), f'pages that load {name}')}: "
                f"move the rule out of its {kind} region")


@pytest.mark.parametrize("name", [n for n in DERIVED if n.endswith(".js")])
def test_no_script_a_lighter_script_leaves_out_would_find_what_it_acts_on(site: Path, name: str) -> None:
    source, kind = DERIVED[name]
    left_out = regions((ROOT / "docs" / source).read_text(encoding="utf-8"), kind)
    assert left_out
    light = loading(site, name.rsplit("/", 1)[1])
    for region in left_out:
        lookups = re.findall(r"document\.(getElementById|querySelector|querySelectorAll)\(\s*(['\"])(.*?)\2\s*\)", region)
        assert lookups, f"a script marked {kind} starts from what it looks up in the page"
        for how, _quote, what in lookups:
            for rel, doc in light:
                found = doc.get_element_by_id(what, None) is not None if how == "getElementById" else doc.cssselect(what)
                assert not found, (f"docs/{source}: the {kind} script that looks up {what!r} would act on {rel}, "
                                   f"which loads {name}: move it out of its {kind} region")
