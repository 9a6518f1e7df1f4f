"""The document's lines as paragraphs, whatever the reader made of its layout.

Readers give paragraphs separated by blank lines, but a Word file may break a sentence with a blank
line, a PDF wraps lines in mid-sentence, hyphenates words at line ends and loses blank lines between
paragraphs. A line starts a new paragraph when it opens with list numbering or a bullet, a label
(`Kính gửi:`, `Nơi nhận:`, `Thực hiện:`), the place and date line, a whole line in capitals or in
bold; otherwise it continues the paragraph when that paragraph has not ended (no final stop) or
when it starts with a small letter. In wrapped text a line that fills the width never ends a
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from campaign_site.importing import tables
from campaign_site.importing.vn import is_caps, is_lower_start, nfc, squash

_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_HEADING_HASHES = re.compile(r"^#{1,6}\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
ROMAN = re.compile(r"^(?P<m>[IVXL]{1,5}[.)-])\s+(?P<t>\S.*)$")
NUMBER = re.compile(r"^(?P<m>\d{1,2}\.(?:\d{1,2}\.?)*|\d{1,2}-(?=\s))\s*(?P<t>[^\W\d_].*)$")
"""`1.`, `1.1.`, and `1-` as Party documents number (`57-NQ/TW` at a line's start is not: no space)."""
LETTER = re.compile(r"^(?P<m>[a-zđ]\))\s*(?P<t>\S.*)$")
BULLET = re.compile(r"^(?P<m>[-+*–—•●○▪■◦➢✓])\s+(?P<t>\S.*)$")
LABEL = re.compile(
    r"^(?:(?:Số|Kính gửi|Nơi nhận|Thực hiện|Chủ trì|Phối hợp|Đơn vị (?:thực hiện|chủ trì|phối hợp))\s*[:.]|V/v\s)"
)
OPENING = re.compile(r"^(?:Thực hiện|Căn cứ|Trên đây)\s")
ACTOR_OPENING = re.compile(
    r"^(?:Sở|Ủy ban|Uỷ ban|UBND|Bộ|Cục|Ban|Phòng|Trung tâm|Văn phòng)\b[^,;.]{0,80}?\s(?:trân trọng|kính)?\s?đề nghị\b"
)
"""A sentence whose subject is an agency asking something: in a wrapped text, the closing paragraph."""
PLACE_DATE = re.compile(r"^[^\W\d_][^,]{0,60},\s*ngày\b.{0,30}\bnăm\s+\d{4}")
_TERMINAL = (".", ";", ":", "!", "?")
_SOFT_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_SYMBOL_HYPHEN_END = re.compile(r"[A-ZĐ0-9]-$")


@dataclass(frozen=True)
class Para:
    """One paragraph: its list marker (if any), its text without the marker, and what it looks like."""

    text: str
    marker: str = ""
    kind: str = "plain"
    """plain, roman (I.), number (1., 1.1.), letter (a)), bullet (-, +, *, •); `table` a task table's header row,
    `row` one of its rows (see `tables`)."""
    caps: bool = False
    bold: bool = False
    """The whole paragraph was bold in the reader's text."""
    index: int = 0
    doubtful: bool = False
    """Where it ends is uncertain (see `paragraphs`): its text is marked for checking."""
    cells: tuple[str, ...] = ()
    """The cells of a task table's row."""

    @property
    def depth(self) -> int:
        """Level of numbering: roman 0, `1.` 1, `1.1.` 2; letters 8, bullets 9, none 10."""
        if self.kind == "roman":
            return 0
        if self.kind == "number":
            return len([g for g in self.marker.split(".") if g])
        return {"letter": 8, "bullet": 9}.get(self.kind, 10)

    @property
    def full(self) -> str:
        return f"{self.marker} {self.text}" if self.marker else self.text


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(" *”\"’)")
    return stripped.endswith(_TERMINAL) and not stripped.endswith("…") or text.rstrip().endswith("./.")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph (a stop followed by a capital letter)."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9])", text) if s.strip()]


def ends_phrase(text: str) -> bool:
    """Whether a line ends as a phrase or sentence does (a stop, `!`, `?`, a closing quote), not cut by a wrap."""
    return ends_sentence(text) or text.rstrip(" *").endswith(("!", "?", "”", '"', "’", ")"))


@dataclass
class _Line:
    text: str
    bold: bool
    blank_before: bool
    cells: tuple[str, ...] = ()
    """A task table's header row or one of its rows (see `tables`): its cells."""


_BODY_START = re.compile(r"^[\s*#]*(?:Kính gửi|Thực hiện|Căn cứ)\b")
COLUMN_GAP = "    "
"""What the readers write between the two columns of a header line: a tab between two texts of a line (`ỦY BAN
NHÂN DÂN<tab>CỘNG HÒA …`, `Số: 12/KH-UBND<tab>Hà Nội, ngày …`), or words a PDF sets far apart. `_COLUMN_GAP`
finds it and `tables.SPLIT` (a table row's cells apart by the same gap) splits header lines at it."""
_COLUMN_GAP = re.compile(r"\S(?:\s{4,}|\t)\s*\S")
_TAIL_START = re.compile(r"^[\s*#]*Nơi nhận\b")
_INDENTED = re.compile(r"^(?: {8,}|\t)\s*\S")
_ASIDE = re.compile(r"^\(.*\)$")
_NO_SPLIT_BEFORE = re.compile(r"(?:Số\s*:?|ngày|tháng)$")
_CLOSING_WORDS = re.compile(r"^(?:Trân trọng|Trong quá trình (?:tổ chức )?(?:triển khai|thực hiện))\b")
STAMPS = (r"(?:(?:THƯỢNG\s+|HỎA\s+|HOẢ\s+)?(?:KHẨN|TỐC)|(?:TỐI\s+|TUYỆT\s+)?MẬT)"
          r"(?:\s*[,;/-]?\s*(?:(?:THƯỢNG\s+|HỎA\s+|HOẢ\s+)?(?:KHẨN|TỐC)|(?:TỐI\s+|TUYỆT\s+)?MẬT))*")
"""The urgency and secrecy stamps of Decree 30 (`KHẨN`, `HỎA TỐC`, `THƯỢNG KHẨN`, `MẬT`, `TỐI MẬT`), one or several."""
STAMP = re.compile(rf"^{STAMPS}$", re.IGNORECASE)
"""A stamp on a line of its own (a text box or a line of the header)."""
_OWN_PARAGRAPH = re.compile(r"^(?:\(|(?:Ngoài ra|Bên cạnh đó|Đồng thời|Báo cáo|Kết quả|Các|Đề nghị)\b|[^\W\d][^:.;,()]{1,30}:\s|"
                            r"[^.;:()]{0,60}?\bbáo cáo\b)")
"""How a paragraph of its own may open after a list item: a note in brackets, `Ngoài ra, …`, `Báo cáo kết quả …`,
a short label (`Thời gian triển khai: …`), a request for reports (`Các cơ quan, đơn vị báo cáo kết quả …`), other
bodies or a request to them (`Các khu phố phối hợp …`, `Đề nghị các đoàn thể …`)."""
_ADDRESSED = re.compile(r"^Kính gửi\s*:")
_LABEL_TEXT = re.compile(r"^[^:]{2,120}:\s*\S")
_JOINING_END = re.compile(r"\s(?:và|của|các|với|về|cho|trong|tại|theo|hoặc|những|đối với)$")
"""Words that join what follows: a line ending with one was wrapped, not ended."""


def _columns(lines: list[str]) -> list[str]:
    """Lines that a PDF reader or a copied table ran together from two columns, split where a wide gap or a
    tab separates them. In the header (issuer on the left, the national motto or the place and date on
    the right) the pieces follow each other; a gap left for a number or a day still to be written is not
    a column. From `Nơi nhận` on (the recipients on the left, the signature on the right) the right
    column, and the lines indented into it (the signer's name), come after the left one."""
    out: list[str] = []
    right: list[str] = []
    in_header, in_tail = True, False
    beside = False
    """The last line of the tail had a right column's piece."""
    for line in lines:
        in_header = in_header and not _BODY_START.match(line) and not tables.roles(tables.cells(line))
        in_tail = in_tail or bool(_TAIL_START.match(line))
        if in_tail:
            pieces = tables.SPLIT.split(line.strip(), maxsplit=1)
            if len(pieces) == 1 and (_INDENTED.match(line) or beside and is_caps(pieces[0])):
                right.append(line.strip())  # the signer's name, or the rest of a title the narrow column wrapped
            else:
                out.append(pieces[0])
                right += pieces[1:]
                beside = len(pieces) > 1
            continue
        if not in_header or not _COLUMN_GAP.search(line):
            out.append(line)
            continue
        pieces = tables.SPLIT.split(line.strip())
        merged = [pieces[0]]
        for piece in pieces[1:]:
            if _NO_SPLIT_BEFORE.search(merged[-1]):
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        out += merged
    return out + ([""] + right if right else [])


def clean_lines(text: str) -> list[_Line]:
    """The document's lines without Markdown marks, with whether each follows a blank line."""
    out: list[_Line] = []
    blank = False
    columns: list[str] | None = None
    raw_lines = nfc(text).translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for raw in _columns(raw_lines):
        if columns is not None and not raw.strip():
            continue  # a Word table's rows come apart by blank lines
        row = tables.cells(raw, columns is not None and columns[0] == "number")
        header = tables.roles(row)
        if header or columns and len(row) > 1:
            # A row that has not the header's cells (one left empty, one a PDF wrapped) is still the table's:
            # the walker reads no column of it.
            columns = header or columns
            out.append(_Line(" ".join(row), False, blank, tuple(row)))
            blank = False
            continue
        columns = None
        line = raw.replace("\u00a0", " ").replace("\t", " ").strip()
        line = _HEADING_HASHES.sub("", line)
        line = _ESCAPED.sub(r"\1", line)
        if not line.strip("* "):
            blank = True
            continue
        bold = line.startswith("**") and line.rstrip().endswith("**") and len(line) > 4
        star = re.match(r"^\*\s+(?=\S)", line)
        body = line[star.end():] if star else line
        body = squash(body.replace("*", ""))
        if not body:
            blank = True
            continue
        out.append(_Line(("* " if star else "") + body, bold, blank))
        blank = False
    return out


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width lines were wrapped at, if the text is wrapped (a PDF, a Word file saved with line
    breaks): most lines then have about the same, modest length. The width is that of the longest
    lines, a few outliers aside."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    if len(lengths) < 12 or lengths[int(len(lengths) * 0.9)] > 130:
        return None
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.98))]


def _blank_lines_are_layout(lines: list[_Line]) -> bool:
    """Whether blank lines come between wrapped lines rather than paragraphs (a Word file saved as
    text line by line): many of them fall inside a sentence."""
    breaks = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if b.blank_before]
    inside = sum(1 for a, b in breaks if not ends_sentence(a.text) and is_lower_start(b.text))
    return inside >= 3 and inside > 0.25 * len(breaks)


def _marker(text: str) -> tuple[str, str, str] | None:
    for kind, pattern in (("roman", ROMAN), ("number", NUMBER), ("letter", LETTER), ("bullet", BULLET)):
        if m := pattern.match(text):
            return kind, m["m"], m["t"]
    return None


def _glue(end: str, b: str) -> tuple[int, str]:
    """How `b` continues a paragraph whose last two characters are `end`: how many characters to drop from
    it and what goes between. A word hyphenated at a line end is mended, a code broken at its hyphen
    (`BKHCN-` / `ĐMST`, `10-` / `CTr/TU`) is rejoined, otherwise one space."""
    if _SOFT_HYPHEN_END.search(end) and is_lower_start(b) and not end.endswith(" -"):
        return 1, ""
    first = b.split(" ", 1)[0]
    if _SYMBOL_HYPHEN_END.search(end) and b[:1].isupper() and (first.isupper() or "/" in first):
        return 0, ""  # `BKHCN-` / `ĐMST`, `10-` / `CTr/TU`
    return 0, " "


class _Open:
    """The paragraph being read, kept as pieces so that adding a line costs the line's length, not the
    paragraph's: what the rules ask of its text so far (its end, open quotes, length) is kept as it grows."""

    def __init__(self, text: str, marker: str, kind: str, bold: bool, caps: bool, cells: tuple[str, ...] = ()) -> None:
        self.pieces, self.cells = [text], cells
        self.marker, self.kind, self.bold, self.caps, self.doubtful = marker, kind, bold, caps, False
        self.length = len(text)
        self.curly = text.count("“") - text.count("”")
        self.straight = text.count('"')
        self.round = text.count("(") - text.count(")")

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def start(self, size: int) -> str:
        """The first `size` characters of the text (fewer if it is shorter)."""
        head, i = "", 0
        while len(head) < size and i < len(self.pieces):
            head, i = head + self.pieces[i], i + 1
        return head[:size]

    def end(self, size: int) -> str:
        """The last `size` characters of the text (fewer if it is shorter)."""
        tail, i = "", len(self.pieces)
        while len(tail) < size and i:
            i -= 1
            tail = self.pieces[i] + tail
        return tail[-size:]

    def ended(self) -> bool:
        """`ends_sentence` of the text: its end, grown past the closing marks it may hold."""
        size = 8
        while size < self.length and not self.end(size).rstrip(" *”\"’)"):
            size *= 2
        return ends_sentence(self.end(size + 4))

    def opens_quote(self) -> bool:
        return self.curly > 0 or self.straight % 2 == 1

    def goes_on(self) -> bool:
        """Whether the text cannot end here: a quotation or bracket still open, a list of names (`,` `-`), or a
        word that joins what follows (`… và` / `Công nghệ`, `… của` / `Liên hợp quốc`)."""
        return self.opens_quote() or self.round > 0 or self.end(1) in ("-", ",", "–") \
            or bool(_JOINING_END.search(self.end(12)))

    def add(self, line: str) -> None:
        drop, between = _glue(self.end(2), line)
        if drop:
            self.pieces[-1] = self.pieces[-1][:-drop]
        self.pieces.append(between + line)
        self.length += len(between) + len(line) - drop
        self.curly += line.count("“") - line.count("”")
        self.straight += line.count('"')
        self.round += line.count("(") - line.count(")")


def paragraphs(text: str) -> list[Para]:
    """The document as paragraphs, in order; linear in the text's length."""
    lines = clean_lines(text)
    width = _wrap_width(lines)
    if width and _blank_lines_are_layout(lines):
        for line in lines:
            line.blank_before = False
    out: list[_Open] = []
    previous_line: _Line | None = None
    for line in lines:
        found = _marker(line.text)
        current = out[-1] if out else None
        if line.cells:
            kind = "row" if current is not None and current.kind in ("table", "row") else "table"
            out.append(_Open(line.text, "", kind, False, False, line.cells))
        elif current is None or current.cells or _starts_new(current, previous_line, line, found, width):
            kind, mark, body = found if found else ("plain", "", line.text)
            out.append(_Open(body, mark, kind, line.bold, is_caps(line.text)))
            if current is not None and not found and current.ended() and _CLOSING_WORDS.match(line.text) \
                    and not line.blank_before and _full_width(previous_line, line, width):
                # `… Trên đây là …` / `Trong quá trình thực hiện, …` after a full line: the issuer's closing words
                # open a paragraph, or go on the one before? The text cannot tell: both flagged.
                current.doubtful = out[-1].doubtful = True
            if current is not None and kind == "bullet" and _unended_label(current):
                # `a) Unit: task … Phòng Kinh tế` / `- Hạ tầng …`: a dash the wrap put first, or a list under the
                # task? The text cannot tell: both flagged.
                current.doubtful = out[-1].doubtful = True
        else:
            if found and not (found[0] == "bullet" and (is_lower_start(found[2]) or current.opens_quote())):
                # A full line then `- Capital …`: a dash between words pushed down by the wrap, or a new
                # item after an item without a final stop? The text cannot tell: read as one, flagged.
                current.doubtful = True
            elif not found and not current.goes_on() and _is_heading_like(current) \
                    and _wrapped_item(current, previous_line, line, width):
                current.doubtful = True
            elif not found and current.ended() and not is_lower_start(line.text) \
                    and (current.kind == "plain" or _OWN_PARAGRAPH.match(line.text)):
                # A sentence ending a full line, then a capital: the sentence after it, or a new paragraph whose
                # break left no trace (a PDF's blank lines lost)? The text cannot tell: read as one, flagged. After a
                # list item only when the next words open a paragraph of their own (a note, a report request, `Ngoài ra`).
                current.doubtful = True
            current.add(line.text)
            current.bold = current.bold and line.bold
            current.caps = current.caps and is_caps(line.text)
        previous_line = line
    return [Para(p.text, p.marker, p.kind, p.caps, p.bold, i, p.doubtful, p.cells) for i, p in enumerate(out)]


def _wrapped_item(current: _Open, previous: _Line | None, line: _Line, width: int | None) -> bool:
    """A numbered line with no final stop that the wrap filled, then a capital (`a) Sở Y tế: … Phòng Kinh tế` /
    `Hạ tầng …`, `3. Phòng Văn hóa và Thông tin, Trung tâm Văn hóa huyện` / `Xây dựng tin …`): a wrapped item or a
    long heading and its first line? Read as one, flagged by the caller."""
    return current.kind in ("roman", "number", "letter") and not (current.caps or current.bold) \
        and not is_lower_start(line.text) and _full_width(previous, line, width)


def _unended_label(current: _Open) -> bool:
    """Whether the paragraph is a label with its text begun after the `:` and not ended (`Sở Y tế: chủ trì …`)."""
    return not current.ended() and bool(_LABEL_TEXT.search(current.start(130)))


def _full_width(line: _Line | None, following: _Line, width: int | None, share: float = 0.9) -> bool:
    """Whether `line` ended because the next word did not fit (a wrap), not because its paragraph ended.
    Fonts are proportional, so a line counts as full from 90 % of the width."""
    if not width or line is None:
        return False
    first = following.text.split(" ", 1)[0]
    return len(line.text) + 1 + len(first) > width * share


def _is_heading_like(current: _Open) -> bool:
    return bool(current.caps or current.bold or (current.kind in ("roman", "number", "letter") and
                                                 current.length < 120 and not current.ended()))


def _starts_new(current: _Open, previous: _Line | None, line: _Line, found: tuple[str, str, str] | None,
                width: int | None) -> bool:
    text = line.text
    ended = current.ended()
    # A list marker after an unfinished line continues it only when the line was really full: a dash
    # between words (`Nhà nước` / `- Doanh nghiệp`) pushed to the next line.
    wrapped_on = not ended and _full_width(previous, line, width, 0.96) and not line.blank_before
    if found or LABEL.match(text) or PLACE_DATE.match(text) or OPENING.match(text):
        kind = found[0] if found else ""
        if kind == "bullet" and not ended and (current.opens_quote() or is_lower_start(found[2] if found else "")):
            return False  # "kinh tế" / "- xã hội": a dash that a wrap put at the start of a line
        if kind in ("bullet", "number", "letter") and wrapped_on:
            return False
        return True
    if ended and _CLOSING_WORDS.match(text):
        return True  # `… để tổng hợp.` / `Trân trọng./.`: the issuer's closing words open a paragraph of their own
    if not ended and current.goes_on() and not (line.blank_before and current.end(1) == "," and not is_lower_start(text)
                                                and not current.opens_quote() and current.round <= 0):
        return False  # a quotation, a bracket, a list of names or a joining word goes on
    if _ADDRESSED.match(current.start(20)) and not is_lower_start(text) \
            and (line.blank_before or not _full_width(previous, line, width, 0.96)):
        return True  # `Kính gửi: …` without a stop, then the body's first sentence: the header's line ends there
    if current.caps and _ASIDE.match(text):
        return True  # `(đã ký)` under a signature's title
    if not ended and not current.caps and len(text.split()) <= 2 and not STAMP.match(text) \
            and _full_width(previous, line, width):
        return False  # `… sau đại dịch` / `COVID-19.`: an abbreviation in capitals the wrap put first on a line
    if is_caps(text) != current.caps or line.bold != current.bold and (line.bold or current.bold):
        return not is_lower_start(text)
    if current.caps and is_caps(text):
        return True  # header and signature lines in capitals stand alone
    if _is_heading_like(current):
        return not is_lower_start(text) and not _wrapped_item(current, previous, line, width)
    if is_lower_start(text):
        return False
    if not ended:
        return line.blank_before and not _full_width(previous, line, width)
    if line.blank_before or ACTOR_OPENING.match(text):
        return True
    return not _full_width(previous, line, width) if width else True
