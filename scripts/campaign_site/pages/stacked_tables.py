"""Tables that read on a phone: every data cell carries its column's heading (`data-label`), so the
stylesheet can show each row as a block of labelled fields on a narrow screen (the GOV.UK "summary
list" pattern) instead of a table the reader scrolls sideways.

Applied to the HTML of every page's content; a labelled table is marked `data-stack`. Tables of
two columns and tables with a class (the month grids of the calendar) keep their layout; a cell that
already has a `data-label` keeps it.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.DOTALL)
_HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b(?![^>]*\bdata-label=)")
_TAG = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3
"""A two-column table (a label and its value, a province and its count) reads well on a phone as it is."""


def _label(heading_html: str) -> str:
    """A heading's text, for an attribute: tags removed, entities kept as text."""
    text = html.unescape(_TAG.sub("", heading_html)).strip()
    return html.escape(" ".join(text.split()), quote=True)


def _labelled(match: re.Match[str]) -> str:
    attrs, body = match["attrs"], match["body"]
    if "class=" in attrs:
        return match[0]
    head, _, rows = body.partition("</thead>")
    labels = [_label(cell) for cell in _HEADING.findall(head)]
    if len(labels) < MIN_COLUMNS or not rows:
        return match[0]

    def row(row_match: re.Match[str]) -> str:
        cells = iter(labels)
        return _CELL.sub(lambda cell: f'{cell[0]} data-label="{next(cells, "")}"', row_match[0])

    return f"<table{attrs} data-stack>{head}</thead>{_ROW.sub(row, rows)}</table>"


def label_cells(page_html: str) -> str:
    """`page_html` with each data cell of each plain table labelled with its column's heading."""
    return _TABLE.sub(_labelled, page_html)
