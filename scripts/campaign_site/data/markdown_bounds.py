"""Bounds on the Markdown staff write (pages under `docs/`, a year's introduction, activity posts),
checked before anything renders it: Python-Markdown's link parsing costs the square of the number of
`[` in one paragraph (10,000 of them: 18 s), so a paragraph may hold at most `MAX_BRACKETS`, a page at
most `MAX_CHARS` characters, and a quotation at most `MAX_QUOTE_DEPTH` levels of `>`."""

from __future__ import annotations

import re

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem
from campaign_site.data.wording import count_text

MAX_CHARS = 100_000
"""A long post is 10,000 characters; a long page of the guide 40,000."""
MAX_BRACKETS = 100
"""Links and images in one paragraph (each starts with `[`); a table counts line by line."""
MAX_QUOTE_DEPTH = 10
_QUOTE = re.compile(r"^(?:[ \t]*>)+")


def problems(lines: list[str], first: int, display: str) -> list[Problem]:
    """Where the body (`lines[first:]`, numbered from 1 in the file) goes beyond a bound; at most one
    problem a paragraph, and none past the first if the page is too long."""
    body = lines[first:]
    size = sum(len(line) for line in body) + len(body) - 1
    if size > MAX_CHARS:
        return [Problem(display, first + 1, 1, "", plain("problem.page_too_long", size=count_text(size), max=count_text(MAX_CHARS)))]
    found: list[Problem] = []
    start, brackets = 0, 0
    for number, line in enumerate(body, start=first + 1):
        if not line.strip() or line.lstrip().startswith("|"):
            start, brackets = 0, 0
        if not line.strip():
            continue
        start = start or number
        brackets += line.count("[")
        if brackets > MAX_BRACKETS:
            found.append(Problem(display, start, 1, "", plain("problem.too_many_brackets", max=MAX_BRACKETS)))
            brackets = -len(body)  # reported once for this paragraph
        if (quote := _QUOTE.match(line)) and quote[0].count(">") > MAX_QUOTE_DEPTH:
            found.append(Problem(display, number, 1, "", plain("problem.quotes_too_deep", depth=quote[0].count('>'), max=MAX_QUOTE_DEPTH)))
    return found
