"""What a document says, kept as it says it: the modality of its linked days ("có thể", "khuyến khích",
"đề nghị"), the name it gives a period inside its window, and which values staff could only infer.

Built in-process with the façade (`site_build.build_site`) from a copy of the shipped project, with the
records edited as a staff member would; the calendar files are parsed with icalendar.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from conftest import REPO, copy_project, line_of, replace_in
from hypothesis import given
from hypothesis import strategies as st
from test_real_documents import problems_of

from campaign_site.core.markdown_text import escape
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan
from campaign_site.data.placeholders import REVIEW_PREFIX
from campaign_site.data.unknowns import is_not_known_slip
from campaign_site.data.wording import LINK_MODALITIES, link_lead
from campaign_site.importing import deadlines
from campaign_site.importing.extract import extract
from campaign_site.site_build import SiteBuild, build_site
from campaign_site.words.phrasing import issuer_name

LAI_CHAU = "2026/plans/so-khcn-lai-chau.yaml"
BINH_THANH = "2026/plans/ubnd-xa-binh-thanh.yaml"
INFERRED = "(suy ra từ nguồn, chưa đối chiếu văn bản)"
LINKED = ("observances:\n  - ngay-sang-tao\n",
          "observances:\n  - ngay-sang-tao\nlinked_observances:\n  - ngay-so-huu-tri-tue\n  - ngay-khoa-hoc-cong-nghe\n"
          "linked_modality: may\n")
PEAK = ("  end: 26/4/2026\n", "  end: 26/4/2026\n  peak:\n    start: 20/4/2026\n    end: 22/4/2026\n"
        "    name: thời gian tổ chức các hoạt động chính\n")


def edit_records(campaigns: Path) -> None:
    """Lai Châu's dispatch as it reads: it *may* link to 26/4 and 18/5; a main-activity period with its own
    name. Bình Thành's issuer name and province as if known only from a news item."""
    replace_in(campaigns / LAI_CHAU, *LINKED)
    replace_in(campaigns / LAI_CHAU, *PEAK)
    replace_in(campaigns / BINH_THANH, "place: Bình Thành\n", "place: Bình Thành\ninferred: [issuer.name, issuer.province]\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    root = copy_project(tmp_path_factory.mktemp("modality") / "project")
    edit_records(root / "campaigns")
    return build_site(root, date(2026, 4, 1), datetime(2026, 4, 1, tzinfo=UTC), {})


def text(built: SiteBuild, path: str) -> str:
    content = next(f.content for f in built.files if f.path == path)
    return content.decode("utf-8") if isinstance(content, bytes) else content


def events(built: SiteBuild, path: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text(built, path)).walk("VEVENT"))


def test_a_link_the_document_makes_optional_stays_optional_on_the_page(built: SiteBuild) -> None:
    page = text(built, "2026/ke-hoach/so-khcn-lai-chau.md")
    assert '- **Có thể kết nối các hoạt động với:** <time datetime="2026-04-26">26/4</time>: Ngày Sở hữu trí tuệ thế giới; ' in page
    assert 'Có thể kết nối các hoạt động với: <time datetime="2026-04-26">26/4</time>: Ngày Sở hữu trí tuệ thế giới; ' in page
    assert "Các hoạt động kết nối với" not in page and "**Kết nối với:**" not in page


def test_a_link_the_document_makes_optional_stays_optional_in_the_calendar(built: SiteBuild) -> None:
    descriptions = [str(e["DESCRIPTION"]) for e in events(built, "lich/2026/so-khcn-lai-chau.ics")]
    assert len(descriptions) == 2  # the window and the named period inside it
    for description in descriptions:
        assert "Có thể kết nối các hoạt động với: Ngày Sở hữu trí tuệ thế giới (26/4); Ngày Khoa học và Công nghệ Việt Nam (18/5)." in description
        assert "Kết nối với" not in description


def test_a_period_inside_the_window_keeps_the_documents_name(built: SiteBuild) -> None:
    page = text(built, "2026/ke-hoach/so-khcn-lai-chau.md")
    assert '- **Thời gian tổ chức các hoạt động chính:** từ ngày <time datetime="2026-04-20">20/4/2026</time> đến hết ngày' in page
    assert 'Thời gian tổ chức các hoạt động chính: từ ngày <time datetime="2026-04-20">20/4/2026</time>' in page
    assert "cao điểm" not in page
    titles = sorted(str(e["SUMMARY"]) for e in events(built, "lich/2026/so-khcn-lai-chau.ics"))
    assert titles == ["Sở KH&CN Lai Châu: thời gian thực hiện kế hoạch", "Sở KH&CN Lai Châu: thời gian tổ chức các hoạt động chính"]
    assert all("cao điểm" not in str(e["DESCRIPTION"]) for e in events(built, "lich/2026.ics"))


def test_an_inferred_value_is_said_to_be_inferred_wherever_it_is_printed(built: SiteBuild) -> None:
    page = text(built, "2026/ke-hoach/ubnd-xa-binh-thanh.md")
    assert ("**Lưu ý:** Tên cơ quan ban hành và tỉnh, thành phố của cơ quan ban hành được suy ra từ nguồn, "
            "chưa đối chiếu văn bản.") in page
    assert f"- **Cơ quan ban hành:** Ủy ban nhân dân xã Bình Thành, thuộc Thái Nguyên {INFERRED}\n" in page
    for listing in ("2026/ke-hoach/index.md", "2026/dia-phuong/thai-nguyen.md"):
        assert f"Ủy ban nhân dân xã Bình Thành, thuộc Thái Nguyên {INFERRED}" in text(built, listing), listing
    assert INFERRED not in text(built, "2026/ke-hoach/so-khcn-lai-chau.md")
    feeds = ("lich/2026/ubnd-xa-binh-thanh.ics", "lich/2026/han-bao-cao/ubnd-xa-binh-thanh.ics")
    described = [str(e["DESCRIPTION"]) for feed in feeds for e in events(built, feed)]
    assert len(described) == 3 and all(f"của Ủy ban nhân dân xã Bình Thành {INFERRED}" in d for d in described), described
    plans = {p["id"]: p for p in json.loads(text(built, "2026.json"))["plans"]}
    assert plans["ubnd-xa-binh-thanh"]["inferred"] == ["issuer.name", "issuer.province"]
    assert plans["so-khcn-lai-chau"]["inferred"] == []
    assert plans["so-khcn-lai-chau"]["linked_modality"] == "may"
    assert plans["so-khcn-lai-chau"]["window"]["peak"]["name"] == "thời gian tổ chức các hoạt động chính"


@given(st.sampled_from([None, *LINK_MODALITIES]))
def test_the_link_lead_never_states_more_than_the_document(modality: str | None) -> None:
    """Only a link the document states plainly reads as a plain statement; every other keeps its word."""
    lead = link_lead(modality)
    definite = lead.startswith("Các hoạt động")
    assert definite == (modality == "stated")
    words = {"may": "Có thể", "encouraged": "Khuyến khích", "requested": "Đề nghị", None: "nhắc tới"}
    if modality in words:
        assert words[modality] in lead


def test_a_qualifier_without_its_value_is_refused_at_its_line(tmp_path: Path) -> None:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    replace_in(campaigns / LAI_CHAU, "place: Lai Châu\n", "inferred:\n  - issuer.name\n  - issuer.province\n  - place\n")
    replace_in(campaigns / BINH_THANH, "place: Bình Thành\n", "place: Bình Thành\nlinked_modality: may\n")
    lines = problems_of(campaigns)
    where = f"campaigns/{LAI_CHAU}:{line_of(campaigns / LAI_CHAU, '  - place')}: inferred[2]: trường `place` không có giá trị"
    assert any(line.startswith(where) for line in lines), lines
    where = f"campaigns/{BINH_THANH}:{line_of(campaigns / BINH_THANH, 'linked_modality')}: linked_modality: "
    assert any(line.startswith(where) and "không có ngày kỷ niệm được kết nối" in line for line in lines), lines
    assert not [line for line in lines if "inferred[0]" in line or "inferred[1]" in line]


def test_linked_days_without_their_wording_are_a_warning(tmp_path: Path) -> None:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    replace_in(campaigns / LAI_CHAU, LINKED[0], LINKED[0] + "linked_observances:\n  - ngay-so-huu-tri-tue\n")
    lines = problems_of(campaigns)
    where = f"campaigns/{LAI_CHAU}:{line_of(campaigns / LAI_CHAU, 'linked_observances:')}: linked_observances: cảnh báo:"
    assert any(line.startswith(where) and "`linked_modality:`" in line for line in lines), lines


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Có thể phối hợp, kết nối với các hoạt động hướng đến chào mừng Ngày Sở hữu trí tuệ thế giới 26/4.", "may"),
        ("Khuyến khích các đơn vị kết nối với các hoạt động chào mừng Ngày Sở hữu trí tuệ thế giới 26/4.", "encouraged"),
        ("Đề nghị các đơn vị kết nối với các hoạt động chào mừng Ngày Sở hữu trí tuệ thế giới 26/4.", "requested"),
        ("Các hoạt động kết nối với Ngày Sở hữu trí tuệ thế giới 26/4.", None),
    ],
)
def test_the_importer_reads_the_word_that_qualifies_the_link(sentence: str, modality: str | None) -> None:
    site = load_site(REPO / "campaigns")
    document = (
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAI CHÂU\nSố: 12/SKHCN-QL\nLai Châu, ngày 15 tháng 4 năm 2026\n"
        "V/v hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026\n"
        f"1. Thời gian: từ ngày 18/4/2026 đến hết ngày 26/4/2026. {sentence}\n"
    )
    draft = extract(document, site.documents, site.observances, site.campaigns[2026].phrases(), 2026)
    assert [obs.removeprefix(REVIEW_PREFIX) for obs in draft.plan.get("linked_observances", [])] == ["ngay-so-huu-tri-tue"]
    found = draft.plan.get("linked_modality")
    assert (found.removeprefix(REVIEW_PREFIX) if found else None) == modality
    if modality is None:
        assert any("linked_modality" in note for note in draft.notes)


MODAL_WORDS = ("có thể", "khuyến khích", "đề nghị")


def test_forms_tasks_and_units_keep_every_modal_word_of_the_document(built: SiteBuild) -> None:
    """No label the page adds stands in for the document's "có thể", "khuyến khích" or "đề nghị": each
    form, task and unit is printed with as many of them as the record holds."""
    site = load_site(REPO / "campaigns")
    checked = 0
    for campaign in site.campaigns.values():
        for plan in campaign.plans:
            page = " ".join(text(built, f"{plan.year}/ke-hoach/{plan.id}.md").lower().split())
            held = [escape(item) for item in
                    (*plan.forms, *(r.unit for r in plan.responsibilities), *(t.text for r in plan.responsibilities for t in r.tasks))]
            for item in held:
                assert " ".join(item.lower().split()) in page, item
            for word in MODAL_WORDS:
                in_record = sum(" ".join(item.lower().split()).count(word) for item in held)
                checked += in_record
                assert page.count(word) >= in_record, (plan.id, word)
    assert checked >= 5  # the shipped plans use these words in their forms and tasks


_NAMES = (st.text(st.characters(categories=["L", "N"], include_characters=" ,-"), min_size=1, max_size=40).map(str.strip)
          .filter(lambda name: bool(name) and not is_not_known_slip(name)))  # "chưa biết" is refused as a name, rightly


@given(_NAMES, _NAMES, st.booleans(), st.booleans())
def test_an_issuer_name_carries_the_qualifier_exactly_when_part_of_it_is_inferred(
        name: str, province: str, name_inferred: bool, province_inferred: bool) -> None:
    inferred = [path for path, flag in (("issuer.name", name_inferred), ("issuer.province", province_inferred)) if flag]
    plan = Plan.model_validate({
        "issuer": {"name": name, "short_name": name, "level": "province", "province": province},
        "document": {"type": "Kế hoạch", "subject": "hưởng ứng"}, "observances": ["ngay-sang-tao"], "inferred": inferred,
    })
    shown = issuer_name(plan)
    assert shown.startswith(" ".join(name.split()))
    assert (INFERRED.strip("()") in shown) == bool(inferred)
    assert shown.endswith(INFERRED) == name_inferred
    assert (f"thuộc {' '.join(province.split())}" in shown) == province_inferred or province in name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("từ ngày 15/4/2026 đến hết ngày 5/5/2026; thời gian tổ chức các hoạt động chính từ ngày 18/4/2026 đến ngày 21/4/2026.",
         "thời gian tổ chức các hoạt động chính"),
        ("từ ngày 15/4/2026 đến hết ngày 5/5/2026, cao điểm từ ngày 18/4/2026 đến ngày 21/4/2026.", None),
    ],
)
def test_the_importer_keeps_the_name_the_document_gives_a_period(sentence: str, name: str | None) -> None:
    window, _ = deadlines.window([sentence], 2026)
    assert window is not None
    peak = window["peak"]
    assert (peak["start"], peak["end"]) == ("18/4/2026", "21/4/2026")
    assert peak.get("name") == (f"{REVIEW_PREFIX}{name}" if name else None)
