"""A real nginx on 127.0.0.1 running the repository's scripts/hosting/nginx.conf, for tests.

Only the lines the file marks EDIT change (ports, host name, certificate, document root); the
certificate is a fresh self-signed one. Debian's nginx and its brotli_static module are installed
by `scripts/dev test`.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from local_server import free_port

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "scripts" / "hosting" / "nginx.conf"
DEPLOY = [sys.executable, str(REPO / "scripts" / "deploy.py")]


def deploy(*args: str, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`scripts/deploy.py` with these arguments (and `env` added), as staff and CI run it."""
    result = subprocess.run([*DEPLOY, *args], capture_output=True, text=True, timeout=120, env=os.environ | (env or {}))
    assert not check or result.returncode == 0, result.stderr
    return result


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def site_config(http_port: int, https_port: int, root: Path, cert: Path, key: Path) -> str:
    """The repository's configuration with its EDIT lines set for this machine."""
    text = CONFIG.read_text()
    edits = [
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"server_name doimoisangtao\.example;", "server_name 127.0.0.1;"),
        (r"ssl_certificate +\S+;", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key +\S+;", f"ssl_certificate_key {key};"),
        (r"root /srv/doimoisangtao/current;", f"root {root}/current;"),
    ]
    for pattern, replacement in edits:
        text, count = re.subn(pattern + r"( +# EDIT.*)?", replacement, text)
        assert count >= 1, f"{pattern} not in {CONFIG}"
    # This machine may have no IPv6; the test serves IPv4 only.
    return re.sub(r"\n *listen \[::\]:.*", "", text)


@cache
def _any_certificate() -> ssl.SSLContext:
    """A client TLS context that accepts the self-signed certificate, made once: making one loads the
    system's CA store (about 16 ms of processor time), which the watcher threads paid on every request."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


@dataclass(frozen=True)
class Nginx:
    """A running nginx: its HTTPS and HTTP addresses and the deploy target it serves."""

    https_port: int
    http_port: int
    target: Path

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}/"

    def get(self, path: str, headers: dict[str, str] | None = None, https: bool = True) -> tuple[int, dict[str, str], bytes]:
        """One request; returns status, headers (lower-case names) and the body as sent."""
        if https:
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, context=_any_certificate(), timeout=10)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "identity", **(headers or {})})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


@contextmanager
def nginx(folder: Path, target: Path) -> Iterator[Nginx]:
    """nginx serving `target`/current with the repository's configuration, stopped afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = self_signed_certificate(folder)
    server = Nginx(https_port=free_port(), http_port=free_port(), target=target)
    (folder / "site.conf").write_text(site_config(server.http_port, server.https_port, target, cert, key))
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    (folder / "nginx.conf").write_text(
        "include /etc/nginx/modules-enabled/*.conf;\n"
        f"user root;\nworker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n  access_log off;\n"
        + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {folder}/site.conf;\n}}\n"
    )
    checked = subprocess.run(["nginx", "-t", "-c", str(folder / "nginx.conf")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(["nginx", "-c", str(folder / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", server.https_port), timeout=0.2).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else "nginx stopped"
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)
