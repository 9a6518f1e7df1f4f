"""ASCII slugs (đ→d, marks removed), suggested when an id or file name is not one.

Heading anchors keep Vietnamese letters: mkdocs.yml configures pymdownx.slugs for them.
"""

from __future__ import annotations

from slugify import slugify as _ascii_slugify


def ascii_slug(text: str) -> str:
    """`Sở KH&CN Lạng Sơn` → `so-kh-cn-lang-son`; Vietnamese `đ` becomes `d`."""
    return _ascii_slugify(text.replace("đ", "d").replace("Đ", "D"))
