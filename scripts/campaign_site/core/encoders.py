"""One escaping function per output format. Every text value from the data that reaches a calendar
feed, a JSON file, a script block, an HTML attribute or an SVG file passes through one of these.

Each first makes the value `visible_text` (no control or invisible character, one line where the
format needs one), then escapes what the format itself gives meaning to. The Markdown pages use
`markdown_text.escape`, which does the same for Markdown.
"""

from __future__ import annotations

import html
import json
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from campaign_site.core.markdown_text import MARKUP_ENTITIES
from campaign_site.core.text_safety import visible_text

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def ics_text(value: object, multiline: bool = False) -> str:
    """A TEXT value for a calendar property. icalendar escapes `,`, `;`, `\\` and line breaks; this
    makes sure the only line break left is a plain `\\n`, never a lone CR that starts a new property."""
    return visible_text(value, multiline)


def html_attribute(value: object) -> str:
    """A value for an HTML attribute in double quotes. Our attributes are written into generated Markdown,
    which reads links, images and attribute lists even inside a tag: its characters are entities too."""
    return html.escape(visible_text(value), quote=True).translate(MARKUP_ENTITIES)


def svg_text(value: object) -> str:
    """Character data inside an SVG (XML) element."""
    return xml_escape(visible_text(value))


def _visible(value: Any) -> Any:
    if isinstance(value, str):
        return visible_text(value, multiline=True)
    if isinstance(value, dict):
        return {key: _visible(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_visible(item) for item in value]
    return value


def json_text(payload: Any, indent: int | None = None, in_script: bool = False) -> str:
    """JSON as UTF-8 text with no hidden character in any string. `in_script`: for a
    `<script type="application/…json">` block in a page, where `<`, `>`, `&` and the line separators
    are written as `\\u` escapes, so no value can close the block or be read as markup."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(_visible(payload), ensure_ascii=False, indent=indent, separators=separators)
    return text.translate(_SCRIPT_SAFE) if in_script else text
