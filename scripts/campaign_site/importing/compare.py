"""How close a draft is to the plan entered by hand: field by field, as dotted paths.

Both plans are brought to one shape (`normal`) and their fields paired as dotted paths (`issuer.name`,
`content.items[2]`, `responsibilities[1].tasks[0].text`). Lists are aligned by content, not position
(one item missed does not make every later one wrong): equal elements pair up whatever their order (a
record by its unit, date, heading or text), then the others in the order they come; an element of the
draft paired with none is `[+i]`. Content is compared as its items, and its headings only when the expected plan has
sections. The phrases and the cited documents are sets: a theme, slogan or message keyed by its text
(`themes[«…»]`; ids are turned into texts when the caller gives them, so a new phrase's made-up id
matches the hand-chosen one), a document of `legal_basis` or `references` by its number/symbol
(`legal_basis[57-nq/tw]`), then its `type`, `issuer` and `date` as sub-fields (ids are turned into these
fields when the caller gives the documents, the registry's and the draft's new ones; an expected plan may
also write them out as `{type, number_symbol, issuer, date}`). A text on one side and a list on the other
(signature lines, closing paragraphs) are compared line by line.

A value is marked when it carries `CẦN KIỂM TRA` or `CẦN ĐIỀN` (a cited document's id marked for review
marks each of its sub-fields). Each field of either plan is then exactly one of:

- exact: in both, the draft's value unmarked and the same (white space squashed, the first letter's case
  ignored, dates as dates);
- marked_right: marked, and right once the `CẦN KIỂM TRA` prefix is removed; or a `CẦN ĐIỀN` placeholder
  where the expected plan has no value (the draft flags a gap the document really has);
- marked_wrong: marked, in both, and not right (`CẦN KIỂM TRA` with another value, or `CẦN ĐIỀN` where
  the expected plan has a value);
- wrong_unmarked: in both, unmarked, and different;
- invented_marked: `CẦN KIỂM TRA` in the draft only;
- invented_unmarked: unmarked in the draft only;
- missing: in the expected plan only;
- refused: a field of the expected plan of a document the importer did not import at all (it was not
  read as a dispatch, or reading it failed): `refused()` counts them all.

`issuer.short_name` is a display name the importer derives from the full name by the abbreviation table
(`Sở KH&CN Tuyên Quang`), not a fact the document states: it is scored only when the expected plan gives one. The issuer's parent body and the signature's lines, printed in capitals,
are compared whatever the letters' case (`UBND TỈNH VĨNH PHÚC` = `UBND tỉnh Vĩnh Phúc`).

Exact share = exact / fields of the expected plan. The targets are about the unmarked categories: a
marked value is checked by staff before anything is published, an unmarked one is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.placeholders import MARKER, REVIEW_PREFIX, is_marked
from campaign_site.data.vn_dates import parse_partial_date
from campaign_site.importing.vn import phrase_key, squash

CATEGORIES = ("exact", "marked_right", "marked_wrong", "wrong_unmarked", "invented_unmarked", "invented_marked",
              "missing", "refused")
CITED = ("legal_basis", "references")
"""The lists of cited documents, compared as sets by number/symbol."""
CITED_FIELDS = ("type", "issuer", "date")
"""A cited document's sub-fields compared besides its number/symbol."""

Row = tuple[str, str, Any, Any]
"""(category, path, draft value, expected value) of one field."""


@dataclass
class Counts:
    """How many fields fell in each category, over one comparison or the sum of several."""

    exact: int = 0
    marked_right: int = 0
    marked_wrong: int = 0
    wrong_unmarked: int = 0
    invented_unmarked: int = 0
    invented_marked: int = 0
    missing: int = 0
    refused: int = 0
    fields: int = 0
    """Fields of the expected plan."""
    rows: list[Row] = field(default_factory=list)
    """Every field compared, exact ones included."""

    @property
    def exact_share(self) -> float:
        return self.exact / self.fields if self.fields else 1.0

    @property
    def details(self) -> list[Row]:
        """The fields that are not exact."""
        return [row for row in self.rows if row[0] != "exact"]

    @property
    def marked(self) -> int:
        return self.marked_right + self.marked_wrong + self.invented_marked

    @property
    def wrong(self) -> int:
        """Wrong and unmarked: what staff could publish without noticing."""
        return self.wrong_unmarked

    @property
    def invented(self) -> int:
        """Invented and unmarked."""
        return self.invented_unmarked

    def add(self, category: str, path: str, mine: Any, theirs: Any) -> None:
        setattr(self, category, getattr(self, category) + 1)
        self.rows.append((category, path, mine, theirs))

    def __add__(self, other: Counts) -> Counts:
        summed = {n: getattr(self, n) + getattr(other, n) for n in (*CATEGORIES, "fields")}
        return Counts(**summed, rows=self.rows + other.rows)

    def by_kind(self) -> dict[str, Counts]:
        """The counts per kind of field: the plan's top-level name (`issuer`, `window`, `themes`, …)."""
        kinds: dict[str, Counts] = {}
        for category, path, mine, theirs in self.rows:
            counts = kinds.setdefault(kind_of(path), Counts())
            counts.add(category, path, mine, theirs)
            counts.fields += theirs is not None
        return kinds


def kind_of(path: str) -> str:
    """`issuer` of `issuer.name`, `legal_basis` of `legal_basis[57-NQ/TW].date`."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _date_key(value: str) -> str | None:
    try:
        return parse_partial_date(value.strip()).iso()
    except ValueError:
        return None


def _norm(value: Any) -> str:
    text = squash(str(value))
    if (as_date := _date_key(text)) is not None:
        return as_date
    return text[:1].casefold() + text[1:]


def _symbol_key(value: Any) -> str:
    return re.sub(r"\s+", "", str(value)).casefold()


def _marked_as(raw: str, value: Any) -> Any:
    """`value` carrying the review marker of `raw` (an id written `CẦN KIỂM TRA: …`)."""
    if raw.startswith(REVIEW_PREFIX) and isinstance(value, str) and not is_marked(value):
        return REVIEW_PREFIX + value
    return value


def _cited(value: Any, documents: Mapping[str, Mapping[str, Any]]) -> tuple[str, dict[str, Any]]:
    """A cited document (an id, marked or not, or written out) as (`[number/symbol]`, its fields)."""
    if isinstance(value, Mapping):
        raw, entry = "", value
    else:
        raw = str(value)
        bare = raw.removeprefix(REVIEW_PREFIX)
        entry = documents.get(bare, {"number_symbol": bare})
    # A document cited without a number (a law by its name) is known by what the citation gives.
    symbol = str(entry.get("number_symbol") or " ".join(str(entry.get(k) or "") for k in ("type", "title", "issuer", "date")))
    fields = {"": _marked_as(raw, symbol)}
    fields.update({sub: _marked_as(raw, entry[sub]) for sub in CITED_FIELDS if entry.get(sub) not in (None, "")})
    return f"[{_symbol_key(symbol.removeprefix(REVIEW_PREFIX))}]", fields


def normal(plan: Mapping[str, Any], phrase_texts: Mapping[str, str] | None = None,
           documents: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The plan in one shape whichever way staff wrote it: phrases and cited documents keyed by their text
    and number/symbol (`[«…»]`, `[57-nq/tw]`), content as its items (and its headings, when it has
    sections), each task as `{text, …}`."""
    texts = phrase_texts or {}
    out: dict[str, Any] = {}
    for name, value in plan.items():
        if name in PHRASE_LISTS.values() and isinstance(value, list):
            out[name] = {f"[«{phrase_key(texts.get(str(p).removeprefix(REVIEW_PREFIX), str(p).removeprefix(REVIEW_PREFIX)))}»]": str(p)
                         for p in value}
        elif name in CITED and isinstance(value, list):
            out[name] = dict(_cited(cited, documents or {}) for cited in value)
        elif name == "content" and isinstance(value, list):
            sections = [v for v in value if isinstance(v, Mapping)]
            out[name] = {"items": [item for v in value for item in ([v] if isinstance(v, str) else v.get("items") or [])],
                         "headings": [v["heading"] for v in sections if v.get("heading")]}
        elif name == "responsibilities" and isinstance(value, list):
            out[name] = [{**r, "tasks": [{"text": t} if isinstance(t, str) else t for t in r.get("tasks") or []]}
                         if isinstance(r, Mapping) else r for r in value]
        else:
            out[name] = value
    return out


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if value is None or value == [] or value == {} or value == "":
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            yield from _leaves(v, _child(path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def _child(path: str, key: str) -> str:
    if not key:
        return path
    return f"{path}{key}" if key.startswith("[") or not path else f"{path}.{key}"


def flatten(plan: Mapping[str, Any], phrase_texts: Mapping[str, str] | None = None,
            documents: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The plan's fields as dotted paths (`issuer.name`, `content.items[2]`, `legal_basis[57-nq/tw].date`)."""
    return dict(_leaves(normal(plan, phrase_texts, documents), ""))


_IDENTITY = ("unit", "date", "heading", "text", "name")
"""The field that tells the elements of a list of records apart when they are aligned."""


def _key(value: Any) -> str:
    text = str(value).removeprefix(REVIEW_PREFIX)
    return "" if MARKER in text else _norm(text).rstrip(" ;.,:")


def _whole_key(value: Any) -> str:
    """Every field of an element, for pairing equal elements first."""
    return "|".join(f"{path}={_key(v)}" for path, v in _leaves(value, "")) if isinstance(value, (Mapping, list)) else _key(value)


def _identity_key(value: Any) -> str:
    """The field that tells a record apart (its unit, date, heading, text or name), or a text itself."""
    return _key(next((value[k] for k in _IDENTITY if value.get(k)), "")) if isinstance(value, Mapping) else _key(value)


def _aligned(mine: list, theirs: list) -> Iterator[tuple[int | None, int | None]]:
    """Pairs of (draft index, expected index): equal elements paired whatever their order, then records
    with the same unit, date, heading or text, then the others in the order they come; the rest alone."""
    paired: dict[int, int] = {}
    for key_of in (_whole_key, _identity_key):
        by_key: dict[str, list[int]] = {}
        for i, value in enumerate(mine):
            if i not in paired.values() and (key := key_of(value)):
                by_key.setdefault(key, []).append(i)
        for j, value in enumerate(theirs):
            if j not in paired and (key := key_of(value)) and by_key.get(key):
                paired[j] = by_key[key].pop(0)
    rest_mine = iter(i for i in range(len(mine)) if i not in paired.values())
    for j in range(len(theirs)):
        yield (paired[j] if j in paired else next(rest_mine, None)), j
    for i in rest_mine:
        yield i, None


def _pairs(mine: Any, theirs: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    """(path, draft value, expected value) of every field of either, lists aligned by content."""
    if {type(mine), type(theirs)} == {list, str}:
        # One side writes as a list (signature lines, closing paragraphs) what the other writes as one text.
        mine, theirs = (v if isinstance(v, list) else [line for line in v.split("\n") if line.strip()] for v in (mine, theirs))
    if isinstance(mine, Mapping) and isinstance(theirs, Mapping):
        for key in [*theirs, *(k for k in mine if k not in theirs)]:
            yield from _pairs(mine.get(key), theirs.get(key), _child(path, str(key)))
    elif isinstance(mine, list) and isinstance(theirs, list):
        for i, j in _aligned(mine, theirs):
            yield from _pairs(mine[i] if i is not None else None, theirs[j] if j is not None else None,
                              f"{path}[{j}]" if j is not None else f"{path}[+{i}]")
    elif isinstance(mine, (Mapping, list)) or isinstance(theirs, (Mapping, list)):  # shapes that do not meet
        yield from ((p, None, v) for p, v in _leaves(theirs, path))
        yield from ((p if p not in dict(_leaves(theirs, path)) else f"{p}+", v, None) for p, v in _leaves(mine, path))
    elif mine not in (None, "") or theirs not in (None, ""):
        yield path, (None if mine == "" else mine), (None if theirs == "" else theirs)


def written_out(plan: Mapping[str, Any], phrase_texts: Mapping[str, str],
                documents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The plan with its phrases as their texts and its cited documents as their fields, as the corpus's
    expected plans write them (so a draft's own ids, which may reuse a registry id, never resolve it)."""
    out = dict(plan)
    for name in PHRASE_LISTS.values():
        if isinstance(plan.get(name), list):
            out[name] = [phrase_texts.get(str(p), p) for p in plan[name]]
    for name in CITED:
        if isinstance(plan.get(name), list):
            out[name] = [documents.get(str(d), d) if not isinstance(d, Mapping) else d for d in plan[name]]
    return out


_DERIVED = "issuer.short_name"
"""The field the importer derives rather than reads (see the module's docstring)."""


_CAPITALS = ("issuer.parent", "signer.")
"""Lines a header or a signature prints in capitals, which staff may enter in either case."""


def _same(mine: Any, theirs: Any, path: str) -> bool:
    if kind_of(path) in PHRASE_LISTS.values():
        return True  # a phrase's path is its text
    if path.startswith(_CAPITALS):
        return _norm(mine).casefold() == _norm(theirs).casefold()
    return _norm(mine) == _norm(theirs)


def compare(draft_plan: Mapping[str, Any], expected_plan: Mapping[str, Any],
            phrase_texts: Mapping[str, str] | None = None,
            documents: Mapping[str, Mapping[str, Any]] | None = None) -> Counts:
    """Counts of each category over the fields of both plans. `phrase_texts` maps phrase ids (the
    year's and the draft's new ones) to their text; `documents` maps cited documents' ids (the
    registry's and the draft's new ones) to their fields."""
    draft, expected = normal(draft_plan, phrase_texts, documents), normal(expected_plan, phrase_texts, documents)
    if isinstance(draft.get("content"), dict) and not (expected.get("content") or {}).get("headings"):
        draft["content"]["headings"] = []  # headings are layout when the expected plan lists only items
    counts = Counts()
    for path, mine, theirs in _pairs(draft, expected, ""):
        if path == _DERIVED and theirs is None:
            continue
        counts.fields += theirs is not None
        if mine is None:
            category = "missing"
        elif is_marked(mine):
            to_fill = str(mine).startswith(MARKER)
            if theirs is None:
                category = "marked_right" if to_fill else "invented_marked"
            else:
                right = not to_fill and _same(str(mine).removeprefix(REVIEW_PREFIX), theirs, path)
                category = "marked_right" if right else "marked_wrong"
        elif theirs is None:
            category = "invented_unmarked"
        else:
            category = "exact" if _same(mine, theirs, path) else "wrong_unmarked"
        counts.add(category, path, mine, theirs)
    return counts


def refused(expected_plan: Mapping[str, Any], why: str, phrase_texts: Mapping[str, str] | None = None,
            documents: Mapping[str, Mapping[str, Any]] | None = None) -> Counts:
    """Every field of the expected plan counted as refused (`why` standing as the draft's value): the
    document was not imported."""
    expected = flatten(expected_plan, phrase_texts, documents)
    counts = Counts(fields=len(expected))
    for path, theirs in expected.items():
        counts.add("refused", path, why, theirs)
    return counts
