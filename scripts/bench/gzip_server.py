"""A static server for `make bench` that compresses as a real host does, and counts what it sends.

Page weight is what a reader downloads, and every static host (GitHub Pages, Netlify,
nginx with gzip on) sends text gzipped; Python's http.server does not. This server
gzips text types on the fly and logs the bytes of every response body, so the
benchmark reads transfer sizes from the server side, including the requests a web
worker makes (the search index), which a browser-side listener can miss.
"""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import posixpath
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What GitHub Pages and nginx's usual gzip_types compress; fonts (woff2), images and
# Pagefind's chunks (already compressed) go as they are.
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml", "application/manifest+json", "application/wasm")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/javascript", ".mjs")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/wasm", ".wasm")


@dataclass
class Sent:
    """One response: path, content type, bytes on the wire (body), bytes before compression."""
    path: str
    ctype: str
    size: int
    raw: int
    status: int


def free_port() -> int:
    """A port nobody listens on now, for servers that want a number up front (mkdocs serve)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: object) -> None:
        """A browser that drops a connection (page left, context closed) is no error here."""
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class GzipServer:
    """Serve `root` on 127.0.0.1 with gzip; `log` lists what was sent since the last `reset()`.

    It listens from construction, so its address can be given to a build (site_url)
    before `root` exists; files are looked up at request time.
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.log: list[Sent] = []
        self._lock = threading.Lock()
        self._cache: dict[Path, bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:  # http.server's naming
                server._respond(self, head=True)

            def do_GET(self) -> None:
                server._respond(self, head=False)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self._lock:
            self.log = []

    def taken(self) -> list[Sent]:
        """What was sent since the last reset, and start a new log."""
        with self._lock:
            log, self.log = self.log, []
        return log

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _file(self, url_path: str) -> tuple[Path | None, str | None]:
        """The file for a URL path, or a redirect target for a directory without its slash."""
        path = posixpath.normpath(unquote(url_path))
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return None, None
        if target.is_dir():
            if not url_path.endswith("/"):
                return None, url_path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _body(self, target: Path, ctype: str, gzip_ok: bool) -> tuple[bytes, int, bool]:
        raw = target.read_bytes()
        if not (gzip_ok and ctype.startswith(COMPRESSED)):
            return raw, len(raw), False
        key = target
        if key not in self._cache:
            # level 6: the default of nginx's gzip_comp_level is 1, GitHub Pages' is higher;
            # 6 is zlib's default and a fair middle.
            self._cache[key] = gzip.compress(raw, compresslevel=6, mtime=0)
        return self._cache[key], len(raw), True

    def _respond(self, handler: http.server.BaseHTTPRequestHandler, head: bool) -> None:
        url_path = urlsplit(handler.path).path
        target, redirect = self._file(url_path)
        if redirect:
            handler.send_response(301)
            handler.send_header("Location", redirect)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
            if not target.is_file():
                handler.send_error(404)
                return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        gzip_ok = "gzip" in handler.headers.get("Accept-Encoding", "")
        body, raw, zipped = self._body(target, ctype, gzip_ok)
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Cache-Control", "no-cache")
        if zipped:
            handler.send_header("Content-Encoding", "gzip")
            handler.send_header("Vary", "Accept-Encoding")
        handler.end_headers()
        if not head:
            try:
                handler.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return  # the browser gave up on it (a page left, a context closed): not downloaded
            with self._lock:
                self.log.append(Sent(url_path, ctype, len(body), raw, status))
