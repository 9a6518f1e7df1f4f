"""Hostile files made in code, small on disk: photo bombs for activity posts and every importer file
shape that once broke the importer (issue 25). `PHOTOS` and `IMPORTS` map a name to its maker, so a
fuzz corpus entry names a file instead of carrying its bytes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "import_documents" / "ubnd-phu-tho.txt"

# Photos -------------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, depth: int = 1, colour: int = 0, pixels: bool = True) -> bytes:
    """A PNG of zero pixels: a few KB that decode to width × height pixels (or only its header)."""
    channels = {0: 1, 2: 3, 6: 4}[colour]
    row = b"\0" * (1 + (width * channels * depth + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush() if pixels else b""
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + (_chunk(b"IDAT", data) if pixels else b"") + _chunk(b"IEND", b"")


def jpeg_truncated() -> bytes:
    """The first half of a real JPEG: the header reads, the pixels do not."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(out, "JPEG")
    return out.getvalue()[: len(out.getvalue()) // 2]


PHOTOS: dict[str, Callable[[], bytes]] = {
    "png-1bit-10000": lambda: png(10_000, 10_000),  # 12 KB on disk, 100 million pixels
    "png-rgba-8000": lambda: png(8_000, 8_000, 8, 6),  # 250 KB on disk, 256 MB of pixels
    "png-header-only": lambda: png(9_000, 9_000, 8, 2, pixels=False),
    "jpeg-truncated": jpeg_truncated,
    "text-named-jpg": lambda: "Ảnh hội thảo".encode(),
}

# Importer files ---------------------------------------------------------------------------------

DISPATCH = ("UBND TỈNH LẠNG SƠN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nKẾ HOẠCH\nHưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo "
            "thế giới 21/4/2026\nThời gian từ ngày 15/4/2026 đến ngày 26/4/2026.\n")


def pdf(pages_kids: str = "[3 0 R]", content: bytes = b"BT /F1 12 Tf 72 770 Td (KE HOACH 21/4/2026) Tj ET",
        flate: bool = False, encrypt: bool = False) -> bytes:
    """A one-page PDF with a text layer, written by hand with a correct cross-reference table."""
    stream = zlib.compress(content, 9) if flate else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids {pages_kids} /Count 1 >>".encode(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)}{' /Filter /FlateDecode' if flate else ''} >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    extra = f" /Encrypt {len(objects)} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]" if encrypt else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


_DOCX_BODY = "".join(_para(line) for line in DISPATCH.splitlines())
_ODT_BODY = "".join(f"<text:p>{line}</text:p>" for line in DISPATCH.splitlines())


def docx(document: bytes | None = None, body: str = _DOCX_BODY) -> bytes:
    """A Word file: the parts docx2python needs, and `word/document.xml` (the given bytes, or `body` in a document)."""
    xml = document if document is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'.encode())
    return _zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": b'<?xml version="1.0"?><Relationships '
        b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": xml,
    })


def _nested_tables(depth: int) -> str:
    cell = _para("Kế hoạch")
    for _ in range(depth):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
    return cell


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
           + f']><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
_EXTERNAL = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{_W}">'
             "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")


def _zip_bomb_docx() -> bytes:
    """About 100 KB that inflates to 100 MB of one paragraph."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx()), "r") as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item, source.read(item))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            chunk = b"a " * 500_000
            for _ in range(100):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


_OFFICE = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def odt(body: str = _ODT_BODY) -> bytes:
    """An OpenDocument text: mimetype, manifest and `body` as its text."""
    content = f'<?xml version="1.0"?><office:document-content {_OFFICE}><office:body><office:text>{body}</office:text></office:body></office:document-content>'
    return _zip({
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        "content.xml": content.encode(),
    })


IMPORTS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "txt-dispatch": (".txt", lambda: SAMPLE.read_bytes()),  # a real plan: with `--id` of 300 letters
    "text-named-pdf": (".pdf", DISPATCH.encode),
    "pdf-truncated": (".pdf", lambda: pdf()[:300]),
    "pdf-encrypted": (".pdf", lambda: pdf(encrypt=True)),
    "pdf-page-loop": (".pdf", lambda: pdf(pages_kids="[2 0 R]")),
    "pdf-stream-bomb": (".pdf", lambda: pdf(content=b" " * 50_000_000, flate=True)),
    "docx-not-zip": (".docx", DISPATCH.encode),
    "docx-bad-xml": (".docx", lambda: docx(b"<w:document><w:body><w:p>")),
    "docx-empty-xml": (".docx", lambda: docx(b"")),
    "docx-deep-tables": (".docx", lambda: docx(body=_nested_tables(256))),
    "docx-external-entity": (".docx", lambda: docx(_EXTERNAL.encode())),
    "docx-billion-laughs": (".docx", lambda: docx(_LAUGHS.encode())),
    "docx-many-paragraphs": (".docx", lambda: docx(body="<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_000)),
    "docx-zip-bomb": (".docx", _zip_bomb_docx),
    "odt-truncated": (".odt", lambda: odt()[:200]),
    "odt-deep-lists": (".odt", lambda: odt("<text:list><text:list-item>" * 2000 + "<text:p>x</text:p>"
                                              + "</text:list-item></text:list>" * 2000)),
}
"""Name → (suffix, maker) of each importer file shape of issue 25."""
