"""Facts a document does not state, and facts nobody knows yet: two different things, and neither
may become an invented value.

In the YAML, leaving a field out means "the document does not state it"; writing `chưa rõ` means
"the document may state it, but the editor does not know it yet" (a record known only from a
summary, a dispatch whose signer was not published). `Knowable()` marks a field that accepts
`chưa rõ`; its value is then `NOT_KNOWN`.
"""

from __future__ import annotations

import operator
import types
import unicodedata
from collections.abc import Sequence
from functools import reduce
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.yaml_source import SourceFile

NOT_KNOWN_SPELLING = "chưa rõ"
"""What staff write for a fact not known yet."""
NOT_KNOWN_SLIPS = frozenset({"chua ro", "khong ro", "không rõ", "chưa biết", "chua biet", "không biết", "khong biet", "?", "chưa có"})
"""What staff may write instead of `chưa rõ`: refused with a pointer to the spelling, never taken as a value."""


class NotKnown:
    """The one value of a field whose fact is not known yet (`NOT_KNOWN`)."""

    _instance: NotKnown | None = None

    def __new__(cls) -> NotKnown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_KNOWN"

    def __bool__(self) -> bool:
        return False


NOT_KNOWN = NotKnown()

T = TypeVar("T")


def held(items: list[T] | NotKnown) -> list[T]:
    """The items a list field holds: none when the document does not state them or they are not known."""
    return items if isinstance(items, list) else []


def is_not_known_spelling(value: object) -> bool:
    """`chưa rõ`, in any case and Unicode form, with or without surrounding spaces."""
    return isinstance(value, str) and unicodedata.normalize("NFC", value).strip().casefold() == NOT_KNOWN_SPELLING


class Knowable:
    """Pydantic marker: `Annotated[X | NotKnown | None, Knowable()]` validates X as usual, and `chưa rõ` as
    `NOT_KNOWN`. Errors are X's alone (no union noise), and JSON output writes `NOT_KNOWN` as null:
    open data lists such fields by name instead (see `not_known_fields`)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        members = tuple(a for a in get_args(source) if a is not NotKnown)
        inner = handler.generate_schema(reduce(operator.or_, members))

        listed = any(get_origin(member) is list for member in members)

        def validate(value: Any, validate_inner: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if is_not_known_spelling(value) or value is NOT_KNOWN:
                return NOT_KNOWN
            if listed and isinstance(value, list) and len(value) == 1 and is_not_known_spelling(value[0]):
                return NOT_KNOWN  # a list of one item, `chưa rõ`: how a form's list writes it
            if is_not_known_slip(value):  # not a place called "không rõ"
                raise ValueError(plain("problem.not_known_slip", value=value.strip(), unknown=NOT_KNOWN_SPELLING))
            return validate_inner(value)

        def serialize(value: Any, serialize_inner: core_schema.SerializerFunctionWrapHandler) -> Any:
            return None if value is NOT_KNOWN else serialize_inner(value)

        return core_schema.no_info_wrap_validator_function(
            validate, inner, serialization=core_schema.wrap_serializer_function_ser_schema(serialize, schema=inner)
        )

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        known = handler(schema)
        return {"anyOf": [known, {"const": NOT_KNOWN_SPELLING, "description": plain("model.not_known")}]}


def is_not_known_slip(value: object) -> bool:
    """`chưa rõ` or one of the ways staff misspell it (`chua ro`, `?`, `không rõ`...), as a whole value."""
    return isinstance(value, str) and (
        is_not_known_spelling(value) or unicodedata.normalize("NFC", value).strip().casefold() in NOT_KNOWN_SLIPS
    )


def _members(annotation: Any) -> list[tuple[Any, list[Any]]]:
    """The types a field's annotation allows, each with the metadata (`Knowable()`...) it carries."""
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        return [(t, metadata + more) for t, more in _members(inner)]
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    return [(annotation, [])]


def knowable_ancestor(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[bool, tuple[str | int, ...] | None]:
    """Whether the value at `loc` in data for `model` may be `chưa rõ`, and, when it may not, the nearest
    field above it that may (where staff can write `chưa rõ` instead), or None."""
    options: list[Any] = [model]
    nearest: tuple[str | int, ...] | None = None
    for depth, key in enumerate(loc):
        found: list[Any] = []
        knowable = False
        for option in options:
            if isinstance(key, int) and get_origin(option) is list:
                found += [t for t, _ in _members(get_args(option)[0])]
            elif isinstance(key, str) and isinstance(option, type) and issubclass(option, BaseModel):
                field = next((f for n, f in option.model_fields.items() if key in (n, f.alias)), None)
                if field is not None:
                    members = [(t, [*field.metadata, *meta]) for t, meta in _members(field.annotation)]
                    knowable = knowable or any(isinstance(m, Knowable) for _, meta in members for m in meta)
                    found += [t for t, _ in members]
        if knowable:
            if depth == len(loc) - 1:
                return True, None
            nearest = tuple(loc[: depth + 1])
        options = found
    return False, nearest


def absent_fields(record: BaseModel, prefix: str = "") -> tuple[list[str], list[str]]:
    """Names of the record's `Knowable` fields (nested ones dotted: `document.date`) that the document
    does not state (empty), and those not known yet (`NOT_KNOWN`), as open data lists them."""
    not_stated: list[str] = []
    not_known: list[str] = []
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        key = prefix + (info.alias or name)
        knowable = any(isinstance(m, Knowable) for m in info.metadata)
        if knowable and value is NOT_KNOWN:
            not_known.append(key)
        elif knowable and (value is None or value == []):
            not_stated.append(key)
        elif isinstance(value, BaseModel):  # a record inside, known or not (`signer.name`)
            inner_stated, inner_known = absent_fields(value, key + ".")
            not_stated += inner_stated
            not_known += inner_known
    return not_stated, not_known


def misplaced(source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """`chưa rõ` (or a slip of it) written where `model` does not accept it: an error naming where it may
    go instead, never a value a page would print ("chưa rõ của chưa rõ")."""
    return [
        source.problem(loc, format_loc(loc), sentences(plain("problem.not_accepted", value=text.strip()),
                                                       honest_choices(model, loc) or plain("problem.delete_if_optional")))
        for loc, text in source.strings()
        # where the field takes `chưa rõ`, its own validator reads it and refuses its slips
        if is_not_known_slip(text) and not knowable_ancestor(model, loc)[0]
    ]


def honest_choices(model: type[BaseModel] | None, loc: Sequence[str | int]) -> str:
    """What staff may write instead of a value the document lacks, where the field allows it: leave the
    line (or the whole part) out when the document does not state it; `chưa rõ` when it is not known yet."""
    if model is None:
        return ""
    allowed, nearest = knowable_ancestor(model, loc)
    if allowed:
        return plain("problem.choices_line", unknown=NOT_KNOWN_SPELLING)
    if nearest:
        return plain("problem.choices_part", part=format_loc(nearest), key=nearest[-1], unknown=NOT_KNOWN_SPELLING)
    return ""
