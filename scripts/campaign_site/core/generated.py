"""What renderers produce: files to add to the site."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    """A file to add to the site: its path (as MkDocs source), its content, and the data file behind it."""

    path: str
    content: str | bytes
    source: str
