"""`make serve`: `mkdocs serve` with live reload, started again whenever the project's code changes.

MkDocs rebuilds when a page, a data file or a template changes (`watch:` in
mkdocs.yml), but it cannot reload Python: it keeps the hooks module it loaded and
every `scripts.*` module stays imported (with caches such as the loaded JSON
Schemas), so an edited script would go on serving the old code. This supervisor
has watchfiles (`run_process`) run `mkdocs serve` in a child process and start a
fresh one when anything under scripts/ changes, saying why in one line.

Two cases keep the browser from waiting on a server that will not answer:

- the content breaks while the server runs: the build keeps the last good
  version on screen, with the errors in a banner on every page and in the
  terminal (scripts/build.py);
- the server cannot start (the content is broken when it starts, or a script
  fails): the supervisor answers on the same address with a page showing the
  error, and starts the server again at the next change to the project.

The supervisor itself is not restarted: a change to this file takes effect at the
next `make serve`.
"""
from __future__ import annotations

import argparse
import collections
import http.server
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import NoReturn

from watchfiles import Change, DefaultFilter, run_process

from ..edition.paths import ROOT
from ..markup import html
from ..process import stop

WATCHED = ("scripts", "docs", "data", "overrides", "mkdocs.yml")  # what can fix a server that failed
QUIET_MS = 300  # no further change for this long before acting (editors write in several steps)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    parser.add_argument("mkdocs_args", nargs=argparse.REMAINDER,
                        help="further options for `mkdocs serve`, after `--`")


def run(args: argparse.Namespace) -> int:
    extra = [a for a in args.mkdocs_args if a != "--"]
    return supervise(ROOT, args.dev_addr, extra)


def supervise(root: Path, addr: str, extra: list[str]) -> int:
    """watchfiles runs `serve_once` in a process of its own and starts a fresh one after each change
    that calls for it: a script, while the server runs; anything watched, while it is down."""
    down = multiprocessing.get_context("spawn").Event()  # set by serve_once while the error page answers
    editors = DefaultFilter()  # compiled code, editors' swap and backup files, .git and the like

    def calls_for_restart(change: Change, path: str) -> bool:
        rel = Path(path).relative_to(root)
        return (bool(rel.parts) and rel.parts[0] in WATCHED and editors(change, path)
                and (rel.parts[0] == "scripts" or down.is_set()))

    def announce(changes: set[tuple[Change, str]]) -> None:
        changed = sorted(Path(path).relative_to(root).as_posix() for _, path in changes)
        if down.is_set():
            say(f"{changed[-1]} changed; starting mkdocs serve again")
        else:
            say(f"{changed[-1]} changed; restarting mkdocs serve so that the new code is used")

    paths = [root / name for name in WATCHED if (root / name).exists()]
    run_process(*paths, target=serve_once, args=(root, addr, extra, down), target_type="function",
                callback=announce, watch_filter=calls_for_restart, step=QUIET_MS,
                sigint_timeout=20)  # serve_once waits up to 15 s for mkdocs serve to stop
    return 0


def serve_once(root: Path, addr: str, extra: list[str], down: Event) -> None:
    """`mkdocs serve` until it stops or this process is told to (SIGINT from watchfiles, SIGTERM
    with the supervisor's process group); if it stops by itself, the error page until told to."""
    signal.signal(signal.SIGTERM, _exit)  # the server runs in a session of its own: stop it in `finally`
    down.clear()
    output: collections.deque[str] = collections.deque(maxlen=120)  # the server's last lines
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", addr, "--livereload", *extra]
    child = subprocess.Popen(cmd, cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    page: _ErrorPage | None = None
    try:
        assert child.stdout is not None
        for line in child.stdout:  # shown as it comes, and kept for the error page
            sys.stdout.write(line)
            sys.stdout.flush()
            output.append(line)
        code = child.wait()
        say(f"mkdocs serve stopped (exit status {code}); the error is above. Until a file of the "
            f"project changes, http://{addr}/ shows it too.")
        page = _ErrorPage.start(addr, "".join(output))
        if page is None:
            os.kill(os.getppid(), signal.SIGTERM)  # nothing can be shown: the supervisor stops
            return
        down.set()
        threading.Event().wait()  # until watchfiles stops this process
    except KeyboardInterrupt:
        pass
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut the cleanup short
            signal.signal(sig, signal.SIG_IGN)
        stop(child)
        if page is not None:
            page.close()


def _exit(*_: object) -> NoReturn:
    sys.exit(0)


def say(message: str) -> None:
    print(f"serve: {message}", flush=True)


class _ErrorPage:
    """While mkdocs serve is down: every request gets the error, and the page reloads itself
    once the real server answers again."""

    PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>make serve: the build failed</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem}}pre{{background:#fff3e0;padding:1rem;overflow:auto}}</style>
</head><body><h1>The site could not be built</h1>
<p>Fix the error below (it is also in the terminal running <code>make serve</code>); the server starts
again when a file of the project changes, and this page reloads by itself.</p>
<pre data-oe-serve-errors>{errors}</pre>
<script>setInterval(function () {{
  fetch(location.href, {{cache: "no-store"}}).then(function (r) {{ if (r.status !== 503) location.reload(); }},
                                               function () {{}});
}}, 1000);</script></body></html>"""

    def __init__(self, server: http.server.ThreadingHTTPServer) -> None:
        self.server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()

    @classmethod
    def start(cls, addr: str, errors: str) -> _ErrorPage | None:
        body = html(cls.PAGE, errors=errors.strip() or "(no output)").encode("utf-8")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(503)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        host, _, port = addr.rpartition(":")
        try:
            return cls(http.server.ThreadingHTTPServer((host, int(port)), Handler))
        except OSError as err:
            say(f"cannot answer on {addr} ({err}); stopping")
            return None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
