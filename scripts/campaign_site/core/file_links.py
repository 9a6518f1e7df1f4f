"""Files reached through a symbolic link that leads out of the repository are not published; what is
not a regular file (a folder, a broken link, a pipe) where a file is expected is named, not skipped."""

from __future__ import annotations

import os
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem


def outside(path: Path, root: Path) -> bool:
    """True when `path` (a link, or inside a linked folder) leads out of `root`."""
    return not path.resolve().is_relative_to(root.resolve())


def link_problem(display: str) -> Problem:
    return Problem(
        display, 1, 1, "",
        plain("problem.link_outside"),
    )


def not_a_file(path: Path) -> str | None:
    """Why `path`, which is there, cannot be read as a file (in Vietnamese), or None: a regular file, or nothing."""
    if path.is_file() or not os.path.lexists(path):
        return None
    if path.is_dir():
        return plain("problem.not_a_file", name=path.name)
    return (plain("problem.not_regular_file", name=path.name))
