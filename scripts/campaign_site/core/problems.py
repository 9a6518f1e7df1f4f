"""A problem found in the data: where it is, which field, and what to do, in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from campaign_site.core.catalogue import plain
from campaign_site.core.text_safety import shown

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning about one place in one data file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"
    label: str = ""
    """The web editor's label of the field (`form_labels`), printed beside it."""

    def __str__(self) -> str:
        label = "" if self.severity == "error" else plain("problem.warning") + " "
        field = self.field or plain("problem.whole_file")
        # Text quoted from a file may hold line breaks or terminal codes: print them as codes, never raw.
        text = shown(f"{self.file}:{self.line}: {field}: {label}{self.message}")
        if self.label:  # where the web editor shows the field, after where the file has it
            return plain("problem.at_field", text=text, line=self.line, column=self.column, label=shown(self.label))
        return plain("problem.at", text=text, line=self.line, column=self.column)


class DataError(Exception):
    """Raised when the data has at least one error; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, with a Vietnamese summary line."""
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [str(p) for p in self.problems]
        lines.append(plain("problem.summary", count=len(errors)))
        return "\n".join(lines)


def format_loc(loc: tuple[str | int, ...]) -> str:
    """Render a location path such as ('window', 'end') or ('tasks', 2) as `window.end`, `tasks[2]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
