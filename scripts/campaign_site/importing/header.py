"""The header of a Decree 30 document: issuing body (under its superior body), number and symbol,
place and date, type and subject (`V/v …`, or a title under `KẾ HOẠCH`), then `Kính gửi`.

Any part may be missing (drafts copied from the body start at `Số:`) or come in another order (a
PDF reads the two header columns in turn); the header ends where the body starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from campaign_site.importing import dates
from campaign_site.importing.text import Para
from campaign_site.importing.vn import is_caps, squash

MOTTO = re.compile(r"cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|độc\s+lập\s*-\s*tự\s+do\s*-\s*hạnh\s+phúc",
                   re.IGNORECASE)
NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<n>[\d.…_ ]*?)\s*/\s*(?P<s>[^\s,;]+)(?P<rest>.*)$")
SUBJECT = re.compile(r"^(?:V/v|Về việc)\s*[:.]?\s*(?P<s>.+)$", re.IGNORECASE)
TYPES = {
    "KẾ HOẠCH": "Kế hoạch", "CÔNG VĂN": "Công văn", "THÔNG BÁO": "Thông báo", "QUYẾT ĐỊNH": "Quyết định",
    "CHƯƠNG TRÌNH": "Chương trình", "HƯỚNG DẪN": "Hướng dẫn", "BÁO CÁO": "Báo cáo", "CHỈ THỊ": "Chỉ thị",
    "NGHỊ QUYẾT": "Nghị quyết", "CÔNG ĐIỆN": "Công điện", "THƯ NGỎ": "Thư ngỏ",
}
TYPE_IN_SYMBOL = {"KH": "Kế hoạch", "TB": "Thông báo", "QĐ": "Quyết định", "CTr": "Chương trình", "CTR": "Chương trình",
                  "HD": "Hướng dẫn", "BC": "Báo cáo", "CT": "Chỉ thị", "NQ": "Nghị quyết", "CĐ": "Công điện"}
_SEPARATOR = re.compile(r"^[-_=.…\s]+$")
_AGENCY_WITHOUT_PLACE = re.compile(r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ|SỞ)$")
_PLACE_START = re.compile(r"^(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\b")
BODY_START = re.compile(r"^(?:Kính gửi|Thực hiện|Căn cứ|Triển khai|Theo)\b")


@dataclass
class Header:
    agencies: list[str] = field(default_factory=list)
    """Names in capitals above `Số:`, superior body first."""
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    year: int | None = None
    type: str | None = None
    type_certain: bool = True
    subject: str | None = None
    addressees: list[str] = field(default_factory=list)
    end: int = 0
    """Index of the first paragraph of the body."""


def _merge_agencies(lines: list[str]) -> list[str]:
    """Capital lines as agency names: `ỦY BAN NHÂN DÂN` / `XÃ BÌNH THÀNH` is one name wrapped in two."""
    out: list[str] = []
    for line in lines:
        if out and (_AGENCY_WITHOUT_PLACE.search(out[-1]) and _PLACE_START.match(line)
                    or out[-1].endswith((" VÀ", ",", "-")) or line.startswith(("VÀ ", "- "))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def parse(paras: list[Para]) -> Header:
    header = Header()
    agencies: list[str] = []
    expecting_title = False
    i = 0
    while i < len(paras):
        para = paras[i]
        text = squash(MOTTO.sub(" ", para.full)).strip(" -")
        if not text or _SEPARATOR.match(text):
            i += 1
            continue
        if BODY_START.match(text) and not expecting_title:
            break
        if m := NUMBER.match(text):
            number = m["n"].strip(" ._…")
            header.number = int(number) if number.isdigit() and int(number) > 0 else None
            header.symbol = m["s"].rstrip(".")
            text = m["rest"].strip()
            if not text:
                i += 1
                continue
        if (signed := dates.signed(text)) and re.match(r"^[^\W\d_][^,]{0,60},\s*ngày", text):
            header.place = text.split(",", 1)[0].strip()
            header.date, header.year = signed
            i += 1
            continue
        if m := SUBJECT.match(text):
            header.subject = m["s"].strip()
            header.type = header.type or "Công văn"
            i += 1
            continue
        if text.upper() in TYPES and is_caps(text):
            header.type = TYPES[text.upper()]
            expecting_title = True
            i += 1
            continue
        if expecting_title:
            header.subject = text
            expecting_title = False
            i += 1
            continue
        if is_caps(text) and header.symbol is None and header.subject is None:
            agencies.append(text)
            i += 1
            continue
        break
    header.end = i
    header.agencies = _merge_agencies(agencies)
    if header.type is None and header.symbol:
        code = re.split(r"[-/]", header.symbol)[0]
        header.type = TYPE_IN_SYMBOL.get(code)
    if header.type is None and header.symbol:
        header.type, header.type_certain = "Công văn", False
    _addressees(paras, header)
    return header


def _addressees(paras: list[Para], header: Header) -> None:
    """`Kính gửi: …` on one line, or `Kính gửi:` then a list."""
    i = header.end
    while i < len(paras) and not paras[i].full.strip():
        i += 1
    if i >= len(paras):
        return
    m = re.match(r"^Kính gửi\s*[:.]?\s*(?P<rest>.*)$", paras[i].full)
    if not m:
        return
    items = [m["rest"]] if m["rest"].strip() else []
    i += 1
    while i < len(paras) and paras[i].kind == "bullet" and not items_end(paras[i]):
        items.append(paras[i].text)
        i += 1
    header.addressees = [clean_item(item) for item in items if clean_item(item)]
    header.end = i


def items_end(para: Para) -> bool:
    return bool(BODY_START.match(para.text))


def clean_item(item: str) -> str:
    """A list item without the `;` or `.` that separates items in the document."""
    return squash(item).rstrip(" ;,.").strip()
