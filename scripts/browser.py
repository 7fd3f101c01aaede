"""Headless Chromium and a quiet local web server, for `make pdf`, `make bench` and the tests.

Debian's Chromium, driven through Playwright's executable_path: no browser is
ever downloaded. Its path comes from $CHROMIUM (scripts/settings.py).
"""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from . import settings

# No sandbox (containers, CI), no GPU, and nothing fetched in the background.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def chromium() -> str:
    """The Chromium executable: $CHROMIUM, else Debian's /usr/bin/chromium."""
    return settings.chromium()


def launch(playwright: Any, *extra_args: str) -> Any:
    """Start headless Chromium from a running `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=chromium(), args=[*ARGS, *extra_args])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve_directory(directory: Path, handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) while the block runs; yields its base URL.
    `handler_class` may change how requests are answered (a test imitates a static host)."""
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
