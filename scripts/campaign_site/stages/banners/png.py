"""Banner images as PNG: a preview of the print artwork and a 1200×630 picture for social sharing."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from campaign_site.stages.banners.font import BannerFont
from campaign_site.stages.banners.layout import Layout


def banner_png(layouts: list[tuple[Layout, str]], width_px: int, height_px: int, background: str, font: BannerFont) -> bytes:
    """Draw each (layout, colour) in pixel units on one background; PNG bytes, no metadata."""
    image = Image.new("RGB", (width_px, height_px), background)
    draw = ImageDraw.Draw(image)
    for layout, color in layouts:
        # FreeType draws nothing under one pixel per em: a long word on a tiny preview is drawn at 1.
        face = ImageFont.truetype(str(font.path), size=max(1.0, layout.font_size))
        for line in layout.lines:
            draw.text((line.x, line.baseline), line.text, font=face, fill=color, anchor="ls")
    out = io.BytesIO()
    # Two colours and their anti-aliasing: a 32-colour palette halves the file and looks the same.
    image.quantize(colors=32).save(out, format="PNG", compress_level=9)
    return out.getvalue()
