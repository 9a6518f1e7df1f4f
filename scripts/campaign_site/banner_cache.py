"""Drawn banner files kept between builds, so a build only draws what changed.

A file's key covers everything that shapes it: the inputs, the font and the source code of every
`banner*.py` module (layout, drawing, margins, the sharing image's composition). Changing any of
them draws the file anew; nothing needs a manual version.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path


@cache
def _generator_digest() -> str:
    """Hash of the font and of the code that draws banners."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [here / "fonts" / "NotoSans-Bold.ttf", *sorted(here.glob("banner*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


class BannerCache:
    """Files by key in `directory` (none: draw every time); counts hits and misses."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def get(self, inputs: object, make: Callable[[], bytes]) -> bytes:
        """The cached bytes for `inputs` (JSON-serialisable), drawing them with `make` if needed."""
        if self.directory is None:
            self.misses += 1
            return make()
        key = hashlib.sha256(json.dumps([_generator_digest(), inputs], ensure_ascii=False).encode()).hexdigest()
        path = self.directory / key[:2] / key
        self.used.add(path)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            pass
        else:
            self.hits += 1
            return content
        self.misses += 1
        content = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{key}.{os.getpid()}.tmp")
        partial.write_bytes(content)
        partial.replace(path)
        return content

    def prune(self) -> int:
        """Delete the files this build did not use (not another build's partial files); returns how many."""
        if self.directory is None or not self.directory.is_dir():
            return 0
        stale = [p for p in self.directory.glob("*/*") if p.is_file() and "." not in p.name and p not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)
