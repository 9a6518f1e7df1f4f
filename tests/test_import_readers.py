"""Reading dispatch files for the importer: Word, PDF, OpenDocument and text give the text of the source
document (numbering, bold, paragraphs kept; the motto dropped), and what cannot be read faithfully is
refused with a clear Vietnamese message: a scanned PDF, a legacy TCVN3/VNI encoding, an empty file."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from import_samples import docx_from_text, pdf_from_text
from odf.opendocument import OpenDocumentText
from odf.text import List, ListItem, P
from PIL import Image

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
       tail=st.sampled_from(["", "    Hà Nội, ngày 16 tháng 4 năm 2026", " Lạng Sơn, ngày 2 tháng 4 năm 2025", "\tHuế, ngày   tháng 4 năm 2026"]))
def test_any_symbol_of_letter_groups_joined_by_dashes_commas_ampersands_and_spaces_is_read_whole(
        number: int, first: str, rest: list[tuple[str, str]], tail: str) -> None:
    symbol = first + "".join(j + g for j, g in rest)
    read = read_header(f"Số: {number}/{symbol}{tail}\n\nV/v hưởng ứng Ngày Sáng tạo\n")
    assert (read.number, read.symbol) == (number, symbol)
    assert read.subject == "hưởng ứng Ngày Sáng tạo"
    if tail:
        assert read.place == tail.split(",")[0].strip()
