"""Serve a built site on 127.0.0.1 as a production host would: gzip for text, right MIME types, our 404 page.

Used by the Lighthouse benchmark, so scores and byte counts are those of a compressed transfer.
"""

from __future__ import annotations

import gzip
from contextlib import AbstractContextManager
from pathlib import Path

from local_server import QuietHandler, serve

TYPES = {".ics": "text/calendar", ".json": "application/json", ".svg": "image/svg+xml", ".js": "text/javascript"}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".map"}


class _Handler(QuietHandler):
    extensions_map = {**QuietHandler.extensions_map, **TYPES}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()  # the base class redirects to the address with a slash
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        headers = {"Content-Type": self.guess_type(str(path)), "Cache-Control": "no-cache"}
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(directory: Path) -> AbstractContextManager[str]:
    """`directory` over HTTP on 127.0.0.1 with gzip; yields the base URL."""
    return serve(directory, _Handler)
