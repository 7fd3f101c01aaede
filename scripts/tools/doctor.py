"""`make test` (and make serve, pdf, bench) first asks this: is everything they need installed?

A fresh machine lacks some of it, and without this check the lack shows up deep inside
a run: a venv that cannot be made, `npm ci` not found, Java missing when the HTML
checker starts, a browser test that cannot launch. Here every missing piece is named
at once, with what needs it and the Debian package that provides it:

    python3 -m scripts.tools.doctor test          (exit 1, and what to install, if anything is missing)
    python3 -m scripts.tools.doctor test --packages   the Debian package names only (.ci/run installs them)

It runs with the system Python, before the venv exists, so it uses the standard library only.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable, List, Optional

from ..settings import CHROMIUM, chromium

MINIMUM_PYTHON = (3, 11)


@dataclass(frozen=True)
class Need:
    """One thing a command needs: what it is, what it is for, its Debian package, and a test."""

    what: str
    why: str
    package: str
    present: Callable[[], bool]


def _command(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


def _python() -> bool:
    return sys.version_info[:2] >= MINIMUM_PYTHON


def _venv() -> bool:
    try:
        import ensurepip  # noqa: F401  (imported only to see that it is there: Debian ships it in python3-venv)
        import venv  # noqa: F401  (imported only to see that it is there)
    except ImportError:
        return False
    return True


def _chromium() -> bool:
    path = chromium()
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _library(soname: str) -> Callable[[], bool]:
    """A shared library the dynamic loader finds (as WeasyPrint, through cffi, will look for it)."""
    def present() -> bool:
        import ctypes
        try:
            ctypes.CDLL(soname)
        except OSError:
            return False
        return True
    return present


def _cjk_fonts() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    return "Noto Sans CJK" in listed or "Noto Serif CJK" in listed


PYTHON = Need(f"Python {MINIMUM_PYTHON[0]}.{MINIMUM_PYTHON[1]} or newer (this is "
              f"{sys.version_info[0]}.{sys.version_info[1]})", "the build and the tests", "python3", _python)
VENV = Need("Python's venv and ensurepip modules", "creating .venv", "python3-venv", _venv)
MAKE = Need("make", "the commands in the Makefile", "make", _command("make"))
GIT = Need("git", "page dates, edit links and the reproducibility tests", "git", _command("git"))
CHROMIUM_NEED = Need(f"Chromium at {chromium()} (or set {CHROMIUM}=/path/to/chromium)",
                     "the browser tests, the PDF and the benchmark", "chromium", _chromium)
FONTCONFIG = Need("fc-list", "finding the CJK fonts", "fontconfig", _command("fc-list"))
FONTS = Need("the Noto CJK fonts", "Chinese text in the browser tests and the PDF", "fonts-noto-cjk", _cjk_fonts)
PANGO = [Need(f"the {name} library", "the PDF (WeasyPrint lays out text with Pango)", package, _library(soname))
         for name, package, soname in (("Pango", "libpango-1.0-0", "libpango-1.0.so.0"),
                                       ("PangoFT2", "libpangoft2-1.0-0", "libpangoft2-1.0.so.0"))]
POPPLER = [Need(tool, "the PDF tests", "poppler-utils", _command(tool)) for tool in ("pdftoppm", "pdftotext", "pdffonts")]
JAVA = Need("Java", "the Nu HTML Checker (tests/js)", "default-jre-headless", _command("java"))
NPM = Need("npm", "installing the Nu HTML Checker and axe-core (tests/js) and Lighthouse (bench/)", "npm",
           _command("npm"))

NEEDS = {
    "venv": [PYTHON, VENV],
    "test": [PYTHON, VENV, MAKE, GIT, CHROMIUM_NEED, FONTCONFIG, FONTS, *PANGO, *POPPLER, JAVA, NPM],
    "pdf": [PYTHON, VENV, GIT, FONTCONFIG, FONTS, *PANGO],
    "bench": [PYTHON, VENV, GIT, CHROMIUM_NEED, FONTCONFIG, FONTS, NPM],
}


def missing(purpose: str) -> List[Need]:
    return [need for need in NEEDS[purpose] if not need.present()]


def packages(needs: List[Need]) -> List[str]:
    return list(dict.fromkeys(need.package for need in needs))


def report(purpose: str, needs: List[Need]) -> str:
    lines = [f"make {purpose if purpose != 'venv' else 'serve/check/site'}: this machine lacks what it needs:"]
    lines += [f"  - {need.what}, for {need.why} (Debian package: {need.package})" for need in needs]
    lines.append(f"On Debian or Ubuntu: sudo apt-get install -y {' '.join(packages(needs))}")
    lines.append("Then run the command again. (README.md, 'The two commands', lists everything needed.)")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("purpose", nargs="?", default="test", choices=sorted(NEEDS))
    parser.add_argument("--packages", action="store_true", help="print only the missing Debian packages")


def run(args: argparse.Namespace) -> int:
    lacking = missing(args.purpose)
    if args.packages:
        print(" ".join(packages(lacking)))
        return 0
    if lacking:
        print(report(args.purpose, lacking), file=sys.stderr)
        return 1
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m scripts.tools.doctor", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
