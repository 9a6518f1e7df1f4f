"""Find `CẦN ĐIỀN` placeholders that staff have not yet replaced, in data and in Markdown
(where an unreadable, non-UTF-8 file is reported too)."""

from __future__ import annotations

from pathlib import Path

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


def in_markdown(docs: Path, display_root: str = "docs") -> list[Problem]:
    """Placeholders left in staff Markdown under docs/."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        display = f"{display_root}/{path.relative_to(docs).as_posix()}"
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(display, 1, 1, "", "tệp không phải mã UTF-8. Hãy lưu lại tệp với mã hóa UTF-8."))
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if MARKER in line:
                problems.append(
                    Problem(display, number, line.index(MARKER) + 1, "", f"chưa điền: «{line.strip()}». Hãy viết nội dung hoặc xóa dòng này.")
                )
    return problems
