"""Banner artwork as SVG, with letters as outlines: it needs no font on the print shop's computer.

Each glyph is defined once (font units, y up) and placed with `<use>`; the whole text is also in
`<title>` so the file stays searchable and accessible. Units are millimetres.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from campaign_site.core.catalogue import plain
from campaign_site.core.encoders import svg_text
from campaign_site.core.glyphs import BANNER_FONT_LABEL as FONT_LABEL
from campaign_site.stages.banners.font import BannerFont
from campaign_site.stages.banners.layout import Layout


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def banner_svg(text: str, layout: Layout, width_mm: float, height_mm: float, background: str, color: str, font: BannerFont) -> bytes:
    """The SVG document of one banner."""
    chars = sorted({c for line in layout.lines for c in line.text if font.glyph(c).x_max > font.glyph(c).x_min})
    ids = {c: f"g{ord(c):x}" for c in chars}
    scale = layout.font_size / font.units_per_em
    description = escape(plain("banner.svg_description", font=FONT_LABEL))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"'
        f' width="{_number(width_mm)}mm" height="{_number(height_mm)}mm"'
        f' viewBox="0 0 {_number(width_mm)} {_number(height_mm)}" role="img" aria-labelledby="title">',
        f'<title id="title">{svg_text(text)}</title>',
        f"<desc>{description}</desc>",
        "<defs>",
        *(f'<path id="{ids[c]}" d={quoteattr(font.outline(c))}/>' for c in chars),
        "</defs>",
        f'<rect width="100%" height="100%" fill="{background}"/>',
        f'<g fill="{color}">',
    ]
    for line in layout.lines:
        out.append(f'<g transform="translate({_number(line.x)} {_number(line.baseline)}) scale({scale:.6g} {-scale:.6g})">')
        pen = 0
        for char in line.text:
            if char in ids:
                out.append(f'<use xlink:href="#{ids[char]}" x="{pen}"/>')
            pen += font.glyph(char).advance
        out.append("</g>")
    out += ["</g>", "</svg>", ""]
    return "\n".join(out).encode()
