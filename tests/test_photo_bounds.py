"""Photos beside posts are bounded from their header: a small PNG that promises 100 million pixels, or a
colour picture that would take hundreds of MB once decoded, is refused at the post's line with its size,
before a pixel is decoded. What passes is published within bounded memory (measured by the kernel in a
child process), a real phone photo included. Pillow's warnings become a Vietnamese warning, never
terminal output, and no message names a Python exception."""

from __future__ import annotations

import re
import struct
import warnings
from pathlib import Path

import pytest
from child_usage import measured, python
from hostile_import_files import png_header_only
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from test_news_posts import POSTS, SLUG, build, camera_photo, line_of, one_post  # noqa: F401 (a fixture)

from campaign_site.data import photo_files
from campaign_site.site_build import check_data

MEMORY_LIMIT = 1024**3
PYTHON_WORDS = re.compile(r"\b[A-Z]\w*(?:Error|Exception|Warning)\b|Traceback")
PUBLISH = """
import sys
from pathlib import Path
from PIL import Image
from campaign_site.data import photo_files
from campaign_site.stages.news import photos
path = Path(sys.argv[1])
finding = photo_files.inspect(path)
if finding is None or finding.severity == "warning":
    image = photos._decode(path.read_bytes(), photos.WIDTHS[-1])
    photos.encode(image.resize((400, max(1, 400 * image.height // image.width)), Image.Resampling.LANCZOS), "webp", photos.PHONE_BYTES)
    print("đăng")
else:
    print(finding.message)
"""


def refused(project: Path, photo: bytes) -> str:
    """The one error `check` gives for the post's photo `trung-bay.jpg` replaced by `photo`, at its line."""
    (project / POSTS / "trung-bay.jpg").write_bytes(photo)
    errors = [p for p in check_data(project).problems if p.severity == "error"]
    assert len(errors) == 1, errors
    assert errors[0].line == line_of(project / POSTS / f"{SLUG}.md", "  - file: trung-bay.jpg")
    return errors[0].message


@pytest.mark.parametrize(("size", "depth", "colour", "words"), [
    ((10_000, 10_000), 1, 0, "quá lớn (10000 × 10000 điểm ảnh, quá 50 triệu điểm ảnh)"),
    ((10_000, 10_000), 8, 6, "quá lớn (10000 × 10000 điểm ảnh, quá 50 triệu điểm ảnh)"),
    ((7_000, 7_000), 8, 6, "(7000 × 7000 điểm ảnh) khi mở ra chiếm 186,9 MB bộ nhớ, quá giới hạn 160,0 MB"),
])
def test_a_photo_bomb_is_refused_from_its_header(one_post: Path, size: tuple[int, int], depth: int, colour: int,  # noqa: F811
                                                 words: str) -> None:
    bomb = png_header_only(*size, depth, colour)
    assert len(bomb) < 20_000
    message = refused(one_post, bomb)
    assert f"ảnh `trung-bay.jpg` {words}" in message or f"ảnh `trung-bay.jpg` ({size[0]} × {size[1]}" in message, message
    assert "Hãy thu nhỏ ảnh" in message and not PYTHON_WORDS.search(message)


@pytest.mark.parametrize(("name", "size", "depth", "colour"), [
    ("bom-1-bit.png", (10_000, 10_000), 1, 0),
    ("bom-rgba.png", (10_000, 10_000), 8, 6),
    ("sat-gioi-han-1-bit.png", (7_071, 7_071), 1, 0),
    ("sat-gioi-han-mau.png", (8_160, 6_120), 8, 2),
    ("sat-gioi-han-rgba.png", (6_470, 6_470), 8, 6),
])
def test_checking_and_publishing_any_photo_stays_under_a_gigabyte(tmp_path: Path, name: str, size: tuple[int, int],
                                                                   depth: int, colour: int) -> None:
    path = tmp_path / name
    path.write_bytes(png_header_only(*size, depth, colour))
    run = measured(python(PUBLISH, path))
    assert run.returncode == 0, run.stderr
    assert (run.stdout.strip() == "đăng") == name.startswith("sat-gioi-han"), run.stdout
    assert run.maxrss < MEMORY_LIMIT and run.cpu < 10, (run.maxrss, run.cpu)
    assert run.stderr == ""


def test_a_real_phone_photo_is_published_within_bounds(tmp_path: Path) -> None:
    path = tmp_path / "IMG_20260421_093512.jpg"
    camera_photo(path, (4000, 3000))
    assert path.stat().st_size > 2_500_000
    run = measured(python(PUBLISH, path))
    assert run.stdout.strip() == "đăng" and run.stderr == "", run.stderr
    assert run.maxrss < 400 * 1024**2 and run.cpu < 10, (run.maxrss, run.cpu)


def _broken_exif_jpeg() -> bytes:
    """A JPEG whose EXIF says a description of 1,000 bytes follows, where none does."""
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1) + struct.pack("<HHII", 0x010E, 2, 1000, 26) + b"\0\0\0\0"
    from io import BytesIO

    buffer = BytesIO()
    Image.new("RGB", (64, 48), "white").save(buffer, "JPEG", exif=b"Exif\x00\x00" + tiff)
    return buffer.getvalue()


def test_pillows_warnings_become_a_vietnamese_warning_and_the_photo_is_published(one_post: Path) -> None:  # noqa: F811
    (one_post / POSTS / "trung-bay.jpg").write_bytes(_broken_exif_jpeg())
    with warnings.catch_warnings(record=True) as escaped:
        warnings.simplefilter("always")
        result = build(one_post)
    assert result.ok, result.report()
    assert [w for w in escaped if "PIL" in w.filename] == []
    warned = [p for p in result.problems if p.severity == "warning" and "trung-bay.jpg" in p.message]
    assert len(warned) == 1 and "(EXIF) bị hỏng hoặc lạ; ảnh vẫn được đăng" in warned[0].message, result.report()
    assert any(f.path.endswith("/anh-2-64.webp") for f in result.files)


def test_a_truncated_photo_is_described_in_words_not_exception_names(one_post: Path) -> None:  # noqa: F811
    photo = one_post / POSTS / "trung-bay.jpg"
    photo.write_bytes(photo.read_bytes()[:2000])
    result = build(one_post)
    problem = next(p for p in result.problems if p.severity == "error")
    assert "không đọc được ảnh `trung-bay.jpg`: " in problem.message and not PYTHON_WORDS.search(problem.message), problem.message
    assert "(" not in problem.message


def test_the_decoded_size_counts_bands_and_sample_size() -> None:
    for mode, per_pixel in (("1", 1), ("L", 1), ("I;16", 2), ("RGB", 3), ("RGBA", 4)):
        assert photo_files.decoded_bytes(Image.new(mode, (10, 10))) == 100 * per_pixel


_CAMERA = _broken_exif_jpeg()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(_CAMERA) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_mutated_photo_is_judged_without_an_exception_or_a_printed_warning(tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(_CAMERA)
    for at, value in flips:
        data[at] = value
    path = tmp_path / "anh.jpg"
    path.write_bytes(bytes(data))
    with warnings.catch_warnings(record=True) as escaped:
        warnings.simplefilter("always")
        finding = photo_files.inspect(path)
    assert escaped == []
    assert finding is None or (finding.message.startswith(("ảnh `anh.jpg`", "tệp `anh.jpg`")) and not PYTHON_WORDS.search(finding.message))
