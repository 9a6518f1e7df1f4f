"""Every kind of data error is reported with file, line, field and a Vietnamese fix, all at once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import line_of, replace_in

from campaign_site.core.problems import DataError, Problem
from campaign_site.data.loader import load_site

LAI_CHAU = "2026/plans/so-khcn-lai-chau.yaml"


@dataclass(frozen=True)
class Case:
    """Replace `old` by `new` in `file`; expect an error on the line holding `needle`."""

    name: str
    file: str
    old: str
    new: str
    needle: str
    field: str
    message: str


CASES = [
    Case("misspelt field", "2025/campaign.yaml", "    slogans:", "    slogan:", "slogan:", "observances[0].slogan",
         "Có phải bạn muốn viết `slogans`?"),
    Case("unknown field", LAI_CHAU, "place: Lai Châu", "place: Lai Châu\nwebsite: x", "website:", "website",
         "không có trong mẫu dữ liệu"),
    Case("wrong type", "observances.yaml", "day: 21", "day: hai mươi mốt", "hai mươi mốt", "observances[0].day",
         "cần một số nguyên"),
    Case("text expected, list given", LAI_CHAU, "place: Lai Châu", "place: [Lai Châu]", "place:", "place",
         "cần một đoạn văn bản"),
    Case("list expected, text given", LAI_CHAU, "observances:\n  - ngay-sang-tao", "observances: ngay-sang-tao",
         "observances: ngay-sang-tao", "observances", "cần một danh sách"),
    Case("impossible date", "documents.yaml", "date: 16/4/2026", "date: 31/4/2026", "31/4/2026", "documents[6].date",
         "tháng 4 năm 2026 chỉ có 30 ngày"),
    Case("unreadable date", LAI_CHAU, "start: 18/4/2026", "start: 18-4-2026", "18-4-2026", "window.start",
         "ví dụ 16/4/2026"),
    Case("window ends before it starts", LAI_CHAU, "end: 26/4/2026", "end: 14/4/2026", "end: 14/4/2026", "window.end",
         "ngày kết thúc 14/4/2026 trước ngày bắt đầu 18/4/2026"),
    Case("deadline before the window", LAI_CHAU, "- date: 10/5/2026", "- date: 10/3/2026", "10/3/2026",
         "report_deadlines[0].date", "hạn báo cáo 10/3/2026 trước ngày bắt đầu thực hiện 18/4/2026"),
    Case("window outside the year", LAI_CHAU, "start: 18/4/2026", "start: 18/4/2025", "18/4/2025", "window.start",
         "không thuộc năm 2026"),
    Case("unknown document id in a plan", LAI_CHAU, "  - cv-2341-bkhcn-2026", "  - cv-2341-bkhcn-2062", "cv-2341-bkhcn-2062",
         "legal_basis[0]", "không có văn bản nào mang mã `cv-2341-bkhcn-2062`. Có phải bạn muốn viết `cv-2341-bkhcn-2026`?"),
    Case("unknown document id in the registry", "documents.yaml", "basis: [nq-57-tw-2024]", "basis: [nq-75-tw-2024]",
         "nq-75-tw-2024", "documents[1].basis[0]", "không có văn bản nào mang mã `nq-75-tw-2024`"),
    Case("duplicate document id", "documents.yaml", "id: nq-71-cp-2025", "id: nq-57-tw-2024 # bản trùng", "# bản trùng",
         "documents[1].id", "đã dùng cho văn bản khác ở dòng"),
    Case("duplicate theme id", "2026/campaign.yaml", "id: dmst-chuyen-doi-nhanh-hon", "id: dmst-hanh-dong-dot-pha # x",
         "dmst-hanh-dong-dot-pha # x", "observances[0].themes[1].id", "đã dùng cho chủ đề, khẩu hiệu hoặc thông điệp khác"),
    Case("message reusing a slogan's id", "2026/campaign.yaml",
         "        text: Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4\n",
         "        text: Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4\n    messages:\n"
         "      - id: chao-mung-ngay-sang-tao-2026 # x\n        text: Sáng tạo hôm nay, phát triển ngày mai\n",
         "chao-mung-ngay-sang-tao-2026 # x", "observances[1].messages[0].id",
         "mã `chao-mung-ngay-sang-tao-2026` đã dùng cho chủ đề, khẩu hiệu hoặc thông điệp khác ở dòng 13"),
    Case("duplicate observance id", "observances.yaml", "id: ngay-so-huu-tri-tue", "id: ngay-sang-tao # x", "ngay-sang-tao # x",
         "observances[1].id", "đã dùng cho ngày kỷ niệm khác"),
    Case("observance id taking a page of the year", "observances.yaml", "id: ngay-so-huu-tri-tue", "id: lich # x", "lich # x",
         "observances[1].id", "mã ngày kỷ niệm “lich” trùng với địa chỉ một trang của năm"),
    Case("duplicate key", LAI_CHAU, "place: Lai Châu\n", "place: Lai Châu\nplace: Lai Chau\n", "place: Lai Chau", "place",
         "được viết hai lần"),
    Case("missing field", LAI_CHAU, "  level: province\n", "", "issuer:", "issuer.level",
         "thiếu trường bắt buộc `level`"),
    Case("empty text", LAI_CHAU, "place: Lai Châu", 'place: ""', 'place: ""', "place", "không được để trống"),
    Case("unknown observance in a plan", LAI_CHAU, "observances:\n  - ngay-sang-tao", "observances:\n  - ngay-sang-tao-moi",
         "ngay-sang-tao-moi", "observances[0]", "không có ngày kỷ niệm của năm nào mang mã"),
    Case("unknown slogan in a plan", LAI_CHAU, "  - chao-mung-ngay-sang-tao-2026", "  - chao-mung-ngay-sang-tao-2062",
         "2062", "slogans[0]", "Có phải bạn muốn viết `chao-mung-ngay-sang-tao-2026`?"),
    Case("unknown observance in a year", "2025/campaign.yaml", "observance: ngay-sang-tao", "observance: ngay-sang-tac",
         "ngay-sang-tac", "observances[0].observance", "Có phải bạn muốn viết `ngay-sang-tao`?"),
    Case("value outside the allowed list", "documents.yaml", "    level: party", "    level: dang", "level: dang",
         "documents[0].level", "Chỉ chấp nhận: 'party', 'government'"),
    Case("number/symbol that cannot be one", "documents.yaml", "number_symbol: 57-NQ/TW", "number_symbol: NQ/TW", "NQ/TW",
         "documents[0].number_symbol", "không phải số, ký hiệu văn bản"),
    Case("cited document is newer", "documents.yaml", "date: 22/12/2024", "date: 22/12/2025", "basis: [nq-57-tw-2024]",
         "documents[1].basis[0]", "ban hành sau nó (22/12/2025)"),
    Case("document cites itself", "documents.yaml", "basis: [nq-57-tw-2024]", "basis: [nq-71-cp-2025]", "basis: [nq-71-cp-2025]",
         "documents[1].basis[0]", "không thể thực hiện chính nó"),
    Case("impossible observance day", "observances.yaml", "day: 26", "day: 31", "day: 31", "observances[1].day",
         "ngày 31/4 không có trong năm"),
    Case("id with capitals and spaces", "2025/campaign.yaml", "id: dmst-toan-dan", "id: ĐMST Toàn dân", "ĐMST Toàn dân",
         "observances[0].themes[2].id", "Gợi ý: `dmst-toan-dan`"),
    Case("bad web address", "site.yaml", "base_url: https://dmst.langson.gov.vn/", "base_url: doimoisangtao", "base_url:",
         "site.base_url", "bắt đầu bằng https://"),
    Case("document described twice", "documents.yaml", "  - id: nq-71-cp-2025\n", "  - id: nq-57-lan-hai\n    type: Nghị quyết\n    number_symbol: 57-NQ/TW # lần hai\n    date: 22/12/2024\n    issuer: Bộ Chính trị\n    level: party\n    summary: về x\n\n  - id: nq-71-cp-2025\n",
         "# lần hai", "documents[1].number_symbol",
         "đã được khai báo với mã `nq-57-tw-2024`"),
    Case("plan cites a newer document", "2026/plans/ubnd-phuong-tran-hung-dao.yaml", "date: 4/2026", "date: 1/4/2026",
         "- cv-1456-skhcn-hai-phong-2026", "legal_basis[0]", "sau ngày của kế hoạch (ngày 01/4/2026)"),
    Case("unclosed quote", LAI_CHAU, "place: Lai Châu", 'place: "Lai Châu', 'place: "Lai Châu', "", "thiếu dấu ngoặc kép đóng"),
    Case("badly indented field", LAI_CHAU, "  short_name:", "   short_name:", "   short_name:", "", "thụt lề"),
    Case("tab indentation", LAI_CHAU, "  short_name:", "\tshort_name:", "\tshort_name", "", "Tab"),
    Case("colon inside unquoted text", LAI_CHAU, "place: Lai Châu", "place: Lai Châu: tỉnh", "Lai Châu: tỉnh", "",
         "dấu hai chấm"),
]


def load_problems(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load_site(root)
    return info.value.problems


@pytest.fixture
def campaigns(project: Path) -> Path:
    """The shipped data with its settings finished (a real address, a contact), so that the only
    warnings a test sees are those it causes."""
    root = project / "campaigns"
    replace_in(root / "site.yaml", "https://doimoisangtao.example/", "https://dmst.langson.gov.vn/")
    replace_in(root / "site.yaml", "contact: {}", "contact:\n    phone: 0205 3812 345")
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_error_names_file_line_field_and_fix(campaigns: Path, case: Case) -> None:
    path = campaigns / case.file
    replace_in(path, case.old, case.new)
    problems = [p for p in load_problems(campaigns) if p.severity == "error"]
    expected_line = line_of(path, case.needle)
    matching = [p for p in problems if p.file == f"campaigns/{case.file}" and case.message in p.message]
    assert matching, "\n".join(map(str, problems))
    assert matching[0].line == expected_line, str(matching[0])
    assert matching[0].field == case.field, str(matching[0])
    assert str(matching[0]).startswith(f"campaigns/{case.file}:{expected_line}: ")


def test_shipped_data_is_valid_with_only_the_publishing_warnings() -> None:
    from conftest import REPO

    data = load_site(REPO / "campaigns")
    # Only the two settings a new site fills in before publishing.
    assert [(w.file, w.field) for w in data.warnings] == [("campaigns/site.yaml", "site.base_url"), ("campaigns/site.yaml", "organisation.contact")]
    assert sorted(data.campaigns) == [2025, 2026]
    assert sum(len(c.plans) for c in data.campaigns.values()) == 5
    assert len(data.documents) == 10


def test_every_problem_in_every_file_is_reported_at_once(campaigns: Path) -> None:
    replace_in(campaigns / LAI_CHAU, "end: 26/4/2026", "end: 14/4/2026")
    replace_in(campaigns / LAI_CHAU, "  - cv-2341-bkhcn-2026", "  - cv-9999")
    replace_in(campaigns / "2025/campaign.yaml", "    slogans:", "    slogan:")
    replace_in(campaigns / "documents.yaml", "date: 16/4/2026", "date: 31/4/2026")
    replace_in(campaigns / "2026/plans/ubnd-xa-binh-thanh.yaml", "symbol: UBND-VHXH", "symbol: [x]")
    problems = load_problems(campaigns)
    report = "\n".join(map(str, problems))
    assert len(problems) == 5, report
    assert {p.file for p in problems} == {
        f"campaigns/{LAI_CHAU}",
        "campaigns/2025/campaign.yaml",
        "campaigns/documents.yaml",
        "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml",
    }


def test_misplaced_and_misnamed_files_are_errors(campaigns: Path) -> None:
    (campaigns / "2026/plans/ke-hoach-moi.yml").write_text("place: x\n", encoding="utf-8")
    (campaigns / "2026/plans/Kế hoạch mới.yaml").write_text("place: x\n", encoding="utf-8")
    (campaigns / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    messages = [str(p) for p in load_problems(campaigns)]
    assert any("ke-hoach-moi.yml" in m and "đuôi tệp phải là .yaml" in m for m in messages), messages
    assert any("Hãy đổi tên thành `ke-hoach-moi.yaml`" in m for m in messages), messages
    assert any("ghi-chu.txt" in m and "không đúng chỗ" in m for m in messages), messages


def test_missing_registry_file_is_named(campaigns: Path) -> None:
    (campaigns / "observances.yaml").unlink()
    messages = [str(p) for p in load_problems(campaigns)]
    assert any(m.startswith("campaigns/observances.yaml:1: ") and "thiếu tệp observances.yaml" in m for m in messages)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "tệp trống"),
        (b"   \n\n", "tệp trống"),
        (b"- a\n- b\n", "không phải một danh sách"),
        (b"\xff\xfe p\x00", "UTF-8"),
        (b"a: 1\n---\nb: 2\n", "Mỗi tệp chỉ có một phần"),
    ],
)
def test_unreadable_files_get_a_clear_message(campaigns: Path, content: bytes, message: str) -> None:
    (campaigns / LAI_CHAU).write_bytes(content)
    problems = load_problems(campaigns)
    assert any(p.file == f"campaigns/{LAI_CHAU}" and message in p.message for p in problems), problems


def test_byte_order_mark_is_an_error_that_says_how_to_save(campaigns: Path) -> None:
    path = campaigns / LAI_CHAU
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problems = load_problems(campaigns)
    assert [(p.file, p.line) for p in problems] == [(f"campaigns/{LAI_CHAU}", 1)]
    assert "BOM" in problems[0].message and "UTF-8" in problems[0].message


def test_decomposed_unicode_is_normalised_with_a_warning(campaigns: Path) -> None:
    path = campaigns / LAI_CHAU
    replace_in(path, "place: Lai Châu", "place: " + unicodedata.normalize("NFD", "Lai Châu"))
    data = load_site(campaigns)
    plan = next(p for p in data.campaigns[2026].plans if p.id == "so-khcn-lai-chau")
    assert plan.place == "Lai Châu" and unicodedata.is_normalized("NFC", plan.place)
    assert [(w.field, w.severity) for w in data.warnings] == [("place", "warning")]
    assert "NFC" in data.warnings[0].message


def test_february_29_observance_in_a_common_year_is_an_error(campaigns: Path) -> None:
    replace_in(campaigns / "observances.yaml", "observances:\n", "observances:\n  - id: ngay-nhuan\n    day: 29\n    month: 2\n    name: Ngày thử\n    owner: Thử\n\n")
    replace_in(campaigns / "2025/campaign.yaml", "observances:\n", "observances:\n  - observance: ngay-nhuan\n")
    problems = load_problems(campaigns)
    assert [(p.file, p.field) for p in problems] == [("campaigns/2025/campaign.yaml", "observances[0].observance")]
    assert "năm 2025 không có ngày 29/2" in problems[0].message


@pytest.mark.parametrize("url", ['https://h/sub"onmouseover="alert(1)', "https://h/<b>", "https://h/a b"])
def test_web_addresses_with_quotes_brackets_or_spaces_are_refused(campaigns: Path, url: str) -> None:
    replace_in(campaigns / "site.yaml", "base_url: https://dmst.langson.gov.vn/", f"base_url: '{url}'")
    assert any(p.field == "site.base_url" for p in load_problems(campaigns))


def test_unclosed_bracket_after_a_valid_multiline_quote_points_at_the_bracket(campaigns: Path) -> None:
    path = campaigns / LAI_CHAU
    replace_in(path, "place: Lai Châu", 'place: "Lai\n  Châu"')
    path.write_text(path.read_text(encoding="utf-8") + "extra: [a, b\n", encoding="utf-8")
    problems = load_problems(campaigns)
    assert [(p.line, "thiếu dấu đóng" in p.message) for p in problems] == [(line_of(path, "extra: [a, b"), True)]


def test_year_zero_is_explained_in_vietnamese(campaigns: Path) -> None:
    replace_in(campaigns / LAI_CHAU, "start: 18/4/2026", "start: 18/4/0000")
    messages = [p.message for p in load_problems(campaigns)]
    assert any("có năm 0 không hợp lệ" in m for m in messages), messages


def test_unused_document_is_a_warning(campaigns: Path) -> None:
    replace_in(campaigns / "documents.yaml", "documents:\n", "documents:\n  - id: cv-1-khong-dung\n    type: Công văn\n    number_symbol: 1/BKHCN-ĐMST\n    date: 1/1/2026\n    issuer: Bộ Khoa học và Công nghệ\n    level: ministry\n    summary: về việc thử\n")
    data = load_site(campaigns)
    assert [(w.file, w.line, w.field) for w in data.warnings] == [("campaigns/documents.yaml", line_of(campaigns / "documents.yaml", "cv-1-khong-dung"), "documents[0].id")]
    assert "không được kế hoạch hay văn bản nào dẫn chiếu" in data.warnings[0].message


def test_repeated_reference_is_a_warning_not_an_error(campaigns: Path) -> None:
    replace_in(campaigns / LAI_CHAU, "  - cv-2341-bkhcn-2026\n", "  - cv-2341-bkhcn-2026\n  - cv-2341-bkhcn-2026\n")
    data = load_site(campaigns)
    assert [w.field for w in data.warnings] == ["legal_basis[1]"]


@pytest.mark.parametrize(("url", "placeholder"), [
    ("https://doimoisangtao.example/", True), ("https://a.example.com/", True), ("http://127.0.0.1:8000/", True),
    ("https://[::1]/", True), ("https://site.test/", True), ("https://dmst.langson.gov.vn/", False), ("https://examples.vn/", False),
])
def test_placeholder_addresses_are_recognised(url: str, placeholder: bool) -> None:
    from campaign_site.data.publish_checks import placeholder_address

    assert placeholder_address(url) is placeholder
