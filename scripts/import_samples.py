"""Word, PDF and text versions of a dispatch's text, made the way staff receive them, for the import
benchmark and tests.

Word (`docx_from_text`, one of `LAYOUTS`):
- `table`: the header block (issuer, number, place and date, the motto) in a two-column table as Decree 30
  lays it out, automatic list numbering on numbered and bulleted paragraphs (real `w:numPr`, which
  python-docx's own reader drops), bold and italic runs, a soft line break inside the subject, non-breaking
  spaces after "Số:";
- `paragraphs`: the same header as plain paragraphs, the left and right parts of a line separated by a tab
  (the issuer beside the motto, the number beside the place and date);
- `text box`: the `table` layout with a "KHẨN" stamp in a text box anchored after the header, and the
  issuer's lines in a text box in the header's left cell, stored as Word saves a text box: an
  `mc:AlternateContent` whose `mc:Choice` holds a DrawingML shape (`wps:txbx`) and whose `mc:Fallback`
  holds the same text again as VML (`v:textbox`);
- `tracked`: the `table` layout with tracked changes: in the place-and-date line and the first body
  paragraph that holds a year, a deleted run of the wrong year (`w:del`) before an inserted run of the
  right one (`w:ins`).

PDF: `pdf_from_text`, the text set in justified, hyphenated lines by fpdf2 with DejaVu Serif, bold where
the text is bold, page numbers at the foot; `libreoffice_pdfs`, the PDF LibreOffice makes of Word files
(None when LibreOffice is not installed). Text: `pasted_text`, the text as copied out of Word into a text
file (no marks, no blank lines, tabs after list numbers and between the header's two parts,
non-breaking spaces, Windows line ends).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF

from campaign_site.importing.readers import MOTTO as MOTTO_LINE

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LAYOUTS = ("table", "paragraphs", "text box", "tracked")
STAMP = "KHẨN"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
_NUMBERED = re.compile(r"^(\d+)\.\s+")
_BULLET = re.compile(r"^[-+]\s+")  # a "* " item stays typed text, as officers often type it
_RUNS = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)", re.DOTALL)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
_CHANGE = {qn("w:author"): "Văn thư", qn("w:date"): "2026-04-16T08:00:00Z"}


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


def _is_motto(block: str) -> bool:
    return all(MOTTO_LINE.match(line.replace("*", "")) for line in block.split("\n"))


def split_header(blocks: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(left column: issuer and number; right column: place and date; the body) of a dispatch's paragraphs.
    The motto, wherever the text has it, is the right column's (the layouts write it there once)."""
    number = next((i for i, p in enumerate(blocks[:8]) if p.lstrip("*").startswith("Số")), None)
    if number is None:
        return [], [], blocks
    left = [b for b in blocks[: number + 1] if not _is_motto(b)]
    following = [i for i in range(number + 1, min(number + 5, len(blocks))) if not _is_motto(blocks[i])]
    dated = next((i for i in following[:1] if re.search(r"ngày|năm \d{4}", blocks[i])), None)
    right = [blocks[dated]] if dated is not None else []
    return left, right, [b for b in blocks[(dated if dated is not None else number) + 1:] if not _is_motto(b)]


def header_rows(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    """The header as lines of (left part, right part): the issuer's lines beside the motto, the number
    beside the place and date, the subject (`V/v …`, on several lines) alone on the left."""
    lines = [line for block in left for line in block.split("\n")]
    number = next((i for i, line in enumerate(lines) if line.lstrip("*").startswith("Số")), len(lines))
    above, subject = lines[:number], lines[number + 1:]
    rows = [(above[i] if i < len(above) else "", MOTTO[i] if i < len(MOTTO) else "")
            for i in range(max(len(above), len(MOTTO)))]
    if number < len(lines):
        rows.append((lines[number], right[0] if right else ""))
    if subject:
        rows.append(("\n".join(subject), ""))
    return rows


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


def _header_text(line: str) -> str:
    return line.replace("Số: ", "Số:\u00a0")


def _header_table(document: object, left: list[str], right: list[str]) -> list[Paragraph]:
    """The header in a two-column table; returns the paragraphs of (the left cell's first, the date line)."""
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.autofit = False
    for column, width in zip(table.columns, (Cm(6.5), Cm(9.5)), strict=True):  # the motto on one line
        column.width = table.cell(0, column._index).width = width
    for cell, lines in ((table.cell(0, 0), left), (table.cell(0, 1), [*MOTTO, *right])):
        cell.paragraphs[0].text = ""
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            _runs(paragraph, _header_text(line))
            for run in paragraph.runs:
                run.font.size = Pt(12)
    return [table.cell(0, 0).paragraphs[0], table.cell(0, 1).paragraphs[-1]]


def _header_paragraphs(document: object, left: list[str], right: list[str]) -> None:
    """The header as paragraphs, each line's left and right parts separated by a tab."""
    for left_part, right_part in header_rows(left, right):
        paragraph = document.add_paragraph()  # type: ignore[attr-defined]
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
        _runs(paragraph, _header_text(left_part) + ("\t" + right_part if right_part else ""))


def _text_box(lines: Iterable[str], shape: int, width_cm: float, height_cm: float, stamp: bool) -> object:
    """A run holding a text box as Word writes it: the DrawingML shape, then the same text as VML."""
    color = '<w:color w:val="C00000"/>' if stamp else ""
    contents = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/>{color}</w:rPr>'
                       f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)
    cx, cy = int(width_cm * 360000), int(height_cm * 360000)
    border = '<a:ln w="19050"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></a:ln>' if stamp else "<a:ln><a:noFill/></a:ln>"
    stroke = 'strokecolor="#c00000" strokeweight="1.5pt"' if stamp else 'stroked="f"'
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NS.items())
    return parse_xml(
        f'<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + shape}" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape}" name="Text Box {shape}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_NS["wps"]}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>{border}</wps:spPr>'
        f'<wps:txbx><w:txbxContent>{contents}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        f'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="Text Box {shape}" o:spid="_x0000_s{1025 + shape}" type="#_x0000_t202" filled="f" {stroke} '
        f'style="position:absolute;margin-left:0;margin-top:0;width:{width_cm * 28.35:.1f}pt;height:{height_cm * 28.35:.1f}pt;'
        f'z-index:{251659264 + shape};mso-position-horizontal-relative:text;mso-position-vertical-relative:text">'
        f'<v:textbox><w:txbxContent>{contents}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>')


def _boxed(issuer_cell: Paragraph, document: object, after: object) -> None:
    """The issuer's lines (the left cell's first paragraph) moved into a text box, and a KHẨN stamp in a
    text box anchored in an empty paragraph after the header table `after`."""
    lines = [line.replace("*", "") for line in issuer_cell.text.split("\n") if line.strip()]
    if lines and not lines[0].startswith("Số"):  # a text without the issuer's lines has no issuer to box
        for run in list(issuer_cell.runs):
            issuer_cell._p.remove(run._r)
        issuer_cell._p.append(_text_box(lines, 1, 5.5, 0.6 * len(lines) + 0.4, stamp=False))
    anchor = OxmlElement("w:p")
    after.addnext(anchor)  # type: ignore[attr-defined]
    anchor.append(_text_box([STAMP], 2, 2.5, 1.0, stamp=True))


def _track_year(paragraph: Paragraph) -> bool:
    """The first year in the paragraph as a tracked correction: the year before it deleted, then this
    year inserted. Whether the paragraph had a year."""
    for run in paragraph.runs:
        match = _YEAR.search(run.text)
        if match is None:
            continue
        before, after = run.text[: match.start()], run.text[match.end():]
        run.text = before
        deleted, inserted = OxmlElement("w:del"), OxmlElement("w:ins")
        for change, number in ((deleted, "901"), (inserted, "902")):
            change.set(qn("w:id"), number)
            for name, value in _CHANGE.items():
                change.set(name, value)
        wrong, right = parse_xml(run._r.xml), parse_xml(run._r.xml)
        for element, text, tag in ((wrong, str(int(match[0]) - 1), "w:delText"), (right, match[0], "w:t")):
            for old in element.findall(qn("w:t")):
                element.remove(old)
            new = OxmlElement(tag)
            new.text = text
            element.append(new)
        deleted.append(wrong)
        inserted.append(right)
        tail = parse_xml(run._r.xml)
        tail.find(qn("w:t")).text = after
        run._r.addnext(deleted)
        deleted.addnext(inserted)
        inserted.addnext(tail)
        return True
    return False


def docx_from_text(text: str, target: Path, layout: str = "table") -> Path:
    """A Word file of the text in one of `LAYOUTS`."""
    if layout not in LAYOUTS:
        raise ValueError(layout)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = "Times New Roman", Pt(13)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    left, right, body = split_header(paragraphs(text))
    header: list[Paragraph] = []
    if (left or right) and layout == "paragraphs":
        _header_paragraphs(document, left, right)
    elif left or right:
        header = _header_table(document, left, right)
        if layout == "text box":
            _boxed(header[0], document, document.tables[0]._tbl)
    numbered, bulleted = _list_id(document, "List Number"), _list_id(document, "List Bullet")
    made: list[Paragraph] = []
    for block in body:
        paragraph = document.add_paragraph()
        if match := _NUMBERED.match(block):
            _number(paragraph, numbered)
            block = block[match.end():]
        elif match := _BULLET.match(block):
            _number(paragraph, bulleted)
            block = block[match.end():]
        _runs(paragraph, block)  # a subject or signature on several lines keeps its soft line breaks
        made.append(paragraph)
    if layout == "tracked":
        if header:
            _track_year(header[1])
        next((p for p in made if _track_year(p)), None)
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
        pdf.multi_cell(0, 6, block.replace("\t", "    "), markdown=True, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(target))
    return target


def libreoffice_pdfs(files: list[Path], folder: Path, timeout: float = 600) -> dict[Path, Path] | None:
    """The PDF LibreOffice makes of each Word file (`soffice --headless --convert-to pdf`, one run for all),
    by file; None when LibreOffice is not installed. A file it could not convert is left out."""
    soffice = shutil.which("soffice")
    if soffice is None or not files:
        return None if soffice is None else {}
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="soffice-profile-") as profile:  # its own profile: runs side by side
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), *map(str, files)], check=False, capture_output=True, timeout=timeout)
    made = {file: folder / f"{file.stem}.pdf" for file in files}
    return {file: pdf for file, pdf in made.items() if pdf.is_file() and pdf.stat().st_size > 0}


def pasted_text(text: str) -> str:
    """The text as copied out of Word into a text file: no bold or italic marks, no blank line between
    paragraphs, the header's left and right parts on one line separated by tabs,
    a tab after list numbers and dashes, non-breaking spaces after "Số:" and inside dates, CRLF line ends."""
    left, right, body = split_header(paragraphs(re.sub(r"\*([^*\s][^*]*?)\*", r"\1", text.replace("**", ""))))
    lines = [f"{_header_text(a)}\t\t{b}".rstrip("\t").replace("\n", " ") for a, b in header_rows(left, right)] if left or right else []
    for block in body:
        block = _NUMBERED.sub(lambda m: f"{m[1]}.\t", block)
        block = _BULLET.sub("-\t", block)
        lines.append(re.sub(r"[ \t]*\n[ \t]*", "\r\n", block))  # a soft line break pastes as a line end
    pasted = "\r\n".join(lines) + "\r\n"
    return re.sub(r"(ngày|tháng|năm) (\d)", "\\1\u00a0\\2", pasted)
