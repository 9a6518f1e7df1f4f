"""Check the Markdown staff write under `docs/` before anything is built from it.

Every problem is reported with its file and line, in Vietnamese: a file that is not UTF-8, a
`CẦN ĐIỀN` placeholder, front matter that is not readable or holds an unknown setting, HTML the
policy would remove (`html_policy`), a hidden character, a link that leads out of the repository, and a
page too long or too deeply nested to render quickly (`markdown_bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from campaign_site.core.catalogue import plain
from campaign_site.core.file_links import link_problem, not_a_file, outside
from campaign_site.core.problems import Problem
from campaign_site.core.text_safety import code_point, hidden_character
from campaign_site.core.yaml_source import Position, SourceFile, YamlSyntaxProblem, parse_yaml
from campaign_site.data import html_policy, markdown_bounds, placeholders, unknowns
from campaign_site.data.model import Line, Record
from campaign_site.data.validation_messages import problems_from

M = TypeVar("M", bound=BaseModel)

_FENCE = re.compile(r"^-{3}[ \t]*$")
_FENCE_END = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
_ONE_PARAGRAPH = re.compile(r"<p>(?:(?!</?p>).)*</p>", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FENCE_OPENING = re.compile(r"^[ \t]*(?:`{3}|~{3})", re.MULTILINE)
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


class SearchSettings(Record):
    exclude: bool = Field(False, description=plain("model.search_settings.exclude"))
    boost: float | None = Field(None, ge=0, le=10, description=plain("model.search_settings.boost"))


class FrontMatter(Record):
    """The settings a staff page may start with, between two `---` lines."""

    title: Line | None = Field(None, description=plain("model.front_matter.title"))
    description: Line | None = Field(None, description=plain("model.front_matter.description"))
    subtitle: Line | None = Field(None, description=plain("model.front_matter.subtitle"))
    author: Line | None = Field(None, description=plain("model.front_matter.author"))
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        default_factory=list, description=plain("model.front_matter.hide")
    )
    search: SearchSettings | None = Field(None, description=plain("model.front_matter.search"))
    status: Literal["new", "deprecated"] | None = Field(None, description=plain("model.front_matter.status"))


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter; 0 when there is none, None when unclosed."""
    if not lines or not _FENCE.match(lines[0]):
        return 0
    return next((i for i in range(1, len(lines)) if _FENCE_END.match(lines[i])), None)


def body(text: str) -> str:
    """A staff page's Markdown without its front matter."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    return "\n".join(lines[end + 1:]) if end else text


def lead_paragraph(text: str) -> tuple[str, str]:
    """A staff text's first paragraph and the rest, when it opens with a paragraph; else `("", text)`.
    The paragraph ends at its first blank line and must render as one paragraph and nothing else (a
    list, quote, heading, code, table or HTML block, or a paragraph a heading interrupts, stays whole), and
    it opens no fence (whose code may go on past a blank line)."""
    block, *rest = _BLANK_LINE.split(_LEADING_BLANK_LINES.sub("", text), maxsplit=1)
    if _FENCE_OPENING.search(block) or not _ONE_PARAGRAPH.fullmatch(html_policy.render(block).strip()):
        return "", text
    return block, _LEADING_BLANK_LINES.sub("", "".join(rest))


@dataclass(frozen=True)
class FrontMatterRead(Generic[M]):
    """A Markdown file's front matter as read: its problems, the line index where the body starts, and
    (when it is valid) its source, with positions counted in the whole file, and its value."""

    problems: list[Problem]
    body_start: int
    source: SourceFile | None = None
    value: M | None = None


def read_front_matter(lines: list[str], display: str, model: type[M]) -> FrontMatterRead[M]:
    """The front matter of a Markdown file, if it has one, checked against `model`: placeholders
    first (their messages say more than the type errors they would cause), then the model."""
    end = front_matter_end(lines)
    if end == 0:
        return FrontMatterRead([], 0)
    if end is None:
        return FrontMatterRead([Problem(display, 1, 1, "", plain("problem.front_matter_unclosed"))], 0)
    block = "\n".join(lines[1:end])
    if not block.strip():
        return FrontMatterRead([], end + 1)
    try:
        source = shifted_source(parse_yaml(block, display), 1)
    except YamlSyntaxProblem as exc:
        return FrontMatterRead([_shifted(p, 1) for p in exc.problems], end + 1)
    hostile = html_policy.hostile_addresses(source)
    if unfilled := placeholders.in_data(source, model) + unknowns.misplaced(source, model):
        return FrontMatterRead(unfilled + hostile, end + 1, source)
    try:
        value = model.model_validate(source.data)
    except ValidationError as exc:
        return FrontMatterRead(problems_from(exc, source, model) + hostile, end + 1, source)
    return FrontMatterRead(hostile, end + 1, source, value)


def shifted_source(source: SourceFile, lines: int) -> SourceFile:
    """The same parsed YAML with every position `lines` further down (front matter starts on line 2)."""
    positions = {loc: Position(pos.line + lines, pos.column) for loc, pos in source.positions.items()}
    return SourceFile(source.path, source.data, positions, [_shifted(p, lines) for p in source.warnings])


def _shifted(problem: Problem, lines: int) -> Problem:
    return Problem(problem.file, problem.line + lines, problem.column, problem.field, problem.message, problem.severity)


def check_body(lines: list[str], first: int, display: str) -> list[Problem]:
    """Placeholders and hidden characters in the lines of a page's body, its bounds (`markdown_bounds`), and
    what the HTML policy would remove from it (`html_policy.check_markdown`), which renders the page and so
    runs only on a page within its bounds."""
    problems = markdown_bounds.problems(lines, first, display)
    within_bounds = not problems
    for number, line in enumerate(lines[first:], start=first + 1):
        if (unfilled := placeholders.in_markdown_line(display, number, line)) is not None:
            problems.append(unfilled)
        if (hidden := hidden_character(line)) is not None:
            problems.append(Problem(display, number, line.index(hidden) + 1, "", plain("problem.hidden_character", code=code_point(hidden))))
    return problems + (html_policy.check_markdown(lines, first, display) if within_bounds else [])


def read_lines(path: Path, display: str) -> list[str] | Problem:
    """A Markdown file's lines, or why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Problem(display, 1, 1, "", plain("problem.not_utf8"))
    return text.split("\n")  # not splitlines(): a form feed or U+2028 must be found, not split on


def check_page(path: Path, display: str) -> list[Problem]:
    """Every problem of one staff Markdown file."""
    lines = read_lines(path, display)
    if isinstance(lines, Problem):
        return [lines]
    front = read_front_matter(lines, display, FrontMatter)
    # A placeholder in the front matter is reported as such; a page's settings need no other check.
    return front.problems + check_body(lines, front.body_start, display)


def check_docs(docs: Path, display_root: str = "docs", elsewhere: Callable[[str], bool] = lambda page: False) -> list[Problem]:
    """Every problem of the staff Markdown under `docs/`, and links there that leave the repository.
    Pages for which `elsewhere(path under docs/)` holds are checked by their own rule (activity posts)."""
    repository = docs.parent
    problems = []
    for path in sorted(docs.rglob("*")):
        display = f"{display_root}/{path.relative_to(docs).as_posix()}"
        if outside(path, repository):
            problems.append(link_problem(display))
        elif not path.is_dir() and (odd := not_a_file(path)):
            problems.append(Problem(display, 1, 1, "", odd))
        elif path.suffix == ".md" and path.is_file() and not elsewhere(path.relative_to(docs).as_posix()):
            problems += check_page(path, display)
    return problems
