"""`make serve`: `mkdocs serve` with live reload, started again whenever the project's code changes.

MkDocs rebuilds when a page, a data file or a template changes (`watch:` in
mkdocs.yml), but it cannot reload Python: it keeps the hooks module it loaded and
every `scripts.*` module stays imported (with caches such as the loaded JSON
Schemas), so an edited script would go on serving the old code. This supervisor
runs `mkdocs serve` in a child process and starts a fresh one when anything under
scripts/ changes, saying why in one line.

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
import os
import signal
import subprocess
import sys
import threading
import time
from html import escape
from pathlib import Path

from ..edition.paths import ROOT
from ..process import stop

WATCHED = ("scripts", "docs", "data", "overrides", "mkdocs.yml")  # what can fix a server that failed
WRITES = {"created", "modified", "moved", "deleted"}  # not "opened" or "closed_no_write": reading is no change
QUIET = 0.3  # seconds without further changes before acting (editors write in several steps)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    parser.add_argument("mkdocs_args", nargs=argparse.REMAINDER,
                        help="further options for `mkdocs serve`, after `--`")


def run(args: argparse.Namespace) -> int:
    extra = [a for a in args.mkdocs_args if a != "--"]
    return Supervisor(ROOT, args.dev_addr, extra).run()


class _Changes:
    """Paths changed under the project since the last look, from watchdog's events."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = threading.Lock()
        self.paths: list[str] = []
        self.last = 0.0

    def dispatch(self, event) -> None:  # watchdog's handler interface
        if event.is_directory or event.event_type not in WRITES:
            return
        for raw in [event.dest_path] if event.event_type == "moved" else [event.src_path]:  # a move: where to
            path = Path(os.fsdecode(raw)).relative_to(self.root)
            if (path.parts[0] not in WATCHED or "__pycache__" in path.parts or path.name.startswith(".")
                    or path.name.endswith("~")):
                continue  # elsewhere at the top level, compiled code, editors' swap and backup files
            with self.lock:
                self.paths.append(path.as_posix())
                self.last = time.monotonic()

    def take(self) -> list[str]:
        """The changes, once they have settled; [] while none (or still arriving)."""
        with self.lock:
            if not self.paths or time.monotonic() - self.last < QUIET:
                return []
            paths, self.paths = self.paths, []
            return paths


class Supervisor:
    def __init__(self, root: Path, addr: str, extra: list[str]) -> None:
        self.root, self.addr, self.extra = root, addr, extra
        self.child: subprocess.Popen | None = None
        self.relay: threading.Thread | None = None  # copies the child's output to the terminal
        self.output: collections.deque[str] = collections.deque(maxlen=120)  # the child's last lines

    def run(self) -> int:
        from watchdog.observers import Observer

        changes = _Changes(self.root)
        observer = Observer()
        for name in WATCHED:
            path = self.root / name
            if path.exists():
                observer.schedule(changes, str(path if path.is_dir() else self.root), recursive=path.is_dir())
        observer.start()
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the child too (it has its own session)
        fallback: _ErrorPage | None = None
        self._start()
        try:
            while True:
                time.sleep(0.1)
                changed = changes.take()
                scripts = [p for p in changed if p.startswith("scripts/")]
                if self.child is not None and scripts:
                    say(f"{scripts[-1]} changed; restarting mkdocs serve so that the new code is used")
                    self._stop()
                    self._start()
                elif self.child is None and changed:
                    say(f"{changed[-1]} changed; starting mkdocs serve again")
                    if fallback is not None:
                        fallback.close()
                        fallback = None
                    self._start()
                elif self.child is not None and self.child.poll() is not None:
                    code = self.child.returncode
                    if self.relay is not None:
                        self.relay.join(timeout=5)  # the last lines of its output, with the error
                    self.child = None
                    say(f"mkdocs serve stopped (exit status {code}); the error is above. Until a file of the "
                        f"project changes, http://{self.addr}/ shows it too.")
                    fallback = _ErrorPage.start(self.addr, "".join(self.output))
                    if fallback is None:
                        return code or 1
        except KeyboardInterrupt:
            return 0
        finally:
            observer.stop()
            self._stop()
            if fallback is not None:
                fallback.close()

    def _start(self) -> None:
        self.output.clear()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.addr, "--livereload", *self.extra]
        self.child = subprocess.Popen(cmd, cwd=self.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                      start_new_session=True)
        self.relay = threading.Thread(target=self._relay, args=(self.child,), daemon=True)
        self.relay.start()

    def _relay(self, child: subprocess.Popen) -> None:
        """Show the child's output as it comes, and keep its last lines for the error page."""
        assert child.stdout is not None
        for line in child.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if child is self.child:
                self.output.append(line)

    def _stop(self) -> None:
        """End the child and its own children."""
        child, self.child = self.child, None
        if child is not None:
            stop(child)


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
        body = cls.PAGE.format(errors=escape(errors.strip() or "(no output)")).encode("utf-8")

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
