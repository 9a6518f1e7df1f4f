"""Reading dispatch files for the importer: Word, PDF, OpenDocument and text give the text of the source
document (numbering, bold, paragraphs kept; the motto dropped), and what cannot be read faithfully is
refused with a clear Vietnamese message: a scanned PDF, a legacy TCVN3/VNI encoding, an empty file."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from import_samples import docx_from_text, pdf_from_text
from odf.opendocument import OpenDocumentText
from odf.text import List, ListItem, P
from PIL import Image

from campaign_site.importing.readers import UnreadableFile, read_text, tidy

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
    ("anh.png", b"\x89PNG", "chỉ nhận tệp .docx, .pdf, .odt hoặc .txt"),
])
def test_empty_broken_and_unknown_files_are_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_text(tmp_path / name)
