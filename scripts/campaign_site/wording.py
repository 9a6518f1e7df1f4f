"""The Vietnamese words the site uses for its fixed categories, in one place.

Pages, feeds, banners and messages take their labels from here, so a word is changed once; so do
the phrases pages build from data (a date, a span of days, a report deadline, a file size).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from . import vn_dates
from .markdown_text import Markdown, escape

if TYPE_CHECKING:
    from .calendar_events import Event
    from .model import Observance, Phrase, ReportDeadline, Window

PHRASE_KINDS = {"theme": "Chủ đề", "slogan": "Khẩu hiệu"}
"""What a year's phrase is: a theme (chủ đề) or a slogan (khẩu hiệu)."""

EVENT_KINDS = {"observance": "Ngày kỷ niệm", "window": "Thời gian thực hiện", "deadline": "Hạn báo cáo"}
"""The kinds of date on the calendar and in the feeds."""

ISSUER_LEVELS = {
    "party": "Đảng",
    "government": "Chính phủ",
    "ministry": "Bộ, ngành trung ương",
    "province": "Tỉnh, thành phố",
    "commune": "Xã, phường",
}
"""Issuer levels in the order of the legal chain."""

DEADLINE_RULES = {"before": "trước ngày", "no_later_than": "chậm nhất ngày"}
"""How a report deadline is worded: "trước ngày 15/5/2026" excludes the day, "chậm nhất ngày" includes it."""

WEEKDAYS = [("T2", "Thứ Hai"), ("T3", "Thứ Ba"), ("T4", "Thứ Tư"), ("T5", "Thứ Năm"), ("T6", "Thứ Sáu"),
            ("T7", "Thứ Bảy"), ("CN", "Chủ Nhật")]
"""Column heads of a month grid, Monday first: the short form shown and the full name read aloud."""


def human_size(size: int) -> str:
    """`3 KB` or `1,2 MB`, as download links state it (KB rounded up, at least 1 KB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, -(-size // 1024))} KB"


def capitalised(text: str) -> str:
    """The text starting a sentence: its first letter in upper case, the rest as it is."""
    return text[:1].upper() + text[1:]


def time(day: date, label: str | None = None) -> Markdown:
    """A date readable by people and machines."""
    return Markdown(f'<time datetime="{day.isoformat()}">{escape(label or vn_dates.short(day))}</time>')


def span_text(span: tuple[date, date]) -> Markdown:
    """`từ ngày 15/4 đến hết ngày 26/4/2026`."""
    return Markdown(f"từ ngày {time(span[0])} đến hết ngày {time(span[1])}")


def window_text(window: Window) -> Markdown:
    return span_text((window.start, window.end))


def window_sentence(window: Window) -> Markdown:
    """`window_text` starting a sentence."""
    return Markdown(capitalised(window_text(window)))


def deadline_text(deadline: ReportDeadline) -> Markdown:
    """`Các xã báo cáo Sở trước ngày 15/5/2026`."""
    rule = DEADLINE_RULES[deadline.rule]
    return Markdown(f"{escape(deadline.reporter)} báo cáo {escape(deadline.recipient)} {rule} {time(deadline.date)}")


def observance_line(observance: Observance, year: int) -> Markdown:
    """`21/4: Ngày Khoa học và Công nghệ Việt Nam`."""
    return Markdown(f"{time(date(year, observance.month, observance.day), observance.label)}: {escape(observance.name)}")


def phrase_item(phrase: Phrase) -> Markdown:
    """A theme or slogan in quotes, with its English version if it has one."""
    english = f" ({escape(phrase.text_en)})" if phrase.text_en else ""
    return Markdown(f"“{escape(phrase.text)}”{english}")


def next_text(events: list[Event], today: date) -> str:
    """The "next date" panel's text for a given day, also the text shown without JavaScript."""
    coming = [e for e in events if e.start >= today]
    if coming:
        first = coming[0]
        return f"{first.title}: {vn_dates.short(first.start)} (tính đến ngày {vn_dates.short(today)})."
    if events:
        last = events[-1]
        return f"Mọi ngày trên trang này đều đã qua; ngày gần đây nhất: {last.title}, {vn_dates.short(last.start)}."
    return "Chưa có ngày nào được công bố."


def event_when(event: Event) -> Markdown:
    """An event's day, or its first and last day."""
    if event.start == event.last:
        return time(event.start)
    return Markdown(f"{time(event.start)} – {time(event.last)}")
