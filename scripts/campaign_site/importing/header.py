"""The header of a Decree 30 document: issuing body (under its superior body), number and symbol,
place and date, type and subject (`V/v …`, or a title under `KẾ HOẠCH`), then `Kính gửi`.

Any part may be missing (drafts copied from the body start at `Số:`) or come in another order (a
PDF reads the two header columns in turn); the header ends where the body starts. The number line is
read in every form offices print it (`number_line`); an urgency or secrecy stamp (`KHẨN`, `MẬT`) is a
mark of the form, never a part of the header or a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from campaign_site.data.placeholders import is_marked, review
from campaign_site.importing import dates, names
from campaign_site.importing.text import STAMP, Para
from campaign_site.importing.vn import UPPER, is_caps, squash

MOTTO = re.compile(r"cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|độc\s+lập\s*[-–—]\s*tự\s+do\s*[-–—]\s*hạnh\s+phúc"
                   r"|^\s*đảng\s+cộng\s+sản\s+việt\s+nam\s*$|^\s*đoàn\s+(?:tncs|thanh\s+niên\s+cộng\s+sản)\s+hồ\s+chí\s+minh\s*$",
                   re.IGNORECASE)
"""The State's motto, and the line the Party and the Youth Union print in its place (`ĐẢNG CỘNG SẢN VIỆT NAM`,
`ĐOÀN TNCS HỒ CHÍ MINH`): the form's, never a body's name."""
_PARTY_MOTTO_AFTER = re.compile(r"^(?P<committee>(?:(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)"
                                r"|.*\b(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ))\s+\S.*?)\s+"
                                r"(?:ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)\s*$")
"""A Party committee's or a union body's cell and the line beside it run into one (`TỈNH ỦY LẠNG SƠN ĐẢNG CỘNG SẢN
VIỆT NAM`, `BCH ĐOÀN TỈNH NGHỆ AN ĐOÀN TNCS HỒ CHÍ MINH`): a body named by its place never ends with those names."""
_MOTTO_INSIDE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\b|HỘI\s+CHỦ\s+NGHĨA|CHỦ\s+NGHĨA\s+VIỆT|ĐỘC\s+LẬP\s*[-–—]|"
                           r"ĐẢNG\s+CỘNG\s+SẢN|ĐOÀN\s+TNCS|TNCS\s+HỒ\s+CHÍ\s+MINH")
"""Words of the motto (or the Party's and the Youth Union's line) inside a capital line, glued or not: where the
issuer's cell ends and the column beside it begins."""
_MOTTO_PIECE = re.compile(r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ|CHỦ\s+NGHĨA\s+VIỆT|ĐỘC\s+LẬP\s*[-–—]?\s*TỰ\s+DO)\b"
                          r"|^(?:VIỆT\s+NAM|[-–—]?\s*HẠNH\s+PHÚC)$", re.IGNORECASE)
"""A piece of the motto a narrow cell or box wrapped (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA VIỆT NAM`): no body's name."""
NUMBER = re.compile(r"^(?i:số)\b\s*[:.]?\s*(?P<n>[\d.…_ ]*?)\s*(?P<sep>[/-])\s*(?P<after>.*)$")
"""`Số: 12/KH-UBND` (Decree 30), `Số 01-KH/BCĐTW` (the Party's number, type and issuer), `Số:   /KH-UBND` (no number yet)."""
_NUMBER_ALONE = re.compile(r"^(?i:số)\s*[:.]?[\d.…_ ]*$")
_GROUP = re.compile(rf"[{UPPER}0-9](?:[\w&.]*[^\W_])?")
"""A unit code of a symbol: a capital or a digit first (`KH`, `QLCN&TĐC`, `CNg`, `2024`)."""
_JOINER = re.compile(r"\s*[-/&,–]\s*|\s+")
SUBJECT = re.compile(r"^(?:V/v|Về việc)\s*[:.]?\s*(?P<s>.+)$", re.IGNORECASE)
TYPES = {
    "KẾ HOẠCH": "Kế hoạch", "CÔNG VĂN": "Công văn", "THÔNG BÁO": "Thông báo", "QUYẾT ĐỊNH": "Quyết định",
    "CHƯƠNG TRÌNH": "Chương trình", "HƯỚNG DẪN": "Hướng dẫn", "BÁO CÁO": "Báo cáo", "CHỈ THỊ": "Chỉ thị",
    "NGHỊ QUYẾT": "Nghị quyết", "CÔNG ĐIỆN": "Công điện", "THƯ NGỎ": "Thư ngỏ",
}
TYPE_IN_SYMBOL = {"KH": "Kế hoạch", "TB": "Thông báo", "QĐ": "Quyết định", "CTr": "Chương trình", "CTR": "Chương trình",
                  "HD": "Hướng dẫn", "BC": "Báo cáo", "CT": "Chỉ thị", "NQ": "Nghị quyết", "CĐ": "Công điện"}
_SEPARATOR = re.compile(r"^[-–—_=.…\s]+$")
_RULE_AFTER = re.compile(r"\s*(?:[-–—_=]{3,}|\*)$")
"""The short rule printed under a subject or a title (`-----`, `____`, the Party's `*`), read onto its line."""
_TYPED_TITLE = re.compile(rf"^(?P<type>{'|'.join(TYPES)})\s+(?P<title>[^\W\d_{UPPER}].*)$")
_TYPE_START = re.compile(rf"(?:{'|'.join(TYPES)})\b")
_TYPE_THEN_TITLE = re.compile(rf"^(?P<type>{'|'.join(TYPES)})\s+(?P<title>[^\W\d_]\w*[^\W\d_{UPPER}].*)$")
"""A type and its title a copied text ran onto the place-and-date line after it (`…năm 2025    KẾ HOẠCH Tổ chức …`):
the title's first word is not in capitals."""
"""A type and, in small letters after it, the title (`KẾ HOẠCH` / `tuyên truyền …` / `-----`, as Party documents print
them): one paragraph when the lines were read as one."""
_AGENCY_WITHOUT_PLACE = re.compile(r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ|SỞ)$")
_PLACE_START = re.compile(r"^(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\b")
BODY_START = re.compile(r"^(?:Kính gửi|Thực hiện|Căn cứ|Triển khai|Theo)\b")
_NAME_START = re.compile(
    r"^(?:(?:Ủy|Uỷ) BAN|UBND|HĐND|HỘI|SỞ|BỘ|CỤC|TỔNG|VỤ|CHI|BAN|PHÒNG|TRUNG TÂM|VĂN PHÒNG|ĐÀI|BÁO|VIỆN|HỌC VIỆN|TRƯỜNG|ĐẠI HỌC"
    r"|BỆNH VIỆN|ĐẢNG|ĐOÀN|LIÊN|MẶT TRẬN|CÔNG AN|CÔNG TY|NGÂN HÀNG|THANH TRA|KHO BẠC|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|BCH"
    r"|TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|XÃ|PHƯỜNG|ĐẶC KHU|TP\.)(?=\s|$)", re.IGNORECASE)
"""The first word of a body's or a place's name in a header cell (`SỞ …`, `TỈNH ỦY …`, `THÀNH PHỐ …`)."""


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
    mixed: bool = False
    """A line of the issuer's cell held words of the motto beside it: the cell's lines are not as printed."""
    end: int = 0
    """Index of the first paragraph of the body."""


_DATED = re.compile(r",\s*ngày\b")
_PLACE = re.compile(r"^[^\W\d_](?!.*\d{4})[^,/]{0,60}$")
"""The place of a place and date line: a name (`Phường 5` has a number, not a year, and no `/`)."""
_PLACE_WORD = re.compile(rf"^(?:[{UPPER}][^\s,]*|phố|xã|phường)$")
"""A word of a place's name: capitalised (`Bình`, `TP.`), or the small words of `Thành phố`, `Thị xã`."""


def _place_and_date(text: str, subject: bool) -> tuple[str, str] | None:
    """(text before the place, the place) of a place and date line (`Lạng Sơn, ngày …`). After a subject
    (`V/v …`, a title) a PDF may have run the place and date into it: the place is then the capitalised words
    before `, ngày`, written for checking since where it begins is not certain."""
    m = _DATED.search(text)
    if m is None:
        return None
    before = text[:m.start()].strip()
    words = before.split()
    at = len(words)
    while at > 0 and _PLACE_WORD.match(words[at - 1]):
        at -= 1
    titled = bool(SUBJECT.match(before))
    if not (subject or titled) or at == 0 or not titled and len(words) <= 4 and _PLACE.match(before):
        return ("", before) if _PLACE.match(before) else None
    if at == len(words):
        return None
    return " ".join(words[:at]), review(" ".join(words[at:]))


def _names_locality(agencies: list[str], place: str) -> bool:
    """Whether a capital line of the issuer's cell ends with `place` as a locality's whole name (`PHƯỜNG TRẦN HƯNG ĐẠO`)."""
    return any((own := names.own_locality(line)) and names.same_place(place, own[1]) for line in agencies)


def number_line(text: str) -> tuple[int | None, str, str] | None:
    """(number, symbol, what follows on the line) of a number line, the symbol as printed: unit codes
    joined by `-`, `/`, `&` or a comma (`KHCN-QLCKH, CNg`), or by a space when the next code is in
    capitals; the place and date that may follow on the same line are left to the rest."""
    m = NUMBER.match(text)
    if not m or not (first := _GROUP.match(m["after"])):
        return None
    after = m["after"]
    end, spaced_from = first.end(), None
    while (joiner := _JOINER.match(after, end)) and (group := _GROUP.match(after, joiner.end())):
        if sum(c.isupper() or c.isdigit() for c in group[0]) < min(2, len(group[0])):
            break  # `Hà`: a word of the place; a code has two capitals at least (`CNg`, `CTr`)
        if not joiner[0].strip():
            if len(group[0]) < 2 or not is_caps(group[0]) or STAMP.match(group[0]) or after.startswith("/v", group.end()) \
                    or _TYPE_START.match(after, group.start()):
                break  # `… KẾ HOẠCH Tuyên truyền …` a pasted text ran onto the line: the type ends the symbol
            spaced_from = spaced_from if spaced_from is not None else end
        end = group.end()
    if spaced_from is not None and end < len(after) and not after[end].isspace():
        end = spaced_from  # `UBND-VX HUẾ, ngày …`: the last words begin the place, not the symbol
    number = m["n"].strip(" ._…")
    symbol = squash(after[:end])
    if m["sep"] == "-" and "/" not in symbol:
        return None
    return (int(number) if number.isdigit() and int(number) > 0 else None), symbol, after[end:].strip()


def wrapped(above: str, line: str) -> bool:
    """Whether a header cell's capital `line` goes on with the name on the line `above` (a narrow cell wrapped
    it: `SỞ KHOA HỌC VÀ CÔNG` / `NGHỆ`, `SỞ VĂN HÓA, THỂ` / `THAO VÀ DU LỊCH`): a lone word, or words that begin no body's or place's name."""
    return (is_caps(above) and is_caps(line) and not STAMP.match(line) and not MOTTO.search(line) and not _MOTTO_PIECE.match(line)
            and (above.endswith((" VÀ", ",", "-")) or " " not in line or not _NAME_START.match(line)))


def _merge_agencies(lines: list[str]) -> list[str]:
    """Capital lines as agency names: `ỦY BAN NHÂN DÂN` / `XÃ BÌNH THÀNH` is one name wrapped in two, and so is a
    name a narrow cell wrapped (`wrapped`)."""
    out: list[str] = []
    for line in lines:
        if out and (_AGENCY_WITHOUT_PLACE.search(out[-1]) and _PLACE_START.match(line) or wrapped(out[-1], line)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_PARTY_STAR = re.compile(r"^\*\s+(?=\S)")
"""The star a Party document prints under its committee's name, run into the place and date beside it."""


def parse(paras: list[Para]) -> Header:
    header = Header()
    agencies: list[str] = []
    expecting_title = False
    subject_open = False
    """The last paragraph was the `V/v …` line: a PDF may wrap its end onto the place and date line."""
    i = 0
    while i < len(paras):
        para = paras[i]
        text = squash(MOTTO.sub(" ", para.full)).strip()
        # A name in capitals keeps the dash a narrow cell wrapped it at (`SỞ LAO ĐỘNG -` / `- THƯƠNG BINH …`).
        text = _PARTY_MOTTO_AFTER.sub(r"\g<committee>", _RULE_AFTER.sub("", text)) if is_caps(text) else text.strip(" -")
        text = _PARTY_STAR.sub("", text)
        if not text or _SEPARATOR.match(text) or STAMP.match(text) or _MOTTO_PIECE.match(text):
            i += 1
            continue
        if BODY_START.match(text) and not expecting_title:
            break
        if _NUMBER_ALONE.match(text) and i + 1 < len(paras) and number_line(joined := f"{text} {squash(paras[i + 1].full)}"):
            text = joined  # `Số:` on one line, the number on the next
            i += 1
        if header.symbol is None and (read := number_line(text)):
            header.number, header.symbol, text = read
            if not text or STAMP.match(text):
                i += 1
                continue
            if i + 1 < len(paras) and not dates.signed(text) and dates.signed(joined := f"{text} {squash(paras[i + 1].full)}") \
                    and _place_and_date(joined, False):
                text = joined  # `Số: 233/BQTG-QLBQ    Hà` / `Nội, ngày …`: the place a narrow cell wrapped
                i += 1
            if (typed := _TYPE_THEN_TITLE.match(text)) and header.subject is None:
                # `Số: 902/KH-SVHTTDL    KẾ HOẠCH Tuyên truyền …`: a pasted text ran the type and title onto the number
                # line; where the title ends (this line, or a wrapped next one) is not pinned.
                header.type, header.subject = TYPES[typed["type"]], review(_RULE_AFTER.sub("", typed["title"]))
                i += 1
                continue
        if (signed := dates.signed(text)) and (dated := _place_and_date(text, expecting_title or subject_open)):
            wrapped_subject, subject_open = subject_open and header.subject is not None, False
            header.date, header.year = signed
            text, header.place = dated
            after = dates.SIGNED.search(para.full)
            if after and (typed := _TYPE_THEN_TITLE.match(squash(para.full[after.end():]))) and header.subject is None:
                header.type, header.subject = TYPES[typed["type"]], _RULE_AFTER.sub("", typed["title"])
            if not text:
                if wrapped_subject and not is_marked(header.place) and not names.province(header.place or "") \
                        and not _names_locality(agencies, header.place or ""):
                    # `V/v … năm 2025 Hà` / `Nội, ngày …`: the place's first word may end the subject's line.
                    header.subject, header.place = review(header.subject or ""), review(header.place or "")
                i += 1
                continue
            expecting_title = False
            if wrapped_subject:
                # `V/v … Ngày` / `Sở hữu trí tuệ thế giới năm 2022 Hà Nội, ngày …`: the subject's end, wrapped beside
                # the place and date; where it ends is not certain.
                header.subject = review(f"{header.subject} {_RULE_AFTER.sub('', text)}")
            else:
                # The subject a PDF ran into the place and date: it ends where the place begins, so it is as
                # certain as the place is.
                subject = _RULE_AFTER.sub("", SUBJECT.sub(r"\g<s>", text))
                header.subject = review(subject) if is_marked(header.place) else subject
            header.type = header.type or "Công văn"
            i += 1
            continue
        if m := SUBJECT.match(text):
            header.subject = _RULE_AFTER.sub("", m["s"].strip())
            header.type = header.type or "Công văn"
            subject_open = header.date is None
            i += 1
            continue
        subject_open = False
        if (typed := _TYPED_TITLE.match(text)) and header.subject is None:
            header.type, header.subject = TYPES[typed["type"]], _RULE_AFTER.sub("", typed["title"])
            i += 1
            continue
        if text.upper() in TYPES and is_caps(text):
            header.type = TYPES[text.upper()]
            expecting_title = True
            i += 1
            continue
        if expecting_title:
            header.subject = _RULE_AFTER.sub("", text)
            expecting_title = False
            i += 1
            continue
        if is_caps(text) and header.symbol is None and header.subject is None:
            if cut := _MOTTO_INSIDE.search(text):
                # `DU LỊCH CỘNG HÒA XÃ`, `CÁT TIÊNĐẢNG CỘNG SẢN VIỆT NAM`: a PDF ran the motto's column into the cell's.
                header.mixed, text = True, text[:cut.start()].strip(" ,-")
            if text:
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


_NAMED_DAY = re.compile(
    rf"\bNgày\s+(?:hội\s+)?[{UPPER}].*?(?=\s+(?:năm|trên|tại|của|gắn|và\s+Ngày)\b|\s*[(,;]|$)(?:\s*\(\d{{1,2}}/\d{{1,2}}\))?")
"""A day a subject names (`Ngày hội Đổi mới sáng tạo quốc gia`, `Ngày Chuyển đổi số quốc gia (10/10)`): `Ngày`, a
capital, up to the year, the place or the next day, with the date in brackets that follows it."""


def named_days(subject: str) -> list[str]:
    """The days the subject names, as it writes them, each once."""
    return list(dict.fromkeys(squash(m[0]) for m in _NAMED_DAY.finditer(subject)))


def _addressees(paras: list[Para], header: Header) -> None:
    """`Kính gửi: …` on one line (its addressees separated by `;`, as Decree 30 separates them), or `Kính gửi:`
    then a list."""
    i = header.end
    while i < len(paras) and not paras[i].full.strip():
        i += 1
    if i >= len(paras):
        return
    m = re.match(r"^Kính gửi\s*[:.]?\s*(?P<rest>.*)$", paras[i].full)
    if not m:
        return
    items = [(item, False) for item in m["rest"].split(";")]
    items[-1] = (items[-1][0], paras[i].doubtful)  # a PDF may have run the next paragraph into the line: its end, to check
    i += 1
    while i < len(paras) and paras[i].kind == "bullet" and not items_end(paras[i]):
        items.append((paras[i].text, paras[i].doubtful))
        i += 1
    header.addressees = [review(clean_item(item)) if doubtful else clean_item(item) for item, doubtful in items
                         if clean_item(item)]
    header.end = i


_HEADER_PART = re.compile(r"^(?:(?i:số)\s*[:.]?\s*[\d.…_ ]*[/-]\S|(?:V/v|Về việc)\b|Kính gửi\b)")


def part_of_header(text: str) -> bool:
    """Whether a paragraph is a part of a Decree 30 header (a number line, a `V/v` line, `Kính gửi`, a place and
    date): after the header, a sign that the header was read only in part."""
    text = text.strip(" *")
    return bool(_HEADER_PART.match(text) or _DATED.search(text) and dates.signed(text) and len(text.split()) <= 12)


def items_end(para: Para) -> bool:
    return bool(BODY_START.match(para.text))


_ITEM_MARKER = re.compile(r"^[-–+•]\s+")
"""A list marker opening an item the reader did not take as a bullet (`Kính gửi:<tab>- Các sở, …;`)."""


def clean_item(item: str) -> str:
    """A list item without its list marker and the `;` or `.` that separates items in the document."""
    return _ITEM_MARKER.sub("", squash(item)).rstrip(" ;,.").strip()
