"""Turn pydantic validation errors into Vietnamese messages that say what to fix."""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING, Knowable


def describe(value: Any) -> str:
    """How a found value is named in a message."""
    if value is None:
        return plain("problem.found_empty")
    if isinstance(value, bool):
        return plain("problem.found_bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return plain("problem.found_number", value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"`{shown}`"
    if isinstance(value, list):
        return plain("problem.found_list")
    if isinstance(value, dict):
        return plain("problem.found_mapping")
    return f"`{value}`"


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest choice to a misspelt word, if any is close."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: list[str]) -> str:
    """`Có phải bạn muốn viết `x`?` for the closest choice to a misspelt word; empty when none is close."""
    close = suggest(word, choices)
    return plain("problem.did_you_mean", word=close) if close else ""


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional and list to reach the model class an item has."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            models = [a for a in get_args(annotation) if a is not type(None)]
            annotation = models[0]
        elif origin is list:
            annotation = get_args(annotation)[0]
        else:
            return annotation


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the object found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The description of the field at `loc` (by its name or its YAML alias), if `loc` ends at a field."""
    parent = model_at(model, loc[:-1]) if loc and isinstance(loc[-1], str) else None
    if parent is None:
        return None
    return next((info for name, info in parent.model_fields.items() if loc[-1] in (name, info.alias)), None)


def _shape(model: type[BaseModel] | None) -> str:
    """`gồm `start:` (Ngày bắt đầu) và `end:` (Ngày kết thúc)`: the keys a mapping needs."""
    if model is None:
        return ""
    required = [(info.alias or name, info.description) for name, info in model.model_fields.items() if info.is_required()]
    keys = [f"`{key}:` ({re.split(r'[;,(]', text or '')[0].strip()})" for key, text in required]
    if len(keys) > 1:
        return plain("problem.shape_many", keys=", ".join(keys[:-1]), last=keys[-1])
    return plain("problem.shape_one", key=keys[0]) if keys else ""


def _message(error: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    text = _plain_message(error, model, loc)
    info = _field(model, loc)
    if (info is not None and any(isinstance(m, Knowable) for m in info.metadata) and isinstance(error.get("input"), str)
            and error["type"] != "value_error"):
        return sentences(text, plain("problem.knowable_hint", unknown=NOT_KNOWN_SPELLING))
    return text


def _plain_message(error: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    found = describe(error.get("input"))
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        parent = model_at(model, loc[:-1])
        info = parent.model_fields[name].description if parent and name in parent.model_fields else None
        return plain("problem.missing_described", name=name, info=info) if info else plain("problem.missing", name=name)
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        return sentences(plain("problem.unknown_field", name=name), did_you_mean(name, allowed),
                         plain("problem.allowed_fields", fields=", ".join(allowed)))
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "string_type" and error.get("input") is None:
        return plain("problem.no_content")
    if kind == "string_type":
        return plain("problem.text_needed", found=found)
    if kind == "string_too_short":
        field_info = _field(model, loc)
        if field_info is not None and field_info.is_required():  # deleting the line would only make it missing
            return plain("problem.empty_required")
        return plain("problem.empty")
    if kind in ("string_too_long", "too_long") and isinstance(error.get("input"), str):
        length = len(error["input"])
        return plain("problem.too_long", length=length, max=ctx.get("max_length"))
    if kind == "too_short":
        return plain("problem.list_too_short", min=ctx.get("min_length", 1))
    if kind == "list_type":
        return plain("problem.list_needed", found=found)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        shape = _shape(model_at(model, loc))
        return plain("problem.mapping_needed", shape=f" {shape}" if shape else "", found=found)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return plain("problem.integer_needed", found=found)
    if kind in ("greater_than_equal", "greater_than"):
        return plain("problem.too_small", found=found, min=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return plain("problem.too_large", found=found, max=ctx.get("le", ctx.get("lt")))
    if kind == "literal_error":
        choice = _field(model, loc)
        meaning = f"{choice.description}." if choice is not None and choice.description else ""  # what each value means
        either = plain("problem.or")
        choices = str(ctx.get("expected", "")).replace(" or ", f" {either} ")
        return sentences(plain("problem.not_a_choice", found=found, choices=choices), meaning)
    if kind.startswith("bool"):
        return plain("problem.bool_needed", found=found)
    return plain("problem.invalid", found=found)


def problems_from(exc: ValidationError, source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """One Vietnamese problem per pydantic error, placed at the line of the offending value."""
    problems = []
    for error in exc.errors():
        # Drop the names pydantic adds for validators wrapped around a field ("function-after[...]").
        loc = tuple(p for p in error["loc"] if isinstance(p, int) or not str(p).startswith("function-"))
        problems.append(source.problem(loc, format_loc(loc), _message(error, model, loc)))
    return problems
