"""Made files kept between builds, so a build only makes what changed (drawn banners, resized photos,
compiled templates).

A file's key covers its inputs and a digest of the code that makes it (given by the caller): changing
either makes the file anew; nothing needs a manual version.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def source_digest(paths: Iterable[Path]) -> str:
    """Hash of the files (code, fonts) that shape what a cache holds."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


SITE_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
"""The libraries whose versions shape every built page."""


def package_digest() -> str:
    """Digest of all of `campaign_site`: its code, templates and words."""
    package = Path(__file__).parent.parent
    return source_digest(sorted(p for p in package.rglob("*") if p.suffix in {".py", ".po", ".j2"}))


def site_code_digest(project: Path) -> str:
    """What every built page depends on besides its own inputs: `mkdocs.yml`, the MkDocs hooks, the theme's
    overrides, `package_digest`, the versions of `SITE_LIBRARIES`, and the generator running (MkDocs or
    ProperDocs, which names itself in each page's `generator` tag: a page one built is not the other's)."""
    hooks = sorted((project / "scripts").glob("mkdocs_*hook.py"))
    overrides = sorted(p for p in (project / "overrides").rglob("*") if p.is_file())
    generator = "properdocs" if "properdocs" in sys.modules else "mkdocs"
    return (source_digest([project / "mkdocs.yml", *hooks, *overrides]) + package_digest()
            + " ".join(map(version, SITE_LIBRARIES)) + generator)


class FileCache:
    """Files by key in `directory` (none: make every time); counts hits and misses.

    `code` is called once, on first use, for the digest of the code that makes the files."""

    def __init__(self, directory: Path | None, code: Callable[[], str]) -> None:
        self.directory = directory
        self.code = cache(code)
        self.used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def get(self, inputs: object, make: Callable[[], bytes]) -> bytes:
        """The cached bytes for `inputs` (JSON-serialisable), making them with `make` if needed."""
        content = self.peek(inputs)
        if content is None:
            content = make()
            self.put(inputs, content)
        return content

    def peek(self, inputs: object) -> bytes | None:
        """The cached bytes for `inputs`, or None (a miss, counted)."""
        path = self._path(inputs)
        try:
            content = path.read_bytes() if path else None
        except FileNotFoundError:
            content = None
        if content is None:
            self.misses += 1
        else:
            self.hits += 1
        return content

    def put(self, inputs: object, content: bytes) -> None:
        """Keep `content` as what `inputs` make (atomically: a reader never sees half a file)."""
        path = self._path(inputs)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(content)
        partial.replace(path)

    def keep(self, inputs: object) -> None:
        """Count the file for `inputs` as used by this build (another process of the build `put` it)."""
        self._path(inputs)

    def _path(self, inputs: object) -> Path | None:
        if self.directory is None:
            return None
        key = hashlib.sha256(json.dumps([self.code(), inputs], ensure_ascii=False).encode()).hexdigest()
        path = self.directory / key[:2] / key
        self.used.add(path)
        return path

    def prune(self) -> int:
        """Delete the files this build did not use (not another build's partial files); returns how many."""
        if self.directory is None or not self.directory.is_dir():
            return 0
        stale = [p for p in self.directory.glob("*/*") if p.is_file() and "." not in p.name and p not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def compiled_templates(directory: Path) -> FileSystemBytecodeCache:
    """Jinja templates compiled once and kept in `directory` (keyed by name and source; a new Jinja or
    Python compiles them again): with the theme's, compiling took half a second of every build."""
    directory.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(directory))
