"""The Vietnamese words the site uses for its fixed categories, in one place.

Pages, feeds, banners and messages take their labels from here, so a word is changed once; so do
the phrases pages build from data (a date, a span of days, a report deadline, a file size).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from . import vn_dates
from .markdown_text import Markdown, escape
from .unknowns import NOT_KNOWN, NotKnown
from .vn_dates import PartialDate

if TYPE_CHECKING:
    from .calendar_events import Event
    from .model import Observance, Phrase, Plan, PlanDocument, ReportDeadline, Signer, Window

PHRASE_KINDS = {"theme": "Chủ đề", "slogan": "Khẩu hiệu", "message": "Thông điệp"}
"""What a year's phrase is: a theme (chủ đề), a slogan (khẩu hiệu) or a message (thông điệp)."""

PHRASE_KINDS_PLURAL = {"theme": "chủ đề", "slogan": "khẩu hiệu", "message": "thông điệp"}
"""The kinds in the middle of a sentence."""

ABSENT = {
    "signer": ("Văn bản không ghi người ký", "Chưa có thông tin về người ký"),
    "place": ("Văn bản không ghi địa danh", "Chưa có thông tin về địa danh"),
    "date": ("Văn bản không ghi ngày ký", "Chưa có thông tin về ngày ký"),
    "number": ("Văn bản không ghi số, ký hiệu", "Chưa có thông tin về số, ký hiệu"),
    "window": ("Văn bản không nêu thời gian thực hiện", "Chưa có thông tin về thời gian thực hiện"),
    "report_deadlines": ("Văn bản không nêu hạn báo cáo", "Chưa có thông tin về hạn báo cáo"),
    "recipients": ("Văn bản không ghi nơi nhận", "Chưa có thông tin về nơi nhận"),
    "summary": ("Văn bản không ghi trích yếu", "Chưa có thông tin về trích yếu"),
    "issued": ("Văn bản không ghi ngày ban hành", "Chưa có thông tin về ngày ban hành"),
}
"""For each fact a record may lack: what pages say when the document does not state it, and when
it is not known yet (`chưa rõ` in the data)."""


def absent(fact: str, not_known: bool) -> str:
    """`Văn bản không nêu thời gian thực hiện`, or `Chưa có thông tin về thời gian thực hiện`."""
    return ABSENT[fact][1 if not_known else 0]

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


def time(day: date | str, label: str | None = None) -> Markdown:
    """A date readable by people and machines; `day` may be an ISO string of reduced precision (`2026-04`)."""
    iso = day if isinstance(day, str) else day.isoformat()
    shown = label or (day if isinstance(day, str) else vn_dates.short(day))
    return Markdown(f'<time datetime="{iso}">{escape(shown)}</time>')


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


def plan_window(plan: Plan) -> Markdown:
    """The plan's activity window, or that it is not stated or not known."""
    window = plan.dated_window
    return window_text(window) if window else Markdown(absent("window", plan.window is NOT_KNOWN))


def plan_deadlines(plan: Plan) -> Markdown:
    """Every report deadline of the plan, or that there is none stated, or that they are not known."""
    if plan.dated_deadlines:
        return Markdown("; ".join(deadline_text(d) for d in plan.dated_deadlines))
    return Markdown(absent("report_deadlines", plan.report_deadlines is NOT_KNOWN))


def number_text(document: PlanDocument) -> str:
    """`123/KH-UBND`; `…/KH-UBND (văn bản để trống số)` for a document awaiting its number; else why there is none."""
    if document.number is NOT_KNOWN or document.symbol is NOT_KNOWN:
        return absent("number", True)
    if not document.number_symbol:
        return absent("number", False)
    return document.number_symbol + ("" if document.number else " (văn bản để trống số)")


def document_name(document: PlanDocument) -> str:
    """`Kế hoạch số 123/KH-UBND`, or `Kế hoạch (chưa có thông tin về số, ký hiệu)`."""
    if document.number_symbol:
        return f"{document.type} số {document.number_symbol}"
    reason = number_text(document)
    return f"{document.type} ({reason[:1].lower()}{reason[1:]})"


def signed_date_text(document: PlanDocument) -> str:
    """`16/4/2026`; `tháng 4/2026 (văn bản để trống ngày)`; else why there is none."""
    signed = document.date
    if not isinstance(signed, PartialDate):
        return absent("date", signed is NOT_KNOWN)
    if signed.day:
        return signed.short()
    blank = "ngày" if signed.month else "ngày, tháng"
    return f"{capitalised(signed.in_sentence())} (văn bản để trống {blank})"


def dateline(place: object, signed: object) -> str:
    """Place and date under the number as far as the record holds them: `Lạng Sơn, ngày 16 tháng 4 năm 2026`,
    `Lạng Sơn, tháng 4 năm 2026`; nothing is filled in."""
    parts = [place] if isinstance(place, str) else []
    if isinstance(signed, PartialDate):
        parts.append(signed.long() if signed.day else f"tháng {signed.month} năm {signed.year}" if signed.month else f"năm {signed.year}")
    return ", ".join(parts)


def signer_text(signer: Signer | NotKnown | None) -> str:
    """`KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC Nguyễn Văn A`, or why there is none."""
    if signer is None or isinstance(signer, NotKnown):
        return absent("signer", signer is NOT_KNOWN)
    role = ", ".join(part for part in (signer.authority, signer.title) if part)
    return f"{role} {signer.name}"


def units_choose_text(kinds: Sequence[str]) -> str | None:
    """`Văn bản không quy định chủ đề, khẩu hiệu chung: mỗi đơn vị tự chọn.`, for the kinds a plan leaves open."""
    if not kinds:
        return None
    return f"Văn bản không quy định {', '.join(PHRASE_KINDS_PLURAL[k] for k in kinds)} chung: mỗi đơn vị tự chọn."


def places_text(province_count: int, central: bool) -> str:
    """Where a year's plans come from: `ở 3 tỉnh, thành phố`, `ở trung ương và 3 tỉnh, thành phố`, `ở trung ương`."""
    provinces = f"{province_count} tỉnh, thành phố" if province_count else ""
    return "ở " + " và ".join(part for part in ("trung ương" if central else "", provinces) if part)


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
