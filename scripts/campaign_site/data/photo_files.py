"""What a photo file must be for the site to publish it, checked without decoding its pixels: a
readable format, at most 20 MB, 50 million pixels and `MAX_DECODED_BYTES` once decoded. Used when posts
are checked (`activities.py`). Pillow's warnings about the file (broken EXIF data, a picture larger than
it expects) are never printed: they come back as a Vietnamese warning about the file."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageMode

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
_SHRINK = "Hãy thu nhỏ ảnh (cạnh dài 4000 điểm ảnh là đủ) rồi chép lại."


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
        return Finding(f"ảnh `{path.name}` nặng {human_size(size)}, quá giới hạn {human_size(MAX_BYTES)}. Hãy dùng ảnh chụp ở chế độ "
                       "thường của điện thoại, hoặc thu nhỏ ảnh (cạnh dài 4000 điểm ảnh là đủ).")
    if path.suffix.lower() in (".heic", ".heif"):
        return Finding(f"ảnh `{path.name}` ở dạng HEIC (của iPhone), trang chưa đọc được. Hãy chuyển ảnh sang JPEG, hoặc trên iPhone "
                       "chọn Cài đặt → Camera → Định dạng → Tương thích nhất rồi chụp lại.")
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
        return Finding(f"tệp `{path.name}` không phải ảnh JPEG, PNG hoặc WebP đọc được. Hãy chép lại tệp ảnh gốc từ điện thoại "
                       "hoặc máy ảnh.")
    if width * height > MAX_PIXELS:
        return Finding(f"ảnh `{path.name}` quá lớn ({width} × {height} điểm ảnh, quá {MAX_PIXELS // 1_000_000} triệu điểm ảnh). "
                       + _SHRINK)
    if decoded > MAX_DECODED_BYTES:
        return Finding(f"ảnh `{path.name}` ({width} × {height} điểm ảnh) khi mở ra chiếm {human_size(decoded)} bộ nhớ, quá giới hạn "
                       f"{human_size(MAX_DECODED_BYTES)}: có thể là ảnh có kênh trong suốt hoặc ảnh 16 bit. " + _SHRINK)
    if noticed:
        return Finding(f"ảnh `{path.name}` có phần thông tin kèm theo (EXIF) bị hỏng hoặc lạ; ảnh vẫn được đăng, nhưng nếu ảnh bị "
                       "xoay sai hay lỗi, hãy chép lại ảnh gốc từ điện thoại.", "warning")
    return None
