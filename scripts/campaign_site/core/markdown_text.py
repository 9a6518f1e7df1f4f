"""Put data text into generated Markdown safely: it always shows as text, never as markup or HTML."""

from __future__ import annotations

import html
import re
from typing import Any

from campaign_site.core.text_safety import visible_text

# Characters that start Markdown, attr_list or table syntax anywhere in a line.
MARKUP_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]#!|"})
_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


class Markdown(str):
    """Markdown produced by our own code (links, tags), inserted as it is."""


def escape(value: Any) -> str:
    """Text from the data as inline Markdown: HTML escaped, markup characters as entities, one line."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    text = html.escape(visible_text(value), quote=False)
    text = text.translate(MARKUP_ENTITIES)
    # A leading "-", "+", "=" or "1." would start a list, rule or heading: write the marker as an entity.
    return _LINE_START.sub(lambda m: f"&#{ord(m[1])};" if m[1] else f"{m[2]}&#{ord(m[3])};", text)
