"""A copy of the project to build or break on purpose (tests, benchmarks, synthetic data), without what
no copy runs: git, the virtual environment, builds, tests, tool caches and npm packages
(scripts/lighthouse/node_modules alone is 185 MB), and leftovers of killed builds."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_PROJECT = (".git", ".venv", "site", "__pycache__", ".pytest_cache", "tests", "node_modules", ".mypy_cache",
               ".ruff_cache", ".hypothesis", ".site-*")


BUILD_CACHES = ("pages", "built", "generated", "templates")
"""Parts of `.cache/` no copy takes: builds in `source` rewrite and prune them while a copy is being made (a
file listed, then gone, fails the copy), and a copy's first build makes its own in well under a second."""


def copy_project(dest: Path, leave_out: tuple[str, ...] = (), source: Path = ROOT) -> Path:
    """`source` copied to `dest`; `leave_out`: more names to leave out (`.cache` for a cold banner cache)."""
    left_out = shutil.ignore_patterns(*NOT_PROJECT, *leave_out)

    def ignore(folder: str, names: list[str]) -> set[str]:
        return set(left_out(folder, names)) | (set(names) & set(BUILD_CACHES) if Path(folder).name == ".cache" else set())

    shutil.copytree(source, dest, ignore=ignore)
    return dest


def copy_banner_cache(dest: Path, source: Path = ROOT) -> Path:
    """`source`'s banner cache (what its builds drew), if it has one, into the project at `dest`: a
    first build there reuses those banners instead of drawing them (99 for the shipped data, 4 s)."""
    cache = source / ".cache" / "banners"
    if cache.is_dir():
        shutil.copytree(cache, dest / ".cache" / "banners", dirs_exist_ok=True)
    return dest
