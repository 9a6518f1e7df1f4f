"""Banner artwork as a one-page PDF at print size, with the font embedded (subset) as real text."""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF

from campaign_site.core.catalogue import plain
from campaign_site.stages.banners.font import BannerFont
from campaign_site.stages.banners.layout import Layout

_PT_PER_MM = 72 / 25.4
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def banner_pdf(
    text: str, layout: Layout, width_mm: float, height_mm: float, background: str, color: str, font: BannerFont
) -> bytes:
    """The PDF of one banner."""
    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title(text)
    pdf.set_lang("vi")
    pdf.set_creator(plain("banner.pdf_creator"))
    pdf.set_creation_date(CREATED)  # a fixed date: the same text always gives the same bytes
    pdf.add_page()
    pdf.set_fill_color(*_rgb(background))
    pdf.rect(0, 0, width_mm, height_mm, style="F")
    pdf.add_font("NotoSans-Bold", "", font.path)
    pdf.set_font("NotoSans-Bold", size=layout.font_size * _PT_PER_MM)
    pdf.set_text_color(*_rgb(color))
    for line in layout.lines:
        pdf.text(line.x, line.baseline, line.text)
    return bytes(pdf.output())
