"""Word and PDF versions of a dispatch's text, made the way real ones are, for the import benchmark and tests.

Word (`docx_from_text`): the header block (issuer, number, place and date, the motto) in a two-column
table as Decree 30 lays it out, automatic list numbering on numbered and bulleted paragraphs (real
`w:numPr`, which python-docx's own reader drops), bold and italic runs, a soft line break inside the
subject, non-breaking spaces after "Số:". PDF (`pdf_from_text`): the same text set in justified,
hyphenated lines by fpdf2 with DejaVu Serif, bold where the text is bold, page numbers at the foot.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from fpdf import FPDF

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FONTS = Path("/usr/share/fonts/truetype/dejavu")
_NUMBERED = re.compile(r"^(\d+)\.\s+")
_BULLET = re.compile(r"^[-+]\s+")  # a "* " item stays typed text, as officers often type it
_RUNS = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)", re.DOTALL)


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: blocks between blank lines, each list item on its own; other lines of a
    block stay together, separated by a line break."""
    units: list[str] = []
    for block in text.split("\n\n"):
        current: list[str] = []
        for line in (line.strip() for line in block.split("\n")):
            if line and current and (_NUMBERED.match(line) or _BULLET.match(line)):
                units.append("\n".join(current))
                current = []
            if line:
                current.append(line)
        if current:
            units.append("\n".join(current))
    return units


def split_header(blocks: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(left column: issuer and number; right column: place and date; the body) of a dispatch's paragraphs."""
    number = next((i for i, p in enumerate(blocks[:8]) if p.startswith("Số")), None)
    if number is None:
        return [], [], blocks
    left = blocks[: number + 1]
    dated = number + 1 if number + 1 < len(blocks) and re.search(r"ngày|năm \d{4}", blocks[number + 1]) else None
    right = [blocks[dated]] if dated is not None else []
    return left, right, blocks[(dated if dated is not None else number) + 1:]


def _runs(paragraph: Paragraph, text: str) -> None:
    """`text` as runs: bold and italic where marked, a soft line break at each line end."""
    for part in _RUNS.split(text):
        marked = bool(_RUNS.fullmatch(part))
        bold, italic = marked and part.startswith("**"), marked and not part.startswith("**")
        for i, line in enumerate((part[2:-2] if bold else part[1:-1] if italic else part).split("\n")):
            if i:
                paragraph.add_run().add_break()
            if line:
                run = paragraph.add_run(line)
                run.bold, run.italic = bold or None, italic or None


def _number(paragraph: Paragraph, num_id: str) -> None:
    """Word's automatic numbering on this paragraph (`w:numPr`), level 0 of list `num_id`."""
    numbering = OxmlElement("w:numPr")
    level, number = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    level.set(qn("w:val"), "0")
    number.set(qn("w:val"), num_id)
    numbering.append(level)
    numbering.append(number)
    paragraph._p.get_or_add_pPr().insert(0, numbering)


def _list_id(document: object, style: str) -> str:
    element = document.styles[style]._element  # type: ignore[attr-defined]
    return str(element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val")))


def docx_from_text(text: str, target: Path) -> Path:
    document = Document()
    left, right, body = split_header(paragraphs(text))
    if left or right:
        table = document.add_table(rows=1, cols=2)
        for cell, lines in ((table.cell(0, 0), left), (table.cell(0, 1), [*MOTTO, *right])):
            cell.paragraphs[0].text = ""
            for i, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                _runs(paragraph, line.replace("Số: ", "Số:\u00a0"))
    numbered, bulleted = _list_id(document, "List Number"), _list_id(document, "List Bullet")
    for block in body:
        paragraph = document.add_paragraph()
        if match := _NUMBERED.match(block):
            _number(paragraph, numbered)
            block = block[match.end():]
        elif match := _BULLET.match(block):
            _number(paragraph, bulleted)
            block = block[match.end():]
        _runs(paragraph, block)  # a subject or signature on several lines keeps its soft line breaks
    document.save(str(target))
    return target


def pdf_from_text(text: str, target: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_margins(30, 20, 15)
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf"), ("I", "DejaVuSerif-Italic.ttf")):
        pdf.add_font("DejaVu", style, str(FONTS / name))
    pdf.set_font("DejaVu", size=12)
    pdf.set_auto_page_break(True, margin=20)
    def footer() -> None:
        pdf.set_y(-15)
        pdf.cell(0, 10, str(pdf.page_no()), align="C")

    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    for block in paragraphs(text):
        # A line break in the text (a subject, a signature on several lines) is a line break on paper too.
        pdf.multi_cell(0, 6, block, markdown=True, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(target))
    return target
