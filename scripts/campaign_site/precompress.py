"""Compressed copies (`.gz`, `.br`) next to the built site's text files, for a host that serves
them as they are (nginx `gzip_static` and `brotli_static`) instead of compressing every request.

A copy is kept only when it is smaller than the file. Copies are byte-for-byte reproducible
(no timestamp in the gzip header), so an unchanged page gives an unchanged copy and a deploy can
share it with the previous release.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import brotli

from .parallel import map_all

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".ics", ".svg", ".txt", ".map"})
ENCODINGS = (".gz", ".br")
SHARED = re.compile(r"^search/|\.[0-9a-f]{8}(\.min)?\.(js|css)$")
"""Files every visitor downloads, the search index and the content-named scripts and styles:
compressed as hard as brotli can (slow, so only for these; not for the dozens of lunr language
files Material ships that this site never loads)."""
BROTLI_SHARED, BROTLI_PAGE = 11, 9
"""Quality 11 runs at about 2 MB/s, 9 at about 27 MB/s and is a few per cent larger."""


@dataclass(frozen=True)
class Compressed:
    """What compressing one file gave: its size and the size of each copy written (0: none kept)."""

    size: int
    gzip: int
    brotli: int


def _brotli_quality(relative: Path) -> int:
    return BROTLI_SHARED if SHARED.search(relative.as_posix()) else BROTLI_PAGE


def _write_if_smaller(path: Path, data: bytes, size: int) -> int:
    if len(data) >= size:
        path.unlink(missing_ok=True)
        return 0
    path.write_bytes(data)
    return len(data)


def _copies_up_to_date(path: Path) -> Compressed | None:
    """The sizes of both copies when they were written after the file (a deploy of the same build)."""
    copies = [path.with_name(path.name + suffix) for suffix in ENCODINGS]
    try:
        modified = path.stat().st_mtime_ns
        if all(copy.stat().st_mtime_ns >= modified for copy in copies):
            return Compressed(path.stat().st_size, *(copy.stat().st_size for copy in copies))
    except FileNotFoundError:
        pass
    return None


def compress_file(root: Path, relative: Path) -> Compressed:
    """Write `<file>.gz` and `<file>.br` beside `root/relative` when they are smaller than it."""
    path = root / relative
    known = _copies_up_to_date(path)
    if known:
        return known
    data = path.read_bytes()
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    br = brotli.compress(data, quality=_brotli_quality(relative), mode=brotli.MODE_TEXT)
    return Compressed(
        size=len(data),
        gzip=_write_if_smaller(path.with_name(path.name + ".gz"), gz, len(data)),
        brotli=_write_if_smaller(path.with_name(path.name + ".br"), br, len(data)),
    )


def text_files(root: Path) -> list[Path]:
    """Paths, relative to `root`, of the files worth compressing, in a stable order."""
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()
    )


def precompress_tree(root: Path) -> list[Compressed]:
    """Compress every text file under `root`, on every core when there are many."""
    return map_all(lambda relative: compress_file(root, relative), text_files(root))
