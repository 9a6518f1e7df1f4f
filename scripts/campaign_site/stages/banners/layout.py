"""Fit a text into a box: line breaks between words that keep phrases together, large letters.

Lengths are in the box's unit (millimetres for print, pixels for images); font metrics are
converted from font units by the chosen size. A split of the words into lines has a size: the
largest at which its widest line fits the width and all its lines fit the height.

Which split wins (`choose`):

1. S, the largest size any split reaches (for each number of lines, the split whose widest line
   is narrowest, by dynamic programming).
2. Only splits whose size is at least (1 - `PHRASE_TOLERANCE`) × S take part, so letters are
   never more than 12 % smaller than they could be.
3. A line break after a unit ending in punctuation (`-`, `:`, `,` and the others in
   `_PHRASE_END`) falls between phrases; any other break falls inside one ("HÀNH ĐỘNG / ĐỘT
   PHÁ"). The smallest share of breaks inside phrases wins (a single line has none): a layout
   that breaks at punctuation beats a larger one unless its letters are clearly smaller. The
   share, not the count, so that a text without punctuation is not pushed to fewer, smaller
   lines: there every split has the share 1 and the largest wins, as before.
4. Then the largest size; sizes within 0.01 % count as equal and the fewest lines win.
5. Then the narrowest widest line (which sets the size unless the height does), then the most
   even lines (least sum of squared line widths).

Only punctuation tells where a phrase ends. A word never breaks: the units are whole words, the
syllables of a word of several ("ĐẤT NƯỚC", "KỶ NGUYÊN") joined by the dictionary of `vi_words`,
except a word that alone does not fit the box at letters within `WORD_TOLERANCE` of the largest
(`breakable_words`), as in a narrow upright banner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from campaign_site.stages.banners.font import BannerFont
from campaign_site.stages.banners.vi_words import join_words

MIN_LEADING = 1.2
"""Baseline-to-baseline distance in em, raised when stacked diacritics need more room."""
_CLEARANCE = 0.08
"""Space in em kept between the lowest mark of one line and the highest mark of the next."""
_GLUED = set("-–—:;,.!?)»”")
"""A word made only of these stays on the line of the word before it (no line starts with " - ")."""
_PHRASE_END = set("-–—:;,.!?")
"""A unit ending in one of these (closing quotes and brackets looked through) ends a phrase."""
_CLOSING = ")»”"
PHRASE_TOLERANCE = 0.12
"""How much smaller than the largest possible letters may get to keep phrases whole.

12 %: above the 9.0 % that the 5 m banner of "ĐỔI MỚI SÁNG TẠO - / HÀNH ĐỘNG ĐỘT PHÁ, LAN TỎA
KẾT QUẢ" costs (its largest split breaks "HÀNH ĐỘNG / ĐỘT PHÁ"), with a margin, and below the
about 14 % that one more line costs when the height sets the size (7 → 8 lines; 2 → 3: 34 %),
so phrasing never adds a line to a banner whose height is already full. Keeping "HÀNH ĐỘNG ĐỘT
PHÁ" on one line of the 3 m banner (18 %) or the A3 sheet (21 %) is beyond it, on purpose.
"""
WORD_TOLERANCE = 0.25
"""How much smaller than the largest possible letters may get to keep every word whole.

Above `PHRASE_TOLERANCE`: breaking a word ("ĐẤT / NƯỚC") is worse than breaking a phrase. On the
shipped print sizes no word of a shipped theme or slogan is that wide (their letters are at most
19 % smaller than splits between syllables would allow: the A3 sheet of "SỞ HỮU TRÍ TUỆ … BẮT ĐẦU
- ĐỔI MỚI"); a narrow upright banner, whose lines hold a syllable or two, breaks its long words.
"""
_SAME_SIZE = 1.0001
"""Sizes closer than this ratio count as equal (rounding), and then fewer lines win."""
_SLACK = 1 + 1e-9
"""Rounding allowance when a width or a size is compared with a limit derived from it."""


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


def words(text: str, breaks: Callable[[str], bool] = lambda word: False) -> list[str]:
    """Breakable units: words (a dictionary word's syllables together, unless `breaks` says the
    word may break between them), with lone punctuation joined to the word before."""
    units: list[str] = []
    for word in join_words(text.split()):
        for piece in word.split() if breaks(word) else [word]:
            if units and set(piece) <= _GLUED:
                units[-1] += " " + piece
            else:
                units.append(piece)
    return units


def breakable_words(measure: Measure, text: str, box: Box, max_size: float | None = None) -> list[str]:
    """The units a layout of `text` breaks between: whole words, except a word that alone is wider
    than the box at (1 - `WORD_TOLERANCE`) × the largest size any split between syllables reaches;
    only such a word may break between its syllables."""
    floor = largest_size(measure, words(text, lambda word: True), box, max_size) * (1 - WORD_TOLERANCE)
    return words(text, lambda word: measure.ink_width(word) * floor > box.width * _SLACK)


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


def ends_phrase(unit: str) -> bool:
    """Whether a line may break after `unit` without splitting a phrase."""
    stripped = unit.rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _PHRASE_END


def phrase_breaks(split: list[str]) -> int:
    """How many of the split's line breaks fall inside a phrase (not after punctuation)."""
    return sum(1 for line in split[:-1] if not ends_phrase(line))


def inside_share(split: list[str]) -> Fraction:
    """The share of the split's line breaks that fall inside a phrase; 0 for a single line."""
    return Fraction(phrase_breaks(split), len(split) - 1) if len(split) > 1 else Fraction(0)


def evenness(split: list[str], width_of: Callable[[str], float]) -> float:
    """Sum of squared line widths: the smaller, the more even the lines."""
    return sum(width_of(line) ** 2 for line in split)


def spans(units: list[str], width_of: Callable[[str], float]) -> dict[tuple[int, int], float]:
    """Width of every run of units on one line: `(i, j)` for `units[i:j]`."""
    n = len(units)
    return {(i, j): width_of(" ".join(units[i:j])) for i in range(n) for j in range(i + 1, n + 1)}


def _narrowest(n: int, span: dict[tuple[int, int], float]) -> dict[int, float]:
    """For each number of lines, the narrowest widest line any split into that many lines has."""
    best = {j: span[0, j] for j in range(1, n + 1)}
    result = {1: best[n]}
    for lines in range(2, n + 1):
        best = {j: min(max(best[i], span[i, j]) for i in range(lines - 1, j)) for j in range(lines, n + 1)}
        result[lines] = best[n]
    return result


def _best_splits(
    units: list[str], span: dict[tuple[int, int], float], limit: float, second: str, only: int | None = None
) -> dict[int, tuple[int, float, list[str]]]:
    """For each number of lines (or `only` that one), the split whose lines are all at most
    `limit` wide with the fewest breaks inside phrases, then the least `second`: "widest" (the
    widest line) or "squares" (sum of squared widths). Numbers of lines no split fits are left out.

    Dynamic programming over (lines, last unit): both costs add up or take the maximum along the
    lines, so a prefix best by (breaks, cost) is the best prefix for any last line.
    """
    n = len(units)
    # inside[i]: 1 if a break before unit i falls inside a phrase.
    inside = [0] + [0 if ends_phrase(units[i - 1]) else 1 for i in range(1, n)]

    def add(cost: float, width: float) -> float:
        return max(cost, width) if second == "widest" else cost + width * width

    def first(width: float) -> float:
        return width if second == "widest" else width * width

    best: dict[int, tuple[int, float]] = {j: (0, first(span[0, j])) for j in range(1, n + 1) if span[0, j] <= limit}
    cuts: list[dict[int, int]] = [{j: 0 for j in best}]
    results: dict[int, tuple[int, float, list[str]]] = {}
    last = n if only is None else only
    for lines in range(1, last + 1):
        if lines > 1:
            row: dict[int, tuple[int, float]] = {}
            cut: dict[int, int] = {}
            for j in range(lines, n + 1):
                # The last line is units[i:j]; it only gets wider as i moves left.
                for i in range(j - 1, lines - 2, -1):
                    if span[i, j] > limit:
                        break
                    if i in best:
                        cost = (best[i][0] + inside[i], add(best[i][1], span[i, j]))
                        if j not in row or cost < row[j]:
                            row[j], cut[j] = cost, i
            best = row
            cuts.append(cut)
        if n in best and (only is None or lines == only):
            end, split = n, []
            for level in range(lines - 1, -1, -1):
                start = cuts[level][end]
                split.append(" ".join(units[start:end]))
                end = start
            results[lines] = (*best[n], split[::-1])
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


def _size_of(measure: Measure, text: str, box: Box, max_size: float | None) -> Callable[[int, float], float]:
    """The size of a split of `text` into a number of lines whose widest line is this wide (em)."""

    def size_of(lines: int, widest: float) -> float:
        size = min(box.width / widest, box.height / block_height(measure, text, lines))
        return size if max_size is None else min(size, max_size)

    return size_of


def _largest(n: int, span: dict[tuple[int, int], float], size_of: Callable[[int, float], float]) -> float:
    return max(size_of(lines, widest) for lines, widest in _narrowest(n, span).items())


def largest_size(measure: Measure, units: list[str], box: Box, max_size: float | None = None) -> float:
    """The largest size any split of the units into lines reaches."""
    return _largest(len(units), spans(units, measure.ink_width), _size_of(measure, " ".join(units), box, max_size))


def choose(measure: Measure, units: list[str], box: Box, max_size: float | None = None) -> tuple[float, list[str]]:
    """The winning split and its size, by the rules in this module's docstring."""
    text = " ".join(units)
    span = spans(units, measure.ink_width)
    size_of = _size_of(measure, text, box, max_size)
    floor = _largest(len(units), span, size_of) * (1 - PHRASE_TOLERANCE)
    candidates = []
    for lines, (inside, widest, _) in _best_splits(units, span, box.width / floor * _SLACK, "widest").items():
        size = size_of(lines, widest)
        if size * _SLACK >= floor:
            candidates.append((Fraction(inside, lines - 1) if lines > 1 else Fraction(0), size, lines, widest))
    share = min(c[0] for c in candidates)
    top = max(c[1] for c in candidates if c[0] == share)
    size, lines, widest = next(c[1:] for c in candidates if c[0] == share and c[1] * _SAME_SIZE >= top)
    # Of the splits into this many lines with as few breaks inside phrases and a line no wider: the most even.
    split = _best_splits(units, span, widest * _SLACK, "squares", only=lines)[lines][2]
    return size, split


def fit(text: str, font: BannerFont, box: Box, max_size: float | None = None) -> Layout:
    """The largest layout of `text` inside `box`, each line centred, the block centred vertically."""
    measure = Measure(font)
    if not text.split():
        raise ValueError("empty banner text")
    units = breakable_words(measure, text, box, max_size)
    size, split = choose(measure, units, box, max_size)
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
