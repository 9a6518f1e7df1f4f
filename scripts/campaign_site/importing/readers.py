"""Read a dispatch file (.docx, .pdf with a text layer, .odt, .txt) into the plain text the extractor reads.

The text has the shape of the shipped source documents: paragraphs separated by blank lines, list
numbering written out (`1.`, `a)`, `-`), bold as `**…**` and italic as `*…*`, NFC. What cannot be read
faithfully is refused with a Vietnamese message (`UnreadableFile`), never guessed: a scanned PDF, a
legacy TCVN3/VNI encoding, an empty file.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zipfile
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.data.wording import count_text, human_size
from campaign_site.importing.containers import check_archive
from campaign_site.importing.unreadable import UnreadableFile

SUFFIXES = (".docx", ".pdf", ".odt", ".txt")
MOTTO = re.compile(r"^[\s*]*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM)?[\s*]*(?:ĐỘC LẬP\s*-\s*TỰ DO\s*-\s*HẠNH PHÚC)?[\s*]*$",
                   re.IGNORECASE)
"""The national motto of the header: never data."""
_LEGACY_FONTS = re.compile(rb'w:(?:ascii|hAnsi)="(?:\.Vn|VNI-|VN-)', re.IGNORECASE)
# Letters TCVN3 (ABC) and VNI put where Vietnamese letters belong, read as Windows-1252.
_TCVN3_MARKS = set("¸µ¶·¹¨»¾¼½Æ©ÇÊËÌÎÏ®§ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßãäåæçèéêëìíîïñòóôõö÷øùúûüýþ")
_VNI_MARKS = re.compile(r"[aeiouyAEIOUY][ùøûõïôöòñ]|ñ|Ñ")


MAX_FILE_BYTES = 30 * 1024 * 1024
"""A dispatch is a few hundred KB as Word, a few MB as PDF."""
MAX_PAGES = 80
"""A plan is 2 to 40 pages; reading a PDF costs about 0.06 s of processor time a page."""
MAX_CHARS = 150_000
"""A 40-page plan is about 65,000 characters; extracting a text of this length takes at most a few seconds,
however hostile (thousands of cited documents or quoted phrases, each compared with the others)."""


def read_text(path: Path) -> str:
    """The document's text, or `UnreadableFile`. Runs in this process: `scripts/dev campaign import`
    reads through `sandbox.read_bounded`, which adds a time and memory limit."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableFile(plain("import.unsupported", name=path.name))
    if not path.is_file():
        raise UnreadableFile(plain("import.no_file", path=path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(plain("import.empty_file", name=path.name))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(plain("import.file_too_heavy", name=path.name, size=human_size(size), max=human_size(MAX_FILE_BYTES)))
    try:
        text = {".docx": _docx, ".pdf": _pdf, ".odt": _odt, ".txt": _txt}[suffix](path)
    except (UnreadableFile, MemoryError):
        raise
    except Exception as exc:  # a library reading hostile bytes may raise anything: staff get a sentence, not a traceback
        raise UnreadableFile(_broken(path, exc)) from exc
    text = tidy(text)
    if len(text) > MAX_CHARS:
        raise UnreadableFile(plain("import.too_many_characters", name=path.name, count=count_text(len(text)), max=count_text(MAX_CHARS)))
    if not text.strip():
        raise UnreadableFile(plain("import.no_text", name=path.name))
    if legacy_encoding(text):
        raise UnreadableFile(plain("import.legacy_encoding", name=path.name))
    return text


def _broken(path: Path, exc: BaseException) -> str:
    """Why a reader failed, in Vietnamese: a password, or a broken file."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    chain: BaseException | None = exc
    while chain is not None:
        if isinstance(chain, (PDFPasswordIncorrect, PDFEncryptionError)):
            return (plain("import.password", name=path.name))
        chain = chain.__cause__ or chain.__context__
    kind = path.suffix.lower()
    return (plain("import.broken_file", name=path.name, kind=kind))


def legacy_encoding(text: str) -> bool:
    """Whether the text looks like Vietnamese typed in TCVN3 or VNI and read as Windows-1252."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    vietnamese = sum(1 for c in letters if "\u1ea0" <= c <= "\u1ef9" or c in "ăâđêôơưĂÂĐÊÔƠƯ")
    legacy = sum(1 for c in letters if c in _TCVN3_MARKS) + len(_VNI_MARKS.findall(text))
    return legacy > 10 and legacy > 3 * vietnamese


def tidy(text: str) -> str:
    """NFC; non-breaking and other odd spaces as spaces; the motto dropped; at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]", " ", text).replace("\u00ad", "").replace("\u200b", "")
    lines = [line.rstrip() for line in text.split("\n") if not (line.strip(" *") and MOTTO.match(line))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _txt(path: Path) -> str:
    raw = path.read_bytes()
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"  # UTF-16 only with its byte order mark
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    if legacy_encoding(text):
        raise UnreadableFile(plain("import.legacy_encoding", name=path.name))
    raise UnreadableFile(plain("import.not_utf8", name=path.name))


# Word -------------------------------------------------------------------------------------------

_NUMBERING = [
    (re.compile(r"^(\d+)\)\t"), r"\1. "),  # docx2python writes Word's "1." as "1)"
    (re.compile(r"^([IVXLC]+)\)\t"), r"\1. "),
    (re.compile(r"^([a-zđ])\)\t"), r"\1) "),
    (re.compile(r"^--\t"), "- "),
    (re.compile(r"^[\u2022\u25cf\u25aa\u2013]\t"), "- "),
]


def _docx(path: Path) -> str:
    from docx2python import docx2python

    check_archive(path)
    with zipfile.ZipFile(path) as archive:
        if _LEGACY_FONTS.search(archive.read("word/document.xml")):
            raise UnreadableFile(plain("import.legacy_encoding", name=path.name))
    with docx2python(path, html=True) as document:
        paragraphs = [p for table in document.body for row in table for cell in row for p in _cell_paragraphs(cell)]
    return "\n\n".join(paragraphs)


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
        text = html.unescape(text.replace("****", "").replace("\t", " "))
        lines = [line.strip() for line in text.split("\n") if line.strip()]  # soft line breaks stay in the paragraph
        if lines:
            found.append("\n".join(lines))
    return found


# OpenDocument -----------------------------------------------------------------------------------


def _odt(path: Path) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    check_archive(path)
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


def _pdf(path: Path) -> str:
    import pdfplumber

    paragraphs: list[str] = []
    with pdfplumber.open(path) as pdf:
        if not pdf.pages:
            raise UnreadableFile(plain("import.no_page", name=path.name))
        if len(pdf.pages) > MAX_PAGES:
            raise UnreadableFile(plain("import.too_many_pages", name=path.name, pages=len(pdf.pages), max=MAX_PAGES))
        if not any(page.chars for page in pdf.pages):
            raise UnreadableFile(
                plain("import.scanned", name=path.name)
            )
        for page in pdf.pages:
            paragraphs += _page_paragraphs(page)
    return "\n\n".join(paragraphs)


_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_LIST_START = re.compile(r"^(?:\d+\.|[IVX]+\.|[a-zđ]\)|[-+•])\s")


def _page_paragraphs(page: object) -> list[str]:
    """Lines of a page joined into paragraphs: a new one where the gap between lines is larger than
    usual or a line starts a numbered or bulleted item; bold words as `**…**`; page numbers dropped."""
    words = page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False, use_text_flow=True)  # type: ignore[attr-defined]
    lines: list[list[dict]] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    if not lines:
        return []
    tops = [line[0]["top"] for line in lines]
    gaps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b > a]
    usual = sorted(gaps)[len(gaps) // 10] if gaps else 0  # the spacing of lines inside a paragraph
    paragraphs: list[list[str]] = []
    previous: list[dict] | None = None
    for line in lines:
        text = _line_text(line)
        if re.fullmatch(r"\d{1,3}", text):
            continue  # a page number
        new = previous is None or line[0]["top"] - previous[0]["top"] > usual * 1.4 or bool(_LIST_START.match(text))
        if new or not paragraphs:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = line
    return [_join_lines(p) for p in paragraphs]


def _line_text(line: list[dict]) -> str:
    """A line's words, bold runs as `**…**`; words that touch (a comma after a bold quote) stay together."""
    text = ""
    bold = False
    for i, word in enumerate(line):
        word_bold = "Bold" in word.get("fontname", "")
        gap = "" if i == 0 or word["x0"] - line[i - 1]["x1"] < 1 else " "
        if word_bold != bold:
            text += "**" + gap if bold else gap + "**"
            bold = word_bold
        else:
            text += gap
        text += word["text"]
    return text + ("**" if bold else "")


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
