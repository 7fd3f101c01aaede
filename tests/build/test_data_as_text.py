"""What the data files and front matter say reaches the reader as text, never as markup.

The site builds its own HTML around the edition's words (scripts/markup.py escapes them); a
witness's publisher, a law's name, a glossary definition or a contributor's name that holds `<`,
`&` or quotes must show those characters, in every page that shows it, and add no element.
The fixture edition is given such words in each of those places and built strictly.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from helpers import build_site, copy_project, edit, run

pytestmark = pytest.mark.build

# an element, an attribute, an entity written out and both quotes: all of it must stay text
MARK = "<oe-x title=\"t\">&amp; 'q'"
YAML_MARK = '"' + MARK.replace('"', '\\"') + '"'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("marked") / "project", fixture=True)
    data = project / "data"
    edit(data / "witnesses.yml", "    en: a news-aggregator page on baogaosu.com\n    zh: baogaosu.com 新闻聚合网页\n",
         f"    en: {YAML_MARK}\n    zh: {YAML_MARK}\n")
    edit(data / "laws.yml", "  zh: 中华人民共和国宪法\n  en: Constitution of the People's Republic of China\n",
         f"  zh: {YAML_MARK}\n  en: {YAML_MARK}\n")
    edit(data / "glossary.yml", "  definition: China's highest procuratorial organ; it leads the work of the people's "
         "procuratorates at every level.\n", f"  definition: {YAML_MARK}\n")
    edit(project / "docs/measures/08.md", "contributors:\n",
         f"contributors:\n  - name: {YAML_MARK}\n    roles: [translation]\n")
    assert run("lock", "--root", str(project), "--update").returncode == 0  # the register is locked too
    out = project.parent / "site"
    result = build_site(out, root=project)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_no_page_gains_an_element_from_the_words(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        doc = html.fromstring(path.read_bytes())
        assert not doc.xpath("//oe-x"), f"{path.relative_to(site)}: the words became an element"


@pytest.mark.parametrize("where", ["witnesses/", "zh/witnesses/", "laws/", "zh/laws/", "glossary/",
                                   "measures/08/", "zh/measures/08/", "print/"])
def test_the_words_are_shown_as_written(site: Path, where: str) -> None:
    doc = html.fromstring((site / where / "index.html").read_bytes())
    shown = doc.text_content() + " ".join(v for el in doc.iter() for v in el.attrib.values())
    assert MARK in shown, f"{where}: the marked words are not shown as written"
