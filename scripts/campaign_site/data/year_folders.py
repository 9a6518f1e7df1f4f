"""Folders named after a year (`campaigns/<year>/`, `docs/<year>/`): four ASCII digits of a year the
site can show. A folder that looks like a year but is not one (`0000`, `9999`, Arabic-Indic or
full-width digits) is an error with its path, never read as some year nor silently skipped."""

from __future__ import annotations

import re
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem
from campaign_site.data.vn_dates import FIRST_YEAR, LAST_YEAR

_YEAR_NAME = re.compile(r"[0-9]{4}")


def year_of(name: str) -> int | None:
    """The year a folder's name stands for: `2026` → 2026; None for any other name."""
    if not _YEAR_NAME.fullmatch(name):
        return None
    year = int(name)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def misnamed(root: Path, display_root: str) -> list[Problem]:
    """Every folder directly under `root` named with digits only that is not a year `year_of` reads."""
    if not root.is_dir():
        return []
    return [
        Problem(f"{display_root}/{path.name}", 1, 1, "",
                plain("problem.not_a_year", name=path.name, first=FIRST_YEAR, last=LAST_YEAR))
        for path in sorted(root.iterdir())
        if path.is_dir() and path.name.isdecimal() and year_of(path.name) is None
    ]
