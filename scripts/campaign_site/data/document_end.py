"""The words that end a document: the closing paragraph (`Trên đây là …`, a text ending in `./.`) and
`Nơi nhận:`. They are the issuer's words, never a unit's task or an item of a list: the checker refuses
them in a plan's lists (`closing_in_lists`), and the importer uses the same patterns to keep them out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data.model import Plan
from campaign_site.data.unknowns import held

CLOSING_WORDS = "Trên đây"
CLOSING_START = re.compile(rf"^{CLOSING_WORDS}\b")
"""The usual first words of a closing paragraph."""
END_MARK = "./."
"""What ends the body of a document (Decree 30/2020/NĐ-CP)."""
RECIPIENTS_WORDS = "Nơi nhận"
RECIPIENTS_LABEL = re.compile(rf"\b{RECIPIENTS_WORDS}\s*:")


def closing_words(text: str) -> str | None:
    """Why `text` reads as the end of a document rather than an item of a list, or None if it does not."""
    text = text.strip()
    if text.startswith(CLOSING_WORDS) and CLOSING_START.match(text):  # plain tests first: every item of thousands of plans
        return plain("problem.closing_starts")
    if text.endswith(END_MARK):
        return plain("problem.closing_ends", mark=END_MARK)
    if RECIPIENTS_WORDS in text and RECIPIENTS_LABEL.search(text):
        return plain("problem.closing_recipients")
    return None


def _list_items(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """Every item of the plan's lists, where it is in the file."""
    for name in ("context", "purposes", "requirements", "forms"):
        for i, text in enumerate(held(getattr(plan, name))):
            yield (name, i), text
    for i, section in enumerate(held(plan.content)):
        for j, text in enumerate(section.items):
            yield ("content", i, "items", j), text
    for i, unit in enumerate(held(plan.responsibilities)):
        for j, task in enumerate(unit.tasks):
            yield ("responsibilities", i, "tasks", j), task.text


def closing_in_lists(source: SourceFile, plan: Plan) -> list[Problem]:
    """An item of a list that is really the closing or `Nơi nhận` (the page would print it as a duty of the
    unit), and `Nơi nhận` pasted into the closing (it is a part of its own, printed beside the signature)."""
    problems = []
    for loc, text in _list_items(plan):
        if reason := closing_words(text):
            problems.append(source.problem(
                loc, format_loc(loc),
                plain("problem.closing_in_list", reason=reason),
            ))
    one_text = not isinstance(source.data, dict) or not isinstance(source.data.get("closing"), list)
    for i, paragraph in enumerate(plan.closing):
        if RECIPIENTS_LABEL.search(paragraph):
            where: Loc = ("closing",) if one_text else ("closing", i)
            problems.append(source.problem(
                where, format_loc(where),
                plain("problem.recipients_in_closing"),
            ))
    return problems
