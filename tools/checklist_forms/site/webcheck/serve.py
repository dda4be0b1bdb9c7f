"""Serve the built site on 127.0.0.1 the way GitHub Pages does: gzip for text files.

Lighthouse's mobile performance depends on transfer sizes, so the checks must see the
compressed responses a reader's phone gets, not the raw files ``python -m http.server``
sends. Only what the checks need: GET/HEAD of files, ``index.html`` for folders, gzip
when the client accepts it, and a 404 page.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

# What GitHub Pages compresses: text formats; images, fonts and archives are sent as is.
COMPRESSED = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "webcheck"

    def __init__(self, *args: Any, root: Path, **kwargs: Any) -> None:
        self.root = root
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the checkers print what matters."""

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _send(self, head_only: bool) -> None:
        target = self._file()
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
        body = target.read_bytes() if target.is_file() else b"Not found"
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith(("javascript", "json")):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")
        accepts = self.headers.get("Accept-Encoding", "")
        if "gzip" in accepts and ctype.startswith(COMPRESSED):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(head_only=False)

    def do_HEAD(self) -> None:
        self._send(head_only=True)


class SiteServer:
    """The site under ``root`` on ``http://127.0.0.1:<port>/``, in a background thread."""

    def __init__(self, root: Path, port: int = 0) -> None:
        handler = partial(_Handler, root=root.resolve())
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def main() -> None:
    """``python -m checklist_forms.site.webcheck.serve [ROOT] [PORT]``: serve until Ctrl-C."""
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    with SiteServer(root, port) as server:
        print(f"Serving {root} on {server.url} (gzip)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
