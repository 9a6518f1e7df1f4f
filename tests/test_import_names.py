"""Names from reference lists, not from sentences (issue 28): the provinces before and after the 2025
merger, the ministries and central bodies, one registry entry per document cited in different words, and
importing into a year the data does not have yet. Every document here is invented in the shape Decree
30/2020/NĐ-CP gives real ones; the expected values were written before the importer ran on them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import REPO, copy_project, run_build
from hypothesis import given, settings
from hypothesis import strategies as st
from import_samples import docx_from_text

from campaign_site.data.agencies import Body, central_bodies
from campaign_site.data.loader import load_site
from campaign_site.data.placeholders import REVIEW_PREFIX, is_marked, without_review
from campaign_site.data.provinces import arrangement
from campaign_site.data.site_data import SiteData
from campaign_site.importing import basis, names
from campaign_site.importing.extract import Draft, document_year, extract
from campaign_site.importing.importer import import_file


@pytest.fixture(scope="module")
def site() -> SiteData:
    return load_site(REPO / "campaigns")


def dispatch(header: list[str], place: str, year: int, basis_text: str, body: str = "") -> str:
    """A department's dispatch as Decree 30 lays it out: header cells, number, place and date, V/v, body, signature
    (a People's Committee's symbol holds `UBND`)."""
    committee = len(header) == 1 and header[0].startswith(("UBND", "ỦY BAN NHÂN DÂN"))
    return "\n\n".join([
        *header,
        "Số: 321/UBND-KGVX" if committee else "Số: 321/SKHCN-QLCN",
        f"{place}, ngày 10 tháng 4 năm {year}",
        f"V/v hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm {year}",
        "Kính gửi: Các sở, ban, ngành.",
        f"{basis_text}, cơ quan trân trọng đề nghị các cơ quan, đơn vị phối hợp thực hiện các nội dung sau:",
        "1. Nội dung tuyên truyền",
        f"- Tuyên truyền về Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm {year}. {body}",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Nguyễn Văn Bình",
    ])


def draft_of(site: SiteData, text: str, cold: bool = True) -> Draft:
    return extract(text, {} if cold else site.documents, site.observances, {}, document_year(text))


BASIS = "Thực hiện Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về việc hưởng ứng Ngày Sáng tạo"


# --- 1. provinces before and after the merger ------------------------------------------------------


def test_each_list_holds_on_its_dates() -> None:
    table = arrangement()
    before, after = table.provinces_on(date(2025, 6, 30)), table.provinces_on(date(2025, 7, 1))
    assert len(before) == 63 and len(after) == 34
    assert "Hòa Bình" in before and "Hòa Bình" not in after and "Phú Thọ" in before and "Phú Thọ" in after
    assert "Bà Rịa - Vũng Tàu" in before and "Huế" in before and "Thừa Thiên Huế" not in before
    in_2019 = table.provinces_on(date(2019, 1, 1))  # Huế a province called Thừa Thiên Huế until 31/12/2024
    assert len(in_2019) == 63 and "Thừa Thiên Huế" in in_2019 and "Huế" not in in_2019


@pytest.mark.parametrize(("written", "name"), [
    ("Hoà Bình", "Hòa Bình"), ("tỉnh Hà Giang", "Hà Giang"), ("tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("TP. Hải Phòng", "Hải Phòng"), ("Quảng Bình", "Quảng Bình"),
    ("Bình Dương", "Bình Dương"), ("tỉnh Đắk Nông", "Đắk Nông"), ("tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"), ("Atlantis", None), ("tỉnh Đông Sơn", None),
])
def test_a_province_is_on_one_of_the_two_lists(written: str, name: str | None) -> None:
    assert names.province(written) == name


@pytest.mark.parametrize(("text", "found"), [
    ("Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu", [("tỉnh", "Bà Rịa - Vũng Tàu")]),
    ("Ủy ban nhân dân tỉnh Thừa Thiên Huế về việc", [("tỉnh", "Thừa Thiên Huế")]),
    ("UBND tỉnh Hà Giang và UBND xã Lũng Cú", [("tỉnh", "Hà Giang"), ("xã", "Lũng Cú")]),
])
def test_a_place_with_a_hyphen_is_read_whole(text: str, found: list[tuple[str, str]]) -> None:
    assert names.localities(text) == found


@pytest.mark.parametrize(("header", "place", "year", "issuer", "plan_id"), [
    (["UBND TỈNH HÒA BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Hòa Bình", 2024,
     {"name": "Sở Khoa học và Công nghệ tỉnh Hòa Bình", "province": "Hòa Bình", "level": "province"}, "so-khcn-hoa-binh"),
    (["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Hà Giang", 2023,
     {"name": "Sở Khoa học và Công nghệ tỉnh Hà Giang", "province": "Hà Giang", "level": "province"}, "so-khcn-ha-giang"),
    (["UBND TỈNH BÀ RỊA - VŨNG TÀU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Bà Rịa - Vũng Tàu", 2022,
     {"name": "Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu", "province": "Bà Rịa - Vũng Tàu", "level": "province"},
     "so-khcn-ba-ria-vung-tau"),
    (["ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH"], "Quảng Bình", 2024,
     {"name": "Ủy ban nhân dân tỉnh Quảng Bình", "province": "Quảng Bình", "level": "province"}, "ubnd-tinh-quang-binh"),
    (["UBND TỈNH PHÚ THỌ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Phú Thọ", 2026,
     {"name": "Sở Khoa học và Công nghệ tỉnh Phú Thọ", "province": "Phú Thọ", "level": "province"}, "so-khcn-phu-tho"),
])
def test_a_province_before_or_after_the_merger_keeps_its_name_and_id(
        site: SiteData, header: list[str], place: str, year: int, issuer: dict, plan_id: str) -> None:
    draft = draft_of(site, dispatch(header, place, year, BASIS))
    assert {k: draft.plan["issuer"][k] for k in issuer} == issuer
    assert draft.plan_id == plan_id


_ALL_PROVINCES = sorted({*arrangement().provinces_on(date(2024, 1, 1)), *arrangement().provinces_on(date(2026, 1, 1))})


@settings(max_examples=20, deadline=None)
@given(province=st.sampled_from(_ALL_PROVINCES), department=st.sampled_from(["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SỞ NỘI VỤ", "SỞ Y TẾ"]),
       year=st.sampled_from([2019, 2023, 2024, 2026]), one_cell=st.booleans())
def test_a_department_of_any_listed_province_keeps_it_in_its_name_and_id(
        site: SiteData, province: str, department: str, year: int, one_cell: bool) -> None:
    """Header as one cell or under its superior body, before or after the merger: the province is never lost."""
    word = "THÀNH PHỐ" if names.called(province) == "thành phố" else "TỈNH"
    upper = f"{word} {province.upper()}"
    header = [f"{department} {upper}"] if one_cell else [f"UBND {upper}", department]
    draft = draft_of(site, dispatch(header, province, year, BASIS))
    issuer = draft.plan["issuer"]
    assert without_review(issuer["name"]).endswith(f"{word.lower()} {province}")
    assert without_review(issuer["province"]) == province
    held = province in arrangement().provinces_on(date(year, 4, 10))
    assert issuer["province"] == province if held else issuer["province"] == REVIEW_PREFIX + province
    assert draft.plan_id and draft.plan_id.endswith(names.slug(province))


@pytest.mark.parametrize("header", [
    ["UBND TỈNH ĐÔNG SƠN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], ["SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐÔNG SƠN"],
])
def test_a_province_on_neither_list_is_kept_whole_and_marked(site: SiteData, header: list[str]) -> None:
    draft = draft_of(site, dispatch(header, "Đông Sơn", 2024, BASIS))
    name = draft.plan["issuer"]["name"]
    assert name.startswith(REVIEW_PREFIX) and without_review(name) == "Sở Khoa học và Công nghệ tỉnh Đông Sơn"
    assert draft.plan_id == "so-khcn-dong-son" and draft.plan["issuer"]["province"] == REVIEW_PREFIX + "Đông Sơn"


@pytest.mark.parametrize(("header", "place"), [
    (["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Đông Sơn"), (["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Thị trấn Mới"),
])
def test_a_provincial_body_without_its_province_is_marked_and_gets_no_bare_id(site: SiteData, header: list[str], place: str) -> None:
    draft = draft_of(site, dispatch(header, place, 2024, BASIS))
    assert draft.plan["issuer"]["name"].startswith(REVIEW_PREFIX)
    assert draft.plan_id is None  # never the bare `so-khcn`: the command asks for --id


def test_a_former_province_after_the_merger_is_marked(site: SiteData) -> None:
    draft = draft_of(site, dispatch(["UBND TỈNH HÒA BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Hòa Bình", 2026, BASIS))
    assert draft.plan["issuer"]["province"] == REVIEW_PREFIX + "Hòa Bình"


# --- 2. issuers of cited documents from the lists ------------------------------------------------


@pytest.mark.parametrize(("citation", "issuer", "level"), [
    ("Công văn số 9001/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ đề nghị các bộ, cơ quan ngang bộ, "
     "đoàn thể Trung ương về việc hưởng ứng", "Bộ Khoa học và Công nghệ", "ministry"),
    ("Công văn số 812/BNNMT-KHCN ngày 2/4/2026 của Bộ Nông nghiệp và Môi trường đề nghị các địa phương triển khai",
     "Bộ Nông nghiệp và Môi trường", "ministry"),
    ("Công văn số 1200/BTTTT-TTCS ngày 5/4/2024 của Bộ Thông tin và Truyền thông gửi các tỉnh về việc tuyên truyền",
     "Bộ Thông tin và Truyền thông", "ministry"),
    ("Kết luận số 1-KL/BCĐTW ngày 3/3/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo "
     "và chuyển đổi số về việc triển khai",
     "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "party"),
    ("Nghị quyết số 12-NQ/TW ngày 3/3/2024 của Ban Chấp hành Trung ương Đảng khóa XIII về việc", "Ban Chấp hành Trung ương", "party"),
    ("Quyết định số 569/QĐ-TTg ngày 11/5/2022 của Thủ tướng Chính phủ ban hành Chiến lược", "Thủ tướng Chính phủ", "government"),
    ("Công văn số 77/UBND-KGVX ngày 8/4/2024 của Ủy ban nhân dân tỉnh Hòa Bình về việc tổ chức", "Ủy ban nhân dân tỉnh Hòa Bình",
     "province"),
    ("Công văn số 78/SKHCN-QLCN ngày 9/4/2022 của Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu đề nghị các đơn vị",
     "Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu", "province"),
])
def test_a_cited_issuer_is_the_longest_listed_name_at_its_start(citation: str, issuer: str, level: str) -> None:
    found = basis.citations(f"Thực hiện {citation};")
    assert len(found) == 1 and found[0].issuer == issuer
    resolved = basis.resolve(found[0], {}, 2026, {})
    assert resolved.certain and resolved.new is not None
    assert resolved.new["issuer"] == issuer and resolved.new["level"] == level


@pytest.mark.parametrize("citation", [
    "Công văn số 55/SKHCN-QLCN ngày 9/4/2024 của Sở Khoa học và Công nghệ tỉnh Đông Sơn về việc tổ chức",
    "Công văn số 56/BKHCN-ĐMST ngày 9/4/2024 của Bộ Khoa học và Công nghệ, Bộ Văn hóa, Thể thao và Du lịch về việc phối hợp",
    "Công văn số 57/XYZ-AB ngày 9/4/2024 của Hội đồng Sáng tạo Liên vùng về việc tổ chức",
    "Công văn số 58/BTTTT-TTCS ngày 9/4/2026 của Bộ Thông tin và Truyền thông về việc tuyên truyền",  # merged on 1/3/2025
    "Công văn số 59/BNNMT-KHCN ngày 9/4/2024 của Bộ Nông nghiệp và Môi trường về việc phối hợp",  # formed on 1/3/2025
])
def test_an_issuer_not_pinned_by_a_list_is_kept_whole_and_marked(citation: str) -> None:
    found = basis.citations(f"Thực hiện {citation};")
    resolved = basis.resolve(found[0], {}, 2024, {})
    assert not resolved.certain and resolved.new is not None
    assert resolved.new["issuer"].startswith(REVIEW_PREFIX)
    written = citation.split(" của ", 1)[1].split(" về việc")[0]
    assert without_review(resolved.new["issuer"]) == written  # whole, never cut


def test_the_lists_hold_the_ministries_before_and_after_march_2025() -> None:
    bodies = central_bodies()
    on = {b.name: b for b in bodies}
    assert on["Bộ Thông tin và Truyền thông"].until == date(2025, 2, 28)
    assert on["Bộ Nông nghiệp và Môi trường"].since == date(2025, 3, 1)
    assert on["Bộ Khoa học và Công nghệ"].until is None and on["Bộ Khoa học và Công nghệ"].since is None
    assert {on[n].level for n in ("Bộ Chính trị", "Ban Bí thư", "Chính phủ", "Bộ Y tế")} == {"party", "government", "ministry"}


@pytest.mark.parametrize(("upper", "name"), [
    ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "Bộ Thông tin và Truyền thông"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Ngân hàng Nhà nước Việt Nam"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
])
def test_a_header_cell_naming_a_listed_body_is_written_as_the_list_writes_it(upper: str, name: str) -> None:
    assert names.case_name(upper, "Văn bản không nhắc lại tên cơ quan.") == (name, True)


@settings(max_examples=60, deadline=None)
@given(body=st.sampled_from(central_bodies()),
       tail=st.sampled_from(["đề nghị các bộ, cơ quan ngang bộ", "gửi các địa phương", "yêu cầu các tỉnh, thành phố",
                             "và các cơ quan liên quan", "", ", Bộ Y tế và các địa phương"]),
       day=st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)), number=st.integers(min_value=1, max_value=9999))
def test_no_sentence_becomes_part_of_a_name(body: Body, tail: str, day: date, number: int) -> None:
    """Whatever follows a listed name, the issuer is that name; words naming a second body, or a body that did
    not exist on the document's date, give a marked issuer, never an unmarked wrong one."""
    text = f"Thực hiện Công văn số {number}/VB-KH ngày {day.day}/{day.month}/{day.year} của {body.name} {tail} về việc tổ chức;"
    entry = basis.resolve(basis.citations(text)[0], {}, 2026, {}).new
    assert entry is not None
    if tail.startswith(","):
        assert entry["issuer"] == REVIEW_PREFIX + f"{body.name} {tail}"  # the words whole, as printed
    else:
        assert without_review(entry["issuer"]) == body.name and is_marked(entry["issuer"]) == (not body.issued_on(day))


# --- 3. one document, one registry entry --------------------------------------------------------------


@pytest.mark.parametrize("later", [
    "Triển khai theo hướng dẫn tại Công văn số 9001/BKHCN-ĐMST.",
    "Các đơn vị thực hiện theo Công văn số 9001/BKHCN-ĐMST của Bộ Khoa học và Công nghệ và văn bản nêu trên.",
    "Căn cứ Công văn 9001/BKHCN-ĐMST ngày 16/4/2026, các đơn vị báo cáo.",
])
def test_a_document_cited_twice_in_different_words_is_one_entry(site: SiteData, later: str) -> None:
    text = dispatch(["UBND TỈNH LẠNG SƠN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Lạng Sơn", 2026,
                    "Thực hiện Công văn số 9001/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về việc hưởng ứng", later)
    draft = draft_of(site, text, cold=False)
    assert [d["number_symbol"] for d in draft.new_documents] == ["9001/BKHCN-ĐMST"]
    assert draft.plan["legal_basis"] == ["cv-9001-bkhcn-2026"] and "references" not in draft.plan


def test_a_document_the_registry_has_is_matched_however_it_is_cited(site: SiteData) -> None:
    text = dispatch(["UBND TỈNH LẠNG SƠN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Lạng Sơn", 2026, BASIS,
                    "Thực hiện theo hướng dẫn tại Công văn số 2341/BKHCN-ĐMST và Nghị quyết 57-NQ/TW.")
    draft = draft_of(site, text, cold=False)
    assert draft.new_documents == []
    # Named in the body by its number only (no date): the registry's entry, marked as a mention staff may not list.
    assert draft.plan["legal_basis"] == ["cv-2341-bkhcn-2026"] and draft.plan["references"] == [REVIEW_PREFIX + "nq-57-tw-2024"]


def test_a_number_two_issuers_share_is_told_apart_by_the_issuer(site: SiteData) -> None:
    registry = dict(site.documents)
    twins = [registry["cv-2341-bkhcn-2026"].model_copy(update={"id": f"cv-15-ubnd-{p}-2026", "number_symbol": "15/UBND-KGVX",
                                                                "issuer": f"Ủy ban nhân dân tỉnh {n}", "level": "province"})
             for p, n in (("lang-son", "Lạng Sơn"), ("lai-chau", "Lai Châu"))]
    registry.update({t.id: t for t in twins})
    cited = basis.citations("Thực hiện Công văn số 15/UBND-KGVX ngày 16/4/2026 của Ủy ban nhân dân tỉnh Lai Châu về việc;")
    assert basis.resolve(cited[0], registry, 2026, {}) == basis.Resolved("cv-15-ubnd-lai-chau-2026", True)


# --- 4. importing into a year the data does not have ------------------------------------------------


def test_a_2024_document_from_a_former_province_is_imported_into_a_new_year_and_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (Path(__file__).parent / "import_documents/ubnd-phu-tho.txt").read_text(encoding="utf-8")
    text = text.replace("2026", "2024").replace("PHÚ THỌ", "HÒA BÌNH").replace("Phú Thọ", "Hòa Bình")
    text = re.sub(r"Căn cứ Nghị quyết số 57-NQ/TW[^\n]*", "Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành "
                  "Trung ương về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa;", text)
    source = docx_from_text(text, tmp_path / "ubnd-hoa-binh.docx")
    assert not (project / "campaigns/2024").exists()
    written, _ = import_file(project, source)
    target = project / "campaigns/2024/plans/ubnd-tinh-hoa-binh.yaml"
    assert written.files[0] == target and project / "campaigns/2024/campaign.yaml" in written.files
    plan = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert plan["issuer"]["name"] == "Ủy ban nhân dân tỉnh Hòa Bình" and plan["issuer"]["province"] == "Hòa Bình"
    assert plan["legal_basis"] == ["nq-20-tw-2012", "cv-1520-bkhcn-2024"]
    year_text = (project / "campaigns/2024/campaign.yaml").read_text(encoding="utf-8")
    assert "CẦN" not in year_text and "ngay-khoa-hoc-cong-nghe" in year_text
    for path in written.files:  # a person has checked each marked value and filled what the plan lacks
        checked = path.read_text(encoding="utf-8").replace(REVIEW_PREFIX, "")
        path.write_text(re.sub(r"""(["'])CẦN ĐIỀN: .*?\1""", "Sở Khoa học và Công nghệ", checked), encoding="utf-8")
    result = run_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Hòa Bình" in (tmp_path / "site/2024/index.html").read_text(encoding="utf-8")
