"""Find the markers staff must clear before a site is built, in data files and in the Markdown under
docs/ (which `staff_markdown` reads line by line):

- `CẦN ĐIỀN` (to fill): a value nobody has written yet, left by the scaffold (`scripts/dev campaign`);
- `CẦN KIỂM TRA` (to check): a value the document importer read but is not certain of, written as
  `"CẦN KIỂM TRA: Lạng Sơn"`; staff compare it with the original document and delete the marker.

Either blocks the build until removed, so an unfinished or unchecked record is never published.
"""

from __future__ import annotations

from pydantic import BaseModel

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.yaml_source import SourceFile
from campaign_site.data.unknowns import honest_choices

MARKER = "CẦN ĐIỀN"
REVIEW_MARKER = "CẦN KIỂM TRA"
REVIEW_PREFIX = f"{REVIEW_MARKER}: "
"""How the importer writes an uncertain value: the prefix, then the value as read."""


def to_fill(hint: str) -> str:
    """A value still to be written, saying what (`CẦN ĐIỀN: ai báo cáo`)."""
    return f"{MARKER}: {hint}"


def review(value: str) -> str:
    """`value` marked for checking against the original document."""
    return value if value.startswith(REVIEW_PREFIX) else REVIEW_PREFIX + value


def is_marked(value: object) -> bool:
    """Whether a value still carries a marker (to fill or to check)."""
    return isinstance(value, str) and (MARKER in value or REVIEW_MARKER in value)


def without_review(value: str) -> str:
    """The value as read, once staff have checked it (the review prefix removed)."""
    return value.removeprefix(REVIEW_PREFIX)


def _message(text: str, choices: str = "") -> str:
    if MARKER in text:
        return sentences(plain("problem.placeholder", text=text), choices)
    return sentences(plain("problem.review", text=text, marker=REVIEW_MARKER), choices)


def in_data(source: SourceFile, model: type[BaseModel] | None = None) -> list[Problem]:
    """One error per marker left in a data file, naming what to fill or to check and, where `model` allows
    them, the two honest choices for a value the document lacks."""
    return [
        source.problem(loc, format_loc(loc), _message(text, honest_choices(model, loc)))
        for loc, text in source.strings()
        if MARKER in text or REVIEW_MARKER in text
    ]


def in_markdown_line(display: str, number: int, line: str) -> Problem | None:
    """The marker on one line of a staff Markdown page, if there is one."""
    if MARKER in line:
        message = plain("problem.placeholder_in_page", text=line.strip())
        return Problem(display, number, line.index(MARKER) + 1, "", message)
    if REVIEW_MARKER in line:
        message = _message(line.strip())
        return Problem(display, number, line.index(REVIEW_MARKER) + 1, "", message)
    return None
