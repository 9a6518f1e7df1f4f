"""Files reached through a symbolic link that leads out of the repository are not published."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem


def outside(path: Path, root: Path) -> bool:
    """True when `path` (a link, or inside a linked folder) leads out of `root`."""
    return not path.resolve().is_relative_to(root.resolve())


def link_problem(display: str) -> Problem:
    return Problem(
        display, 1, 1, "",
        "là liên kết (symlink) trỏ ra ngoài kho, nên nội dung của nó không được kiểm soát cùng trang. "
        "Hãy chép tệp vào đúng chỗ thay cho liên kết.",
    )
