"""`make serve` on a private copy of the project: code edits are served, broken content is not a hang.

The supervisor (python -m scripts serve) runs in its own process group on a free
port; every wait polls the served page, with a timeout, as a person's browser would.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest

from helpers import edit, free_port
from scripts.process import stop

pytestmark = pytest.mark.build

TIMEOUT = 120  # seconds for one (re)build to show; a build takes about 5 s here


def get(url: str) -> tuple[int, str]:
    """(status, body); (0, '') while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


class Serve:
    def __init__(self, project: Path, log: Path) -> None:
        self.base = f"http://127.0.0.1:{free_port()}/"
        self.log = log
        with log.open("w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "scripts", "serve", "--dev-addr", self.base[7:-1]],
                                         cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                         env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for(self, path: str, ok: Callable[[int, str], bool], what: str) -> tuple[int, str]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the supervisor exited:\n{self.output()}"
            status, body = get(self.base + path)
            if ok(status, body):
                return status, body
            time.sleep(0.25)
        raise AssertionError(f"{what}: not seen within {TIMEOUT} s\n{self.output()}")

    def stop(self) -> None:
        stop(self.proc, timeout=30)  # SIGTERM: the supervisor stops its own child first


@pytest.fixture
def serve(project: Path, tmp_path: Path) -> Iterator[Serve]:
    server = Serve(project, tmp_path / "serve.log")
    try:
        yield server
    finally:
        server.stop()
    assert get(server.base)[0] == 0, "nothing answers once make serve has stopped"


def test_edited_scripts_are_served_and_broken_content_never_hangs(serve: Serve, project: Path) -> None:
    page = "measures/08/"
    serve.wait_for(page, lambda s, b: s == 200 and "Related measures" in b, "the first build")

    # a label edited in a script: MkDocs alone would go on serving the old one
    edit(project / "scripts/site/i18n.py", '"related": "Related measures",', '"related": "Related measures, edited",')
    serve.wait_for(page, lambda s, b: s == 200 and "Related measures, edited" in b, "the edited label")
    assert "serve: scripts/site/i18n.py changed; restarting mkdocs serve" in serve.output()

    # broken content: the last good page stays, with the errors on it and in the terminal
    edit(project / "docs/measures/08.md", "/// para | m08-1", "/// para | m8-1")
    status, body = serve.wait_for(page, lambda s, b: "data-oe-serve-errors" in b, "the error banner")
    assert status == 200 and 'id="m08-1"' in body, "the last good version of the page is served"
    assert "malformed paragraph id &#x27;m8-1&#x27;" in body
    assert "malformed paragraph id 'm8-1'" in serve.output()

    # a restart while the content is broken: no good build to show, so an error page answers
    edit(project / "scripts/site/i18n.py", '"related": "Related measures, edited",', '"related": "Related measures",')
    status, body = serve.wait_for(page, lambda s, b: s == 503, "the error page")
    assert "malformed paragraph id &#x27;m8-1&#x27;" in body

    # fixed: the real site is back, without the banner
    edit(project / "docs/measures/08.md", "/// para | m8-1", "/// para | m08-1")
    status, body = serve.wait_for(page, lambda s, b: s == 200 and 'id="m08-1"' in b, "the repaired page")
    assert "data-oe-serve-errors" not in body and "Related measures" in body
