"""An old binary Word file (.doc, Word 97-2003) as a .docx, converted by LibreOffice when it is installed.

The conversion runs `soffice --headless --convert-to docx` with a profile of its own in a temporary
folder (so it neither waits for nor disturbs a LibreOffice staff have open), a time limit, and Word 97's
import filter named (without it LibreOffice reads bytes it cannot parse as a text file). A `.doc` that is
Rich Text (as Word also saves it) goes the same way. Without
LibreOffice, or when it cannot convert the file, the file is refused with a Vietnamese sentence saying to
save it as .docx in Word.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.importing.unreadable import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of a compound file: an old Word document, or an Office file locked with a password."""
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream name Office gives a .docx it has locked with a password (inside a compound file)."""
CONVERT_SECONDS = 30
"""LibreOffice starts and converts a 40-page .doc in 3 to 8 s on a busy machine."""


_WORD_STREAM = "WordDocument".encode("utf-16-le")
"""The stream that holds the text of a Word 97-2003 document."""


def is_locked_office_file(data: bytes) -> bool:
    """Whether a compound file is a Word file locked with a password rather than an old .doc."""
    return _ENCRYPTED in data


def import_filter(data: bytes) -> str | None:
    """LibreOffice's import filter for an old Word file's bytes: Word 97-2003 (a compound file holding Word's
    text stream, not, say, an Excel sheet), or the Rich Text Format Word also saves as .doc; None otherwise."""
    if data.startswith(OLE_MAGIC) and _WORD_STREAM in data:
        return "MS Word 97"
    return "Rich Text Format" if data.startswith(b"{\\rtf") else None


@contextmanager
def as_docx(path: Path, name: str) -> Iterator[Path]:
    """The .docx LibreOffice makes of `path` (bytes `import_filter` knows), in a temporary folder removed afterwards."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnreadableFile(plain("import.doc_needs_word", name=name))
    with path.open("rb") as file:
        kind = import_filter(file.read(1 << 20))
    with tempfile.TemporaryDirectory(prefix="import-doc-") as folder:
        work = Path(folder)
        source = work / "source.doc"
        shutil.copyfile(path, source)
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}", f"--infilter={kind}",
                   "--convert-to", "docx", "--outdir", str(work), str(source)]
        try:
            converter = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise UnreadableFile(plain("import.doc_not_converted", name=name)) from exc
        try:
            converter.wait(timeout=CONVERT_SECONDS)
        except subprocess.TimeoutExpired as exc:
            os.killpg(converter.pid, signal.SIGKILL)  # LibreOffice's own processes, started in this session only
            converter.wait()
            raise UnreadableFile(plain("import.doc_not_converted", name=name)) from exc
        converted = work / "source.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise UnreadableFile(plain("import.doc_not_converted", name=name))
        yield converted
