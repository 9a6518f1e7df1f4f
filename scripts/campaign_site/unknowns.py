"""Facts a document does not state, and facts nobody knows yet: two different things, and neither
may become an invented value.

In the YAML, leaving a field out means "the document does not state it"; writing `chưa rõ` means
"the document may state it, but the editor does not know it yet" (a record known only from a
summary, a dispatch whose signer was not published). `Knowable()` marks a field that accepts
`chưa rõ`; its value is then `NOT_KNOWN`.
"""

from __future__ import annotations

import operator
import unicodedata
from functools import reduce
from typing import Any, get_args

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

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

        def validate(value: Any, validate_inner: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if is_not_known_spelling(value) or value is NOT_KNOWN:
                return NOT_KNOWN
            if isinstance(value, str) and value.strip().casefold() in NOT_KNOWN_SLIPS:  # not a place called "không rõ"
                raise ValueError(f"ghi `{value.strip()}`: nếu chưa biết, hãy viết đúng `{NOT_KNOWN_SPELLING}`.")
            return validate_inner(value)

        def serialize(value: Any, serialize_inner: core_schema.SerializerFunctionWrapHandler) -> Any:
            return None if value is NOT_KNOWN else serialize_inner(value)

        return core_schema.no_info_wrap_validator_function(
            validate, inner, serialization=core_schema.wrap_serializer_function_ser_schema(serialize, schema=inner)
        )

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        known = handler(schema)
        return {"anyOf": [known, {"const": NOT_KNOWN_SPELLING, "description": "Chưa có thông tin (văn bản có thể có nhưng chưa biết)"}]}


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
