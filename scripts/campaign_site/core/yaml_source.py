"""Read a YAML file into plain Python data plus the line of every value, for error messages.

PyYAML composes the node tree (which keeps positions); we build the data ourselves so that
dates stay strings (the model parses them with Vietnamese messages) and duplicate keys,
which PyYAML would silently drop, become errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.text_safety import code_point, hidden_character

Loc = tuple[str | int, ...]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAX_BYTES = 1_000_000
MAX_DEPTH = 12
"""Data files are a few KB and 5 levels deep at most; far more is a mistake that would slow every build."""
TOO_DEEP = plain("yaml.too_deep", max=MAX_DEPTH)


@dataclass(frozen=True)
class Position:
    """1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceFile:
    """A parsed YAML file: its data and where each value (by location path) starts."""

    path: str
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc) -> Position:
        """Position of the value at `loc`, or of its nearest existing parent (for missing fields)."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found:
                return found
        return Position(1, 1)

    def strings(self) -> list[tuple[Loc, str]]:
        """Every text value in the file with its location."""

        def walk(value: Any, loc: Loc) -> list[tuple[Loc, str]]:
            if isinstance(value, dict):
                return [s for k, v in value.items() for s in walk(v, loc + (k,))]
            if isinstance(value, list):
                return [s for i, v in enumerate(value) for s in walk(v, loc + (i,))]
            return [(loc, value)] if isinstance(value, str) else []

        return walk(self.data, ())

    def problem(self, loc: Loc, field_name: str, message: str, severity: str = "error") -> Problem:
        """A problem anchored at the value found at `loc`."""
        pos = self.position(loc)
        return Problem(self.path, pos.line, pos.column, field_name, message, severity)  # type: ignore[arg-type]


class YamlSyntaxProblem(Exception):
    """The file is not readable YAML; carries the problems to report."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Refused(Exception):
    """A node the data files do not allow; stops building at once (an alias could expand without bound)."""

    def __init__(self, position: Position, loc: Loc, message: str) -> None:
        self.position = position
        self.field = format_loc(loc)
        self.message = message


ALIAS = (
    plain("yaml.anchors")
)
_SCALAR_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", _TIMESTAMP}
_PLAIN_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


def explicit_tag(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """The `!!type` written before a value, if any: a tag that the value alone would not be given."""
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # PyYAML's own composer writes None for a plain scalar, libyaml's ""
        implied = loader.resolve(yaml.ScalarNode, node.value, (plain, not plain))
    else:
        implied = _PLAIN_TAGS[type(node)]  # type: ignore[index]  # a mapping or a sequence here
    if node.tag == implied:
        return None
    return node.tag.replace("tag:yaml.org,2002:", "!!")


class _Builder:
    """Turns a composed node tree into data, recording positions and duplicate keys."""

    def __init__(self, loader: yaml.SafeLoader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.positions: dict[Loc, Position] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.seen: set[int] = set()
        self.last_key = Position(1, 1)

    def _check_characters(self, text: str, node: yaml.Node, loc: Loc) -> None:
        """Control and invisible characters never reach a page, a feed or JSON: refuse them here."""
        found = hidden_character(text)
        if found is not None:
            pos = _mark(node)
            self.problems.append(
                Problem(self.path, pos.line, pos.column, format_loc(loc), plain("problem.hidden_character", code=code_point(found)))
            )

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if len(loc) > MAX_DEPTH:
            raise _Refused(_mark(node), loc, TOO_DEEP)
        if id(node) in self.seen:
            # Only an alias reaches a node twice: refuse before it is expanded. The alias itself has
            # no position in the node tree: point at the field it stands in.
            raise _Refused(self.last_key, loc, ALIAS)
        self.seen.add(id(node))
        self.positions[loc] = _mark(node)
        tag = explicit_tag(self.loader, node)
        if tag is not None:
            raise _Refused(
                _mark(node),
                loc,
                plain("yaml.tag", tag=tag),
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP:
            return node.value
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            # Python refuses to read an integer of more than 4,300 digits.
            raise _Refused(_mark(node), loc, plain("yaml.number_too_long")) from None
        if isinstance(value, str):
            self._check_characters(value, node, loc)
        if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
            pos = _mark(node)
            self.warnings.append(
                Problem(
                    self.path,
                    pos.line,
                    pos.column,
                    ".".join(str(p) for p in loc),
                    plain("yaml.not_nfc"),
                    "warning",
                )
            )
            value = unicodedata.normalize("NFC", value)
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                pos = _mark(key_node)
                self.problems.append(
                    Problem(self.path, pos.line, pos.column, "", plain("yaml.complex_key"))
                )
                continue
            key = unicodedata.normalize("NFC", str(key_node.value))
            pos = _mark(key_node)
            self.last_key = pos
            self._check_characters(key, key_node, loc)
            if key in result:
                self.problems.append(
                    Problem(
                        self.path,
                        pos.line,
                        pos.column,
                        ".".join(str(p) for p in loc + (key,)),
                        plain("yaml.duplicate_key", key=key, first=first_line[key]),
                    )
                )
                continue
            first_line[key] = pos.line
            result[key] = self.build(value_node, loc + (key,))
            # Point at the line where the field is named, where staff look for it.
            self.positions[loc + (key,)] = pos
        return result


def _syntax_message(exc: yaml.YAMLError, line: list[str] | None = None, column: int = 0) -> str:
    """A Vietnamese explanation of a YAML syntax error (`line`: the offending line, if known)."""
    problem = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}"
    if "mapping values are not allowed" in problem and line and line[0].find(":") + 1 == column:
        # The first colon of the line is the problem: the field name itself is indented wrongly.
        return plain("yaml.indent")
    if "'\\t'" in problem or "tab" in problem:
        return plain("yaml.tab")
    if "mapping values are not allowed" in problem:
        return (
            plain("yaml.colon")
        )
    if "could not find expected ':'" in problem:
        return plain("yaml.missing_colon")
    if "found undefined alias" in problem:
        return plain("yaml.unknown_alias")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return plain("yaml.indent")
    if "found unexpected end of stream" in problem or "unexpected end" in problem:
        return plain("yaml.unclosed_quote")
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return plain("yaml.unclosed_flow")
    if "expected a single document" in problem:
        return plain("yaml.many_documents")
    return plain("yaml.syntax")


def _unclosed_quote(text: str) -> int | None:
    """Line where a double-quoted value opens and is never closed (it may span lines), if any."""
    open_line = None
    for number, line in enumerate(text.splitlines(), start=1):
        odd = line.replace('\\"', "").count('"') % 2 == 1
        if open_line is None:
            value = line.split(": ", 1)[-1].lstrip("- ").strip()
            if value.startswith('"') and odd:
                open_line = number
        elif odd:
            open_line = None
    return open_line


def _failure(display_path: str, line: int, column: int, message: str, field: str = "") -> YamlSyntaxProblem:
    return YamlSyntaxProblem([Problem(display_path, line, column, field, message)])


def load_yaml(path: Path, display_path: str) -> SourceFile:
    """Parse `path`; raise YamlSyntaxProblem if it cannot be read as one YAML mapping."""
    fail = partial(_failure, display_path)

    if path.stat().st_size > MAX_BYTES:
        size = path.stat().st_size / 1_000_000
        raise fail(1, 1, plain("yaml.too_big", size=size, max=MAX_BYTES // 1_000_000))
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise fail(1, 1, plain("yaml.bom"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(line, 1, plain("problem.not_utf8")) from None
    if not text.strip():
        raise fail(1, 1, plain("yaml.empty"))
    return parse_yaml(text, display_path)


_FLOW_START = re.compile(r"(?:^|[:\-?,]\s+|^\s+)$")
"""What may come before a `[` or `{` that opens a flow collection outside one: a line start, `key: `, `- `."""


def _too_deep_flow(text: str) -> int | None:
    """The line where flow collections (`[[[…`) nest deeper than MAX_DEPTH, or None. One linear pass:
    the pure-Python YAML scanner takes time quadratic in that depth (10,000 `[` would take minutes)."""
    depth, quote = 0, ""
    for number, line in enumerate(text.split("\n"), 1):
        for i, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif depth and char in "'\"":
                quote = char
            elif char in "[{" and (depth or _FLOW_START.search(line[:i])):
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif depth and char in "]}":
                depth -= 1
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                break
        quote = "" if quote == "'" else quote
    return None


def parse_yaml(text: str, display_path: str) -> SourceFile:
    """Parse YAML text that must be one mapping; raise YamlSyntaxProblem on any problem."""
    if (line := _too_deep_flow(text)) is not None:
        raise _failure(display_path, line, 1, TOO_DEEP)
    try:
        return _parse(text, display_path, _FAST_LOADER)
    except YamlSyntaxProblem:
        # libyaml words its errors differently: explain them with the pure-Python parser's messages.
        return _parse(text, display_path, yaml.SafeLoader)


# libyaml (bundled with PyYAML's wheels) parses about ten times faster: it matters with thousands of plans.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, display_path: str, loader_class: type[yaml.SafeLoader]) -> SourceFile:
    """Compose and build one YAML mapping with its positions; raise YamlSyntaxProblem on any problem."""
    fail = partial(_failure, display_path)

    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise fail(line, 1, plain("yaml.control_character", character=exc.character)) from None
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            pos = _mark(node) if node is not None else Position(1, 1)
            raise fail(pos.line, pos.column, plain("yaml.not_a_mapping"))
        builder = _Builder(loader, display_path)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        quote_line = _unclosed_quote(text)
        if quote_line is not None:
            raise fail(quote_line, 1, plain("yaml.missing_closing_quote")) from None
        # An unclosed flow list is found where it ends: point at where it opened instead.
        opened = "flow" in (exc.context or "") and exc.context_mark is not None
        mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail(line, column, _syntax_message(exc, text.splitlines()[line - 1 : line], column)) from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, _syntax_message(exc)) from None
    except RecursionError:
        raise fail(1, 1, TOO_DEEP) from None
    except _Refused as exc:
        raise fail(exc.position.line, exc.position.column, exc.message, exc.field) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise YamlSyntaxProblem(builder.problems)
    return SourceFile(display_path, data, builder.positions, builder.warnings)
