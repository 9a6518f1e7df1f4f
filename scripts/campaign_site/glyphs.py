"""Which characters a font can draw: what the data checks need of the banner font, without the font.

`banner_font.banner_coverage()` reads it from the shipped font; the checks take it as an argument,
so they run (and are tested) without fontTools.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GlyphCoverage:
    """The code points a font has, and the font's name as messages give it."""

    label: str
    code_points: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """Characters of `text` the font cannot draw, each once, in order (spaces only separate words)."""
        return list(dict.fromkeys(c for c in text if ord(c) not in self.code_points and not c.isspace()))
