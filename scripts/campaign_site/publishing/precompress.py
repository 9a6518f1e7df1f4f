"""Compressed copies (`.gz`, `.br`) next to the built site's text files, for a host that serves
them as they are (nginx `gzip_static` and `brotli_static`) instead of compressing every request.

A copy is kept only when it is smaller than the file. Copies are byte-for-byte reproducible
(no timestamp in the gzip header), so an unchanged page gives an unchanged copy and a deploy can
share it with the previous release.

A copy is written under a temporary name in its folder and renamed over the old one, so a killed
run never leaves a half-written copy; and an existing copy is reused only when it decompresses to
exactly its file (never because of its date), so a copy left by an older build or a broken run is
written again.
"""

from __future__ import annotations

import gzip
import os
import re
import secrets
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import brotli

from campaign_site.core.parallel import map_all

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".ics", ".svg", ".txt", ".map"})
ENCODINGS = (".gz", ".br")
SHARED = re.compile(r"^search/|\.[0-9a-f]{8}(\.min)?\.(js|css)$")
"""Files every visitor downloads, the search index and the content-named scripts and styles:
compressed as hard as brotli can (slow, so only for these; not for the dozens of lunr language
files Material ships that this site never loads)."""
BROTLI_SHARED, BROTLI_PAGE = 11, 9
"""Quality 11 runs at about 2 MB/s, 9 at about 27 MB/s and is a few per cent larger."""
TEMPORARY_SUFFIX = ".precompress-tmp"
"""A copy being written is named `.<copy>.<random>.precompress-tmp`; uploads skip such files."""
STALE_TEMPORARY_SECONDS = 60
"""A temporary file this old belongs to a killed run (writing one takes milliseconds); younger ones
may belong to a run still going on the same folder, and are left alone."""


@dataclass(frozen=True)
class Compressed:
    """What compressing one file gave: its size and the size of each copy written (0: none kept)."""

    size: int
    gzip: int
    brotli: int


def is_temporary(path: Path) -> bool:
    """Whether `path` is a copy still being written (or left by a killed run)."""
    return path.name.endswith(TEMPORARY_SUFFIX)


def source_of(name: str) -> str | None:
    """`page.html` for the copy `page.html.br` (any folder); None when `name` is not a copy."""
    stem, encoding = os.path.splitext(name)
    if encoding in ENCODINGS and os.path.splitext(stem)[1].lower() in TEXT_SUFFIXES:
        return stem
    return None


def decompress(data: bytes, encoding: str) -> bytes | None:
    """What a `.gz` or `.br` copy decompresses to, or None when it is empty, cut short or corrupt."""
    if not data:
        return None
    try:
        return gzip.decompress(data) if encoding == ".gz" else brotli.decompress(data)
    except (OSError, EOFError, zlib.error, brotli.error):
        return None


def _compress(data: bytes, encoding: str, relative: Path) -> bytes:
    if encoding == ".gz":
        return gzip.compress(data, compresslevel=9, mtime=0)
    quality = BROTLI_SHARED if SHARED.search(relative.as_posix()) else BROTLI_PAGE
    return brotli.compress(data, quality=quality, mode=brotli.MODE_TEXT)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` in one step."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    try:
        with open(temporary, "xb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _refresh_copy(path: Path, relative: Path, data: bytes, encoding: str) -> int:
    """Keep the copy if it is smaller than `data` and decompresses to it, else write it again (or
    remove it when compressing does not pay); return the size of the copy kept, 0 for none."""
    copy = path.with_name(path.name + encoding)
    try:
        existing = copy.read_bytes()
    except FileNotFoundError:
        existing = b""
    if len(existing) < len(data) and decompress(existing, encoding) == data:
        return len(existing)
    compressed = _compress(data, encoding, relative)
    if len(compressed) >= len(data):
        copy.unlink(missing_ok=True)
        return 0
    _write_atomically(copy, compressed)
    return len(compressed)


def compress_file(root: Path, relative: Path) -> Compressed:
    """Make `<file>.gz` and `<file>.br` beside `root/relative` right, when they are smaller than it."""
    path = root / relative
    data = path.read_bytes()
    gz, br = (_refresh_copy(path, relative, data, encoding) for encoding in ENCODINGS)
    return Compressed(size=len(data), gzip=gz, brotli=br)


def text_files(root: Path) -> list[Path]:
    """Paths, relative to `root`, of the files worth compressing, in a stable order."""
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()
    )


def _is_leftover(path: Path, stale_before: float) -> bool:
    """A copy whose file is gone, or a temporary file of a run killed a while ago."""
    source = source_of(path.name)
    if source is not None:
        return path.is_file() and not path.with_name(source).is_file()
    return is_temporary(path) and path.stat().st_mtime < stale_before


def remove_leftovers(root: Path) -> None:
    """Delete what earlier runs left under `root`: orphaned copies and old temporary files."""
    stale_before = time.time() - STALE_TEMPORARY_SECONDS
    for path in root.rglob("*"):
        try:
            if _is_leftover(path, stale_before):
                path.unlink()
        except FileNotFoundError:
            pass  # removed meanwhile by another run on the same folder


def precompress_tree(root: Path) -> list[Compressed]:
    """Compress every text file under `root`, on every core when there are many."""
    remove_leftovers(root)
    return map_all(lambda relative: compress_file(root, relative), text_files(root))
