"""The Vietnamese words the site uses for its fixed categories, in one place.

Pages, feeds, banners, messages and the model take their labels from here, so a word is changed
once; the labels of the domain's lists (`domain.py`) are read from the catalogue. Sentences built from the data (a date, a span, a deadline, a plan's facts) are in `phrasing.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from campaign_site.data.domain import (
    ALL_DOCUMENT_LEVELS,
    ALL_EVENT_KINDS,
    ALL_PHRASE_KINDS,
)
from campaign_site.words.catalogue import label

PHRASE_KINDS: dict[str, str] = {kind: label("phrase_kind", kind) for kind in ALL_PHRASE_KINDS}
"""What a year's phrase is: a theme (chủ đề), a slogan (khẩu hiệu) or a message (thông điệp)."""

PHRASE_KINDS_PLURAL: dict[str, str] = {kind: label("phrase_kind_lower", kind) for kind in ALL_PHRASE_KINDS}
"""The kinds in the middle of a sentence."""

ABSENT = {
    "signer": ("Văn bản không ghi người ký", "Chưa có thông tin về người ký"),
    "signer_name": ("Văn bản không ghi tên người ký", "Chưa có thông tin về tên người ký"),
    "place": ("Văn bản không ghi địa danh", "Chưa có thông tin về địa danh"),
    "date": ("Văn bản không ghi ngày ký", "Chưa có thông tin về ngày ký"),
    "number": ("Văn bản không ghi số, ký hiệu", "Chưa có thông tin về số, ký hiệu"),
    "window": ("Văn bản không nêu thời gian thực hiện", "Chưa có thông tin về thời gian thực hiện"),
    "report_deadlines": ("Văn bản không nêu hạn báo cáo", "Chưa có thông tin về hạn báo cáo"),
    "recipients": ("Văn bản không ghi nơi nhận", "Chưa có thông tin về nơi nhận"),
    "summary": ("Văn bản không ghi trích yếu", "Chưa có thông tin về trích yếu"),
    "issued": ("Văn bản không ghi ngày ban hành", "Chưa có thông tin về ngày ban hành"),
    "issuer": ("Văn bản không ghi cơ quan ban hành", "Chưa có thông tin về cơ quan ban hành"),
    "type": ("Văn bản không ghi loại văn bản", "Chưa có thông tin về loại văn bản"),
    "addressees": ("Văn bản không ghi nơi kính gửi", "Chưa có thông tin về nơi kính gửi"),
    "legal_basis": ("Văn bản không nêu căn cứ", "Chưa có thông tin về căn cứ"),
    "context": ("Văn bản không nêu bối cảnh", "Chưa có thông tin về bối cảnh"),
    "purposes": ("Văn bản không nêu mục đích", "Chưa có thông tin về mục đích"),
    "requirements": ("Văn bản không nêu yêu cầu", "Chưa có thông tin về yêu cầu"),
    "phrases": ("Văn bản không nêu", "Chưa có thông tin về"),
    "content": ("Văn bản không nêu nội dung", "Chưa có thông tin về nội dung"),
    "forms": ("Văn bản không nêu hình thức tổ chức", "Chưa có thông tin về hình thức tổ chức"),
    "responsibilities": ("Văn bản không nêu phân công thực hiện", "Chưa có thông tin về phân công thực hiện"),
    "date_held": ("Bài viết không ghi ngày tổ chức", "Chưa có thông tin về ngày tổ chức"),
    "venue": ("Bài viết không ghi địa điểm tổ chức", "Chưa có thông tin về địa điểm tổ chức"),
}
"""For each fact a record may lack: what pages say when the document does not state it, and when
it is not known yet (`chưa rõ` in the data)."""


GENERIC_DOCUMENT = "Văn bản"
"""What a document is called when the record does not hold its type (`Văn bản của …`)."""


def absent(fact: str, not_known: bool) -> str:
    """`Văn bản không nêu thời gian thực hiện`, or `Chưa có thông tin về thời gian thực hiện`."""
    return ABSENT[fact][1 if not_known else 0]


def phrases_absent(kinds: Sequence[str], not_known: bool) -> str:
    """`Chưa có thông tin về chủ đề, khẩu hiệu`, for the phrase kinds (`theme`, `slogan`, `message`) a plan lacks."""
    return f"{absent('phrases', not_known)} {', '.join(PHRASE_KINDS_PLURAL[k] for k in kinds)}"


EVENT_KINDS: dict[str, str] = {kind: label("event_kind", kind) for kind in ALL_EVENT_KINDS}
"""The kinds of date on the calendar and in the feeds."""

EVENT_MARKS = {"observance": "★", "deadline": "■", "activity": "●"}
"""The sign of each kind of day in a month grid (activity windows shade the day instead)."""

ISSUER_LEVELS: dict[str, str] = {level: label("document_level", level) for level in ALL_DOCUMENT_LEVELS}
"""The levels of the legal chain's documents, in its order."""

LINK_MODALITIES = {
    "may": "Có thể kết nối các hoạt động với",
    "encouraged": "Khuyến khích kết nối các hoạt động với",
    "requested": "Đề nghị kết nối các hoạt động với",
    "stated": "Các hoạt động kết nối với",
}
"""How a plan's linked days are introduced, keeping the document's modality (`linked_modality`)."""
LINK_UNWORDED = "Văn bản có nhắc tới việc kết nối các hoạt động với"
"""The same when the record does not say how the document words it: true whatever the word was."""


def link_lead(modality: str | None) -> str:
    """`Có thể kết nối các hoạt động với`, as the document words the link, or a lead true of any wording."""
    return LINK_MODALITIES[modality] if modality else LINK_UNWORDED


PEAK_NAME = "thời gian cao điểm"
"""A period inside a plan's window, when the document calls it `cao điểm` (`window.peak.name` otherwise)."""

INFERRED = "suy ra từ nguồn, chưa đối chiếu văn bản"
FROM_SUMMARY = "theo bản tin tóm tắt"
"""Beside a plan's name in lists, when its record was made from a news summary, not from the document."""
"""Beside a value staff inferred from a source (`inferred:`) rather than read in the document."""


INFERRED_FIELDS = {
    "issuer.name": "tên cơ quan ban hành",
    "issuer.province": "tỉnh, thành phố của cơ quan ban hành",
    "place": "địa danh",
}
"""The facts a plan may hold as inferred (`model.InferredField`), as a notice names them."""


def inferred_notice(paths: Sequence[str]) -> str | None:
    """`Tên cơ quan ban hành và tỉnh, thành phố được suy ra từ nguồn, chưa đối chiếu văn bản.`, or None."""
    if not paths:
        return None
    names = [INFERRED_FIELDS[p] for p in paths]
    listed = " và ".join(filter(None, ("; ".join(names[:-1]), names[-1])))
    return capitalised(f"{listed} được {INFERRED}.")


def inferred_text(text: str, inferred: bool) -> str:
    """`Tuyên Quang (suy ra từ nguồn, chưa đối chiếu văn bản)` for an inferred value; else the text as it is."""
    return f"{text} ({INFERRED})" if inferred else text


DeadlineRule = Literal["before", "no_later_than", "until", "within", "final_day", "deadline_day", "latest", "not_after"]

DEADLINE_RULES: dict[DeadlineRule, str] = {
    "before": "trước ngày",
    "no_later_than": "chậm nhất ngày",
    "until": "đến ngày",
    "within": "trong ngày",
    "final_day": "hạn cuối ngày",
    "deadline_day": "hạn chót ngày",
    "latest": "muộn nhất ngày",
    "not_after": "không muộn hơn ngày",
}
"""How a report deadline is worded, as printed: pages and feeds quote these words before the date."""

DAY_BEFORE_RULES: frozenset[DeadlineRule] = frozenset({"before"})
"""Wordings that exclude the day written: "trước ngày 10/5" is due by 9/5; every other wording is due on the day."""

DEADLINE_RULES_HELP = "; ".join(
    f"{rule}: {words} ({'hạn chót là ngày hôm trước' if rule in DAY_BEFORE_RULES else 'hạn chót là chính ngày đó'})"
    for rule, words in DEADLINE_RULES.items()
)
"""The rule values for staff (field description in the editor schema and in messages)."""


def due_aside(day: str) -> str:
    """`(hạn chót: ngày 9/5/2026)`: the last day a report is on time, said plainly after the document's words."""
    return f"(hạn chót: ngày {day})"

WEEKDAYS = [("T2", "Thứ Hai"), ("T3", "Thứ Ba"), ("T4", "Thứ Tư"), ("T5", "Thứ Năm"), ("T6", "Thứ Sáu"),
            ("T7", "Thứ Bảy"), ("CN", "Chủ Nhật")]
"""Column heads of a month grid, Monday first: the short form shown and the full name read aloud."""


def human_size(size: int) -> str:
    """`3 KB` or `1,2 MB`, as download links state it (KB rounded up, at least 1 KB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, -(-size // 1024))} KB"


def count_text(count: int) -> str:
    """A count as Vietnamese writes it, thousands apart with dots: `117.510`."""
    return f"{count:,}".replace(",", ".")


def capitalised(text: str) -> str:
    """The text starting a sentence: its first letter in upper case, the rest as it is."""
    return text[:1].upper() + text[1:]


def units_choose_text(kinds: Sequence[str]) -> str | None:
    """`Văn bản không quy định chủ đề, khẩu hiệu chung: mỗi đơn vị tự chọn.`, for the kinds a plan leaves open."""
    if not kinds:
        return None
    return f"Văn bản không quy định {', '.join(PHRASE_KINDS_PLURAL[k] for k in kinds)} chung: mỗi đơn vị tự chọn."


def places_text(province_count: int, central: bool) -> str:
    """Where a year's plans come from: `ở 3 tỉnh, thành phố`, `ở trung ương và 3 tỉnh, thành phố`, `ở trung ương`."""
    provinces = f"{province_count} tỉnh, thành phố" if province_count else ""
    return "ở " + " và ".join(part for part in ("trung ương" if central else "", provinces) if part)
