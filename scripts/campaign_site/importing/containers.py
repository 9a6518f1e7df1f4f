"""Check a Word (.docx) or OpenDocument (.odt) file before a library reads it: both are zip archives of
XML parts, and a small file can hold a part that inflates to gigabytes, a million elements, XML nested
thousands deep, or entities that expand or read other files. Every part is inflated once, counting the
bytes actually produced (a part may lie about its size), and every XML part is parsed with `defusedxml`
(no DTD, no entities) counting depth and elements; only then is the file handed to the reader."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from campaign_site.core.catalogue import plain
from campaign_site.data.wording import count_text
from campaign_site.importing.unreadable import UnreadableFile

MAX_PARTS = 2_000
MAX_PART_BYTES = 40 * 1024 * 1024
"""A 40-page dispatch's text part is under 2 MB; pictures inside are each a few MB."""
MAX_TOTAL_BYTES = 120 * 1024 * 1024
MAX_DEPTH = 100
"""Word nests a table in a table a few levels at most; each level is four elements."""
MAX_ELEMENTS = 150_000
"""A 40-page dispatch has 3,000 to 50,000 elements (more with many formatted runs); reading costs about
40 µs an element."""
_XML = (".xml", ".rels")


class _Counted:
    """A part's stream that refuses to give more than `limit` bytes in all."""

    def __init__(self, stream: IO[bytes], limit: int, too_big: UnreadableFile) -> None:
        self.stream, self.left, self.too_big = stream, limit, too_big

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(1 << 16 if size < 0 else min(size, 1 << 16))
        self.left -= len(data)
        if self.left < 0:
            raise self.too_big
        return data


def check_archive(path: Path, name: str) -> None:
    """Raise `UnreadableFile` (in Vietnamese, naming the file as staff gave it: `name`) when the archive is
    broken or beyond the bounds."""
    too_big = UnreadableFile(plain("import.too_big_unpacked", name=name, part_mb=MAX_PART_BYTES // 2**20, total_mb=MAX_TOTAL_BYTES // 2**20))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_TOTAL_BYTES:
                raise too_big
            left = MAX_TOTAL_BYTES
            for part in parts:
                if part.file_size > MAX_PART_BYTES:
                    raise too_big
                with archive.open(part) as raw:
                    stream = _Counted(raw, min(MAX_PART_BYTES, left), too_big)
                    if part.filename.lower().endswith(_XML):
                        _check_xml(stream, name, part.filename)
                    while stream.read():
                        pass
                    left = stream.left
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(plain("import.broken_zip", name=name)) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError) as exc:  # a part cut short, encrypted, or an unknown method
        raise UnreadableFile(plain("import.encrypted_zip", name=name)) from exc


def _check_xml(stream: _Counted, name: str, part: str) -> None:
    depth = elements = 0
    try:
        for event, _element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "end":
                depth -= 1
                _element.clear()
                continue
            depth, elements = depth + 1, elements + 1
            if depth > MAX_DEPTH:
                raise UnreadableFile(plain("import.too_deep", name=name, max=MAX_DEPTH, part=part))
            if elements > MAX_ELEMENTS:
                raise UnreadableFile(plain("import.too_many_parts", name=name, part=part, max=count_text(MAX_ELEMENTS)))
    except DefusedXmlException as exc:
        raise UnreadableFile(plain("import.xml_entities", name=name, part=part)) from exc
    except SyntaxError as exc:  # xml.etree's ParseError
        raise UnreadableFile(plain("import.bad_xml", name=name, part=part, line=_line(exc))) from exc


def _line(exc: SyntaxError) -> int:
    position = getattr(exc, "position", None)
    return position[0] if position else 1
