"""When each file of the repository last changed, read from git in one pass.

One `git log` over the whole history gives every file's last commit date, so the cost does not
grow with the number of pages (one `git log -- <file>` per page would, at thousands of plans).
Files changed but not yet committed count as changed on the build date.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_RECORD = "\x1e"


def _git(root: Path, *args: str) -> str | None:
    """Output of a git command in `root`, or None when git or the repository is missing."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=root, capture_output=True, text=True, encoding="utf-8", check=False,
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


@dataclass
class ChangeDates:
    """Last change date per repository path (POSIX, relative to the repository root)."""

    files: dict[str, date] = field(default_factory=dict)
    shallow: bool = False
    """True in a shallow clone, where old files all seem to date from the oldest fetched commit."""
    prefix: str = ""
    """The project folder inside the repository, with a trailing `/` (empty at its root)."""

    def of(self, source: str) -> date | None:
        """Last change of a file, or of any file under a folder written with a trailing `/`."""
        if not source.endswith("/"):
            return self.files.get(source)
        return max((d for path, d in self.files.items() if path.startswith(source)), default=None)


def _committed(log: str) -> dict[str, date]:
    """Newest date per file from `git log --format=<RS>%cs --name-only` (newest commit first)."""
    dates: dict[str, date] = {}
    for record in log.split(_RECORD)[1:]:
        day, *names = record.strip("\n").split("\n")
        when = date.fromisoformat(day)
        for name in names:
            if name:
                dates.setdefault(name, when)
    return dates


def _uncommitted(status: str) -> list[str]:
    """Paths changed in the working tree, from `git status --porcelain -z` (renames give both paths)."""
    entries = status.split("\0")
    paths: list[str] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        if len(entry) > 3:
            paths.append(entry[3:])
            if entry[0] in "RC":
                index += 1  # the rename's old path follows; it no longer exists
        index += 1
    return paths


def change_dates(root: Path, today: date) -> ChangeDates:
    """Every file's last change under `root`, empty when `root` is not a git working tree."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return ChangeDates()
    inside = root.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if inside == "." else inside + "/"
    log = _git(root, "log", f"--format={_RECORD}%cs", "--name-only", "--no-renames", "--relative", "HEAD")
    dates = _committed(log or "")
    for path in _uncommitted(_git(root, "status", "--porcelain", "-z", "--untracked-files=all", ".") or ""):
        dates[path.removeprefix(prefix)] = today
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    return ChangeDates(dates, shallow, prefix)
