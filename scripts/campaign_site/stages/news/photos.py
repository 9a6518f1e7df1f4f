"""Publish the photos of activity posts safely: resized copies, upright, with no metadata.

Staff drop the camera's file (a 4000 × 3000, 3–8 MB JPEG) beside a post. The original is never
published: for each photo the site gets WebP copies 400, 800 and 1200 px wide and JPEG copies 400
and 800 px wide (the fallback), each turned upright by its EXIF orientation, converted to sRGB, and
written from a fresh image so that no EXIF field (GPS location first), XMP, ICC profile or comment
of the original is carried over. A copy a phone may choose (800 px or less) is kept under
`PHONE_BYTES` by lowering its quality step by step. Copies are cached in `.cache/photos/`, keyed by
the original's content, the width, the format and this module's code.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PIL import Image, ImageCms, ImageOps

from campaign_site.core.catalogue import plain
from campaign_site.core.file_cache import FileCache, source_digest
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.problems import Problem
from campaign_site.data import paths

if TYPE_CHECKING:
    from campaign_site.data.activities import PhotoSource, Post, PostPhoto

WIDTHS = (400, 800, 1200)
PHONE_WIDTH = 800
"""The widest copy offered below `WIDE_SCREEN`: a phone never downloads more, whatever its pixel density."""
WIDE_SCREEN = "(min-width: 45em)"
PHONE_BYTES = 80 * 1024
WIDE_BYTES = 200 * 1024
QUALITY = {"webp": (78, 70, 62, 54, 46), "jpeg": (80, 72, 64, 56, 48)}
"""Qualities tried in turn until a copy fits its byte budget (the last one is kept in any case)."""
Format = Literal["webp", "jpeg"]
_EXTENSION = {"webp": "webp", "jpeg": "jpg"}
_ORIENTATION = 0x0112


@cache
def _code_digest() -> str:
    return source_digest([Path(__file__)])


def photo_cache(directory: Path | None) -> FileCache:
    """The cache of resized copies (none: make every copy on every build)."""
    return FileCache(directory, _code_digest)


@dataclass(frozen=True)
class Copy:
    """One published copy of a photo."""

    path: str
    """Its path in the site (`2026/hoat-dong/<slug>/anh-1-800.webp`)."""
    format: Format
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class PublishedPhoto:
    """A post's photo as pages show it: what staff wrote about it and its copies."""

    entry: PostPhoto
    copies: tuple[Copy, ...]

    def of(self, kind: Format, phone: bool = False) -> list[Copy]:
        """Its copies in one format, narrowest first; `phone`: only those a phone may choose."""
        return [c for c in self.copies if c.format == kind and (not phone or c.width <= PHONE_WIDTH)]

    @property
    def wide_copies(self) -> list[Copy]:
        """Its WebP copies for screens of `WIDE_SCREEN` and wider; empty when a phone may take them all."""
        webp = self.of("webp")
        return webp if len(webp) > len(self.of("webp", phone=True)) else []

    @property
    def fallback(self) -> Copy:
        """The JPEG copy `<img src>` names, whose width and height the page reserves."""
        return self.of("jpeg")[-1]


class PhotoError(Exception):
    """A photo that passed the header check but cannot be decoded; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """The photo's size once turned as its EXIF orientation says (5 to 8 swap the sides)."""
    width, height = image.size
    try:
        orientation = image.getexif().get(_ORIENTATION)
    except Exception:  # broken EXIF data, reported when the post was checked: the photo is taken as it lies
        orientation = None
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def widths_for(width: int) -> list[int]:
    """The copies' widths: `WIDTHS` narrower than the photo, then the photo's own width if it is narrower."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def _decode(content: bytes, largest: int) -> Image.Image:
    """The photo upright, in sRGB, as a new image that carries nothing of the file but its pixels."""
    with Image.open(io.BytesIO(content)) as image:
        image.draft("RGB", (largest, largest))  # JPEG: decode at the smallest scale still wide enough
        try:
            upright = ImageOps.exif_transpose(image)
        except Exception:  # broken EXIF data (see `_upright_size`); a pixel error is raised again by the copy
            upright = image.copy()
        icc = image.info.get("icc_profile")
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        upright = Image.new("RGB", rgba.size, "white")
        upright.paste(rgba, mask=rgba.getchannel("A"))
    if icc:
        try:
            upright = ImageCms.profileToProfile(upright.convert("RGB"), ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                                ImageCms.createProfile("sRGB"), outputMode="RGB") or upright
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: keep the colours as they are
    clean = Image.new("RGB", upright.size)
    clean.paste(upright.convert("RGB"))
    return clean


def encode(image: Image.Image, kind: Format, budget: int) -> bytes:
    """The image in `kind` at the best quality of `QUALITY` that fits `budget` bytes."""
    data = b""
    for quality in QUALITY[kind]:
        buffer = io.BytesIO()
        if kind == "webp":
            image.save(buffer, "WEBP", quality=quality, method=5)
        else:
            image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        data = buffer.getvalue()
        if len(data) <= budget:
            break
    return data


class PhotoMaker:
    """Makes the published copies of posts' photos, through the cache."""

    def __init__(self, cache: FileCache) -> None:
        self.cache = cache

    def post(self, post: Post) -> tuple[list[GeneratedFile], list[PublishedPhoto]]:
        """The files of every photo of a post and how pages show each one."""
        files: list[GeneratedFile] = []
        shown = []
        for number, photo in enumerate(post.photos, start=1):

            def name(width: int, kind: Format, number: int = number) -> str:
                return paths.photo_file(post.year, post.slug, f"anh-{number}-{width}.{_EXTENSION[kind]}")

            shown.append(PublishedPhoto(photo.entry, tuple(self._photo(photo, name, files, post.source))))
        return files, shown

    def _photo(self, photo: PhotoSource, name: Callable[[int, Format], str], files: list[GeneratedFile],
               source: str) -> list[Copy]:
        try:
            with warnings.catch_warnings():  # what Pillow notices was reported when the post was checked (`photo_files`)
                warnings.simplefilter("ignore")
                return self._copies(photo, name, files, source)
        except Exception as exc:  # Pillow on a hostile file may raise anything: the photo is then unreadable
            raise PhotoError(Problem(photo.display, photo.line, 1, "photos", plain(
                "staff.photo_unreadable", name=photo.path.name, why=_why(exc)))) from exc

    def _copies(self, photo: PhotoSource, name: Callable[[int, Format], str], files: list[GeneratedFile],
                source: str) -> list[Copy]:
        """The copies of one photo, each made once and cached."""
        content = photo.path.read_bytes()
        with Image.open(io.BytesIO(content)) as image:
            width, height = _upright_size(image)
        digest = hashlib.sha256(content).hexdigest()
        widths = widths_for(width)
        decoded = cache(lambda: _decode(content, widths[-1]))
        copies = []
        kinds: tuple[Format, ...] = ("webp", "jpeg")
        for kind in kinds:
            for target in widths:
                if kind == "jpeg" and target > PHONE_WIDTH:
                    continue  # the JPEG fallback is for old browsers: phone sizes are enough
                size = (target, max(1, round(height * target / width)))
                budget = PHONE_BYTES if target <= PHONE_WIDTH else WIDE_BYTES

                def make(size: tuple[int, int] = size, kind: Format = kind, budget: int = budget) -> bytes:
                    return encode(decoded().resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0), kind, budget)

                data = self.cache.get([digest, size, kind], make)
                path = name(target, kind)
                files.append(GeneratedFile(path, data, source))
                copies.append(Copy(path, kind, size[0], size[1], len(data)))
        return copies


def _why(exc: Exception) -> str:
    """What went wrong with the photo's pixels, in words staff use."""
    if "truncated" in str(exc) or isinstance(exc, EOFError):
        return plain("staff.photo_truncated")
    return plain("staff.photo_broken")
