"""ASCII slugs (đ→d, marks removed), suggested when an id or file name is not one.

Heading anchors keep Vietnamese letters: mkdocs.yml configures pymdownx.slugs for them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from slugify import slugify as _ascii_slugify


def without_marks(text: str) -> str:
    """`Sở Lạng Sơn` → `So Lang Son`: Vietnamese without its marks, `đ` as `d`, as people type it loosely."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def ascii_slug(text: str) -> str:
    """`Sở KH&CN Lạng Sơn` → `so-kh-cn-lang-son`; Vietnamese `đ` becomes `d`. Kept per text: the library
    imports its transliteration table on every call, and a national site asks for thousands a build."""
    return _ascii_slugify(text.replace("đ", "d").replace("Đ", "D"))
