"""Slugs: ASCII ones for addresses (đ→d, marks removed), Unicode ones for heading anchors."""

from __future__ import annotations

from pymdownx.slugs import slugify as _pymdownx_slugify
from slugify import slugify as _ascii_slugify

heading_anchor = _pymdownx_slugify(case="lower")
"""Slugify for `toc.slugify`: keeps Vietnamese letters (including đ) in anchors."""


def ascii_slug(text: str) -> str:
    """`Sở KH&CN Lạng Sơn` → `so-kh-cn-lang-son`; Vietnamese `đ` becomes `d`."""
    return _ascii_slugify(text.replace("đ", "d").replace("Đ", "D"))
