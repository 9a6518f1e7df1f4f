"""Checks of ids within and between data files: each declared once, each reference known (with a
suggestion for a slip). Used by the cross-file rules and the checks of staff posts alike."""

from __future__ import annotations

from collections.abc import Iterable

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data.validation_messages import suggest


def unique_ids(source: SourceFile, items: Iterable[tuple[Loc, str]], what: str) -> list[Problem]:
    """Each id may be declared once; later declarations are errors pointing at the first."""
    first: dict[str, Loc] = {}
    problems = []
    for loc, item_id in items:
        if item_id in first:
            line = source.position(first[item_id]).line
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.duplicate_id", id=item_id, what=what, line=line),
                )
            )
        else:
            first[item_id] = loc
    return problems


def known_ids(source: SourceFile, refs: Iterable[tuple[Loc, str]], known: Iterable[str], what: str, where: str) -> list[Problem]:
    """Every referenced id must exist; suggest the closest one."""
    known = list(known)
    problems = []
    for loc, ref in refs:
        if ref in known:
            continue
        close = suggest(ref, known)
        hint = plain("problem.did_you_mean", word=close) + " " if close else ""
        problems.append(
            source.problem(
                loc,
                format_loc(loc),
                plain("check.unknown_id", what=what, id=ref, hint=hint, where=where),
            )
        )
    return problems


def indexed(field_name: str, values: list[str]) -> list[tuple[Loc, str]]:
    return [((field_name, i), v) for i, v in enumerate(values)]
