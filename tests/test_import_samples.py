"""The layouts `import_samples` makes are the ones staff receive, in the XML Word and LibreOffice write:
the header in a table or as tab-separated paragraphs, text boxes stored twice (DrawingML and VML), tracked
changes, a LibreOffice PDF, a text copied out of Word. Checked on the files' own XML and text, on
dispatches of several kinds invented for these tests."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from import_samples import (
    LAYOUTS,
    MOTTO,
    STAMP,
    docx_from_text,
    header_rows,
    libreoffice_pdfs,
    paragraphs,
    pasted_text,
    split_header,
)
from lxml import etree

from campaign_site.importing.readers import read_text

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
      "v": "urn:schemas-microsoft-com:vml"}

MINISTRY = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 1520/BNNMT-KHCN
V/v hưởng ứng Ngày Sở hữu trí tuệ thế giới
năm 2025

Hà Nội, ngày 08 tháng 4 năm 2025

Kính gửi: Các đơn vị trực thuộc Bộ.

Thực hiện Công văn số 743/BKHCN-ĐMST ngày 10/4/2025 của Bộ Khoa học và Công nghệ, Bộ đề nghị các đơn vị:

1. Tuyên truyền chủ đề **“Sở hữu trí tuệ và âm nhạc”**.

- Treo băng rôn tại trụ sở.

2. Thời gian: từ ngày 20/4/2025 đến ngày 30/4/2025.

**KT. BỘ TRƯỞNG
THỨ TRƯỞNG**

Lê Minh Hoan
"""
DISTRICT = """**ỦY BAN NHÂN DÂN
HUYỆN LỆ THỦY**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Số: 57/KH-UBND

*Lệ Thủy, ngày 15 tháng 4 năm 2023*

**KẾ HOẠCH**

**Tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5/2023**

Căn cứ Kế hoạch số 802/KH-UBND ngày 10/4/2023 của UBND tỉnh Quảng Bình.

1. Thời gian và địa điểm

- Từ ngày 10/5 đến ngày 18/5/2023, tại các xã, thị trấn.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**
"""
COMMUNE = """UBND TỈNH TUYÊN QUANG
**ỦY BAN NHÂN DÂN XÃ MINH XUÂN**

Số: 41/UBND-VHXH
V/v tổ chức Ngày Đổi mới sáng tạo Việt Nam

Minh Xuân, ngày 22 tháng 9 năm 2026

Kính gửi:

- Các thôn, tổ dân phố;
- Trường Tiểu học Minh Xuân.

Ủy ban nhân dân xã đề nghị các đơn vị treo khẩu hiệu trong tháng 10/2026.
"""
PARTY = """**TỈNH ỦY QUẢNG NAM**
**BAN TUYÊN GIÁO**

Số 12-HD/BTGTU

*Tam Kỳ, ngày 03 tháng 4 năm 2025*

**HƯỚNG DẪN**

Tuyên truyền Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm 2025
"""
SOURCES = {"ministry": MINISTRY, "district": DISTRICT, "commune": COMMUNE, "party": PARTY}
ISSUER_LINE = {"ministry": "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "district": "HUYỆN LỆ THỦY",
               "commune": "ỦY BAN NHÂN DÂN XÃ MINH XUÂN", "party": "BAN TUYÊN GIÁO"}
DATE_LINE = {"ministry": "Hà Nội, ngày 08 tháng 4 năm 2025", "district": "Lệ Thủy, ngày 15 tháng 4 năm 2023",
             "commune": "Minh Xuân, ngày 22 tháng 9 năm 2026", "party": "Tam Kỳ, ngày 03 tháng 4 năm 2025"}
NUMBER_LINE = {"ministry": "Số: 1520/BNNMT-KHCN", "district": "Số: 57/KH-UBND", "commune": "Số: 41/UBND-VHXH",
               "party": "Số 12-HD/BTGTU"}


def xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def body_text(root: etree._Element, tags: tuple[str, ...] = ("w:t",)) -> str:
    """Every text of the body in order (tabs as tabs, paragraphs on their own line), text boxes left out."""
    lines = []
    for p in root.iterfind(".//w:p", NS):
        if p.xpath("ancestor::w:txbxContent", namespaces=NS):
            continue
        parts = []
        for node in p.iter(*(qn(t) for t in (*tags, "w:tab", "w:br"))):
            if node.xpath("ancestor::w:txbxContent", namespaces=NS) or node.xpath("ancestor::w:tabs", namespaces=NS):
                continue
            parts.append({qn("w:tab"): "\t", qn("w:br"): "\n"}.get(node.tag, node.text or ""))
        lines.append("".join(parts))
    return "\n".join(lines)


@pytest.mark.parametrize("kind", SOURCES)
def test_the_table_layout_puts_the_header_in_two_cells_and_numbers_items_as_word_does(kind: str, tmp_path: Path) -> None:
    root = xml(docx_from_text(SOURCES[kind], tmp_path / "a.docx"))
    [table] = root.findall(".//w:tbl", NS)
    left, right = ("\n".join(t.text for t in cell.iterfind(".//w:t", NS)) for cell in table.iterfind(".//w:tc", NS))
    assert ISSUER_LINE[kind] in left and NUMBER_LINE[kind].replace("Số: ", "Số:\u00a0") in left
    assert right.split("\n")[:2] == list(MOTTO) and right.split("\n")[-1] == DATE_LINE[kind]
    assert "CỘNG HÒA" not in left and "ĐỘC LẬP" not in left.upper()  # the motto once, on the right
    numbered = [p for p in root.iterfind("w:body/w:p", NS) if p.find("w:pPr/w:numPr", NS) is not None]
    assert len(numbered) == sum(1 for b in paragraphs(SOURCES[kind]) if re.match(r"^(\d+\.|[-+])\s", b))
    assert not any(re.match(r"^(\d+\.|[-+])\s", "".join(t.text for t in p.iterfind(".//w:t", NS))) for p in numbered)


@pytest.mark.parametrize("kind", SOURCES)
def test_the_paragraph_layout_puts_left_and_right_parts_on_one_line_with_a_tab(kind: str, tmp_path: Path) -> None:
    root = xml(docx_from_text(SOURCES[kind], tmp_path / "a.docx", "paragraphs"))
    assert root.find(".//w:tbl", NS) is None
    lines = body_text(root).split("\n")
    number = next(line for line in lines if line.replace("\u00a0", " ").startswith(NUMBER_LINE[kind]))
    assert number.replace("\u00a0", " ") == f"{NUMBER_LINE[kind]}\t{DATE_LINE[kind]}"
    beside_motto = [line for line in lines if line.endswith(("\t" + MOTTO[0], "\t" + MOTTO[1]))]
    assert len(beside_motto) == 2 and any(ISSUER_LINE[kind] in line for line in beside_motto)
    assert sum(line.count(MOTTO[0]) for line in lines) == 1
    assert root.find(".//w:pPr/w:tabs/w:tab", NS) is not None  # a tab stop, as an officer sets one


@pytest.mark.parametrize("kind", SOURCES)
def test_text_boxes_are_stored_twice_as_word_saves_them(kind: str, tmp_path: Path) -> None:
    path = docx_from_text(SOURCES[kind], tmp_path / "a.docx", "text box")
    root = xml(path)
    boxes = root.findall(".//mc:AlternateContent", NS)
    assert len(boxes) == 2
    texts = []
    for box in boxes:
        choice, fallback = box.find("mc:Choice", NS), box.find("mc:Fallback", NS)
        assert choice.get("Requires") == "wps"
        drawn = choice.find("w:drawing/*/*/*/wps:wsp/wps:txbx/w:txbxContent", NS)
        vml = fallback.find("w:pict/v:shape/v:textbox/w:txbxContent", NS)
        assert drawn is not None and vml is not None
        assert etree.tostring(drawn) == etree.tostring(vml)  # the same paragraphs twice
        texts.append("\n".join(t.text for t in drawn.iterfind(".//w:t", NS)))
    assert texts[1] == STAMP
    assert ISSUER_LINE[kind] in texts[0]
    outside = body_text(root)
    assert STAMP not in outside and ISSUER_LINE[kind] not in outside  # in the boxes only
    assert Document(str(path)).paragraphs  # a package python-docx opens


@pytest.mark.parametrize("kind", SOURCES)
def test_tracked_changes_delete_a_wrong_year_and_insert_the_right_one(kind: str, tmp_path: Path) -> None:
    tracked = xml(docx_from_text(SOURCES[kind], tmp_path / "tracked.docx", "tracked"))
    plain = xml(docx_from_text(SOURCES[kind], tmp_path / "plain.docx"))
    deleted = [d.findtext(".//w:delText", namespaces=NS) for d in tracked.iterfind(".//w:del", NS)]
    inserted = [i.findtext(".//w:t", namespaces=NS) for i in tracked.iterfind(".//w:ins", NS)]
    assert deleted and [str(int(y) - 1) for y in inserted] == deleted
    assert all(d.get(qn("w:author")) and d.get(qn("w:id")) for d in tracked.iterfind(".//w:del", NS))
    assert DATE_LINE[kind][-4:] == inserted[0]  # the first correction is in the place-and-date line
    # Accepting every change gives the document without them, word for word.
    assert body_text(tracked) == body_text(plain)
    assert body_text(tracked, ("w:t", "w:delText")) != body_text(plain)


@pytest.mark.parametrize("kind", SOURCES)
def test_the_pasted_text_is_what_copying_out_of_word_gives(kind: str) -> None:
    pasted = pasted_text(SOURCES[kind])
    lines = pasted.split("\r\n")
    assert "\n" not in pasted.replace("\r\n", "") and "" not in lines[:-1]  # Windows line ends, no blank lines
    assert "*" not in pasted
    assert f"{NUMBER_LINE[kind]}\t\t{DATE_LINE[kind]}" == lines[next(i for i, x in enumerate(lines) if "Số" in x)].replace("\u00a0", " ")
    assert any(line.endswith("\t\t" + MOTTO[0]) for line in lines)
    assert "Số:\u00a0" in pasted or not NUMBER_LINE[kind].startswith("Số:")
    assert re.search(r"ngày\u00a0\d", pasted)


def words(text: str) -> list[str]:
    return re.sub(r"\*+", " ", text).replace("\u00a0", " ").split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["UBND TỈNH HÒA BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP",
                                 "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "CỤC SỞ HỮU TRÍ TUỆ", "HUYỆN CHỢ MỚI"]), min_size=0, max_size=3),
       st.from_regex(r"Số:? ?\d{0,4}/[A-ZĐ]{2,6}(-[A-ZĐ&]{2,6}){0,2}", fullmatch=True),
       st.sampled_from(["Hà Nội, ngày 12 tháng 4 năm 2024", "Bắc Kạn, ngày   tháng 4 năm 2025", ""]),
       st.lists(st.sampled_from(["V/v hưởng ứng Ngày Sáng tạo", "và Đổi mới sáng tạo thế giới", "năm 2026"]), max_size=3),
       st.booleans())
def test_no_layout_loses_or_repeats_a_word_of_the_header(issuer: list[str], number: str, dated: str,
                                                         subject: list[str], motto_in_text: bool) -> None:
    """Whatever the header holds, the rows of the paragraph layout and the pasted text hold each of its
    words once, in order, with the motto once."""
    blocks = ["\n".join(issuer)] if issuer else []
    blocks += ["\n".join(MOTTO)] if motto_in_text else []
    blocks += ["\n".join([number, *subject])] + ([dated] if dated else []) + ["Kính gửi: Các sở, ngành."]
    left, right, body = split_header(paragraphs("\n\n".join(blocks)))
    assert body == ["Kính gửi: Các sở, ngành."]
    rows = header_rows(left, right)
    expected = [*issuer, number, *subject]
    assert words("\n".join(a for a, _ in rows)) == words("\n".join(expected))
    assert [b for _, b in rows if b] == [*MOTTO, *([dated] if dated else [])]
    pasted = pasted_text("\n\n".join(blocks))
    assert sorted(words(pasted)) == sorted(words("\n".join([*expected, *MOTTO, dated, "Kính gửi: Các sở, ngành."])))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_makes_a_pdf_of_each_word_layout(tmp_path: Path) -> None:
    files = [docx_from_text(SOURCES["district"], tmp_path / f"{layout.replace(' ', '-')}.docx", layout) for layout in LAYOUTS]
    pdfs = libreoffice_pdfs(files, tmp_path / "pdf")
    assert pdfs is not None and set(pdfs) == set(files)
    for file, pdf in pdfs.items():
        with pdfplumber.open(pdf) as document:
            text = "\n".join(page.extract_text() or "" for page in document.pages)
        assert "HUYỆN LỆ THỦY" in text and "Số: 57/KH-UBND" in text, file.name
        assert text.count(MOTTO[0]) == 1, file.name  # the header's right column is wide enough for the motto
        if file.stem == "text-box":
            assert STAMP in text
    assert "Lệ Thủy, ngày 15 tháng 4 năm 2023" in read_text(pdfs[files[0]])


def test_without_libreoffice_no_pdf_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert libreoffice_pdfs([docx_from_text(COMMUNE, tmp_path / "a.docx")], tmp_path) is None
