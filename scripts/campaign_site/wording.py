"""The Vietnamese words the site uses for its fixed categories, in one place.

Pages, feeds, banners and messages take their labels from here, so a word is changed once.
"""

from __future__ import annotations

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
