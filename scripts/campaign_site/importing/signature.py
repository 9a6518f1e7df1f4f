"""The end of a document: the closing sentence (`Trên đây là …`, or the paragraph ending `./.`), `Nơi nhận`
and the signature (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / name, each line kept), in
whichever order the reader gives them. The closing never stays in the last task: a closing run into the
paragraph before it is split off (`split_closing`), a closing written as a list item is still one, and the
issuer's closing words before it (`Trong quá trình thực hiện, nếu có vướng mắc …`, `Đề nghị các đơn vị …`)
belong to it. A signature that prints who signs but no name asks for the name (`CẦN ĐIỀN`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from campaign_site.core.catalogue import plain
from campaign_site.data.document_end import CLOSING_START, END_MARK
from campaign_site.data.placeholders import review, to_fill
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING
from campaign_site.importing.header import clean_item
from campaign_site.importing.text import ACTOR_OPENING, Para, ends_sentence
from campaign_site.importing.vn import is_caps, squash

RECIPIENTS = re.compile(r"^Nơi nhận\s*[:.]?\s*(?P<rest>.*)$")
ON_BEHALF = re.compile(r"^(?:(?:KT|TM|TL|TUQ|PP)\s*\.|(?:K/T|T/M|T/L)\s)", re.IGNORECASE)
"""A line signed on behalf of someone (`KT. GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`, `TL.`, `TUQ.`; `K/T`, `T/M`, `T/L`
in Party documents): an authority line. `Q. GIÁM ĐỐC` (acting director) is a title."""
_CLOSING_INSIDE = re.compile(r"(?<=[.;!?])\s+(?=Trên đây\b)")
_ISSUER_WORDS = re.compile(
    r"^(?:Trong quá trình (?:tổ chức )?(?:triển khai|thực hiện)|(?:Kính )?(?:Đề nghị|Yêu cầu) (?:các|Thủ trưởng|Lãnh đạo|"
    r"Chủ tịch|Giám đốc|Trưởng)|Nhận được (?:Công văn|Kế hoạch|văn bản) này)\b"
)
"""How an issuer's closing paragraphs open (Decree 30 documents end with them): plain paragraphs of these words
just before the closing, or ending the body, are the closing's, never the last unit's task."""
_REPORT_REQUEST = re.compile(r"\b(?:gửi|báo cáo)\b[^.;]{0,80}?\svề\s[^;]{0,200}?\d{1,2}\s*/\s*\d{1,2}")
"""`… gửi về … 10/5`, `… báo cáo kết quả về … trước ngày 05/5`: a request for reports with its date."""
_NOT_A_NAME = re.compile(r"[\d:;()/]")
_APPENDIX = re.compile(r"^PHỤ LỤC\b")
_INNER_ON_BEHALF = re.compile(r"\s+(?=(?:KT|TM|TL|TUQ|PP)\s*\.|(?:K/T|T/M|T/L)\s)")
_DEPUTY = re.compile(r"^(?P<on>(?:KT\s*\.|K/T)\s*(?P<head>.+?))\s+(?P<title>(?:PHÓ\s+(?P=head)|THỨ TRƯỞNG)\b.*)$")
"""`KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC` on one line: a deputy signs for the head (Decree 30), so the title after
`KT. <head>` is `PHÓ <head>` (`THỨ TRƯỞNG` for a minister)."""


@dataclass
class Ending:
    closing: str | None = None
    after_closing: list[str] = field(default_factory=list)
    """Paragraphs between the closing and `Nơi nhận` (a report request after `Trên đây là …`)."""
    recipients: list[str] | None = None
    signer: dict | None = None
    notes: list[str] = field(default_factory=list)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and not _NOT_A_NAME.search(text) and all(w[:1].isupper() for w in words)


def _is_appendix(text: str) -> bool:
    """The title of an appendix printed after the signature, in capitals (`PHỤ LỤC`, `PHỤ LỤC II`, `PHỤ LỤC DANH
    MỤC …`, Decree 30): the signature ends there."""
    text = text.strip()
    return bool(_APPENDIX.match(text)) and text == text.upper()


def _as_read(p: Para, text: str) -> str:
    return review(text) if p.doubtful else text


def _signature_starts(paras: list[Para], i: int) -> bool:
    """Whether a signature's first line is at `i`: a line signed on behalf of someone, or a line in capitals
    with a name (not in capitals) under it."""
    p = paras[i]
    below = paras[i + 1] if i + 1 < len(paras) else None
    return p.caps and (bool(ON_BEHALF.match(p.full)) or below is not None and not below.caps and _is_name(below.text))


def split_closing(paras: list[Para]) -> list[Para]:
    """The paragraphs, with a closing run into the paragraph before it (`… mô hình hay. Trên đây là …`)
    split off as a paragraph of its own."""
    out: list[Para] = []
    for p in paras:
        parts = _CLOSING_INSIDE.split(p.text, maxsplit=1)
        if len(parts) == 2 and p.kind in ("plain", "bullet"):
            out += [replace(p, text=parts[0]), Para(parts[1])]
        else:
            out.append(p)
    return [replace(p, index=i) for i, p in enumerate(out)]


def _is_closing(p: Para) -> bool:
    """A paragraph that may end a document's body: a plain one ending `./.`, or an item of a list whose words
    are an agency asking for the plan to be carried out (`UBND xã … đề nghị …./.`)."""
    if not p.full.rstrip().endswith(END_MARK):
        return False
    return p.kind == "plain" or p.kind == "bullet" and bool(ACTOR_OPENING.match(p.text))


def tail_start(paras: list[Para], begin: int) -> int:
    """Index of the first paragraph of `Nơi nhận` and the signature (the end if there are none)."""
    for i in range(begin, len(paras)):
        if RECIPIENTS.match(paras[i].full):
            # A signature a reader put before `Nơi nhận`: capital lines just above it, after the closing.
            j = i
            while j - 1 >= begin and (paras[j - 1].caps or _is_name(paras[j - 1].text) and paras[j - 2].caps):
                j -= 1
            return j
    j = len(paras)
    while j - 1 >= begin and (paras[j - 1].caps or (j == len(paras) and _is_name(paras[j - 1].text))):
        j -= 1
    return j


def closing_start(paras: list[Para], begin: int, end: int) -> int:
    """Index of the closing: the last `Trên đây …` (also when written as a list item), else the last
    paragraph ending in `./.`, with the issuer's closing words just before it."""
    at = next((i for i in range(end - 1, begin - 1, -1)
               if CLOSING_START.match(paras[i].text) and paras[i].kind in ("plain", "bullet")), None)
    if at is None:
        at = next((i for i in range(end - 1, begin - 1, -1) if _is_closing(paras[i])), end)
    while at - 1 >= begin and paras[at - 1].kind == "plain" and (
            _ISSUER_WORDS.match(paras[at - 1].text) or asks_for_reports(paras, at - 1, begin)):
        at -= 1
    return at


def asks_for_reports(paras: list[Para], i: int, begin: int) -> bool:
    """A plain paragraph asking for reports (`Kết quả thực hiện đề nghị gửi về Sở … trước ngày …`) just after
    the last item of a numbered or bulleted list: outside the list, the issuer's words."""
    before = paras[i - 1] if i - 1 >= begin else None
    return bool(_REPORT_REQUEST.search(paras[i].text)) and before is not None and before.kind != "plain" \
        and ends_sentence(before.text)


def parse(paras: list[Para], closing_at: int, tail_at: int) -> Ending:
    ending = Ending()
    if closing_at < tail_at:
        # A paragraph whose end is uncertain (see `paragraphs`) is marked.
        ending.closing = _as_read(paras[closing_at], squash(paras[closing_at].text))
        ending.after_closing = [_as_read(p, squash(p.full)) for p in paras[closing_at + 1:tail_at]]
    titles: list[str] = []
    name: str | None = None
    recipients: list[str] | None = None
    collecting = appendix = False
    beside_name: str | None = None
    """A name a reader ran onto a recipient's line: the signer's, if no line of its own gives one."""
    tail = paras[tail_at:]
    for i, p in enumerate(tail):
        if _is_appendix(p.full):
            ending.notes.append(plain("import.appendix_left_out", title=squash(p.full)))
            appendix, collecting = True, False
            continue
        if appendix and not _signature_starts(tail, i):
            continue  # the appendix's title and table; a reader may still give the signature's column after them
        appendix = False
        if m := RECIPIENTS.match(p.full):
            beside = squash(m["rest"])
            # Beside `Nơi nhận:` the signature's first line (`KT. GIÁM ĐỐC`, `GIÁM ĐỐC`), or the first recipient.
            signs = bool(ON_BEHALF.match(beside)) or is_caps(beside) and len(beside.split()) >= 2
            titles += [beside] if signs else []
            recipients = [beside] if beside and not signs else []
            collecting = True
            continue
        if collecting and p.kind == "bullet":
            item, title = _title_beside(squash(p.text))
            item, person = _name_beside(item)
            recipients.append(review(item) if person else item)  # type: ignore[union-attr]
            titles += [title] if title else []
            beside_name = beside_name or person
            continue
        after_recipients, collecting = collecting, False
        if p.caps:
            titles += _printed_lines(squash(p.full))
        elif _is_name(p.text) and (titles or after_recipients and name is None):
            name = squash(p.text)  # under the titles, or at the foot of the recipients' column read first
        elif p.text.startswith("(") and p.text.endswith(")"):
            continue  # (Đã ký), (ký, đóng dấu)
    if recipients is not None:
        ending.recipients = [c for c in (clean_item(r) for r in recipients) if c]
    name = name or (review(beside_name) if beside_name else None)
    if titles:
        ending.signer = _signer(titles, name)
        if name is None:
            ending.notes.append(plain("import.no_signer_name", printed=" / ".join(titles), unknown=NOT_KNOWN_SPELLING))
    return ending


_TITLE_BESIDE = re.compile(
    r"^(?P<item>.*?[;,.])\s+(?P<title>(?:(?:KT|TM|TL|TUQ|PP)\s*\.\s*|(?:K/T|T/M|T/L)\s+)?(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|CHỦ NHIỆM|CHÁNH VĂN PHÒNG|(?:VỤ|CỤC|BỘ|THỨ|VIỆN|HIỆU)"
    r"\s+TRƯỞNG|TRƯỞNG\s+(?:BAN|PHÒNG))(?:\s+[^\W\d_a-zđ]+)*)$")
"""A recipient and, after its `;`, a signature line run into the same line (`Như trên; PHÓ GIÁM ĐỐC`, `…; KT. CHỦ TỊCH`)."""


def _title_beside(text: str) -> tuple[str, str | None]:
    """A recipients' line as (the recipient, the signature title a reader ran into it, if any): the two columns of
    the end of a document side by side, their gap lost."""
    m = _TITLE_BESIDE.match(text)
    return (m["item"], m["title"]) if m else (text, None)


def _name_beside(item: str) -> tuple[str, str | None]:
    """A recipients' line as (the recipient, a person's name a reader ran onto it after its `;`, `,`, `.` or the
    drafter's initials, if any): `Lưu: VT, VP. Trần Văn An`, `Lưu: VT, KGVX. HT Lê Văn Bình`. A person's name is
    two to five words, each a capital then small letters; either reading may be wrong, so the caller marks both."""
    words = item.split()
    for size in range(min(5, len(words) - 1), 1, -1):
        rest, name = words[:-size], words[-size:]
        if (rest[-1][-1] in ";,." or rest[-1].isupper()) and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in name):
            return " ".join(rest), " ".join(name)
    return item, None


def _printed_lines(text: str) -> list[str]:
    """The signature's printed lines in a line a reader ran together (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH`): a new line before each `KT.`, `TM.`, `TL.`, `TUQ.`, and the deputy's title after `KT. <head>`."""
    out: list[str] = []
    for part in _INNER_ON_BEHALF.split(text):
        deputy = _DEPUTY.match(part)
        out += [deputy["on"], deputy["title"]] if deputy else [part]
    return out


def _signer(lines: list[str], name: str | None) -> dict:
    """The signature block, each printed line kept: the lines signed on behalf of someone as `authority` (one
    line as text, several as a list), the lines after them as the `title` (a title printed over two lines,
    `VỤ TRƯỞNG` / `VỤ KHOA HỌC …`, is one); with no such line, the last line is the title."""
    last = max((i for i, line in enumerate(lines) if ON_BEHALF.match(line)), default=None)
    title: str | None
    if last is None:
        authority, title = lines[:-1], lines[-1]
    else:
        authority, title = lines[:last + 1], " ".join(lines[last + 1:]) or None
    signer: dict = {}
    if authority:
        signer["authority"] = authority[0] if len(authority) == 1 else authority
    if title:
        signer["title"] = title
    signer["name"] = name or to_fill(plain("import.hint_signer_name"))
    return signer
