"""Vietnamese spelling helpers: comparison keys, tone placement, case of names and sentences."""

from __future__ import annotations

import re
import unicodedata

from campaign_site.core.slugs import without_marks

_SPACES = re.compile(r"\s+")
# Old and new tone placement at the end of a syllable ("hoà"/"hòa", "thuỷ"/"thủy"): one key for both.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE = re.compile("(" + "|".join(_TONE_PAIRS) + r")(?![^\W\d_])")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_QUOTES = "“”\"'‘’«»"
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
"""Capital letters, Vietnamese ones included, for a regular expression's character class."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """Runs of white space as one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


def key(text: str) -> str:
    """A comparison key: NFC, one tone placement, dashes unified, case folded, spaces squashed."""
    folded = squash(nfc(text).translate(_DASHES)).casefold()
    return _TONE.sub(lambda m: _TONE_PAIRS[m[1]], folded)


def phrase_key(text: str) -> str:
    """Key of a theme or slogan as printed: quotes, emphasis and the final stop, comma or `!` ignored (a slogan
    printed `… 26/4!` on a banner is the year's `… 26/4`)."""
    text = text.replace("*", "")
    return key(text).strip(_QUOTES + " .,;:!").strip()


def plain(text: str) -> str:
    """Without diacritics (đ as d), folded: for names whose accents are written loosely."""
    return without_marks(key(text))


def is_lower_start(text: str) -> bool:
    first = text.lstrip(_QUOTES + "(*_ ")[:1]
    return bool(first) and first.islower()



def is_caps(text: str) -> bool:
    """Written in capitals (at least two letters, none small): header lines, signature titles."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def capitalize(text: str) -> str:
    """First letter in capitals, the rest as written."""
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1:]
    return text


def title_name(text: str) -> str:
    """A proper name in capitals as written in running text: `BÌNH THÀNH` → `Bình Thành`."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())

