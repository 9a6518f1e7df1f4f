"""Dates as Vietnamese staff write them ("16/4/2026") and as Decree 30/2020/NĐ-CP prints them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain, sentences
from campaign_site.data.validation_messages import describe

# ASCII digits only (re.ASCII): full-width "２０２６" or Arabic-Indic digits are not a date staff typed.
_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$", re.ASCII)
_MY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$", re.ASCII)
_Y = re.compile(r"^\s*(\d{4})\s*$", re.ASCII)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2999

# The same dates as patterns a form can test as staff type (JSON Schema and JavaScript regular expressions;
# [0-9], not \d, which Python reads as any script's digits):
# a day the month can have (29/2 in any year: the build checks leap years), a month, a year in range.
_DAY_MONTH = r"(?:(?:0?[1-9]|[12][0-9])/(?:0?[1-9]|1[0-2])|30/(?:0?[13-9]|1[0-2])|31/(?:0?[13578]|1[02]))"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|2[0-9])[0-9][0-9]"
_ISO_DAY = rf"{_YEAR}-(?:{_MONTH}-(?:0?[1-9]|[12][0-9])|(?:0?[13-9]|1[0-2])-30|(?:0?[13578]|1[02])-31)"
DATE_PATTERN = rf"^(?:{_DAY_MONTH}/{_YEAR}|{_ISO_DAY})$"
"""`16/4/2026` or `2026-04-16`: what `parse_date` reads, but for 29/2 of a year that has none."""
PARTIAL_DATE_PATTERN = rf"^(?:{_DAY_MONTH}/{_YEAR}|{_MONTH}/{_YEAR}|{_YEAR}|{_ISO_DAY})$"
"""`16/4/2026`, `4/2026` or `2026`: what `parse_partial_date` reads, as `DATE_PATTERN`."""

def _checked_year(year: int, written: object) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(sentences(plain("problem.date_bad_year", written=written, year=year), plain("problem.date_how")))
    return year


def _checked(day: int, month: int, year: int, written: str) -> date:
    _checked_year(year, written)
    if not 1 <= month <= 12:
        raise ValueError(sentences(plain("problem.date_bad_month", written=written, month=month), plain("problem.date_how")))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(plain("problem.date_bad_day", written=written, month=month, year=year, last=last,
                               next_month=month % 12 + 1, next_year=year + (month == 12)))
    return date(year, month, day)


def parse_date(value: object) -> date:
    """Parse `16/4/2026` or `2026-04-16` (or a date) into a date, with Vietnamese errors."""
    if isinstance(value, date):
        return value
    if isinstance(value, int) or not isinstance(value, str):
        raise ValueError(sentences(plain("problem.date_needed", found=describe(value)), plain("problem.date_how")))
    if m := _DMY.match(value):
        return _checked(int(m[1]), int(m[2]), int(m[3]), value.strip())
    if m := _ISO.match(value):
        return _checked(int(m[3]), int(m[2]), int(m[1]), value.strip())
    raise ValueError(sentences(plain("problem.date_unreadable", value=value), plain("problem.date_how")))


@dataclass(frozen=True)
class PartialDate:
    """A document date that may be incomplete, as in drafts: "ngày   tháng 4 năm 2026"."""

    year: int
    month: int | None = None
    day: int | None = None

    def long(self) -> str:
        """Long form with blanks left as in a draft: `ngày … tháng 4 năm 2026`."""
        day = f"{self.day:02d}" if self.day else "…"
        month = _month(self.month) if self.month else "…"
        return plain("date.long", day=day, month=month, year=self.year)

    def short(self) -> str:
        """`16/4/2026`, `4/2026` or `2026`: only what is known."""
        if self.day and self.month:
            return short(date(self.year, self.month, self.day))
        return f"{self.month}/{self.year}" if self.month else str(self.year)

    def in_sentence(self) -> str:
        """`ngày 16/4/2026`, `tháng 4/2026` or `năm 2026`, as a citation writes it."""
        if self.day and self.month:
            return plain("date.on_day", date=self.short())
        return plain("date.in_month", date=self.short()) if self.month else plain("date.in_year", year=self.year)

    def sort_key(self) -> tuple[int, int, int]:
        """Orders a month before its days' dates are not known: 4/2026 sorts before 1/4/2026."""
        return self.year, self.month or 0, self.day or 0

    def iso(self) -> str:
        """ISO 8601 with reduced precision: `2026`, `2026-04`, `2026-04-16`."""
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


def parse_partial_date(value: object) -> PartialDate:
    """Parse `16/4/2026`, `4/2026` (day not yet filled in) or `2026` (only the year known)."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return PartialDate(value)
    if isinstance(value, str):
        if m := _MY.match(value):
            month, year = int(m[1]), _checked_year(int(m[2]), value.strip())
            if not 1 <= month <= 12:
                raise ValueError(plain("problem.partial_date_bad_month", value=value, month=month))
            return PartialDate(year, month)
        if m := _Y.match(value):
            return PartialDate(_checked_year(int(m[1]), value.strip()))
    full = parse_date(value)
    return PartialDate(full.year, full.month, full.day)


def _month(month: int) -> str:
    """Decree 30/2020/NĐ-CP pads days under 10 and the months 1 and 2 with a zero."""
    return f"{month:02d}" if month < 3 else str(month)


def short(d: date) -> str:
    """Short form: `16/4/2026`, `05/5/2026`, `30/01/2026`."""
    return f"{d.day:02d}/{_month(d.month)}/{d.year}"


def long(d: date) -> str:
    """Long form: `ngày 16 tháng 4 năm 2026`, `ngày 05 tháng 01 năm 2026`."""
    return plain("date.long", day=f"{d.day:02d}", month=_month(d.month), year=d.year)


def day_month(day: int, month: int) -> str:
    """Observance day as written on banners: `21/4`."""
    return f"{day}/{month}"
