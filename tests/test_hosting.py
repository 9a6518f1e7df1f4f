"""Publishing to a real web host: the deploy command and the repository's nginx configuration.

The shipped site is deployed with `scripts/deploy.py` into a release folder served by a real nginx
on 127.0.0.1 (tests/nginx_host.py). Every check is a real HTTPS request; while deploys, rollbacks
and killed deploys run, a second thread keeps fetching pages and fails the test on any answer that
is not a whole page of one of the published versions.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from conftest import replace_in
from deploy_fixtures import MARKER
from nginx_host import DEPLOY, Nginx, deploy, free_port, nginx

REPO = Path(__file__).resolve().parent.parent
HASHED_BUNDLE = next((REPO / ".venv").glob("lib/python*/site-packages/material/templates/assets/javascripts/bundle.*.min.js")).name
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'",
    "strict-transport-security": "max-age=31536000",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}
SHORT, HOUR, YEAR = "public, max-age=300", "public, max-age=3600", "public, max-age=31536000, immutable"


def release_names(target: Path) -> list[str]:
    return sorted(path.name for path in (target / "releases").iterdir())


def served_release(target: Path) -> str:
    return os.readlink(target / "current").removeprefix("releases/")


@pytest.fixture(scope="module")
def host(site_a: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """nginx serving a deploy target into which `site_a` was published."""
    target = tmp_path_factory.mktemp("host") / "srv"
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    with nginx(tmp_path_factory.mktemp("nginx"), target) as server:
        yield server


class Watcher:
    """Fetches pages over and over in a thread; records every answer that is not a whole page."""

    def __init__(self, server: Nginx, versions: dict[str, set[bytes]]) -> None:
        self.server, self.versions = server, versions
        self.failures: list[str] = []
        self.requests = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for path, bodies in self.versions.items():
                status, _, body = self.server.get(path)
                self.requests += 1
                if status != 200 or body not in bodies:
                    self.failures.append(f"{path}: {status}, {len(body)} bytes")

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        assert self.requests > 0
        assert not self.failures, self.failures[:5]


def watched_pages(site_a: Path, site_b: Path) -> dict[str, set[bytes]]:
    """Pages to fetch while publishing, each with the bodies either version may give."""
    paths = ["index.html", "2026/index.html", "lich/tat-ca.ics", f"assets/javascripts/{HASHED_BUNDLE}", "2026.json"]
    return {
        "/" + path.removesuffix("index.html"): {(site_a / path).read_bytes(), (site_b / path).read_bytes()}
        for path in paths
    }


@pytest.mark.parametrize(
    ("path", "content_type", "cache"),
    [
        ("/", "text/html; charset=utf-8", SHORT),
        ("/2026/ke-hoach/so-khcn-lang-son/", "text/html; charset=utf-8", SHORT),
        ("/lich/tat-ca.ics", "text/calendar; charset=utf-8", SHORT),
        ("/lich/2026/so-khcn-lai-chau.ics", "text/calendar; charset=utf-8", SHORT),
        ("/2026.json", "application/json; charset=utf-8", SHORT),
        ("/sitemap.xml", "text/xml; charset=utf-8", SHORT),
        ("/search/search_index.json", "application/json; charset=utf-8", SHORT),
        ("/assets/favicon.svg", "image/svg+xml; charset=utf-8", HOUR),
        ("/2026/bang-ron/khcn-dot-pha-ky-nguyen-moi-a3-ngang.pdf", "application/pdf", HOUR),
        ("/2026/bang-ron/chao-mung-ngay-so-huu-tri-tue.png", "image/png", HOUR),
        (f"/assets/javascripts/{HASHED_BUNDLE}", "application/javascript; charset=utf-8", YEAR),
    ],
)
def test_files_are_served_with_their_type_cache_lifetime_and_security_headers(
    host: Nginx, site_a: Path, path: str, content_type: str, cache: str
) -> None:
    status, headers, body = host.get(path)
    assert status == 200
    assert headers["content-type"] == content_type
    assert headers["cache-control"] == cache
    for name, value in SECURITY_HEADERS.items():
        assert headers[name].startswith(value), name
    assert body == (site_a / path.lstrip("/")).joinpath("index.html" if path.endswith("/") else "").read_bytes()


def test_files_named_by_their_content_are_cached_for_a_year(host: Nginx, site_a: Path) -> None:
    """Our stylesheet and script, and the theme's scripts moved out of the pages."""
    assets = site_a / "assets"
    named = [*assets.glob("site.*.css"), *assets.glob("site.*.js"), *assets.glob("javascripts/inline.*.js")]
    assert len(named) >= 5 and not (assets / "site.css").exists()
    for file in named:
        status, headers, body = host.get("/" + file.relative_to(site_a).as_posix())
        assert (status, headers["cache-control"], body) == (200, YEAR, file.read_bytes())
        assert headers["content-type"] == ("text/css" if file.suffix == ".css" else "application/javascript") + "; charset=utf-8"


@pytest.mark.parametrize("path", ["/", "/2026/", "/lich/tat-ca.ics", "/search/search_index.json", f"/assets/javascripts/{HASHED_BUNDLE}"])
@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip"), ("identity", None)])
def test_compressed_copies_are_sent_as_written(host: Nginx, site_a: Path, path: str, accept: str, encoding: str | None) -> None:
    file = site_a / path.lstrip("/")
    file = file / "index.html" if path.endswith("/") else file
    status, headers, body = host.get(path, {"Accept-Encoding": accept})
    assert status == 200
    assert headers.get("content-encoding") == encoding
    assert "Accept-Encoding" in headers["vary"]
    if encoding:
        copy = file.with_name(file.name + {"br": ".br", "gzip": ".gz"}[encoding])
        assert body == copy.read_bytes()
        body = brotli.decompress(body) if encoding == "br" else gzip.decompress(body)
    assert body == file.read_bytes()


def test_missing_page_answers_404_with_the_site_s_page_and_headers(host: Nginx) -> None:
    status, headers, body = host.get("/khong-co-trang-nay/")
    assert status == 404
    assert "Không tìm thấy trang" in body.decode()
    for name, value in SECURITY_HEADERS.items():
        assert headers[name].startswith(value), name


def test_plain_http_sends_people_to_https(host: Nginx) -> None:
    status, headers, _ = host.get("/2026/", https=False)
    assert status == 301
    assert headers["location"].startswith("https://") and headers["location"].endswith("/2026/")


def test_redeploy_and_rollback_keep_every_page_served(host: Nginx, site_a: Path, site_b: Path) -> None:
    with Watcher(host, watched_pages(site_a, site_b)):
        first = served_release(host.target)
        deploy("publish", "--allow-unfinished", str(host.target), "--site", str(site_b))
        second = served_release(host.target)
        assert second != first
        assert MARKER in host.get("/")[2].decode()
        listing = deploy("list", str(host.target)).stdout.splitlines()
        assert f"* {second}" in listing and f"  {first}" in listing

        assert f"Đã quay lại bản {first}." in deploy("rollback", str(host.target)).stdout
        assert served_release(host.target) == first
        assert MARKER not in host.get("/")[2].decode()
        # Files unchanged between versions are shared, not copied: the bundle is one file on disk.
        bundle = Path("assets/javascripts") / HASHED_BUNDLE
        assert (host.target / "releases" / first / bundle).stat().st_ino == (host.target / "releases" / second / bundle).stat().st_ino

        for _ in range(3):
            deploy("publish", "--allow-unfinished", str(host.target), "--site", str(site_b), "--keep", "3")
        assert len(release_names(host.target)) == 3
        assert MARKER in host.get("/")[2].decode()


def test_rollback_without_an_older_release_says_so(tmp_path: Path, site_a: Path) -> None:
    deploy("publish", "--allow-unfinished", str(tmp_path), "--site", str(site_a))
    result = deploy("rollback", str(tmp_path), check=False)
    assert result.returncode == 1
    assert "Không có bản phát hành nào cũ hơn" in result.stderr


def test_unfinished_build_and_too_few_releases_are_refused(tmp_path: Path, site_a: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = deploy("publish", "--allow-unfinished", str(tmp_path / "srv"), "--site", str(empty), check=False)
    assert result.returncode == 1 and "không phải trang đã tạo xong" in result.stderr
    result = deploy("publish", "--allow-unfinished", str(tmp_path / "srv"), "--site", str(site_a), "--keep", "1", check=False)
    assert result.returncode == 1 and "ít nhất 2" in result.stderr
    assert not (tmp_path / "srv" / "current").exists()


def test_a_site_with_unfinished_settings_is_not_published(tmp_path: Path, site_a: Path, project: Path) -> None:
    """The shipped settings use the placeholder domain and no contact: `check` warns, and deploy and
    the workflow's `check --publish` refuse, naming each setting to fill in."""
    result = deploy("publish", str(tmp_path / "srv"), "--site", str(site_a), check=False)
    assert result.returncode == 1 and not (tmp_path / "srv" / "current").exists()
    assert "campaigns/site.yaml:10: site.base_url: cảnh báo: địa chỉ công khai `https://doimoisangtao.example/` dùng tên miền mẫu" in result.stderr
    assert "campaigns/site.yaml:32: organisation.contact: cảnh báo: chưa có thông tin liên hệ" in result.stderr
    assert "Chưa xuất bản trang" in result.stderr
    check = [sys.executable, str(project / "scripts/check_campaigns.py"), str(project / "campaigns")]
    assert subprocess.run(check, capture_output=True).returncode == 0
    assert subprocess.run([*check, "--publish"], capture_output=True).returncode == 1

    replace_in(project / "campaigns/site.yaml", "https://doimoisangtao.example/", "https://dmst.langson.gov.vn/")
    replace_in(project / "campaigns/site.yaml", "contact: {}", "contact:\n    phone: 0205 3812 345")
    assert subprocess.run([*check, "--publish"], capture_output=True).returncode == 0
    published = subprocess.run([sys.executable, str(project / "scripts/deploy.py"), "publish", str(tmp_path / "srv"), "--site", str(site_a)],
                               capture_output=True, text=True)
    assert published.returncode == 0, published.stderr
    assert (tmp_path / "srv" / "current" / "index.html").is_file()


def start_deploy(site: Path, target: Path) -> subprocess.Popen[bytes]:
    """A deploy in its own process group, so that killing it also kills its rsync."""
    return subprocess.Popen(
        [*DEPLOY, "publish", "--allow-unfinished", str(target), "--site", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def test_deploy_killed_at_any_moment_leaves_a_whole_site_served(host: Nginx, site_a: Path, site_b: Path) -> None:
    files = {str(p.relative_to(site_a)) for p in site_a.rglob("*")}
    started = time.perf_counter()
    deploy("publish", "--allow-unfinished", str(host.target), "--site", str(site_a))
    duration = time.perf_counter() - started
    with Watcher(host, watched_pages(site_a, site_b)):
        # Killed while uploading: caught by the half-copied release's appearance.
        process = start_deploy(site_b, host.target)
        while not list((host.target / "releases").glob(".partial-*")) and process.poll() is None:
            time.sleep(0.001)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        # Killed at moments spread over a whole deploy.
        for step in range(1, 10):
            process = start_deploy(site_b if step % 2 else site_a, host.target)
            time.sleep(duration * step / 10)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            served = host.target / "releases" / served_release(host.target)
            assert {str(p.relative_to(served)) for p in served.rglob("*")} == files
        # The next deploy finishes and clears what the killed ones left.
        deploy("publish", "--allow-unfinished", str(host.target), "--site", str(site_b))
    assert MARKER in host.get("/")[2].decode()
    assert not [name for name in os.listdir(host.target / "releases") if name.startswith(".")]
    assert not (host.target / ".current-new").exists()


def test_publish_and_rollback_over_ssh(ssh_command: str, site_a: Path, site_b: Path, tmp_path: Path) -> None:
    target = tmp_path / "srv"
    remote = f"root@127.0.0.1:{target}"
    env = {"DEPLOY_SSH": ssh_command}
    deploy("publish", "--allow-unfinished", remote, "--site", str(site_a), env=env)
    first = served_release(target)
    deploy("publish", "--allow-unfinished", remote, "--site", str(site_b), env=env)
    second = served_release(target)
    assert MARKER in (target / "current" / "index.html").read_text(encoding="utf-8")
    assert deploy("list", remote, env=env).stdout.splitlines() == [f"  {first}", f"* {second}"]
    bundle = Path("assets/javascripts") / HASHED_BUNDLE
    assert (target / "releases" / first / bundle).stat().st_ino == (target / "releases" / second / bundle).stat().st_ino
    deploy("rollback", remote, env=env)
    assert served_release(target) == first
    assert (target / "current" / "index.html").read_bytes() == (site_a / "index.html").read_bytes()


def test_unreachable_host_fails_clearly_and_changes_nothing(site_a: Path, tmp_path: Path) -> None:
    env = {"DEPLOY_SSH": f"ssh -p {free_port()} -o BatchMode=yes -o ConnectTimeout=5"}
    result = deploy("publish", "--allow-unfinished", f"root@127.0.0.1:{tmp_path}/srv", "--site", str(site_a), check=False, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi trên máy chủ (publish)")
    assert not (tmp_path / "srv").exists()
