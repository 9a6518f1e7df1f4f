"""Find `CẦN ĐIỀN` placeholders that staff have not yet replaced in data files (staff_markdown finds
them in Markdown)."""

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
