"""Real documents as they come (tests/real_documents): a ministry's dispatch, a provincial plan known only
from a portal's summary, registry entries with partial dates, unknown summaries and numbers printed
against Decree 30. Nothing is invented: what a record lacks, every page, feed and JSON says it lacks.

Built in-process with the façade (`site_build.build_site`) from a copy of the shipped project.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from conftest import REPO, copy_project, line_of, replace_in

from campaign_site.authoring import scaffold
from campaign_site.core.problems import DataError
from campaign_site.data.loader import load_site
from campaign_site.site_build import SiteBuild, build_site

REAL = Path(__file__).parent / "real_documents"
MINISTRY = "2026/ke-hoach/bo-vhttdl-huong-dan-18-5.md"
SUMMARY = "2026/ke-hoach/ubnd-tinh-tuyen-quang-tom-tat.md"
REGISTRY_ADDITIONS = """
  - id: hd-bo-khcn-2025
    type: Hướng dẫn
    number_symbol: 12/HD-BKHCN, SHTT
    date: 4/2025
    issuer: Bộ Khoa học và Công nghệ
    level: ministry
    summary: chưa rõ
    source:
      file: van-ban/bo-khcn-huong-dan-2025.pdf

  - id: qd-khong-ro-ngay
    type: Quyết định
    number_symbol: chưa rõ
    issuer: Thủ tướng Chính phủ
    level: government
    summary: phê duyệt Chương trình truyền thông về khoa học, công nghệ và đổi mới sáng tạo
"""


def add_real_documents(root: Path) -> None:
    """The records of tests/real_documents, and what they cite, added to a project copy."""
    campaigns = root / "campaigns"
    for plan in (REAL / "2026" / "plans").glob("*.yaml"):
        shutil.copy(plan, campaigns / "2026" / "plans" / plan.name)
    shutil.copytree(REAL / "van-ban", campaigns / "van-ban")
    campaign = campaigns / "2026" / "campaign.yaml"
    replace_in(campaign, "  - observance: ngay-sang-tao\n", "  - observance: ngay-sang-tao\n    name: Ngày Đổi mới sáng tạo thế giới\n")
    with campaign.open("a", encoding="utf-8") as file:
        file.write("    messages:\n      - id: thong-diep-khcn-2026\n"
                   "        text: Khoa học, công nghệ và đổi mới sáng tạo vì cuộc sống của mỗi người dân\n")
    with (campaigns / "documents.yaml").open("a", encoding="utf-8") as file:
        file.write(REGISTRY_ADDITIONS)
    replace_in(campaigns / "2026" / "plans" / "bo-vhttdl-huong-dan-18-5.yaml", "observances:\n",
               "legal_basis:\n  - hd-bo-khcn-2025\n  - qd-khong-ro-ngay\nobservances:\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    root = copy_project(tmp_path_factory.mktemp("real") / "project")
    add_real_documents(root)
    return build_site(root, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})


def text(built: SiteBuild, path: str) -> str:
    content = next(f.content for f in built.files if f.path == path)
    return content.decode("utf-8") if isinstance(content, bytes) else content


def test_the_records_pass_the_check_with_a_warning_for_the_number_printed_against_decree_30(built: SiteBuild) -> None:
    assert built.ok, built.report()
    warnings = [w for w in built.warnings if "12/HD-BKHCN, SHTT" in w.message]
    assert len(warnings) == 1 and "Nghị định 30/2020/NĐ-CP" in warnings[0].message
    assert warnings[0].file == "campaigns/documents.yaml" and warnings[0].field.endswith("number_symbol")


def test_a_national_body_has_no_province_and_is_listed_as_central(built: SiteBuild) -> None:
    listing = text(built, "2026/ke-hoach/index.md")
    assert "ở trung ương và 5 tỉnh, thành phố" in listing
    rows = re.findall(r"^- \[([^\]]+)\]\(../dia-phuong/([a-z-]+)\.md\): ", listing, re.MULTILINE)
    assert len(rows) == 5 and "trung-uong" not in {slug for _, slug in rows}  # not a province
    assert "## Cơ quan trung ương\n\n[2 công văn của 2 cơ quan trung ương](../dia-phuong/trung-uong.md)" in listing
    central = text(built, "2026/dia-phuong/trung-uong.md")
    assert "có 2 công văn hưởng ứng của 2 cơ quan trung ương" in central and "Bộ Văn hóa, Thể thao và Du lịch" in central


def test_what_the_ministry_dispatch_does_not_state_or_nobody_knows_is_said_so(built: SiteBuild) -> None:
    page = text(built, MINISTRY)
    for sentence in ("Văn bản không nêu thời gian thực hiện", "Văn bản không nêu hạn báo cáo", "Văn bản không nêu địa danh",
                     "Chưa có thông tin về người ký", "Chưa có thông tin về nơi nhận"):
        assert sentence in page, sentence
    assert "**Thông điệp**" in page and "vì cuộc sống của mỗi người dân" in page
    assert "Văn bản không quy định khẩu hiệu chung: mỗi đơn vị tự chọn." in page
    # The record does not say how the dispatch words the link: the page claims no more than that it mentions it.
    assert "- **Văn bản có nhắc tới việc kết nối các hoạt động với:**" in page and "Ngày Sở hữu trí tuệ thế giới" in page
    assert "**Kết nối với:**" not in page and "Các hoạt động kết nối với" not in page
    assert "Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch" in page and "bản tin tóm tắt" not in page


def test_a_plan_without_a_window_makes_no_event_and_does_not_widen_the_year(built: SiteBuild) -> None:
    for file in built.files:
        if file.path.endswith(".ics"):
            calendar = icalendar.Calendar.from_ical(file.content)
            assert not [e for e in calendar.walk("VEVENT") if "bo-vhttdl" in str(e["UID"])], file.path
    year = json.loads(text(built, "2026.json"))
    # the shipped plans and the summary plan only, with how many plans that is: the guide does not state a
    # window, and the ministry's dispatch, known from a news item, may state one nobody has read yet
    assert year["window"] == {"start": "2026-04-15", "end": "2026-05-31", "plans": 7, "plans_stating": 5,
                              "plans_not_stating": 1, "plans_not_known": 1}
    assert ("5 trong 7 kế hoạch năm 2026 nêu thời gian thực hiện, trong khoảng từ ngày <time datetime=\"2026-04-15\">15/4/2026</time> "
            "đến hết ngày <time datetime=\"2026-05-31\">31/5/2026</time>; 1 kế hoạch không nêu, 1 kế hoạch chưa có "
            "thông tin.") in text(built, "2026/index.md")


def test_the_summary_plan_says_where_it_comes_from_and_what_is_not_known(built: SiteBuild) -> None:
    page = text(built, SUMMARY)
    assert page.count("trang này được lập từ bản tin tóm tắt, không phải từ toàn văn của văn bản") == 1  # once, at the top
    assert "Nguồn: bản tin của Cổng Thông tin điện tử tỉnh Tuyên Quang, đọc ngày" in page
    for sentence in ("Chưa có thông tin về số, ký hiệu", "Chưa có thông tin về ngày ký", "Chưa có thông tin về địa danh",
                     "Chưa có thông tin về người ký"):
        assert sentence in page, sentence
    assert "Số:" not in page and "…" not in page
    assert "Thời gian cao điểm" in page
    feed = icalendar.Calendar.from_ical(next(f.content for f in built.files if f.path == "lich/2026/ubnd-tinh-tuyen-quang-tom-tat.ics"))
    summaries = sorted(str(e["SUMMARY"]) for e in feed.walk("VEVENT"))
    assert summaries == ["UBND tỉnh Tuyên Quang: thời gian cao điểm", "UBND tỉnh Tuyên Quang: thời gian thực hiện kế hoạch"]


def test_open_data_lists_what_is_not_stated_and_what_is_not_known(built: SiteBuild) -> None:
    plans = {p["id"]: p for p in json.loads(text(built, "2026.json"))["plans"]}
    ministry = plans["bo-vhttdl-huong-dan-18-5"]
    assert ministry["window"] is None and ministry["signer"] is None
    assert {"window", "report_deadlines", "place"} <= set(ministry["not_stated"])
    assert set(ministry["not_known"]) == {"signer", "recipients"}
    summary = plans["ubnd-tinh-tuyen-quang-tom-tat"]
    assert {"document.number", "document.symbol", "document.date", "place", "signer"} <= set(summary["not_known"])
    assert summary["origin"]["summary"] is True
    observance = next(o for o in json.loads(text(built, "2026.json"))["observances"] if o["id"] == "ngay-khoa-hoc-cong-nghe")
    assert observance["messages"][0]["plans"] == ["bo-vhttdl-huong-dan-18-5"]


def test_registry_entries_with_partial_dates_unknown_summaries_and_original_files(built: SiteBuild) -> None:
    page = text(built, "can-cu-phap-ly.md")
    row = page.split('<tr id="van-ban-hd-bo-khcn-2025"', 1)[1].split("</tr>", 1)[0]
    assert '<time datetime="2025-04">4/2025</time>' in row and "Chưa có thông tin về trích yếu" in row
    assert "12/HD-BKHCN, SHTT" in row and "Văn bản gốc: PDF, 1 KB" in row
    assert any(f.path == "van-ban/bo-khcn-huong-dan-2025.pdf" for f in built.files)
    unknown = page.split('<tr id="van-ban-qd-khong-ro-ngay"', 1)[1].split("</tr>", 1)[0]
    assert "Chưa có thông tin về số, ký hiệu" in unknown and "Văn bản không nêu ngày ban hành" in unknown
    plan = text(built, MINISTRY)
    assert "Quyết định của Thủ tướng Chính phủ phê duyệt Chương trình" in plan  # cited without inventing a number


OFFICIAL, DOCUMENTS = "Ngày Sáng tạo và Đổi mới sáng tạo thế giới", "Ngày Đổi mới sáng tạo thế giới"
"""21/4's name in observances.yaml, and the name the 2026 record says that year's documents use."""


def test_an_observance_has_one_name_everywhere_and_the_documents_name_only_quoted(built: SiteBuild) -> None:
    """Every page, feed and JSON file names 21/4 by its official name; the name the year's documents use is
    quoted on the day's page only, as theirs."""
    assert f"### 21/4: {OFFICIAL}" in text(built, "2026/index.md")
    assert f"### 21/4: {OFFICIAL}" in text(built, "2025/index.md")
    day = text(built, "2026/ngay-sang-tao.md")
    assert f"# 21/4/2026: {OFFICIAL}" in day and f"gọi ngày này là “{DOCUMENTS}”." in day
    summaries = {str(e["SUMMARY"]) for f in built.files if f.path.endswith(".ics")
                 for e in icalendar.Calendar.from_ical(f.content).walk("VEVENT") if e.decoded("dtstart") == date(2026, 4, 21)}
    assert OFFICIAL in summaries and DOCUMENTS not in summaries
    observance = next(o for o in json.loads(text(built, "2026.json"))["observances"] if o["id"] == "ngay-sang-tao")
    assert (observance["name"], observance["documents_name"]) == (OFFICIAL, DOCUMENTS)
    for f in built.files:
        if f.path.endswith(".md") and f.path != "2026/ngay-sang-tao.md":  # slogans quote it as printed: `Ngày Sáng tạo và …`
            assert f": {DOCUMENTS}" not in str(f.content) and f"[{DOCUMENTS}" not in str(f.content), f.path


def problems_of(campaigns: Path) -> list[str]:
    try:
        data = load_site(campaigns)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in data.warnings]


def test_messages_point_at_the_mapping_give_the_shape_and_never_loop(tmp_path: Path) -> None:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    plan = campaigns / "2026/plans/so-khcn-lai-chau.yaml"
    replace_in(plan, "  level: province\n", "")
    replace_in(plan, "  short_name: Sở KH&CN Lai Châu\n", '  short_name: ""\n')
    replace_in(plan, "place: Lai Châu\n", "place: khong ro\n")
    other = campaigns / "2026/plans/ubnd-xa-binh-thanh.yaml"
    other.write_text(re.sub(r"^window:\n(?:  .*\n)+", "window: 18/4/2026\n", other.read_text(encoding="utf-8"), count=1,
                            flags=re.MULTILINE), encoding="utf-8")
    lines = problems_of(campaigns)
    level = next(line for line in lines if "issuer.level" in line)
    assert level.startswith(f"campaigns/2026/plans/so-khcn-lai-chau.yaml:{line_of(plan, 'issuer:')}: ") and "thiếu trường bắt buộc `level`" in level
    short = next(line for line in lines if "issuer.short_name" in line)
    # The short name may be left out (the full name is used), so staff are told they may delete the line.
    assert "không được để trống. Hãy điền nội dung hoặc xóa cả dòng này." in short and "ngoặc kép" not in short
    window = next(line for line in lines if "ubnd-xa-binh-thanh.yaml" in line and ": window: " in line)
    assert "gồm `start:` (Ngày bắt đầu) và `end:` (Ngày kết thúc)" in window and "`chưa rõ`" in window
    place = next(line for line in lines if ": place: " in line)
    assert "hãy viết đúng `chưa rõ`" in place


def test_new_year_works_for_a_past_year_with_no_earlier_year(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    written = scaffold.new_year(root, 2024)
    assert [p.relative_to(root).as_posix() for p in written] == ["campaigns/2024/campaign.yaml", "docs/2024/index.md"]
    lines = problems_of(root / "campaigns")
    assert lines and all("chưa điền" in line or "cảnh báo" in line for line in lines), lines
