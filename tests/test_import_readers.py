"""Reading dispatch files for the importer: Word, PDF, OpenDocument and text give the text of the source
document (numbering, bold, paragraphs kept; the motto dropped), and what cannot be read faithfully is
refused with a clear Vietnamese message: a scanned PDF, a legacy TCVN3/VNI encoding, an empty file."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st
from import_samples import FONTS, docx_from_text, pdf_from_text
from odf.opendocument import OpenDocumentText
from odf.text import List, ListItem, P
from PIL import Image

from campaign_site.data.model import PlanDocument
from campaign_site.data.placeholders import REVIEW_PREFIX
from campaign_site.importing import header
from campaign_site.importing.readers import UnreadableFile, read_text, tidy
from campaign_site.importing.text import paragraphs

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def words(text: str) -> list[str]:
    return re.sub(r"\*+", "", text).split()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("make", [docx_from_text, pdf_from_text], ids=["docx", "pdf"])
def test_word_and_pdf_versions_read_back_as_the_source_text(seed: Path, make: object, tmp_path: Path) -> None:
    source = seed.read_text(encoding="utf-8")
    made = make(source, tmp_path / ("van-ban.docx" if make is docx_from_text else "van-ban.pdf"))  # type: ignore[operator]
    text = read_text(made)
    assert difflib.SequenceMatcher(None, words(tidy(source)), words(text), autojunk=False).ratio() > 0.99
    assert "CỘNG HÒA XÃ HỘI" not in text.upper().replace("HOÀ", "HÒA")
    for bold in re.findall(r"\*\*(“[^*]+”)\*\*", source):
        assert f"**{bold}**" in text.replace("\n", " ") or bold in text.replace("\n", " ")


def test_word_numbering_bold_and_soft_breaks_are_kept(tmp_path: Path) -> None:
    source = ("Số: /KH-UBND\n\nLạng Sơn, ngày tháng 4 năm 2026\n\nV/v hưởng ứng\nNgày Sáng tạo\n\n"
              "1. Nội dung\n\n- Treo khẩu hiệu **“Đổi mới sáng tạo”**.\n\n2. Thời gian")
    text = read_text(docx_from_text(source, tmp_path / "a.docx"))
    assert "V/v hưởng ứng\nNgày Sáng tạo" in text
    assert re.search(r"^1\. Nội dung$", text, re.MULTILINE) and re.search(r"^2\. Thời gian$", text, re.MULTILINE)
    assert "- Treo khẩu hiệu **“Đổi mới sáng tạo”**." in text
    assert "Số: /KH-UBND" in text  # the non-breaking space after "Số:" is a plain space


def test_opendocument_paragraphs_and_lists(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(text="Số: 12/KH-UBND"))
    items = List()
    for line in ("Các sở, ban, ngành;", "UBND các xã, phường."):
        item = ListItem()
        item.addElement(P(text=line))
        items.addElement(item)
    document.text.addElement(items)
    document.save(str(tmp_path / "a.odt"))
    assert read_text(tmp_path / "a.odt") == "Số: 12/KH-UBND\n\n- Các sở, ban, ngành;\n\n- UBND các xã, phường.\n"


def test_scanned_pdf_is_refused_with_a_request_for_ocr(tmp_path: Path) -> None:
    Image.new("RGB", (1240, 1754), "white").save(tmp_path / "quet.pdf")
    with pytest.raises(UnreadableFile, match="bản quét.*OCR"):
        read_text(tmp_path / "quet.pdf")


TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. KÕ ho¹ch h­ëng øng Ngµy S¸ng t¹o vµ §æi míi s¸ng t¹o thÕ giíi n¨m 2026. " * 3


def test_legacy_encodings_are_refused(tmp_path: Path) -> None:
    (tmp_path / "tcvn3.txt").write_bytes(TCVN3.encode("cp1252"))
    with pytest.raises(UnreadableFile, match="TCVN3"):
        read_text(tmp_path / "tcvn3.txt")
    docx_from_text(TCVN3, tmp_path / "tcvn3.docx")
    with pytest.raises(UnreadableFile, match="TCVN3"):
        read_text(tmp_path / "tcvn3.docx")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("rong.txt", b"", "rỗng"),
    ("trang.txt", b"\n \n", "không có chữ"),
    ("hong.docx", b"PK\x03\x04 not a zip", "bị hỏng"),
    ("anh.png", b"\x89PNG", "chỉ nhận tệp .docx, .doc, .pdf, .odt hoặc .txt"),
])
def test_empty_broken_and_unknown_files_are_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_text(tmp_path / name)


# The number/symbol line ------------------------------------------------------------------------------

def read_header(text: str) -> header.Header:
    return header.parse(paragraphs(tidy(text)))


@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số: 123/KHCN-QLCKH, CNg", 123, "KHCN-QLCKH, CNg"),  # a comma and a space between unit codes
    ("Số: 2210/SNV-CCVC,TCBC", 2210, "SNV-CCVC,TCBC"),
    ("Số: 37 /KH-SKHCN", 37, "KH-SKHCN"),
    ("Số: 1421/BTNMT-KHCN", 1421, "BTNMT-KHCN"),
    ("Số: 01-KH/BCĐTW", 1, "KH/BCĐTW"),  # the Party's form: number, type, issuer
    ("Số 15-CV/ĐU", 15, "CV/ĐU"),
    ("Số:   /KH-UBND", None, "KH-UBND"),  # left blank for the number the office stamps
    ("Số: ......../UBND-VX", None, "UBND-VX"),
    ("Số 283/KH-UBND", 283, "KH-UBND"),
    ("SỐ: 96/TB-SVHTTDL", 96, "TB-SVHTTDL"),
    ("Số:\u00a0456/SKHCN-QLCN&TĐC", 456, "SKHCN-QLCN&TĐC"),
    ("Số: 77/SKHCN-QLCN & TĐC", 77, "SKHCN-QLCN & TĐC"),
    ("Số: 5/KH - UBND", 5, "KH - UBND"),
    ("Số: 1456/SKHCN-\nQLCN", 1456, "SKHCN-QLCN"),  # the symbol broken at a line end
    ("Số: 123/KHCN-QLCKH,\nCNg", 123, "KHCN-QLCKH, CNg"),
    ("Số:\n318/UBND-KGVX", 318, "UBND-KGVX"),
    ("Số: 12/2024/QĐ-UBND", 12, "2024/QĐ-UBND"),
    ("Số: 45/SKHCN-VP KHẨN", 45, "SKHCN-VP"),  # a stamp typed on the number's line
    ("Số: 46/SKHCN-VP\tHỎA TỐC", 46, "SKHCN-VP"),
])
def test_every_printed_form_of_the_number_line_is_read_whole(line: str, number: int | None, symbol: str) -> None:
    read = read_header(f"SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\n{line}\n\nV/v hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới\n\n"
                       "Kính gửi: Các sở, ban, ngành\n")
    assert (read.number, read.symbol) == (number, symbol)
    assert read.agencies == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"] and read.subject == "hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới"
    assert read.addressees == ["Các sở, ban, ngành"]


@pytest.mark.parametrize(("line", "place", "date"), [
    ("Số: 88/KH-UBND    Hà Giang, ngày 3 tháng 4 năm 2024", "Hà Giang", "3/4/2024"),
    ("Số: 88/KH-UBND\tHà Giang, ngày 3 tháng 4 năm 2024", "Hà Giang", "3/4/2024"),
    ("Số: 88/KH-UBND Hà Giang, ngày 3 tháng 4 năm 2024", "Hà Giang", "3/4/2024"),
    ("Số: 45/SKHCN-VP, CNg  TP. Hồ Chí Minh, ngày 09 tháng 5 năm 2023", "TP. Hồ Chí Minh", "9/5/2023"),
    ("Số: 7/UBND-VX HUẾ, ngày 15 tháng 4 năm 2026", "HUẾ", "15/4/2026"),
    ("Số:      /BKHCN-ĐMST\u00a0\u00a0Hà Nội, ngày      tháng 4 năm 2026", "Hà Nội", "4/2026"),
])
def test_the_place_and_date_on_the_number_line_are_not_part_of_the_symbol(line: str, place: str, date: str) -> None:
    read = read_header(f"ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\n{line}\n\nKẾ HOẠCH\n\nHưởng ứng Ngày Khoa học và Công nghệ Việt Nam\n")
    assert (read.place, read.date) == (place, date)
    assert read.symbol is not None and " " not in read.symbol.replace(", ", "")
    assert read.type == "Kế hoạch" and read.subject == "Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam"


_CAPITALS = "ABCDEGHIKLMNOPQRSTUVXYĐÂĂÊÔƠƯ"
_STAMPS = {"KHẨN", "MẬT"}
groups = st.text(alphabet=_CAPITALS, min_size=2, max_size=6).filter(lambda g: g not in _STAMPS)
joiners = st.sampled_from(["-", "-", ", ", ",", "&", " & ", " - ", " "])


@given(number=st.integers(min_value=1, max_value=99999), first=groups, rest=st.lists(st.tuples(joiners, groups), max_size=4),
       tail=st.sampled_from(["", "    Hà Nội, ngày 16 tháng 4 năm 2026", " Lạng Sơn, ngày 2 tháng 4 năm 2025", "\tHuế, ngày   tháng 4 năm 2026",
                             " KHẨN", "\tTHƯỢNG KHẨN", "  MẬT"]))
def test_any_symbol_of_letter_groups_joined_by_dashes_commas_ampersands_and_spaces_is_read_whole(
        number: int, first: str, rest: list[tuple[str, str]], tail: str) -> None:
    symbol = first + "".join(j + g for j, g in rest)
    read = read_header(f"Số: {number}/{symbol}{tail}\n\nV/v hưởng ứng Ngày Sáng tạo\n")
    assert (read.number, read.symbol) == (number, symbol)
    assert read.subject == "hưởng ứng Ngày Sáng tạo"
    if "ngày" in tail:
        assert read.place == tail.split(",")[0].strip()


# Word layouts: header as a table or as paragraphs with tabs, text boxes, stamps, tracked changes ----------

_DRAWING_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
               'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
               'xmlns:v="urn:schemas-microsoft-com:vml"')


def text_box(paragraph: Paragraph, text: str) -> None:
    """A text box anchored in `paragraph`, stored as Word stores it: the drawing (`mc:Choice`) and a VML copy
    for older readers (`mc:Fallback`)."""
    content = f'<w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    paragraph._p.append(parse_xml(
        f'<w:r {_DRAWING_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>4114800</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1143000" cy="342900"/><wp:wrapNone/><wp:docPr id="7" name="Text Box 7"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape id="Text Box 7" type="#_x0000_t202" style="position:absolute;margin-left:324pt">'
        f'<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))


def tracked(paragraph: Paragraph, kept: str, deleted: str, inserted: str, moved: str, rest: str) -> None:
    """Runs with tracked changes: text kept, deleted, inserted, moved away from here, then more kept text."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (f'<w:r {w}><w:t xml:space="preserve">{kept}</w:t></w:r>',
                f'<w:del {w} w:id="1" w:author="Văn thư" w:date="2026-04-10T08:00:00Z"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>',
                f'<w:ins {w} w:id="2" w:author="Văn thư" w:date="2026-04-10T08:00:00Z"><w:r><w:t>{inserted}</w:t></w:r></w:ins>',
                f'<w:moveFrom {w} w:id="3" w:author="Văn thư" w:date="2026-04-10T08:00:00Z"><w:r><w:t>{moved}</w:t></w:r></w:moveFrom>',
                f'<w:r {w}><w:t xml:space="preserve">{rest}</w:t></w:r>'):
        paragraph._p.append(parse_xml(xml))


@dataclass(frozen=True)
class Heading:
    """A dispatch's header as its office typed it, and what it says."""

    agencies: tuple[str, ...]
    number_line: str
    place_date: str
    title: tuple[str, ...]
    """`V/v …` (a dispatch), or `KẾ HOẠCH` and its title (a plan)."""
    addressees: tuple[str, ...]
    names: tuple[str, ...]
    """The issuing bodies as read: a name wrapped over two lines is one name."""
    number: int | None
    symbol: str
    place: str
    date: str
    type: str
    subject: str


HEADINGS = [
    Heading(("BỘ KHOA HỌC VÀ CÔNG NGHỆ",), "Số: 1421/BKHCN-ĐMST", "Hà Nội, ngày 10 tháng 4 năm 2025",
            ("V/v hướng dẫn tổ chức Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm 2025",),
            ("Kính gửi:", "- Các bộ, cơ quan ngang bộ;", "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."),
            ("BỘ KHOA HỌC VÀ CÔNG NGHỆ",), 1421, "BKHCN-ĐMST", "Hà Nội", "10/4/2025", "Công văn",
            "hướng dẫn tổ chức Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm 2025"),
    Heading(("UBND TỈNH QUẢNG BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), "Số: 123/SKHCN-QLCKH, CNg",
            "Quảng Bình, ngày 22 tháng 4 năm 2024",
            ("V/v tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5 năm 2024",),
            ("Kính gửi: Các sở, ban, ngành cấp tỉnh",), ("UBND TỈNH QUẢNG BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), 123, "SKHCN-QLCKH, CNg", "Quảng Bình", "22/4/2024", "Công văn",
            "tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5 năm 2024"),
    Heading(("ỦY BAN NHÂN DÂN", "XÃ HỒNG PHONG"), "Số:      /KH-UBND", "Hồng Phong, ngày      tháng 4 năm 2026",
            ("KẾ HOẠCH", "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm 2026"), (),
            ("ỦY BAN NHÂN DÂN XÃ HỒNG PHONG",), None, "KH-UBND", "Hồng Phong", "4/2026", "Kế hoạch",
            "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm 2026"),
    Heading(("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",), "Số: 1375/BVHTTDL-VP", "Hà Nội, ngày 21 tháng 4 năm 2023",
            ("V/v tuyên truyền Ngày Sở hữu trí tuệ thế giới 26/4/2023",), ("Kính gửi: Các cơ quan, đơn vị thuộc Bộ",),
            ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",), 1375, "BVHTTDL-VP", "Hà Nội", "21/4/2023", "Công văn",
            "tuyên truyền Ngày Sở hữu trí tuệ thế giới 26/4/2023"),
    Heading(("ĐẢNG BỘ TỈNH NINH BÌNH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"), "Số 05-HD/BTGDVTU", "Ninh Bình, ngày 14 tháng 4 năm 2026",
            ("HƯỚNG DẪN", "Tuyên truyền Ngày Khoa học và Công nghệ Việt Nam năm 2026"), (),
            ("ĐẢNG BỘ TỈNH NINH BÌNH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"), 5, "HD/BTGDVTU", "Ninh Bình", "14/4/2026", "Hướng dẫn", "Tuyên truyền Ngày Khoa học và Công nghệ Việt Nam năm 2026"),
]
BODY = ("Thực hiện Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về việc hưởng ứng "
        "Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026, đề nghị các cơ quan, đơn vị triển khai như sau:")
NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc")


def motto(heading: Heading) -> tuple[str, ...]:
    return ("ĐẢNG CỘNG SẢN VIỆT NAM",) if "/" in heading.symbol else NATIONAL_MOTTO


def body(document: DocxDocument, heading: Heading, stamp_at: str = "") -> Paragraph:
    """The title, addressees and the opening paragraph after the header block; the opening paragraph returned."""
    for line in heading.title + heading.addressees:
        document.add_paragraph(line)
    return document.add_paragraph(BODY)


def as_table(heading: Heading, target: Path, rows: int = 1) -> DocxDocument:
    """The header in a borderless table, as Decree 30 lays it out: issuer and number on the left, the motto and
    the place and date on the right; in one row, or in two (issuer | motto, number | place and date)."""
    document = Document()
    left, right = [*heading.agencies, heading.number_line], [*motto(heading), heading.place_date]
    table = document.add_table(rows=rows, cols=2)
    if rows == 1:
        cells = [(table.cell(0, 0), left), (table.cell(0, 1), right)]
    else:
        cells = [(table.cell(0, 0), left[:-1]), (table.cell(0, 1), right[:-1]), (table.cell(1, 0), left[-1:]),
                 (table.cell(1, 1), right[-1:])]
    for cell, lines in cells:
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    return document


def as_tabbed_paragraphs(heading: Heading) -> DocxDocument:
    """The header typed without a table: each line the left column's text, a tab or two, the right column's."""
    document = Document()
    left = [*heading.agencies, heading.number_line]
    right = [*motto(heading), heading.place_date]
    left = [""] * (len(right) - len(left)) + left if len(left) < len(right) else left
    right = right + [""] * (len(left) - len(right))
    for a, b in zip(left, right, strict=True):
        document.add_paragraph(f"{a}\t\t{b}" if a and b else a or f"\t\t{b}")
    return document


def header_of(document: DocxDocument, tmp_path: Path, name: str = "van-ban.docx") -> header.Header:
    document.save(str(tmp_path / name))
    return header.parse(paragraphs(read_text(tmp_path / name)))


def expected(heading: Heading) -> tuple:
    return (list(heading.names), heading.number, heading.symbol, heading.place, heading.date, heading.type,
            heading.subject, [re.sub(r"^(?:Kính gửi:\s*|-\s*)", "", a).rstrip(";.") for a in heading.addressees if a != "Kính gửi:"])


def found(read: header.Header) -> tuple:
    return (read.agencies, read.number, read.symbol, read.place, read.date, read.type, read.subject, read.addressees)


@pytest.mark.parametrize("heading", HEADINGS, ids=lambda h: h.symbol)
def test_a_header_as_a_table_in_one_or_two_rows_and_as_tabbed_paragraphs_reads_the_same(heading: Heading, tmp_path: Path) -> None:
    want = expected(heading)
    for layout in (as_table(heading, tmp_path), as_table(heading, tmp_path, rows=2), as_tabbed_paragraphs(heading)):
        body(layout, heading)
        assert found(header_of(layout, tmp_path)) == want


def test_a_merged_cell_and_the_emblem_picture_are_read_once(tmp_path: Path) -> None:
    heading = HEADINGS[1]
    document = as_table(heading, tmp_path, rows=2)
    table = document.tables[0]
    table.cell(0, 0).merge(table.cell(1, 0))  # the issuer's cell runs down both rows
    picture = tmp_path / "quoc-huy.png"
    Image.new("RGB", (40, 40), "red").save(picture)
    document.tables[0].cell(0, 1).paragraphs[0].insert_paragraph_before().add_run().add_picture(str(picture))
    body(document, heading)
    assert found(header_of(document, tmp_path)) == expected(heading)


@pytest.mark.parametrize("stamp", ["KHẨN", "HỎA TỐC", "THƯỢNG KHẨN", "MẬT", "Khẩn"])
@pytest.mark.parametrize("where", ["number line", "opening"])
def test_a_stamp_in_a_text_box_is_no_part_of_the_header_or_the_body(stamp: str, where: str, tmp_path: Path) -> None:
    heading = HEADINGS[0]
    plain_document = as_table(heading, tmp_path)
    body(plain_document, heading)
    plain_document.save(str(tmp_path / "khong-dau.docx"))
    stamped = as_table(heading, tmp_path)
    opening = body(stamped, heading)
    text_box(stamped.tables[0].cell(0, 0).paragraphs[-1] if where == "number line" else opening, stamp)
    stamped.save(str(tmp_path / "co-dau.docx"))
    text = read_text(tmp_path / "co-dau.docx")
    assert text == read_text(tmp_path / "khong-dau.docx")
    assert stamp.upper() not in text.upper().replace("THỰC", "")


def test_a_lone_stamp_line_in_a_typed_header_is_dropped(tmp_path: Path) -> None:
    for stamp in ("KHẨN", "**HỎA TỐC**", "TỐI MẬT", "MẬT, KHẨN"):
        source = f"SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nSố: 45/SKHCN-VP\n\n{stamp}\n\nV/v hưởng ứng Ngày Sáng tạo\n\nKính gửi: Các sở, ngành\n"
        (tmp_path / "a.txt").write_text(source, encoding="utf-8")
        read = header.parse(paragraphs(read_text(tmp_path / "a.txt")))
        assert (read.symbol, read.subject, read.addressees) == ("SKHCN-VP", "hưởng ứng Ngày Sáng tạo", ["Các sở, ngành"])


@pytest.mark.parametrize("words", ["V/v phối hợp tuyên truyền Ngày Sở hữu trí tuệ thế giới", "Dự thảo lần 2"])
def test_a_text_box_that_is_not_a_stamp_is_read_once(words: str, tmp_path: Path) -> None:
    document = Document()
    text_box(document.add_paragraph("Số: 12/SKHCN-VP"), words)
    document.save(str(tmp_path / "a.docx"))
    assert read_text(tmp_path / "a.docx").count(words) == 1


def with_changes(target: Path) -> Path:
    """A Word file of two paragraphs, each with text deleted, inserted and moved away."""
    document = Document()
    tracked(document.add_paragraph(), "Thời gian thực hiện: từ ngày ", "10/4", "15/4", " và ngày 30/4/2026", " đến hết ngày 26/4/2026.")
    tracked(document.add_paragraph(), "Báo cáo kết quả về Sở ", "Văn hóa, Thể thao", "Khoa học và Công nghệ", "gấp ",
            " trước ngày 15/5/2026.")
    document.save(str(target))
    return target


ACCEPTED = "Thời gian thực hiện: từ ngày 15/4 đến hết ngày 26/4/2026.\n\nBáo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 15/5/2026.\n"


def test_tracked_changes_read_as_the_document_prints_once_accepted(tmp_path: Path) -> None:
    assert read_text(with_changes(tmp_path / "a.docx")) == ACCEPTED


def test_a_pdf_showing_tracked_changes_reads_as_accepted(libreoffice_pdfs: Path) -> None:
    """Deleted and moved-away words struck through are not read; inserted ones, underlined, are."""
    assert " ".join(read_text(libreoffice_pdfs / "tracked.pdf").split()) == " ".join(ACCEPTED.split())


@pytest.mark.parametrize(("lines", "names"), [
    (["BỘ VĂN HÓA, THỂ THAO VÀ DU", "LỊCH"], ["BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]),
    (["UBND TỈNH QUẢNG NINH", "SỞ KHOA HỌC VÀ CÔNG", "NGHỆ"], ["UBND TỈNH QUẢNG NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]),
    (["BỘ KHOA HỌC VÀ", "CÔNG NGHỆ"], ["BỘ KHOA HỌC VÀ CÔNG NGHỆ"]),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"], ["ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH"]),
    (["TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO"], ["TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO"]),
])
def test_a_name_wrapped_in_a_narrow_cell_is_one_name(lines: list[str], names: list[str]) -> None:
    """A PDF keeps the wraps of a narrow header cell: a lone word cannot be a body's name."""
    assert read_header("\n".join([*lines, "Số: 12/KH-UBND", "V/v hưởng ứng"]) + "\n").agencies == names


@pytest.mark.parametrize("gap", ["\t", "\t\t\t", " " * 12, "\u00a0" * 8, "\u00a0\t"])
@pytest.mark.parametrize("heading", HEADINGS[1:3], ids=lambda h: h.symbol)
def test_a_header_copied_into_a_text_file_reads_as_the_word_file(gap: str, heading: Heading, tmp_path: Path) -> None:
    """Copied from a portal or an e-mail: columns apart by tabs, runs of spaces or non-breaking spaces, zero-width
    characters left in, the number and the date on one line."""
    left = [*heading.agencies, heading.number_line]
    right = [*motto(heading), heading.place_date]
    lines = [f"{a}{gap}{b}" for a, b in zip(left, right, strict=True)]
    lines = [line.replace("Số:", "Số:\u00a0").replace("N", "\u200bN", 1) + "\ufeff" * (i % 2) for i, line in enumerate(lines)]
    source = "\n".join([*lines, "", *heading.title, *heading.addressees, "", BODY]) + "\n"
    (tmp_path / "chep.txt").write_text(source, encoding="utf-8")
    assert found(header.parse(paragraphs(read_text(tmp_path / "chep.txt")))) == expected(heading)


VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Keá hoaïch höôûng öùng Ngaøy Saùng taïo vaø Ñoåi môùi saùng taïo theá giôùi naêm 2026. " * 3


@pytest.mark.parametrize(("legacy", "named"), [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_the_legacy_encoding_is_named(legacy: str, named: str, tmp_path: Path) -> None:
    (tmp_path / "cu.txt").write_bytes(legacy.encode("cp1252"))
    with pytest.raises(UnreadableFile, match=f"bảng mã cũ {named}") as refused:
        read_text(tmp_path / "cu.txt")
    assert "cu.txt" in str(refused.value)
    other = {"TCVN3": "VNI", "VNI": "TCVN3"}[named]
    assert other not in str(refused.value)


@pytest.mark.parametrize("name", ["cong-van.pdf", "cong-van.docx", "cong-van.doc", "cong-van.odt"])
def test_a_text_file_renamed_is_refused_as_one(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text("Số: 12/KH-UBND\n\nKẾ HOẠCH\n\nHưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới\n",
                                 encoding="utf-8")
    with pytest.raises(UnreadableFile, match=f"`{re.escape(name)}` là tệp chữ thường được đổi tên.*\\.txt"):
        read_text(tmp_path / name)


def word_97(docx: Path) -> Path:
    """The old binary Word file LibreOffice saves of `docx`, beside it."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(docx.parent / 'profile').as_uri()}", "--convert-to", "doc",
                    "--outdir", str(docx.parent), str(docx)], capture_output=True, timeout=120, check=True)
    return docx.with_suffix(".doc")


@pytest.fixture(scope="module")
def old_word_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed: it makes the .doc file")
    folder = tmp_path_factory.mktemp("doc")
    document = as_table(HEADINGS[1], folder, rows=2)
    body(document, HEADINGS[1])
    document.save(str(folder / "cong-van.docx"))
    return word_97(folder / "cong-van.docx")


def test_an_old_binary_word_file_is_converted_and_read_as_its_docx(old_word_file: Path, tmp_path: Path) -> None:
    assert old_word_file.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    misnamed = tmp_path / "that-ra-la-doc.docx"  # Word 97 bytes under a new name
    misnamed.write_bytes(old_word_file.read_bytes())
    assert found(header.parse(paragraphs(read_text(misnamed)))) == expected(HEADINGS[1])
    (tmp_path / "that-ra-la-docx.doc").write_bytes(old_word_file.with_suffix(".docx").read_bytes())
    assert found(header.parse(paragraphs(read_text(tmp_path / "that-ra-la-docx.doc")))) == expected(HEADINGS[1])


def rich_text(lines: list[str]) -> bytes:
    """The lines as Word saves Rich Text: each letter beyond ASCII written as `\\uN?`."""
    escaped = ["".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in line) for line in lines]
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0 " + "".join(f"{{\\pard {line}\\par}}" for line in escaped)
            + "}").encode("ascii")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_doc_file_in_rich_text_is_converted_too(tmp_path: Path) -> None:
    heading = HEADINGS[0]
    (tmp_path / "cong-van.doc").write_bytes(rich_text([*heading.agencies, heading.number_line, heading.place_date, *heading.title,
                                                       *heading.addressees, BODY]))
    assert found(header.parse(paragraphs(read_text(tmp_path / "cong-van.doc")))) == expected(heading)


def test_without_libreoffice_an_old_word_file_is_refused_with_how_to_save_it_as_docx(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cong-van.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "WordDocument".encode("utf-16-le"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(UnreadableFile, match=r"`cong-van.doc` là tệp Word cũ .*Lưu thành > Tài liệu Word \(.docx\)"):
        read_text(tmp_path / "cong-van.doc")


def test_a_word_file_locked_with_a_password_is_refused_as_such(tmp_path: Path) -> None:
    locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500)
    (tmp_path / "khoa.docx").write_bytes(locked)
    with pytest.raises(UnreadableFile, match="`khoa.docx` có mật khẩu"):
        read_text(tmp_path / "khoa.docx")


@pytest.mark.parametrize(("number", "symbol", "printed"), [
    (1, "KH/BCĐTW", "1-KH/BCĐTW"), (57, "NQ/TW", "57-NQ/TW"), (123, "KHCN-QLCKH, CNg", "123/KHCN-QLCKH, CNg"),
    (12, "2024/QĐ-UBND", "12/2024/QĐ-UBND"), (None, "KH-UBND", "…/KH-UBND"), (None, "HD/BTGDVTU", "…-HD/BTGDVTU"),
])
def test_a_plan_prints_its_number_and_symbol_in_the_form_it_was_read(number: int | None, symbol: str, printed: str) -> None:
    assert PlanDocument(number=number, symbol=symbol).number_symbol == printed


LAYOUTS = ("one-row table", "two-row table", "tabbed paragraphs")


def laid_out(heading: Heading, layout: str, folder: Path) -> DocxDocument:
    document = {"one-row table": lambda: as_table(heading, folder), "two-row table": lambda: as_table(heading, folder, rows=2),
                "tabbed paragraphs": lambda: as_tabbed_paragraphs(heading)}[layout]()
    body(document, heading)
    return document


@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF LibreOffice makes of each header in each layout (a stamp in a text box on the one-row tables),
    and of the tracked changes below (shown: deleted text struck through), converted in one run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed: it makes the PDF files")
    folder = tmp_path_factory.mktemp("pdf")
    sources = []
    for i, heading in enumerate(HEADINGS):
        for j, layout in enumerate(LAYOUTS):
            document = laid_out(heading, layout, folder)
            if layout == "one-row table":
                text_box(document.tables[0].cell(0, 0).paragraphs[-1], "KHẨN")
            document.save(str(folder / f"{i}-{j}.docx"))
            sources.append(str(folder / f"{i}-{j}.docx"))
    with_changes(folder / "tracked.docx")
    sources.append(str(folder / "tracked.docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(folder), *sources], capture_output=True, timeout=300, check=True)
    return folder


@pytest.mark.parametrize("layout", range(len(LAYOUTS)), ids=lambda j: LAYOUTS[j])
@pytest.mark.parametrize("heading", range(len(HEADINGS)), ids=lambda i: HEADINGS[i].symbol)
def test_the_pdf_libreoffice_makes_of_each_layout_reads_the_same_header(heading: int, layout: int, libreoffice_pdfs: Path) -> None:
    """Its columns come one after the other or side by side on a line, the motto and the date wrapped in a
    narrow cell, a stamp's text box anywhere on the page."""
    text = read_text(libreoffice_pdfs / f"{heading}-{layout}.pdf")
    assert found(header.parse(paragraphs(text))) == expected(HEADINGS[heading])
    assert "KHẨN" not in text


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each source document as a Word file (header table, automatic numbering and bullets) and the PDF
    LibreOffice makes of it, converted in one run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed: it makes the PDF files")
    folder = tmp_path_factory.mktemp("seeds")
    sources = [str(docx_from_text(seed.read_text(encoding="utf-8"), folder / f"{seed.name[:3]}.docx")) for seed in SEEDS]
    sources.append(str(signed_in_a_table(SEEDS[0].read_text(encoding="utf-8"), folder / "ky-trong-bang.docx")))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(folder), *sources], capture_output=True, timeout=300, check=True)
    return folder


def signed_in_a_table(text: str, target: Path) -> Path:
    """The Word file of `text` with its recipients and signature side by side in a two-column table, as offices
    lay them out (for the first source document the table falls across a page break)."""
    body, ending = text.split("Nơi nhận:")
    document = Document(str(docx_from_text(body, target)))
    blocks = [b.strip() for b in ending.split("\n\n") if b.strip()]
    table = document.add_table(rows=1, cols=2)
    left = ["Nơi nhận:", *[line for b in blocks if b.startswith("-") for line in b.split("\n")]]
    right = [line.replace("*", "") for b in blocks if not b.startswith("-") for line in b.split("\n")]
    for cell, lines in ((table.cell(0, 0), left), (table.cell(0, 1), right)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.save(str(target))
    return target


def read_paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.kind, p.text.replace("*", "")) for p in paragraphs(read_text(path))]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_the_pdf_libreoffice_makes_reads_as_its_word_file_paragraph_by_paragraph(seed: Path, seed_pdfs: Path) -> None:
    """Word's bullets are drawn from a symbol font (a private-use character) and a dash a full line pushes to
    the next line is no bullet: each paragraph, its kind and its words as the Word file gives them."""
    assert read_paragraphs(seed_pdfs / f"{seed.name[:3]}.pdf") == read_paragraphs(seed_pdfs / f"{seed.name[:3]}.docx")


def test_a_recipients_and_signature_table_a_page_break_cuts_reads_column_by_column(seed_pdfs: Path) -> None:
    """The row's first lines (`Nơi nhận:` beside `KT. GIÁM ĐỐC`) end one page, their lists begin the next."""
    read = read_paragraphs(seed_pdfs / "ky-trong-bang.pdf")
    assert read == read_paragraphs(seed_pdfs / "ky-trong-bang.docx")
    assert [text for _, text in read[-7:]] == ["Nơi nhận:", "Như trên;", "Lãnh đạo Sở;", "Lưu: VT, QLCN&TĐC.",
                                               "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Thu Hạnh"]


def test_a_bullet_from_a_symbol_font_in_copied_text_is_a_dash() -> None:
    assert tidy("Kính gửi:\n\uf0b7 Các sở, ban, ngành;\n**\uf0a7 UBND các xã.**\n") == "Kính gửi:\n- Các sở, ban, ngành;\n**- UBND các xã.**\n"


@pytest.mark.parametrize(("line", "kept"), [
    ("Kính gửi: Các sở, ban, ngành    KHẨN", "Kính gửi: Các sở, ban, ngành"),
    ("HỎA TỐC    Số: 12/UBND-VX", "Số: 12/UBND-VX"),
    ("Số: 12/UBND-VX\t**THƯỢNG KHẨN**", "Số: 12/UBND-VX"),
    ("Các đơn vị khẩn trương báo cáo kết quả.", "Các đơn vị khẩn trương báo cáo kết quả."),
    ("Bảo vệ bí mật nhà nước: MẬT", "Bảo vệ bí mật nhà nước: MẬT"),
])
def test_a_stamp_beside_other_text_across_a_column_gap_is_dropped(line: str, kept: str) -> None:
    assert tidy(line) == kept + "\n"


@pytest.mark.parametrize(("lines", "subject", "place", "date"), [
    (["V/v hưởng ứng Ngày Sáng tạo năm 2026 Bình Thành, ngày tháng 4 năm 2026"], "hưởng ứng Ngày Sáng tạo năm 2026",
     "Bình Thành", "4/2026"),
    (["V/v tuyên truyền Ngày Khoa học và Công nghệ Việt Nam (18/5) Hà Nội, ngày 10 tháng 5 năm 2024"],
     "tuyên truyền Ngày Khoa học và Công nghệ Việt Nam (18/5)", "Hà Nội", "10/5/2024"),
    (["KẾ HOẠCH", "Tổ chức tuyên truyền Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm 2025 Thanh Hóa, ngày 16 tháng 4 năm 2025"],
     "Tổ chức tuyên truyền Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm 2025", "Thanh Hóa", "16/4/2025"),
])
def test_a_place_and_date_a_pdf_ran_into_the_subject_are_taken_out_and_the_place_marked(
        lines: list[str], subject: str, place: str, date: str) -> None:
    """A header typed with tabs, its subject wrapped beside the place and date: the PDF may run them together.
    The date is pinned by `ngày … năm`; where the place begins is not, so it is written for checking, and so is
    the subject that ends there."""
    read = read_header("\n".join(["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 12/SKHCN-VP", *lines, "Kính gửi: Các đơn vị"]) + "\n")
    assert (read.subject, read.place, read.date) == (REVIEW_PREFIX + subject, REVIEW_PREFIX + place, date)
    assert read.addressees == ["Các đơn vị"]


@pytest.mark.parametrize(("line", "place"), [
    ("Hà Nội, ngày 10 tháng 4 năm 2025", "Hà Nội"), ("TP. Hồ Chí Minh, ngày 9 tháng 5 năm 2023", "TP. Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh, ngày 9 tháng 5 năm 2023", "Thành phố Hồ Chí Minh"), ("Phường 5, ngày 2 tháng 4 năm 2024", "Phường 5"),
])
def test_a_place_and_date_line_after_the_title_is_read_as_one(line: str, place: str) -> None:
    read = read_header(f"ỦY BAN NHÂN DÂN\n\nSố: 7/KH-UBND\n\nKẾ HOẠCH\n\n{line}\n\nHưởng ứng Ngày Sáng tạo\n")
    assert (read.place, read.subject) == (place, "Hưởng ứng Ngày Sáng tạo")


def header_cell_pdf(cells: list[str], target: Path) -> Path:
    """A PDF whose header cell is as wide as its first name, each of `cells` a centred paragraph in bold that wraps in it
    as a narrow Word cell does, then a number line and a sentence of the body."""
    from fpdf import FPDF
    from import_samples import FONTS

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", size=12)
    width = pdf.get_string_width(cells[0]) + 6
    for cell in cells:
        pdf.multi_cell(width, 6, cell, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=12)
    pdf.multi_cell(width, 6, "Số: 15/KH-UBND", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.multi_cell(0, 6, "Thực hiện Kế hoạch của cấp trên, cơ quan xây dựng Kế hoạch như sau:", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))
    return target


@pytest.mark.parametrize("cells", [
    ["UBND TỈNH THANH HÓA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
    ["UBND TỈNH NGHỆ AN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
    ["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "CỤC THÔNG TIN KHOA HỌC VÀ CÔNG NGHỆ QUỐC GIA"],
    ["TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
    ["UBND THÀNH PHỐ HUẾ", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
])
def test_a_body_name_a_narrow_header_cell_wraps_reads_as_one_paragraph(cells: list[str], tmp_path: Path) -> None:
    """A narrow cell wraps a body's name (`SỞ KHOA HỌC VÀ CÔNG` / `NGHỆ`): each name of the cell is one paragraph, as
    the Word file gives it; the names of the cell stay apart."""
    pdf = header_cell_pdf(cells, tmp_path / "header.pdf")
    read = [text for _, text in read_paragraphs(pdf)]
    assert read[:len(cells) + 1] == [*cells, "Số: 15/KH-UBND"]
    assert any(len(line.split("\n")) > 1 for line in read_text(pdf).split("\n\n")[:1])  # the cell did wrap a name


def boxed_header_pdf(box: list[str], number: str, target: Path) -> Path:
    """A PDF that draws its text first and then, above it at the head of the page, a text box with the issuer's
    lines: the order LibreOffice writes a header text box in."""
    from fpdf import FPDF
    from import_samples import FONTS

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.set_y(45)
    pdf.multi_cell(80, 6, number, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    for line in ("Thực hiện Kế hoạch của cấp trên, cơ quan xây dựng Kế hoạch như sau:", "I. MỤC ĐÍCH",
                 "Nâng cao nhận thức của cán bộ và Nhân dân."):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_xy(20, 15)
    for line in box:
        pdf.cell(80, 6, line, align="C", new_x="LEFT", new_y="NEXT")
    pdf.output(str(target))
    return target


@pytest.mark.parametrize(("box", "number", "issuer"), [
    (["UBND TỈNH QUẢNG TRỊ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Số: 88/KH-SKHCN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH"], "Số: 14/KH-UBND", "ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH"),
    (["BỘ Y TẾ"], "Số: 1201/BYT-KHTC", "BỘ Y TẾ"),
])
def test_a_header_text_box_drawn_after_the_text_is_read_first(box: list[str], number: str, issuer: str, tmp_path: Path) -> None:
    """A text box above the page's text, drawn after it, is read where it is printed: before the number line,
    and the issuer it holds is the draft's."""
    pdf = boxed_header_pdf(box, number, tmp_path / "box.pdf")
    read = [text for _, text in read_paragraphs(pdf)]
    assert read[:len(box) + 1] == [*box, number]
    assert header.parse(paragraphs(read_text(pdf))).agencies[-1] == issuer


@pytest.mark.parametrize(("lines", "paragraph"), [
    # A line a PDF wrapped after a word that cannot end a paragraph (`và`, `của`, `các`, …) or inside brackets.
    (["a) Trung tâm Truyền thông, Báo Nông nghiệp và", "Phát triển nông thôn: đăng tải tin, bài."],
     "Trung tâm Truyền thông, Báo Nông nghiệp và Phát triển nông thôn: đăng tải tin, bài."),
    (["- Giới thiệu vai trò của sở hữu trí tuệ đối với các Mục tiêu của", "Liên hợp quốc."],
     "Giới thiệu vai trò của sở hữu trí tuệ đối với các Mục tiêu của Liên hợp quốc."),
    (["5. Các phòng gửi báo cáo về Ủy ban nhân dân huyện (qua Phòng Văn hóa", "Thông tin) trước ngày 10/5/2024."],
     "Các phòng gửi báo cáo về Ủy ban nhân dân huyện (qua Phòng Văn hóa Thông tin) trước ngày 10/5/2024."),
    (["1. Đồng ý tổ chức các hoạt động kỷ niệm Ngày Khoa học và", "Công nghệ Việt Nam trong tháng 5."],
     "Đồng ý tổ chức các hoạt động kỷ niệm Ngày Khoa học và Công nghệ Việt Nam trong tháng 5."),
])
@pytest.mark.parametrize("blank", [False, True])
def test_a_line_wrapped_after_a_word_that_cannot_end_a_paragraph_goes_on(lines: list[str], paragraph: str,
                                                                          blank: bool) -> None:
    """A PDF's text may lose where lines were wrapped and even put a blank line there: a line ending with a
    conjunction or preposition, or with a bracket still open, goes on with the next line whatever it starts with."""
    text = ("\n\n" if blank else "\n").join(lines) + "\n\n6. Trân trọng cảm ơn."
    (first, second) = paragraphs(text)
    assert first.text == paragraph
    assert second.text == "Trân trọng cảm ơn."


@pytest.mark.parametrize("closing", ["Trân trọng./.", "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Văn phòng.",
                                     "Trân trọng cảm ơn sự phối hợp của Quý cơ quan./."])
def test_a_closing_paragraph_after_a_full_line_ending_a_sentence_is_its_own(closing: str) -> None:
    """In wrapped text a full line runs on into the next; not when it ends a sentence and the next line opens the
    issuer's closing words (`Trân trọng`, `Trong quá trình thực hiện`)."""
    filler = ["Các đơn vị tổ chức tuyên truyền về ý nghĩa của ngày kỷ niệm trên hệ thống truyền thanh cơ sở",
              "và trang thông tin điện tử của đơn vị, bảo đảm thiết thực, hiệu quả, tiết kiệm, đúng quy định"] * 7
    last = "Kết quả thực hiện gửi về Văn phòng trước ngày 10/5/2026 để tổng hợp, báo cáo cơ quan cấp trên."
    text = "\n".join([*filler[:-1], filler[-1] + ".", last, closing])
    paras = paragraphs(text)
    assert paras[-1].text == closing and paras[-2].text.endswith(last)


# --- tables of tasks ----------------------------------------------------------------------------------

TASK_TABLES = {
    "ministry": [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
                 ["1", "Xây dựng tài liệu tuyên truyền về đổi mới sáng tạo", "Trung tâm Truyền thông", "Văn phòng Bộ", "Tháng 3"],
                 ["2", "Tổ chức lễ phát động hưởng ứng", "Vụ Thi đua - Khen thưởng", "Cục Thông tin", "Ngày 18/5"],
                 ["3", "Tổng hợp báo cáo kết quả", "Văn phòng Bộ", "Các đơn vị thuộc Bộ", "Trước 30/5"]],
    "province": [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp"],
                 ["1", "Treo băng rôn, khẩu hiệu trên các tuyến phố chính", "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các phường"],
                 ["2", "Tổ chức hội thảo khoa học cấp tỉnh", "Sở Khoa học và Công nghệ", "Liên hiệp các Hội khoa học và kỹ thuật"],
                 ["3", "Đưa tin trên báo, đài địa phương", "Báo và Đài Phát thanh - Truyền hình tỉnh", "Sở Khoa học và Công nghệ"],
                 ["4", "Hướng dẫn doanh nghiệp đăng ký sáng chế", "Sở Khoa học và Công nghệ", "Hiệp hội Doanh nghiệp tỉnh"]],
    "commune": [["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
                ["1", "Phát thanh tuyên truyền trên loa của xã", "Đài truyền thanh xã", "Từ 10/4 đến 21/4"],
                ["2", "Treo khẩu hiệu tại trụ sở", "Văn phòng - Thống kê", "Trước 15/4"],
                ["3", "Vận động Nhân dân tham gia cuộc thi ý tưởng", "Đoàn Thanh niên, Hội Phụ nữ", "Tháng 4"]],
}
"""Invented tables: a ministry's with a time column, a province's with a lead cell naming two bodies (`Báo và Đài …`),
a commune's without partners and with a lead cell naming two (`Đoàn Thanh niên, Hội Phụ nữ`)."""


def table_docx(rows: list[list[str]], target: Path) -> Path:
    """A Word file with a section heading and the rows as a real, ruled table."""
    document = Document()
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.add_paragraph("Các đơn vị báo cáo kết quả trước ngày 30/5.")
    document.save(str(target))
    return target


def table_pdf(rows: list[list[str]], target: Path) -> Path:
    """A PDF with the rows as a ruled table, as fpdf2 draws one (header cells in bold)."""
    pdf = FPDF(format="A4")
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf")):
        pdf.add_font("DejaVu", style, str(FONTS / name))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 8, "II. TỔ CHỨC THỰC HIỆN")
    with pdf.table() as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.multi_cell(0, 8, "Các đơn vị báo cáo kết quả trước ngày 30/5.")
    pdf.output(str(target))
    return target


def read_rows(path: Path) -> list[tuple[str, ...]]:
    return [p.cells for p in paragraphs(read_text(path)) if p.kind in ("table", "row")]


@pytest.mark.parametrize("make", [table_docx, table_pdf], ids=["word", "fpdf2"])
@pytest.mark.parametrize("issuer", list(TASK_TABLES))
def test_a_ruled_table_of_tasks_reads_row_by_row_cell_by_cell(issuer: str, make: Any, tmp_path: Path) -> None:
    """A Word table, and the table a PDF draws with rules, read as one line a row whose cells are the table's: the
    text after the table stays a paragraph of its own."""
    rows = TASK_TABLES[issuer]
    path = make(rows, tmp_path / f"{issuer}{'.docx' if make is table_docx else '.pdf'}")

    assert read_rows(path) == [tuple(row) for row in rows]
    assert [p.text for p in paragraphs(read_text(path))][-1] == "Các đơn vị báo cáo kết quả trước ngày 30/5."


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_pdf_libreoffice_makes_of_a_word_table_of_tasks_reads_its_cells(tmp_path: Path) -> None:
    sources = [str(table_docx(rows, tmp_path / f"{name}.docx")) for name, rows in TASK_TABLES.items()]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *sources], capture_output=True, timeout=300, check=True)

    for name, rows in TASK_TABLES.items():
        assert read_rows(tmp_path / f"{name}.pdf") == [tuple(row) for row in rows]
