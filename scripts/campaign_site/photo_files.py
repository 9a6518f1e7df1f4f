"""What a photo file must be for the site to publish it, checked without decoding it: a readable
format, at most 20 MB and 100 million pixels. Used when posts are checked (`activities.py`)."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image

from .wording import human_size

MAX_BYTES = 20 * 1024 * 1024
"""A phone photo is 3–8 MB; a larger file is a video frame, a scan or a mistake."""
MAX_PIXELS = 100_000_000
"""A 50-megapixel phone photo passes; decoding anything larger would cost seconds and gigabytes."""
READABLE = {"JPEG", "MPO", "PNG", "WEBP"}
"""Formats Pillow reads here (MPO: the JPEG some phones write, with a second picture inside)."""


def inspect(path: Path) -> str | None:
    """Why the file cannot be published as a photo (in Vietnamese), or None. Reads the header only."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (f"ảnh `{path.name}` nặng {human_size(size)}, quá giới hạn {human_size(MAX_BYTES)}. Hãy dùng ảnh chụp ở chế độ "
                "thường của điện thoại, hoặc thu nhỏ ảnh (cạnh dài 4000 điểm ảnh là đủ).")
    try:
        with warnings.catch_warnings(), Image.open(path) as image:
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            kind, (width, height) = image.format, image.size
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind, width, height = None, 0, 0
    if path.suffix.lower() in (".heic", ".heif"):
        return (f"ảnh `{path.name}` ở dạng HEIC (của iPhone), trang chưa đọc được. Hãy chuyển ảnh sang JPEG, hoặc trên iPhone "
                "chọn Cài đặt → Camera → Định dạng → Tương thích nhất rồi chụp lại.")
    if kind not in READABLE:
        return (f"tệp `{path.name}` không phải ảnh JPEG, PNG hoặc WebP đọc được. Hãy chép lại tệp ảnh gốc từ điện thoại "
                "hoặc máy ảnh.")
    if width * height > MAX_PIXELS:
        return (f"ảnh `{path.name}` quá lớn ({width} × {height} điểm ảnh, quá {MAX_PIXELS // 1_000_000} triệu điểm ảnh). "
                "Hãy thu nhỏ ảnh (cạnh dài 4000 điểm ảnh là đủ).")
    return None
