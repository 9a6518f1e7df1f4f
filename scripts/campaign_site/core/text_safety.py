"""Characters that must never reach a reader: control codes, invisible formatting, line separators.

The loader refuses them in data (`hidden_character`); every output encoder removes them again
(`visible_text`), so a value that reached a renderer some other way still cannot inject a line into
a calendar feed or hide text on a page.
"""

from __future__ import annotations

import re
import unicodedata

ALLOWED_CONTROLS = frozenset("\n\t")
"""A line break or tab inside a paragraph is ordinary text; every other control code is not."""
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Controls, invisible formatting (zero-width, direction overrides), surrogates, private use,
unassigned code points, and the Unicode line and paragraph separators."""
_SPACES = re.compile(r"\s+")


def is_hidden(char: str) -> bool:
    """True for a character a reader cannot see or that changes how text around it is read."""
    return char not in ALLOWED_CONTROLS and unicodedata.category(char) in _HIDDEN_CATEGORIES


def _all_shown(text: str) -> bool:
    """True when `text` surely holds no hidden character: Python's "printable" excludes every category
    `is_hidden` refuses (and a few more, such as no-break spaces, which the slow path then reads)."""
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def hidden_character(text: str) -> str | None:
    """The first hidden character in `text`, if any."""
    if _all_shown(text):
        return None
    return next((char for char in text if is_hidden(char)), None)


def code_point(char: str) -> str:
    """How a character is named to staff: `U+001B`."""
    return f"U+{ord(char):04X}"


def visible_text(value: object, multiline: bool = False) -> str:
    """`value` as text a reader sees: NFC, hidden characters removed, and on one line unless `multiline`
    (then every line break is a plain `\\n`)."""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    if not _all_shown(text):
        text = "".join(char for char in text if not is_hidden(char))
    if multiline:
        return text
    return _SPACES.sub(" ", text)


def shown(text: str) -> str:
    """`text` for a message printed to a terminal: hidden characters and line breaks written as codes."""
    return "".join(f"\\u{ord(c):04x}" if is_hidden(c) or c in ALLOWED_CONTROLS else c for c in text)
