"""File names that carry a hash of the file's content, so a host can let browsers keep the file
for a year: changed content gets a new name, and pages point at the new name."""

from __future__ import annotations

import hashlib


def content_name(path: str, data: bytes) -> str:
    """`assets/site.css` → `assets/site.1a2b3c4d.css` (the first 8 hex digits of the SHA-256)."""
    stem, _, suffix = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}.{suffix}"
