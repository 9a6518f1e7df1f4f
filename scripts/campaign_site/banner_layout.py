"""Fit a text into a box: line breaks at word boundaries and the largest size whose ink fits.

Lengths are in the box's unit (millimetres for print, pixels for images); font metrics are
converted from font units by the chosen size. Every number of lines is tried; for each, the
words are split so that the widest line is as narrow as possible, and the size is the largest
at which that line fits the width and all lines fit the height. The largest size wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .banner_font import BannerFont

MIN_LEADING = 1.2
"""Baseline-to-baseline distance in em, raised when stacked diacritics need more room."""
_CLEARANCE = 0.08
"""Space in em kept between the lowest mark of one line and the highest mark of the next."""
_GLUED = set("-–—:;,.!?)»”")
"""A word made only of these stays on the line of the word before it (no line starts with " - ")."""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Line:
    """A line of text; `x` is where its pen starts, `baseline` its baseline (y grows downwards)."""

    text: str
    x: float
    baseline: float


@dataclass(frozen=True)
class Layout:
    lines: list[Line]
    font_size: float
    """Size of one em, in the box's unit."""
    ink: Box
    """Where the glyphs' ink lies, computed from the font's outlines."""


def words(text: str) -> list[str]:
    """Breakable units: words, with lone punctuation joined to the word before."""
    units: list[str] = []
    for word in text.split():
        if units and set(word) <= _GLUED:
            units[-1] += " " + word
        else:
            units.append(word)
    return units


class Measure:
    """Ink extents of runs of text in em, from one font."""

    def __init__(self, font: BannerFont) -> None:
        self.font = font
        self.em = font.units_per_em

    def advance(self, text: str) -> float:
        return sum(self.font.glyph(c).advance for c in text) / self.em

    def ink_width(self, text: str) -> float:
        """From the first glyph's leftmost ink to the last glyph's rightmost ink."""
        first, last = self.font.glyph(text[0]), self.font.glyph(text[-1])
        return self.advance(text[:-1]) + (last.x_max - first.x_min) / self.em

    def top(self, text: str) -> float:
        return max(self.font.glyph(c).y_max for c in text) / self.em

    def bottom(self, text: str) -> float:
        """Depth below the baseline (positive)."""
        return -min(self.font.glyph(c).y_min for c in text) / self.em


def _balanced_splits(units: list[str], width_of: Callable[[str], float]) -> dict[int, list[str]]:
    """For each number of lines, the split whose widest line is narrowest (dynamic programming)."""
    n = len(units)
    span = {(i, j): width_of(" ".join(units[i:j])) for i in range(n) for j in range(i + 1, n + 1)}
    best = {j: span[0, j] for j in range(1, n + 1)}
    cuts = [{j: 0 for j in range(1, n + 1)}]
    results = {1: [" ".join(units)]}
    for lines in range(2, n + 1):
        row: dict[int, float] = {}
        cut: dict[int, int] = {}
        for j in range(lines, n + 1):
            row[j], cut[j] = min((max(best[i], span[i, j]), i) for i in range(lines - 1, j))
        best = row
        cuts.append(cut)
        end, split = n, []
        for level in range(lines - 1, -1, -1):
            start = cuts[level][end]
            split.append(" ".join(units[start:end]))
            end = start
        results[lines] = split[::-1]
    return results


def block_height(measure: Measure, text: str, lines: int) -> float:
    """Height in em of `lines` lines of `text`, from its highest mark to its lowest.

    The same for every split of the text into that many lines, so the narrowest split is the best.
    """
    return measure.top(text) + leading(measure, text) * (lines - 1) + measure.bottom(text)


def split_size(measure: Measure, split: list[str], box: Box) -> float:
    """The largest em size at which these lines fit the box: widest line across, all lines down."""
    height = block_height(measure, " ".join(split), len(split))
    return min(box.width / max(measure.ink_width(line) for line in split), box.height / height)


def leading(measure: Measure, text: str) -> float:
    """Baseline-to-baseline distance in em for this text's tallest and deepest marks."""
    return max(MIN_LEADING, measure.top(text) + measure.bottom(text) + _CLEARANCE)


def fit(text: str, font: BannerFont, box: Box, max_size: float | None = None) -> Layout:
    """The largest layout of `text` inside `box`, each line centred, the block centred vertically."""
    measure = Measure(font)
    units = words(text)
    if not units:
        raise ValueError("empty banner text")
    best: tuple[float, list[str]] | None = None
    for split in _balanced_splits(units, measure.ink_width).values():
        size = split_size(measure, split, box)
        if max_size is not None:
            size = min(size, max_size)
        if best is None or size > best[0] * 1.0001:
            best = (size, split)
    assert best is not None
    size, split = best
    gap = leading(measure, text) * size
    height = block_height(measure, text, len(split)) * size
    first_baseline = box.y + (box.height - height) / 2 + measure.top(text) * size
    lines: list[Line] = []
    left, right = box.x + box.width, box.x
    for index, line in enumerate(split):
        ink = measure.ink_width(line) * size
        ink_left = box.x + (box.width - ink) / 2
        pen = ink_left - font.glyph(line[0]).x_min / font.units_per_em * size
        lines.append(Line(line, pen, first_baseline + index * gap))
        left, right = min(left, ink_left), max(right, ink_left + ink)
    top = first_baseline - measure.top(split[0]) * size
    bottom = lines[-1].baseline + measure.bottom(split[-1]) * size
    return Layout(lines, size, Box(left, top, right - left, bottom - top))
