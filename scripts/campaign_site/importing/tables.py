"""Tables of tasks: a header row naming its columns (`TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối
hợp | Thời gian hoàn thành`), then one row a task.

A Word table reaches the text as one line a row, its cells apart by a tab (see `readers`); a text copy
gives the same tab-separated rows; a PDF sets the cells far apart. Only the header row pins what a
column holds: a row is read when it has the header's number of cells, and each cell goes where its
column's heading puts it. Anything else stays a paragraph of the text.
"""

from __future__ import annotations

import re

from campaign_site.importing.vn import key

SPLIT = re.compile(r"(?<=\S)(?:\s{4,}|\s*\t\s*)(?=\S)")
"""Between two cells of a row, or the two columns of a header line: a tab, or the wide gap a PDF or the readers
leave (`text.COLUMN_GAP`)."""
_ROLES = (
    ("number", ("tt", "stt", "số tt")),
    ("lead", ("chủ trì", "đơn vị thực hiện", "cơ quan thực hiện", "đơn vị thực hiện chính")),
    ("partners", ("phối hợp",)),
    ("time", ("thời gian", "thời hạn", "hoàn thành", "tiến độ")),
    ("task", ("nội dung", "công việc", "nhiệm vụ", "hoạt động")),
    ("other", ("ghi chú", "sản phẩm", "kết quả", "kinh phí", "dự toán")),
)
"""What a column holds, by the words of its heading, in the order they are tried (`Đơn vị chủ trì` names the
lead before `Nội dung chủ trì` could name a task; `Thời gian hoàn thành` is a time). `other` columns (notes,
products) hold nothing the plan keeps."""
_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})\.?$")
_NUMBERED = re.compile(r"^(?P<n>(?:\d{1,2}|[IVX]{1,4})\.?)\s+(?=\S)")
"""A row's number run into its next cell, as a reader that took the number for list numbering writes it."""
_HEADINGS = (r"(?:s?tt|số tt)", r"(?:nội dung(?: công việc| hoạt động| nhiệm vụ)?|công việc|nhiệm vụ|hoạt động)",
             r"(?:(?:đơn vị|cơ quan) )?(?:chủ trì|phối hợp|thực hiện)",
             r"(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ)", r"(?:ghi chú|sản phẩm|kết quả|kinh phí|dự toán)")
_FLAT = re.compile(rf"^{_HEADINGS[0]}(?:\s*\|?\s*(?:{'|'.join(_HEADINGS[1:])}))+(?=\s+\d|$)")
"""A header row whose cells a reader ran together with single spaces (`TT Nội dung công việc Đơn vị chủ trì`),
alone or with the rows after it run into its paragraph."""


def cells(line: str, numbered: bool = False) -> list[str]:
    """The cells of a row; with `numbered`, a number run into the first cell (`1 Treo băng rôn`) apart."""
    found = [c.strip(" *") for c in SPLIT.split(line.strip()) if c.strip(" *")]
    if numbered and found and (m := _NUMBERED.match(found[0])):
        found[:1] = [m["n"], found[0][m.end():]]
    return found


def roles(row: list[str]) -> list[str] | None:
    """What each column holds when `row` is a task table's header: a task column and another naming who or
    when (a lead, partners or a time), each once; else None."""
    found: list[str] = []
    for cell in row:
        folded = key(cell)
        role = next((r for r, words in _ROLES if any(folded == w or folded.startswith(w + " ") or f" {w}" in f" {folded}"
                                                       for w in words)), None)
        if role is None or role in found or len(cell.split()) > 6:
            return None
        found.append(role)
    if "task" not in found or not {"lead", "partners", "time"} & set(found) or len(found) < 2:
        return None
    return found


def row(line: str, columns: list[str]) -> dict[str, str] | None:
    """A row's cells by what their column holds, when the row has one cell a column and its number cell (if
    any) is a number; else None."""
    found = cells(line, columns[0] == "number")
    if len(found) != len(columns):
        return None
    out = dict(zip(columns, found, strict=True))
    if "number" in out and not _NUMBER.match(out["number"]):
        return None
    return out


_SEVERAL = re.compile(r"[,;/+\n]|\s(?:và|cùng|với)\s+(?:các\s+)?(?:Sở|Phòng|Ban|Ủy ban|Uỷ ban|UBND|Trung tâm|Văn phòng|Hội|"
                      r"Đài|Báo|Công an|Bộ|Cục|Viện|Đoàn|Liên đoàn|Mặt trận|Thành đoàn|Tỉnh đoàn|Huyện đoàn)\b")
"""Between two bodies' names: a list's comma, semicolon, slash or line break, or `và` before a body's name (`Sở Khoa
học và Công nghệ` is one body, `Phòng Kinh tế và Hội Doanh nghiệp` two)."""


def names_several(unit: str) -> bool:
    """Whether a lead cell may name more than one body (`Sở Y tế, Sở Tài chính`). `UBND các phường, xã` is one,
    but the cell cannot say so: it is marked too."""
    return bool(_SEVERAL.search(unit))


def flat_header(text: str) -> str | None:
    """The header row a paragraph opens with when it is a task table's with its cells run together: the rows
    under it have lost their columns (a PDF that keeps no gap), so no cell of them is pinned."""
    folded = key(text)
    found = _FLAT.match(folded)
    return found[0] if found and "chủ trì" in found[0] else None
