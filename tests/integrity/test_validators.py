"""The built site against the W3C's Nu HTML Checker and axe-core, pinned in tests/js/ (Java and npm)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

pytestmark = pytest.mark.integrity

JS = ROOT / "tests" / "js" / "node_modules"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def need(path: Path, what: str) -> None:
    if not path.exists():
        message = f"{what} missing at {path}: run `make test` (it installs tests/js with npm ci)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


AXE_PAGES = ["", "measures/08/", "glossary/", "functions/", "laws/", "zh/", "zh/measures/08/", "zh/glossary/"]


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
