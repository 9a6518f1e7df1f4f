"""Read a dispatch file (.docx, .doc through LibreOffice, .pdf with a text layer, .odt, .txt) into the plain
text the extractor reads.

The text has the shape of the shipped source documents: paragraphs separated by blank lines, list
numbering written out (`1.`, `a)`, `-`), bold as `**…**` and italic as `*…*`, NFC; the document as it
prints (each Word text box once, tracked changes accepted, struck-out PDF text left out), the two columns
of a header apart (`COLUMN_GAP`), the motto and stamps left out. What cannot be read faithfully is refused
with a Vietnamese message (`UnreadableFile`) naming the file, never guessed: a scanned PDF, a legacy
TCVN3/VNI encoding (named), an empty, broken or locked file, a text file renamed.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.data.wording import count_text, human_size
from campaign_site.importing import old_word
from campaign_site.importing.containers import check_archive
from campaign_site.importing.header import STAMP, STAMPS, number_line, wrapped
from campaign_site.importing.unreadable import UnreadableFile

SUFFIXES = (".docx", ".doc", ".pdf", ".odt", ".txt")
MOTTO = re.compile(r"(?:^|(?<= {4}))[ *]*(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM(?:[\s*]+(?=ĐỘC))?|"
                   r"ĐỘC\s+LẬP\s*[-–—]\s*TỰ\s+DO\s*[-–—]\s*HẠNH\s+PHÚC|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)+[ *]*(?=$| {4})",
                   re.IGNORECASE | re.MULTILINE)
"""The national motto of the header (the Party's name on a Party document), never data: a cell of the header
on its own, even wrapped over two lines or beside the other column (after a `COLUMN_GAP`)."""
_LEGACY_FONTS = re.compile(rb'w:(?:ascii|hAnsi)="(\.Vn|VNI-|VN-)', re.IGNORECASE)
# Letters TCVN3 (ABC) and VNI put where Vietnamese letters belong, read as Windows-1252.
_TCVN3_MARKS = set("¸µ¶·¹¨»¾¼½Æ©ÇÊËÌÎÏ®§ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßãäåæçèéêëìíîïñòóôõö÷øùúûüýþ")
_VNI_MARKS = re.compile(r"[aeiouyAEIOUY][ùøûõïôöòñäåãàáèéëüú]|ñ|Ñ")
# Signs only TCVN3 puts in a text (à, á, ả, ã, ạ, ă, â, ê, ô, ơ, ư, đ and their capitals); VNI writes a
# letter and then its marks.
_TCVN3_ONLY = set("µ¸¶·¹¨©ª«¬\u00ad®§¡¢£¤¥¦")
_TCVN3, _VNI = "TCVN3 (ABC)", "VNI"


MAX_FILE_BYTES = 30 * 1024 * 1024
"""A dispatch is a few hundred KB as Word, a few MB as PDF."""
MAX_PAGES = 80
"""A plan is 2 to 40 pages; reading a PDF costs about 0.06 s of processor time a page."""
MAX_CHARS = 150_000
"""A 40-page plan is about 65,000 characters; extracting a text of this length takes at most a few seconds,
however hostile (thousands of cited documents or quoted phrases, each compared with the others)."""


def read_text(path: Path, name: str | None = None) -> str:
    """The document's text, or `UnreadableFile` naming the file as `name` (its own name by default). Runs
    in this process: `scripts/dev campaign import` reads through `sandbox.read_bounded`, which adds a time
    and memory limit."""
    name = name or path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableFile(plain("import.unsupported", name=name))
    if not path.is_file():
        raise UnreadableFile(plain("import.no_file", path=path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(plain("import.empty_file", name=name))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(plain("import.file_too_heavy", name=name, size=human_size(size), max=human_size(MAX_FILE_BYTES)))
    kind = _kind(path, suffix, name)
    try:
        if kind == ".doc":
            with old_word.as_docx(path, name) as converted:
                text = _docx(converted, name)
        else:
            text = {".docx": _docx, ".pdf": _pdf, ".odt": _odt, ".txt": _txt}[kind](path, name)
    except (UnreadableFile, MemoryError):
        raise
    except Exception as exc:  # a library reading hostile bytes may raise anything: staff get a sentence, not a traceback
        raise UnreadableFile(_broken(name, suffix, exc)) from exc
    text = tidy(text)
    if len(text) > MAX_CHARS:
        raise UnreadableFile(plain("import.too_many_characters", name=name, count=count_text(len(text)), max=count_text(MAX_CHARS)))
    if not text.strip():
        raise UnreadableFile(plain("import.no_text", name=name))
    if encoding := legacy_encoding(text):
        raise UnreadableFile(plain("import.legacy_encoding", name=name, encoding=encoding))
    return text


def _kind(path: Path, suffix: str, name: str) -> str:
    """Which reader the file's bytes need: a .doc that is really a .docx is read as one, a .docx that is
    really an old .doc (or a .doc in Rich Text) is converted; a locked Word file, a text file renamed or
    an old Office file without Word's text is refused."""
    data = path.read_bytes()
    if suffix in (".doc", ".docx") and data.startswith(old_word.OLE_MAGIC) and old_word.is_locked_office_file(data):
        raise UnreadableFile(plain("import.password", name=name))
    if suffix in (".doc", ".docx") and old_word.import_filter(data):
        return ".doc"
    if suffix == ".doc" and data.startswith(b"PK"):
        return ".docx"
    if suffix != ".txt" and _is_plain_text(data[:4096]):
        raise UnreadableFile(plain("import.text_renamed", name=name))
    if data.startswith(old_word.OLE_MAGIC) or suffix == ".doc":
        raise UnreadableFile(plain("import.broken_file", name=name, kind=suffix))
    return suffix


def _is_plain_text(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-8 text with no control characters: not a PDF, zip or Word file."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not merely a letter cut at the end of the bytes read
            return False
        text = head[:exc.start].decode("utf-8")
    return "%PDF-" not in text[:1024] and not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


def _broken(name: str, suffix: str, exc: BaseException) -> str:
    """Why a reader failed, in Vietnamese: a password, or a broken file."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    chain: BaseException | None = exc
    while chain is not None:
        if isinstance(chain, (PDFPasswordIncorrect, PDFEncryptionError)):
            return (plain("import.password", name=name))
        chain = chain.__cause__ or chain.__context__
    return (plain("import.broken_file", name=name, kind=suffix))


def legacy_encoding(text: str) -> str | None:
    """`TCVN3 (ABC)` or `VNI` when the text looks like Vietnamese typed in that legacy encoding and read as
    Windows-1252; None for Unicode text."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return None
    vietnamese = sum(1 for c in letters if "\u1ea0" <= c <= "\u1ef9" or c in "ăâđêôơưĂÂĐÊÔƠƯ")
    vni = len(_VNI_MARKS.findall(text))
    legacy = sum(1 for c in letters if c in _TCVN3_MARKS) + vni
    if not (legacy > 10 and legacy > 3 * vietnamese):
        return None
    return _TCVN3 if sum(1 for c in text if c in _TCVN3_ONLY) >= vni else _VNI


def _legacy_font(document_xml: bytes) -> str | None:
    """The legacy encoding a Word file's fonts name: `.VnTime` is TCVN3, `VNI-Times` is VNI."""
    font = _LEGACY_FONTS.search(document_xml)
    return None if font is None else _TCVN3 if font[1].startswith(b".") else _VNI


_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_BULLET_GLYPH = re.compile(r"^([* \t]*)[\uf000-\uf0ff][ \t]*", re.MULTILINE)
"""A bullet drawn from a symbol font (Symbol's , Wingdings' ): a private-use character where a PDF or
a text copied from one has Word's automatic bullet."""
_TAB_AFTER_MARKER = re.compile(r"^(\s*(?:[\dIVXLCivxlc]+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+*•●▪–]))\t+")
_TAB_BETWEEN = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=\S)")
COLUMN_GAP = "    "
"""A tab between two texts of a line (`ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …`, `Số: 12/KH-UBND<tab>Hà Nội, ngày …`)
separates the two columns of a header typed without a table: written as the gap `text` splits header lines at."""


_STAMP_CELL = re.compile(rf"(?:^|(?<= {{4}}))[ *]*{STAMPS}[ *]*(?=$| {{4}})", re.MULTILINE)
"""A stamp (in capitals, as stamps are printed) beside other text on a line, apart from it by a column gap: a
text box a PDF puts on that line."""


def tidy(text: str) -> str:
    """NFC; non-breaking and other odd spaces as spaces, invisible characters dropped, a tab between two
    texts as a column gap; the motto and stamps (`KHẨN`, `MẬT`) dropped, on their own line or beside other
    text after a column gap; at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _BULLET_GLYPH.sub(r"\1- ", _INVISIBLE.sub("", re.sub(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]", " ", text)))
    lines = [_TAB_BETWEEN.sub(COLUMN_GAP, _TAB_AFTER_MARKER.sub(r"\1 ", line)) for line in text.split("\n")]
    lines = [line.rstrip() for line in _STAMP_CELL.sub("", MOTTO.sub("", "\n".join(lines))).split("\n")
             if not STAMP.match(line.strip(" *\t"))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _txt(path: Path, name: str) -> str:
    raw = path.read_bytes()
    unicode = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"  # UTF-16 only with its byte order mark
    try:
        return raw.decode(unicode)
    except UnicodeDecodeError:
        pass
    if legacy := legacy_encoding(raw.decode("cp1252", errors="replace")):
        raise UnreadableFile(plain("import.legacy_encoding", name=name, encoding=legacy))
    raise UnreadableFile(plain("import.not_utf8", name=name))


# Word -------------------------------------------------------------------------------------------

_NUMBERING = [
    (re.compile(r"^(\d+)\)\t"), r"\1. "),  # docx2python writes Word's "1." as "1)"
    (re.compile(r"^([IVXLC]+)\)\t"), r"\1. "),
    (re.compile(r"^([a-zđ])\)\t"), r"\1) "),
    (re.compile(r"^--\t"), "- "),
    (re.compile(r"^[\u2022\u25cf\u25aa\u2013]\t"), "- "),
]


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOT_PRINTED = (f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom")
"""Word keeps a second copy of each text box for older readers (`mc:Fallback` beside `mc:Choice`), and
tracked changes keep deleted and moved-away text: none of it is on the page once the changes are accepted."""
_IMAGE = re.compile(r"----media/[^\s]*?----")
"""How docx2python writes a picture (the national emblem, a logo) into the text."""


def _docx(path: Path, name: str) -> str:
    from docx2python import docx2python

    check_archive(path, name)
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml")
        if encoding := _legacy_font(body):
            raise UnreadableFile(plain("import.legacy_encoding", name=name, encoding=encoding))
        printed = BytesIO()
        with zipfile.ZipFile(printed, "w", zipfile.ZIP_DEFLATED) as copy:
            for part in archive.infolist():
                copy.writestr(part, _as_printed(body) if part.filename == "word/document.xml" else archive.read(part))
    with docx2python(printed, html=True, duplicate_merged_cells=False) as document:
        paragraphs = [p for table in document.body for row in table for cell in row for p in _cell_paragraphs(cell)]
    return "\n\n".join(paragraphs)


def _as_printed(document_xml: bytes) -> bytes:
    """`word/document.xml` as the page prints it: each text box once, tracked changes accepted."""
    from lxml import etree

    root = etree.fromstring(document_xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for element in list(root.iter(*_NOT_PRINTED)):
        element.getparent().remove(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _cell_paragraphs(cell: list[str]) -> list[str]:
    """Paragraphs of a body cell (a table's cell, or the body outside tables), in Markdown-like text."""
    found = []
    for paragraph in cell:
        text = paragraph
        for pattern, replacement in _NUMBERING:
            text = pattern.sub(replacement, text)
        text = re.sub(r"</?(?:b|strong)>", "**", text)
        text = re.sub(r"</?(?:i|em)>", "*", text)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(_IMAGE.sub("", text.replace("****", "")))
        lines = [line.strip() for line in text.split("\n") if line.strip()]  # soft line breaks stay in the paragraph
        if lines:
            found.append("\n".join(lines))
    return found


# OpenDocument -----------------------------------------------------------------------------------


def _odt(path: Path, name: str) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    check_archive(path, name)
    document = load(str(path))
    paragraphs = []
    for element in document.getElementsByType(text.P) + document.getElementsByType(text.H):
        paragraphs.append((element, teletype.extractText(element)))
    order = {id(e): i for i, e in enumerate(_walk(document.text))}
    paragraphs.sort(key=lambda pair: order.get(id(pair[0]), 0))
    out = []
    for element, content in paragraphs:
        marker = "- " if _in_bulleted_list(element) else ""
        if content.strip():
            out.append(marker + content.strip())
    return "\n\n".join(out)


def _walk(node: object) -> list[object]:
    """Every node under `node`, in document order (without recursion: nesting depth is the file's)."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(getattr(current, "childNodes", [])))
    return found


def _in_bulleted_list(element: object) -> bool:
    parent = getattr(element, "parentNode", None)
    return getattr(parent, "qname", ("", ""))[1] == "list-item"


# PDF --------------------------------------------------------------------------------------------


def _pdf(path: Path, name: str) -> str:
    import pdfplumber

    paragraphs: list[str] = []
    with pdfplumber.open(path) as pdf:
        if not pdf.pages:
            raise UnreadableFile(plain("import.no_page", name=name))
        if len(pdf.pages) > MAX_PAGES:
            raise UnreadableFile(plain("import.too_many_pages", name=name, pages=len(pdf.pages), max=MAX_PAGES))
        if not any(page.chars for page in pdf.pages):
            raise UnreadableFile(
                plain("import.scanned", name=name)
            )
        pages = [(_page_lines(kept), struck) for kept, struck in map(_without_struck_out, pdf.pages)]
    for (lines, _), (following, _) in zip(pages, pages[1:], strict=False):
        _carry_row(lines, following)
    for lines, struck in pages:
        paragraphs += _page_paragraphs(lines, struck)
    return "\n\n".join(paragraphs)


def _page_lines(page: Any) -> list[list[dict]]:
    """The page's words in the order they were written, grouped in lines; page numbers dropped."""
    words = page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False, use_text_flow=True)
    lines: list[list[dict]] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    lines = [line for line in lines if not (len(line) == 1 and re.fullmatch(r"\d{1,3}", line[0]["text"]))]
    return _boxes_above_first(lines)


def _boxes_above_first(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines with each box the page draws after its text but places above all of it (a text box holding the
    issuer's name in the header) moved to the head of the page, where it is read. A box is a run of lines the text
    goes back up the page to, or jumps down over blank space to (more than three lines' height)."""
    runs: list[list[list[dict]]] = []
    for line in lines:
        if runs:
            step, height = line[0]["top"] - runs[-1][-1][0]["top"], line[0]["bottom"] - line[0]["top"]
        if not runs or step < -1 or step > 3 * height:
            runs.append([])
        runs[-1].append(line)
    if len(runs) < 2:
        return lines
    first = runs[0][0][0]["top"]
    above = [i for i, run in enumerate(runs) if i and max(line[0]["bottom"] for line in run) < first]
    return [line for i in above + [i for i in range(len(runs)) if i not in above] for line in runs[i]]


def _cells(line: list[dict]) -> list[list[dict]]:
    """A line's words in the columns a wide gap separates (see `_line_text`)."""
    cells = [[line[0]]]
    for before, word in zip(line, line[1:], strict=False):
        if word["x0"] - before["x1"] > 2 * (word["bottom"] - word["top"]):
            cells.append([])
        cells[-1].append(word)
    return cells


def _carry_row(lines: list[list[dict]], following: list[list[dict]]) -> None:
    """A two-column row a page break cut (`Nơi nhận:` beside `KT. GIÁM ĐỐC`, their lists on the next page):
    the next page goes on with the left column, then back up with the right one. The row's two cells are
    moved to the head of their columns there, so each column reads in one piece."""
    if not lines or not following or len(cells := _cells(lines[-1])) != 2:
        return
    up = next((i for i in range(1, len(following)) if following[i][0]["top"] < following[i - 1][0]["top"] - 1), None)
    if up is None or following[up][0]["x0"] <= cells[0][-1]["x1"] or following[0][0]["x0"] >= cells[1][0]["x0"]:
        return
    lines.pop()

    def placed(words: list[dict], above: list[dict]) -> list[dict]:
        height = above[0]["bottom"] - above[0]["top"]
        return [w | {"top": above[0]["top"] - 1.5 * height, "bottom": above[0]["top"] - 0.5 * height} for w in words]

    following.insert(up, placed(cells[1], following[up]))
    following.insert(0, placed(cells[0], following[0]))


def _without_struck_out(page: Any) -> tuple[Any, list[dict]]:
    """The page without the letters a line strikes through, and those letters: text a PDF shows as deleted
    (tracked changes printed with their markup), not text the document says. An underline runs below the
    letters, a table's border beside them: neither is a strike."""
    strikes: dict[int, list[tuple[float, float, float]]] = {}
    for edge in [*page.lines, *page.rects]:
        if edge["bottom"] - edge["top"] < 1.5 and edge["x1"] - edge["x0"] > 2:
            y = (edge["top"] + edge["bottom"]) / 2
            strikes.setdefault(int(y), []).append((edge["x0"], edge["x1"], y))
    struck: list[dict] = []

    def kept(thing: dict) -> bool:
        if thing.get("object_type") != "char":
            return True
        top, bottom, middle = thing["top"], thing["bottom"], (thing["x0"] + thing["x1"]) / 2
        low, high = top + 0.3 * (bottom - top), bottom - 0.1 * (bottom - top)
        if any(x0 <= middle <= x1 and low <= y <= high for row in range(int(low), int(high) + 1) for x0, x1, y in strikes.get(row, ())):
            struck.append(thing)
            return False
        return True

    return (page.filter(kept), struck) if strikes else (page, struck)


_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_LIST_START = re.compile(r"^(?:\d+\.|[IVX]+\.|[a-zđ]\)|[-+•])\s")
_TERMINAL = (".", ";", ":", "!", "?")


def _page_paragraphs(lines: list[list[dict]], struck: list[dict]) -> list[str]:
    """Lines of a page joined into paragraphs: a new one where the gap between lines is larger than
    usual, a line starts a numbered or bulleted item, or the text goes back up the page (the next column
    of a header table, a text box); bold words as `**…**`. Where `struck` letters were taken out, the
    words beside them are as close as the text without them."""
    if not lines:
        return []
    tops = [line[0]["top"] for line in lines]
    gaps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b > a]
    usual = sorted(gaps)[len(gaps) // 10] if gaps else 0  # the spacing of lines inside a paragraph
    right = max(line[-1]["x1"] for line in lines)  # the right margin full lines reach
    paragraphs: list[list[str]] = []
    previous: list[dict] | None = None
    for line in lines:
        text = _line_text(line, [c for c in struck if abs(c["top"] - line[0]["top"]) < 2])
        step = line[0]["top"] - previous[0]["top"] if previous else 0
        new = previous is None or step > usual * 1.4 or step < -1 or bool(_LIST_START.match(text)) and not (
            previous[-1]["x1"] > right - 2 * (previous[-1]["bottom"] - previous[-1]["top"])
            and not paragraphs[-1][-1].rstrip(" *”\"’)").endswith(_TERMINAL))  # a dash a full line pushed down
        if new or not paragraphs:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = line
    return [_join_lines(_names_unwrapped(p)) for p in paragraphs]


def _names_unwrapped(lines: list[str]) -> list[str]:
    """The lines of a header cell (capitals above a number line) with each name a narrow cell wrapped on one line
    again (`SỞ KHOA HỌC VÀ CÔNG` / `NGHỆ`), as the Word file holds it; any other paragraph as it is."""
    plain_lines = [line.replace("*", "").strip() for line in lines]
    if not any(number_line(line) for line in plain_lines[1:]):
        return lines
    out, plain_out = lines[:1], plain_lines[:1]
    for line, plain_line in zip(lines[1:], plain_lines[1:], strict=True):
        if wrapped(plain_out[-1], plain_line):
            out[-1], plain_out[-1] = f"{out[-1]} {line}".replace("** **", " "), f"{plain_out[-1]} {plain_line}"
        else:
            out.append(line)
            plain_out.append(plain_line)
    return out


def _line_text(line: list[dict], struck: list[dict]) -> str:
    """A line's words, bold runs as `**…**`; words that touch (a comma after a bold quote) stay together;
    words two letter-heights apart or more are in two columns of a header (`COLUMN_GAP` between them). The
    width of `struck` letters between two words does not count."""
    text = ""
    bold = False
    for i, word in enumerate(line):
        word_bold = "Bold" in word.get("fontname", "")
        space = word["x0"] - line[i - 1]["x1"] if i else 0
        space -= sum(c["x1"] - c["x0"] for c in struck if line[i - 1]["x1"] - 0.5 <= c["x0"] and c["x1"] <= word["x0"] + 0.5) if i else 0
        gap = "" if i == 0 or space < 1 else COLUMN_GAP if space > 2 * (word["bottom"] - word["top"]) else " "
        if word_bold != bold:
            text += "**" + gap if bold else gap + "**"
            bold = word_bold
        else:
            text += gap
        text += word["text"]
    return _BULLET_GLYPH.sub(r"\1- ", text + ("**" if bold else ""))


def _join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one: a word hyphenated at a line end is joined again. Linear in its length."""
    pieces = [lines[0]]
    for line in lines[1:]:
        if _HYPHEN_END.search("".join(pieces[-2:])[-2:]):  # "sáng-" + "tạo": a hyphenated word; "KH-" + "UBND": a symbol
            if line[:1].islower():
                pieces[-1] = pieces[-1][:-1]
            pieces.append(line)
        else:
            pieces.append(f"\n{line}")  # a wrap or a line break: the extractor's paragraph rules tell them apart
    return "".join(pieces).replace("** **", " ").replace("**\n**", "\n")  # a bold run across a wrap stays one run
