"""A fresh machine: the README's prerequisites are complete, and `make test` names what is missing."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from scripts.tools.doctor import NEEDS

pytestmark = pytest.mark.unit


def doctor(*args: str, path: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.tools.doctor", *args], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, PATH=path, **env))


def test_a_machine_without_the_tools_is_told_what_to_install(tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # a PATH with make and git only
    bare.mkdir()
    for tool in ("make", "git"):
        (bare / tool).symlink_to(subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip())
    result = doctor("test", path=str(bare), CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    for words in ("Chromium at", "Java, for the Nu HTML Checker", "npm, for installing", "pdftoppm",
                  "the Noto CJK fonts"):
        assert words in result.stderr, result.stderr
    assert ("sudo apt-get install -y chromium fontconfig fonts-noto-cjk poppler-utils default-jre-headless npm"
            in result.stderr)
    listed = doctor("test", "--packages", path=str(bare), CHROMIUM=str(tmp_path / "no-chromium"))
    assert listed.stdout.split() == ["chromium", "fontconfig", "fonts-noto-cjk", "poppler-utils",
                                     "default-jre-headless", "npm"]


def test_the_readme_names_every_package_the_doctor_knows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sudo apt-get install -y ([^`]+?)\n```", readme, re.S)
    assert command, "the README gives one apt-get command"
    named = set(command.group(1).replace("\\\n", " ").split())
    assert {need.package for needs in NEEDS.values() for need in needs} == named


def test_make_test_asks_the_doctor_before_installing_anything() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}  # run under make too
    plan = subprocess.run(["make", "--no-print-directory", "-n", "test"], cwd=ROOT, capture_output=True, text=True,
                          env=env).stdout.splitlines()
    assert plan[0].endswith("-m scripts.tools.doctor test"), plan[:3]
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "scripts.tools.doctor test --packages" in ci and "make test" in ci
