"""Drawn banner files kept between builds, so a build only draws what changed.

A file's key covers everything that shapes it: the inputs, the font and the source code of every
module and data file here (layout and its dictionary of words, drawing, margins, the sharing
image's composition). Changing any of them draws the file anew; nothing needs a manual version.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from campaign_site.core.file_cache import FileCache, source_digest
from campaign_site.core.glyphs import BANNER_FONT_FILE


@cache
def _generator_digest() -> str:
    """Hash of the font, of the code that draws banners and of its dictionary of words."""
    here = Path(__file__).parent
    return source_digest([BANNER_FONT_FILE, *sorted([*here.glob("*.py"), *here.glob("*.txt")])])


class BannerCache(FileCache):
    """Drawn banner files by key in `directory` (none: draw every time); counts hits and misses."""

    def __init__(self, directory: Path | None) -> None:
        super().__init__(directory, _generator_digest)
