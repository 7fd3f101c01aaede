"""Site integrity: contributions, links, validity, accessibility, security, reproducibility."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import html

from conftest import TEST_REPO_URL, build_site
from helpers import ROOT, copy_project, line_of, run_check
from scripts.edition.corpus import load_corpus

CORPUS = load_corpus(ROOT)
JS = ROOT / "tests" / "js" / "node_modules"
NOT_FETCHED = {"canonical", "alternate", "prev", "next"}
RESOURCE_ATTRS = [("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src"), ("track", "src")]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def need(path: Path, what: str) -> None:
    if not path.exists():
        message = f"{what} missing at {path}: run `make test` (it installs tests/js with npm ci)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


# --- contributions ---------------------------------------------------------------------------

def test_contribution_files_exist() -> None:
    for name in ["CONTRIBUTING.md", "CITATION.cff", ".github/PULL_REQUEST_TEMPLATE.md", ".github/workflows/ci.yml",
                 ".github/ISSUE_TEMPLATE/translation-correction.yml", ".github/ISSUE_TEMPLATE/source-correction.yml",
                 ".github/ISSUE_TEMPLATE/new-annotation.yml"]:
        assert (ROOT / name).is_file(), name
    for name in [".github/workflows/ci.yml", ".github/ISSUE_TEMPLATE/translation-correction.yml",
                 ".github/ISSUE_TEMPLATE/source-correction.yml", ".github/ISSUE_TEMPLATE/new-annotation.yml"]:
        yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["license"] == "CC-BY-4.0"
    workflow = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert ".ci/run" in workflow and "make pdf" in workflow and workflow.count("upload-artifact") == 2
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_page_has_edit_and_suggest_links_to_real_files(site: Path) -> None:
    edit_prefix = f"{TEST_REPO_URL}/edit/main/"
    tree_prefix = f"{TEST_REPO_URL}/tree/main/"
    for path in html_files(site):
        if path.name == "404.html":
            continue
        tree = html.fromstring(path.read_bytes())
        footer = tree.cssselect("aside.oe-page-footer")
        assert footer, f"{path.relative_to(site)} has no page footer"
        links = [a.get("href") for a in footer[0].cssselect("a")]
        edit = next(h for h in links if h.startswith((edit_prefix, tree_prefix)))
        target = ROOT / edit.split("/main/", 1)[1]
        assert target.exists(), f"{path.relative_to(site)}: edit link to missing {target.relative_to(ROOT)}"
        assert not target.name.endswith(".zh.md") or target.exists()
        assert any("/issues/new?template=" in h for h in links)
        assert footer[0].cssselect("time"), "shows when the page last changed"


def test_measure_pages_name_their_contributors(site: Path) -> None:
    for number, page in CORPUS.pages.items():
        name = "preamble" if number == 0 else f"{number:02d}"
        for prefix in ("", "zh/"):
            tree = html.fromstring((site / prefix / "measures" / name / "index.html").read_bytes())
            text = tree.cssselect(".oe-contributors")[0].text_content()
            for person in page.meta["contributors"]:
                assert person["name"] in text


def test_build_outside_git_and_in_a_shallow_clone(tmp_path: Path) -> None:
    outside = copy_project(tmp_path / "copy")  # not a git checkout
    result = build_site(tmp_path / "out1", root=outside)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out1/measures/08/index.html").read_text(encoding="utf-8")
    assert "oe-page-footer" in page and "<time" not in page
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git here")
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(tmp_path / "shallow")], check=True)
    shutil.rmtree(tmp_path / "shallow" / "scripts")
    copy_project(tmp_path / "shallow")  # this working tree's code, on the clone's shallow history
    result = build_site(tmp_path / "out2", root=tmp_path / "shallow")
    assert result.returncode == 0, result.stderr
    assert "<time datetime=" in (tmp_path / "out2/measures/08/index.html").read_text(encoding="utf-8")


# --- untrusted content -----------------------------------------------------------------------

UNSAFE = {  # more in tests/data/xss-vectors.yml (tests/test_safety.py); here: through `make check` itself
    "script": ("<script>alert(1)</script>", "the element <script>"),
    "iframe": ('<iframe src="x.html"></iframe>', "the element <iframe>"),
    "object": ('<object data="x.swf"></object>', "the element <object>"),
    "handler": ('<span onclick="steal()">x</span>', "the event handler onclick= on <span>"),
    "jsurl": ("[click](javascript:steal())", "a javascript: address in href= on <a>"),
    "image": ("![logo](https://elsewhere.example/logo.png)", "an image from another site"),
    "imgtag": ('<img src="//elsewhere.example/x.png">', "an address without a scheme that leaves the site"),
}


@pytest.mark.parametrize("kind", sorted(UNSAFE))
def test_unsafe_markdown_is_rejected_with_file_and_line(project: Path, kind: str) -> None:
    snippet, what = UNSAFE[kind]
    page = project / "docs/measures/08.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nA new note.\n\n{snippet}\n", encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    line = line_of(page, snippet)
    assert f"docs/measures/08.md:{line}: error [unsafe]: {what}" in result.stderr


def test_code_examples_of_unsafe_markup_are_allowed(project: Path) -> None:
    page = project / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWe reject `<script>` and:\n\n```html\n<iframe></iframe>\n```\n",
                    encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stderr


def test_every_page_sends_a_content_security_policy(site: Path) -> None:
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert m, f"{path.relative_to(site)} has no CSP"
        policy = m.group(1)
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert text.index("Content-Security-Policy") < text.index("<script")


def test_no_policy_violations_while_reading_and_searching(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))")
    for path in ["", "measures/08/", "zh/measures/05/", "glossary/", "print/", "functions/"]:
        page.goto(server + path)
        if path == "measures/08/":
            page.locator('label[for="oe-view-zh"]').click()
            page.locator("input.md-search__input").click()
            page.keyboard.type("商业秘密")
            page.keyboard.press("End")
            page.wait_for_selector(".md-search-result__item")
        assert page.evaluate("window.__violations") == [], path
    assert [u for u in requests if not u.startswith(server)] == [], "nothing is fetched from outside"
    context.close()


# --- the built site --------------------------------------------------------------------------

def test_strict_build_validates_links_and_anchors() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^strict: true$", text, re.M)
    for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert re.search(rf"^\s+{key}: warn$", text, re.M), key


def test_no_page_references_resources_off_the_site(site: Path) -> None:
    offsite = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
    for path in html_files(site):
        tree = html.fromstring(path.read_bytes())
        for tag, attr in RESOURCE_ATTRS:
            for el in tree.iter(tag):
                if tag == "link" and set((el.get("rel") or "").split()) <= NOT_FETCHED:
                    continue  # canonical and hreflang addresses name the page; nothing is fetched
                value = el.get(attr) or ""
                assert not offsite.match(value), f"{path.relative_to(site)}: <{tag} {attr}={value}>"
        for el in tree.xpath("//*[@style]"):
            assert "url(" not in el.get("style", "")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), css
        assert not re.search(r"@import\s+(url\()?['\"]?(?:https?:)?//", text), css


def test_nu_html_checker_finds_no_errors(site: Path) -> None:
    jar = JS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    need(jar, "vnu.jar")
    if shutil.which("java") is None:
        pytest.fail("java not found: apt-get install -y default-jre-headless")
    exceptions = yaml.safe_load((ROOT / "tests/data/vnu-exceptions.yml").read_text(encoding="utf-8"))
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "gnu",
                             *map(str, html_files(site))], capture_output=True, text=True)
    errors = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if ": error:" in line]
    unexplained = [e for e in errors if not any(re.search(x["message"], e) for x in exceptions)]
    assert unexplained == [], "\n".join(unexplained[:20])


AXE_PAGES = ["", "measures/08/", "glossary/", "functions/", "laws/", "zh/", "zh/measures/08/", "zh/glossary/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, server, path: str) -> None:
    axe = JS / "axe-core" / "axe.min.js"
    need(axe, "axe-core")
    context = browser.new_context(bypass_csp=True)  # axe is injected inline; the site's own policy forbids that
    page = context.new_page()
    page.goto(server + path)
    page.add_script_tag(path=str(axe))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
    context.close()
    assert violations == []


def test_two_builds_of_the_same_commit_are_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    compare = filecmp.dircmp(site, again)
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(compare)
    # the PDF fonts, if a PDF was made from the session's site, are not part of the build
    assert [d for d in differences if not d.startswith("_pdf-fonts")] == []
