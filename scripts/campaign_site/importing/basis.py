"""Documents a text cites (`Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về
việc …`), matched to the registry by number and symbol, or described for documents.yaml."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from campaign_site.core.catalogue import plain
from campaign_site.data.model import LegalDocument
from campaign_site.data.placeholders import is_marked, review, to_fill
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.vn_dates import short as decree_short
from campaign_site.importing import dates, names
from campaign_site.importing.vn import UPPER, capitalize, key, squash

TYPES = [
    "Công văn", "Kế hoạch", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông báo", "Hướng dẫn", "Thông tư liên tịch",
    "Thông tư", "Nghị định", "Bộ luật", "Luật", "Kết luận", "Chương trình", "Công điện", "Báo cáo", "Tờ trình",
    "Pháp lệnh", "Quy định", "Đề án", "Văn bản",
]
_TYPE = "|".join(sorted((re.escape(t) for t in TYPES), key=len, reverse=True))
_NS = r"\d+(?:\s?[/-]\s?[^\s/,;:()“”\"-]+)+"
CITATION = re.compile(
    rf"(?<![\w])(?P<type>(?i:{_TYPE}))(?:\s+(?P<name>[^\d;:“”]{{3,120}}?))??\s+(?:số\s+)?(?P<ns>{_NS})",
)
_DATE_AFTER = re.compile(rf"^\s*,?\s*ngày\s+(?P<d>{dates.FULL_DATE})")
_ISSUER_AFTER = re.compile(r"^\s*,?\s*của\s+")
_ACTOR = (r"(?:Sở|Ủy ban|Uỷ ban|UBND|Bộ|Cục|Ban|Phòng|Trung tâm|Văn phòng|Chi cục|Đài|Báo|Hội|Liên hiệp|Đoàn|Trường|Viện|"
          r"Công an|Đảng ủy|Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng)")
_VERB = r"(?:trân trọng\s+|kính\s+)?(?:đề nghị|xây dựng|ban hành|hướng dẫn|thông báo|triển khai|yêu cầu|đề xuất|chỉ đạo|giao)\b"
_NAME_PART = rf"(?:[^,;.]|,\s(?=[{UPPER}]))"
"""A name goes on past a comma before a capital (`Sở Văn hóa, Thể thao và Du lịch`)."""
ACTOR = re.compile(rf"(?:^|(?<=[,.;:])\s+|\.\s+)(?P<actor>{_ACTOR}\b{_NAME_PART}{{0,120}}?)\s+{_VERB}")
_ACTOR_NEXT = re.compile(rf"\s*{_ACTOR}\b{_NAME_PART}{{0,120}}?\s+{_VERB}")
_ABBREVIATED = re.compile(r"(?:TP|Tp|Q|P|TX|TT)\.$")


@dataclass
class Citation:
    type: str
    number_symbol: str
    date: date | None
    issuer: str | None
    summary: str | None
    start: int
    end: int
    nested: list[Citation] = field(default_factory=list)
    issuer_certain: bool = True
    """Whether a reference list pins the issuer (`names.agency`); otherwise `issuer` is the words whole."""
    summary_certain: bool = True
    """Whether the summary ends where its clause does (`;`, `.`, the next citation), not before the sentence's
    subject and verb (`…, Sở … đề nghị`), a cut the rules chose."""


_CITED = re.compile(rf"(?i:{_TYPE})\s+(?:số\s+)?\d")
_AND_CITED = re.compile(rf"\s+và\s+(?i:{_TYPE})\s+(?:số\s+)?\d")
"""`và Công văn số …` after a summary that cites no document itself: the next document the sentence cites, not one
the first implements (`… thực hiện Nghị quyết số 57 và Nghị quyết số 71` keeps both in the summary)."""


def _summary_end(text: str, start: int) -> tuple[int, bool]:
    """Where a summary ends, and whether that is its clause's end: `;`, a full stop, a comma before the next
    citation, or `và` before the next citation when the summary cites none (True); a comma before the sentence's
    subject (`, Sở … xây dựng`: False). Quotes and brackets are read through."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c in "“(":
            depth += 1
        elif c in "”)" and depth:
            depth -= 1
        elif depth == 0:
            if c == ";" and _ends_at_semicolon(text, i + 1):
                return i, True
            if c == "." and (i + 1 == len(text) or text[i + 1] == " ") and not _ABBREVIATED.search(text[max(0, i - 3):i + 1]):
                return i, True
            if c == "," and re.match(rf"\s*(?i:{_TYPE})\s+(?:số\s+)?\d", text[i + 1:]):
                return i, True
            if c == "," and _ACTOR_NEXT.match(text, i + 1):
                return i, False
            if c == " " and _AND_CITED.match(text, i) and not _CITED.search(text, start, i):
                return i, True  # `… về việc hưởng ứng … và Công văn số …`: a second document cited beside the first
        i += 1
    return len(text), True


def _ends_at_semicolon(text: str, after: int) -> bool:
    """A `;` ends a summary before another citation, a clause in small letters or the end; before a
    capitalised name (`(21/4); Ngày Sở hữu trí tuệ thế giới (26/4)`) it separates parts of the summary."""
    rest = text[after:].lstrip()
    return not rest or rest[:1].islower() or bool(re.match(rf"(?i:{_TYPE})\s+(?:số\s+)?\d", rest)) or not rest[:1].isalpha()


def _issuer_end(text: str, start: int) -> int:
    m = re.compile(rf"\s+(?:về|V/v|v/v)\b|[;.](?:\s|$)|,\s*(?:ngày|(?i:{_TYPE})\s)|\s+(?:ban hành|hướng dẫn)\b|$").search(text, start)
    return m.start() if m else len(text)


def citations(text: str) -> list[Citation]:
    """Citations in `text`, outermost first; one cited inside another's summary is its `nested`."""
    found: list[Citation] = []
    for m in CITATION.finditer(text):
        ns = re.sub(r"\s+", "", m["ns"]).rstrip(".")
        if not re.search(r"[^\W\d_]", ns.split("/", 1)[-1]) or re.fullmatch(r"\d+/\d+(?:/\d+)?", ns):
            continue
        pos = m.end()
        when = None
        if d := _DATE_AFTER.match(text[pos:]):
            when, _ = dates.parse(re.sub(r"^\s*ngày\s+", "", d["d"]))
            pos += d.end()
        issuer, issuer_certain = None, True
        if i := _ISSUER_AFTER.match(text[pos:]):
            begin = pos + i.end()
            end = _issuer_end(text, begin)
            if (listed := names.central_body(text[begin:])) and begin + listed[1] > end:
                end = _issuer_end(text, begin + listed[1])  # a listed name read through its own `về`
            issuer, issuer_certain = names.agency(squash(text[begin:end]), when)
            issuer = issuer or None
            pos = end
        summary, summary_certain = None, True
        if s := re.match(r"\s*,?\s*(?P<s>(?:về|V/v|v/v)\b)", text[pos:]):
            begin = pos + s.start("s")
            end, summary_certain = _summary_end(text, begin)
            summary = squash(text[begin:end]).rstrip(" ,") or None
            pos = end
        found.append(Citation(capitalize(m["type"].lower()) if m["type"][0].islower() else m["type"], ns, when, issuer,
                              summary, m.start(), pos, issuer_certain=issuer_certain, summary_certain=summary_certain))
    outer: list[Citation] = []
    for c in found:
        parent = next((o for o in outer if o.start < c.start < o.end), None)
        if parent:
            parent.nested.append(c)
        else:
            outer.append(c)
    return outer


def _type_name(raw: str) -> str:
    """The type as the registry writes it (capital first letter): `công văn` → `Công văn`."""
    for t in TYPES:
        if key(t) == key(raw):
            return t
    return capitalize(raw)


@dataclass
class Resolved:
    """A citation as an id: from the registry, or new (with its documents.yaml entry)."""

    id: str
    certain: bool
    new: dict | None = None
    note: str | None = None


def resolve(citation: Citation, registry: Mapping[str, LegalDocument], plan_year: int | None,
            new_ids: dict[str, dict]) -> Resolved:
    """The registry's id for a citation (same number and symbol; same date when both are known), or
    a new entry described from the citation."""
    wanted = _number_key(citation.number_symbol)
    same = [d for d in registry.values() if isinstance(d.number_symbol, str) and _number_key(d.number_symbol) == wanted]
    if citation.date and same:
        dated = [d for d in same if isinstance(d.date, PartialDate) and d.date.day and
                 (d.date.year, d.date.month, d.date.day) == (citation.date.year, citation.date.month, citation.date.day)]
        if dated:
            same = dated
        elif not any(isinstance(d.date, PartialDate) and d.date.year == citation.date.year for d in same):
            same = []
    if len(same) > 1 and citation.issuer and citation.issuer_certain:
        same = [d for d in same if _same_body(d.issuer, citation.issuer)] or same
    if len(same) == 1:
        return Resolved(same[0].id, True)
    if len(same) > 1:
        return Resolved(same[0].id, False, note=plain("import.same_number", count=len(same), number=citation.number_symbol, ids=', '.join(d.id for d in same), id=same[0].id))
    if drafted := _drafted(citation, new_ids):
        return drafted
    return _new(citation, registry, plan_year, new_ids)


@cache
def _number_key(number_symbol: str) -> str:
    """A number and symbol compared as Decree 30 writes it: no spaces, one kind of dash, case folded."""
    return key(number_symbol).replace(" ", "")


def _same_body(one: str, other: str) -> bool:
    """Whether two names are the same body's (`UBND tỉnh Lai Châu`, `Ủy ban nhân dân tỉnh Lai Châu`)."""
    return key(names.short_name(one, None)[0]) == key(names.short_name(other, None)[0])


def _drafted(citation: Citation, new_ids: dict[str, dict]) -> Resolved | None:
    """The entry this draft already describes for the same number and symbol (and the same issuer when both
    name one): a document cited again in other words (`theo hướng dẫn tại Công văn số …`) is that entry,
    completed with what the first citation lacked."""
    wanted = _number_key(citation.number_symbol)
    for doc_id in [i for i, e in new_ids.items() if _number_key(e["number_symbol"]) == wanted]:
        entry = new_ids[doc_id]
        issuer = str(entry.get("issuer", ""))
        if citation.issuer and citation.issuer_certain and not is_marked(issuer) and not _same_body(issuer, citation.issuer):
            continue
        if citation.date and "date" not in entry:
            entry["date"] = decree_short(citation.date)
        if citation.issuer and citation.issuer_certain and is_marked(issuer):
            entry["issuer"], entry["level"] = citation.issuer, names.document_level(citation.issuer) or entry["level"]
        if citation.summary and "summary" not in entry:
            entry["summary"] = _summary(citation)
        certain = "date" in entry and not is_marked(entry["issuer"]) and not is_marked(entry["level"])
        return Resolved(doc_id, certain)
    return None


def _new(citation: Citation, registry: Mapping[str, LegalDocument], plan_year: int | None,
         new_ids: dict[str, dict]) -> Resolved:
    doc_type = _type_name(citation.type)
    level = names.document_level(citation.issuer) if citation.issuer else _level_from_symbol(citation.number_symbol)
    locality = None
    if citation.issuer and level in ("province", "commune"):
        places = names.localities(citation.issuer)
        if places:
            word, place = places[0]
            locality = names.province(place) or place if word in ("tỉnh", "thành phố") else place
    year = citation.date.year if citation.date else None
    doc_id = names.document_id(doc_type, citation.number_symbol, locality, year or plan_year)
    certain = bool(citation.date and citation.issuer and citation.issuer_certain and level)
    entry: dict = {"id": doc_id, "type": doc_type, "number_symbol": citation.number_symbol}
    if citation.date:
        entry["date"] = decree_short(citation.date)
    if citation.issuer:
        entry["issuer"] = citation.issuer if citation.issuer_certain else review(citation.issuer)
    else:
        entry["issuer"] = to_fill(plain("staff.new_issuer"))
    entry["level"] = level if level else to_fill(plain("staff.new_document_level"))
    if citation.summary:
        entry["summary"] = _summary(citation)
    if doc_id in registry and doc_id not in new_ids:
        doc_id = f"{doc_id}-{len(new_ids) + 2}"
        entry["id"] = doc_id
    new_ids.setdefault(doc_id, entry)
    return Resolved(doc_id, certain, entry)


def _summary(citation: Citation) -> str:
    """The summary as documents.yaml keeps it: marked when the rules chose where it ends."""
    summary = citation.summary or ""
    return summary if citation.summary_certain else review(summary)


def _level_from_symbol(number_symbol: str) -> str | None:
    if number_symbol.upper().endswith("/TW"):
        return "party"
    if re.search(r"-(?:CP|TTg)$", number_symbol):
        return "government"
    return None


def actors(text: str) -> list[str]:
    """Bodies named as the subject of the sentence (`…, Sở Khoa học và Công nghệ trân trọng đề nghị`)."""
    return [squash(m["actor"]) for m in ACTOR.finditer(text)]
