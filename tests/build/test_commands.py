"""The project's command line as the Makefile runs it: `python -m scripts COMMAND`, in a new process.

The commands' behaviour is tested in-process in tests/unit/; this checks the entry point itself.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT

pytestmark = pytest.mark.build


def test_check_command_passes_on_the_real_tree() -> None:
    result = subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "check: OK" in result.stdout


def test_a_command_that_fails_says_so_in_its_exit_status(tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts", "check", "--root", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
