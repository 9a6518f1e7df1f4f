"""Shared fixtures: the repository, real MkDocs builds in temporary directories, page text."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from local_server import free_port, serve
from nginx_host import Nginx, deploy, nginx
from playwright.sync_api import Browser, Page, Route, sync_playwright

pytest_plugins = ["deploy_fixtures"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
TODAY = "2026-11-22"
BUILDER = os.environ.get("SITE_BUILDER", "mkdocs")
"""The generator that builds sites in tests: `mkdocs`, or `properdocs` (the maintained MkDocs 1.x fork)."""


def run_build(
    config: Path, site_dir: Path, today: str = TODAY, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or BUILDER's) as staff and CI run it, with the build date fixed (and `env` added)."""
    env = os.environ | {"CAMPAIGN_SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=300,
    )


def fetch_text(url: str) -> str:
    """The page at `url`, or "" while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for_text(url: str, text: str, seconds: float = 30) -> str:
    """The page at `url` once it contains `text`; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch_text(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


@contextmanager
def mkdocs_serve(project: Path) -> Iterator[str]:
    """`mkdocs serve` of a project copy, as staff preview it; fails if it printed a traceback."""
    port = free_port()
    env = {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        stderr = server.communicate(timeout=30)[1]
    assert "Traceback" not in stderr


def copy_project(dest: Path) -> Path:
    """A copy of the project (without git, virtualenv, builds or tests) to break on purpose."""
    shutil.copytree(
        REPO,
        dest,
        ignore=shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "tests"),
    )
    return dest


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file, failing loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line where `needle` first occurs."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def page_text(site: Path, url_path: str) -> str:
    """The article text of a built page, whitespace collapsed."""
    html = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert article is not None, f"no article in {url_path}"
    return re.sub(r"\s+", " ", article.get_text(" ")).strip()


def page_paths(site: Path) -> list[str]:
    """URL paths of every page of a built site (`""` for home, `2026/` style without the slash), 404 excluded."""
    return sorted(p.parent.relative_to(site).as_posix().removeprefix(".") for p in site.rglob("index.html"))


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site with its SHA-256, to prove a failed build changed nothing."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site, built once for the whole session."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = run_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project for tests that change data."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The shipped site over real HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def hosted_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """The shipped site published with the deploy command to a real nginx running our configuration."""
    site = Path(shutil.copytree(built_site, tmp_path_factory.mktemp("hosted") / "site"))
    target = tmp_path_factory.mktemp("srv")
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site))
    with nginx(tmp_path_factory.mktemp("nginx"), target) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, never reaching the network."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    outside: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    yield tab
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
