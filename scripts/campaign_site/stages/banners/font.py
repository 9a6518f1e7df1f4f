"""The banner font (Noto Sans Bold, shipped in `core/fonts/`): glyph metrics and outlines.

Banners are laid out from these metrics, so the SVG, PDF and PNG of one text agree.
Vietnamese in NFC uses precomposed letters, all of which the font has, so no shaping is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

from campaign_site.core.glyphs import BANNER_FONT_FILE, GlyphCoverage


@dataclass(frozen=True)
class Glyph:
    """One glyph's metrics in font units (y up); an empty glyph has a zero ink box."""

    name: str
    advance: int
    x_min: int
    x_max: int
    y_min: int
    y_max: int


class BannerFont:
    """Metrics and outlines of one TrueType font."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._font = TTFont(path)
        self.units_per_em: int = self._font["head"].unitsPerEm
        self._cmap: dict[int, str] = self._font.getBestCmap()
        self._code_points = frozenset(self._cmap)
        self._glyph_set = self._font.getGlyphSet()
        self._glyphs: dict[str, Glyph] = {}

    def coverage(self, label: str) -> GlyphCoverage:
        """The characters this font can draw, for the data checks."""
        return GlyphCoverage(label, self._code_points)

    def missing(self, text: str) -> list[str]:
        """Characters of `text` the font cannot draw, each once, in order (spaces only separate words)."""
        return self.coverage("").missing(text)

    def glyph(self, char: str) -> Glyph:
        if char not in self._glyphs:
            name = self._cmap[ord(char)]
            outline = self._font["glyf"][name]
            advance = self._font["hmtx"][name][0]
            if outline.numberOfContours == 0:
                box = (0, 0, 0, 0)
            else:
                box = (outline.xMin, outline.xMax, outline.yMin, outline.yMax)
            self._glyphs[char] = Glyph(name, advance, *box)
        return self._glyphs[char]

    def outline(self, char: str) -> str:
        """SVG path data of the glyph in font units (y up)."""
        pen = SVGPathPen(self._glyph_set)
        self._glyph_set[self.glyph(char).name].draw(pen)
        return pen.getCommands()


@cache
def banner_font() -> BannerFont:
    return BannerFont(BANNER_FONT_FILE)
