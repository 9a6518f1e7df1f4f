"""Read a dispatch file (.docx, .doc through LibreOffice, .pdf with a text layer (`pdf_text`), .odt, .txt) into
the plain text the extractor reads.

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

from campaign_site.core.catalogue import plain
from campaign_site.data.wording import count_text, human_size
from campaign_site.importing import old_word, tables
from campaign_site.importing.containers import check_archive
from campaign_site.importing.pdf_text import BULLET_GLYPH, read_pdf
from campaign_site.importing.text import COLUMN_GAP, STAMP, STAMPS
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
            text = {".docx": _docx, ".pdf": read_pdf, ".odt": _odt, ".txt": _txt}[kind](path, name)
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
_TAB_AFTER_MARKER = re.compile(r"^(\s*(?:[\dIVXLCivxlc]+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+*•●▪–]))\t+")
_TAB_BETWEEN = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=\S)")
_STAMP_CELL = re.compile(rf"(?:^|(?<= {{4}}))[ *]*{STAMPS}[ *]*(?=$| {{4}})", re.MULTILINE)
"""A stamp (in capitals, as stamps are printed) beside other text on a line, apart from it by a column gap: a
text box a PDF puts on that line."""


def tidy(text: str) -> str:
    """NFC; non-breaking and other odd spaces as spaces, invisible characters dropped, a tab between two
    texts as a column gap; the motto and stamps (`KHẨN`, `MẬT`) dropped, on their own line or beside other
    text after a column gap; at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = BULLET_GLYPH.sub(r"\1- ", _INVISIBLE.sub("", re.sub(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]", " ", text)))
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
        paragraphs = [p for table in document.body for p in _table_paragraphs(table)]
    return "\n\n".join(paragraphs)


def _table_paragraphs(table: list[list[list[str]]]) -> list[str]:
    """A body table's paragraphs, cell after cell; a task table's (its first row names its columns, see
    `tables.roles`) one line a row, its cells apart by a tab, as a text copy of it prints."""
    def joined(cell: list[str]) -> str:
        return " ".join(" ".join(_cell_paragraphs(cell)).split())

    if table and len(table[0]) > 2 and tables.roles([joined(cell) for cell in table[0]]):
        return ["\t".join(joined(cell) for cell in row) for row in table]
    return [p for row in table for cell in row for p in _cell_paragraphs(cell)]


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
