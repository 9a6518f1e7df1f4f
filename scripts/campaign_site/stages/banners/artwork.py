"""Every banner file of one year, from the campaign's themes and slogans.

For each theme and slogan: the exact text and its upper-case form (.txt), print artwork (SVG and
PDF) at each size of `site.yaml`, a PNG preview 1600 px wide and the same 800 px wide (for the
page's `srcset`, not in the ZIP), and a 1200×630 image for sharing. Then one ZIP of the rest.
Drawn files come from `BannerCache` when their inputs have not changed.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass

from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.glyphs import BANNER_FONT_LABEL as FONT_LABEL
from campaign_site.data import paths
from campaign_site.data.model import BannerSize, BannerStyle
from campaign_site.data.site_data import Campaign, PhraseEntry
from campaign_site.data.wording import PHRASE_KINDS
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.banners.font import BannerFont, banner_font
from campaign_site.stages.banners.layout import Box, Layout, fit
from campaign_site.stages.banners.pdf import banner_pdf
from campaign_site.stages.banners.png import banner_png
from campaign_site.stages.banners.svg import banner_svg

PREVIEW_WIDTH_PX = 1600
PREVIEW_SMALL_WIDTH_PX = 800
"""The preview again at half the width, for phones (`srcset`); pages only, not the ZIP."""
SHARE_SIZE_PX = (1200, 630)
COLOUR_NAMES = {"#DA251D": plain("banner.red"), "#FFFF00": plain("banner.yellow")}
"""Vietnamese names of the default colours (`BannerStyle`); pages name no other colour rather
than print a hex code to citizens."""


def colour_name(color: str) -> str | None:
    """`đỏ` for `#da251d`; None for a colour without a name here."""
    return COLOUR_NAMES.get(color.upper())


def colour_words(style: BannerStyle) -> str:
    """`nền đỏ, chữ vàng` for the named colours of a style; empty when neither has a name."""
    background, text = colour_name(style.background), colour_name(style.text_color)
    parts = [plain("banner.background", colour=background) if background else "",
             plain("banner.text", colour=text) if text else ""]
    return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Download:
    """A file offered for download: what it is, where it is (MkDocs source path), its size in bytes."""

    label: str
    path: str
    size: int

    @property
    def name(self) -> str:
        """The file name, also the name a browser saves it under."""
        return self.path.rsplit("/", 1)[1]


@dataclass(frozen=True)
class Banner:
    """One theme or slogan with its downloads."""

    entry: PhraseEntry
    printed: str
    """The text as drawn: upper case when the style asks for it."""
    texts: list[Download]
    preview: Download
    preview_width: int
    preview_height: int
    preview_small: Download
    """The preview at half the size, same proportions."""
    share: Download
    artwork: list[tuple[BannerSize, Download, Download]]
    """Per size: SVG and PDF."""

    @property
    def preview_sources(self) -> list[tuple[Download, int]]:
        """The preview files with their widths in pixels, narrowest first (a page's `srcset`)."""
        return [(self.preview_small, self.preview_width // 2), (self.preview, self.preview_width)]

    @property
    def preview_size(self) -> str:
        """`Băng rôn ngang 0,8 × 5 m`: the print size the preview shows."""
        return self.artwork[0][0].name

    @property
    def id(self) -> str:
        return self.entry.phrase.id

    @property
    def kind(self) -> str:
        return PHRASE_KINDS[self.entry.kind]


@dataclass(frozen=True)
class YearBanners:
    year: int
    banners: list[Banner]
    archive: Download
    files: list[GeneratedFile]
    colours: str
    """The style's colours in words for citizens (`nền đỏ, chữ vàng`); empty when they have no name."""


def upper(text: str) -> str:
    """Vietnamese upper case, NFC (`đổi mới` → `ĐỔI MỚI`)."""
    return unicodedata.normalize("NFC", text.upper())


def text_file(text: str) -> bytes:
    """UTF-8, NFC, one trailing newline."""
    return (unicodedata.normalize("NFC", text) + "\n").encode()


def artwork_box(width: float, height: float, style: BannerStyle) -> Box:
    """The area inside the margins, each margin a share of the shorter side."""
    margin = min(width, height) * style.margin_percent / 100
    return Box(margin, margin, width - 2 * margin, height - 2 * margin)


def share_layouts(text: str, caption: str, style: BannerStyle, font: BannerFont) -> list[tuple[Layout, str]]:
    """The sharing image: the text large, the site's name and year small along the bottom."""
    width, height = SHARE_SIZE_PX
    margin = 56
    caption_height = 44
    main = fit(text, font, Box(margin, margin, width - 2 * margin, height - 3 * margin - caption_height))
    footer = fit(caption, font, Box(margin, height - margin - caption_height, width - 2 * margin, caption_height), max_size=30)
    return [(main, style.text_color), (footer, style.text_color)]


class BannerMaker:
    """Draws banner files through a cache; one instance serves a whole build."""

    def __init__(self, style: BannerStyle, site_title: str, cache: BannerCache) -> None:
        self.style = style
        self.site_title = site_title
        self.cache = cache
        self.font = banner_font()

    def _artwork(self, printed: str, size: BannerSize, kind: str) -> bytes:
        style = self.style
        inputs = ["artwork", kind, printed, size.width_mm, size.height_mm, style.model_dump(exclude={"sizes"})]

        def draw() -> bytes:
            layout = fit(printed, self.font, artwork_box(size.width_mm, size.height_mm, style))
            args = (printed, layout, size.width_mm, size.height_mm, style.background, style.text_color, self.font)
            return banner_svg(*args) if kind == "svg" else banner_pdf(*args)

        return self.cache.get(inputs, draw)

    def _preview(self, printed: str, size: BannerSize, longest: int = PREVIEW_WIDTH_PX) -> tuple[bytes, int, int]:
        """The preview PNG and its width and height: the longer side is `longest` pixels (a tall,
        narrow banner is drawn as tall as a wide one is wide, never taller)."""
        scale = longest / max(size.width_mm, size.height_mm)
        width, height = max(1, round(size.width_mm * scale)), max(1, round(size.height_mm * scale))
        inputs = ["preview", printed, width, height, self.style.model_dump(exclude={"sizes"})]

        def draw() -> bytes:
            layout = fit(printed, self.font, artwork_box(width, height, self.style))
            return banner_png([(layout, self.style.text_color)], width, height, self.style.background, self.font)

        return self.cache.get(inputs, draw), width, height

    def _share(self, printed: str, caption: str) -> bytes:
        inputs = ["share", printed, caption, self.style.model_dump(exclude={"sizes"})]
        return self.cache.get(
            inputs,
            lambda: banner_png(share_layouts(printed, caption, self.style, self.font), *SHARE_SIZE_PX, self.style.background, self.font),
        )

    def year(self, campaign: Campaign) -> YearBanners:
        """Every banner file of the year, the ZIP last."""
        files: list[GeneratedFile] = []
        page_only: set[str] = set()

        def add(name: str, content: bytes, label: str, zipped: bool = True) -> Download:
            path = paths.banner_file(campaign.year, name)
            files.append(GeneratedFile(path, content, campaign.source))
            if not zipped:
                page_only.add(path)
            return Download(label, path, len(content))

        banners: list[Banner] = []
        for entry in campaign.phrases().values():
            phrase_id, text = entry.phrase.id, entry.phrase.text
            printed = upper(text) if self.style.uppercase else text
            texts = [
                add(f"{phrase_id}.txt", text_file(text), plain("banner.txt")),
                add(f"{phrase_id}-chu-hoa.txt", text_file(upper(text)), plain("banner.txt_upper")),
            ]
            artwork = [
                (
                    size,
                    add(f"{phrase_id}-{size.id}.svg", self._artwork(printed, size, "svg"), f"SVG: {size.name}"),
                    add(f"{phrase_id}-{size.id}.pdf", self._artwork(printed, size, "pdf"), plain("banner.pdf", size=size.name)),
                )
                for size in self.style.sizes
            ]
            preview_png, preview_width, preview_height = self._preview(printed, self.style.sizes[0])
            preview = add(f"{phrase_id}.png", preview_png, plain("banner.preview"))
            small_png, _, _ = self._preview(printed, self.style.sizes[0], PREVIEW_SMALL_WIDTH_PX)
            preview_small = add(f"{phrase_id}-{PREVIEW_SMALL_WIDTH_PX}.png", small_png, plain("banner.preview_small"),
                                zipped=False)
            caption = plain("banner.share_caption", kind=PHRASE_KINDS[entry.kind], year=campaign.year, site=self.site_title)
            share = add(f"{phrase_id}-chia-se.png", self._share(printed, caption), plain("banner.share"))
            banners.append(Banner(entry, printed, texts, preview, preview_width, preview_height, preview_small, share, artwork))
        archive = zip_files([(f.path.rsplit("/", 1)[1], f.content) for f in files if f.path not in page_only] + [
            ("HUONG-DAN.txt", text_file(self.guide(campaign.year, banners))),
            ("OFL.txt", (self.font.path.parent / "OFL.txt").read_bytes()),
        ])
        label = plain("banner.zip", year=campaign.year)
        return YearBanners(campaign.year, banners, add(f"bang-ron-{campaign.year}.zip", archive, label), files,
                           colour_words(self.style))

    @staticmethod
    def _colour(color: str) -> str:
        """For the print shop: the name when there is one, and always the exact code."""
        name = colour_name(color)
        return f"{name} ({color})" if name else color

    def guide(self, year: int, banners: list[Banner]) -> str:
        """The note inside the ZIP, for the print shop and the office."""
        style = self.style
        lines = [
            plain("banner.guide_title", year=year),
            "",
            plain("banner.guide_colours", background=self._colour(style.background),
                  text=self._colour(style.text_color), font=FONT_LABEL),
            plain("banner.guide_files"),
            plain("banner.guide_margin", percent=style.margin_percent),
            "",
            plain("banner.guide_sizes"),
            *("- " + plain("banner.guide_size", id=s.id, name=s.name, width=s.width_mm, height=s.height_mm)
              for s in style.sizes),
            "",
            plain("banner.guide_contents"),
            *(f"- {b.id} ({b.kind.lower()}): {b.entry.phrase.text}" for b in banners),
        ]
        return "\n".join(lines)


def zip_files(entries: list[tuple[str, str | bytes]]) -> bytes:
    """A ZIP with fixed timestamps, so equal files give an equal archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return out.getvalue()
