"""Hostile files for the importer and the photo check, built small in a test's folder: PDFs written as raw
bytes (a reference loop, a stream bomb, truncated, encrypted, not a PDF at all), Word and OpenDocument
zips written with `zipfile` (a zip bomb, billion laughs, an external entity, deep nesting, broken XML, text
renamed), old Word files that are not or no longer readable,
and PNGs whose header promises far more pixels than the file holds."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

_W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
def pdf(objects: list[bytes], trailer: bytes = b"<< /Root 1 0 R >>") -> bytes:
    """A PDF of numbered objects with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n" + trailer.replace(b">>", b" /Size %d >>" % (len(objects) + 1), 1) + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, compressed: bool = False) -> bytes:
    filters = b" /Filter /FlateDecode" if compressed else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_pdf(pages: int = 1, line: bytes = b"Ke hoach huong ung Ngay Sang tao 21/4/2026.") -> bytes:
    """A plain PDF whose pages each hold one line of text."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), _FONT]
    for _ in range(pages):
        content = len(objects) + 2
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % content)
        objects.append(_stream(b"BT /F1 12 Tf 72 760 Td (" + line + b") Tj ET"))
    return pdf(objects)


def loop_pdf() -> bytes:
    """Pages whose only kid is the page tree itself."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


def stream_bomb_pdf(megabytes: int = 64) -> bytes:
    """One page whose compressed content draws millions of characters."""
    run = b"BT /F1 1 Tf 0 0 Td " + b"(a) Tj " * 1000 + b"ET\n"
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(run) for _ in range(megabytes * 1024 * 1024 // len(run))) + compressor.flush()
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
                _stream(data, compressed=True)])


def encrypted_pdf() -> bytes:
    """A PDF that says it is encrypted with a password nobody gave."""
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
               _stream(b"BT /F1 12 Tf 72 760 Td (x) Tj ET"), encrypt]
    return pdf(objects, b"<< /Root 1 0 R /Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>")


def _template() -> dict[str, bytes]:
    """The parts of the empty Word file python-docx makes."""
    from io import BytesIO

    from docx import Document

    buffer = BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx(document_xml: bytes) -> bytes:
    """A Word file with this `word/document.xml`."""
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _template().items():
            archive.writestr(name, document_xml if name == "word/document.xml" else data)
    return buffer.getvalue()


def word_body(inner: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{inner}</w:body></w:document>'.encode()


def many_paragraphs_docx(count: int = 200_000) -> bytes:
    return docx(word_body("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * count))


def zip_bomb_docx(megabytes: int = 300) -> bytes:
    """A Word file whose document part inflates to `megabytes` of spaces inside one paragraph."""
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _template().items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def nested_tables_docx(depth: int = 256) -> bytes:
    cell = "<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    for _ in range(depth):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
    return docx(word_body(cell))


def entity_docx() -> bytes:
    """A Word part that asks the parser to read a file of the machine into the text."""
    return docx((f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 f"<w:document {_W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>").encode())


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY a0 "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    return docx((f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
                 f"<w:document {_W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>").encode())


_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def odt(content_xml: bytes) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'))
        archive.writestr("content.xml", content_xml)
    return buffer.getvalue()


def nested_odt(depth: int = 100_000) -> bytes:
    spans = "<text:span>" * depth + "a" + "</text:span>" * depth
    return odt((f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS} office:version="1.2">'
                f"<office:body><office:text><text:p>{spans}</text:p></office:text></office:body></office:document-content>").encode())


def plain_odt() -> bytes:
    return odt((f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS} office:version="1.2">'
                "<office:body><office:text><text:p>Kế hoạch hưởng ứng Ngày Sáng tạo</text:p></office:text></office:body>"
                "</office:document-content>").encode())


def png_header_only(width: int, height: int, bit_depth: int = 1, colour: int = 0) -> bytes:
    """A PNG whose header promises `width` × `height` pixels, with one tiny compressed row block: Pillow reads
    the size from the header; decoding would allocate the whole image first."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    bands = {0: 1, 2: 3, 6: 4}[colour]
    row = 1 + (width * bands * bit_depth + 7) // 8
    compressor = zlib.compressobj(9)
    rows = b"".join(compressor.compress(b"\0" * row) for _ in range(min(height, 64))) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an old Word (or Excel) file: `bang-tinh-cu.doc` has no Word text in it, `word-cu-hong.doc`
names Word's text stream but holds nothing LibreOffice can read."""


IMPORTER_FILES: dict[str, Callable[[], bytes]] = {
    "van-ban-chu.pdf": lambda: "Đây là văn bản thường, không phải PDF.".encode(),
    "cut.pdf": lambda: text_pdf(3)[:300],
    "mat-khau.pdf": encrypted_pdf,
    "vong-lap.pdf": loop_pdf,
    "bom-luong.pdf": stream_bomb_pdf,
    "xml-hong.docx": lambda: docx(b"<w:document"),
    "xml-rong.docx": lambda: docx(b""),
    "bang-long-nhau.docx": nested_tables_docx,
    "thuc-the-ngoai.docx": entity_docx,
    "ty-tieng-cuoi.docx": billion_laughs_docx,
    "bom-zip.docx": zip_bomb_docx,
    "nhieu-doan.docx": many_paragraphs_docx,
    "cut.odt": lambda: plain_odt()[:200],
    "van-ban-chu.docx": lambda: "Số: 12/KH-UBND\n\nKẾ HOẠCH hưởng ứng Ngày Sáng tạo\n".encode(),
    "bang-tinh-cu.doc": lambda: OLE_MAGIC + bytes(range(256)) * 8,
    "word-cu-hong.doc": lambda: OLE_MAGIC + bytes(range(256)) * 8 + "WordDocument".encode("utf-16-le") + bytes(512),
    "long-nhau.odt": nested_odt,
}
"""Every hostile importer file, by the name a test gives it."""


def write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(IMPORTER_FILES[name]())
    return path
