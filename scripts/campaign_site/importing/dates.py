"""Dates as documents write them: `16/4/2026`, `01/04/2025`, `ngày 18 tháng 4 năm 2026`, ranges such as
`từ ngày 15/4/2026 đến hết ngày 26/4/2026` or `từ ngày 15 - 25/5/2025`, a whole month (`trong tháng 4`),
and the signing date with its blanks (`ngày   tháng 4 năm 2026`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_D = r"\d{1,2}"
_Y = r"\d{4}"
# A day with what is written of its month and year: 16/4/2026, 16/4, 16, 16 tháng 4 năm 2026, 16 tháng 4.
DAY = rf"{_D}(?:\s*[/.-]\s*{_D}(?:\s*[/.-]\s*{_Y})?|\s+tháng\s+{_D}(?:\s*(?:,\s*)?năm\s+{_Y})?)?"
FULL_DATE = rf"{_D}\s*[/.-]\s*{_D}\s*[/.-]\s*{_Y}|{_D}\s+tháng\s+{_D}\s*,?\s*năm\s+{_Y}"
_PARTS = re.compile(rf"^(?P<d>{_D})(?:\s*[/.-]\s*(?P<m>{_D})(?:\s*[/.-]\s*(?P<y>{_Y}))?|\s+tháng\s+(?P<m2>{_D})"
                    rf"(?:\s*,?\s*năm\s+(?P<y2>{_Y}))?)?$")
RANGE = re.compile(
    rf"\btừ\s+(?:ngày\s+)?(?P<a>{DAY})\s*(?:đến(?:\s+hết)?(?:\s+ngày)?|[-–—])\s*(?:ngày\s+)?(?P<b>{DAY})(?!\s*[/.-]?\d)",
    re.IGNORECASE,
)


def _month(m: str, y: str) -> str:
    return rf"tháng\s+(?P<{m}>{_D})(?:\s*(?:/|,?\s*năm)\s*(?P<{y}>{_Y}))?(?![\d/])"


MONTH = re.compile(rf"\b(?:trong\s+|từ\s+{_month('m0', 'y0')}\s*(?:đến(?:\s+hết)?|[-–—])\s*){_month('m', 'y')}",
                   re.IGNORECASE)
"""Whole months as a span of days: `trong tháng 4`, `trong tháng 4/2026`, `từ tháng 4 đến hết tháng 5/2025`."""
SIGNED = re.compile(r"ngày\s*(?P<d>[\d.…_ ]*?)\s*tháng\s*(?P<m>[\d.…_ ]*?)\s*năm\s*(?P<y>\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class Written:
    """A date as far as the text writes it."""

    day: int
    month: int | None
    year: int | None


def parts(text: str) -> Written | None:
    m = _PARTS.match(text.strip())
    if not m:
        return None
    month = m["m"] or m["m2"]
    year = m["y"] or m["y2"]
    return Written(int(m["d"]), int(month) if month else None, int(year) if year else None)


def real(day: int, month: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse(text: str, default_year: int | None = None) -> tuple[date | None, bool]:
    """A full date from `text`; the second value says the year came from `default_year`."""
    written = parts(text)
    if not written or not written.month:
        return None, False
    year = written.year or default_year
    if year is None:
        return None, False
    return real(written.day, written.month, year), written.year is None


@dataclass(frozen=True)
class Range:
    start: date
    end: date
    begin: int
    """Where the range starts in the text searched."""
    finish: int
    inferred_year: bool
    whole_months: bool = False
    """Written as months (`trong tháng 4`): its first and last days are not written."""


def ranges(text: str, default_year: int | None) -> list[Range]:
    """Every `từ … đến …` range in `text`, the first day completed from the last (`15 - 25/5/2025`)."""
    found = []
    for m in RANGE.finditer(text):
        a, b = parts(m["a"]), parts(m["b"])
        if not a or not b or not b.month:
            continue
        year_b = b.year or default_year
        year_a = a.year or year_b
        if year_a is None or year_b is None:
            continue
        start = real(a.day, a.month or b.month, year_a)
        end = real(b.day, b.month, year_b)
        if start and end and start <= end:
            found.append(Range(start, end, m.start(), m.end(), b.year is None))
    return found


def months(text: str, default_year: int | None) -> list[Range]:
    """Every `trong tháng 4` or `từ tháng 4 đến tháng 5` in `text`, from the first month's first day to the
    last month's last day."""
    found = []
    for m in MONTH.finditer(text):
        year = int(m["y"]) if m["y"] else default_year
        first_year = int(m["y0"]) if m["y0"] else year
        month, first = int(m["m"]), int(m["m0"] or m["m"])
        if year is None or first_year is None or not (1 <= month <= 12 and 1 <= first <= 12):
            continue
        start, following = date(first_year, first, 1), date(year + month // 12, month % 12 + 1, 1)
        if start < following:
            found.append(Range(start, following - timedelta(days=1), m.start(), m.end(), m["y"] is None, True))
    return found


def spans(text: str) -> bool:
    """Whether `text` gives a span of days (`từ … đến …`, `trong tháng 4`)."""
    return bool(RANGE.search(text) or MONTH.search(text))


def short(d: date) -> str:
    """As the shipped data writes dates: `15/4/2026`."""
    return f"{d.day}/{d.month}/{d.year}"


def signed(text: str) -> tuple[str, int] | None:
    """The signing date of `…, ngày   tháng 4 năm 2026` as the data writes it (`16/4/2026`, `4/2026` or
    `2026` while the day or month is blank), with the year."""
    m = SIGNED.search(text)
    if not m:
        return None
    year = int(m["y"])
    day = int(d) if (d := m["d"].strip(" ._…")).isdigit() else None
    month = int(mo) if (mo := m["m"].strip(" ._…")).isdigit() else None
    if month and not 1 <= month <= 12:
        return None
    if day and month and real(day, month, year):
        return f"{day}/{month}/{year}", year
    return (f"{month}/{year}" if month else str(year)), year
