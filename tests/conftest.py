"""Shared fixtures: the repository, real MkDocs builds in temporary directories, page text."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
TODAY = "2026-11-22"


def run_build(config: Path, site_dir: Path, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as staff and CI run it, with the build date fixed."""
    env = os.environ | {"CAMPAIGN_SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=300,
    )


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


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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
