"""What a page says about itself: alternates, robots.txt, identifiers, citations, the footer."""
from __future__ import annotations

import pytest

from helpers import fixture_edition
from scripts.edition import Edition
from scripts.site.footer import branch_of, page_footer
from scripts.site.head import cite_templates, description, identifier, interface_urls, robots

pytestmark = pytest.mark.unit


@pytest.fixture
def edition() -> Edition:
    """The fixture edition (tests/fixtures/edition/), not the real one: these tests pin what a known
    input gives (titles, statuses, terms), so the real pages may change without touching them."""
    return fixture_edition()


def test_relative_alternates_when_the_site_address_is_unknown() -> None:
    assert interface_urls("measures/08/", None) == {"en": "./", "zh": "../../zh/measures/08/"}
    assert interface_urls("zh/measures/08/", None) == {"en": "../../../measures/08/", "zh": "./"}
    assert interface_urls("zh/", None) == {"en": "../", "zh": "./"}


def test_absolute_alternates_when_it_is_known() -> None:
    assert interface_urls("zh/measures/08/", "https://example.org/ed/") == {
        "en": "https://example.org/ed/measures/08/", "zh": "https://example.org/ed/zh/measures/08/"}


def test_robots_points_at_the_sitemap_when_the_address_is_known() -> None:
    assert robots("https://example.org/ed/") == "User-agent: *\nAllow: /\nSitemap: https://example.org/ed/sitemap.xml\n"
    assert robots(None) == "User-agent: *\nAllow: /\n"


def test_identifiers_descriptions_and_citations(edition: Edition) -> None:
    corpus = edition.corpus
    page = corpus.pages[8]
    assert identifier(page) == "spp-ip-opinions-2022/m08" and identifier(corpus.pages[0]).endswith("/preamble")
    assert description(corpus, page, "en").startswith("Measure 8 (Strengthening the protection of trade secrets)")
    for page in corpus.ordered():  # a paragraph citation never passes a conjectural number off as the document's
        cite = cite_templates(corpus, page, "The Edition", {"date": "2026-01-01", "commit": "abc1234"})
        assert "(edition of 2026-01-01, commit abc1234" in cite["en"]
        assert "para. {para}" in cite["en"] and "段落{para}" in cite["zh"] and "{url}" in cite["zh"]
        if page.heading_status == "attested":
            assert f"Measure {page.number} (" in cite["en"], cite["en"]
        elif not page.is_preamble:
            assert f"Measure {page.number}" not in cite["en"] and "conjectural outline" in cite["en"], cite["en"]
            assert "本版推测序号" in cite["zh"] and page.title["zh"] in cite["zh"], cite["zh"]


def test_the_footer_links_the_file_that_holds_the_text() -> None:
    footer = page_footer("en", rel="docs/glossary.md", source="data/glossary.yml", title="Glossary",
                         changed={"data/glossary.yml": "2026-11-01"}, repo_url="https://github.com/x/y/",
                         edit_uri="edit/main/docs/")
    assert footer["changed_date"] == "2026-11-01" and footer["edit"] == "Edit this page"
    assert footer["edit_url"] == "https://github.com/x/y/edit/main/data/glossary.yml"
    assert footer["history_url"] == "https://github.com/x/y/commits/main/data/glossary.yml"
    assert footer["suggest_url"].startswith("https://github.com/x/y/issues/new?template=new-annotation.yml&title=")
    measure = page_footer("zh", rel="docs/measures/08.md", source="docs/measures/", title="t", changed={},
                          repo_url="https://github.com/x/y", edit_uri="edit/main/docs/")
    assert measure["edit_url"] == "https://github.com/x/y/tree/main/docs/measures/"
    assert "template=translation-correction.yml" in measure["suggest_url"] and "changed_date" not in measure
    assert "edit_url" not in page_footer("en", rel="docs/a.md", source="docs/a.md", title="t", changed={},
                                         repo_url=None, edit_uri="edit/main/docs/")
    assert branch_of("edit/stable/docs/") == "stable" and branch_of("edit") == "main"
