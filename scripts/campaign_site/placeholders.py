"""Find `CẦN ĐIỀN` placeholders that staff have not yet replaced, in data files and in the Markdown
under docs/ (which `staff_markdown` reads line by line)."""

from __future__ import annotations

from .problems import Problem, format_loc
from .yaml_source import SourceFile

MARKER = "CẦN ĐIỀN"


def in_data(source: SourceFile) -> list[Problem]:
    """One error per placeholder left in a data file, naming what to fill."""
    return [
        source.problem(loc, format_loc(loc), f"chưa điền: «{text}». Hãy thay cả dòng này bằng nội dung thật.")
        for loc, text in source.strings()
        if MARKER in text
    ]


def in_markdown_line(display: str, number: int, line: str) -> Problem | None:
    """The placeholder on one line of a staff Markdown page, if there is one."""
    if MARKER not in line:
        return None
    return Problem(display, number, line.index(MARKER) + 1, "", f"chưa điền: «{line.strip()}». Hãy viết nội dung hoặc xóa dòng này.")
