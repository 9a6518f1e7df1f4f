"""The Vietnamese words the site uses for its fixed categories, in one place.

Pages, feeds, banners, messages and the model take their labels from here, so a word is changed
once; the labels of the domain's lists (`domain.py`) are read from the catalogue. Sentences built from the data (a date, a span, a deadline, a plan's facts) are in `phrasing.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from campaign_site.core.catalogue import label, plain
from campaign_site.data.domain import (
    ALL_DEADLINE_RULES,
    ALL_DOCUMENT_LEVELS,
    ALL_EVENT_KINDS,
    ALL_INFERRED_FIELDS,
    ALL_LINK_MODALITIES,
    ALL_PHRASE_KINDS,
    DeadlineRule,
)

PHRASE_KINDS: dict[str, str] = {kind: label("phrase_kind", kind) for kind in ALL_PHRASE_KINDS}
"""What a year's phrase is: a theme (chủ đề), a slogan (khẩu hiệu) or a message (thông điệp)."""

PHRASE_KINDS_PLURAL: dict[str, str] = {kind: label("phrase_kind_lower", kind) for kind in ALL_PHRASE_KINDS}
"""The kinds in the middle of a sentence."""

ABSENT_FACTS = (
    "signer", "signer_name", "place", "date", "number", "window", "report_deadlines", "recipients", "summary", "issued", "issuer", "type", "addressees", "legal_basis", "context", "purposes", "requirements", "phrases", "content", "forms", "responsibilities", "date_held", "venue",
)
"""The facts a record may lack, each with its words in the catalogue for when the document does not state it
(`not_stated.<fact>`) and for when it is not known yet (`not_known.<fact>`, `chưa rõ` in the data)."""
ABSENT: dict[str, tuple[str, str]] = {fact: (label("not_stated", fact), label("not_known", fact)) for fact in ABSENT_FACTS}
"""For each fact a record may lack: what pages say when the document does not state it, and when
it is not known yet."""


GENERIC_DOCUMENT = plain("wording.generic_document")
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

LINK_MODALITIES: dict[str, str] = {modality: label("link_modality", modality) for modality in ALL_LINK_MODALITIES}
"""How a plan's linked days are introduced, keeping the document's modality (`linked_modality`)."""
LINK_UNWORDED = plain("wording.link_unworded")
"""The same when the record does not say how the document words it: true whatever the word was."""


def link_lead(modality: str | None) -> str:
    """`Có thể kết nối các hoạt động với`, as the document words the link, or a lead true of any wording."""
    return LINK_MODALITIES[modality] if modality else LINK_UNWORDED


PEAK_NAME = plain("wording.peak_name")
"""A period inside a plan's window, when the document calls it `cao điểm` (`window.peak.name` otherwise)."""

INFERRED = plain("wording.inferred")
"""Beside a value staff inferred from a source (`inferred:`) rather than read in the document."""
FROM_SUMMARY = plain("wording.from_summary")
"""Beside a plan's name in lists, when its record was made from a news summary, not from the document."""


INFERRED_FIELDS: dict[str, str] = {path: label("inferred_field", path) for path in ALL_INFERRED_FIELDS}
"""The facts a plan may hold as inferred (`model.InferredField`), as a notice names them."""


_AND = " " + plain("model.and") + " "
"""Between the last two items of a list."""


def inferred_notice(paths: Sequence[str]) -> str | None:
    """`Tên cơ quan ban hành và tỉnh, thành phố được suy ra từ nguồn, chưa đối chiếu văn bản.`, or None."""
    if not paths:
        return None
    names = [INFERRED_FIELDS[p] for p in paths]
    listed = _AND.join(filter(None, ("; ".join(names[:-1]), names[-1])))
    return capitalised(plain("wording.inferred_notice", fields=listed, inferred=INFERRED))


def inferred_text(text: str, inferred: bool) -> str:
    """`Tuyên Quang (suy ra từ nguồn, chưa đối chiếu văn bản)` for an inferred value; else the text as it is."""
    return f"{text} ({INFERRED})" if inferred else text


DEADLINE_RULES: dict[DeadlineRule, str] = {rule: label("deadline_rule", rule) for rule in ALL_DEADLINE_RULES}
"""How a report deadline is worded, as printed: pages and feeds quote these words before the date."""

DAY_BEFORE_RULES: frozenset[DeadlineRule] = frozenset({"before"})
"""Wordings that exclude the day written: "trước ngày 10/5" is due by 9/5; every other wording is due on the day."""

DEADLINE_RULES_HELP = "; ".join(
    f"{rule}: {words} ({due})"
    for rule, words in DEADLINE_RULES.items()
    for due in [plain("wording.due_day_before") if rule in DAY_BEFORE_RULES else plain("wording.due_on_day")]
)
"""The rule values for staff (field description in the editor schema and in messages)."""


WEEKDAYS = [(label("weekday_short", day), label("weekday", day)) for day in ("1", "2", "3", "4", "5", "6", "7")]
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


def in_sentence(text: str) -> str:
    """The text inside a sentence: its first letter in lower case, the rest as it is (`Văn bản không nêu …` after
    a semicolon)."""
    return text[:1].lower() + text[1:]


def units_choose_text(kinds: Sequence[str]) -> str | None:
    """`Văn bản không quy định chủ đề, khẩu hiệu chung: mỗi đơn vị tự chọn.`, for the kinds a plan leaves open."""
    if not kinds:
        return None
    return plain("wording.units_choose", kinds=", ".join(PHRASE_KINDS_PLURAL[k] for k in kinds))


def and_joined(items: Sequence[str]) -> str:
    """`a, b và c`: items as a sentence lists them."""
    return _AND.join(filter(None, (", ".join(items[:-1]), *items[-1:])))


def places_text(province_count: int, central: bool) -> str:
    """Where a year's plans come from: `ở 3 tỉnh, thành phố`, `ở trung ương và 3 tỉnh, thành phố`, `ở trung ương`."""
    provinces = plain("wording.places.provinces", count=province_count) if province_count else ""
    parts = (plain("wording.places.central") if central else "", provinces)
    return plain("wording.places", places=_AND.join(part for part in parts if part))
