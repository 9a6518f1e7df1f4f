"""What a photo file must be for the site to publish it, checked without decoding its pixels: a
readable format, at most 20 MB, 50 million pixels and `MAX_DECODED_BYTES` once decoded. Used when posts
are checked (`activities.py`). Pillow's warnings about the file (broken EXIF data, a picture larger than
it expects) are never printed: they come back as a Vietnamese warning about the file."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageMode

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.problems import Severity
from campaign_site.data.wording import human_size

MAX_BYTES = 20 * 1024 * 1024
"""A phone photo is 3–8 MB; a larger file is a video frame, a scan or a mistake."""
MAX_PIXELS = 50_000_000
"""A 50-megapixel phone photo (8160 × 6120) passes; the 108 and 200-megapixel modes of some phones do not."""
MAX_DECODED_BYTES = 160 * 1024 * 1024
"""The pixels once decoded (width × height × bytes a pixel): a 50-megapixel colour photo is 150 MB, and
publishing it takes about three times that at its peak."""
READABLE = {"JPEG", "MPO", "PNG", "WEBP"}
"""Formats Pillow reads here (MPO: the JPEG some phones write, with a second picture inside)."""
_SHRINK = plain("staff.photo_shrink")


@dataclass(frozen=True)
class Finding:
    """What is wrong with a photo file: an error (it is not published) or a warning (it is)."""

    message: str
    severity: Severity = "error"


def decoded_bytes(image: Image.Image) -> int:
    """The bytes the pixels take once decoded, from the header: width × height × bands × sample size.
    A palette with transparency counts as the RGBA it is decoded to."""
    mode = "RGBA" if image.mode in ("P", "PA") and "transparency" in image.info else image.mode
    described = ImageMode.getmode(mode)
    return image.width * image.height * len(described.bands) * int(described.typestr[-1])


def _exif_broken(image: Image.Image) -> bool:
    """Whether reading the photo's EXIF data fails (publishing drops it, but turns the photo by it)."""
    try:
        image.getexif().get(0x0112)
    except Exception:  # a hostile EXIF block may raise anything
        return True
    return False


def inspect(path: Path) -> Finding | None:
    """Why the file cannot be published as a photo, or what is odd about it (in Vietnamese), or None.
    Reads the header and the EXIF data only."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Finding(plain("staff.photo_too_heavy", name=path.name, size=human_size(size), max=human_size(MAX_BYTES)))
    if path.suffix.lower() in (".heic", ".heif"):
        return Finding(plain("staff.photo_heic", name=path.name))
    kind, width, height, decoded, noticed = None, 0, 0, 0, False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with Image.open(path) as image:
                kind, (width, height), decoded = image.format, image.size, decoded_bytes(image)
                noticed = _exif_broken(image)
        except Exception:  # Pillow on a hostile header may raise anything: then it is not a photo it reads
            kind = None
        noticed = noticed or bool(caught)
    if kind not in READABLE:
        return Finding(plain("staff.photo_not_image", name=path.name))
    if width * height > MAX_PIXELS:
        return Finding(sentences(plain("staff.photo_too_large", name=path.name, width=width, height=height, max=MAX_PIXELS // 1_000_000), _SHRINK))
    if decoded > MAX_DECODED_BYTES:
        return Finding(sentences(plain("staff.photo_too_much_memory", name=path.name, width=width, height=height,
                                        memory=human_size(decoded), max=human_size(MAX_DECODED_BYTES)), _SHRINK))
    if noticed:
        return Finding(plain("staff.photo_exif", name=path.name), "warning")
    return None
