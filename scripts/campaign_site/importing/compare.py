"""How close a draft is to the plan entered by hand: field by field, as dotted paths.

Both plans are flattened (`issuer.name`, `content[2].items[0]`, `responsibilities[1].tasks[0].text`);
lists are compared by position; a theme, slogan or message is compared by its text when the caller
gives the texts of the ids (so a new phrase's made-up id matches the hand-chosen one), else by id.
Each field of either plan is then one of:

- exact: same value (white space squashed, the first letter's case ignored, dates as dates);
- marked: the draft marks it `CẦN KIỂM TRA` or `CẦN ĐIỀN` (whether or not the value is right);
- missing: in the shipped plan only;
- wrong: different, and not marked;
- invented: in the draft only, and not marked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.placeholders import REVIEW_PREFIX, is_marked
from campaign_site.data.vn_dates import parse_partial_date
from campaign_site.importing.vn import phrase_key, squash

CATEGORIES = ("exact", "marked", "missing", "wrong", "invented")


@dataclass
class Counts:
    exact: int = 0
    marked: int = 0
    missing: int = 0
    wrong: int = 0
    invented: int = 0
    fields: int = 0
    """Fields of the shipped plan."""
    marked_right: int = 0
    """Marked fields whose value, once the marker is removed, is the shipped one."""
    details: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    """(category, path, draft value, shipped value) of every field that is not exact."""

    @property
    def exact_share(self) -> float:
        return self.exact / self.fields if self.fields else 1.0

    def __add__(self, other: Counts) -> Counts:
        summed = {n: getattr(self, n) + getattr(other, n) for n in (*CATEGORIES, "fields", "marked_right")}
        return Counts(**summed, details=self.details + other.details)


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


def flatten(plan: Mapping[str, Any], phrase_texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The plan's fields as dotted paths, in the shape staff may write either way normalised
    (a content item or a task written as plain text)."""
    texts = phrase_texts or {}
    out: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        if value is None or value == [] or value == {}:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}" if path else str(k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]")
        else:
            out[path] = value

    for name, value in plan.items():
        if name in PHRASE_LISTS.values() and isinstance(value, list):
            for i, phrase_id in enumerate(value):
                raw = str(phrase_id)
                bare = raw.removeprefix(REVIEW_PREFIX)
                shown = f"«{phrase_key(texts[bare])}»" if bare in texts else bare
                out[f"{name}[{i}]"] = REVIEW_PREFIX + shown if raw != bare else shown
        elif name == "content" and isinstance(value, list):
            walk([{"items": [v]} if isinstance(v, str) else v for v in value], name)
        elif name == "responsibilities" and isinstance(value, list):
            walk([{**r, "tasks": [{"text": t} if isinstance(t, str) else t for t in r.get("tasks", [])]}
                  if isinstance(r, dict) else r for r in value], name)
        else:
            walk(value, name)
    return out


def compare(draft_plan: Mapping[str, Any], shipped_plan: Mapping[str, Any],
            phrase_texts: Mapping[str, str] | None = None) -> Counts:
    """Counts of each category over the fields of both plans. `phrase_texts` maps phrase ids (the
    year's and the draft's new ones) to their text."""
    draft = flatten(draft_plan, phrase_texts)
    shipped = flatten(shipped_plan, phrase_texts)
    counts = Counts(fields=len(shipped))
    for path in [*shipped, *(p for p in draft if p not in shipped)]:
        mine, theirs = draft.get(path), shipped.get(path)
        if mine is None:
            category = "missing"
        elif is_marked(mine):
            category = "marked"
            if theirs is not None and _norm(str(mine).removeprefix(REVIEW_PREFIX)) == _norm(theirs):
                counts.marked_right += 1
        elif theirs is None:
            category = "invented"
        else:
            category = "exact" if _norm(mine) == _norm(theirs) else "wrong"
        setattr(counts, category, getattr(counts, category) + 1)
        if category != "exact":
            counts.details.append((category, path, mine, theirs))
    return counts
