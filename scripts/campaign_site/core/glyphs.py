"""Which characters a font can draw: what the data checks need of the banner font.

The banner font ships in `fonts/`. `banner_coverage()` reads its character map; the checks take the
coverage as an argument, so a test can give them any font's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

BANNER_FONT_FILE = Path(__file__).parent / "fonts" / "NotoSans-Bold.ttf"
BANNER_FONT_LABEL = "Noto Sans Bold (SIL Open Font License 1.1)"


@dataclass(frozen=True)
class GlyphCoverage:
    """The code points a font has, and the font's name as messages give it."""

    label: str
    code_points: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """Characters of `text` the font cannot draw, each once, in order (spaces only separate words)."""
        return list(dict.fromkeys(c for c in text if ord(c) not in self.code_points and not c.isspace()))


@cache
def banner_coverage() -> GlyphCoverage:
    """The banner font's characters, as the data checks take them (see `checks.unprintable`); fontTools is
    imported only here, so checks given a coverage never load it."""
    from fontTools.ttLib import TTFont

    return GlyphCoverage(BANNER_FONT_LABEL, frozenset(TTFont(BANNER_FONT_FILE).getBestCmap()))
