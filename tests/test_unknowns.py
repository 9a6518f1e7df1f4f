"""Every fact can be not stated or not known (tests/test_unknowns): a plan whose issuer, type, subject and
lists are `chưa rõ`, a plan known only from a summary, a registry entry without a type, activity posts with
a month or no date. Built for real (`site_build.build_site`): no page, feed, calendar or JSON prints
`chưa rõ` or invents a value, and each part a record cannot know is said once, never left silent.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from conftest import copy_project, line_of, replace_in
from hypothesis import given
from hypothesis import strategies as st
from test_real_documents import SUMMARY, add_real_documents

from campaign_site.data.activities import Post, PostFrontMatter, newest_first
from campaign_site.data.model import Plan
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING
from campaign_site.pages.views.plan import missing_parts
from campaign_site.site_build import SiteBuild, build_site
from campaign_site.words.phrasing import post_when

ANONYMOUS = "2026/ke-hoach/ubnd-xa-khong-ro-ten.md"
PLAN = """\
issuer:
  name: chưa rõ
  level: commune
  province: Lạng Sơn
document:
  type: chưa rõ
  number: chưa rõ
  symbol: chưa rõ
  date: chưa rõ
references:
  - vb-khong-ro-loai
observances:
  - ngay-sang-tao
legal_basis: chưa rõ
themes: chưa rõ
slogans: chưa rõ
content: chưa rõ
forms: chưa rõ
responsibilities: chưa rõ
window: chưa rõ
report_deadlines: chưa rõ
recipients: chưa rõ
signer: chưa rõ
"""
SUMMARY_ONLY = "2026/ke-hoach/ubnd-xa-tan-thanh-tom-tat.md"
SUMMARY_PLAN = """\
issuer:
  short_name: UBND xã Tân Thành
  level: commune
  province: Lạng Sơn
document:
  type: Kế hoạch
observances:
  - ngay-sang-tao
source:
  summary: true
  name: Cổng Thông tin điện tử xã Tân Thành
  read_on: 20/4/2026
"""
REGISTRY = """
  - id: vb-khong-ro-loai
    type: chưa rõ
    number_symbol: 15/SKHCN-VP
    date: 10/4/2026
    issuer: Sở Khoa học và Công nghệ tỉnh Lạng Sơn
    level: province
    summary: về việc tuyên truyền hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới
"""
POSTS = {
    "thang-4": "date: 4/2026\nplace: chưa rõ\n",
    "khong-ro-ngay": "date: chưa rõ\nplace: Nhà văn hóa xã\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    root = copy_project(tmp_path_factory.mktemp("unknowns") / "project")
    add_real_documents(root)
    (root / "campaigns/2026/plans/ubnd-xa-khong-ro-ten.yaml").write_text(PLAN, encoding="utf-8")
    (root / "campaigns/2026/plans/ubnd-xa-tan-thanh-tom-tat.yaml").write_text(SUMMARY_PLAN, encoding="utf-8")
    with (root / "campaigns/documents.yaml").open("a", encoding="utf-8") as file:
        file.write(REGISTRY)
    folder = root / "docs/2026/hoat-dong"
    folder.mkdir(parents=True, exist_ok=True)
    for slug, facts in POSTS.items():
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: Hoạt động {slug}\n{facts}plan: ubnd-xa-khong-ro-ten\nunit: UBND xã\nobservances: [ngay-sang-tao]\n---\n\n"
            "Người dân tham quan các sản phẩm đổi mới sáng tạo.\n", encoding="utf-8")
    return build_site(root, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})


def text(built: SiteBuild, path: str) -> str:
    content = next(f.content for f in built.files if f.path == path)
    return content.decode("utf-8") if isinstance(content, bytes) else content


def texts(built: SiteBuild) -> dict[str, str]:
    """Every page, feed, calendar and JSON the build writes."""
    return {f.path: text(built, f.path) for f in built.files if f.path.endswith((".md", ".ics", ".json", ".xml", ".txt"))}


def test_the_records_pass_the_check(built: SiteBuild) -> None:
    assert built.ok, built.report()


def test_no_output_prints_not_known_as_text_or_a_python_word(built: SiteBuild) -> None:
    for path, content in texts(built).items():
        assert not re.search(r"(?i)\bch(?:ư|u)a r(?:õ|o)\b", content), path
        assert "NOT_KNOWN" not in content and not re.search(r"\bNone\b", content), path


def test_a_plan_without_issuer_type_and_subject_has_a_title_that_invents_nothing(built: SiteBuild) -> None:
    page = text(built, ANONYMOUS)
    assert page.split("\n# ", 1)[1].startswith("Văn bản của một cơ quan ở Lạng Sơn\n")
    assert "**Văn bản (văn bản không nêu trích yếu)**" in page
    assert "- **Cơ quan ban hành:** Chưa có thông tin về cơ quan ban hành\n" in page
    assert 'title: "Một cơ quan ở Lạng Sơn: Văn bản năm 2026"' in page
    listing = text(built, "2026/ke-hoach/index.md") + text(built, "2026/dia-phuong/lang-son.md")
    assert "[Một cơ quan ở Lạng Sơn](" in listing
    json_plan = next(p for p in json.loads(text(built, "2026.json"))["plans"] if p["id"] == "ubnd-xa-khong-ro-ten")
    assert {"issuer.name", "document.type", "legal_basis", "themes", "slogans", "content", "forms", "responsibilities"} <= set(
        json_plan["not_known"])
    assert json_plan["issuer"]["name"] is None and json_plan["document"]["type"] is None


@pytest.mark.parametrize(("page", "sentences"), [
    (ANONYMOUS, ["Chưa có thông tin về căn cứ", "Chưa có thông tin về chủ đề, khẩu hiệu.", "Chưa có thông tin về nội dung",
                 "Chưa có thông tin về hình thức tổ chức", "Chưa có thông tin về phân công thực hiện",
                 "Chưa có thông tin về thời gian thực hiện", "Chưa có thông tin về hạn báo cáo"]),
    (SUMMARY, ["Chưa có thông tin về căn cứ", "Chưa có thông tin về bối cảnh", "Chưa có thông tin về mục đích",
               "Chưa có thông tin về yêu cầu", "Chưa có thông tin về chủ đề, khẩu hiệu.",
               "Chưa có thông tin về nội dung", "Chưa có thông tin về hình thức tổ chức",
               "Chưa có thông tin về phân công thực hiện", "Chưa có thông tin về người ký"]),
])
def test_each_part_a_record_cannot_know_is_said_once(built: SiteBuild, page: str, sentences: list[str]) -> None:
    content = text(built, page)
    for sentence in sentences:
        assert content.count(sentence) == 1, sentence


def test_what_a_summary_leaves_out_is_not_known_never_not_stated(built: SiteBuild) -> None:
    page = text(built, SUMMARY_ONLY)
    assert page.split("\n# ", 1)[1].startswith("Kế hoạch của UBND xã Tân Thành (Lạng Sơn)\n")  # the short name stands in for the name
    assert "**Kế hoạch (chưa có thông tin về trích yếu)**" in page
    for fact in ("cơ quan ban hành", "số, ký hiệu", "ngày ký", "địa danh", "thời gian thực hiện", "hạn báo cáo", "nơi nhận", "căn cứ",
                 "nội dung", "hình thức tổ chức", "phân công thực hiện"):
        assert f"Chưa có thông tin về {fact}" in page, fact
    assert "Văn bản không" not in page and "để trống" not in page
    json_plan = next(p for p in json.loads(text(built, "2026.json"))["plans"] if p["id"] == "ubnd-xa-tan-thanh-tom-tat")
    assert json_plan["not_stated"] == [] and {"issuer.name", "document.number", "document.date", "window", "signer"} <= set(json_plan["not_known"])


def test_a_full_document_that_does_not_state_a_part_has_no_section(built: SiteBuild) -> None:
    content = text(built, ANONYMOUS)
    assert "## Mục đích" not in content and "## Bối cảnh" not in content and "thông điệp" not in content
    # The window and deadlines are said not known in the summary table, not again in a body section of their own.
    assert "## Thời gian thực hiện" not in content and "## Báo cáo kết quả" not in content


def test_a_registry_entry_without_a_type_says_so_and_is_cited_without_one(built: SiteBuild) -> None:
    registry = text(built, "can-cu-phap-ly.md")
    row = registry.split('<tr id="van-ban-vb-khong-ro-loai"', 1)[1].split("</tr>", 1)[0]
    assert "<td>Chưa có thông tin về loại văn bản</td>" in row
    assert "Văn bản số 15/SKHCN-VP" in text(built, ANONYMOUS)


def test_posts_with_a_month_or_no_date_say_so_and_stay_out_of_calendars(built: SiteBuild) -> None:
    month = text(built, "2026/hoat-dong/thang-4.md")
    assert '<time datetime="2026-04">Tháng 4/2026</time> · Chưa có thông tin về địa điểm tổ chức' in month
    unknown = text(built, "2026/hoat-dong/khong-ro-ngay.md")
    assert "Chưa có thông tin về ngày tổ chức · Nhà văn hóa xã" in unknown
    news = text(built, "2026/hoat-dong/index.md")
    assert news.index("Hoạt động thang-4") < news.index("## Năm 2026") < news.index("Hoạt động khong-ro-ngay")  # last, once
    assert news.count("Chưa có thông tin về ngày tổ chức") == 1
    for file in built.files:
        if file.path.endswith(".ics"):
            events = icalendar.Calendar.from_ical(file.content).walk("VEVENT")
            assert not [e for e in events if "thang-4" in str(e["UID"]) or "khong-ro-ngay" in str(e["UID"])], file.path
    atom = text(built, "hoat-dong-2026.xml")
    assert "&lt;time datetime=\"2026-04\"&gt;Tháng 4/2026&lt;/time&gt; · UBND xã" in atom
    assert "Chưa có thông tin về ngày tổ chức · UBND xã, Nhà văn hóa xã." in atom
    activities = {a["id"]: a for a in json.loads(text(built, "2026.json"))["activities"]}
    assert activities["thang-4"]["date"] == "2026-04" and activities["thang-4"]["not_known"] == ["place"]
    assert activities["khong-ro-ngay"]["date"] is None and activities["khong-ro-ngay"]["not_known"] == ["date"]


LISTS = ("addressees", "legal_basis", "context", "purposes", "requirements", "content", "forms", "responsibilities")
VALUES = {"addressees": ["UBND các xã"], "legal_basis": ["cv-1"], "context": ["Bối cảnh."], "purposes": ["Mục đích."],
          "requirements": ["Yêu cầu."], "content": ["Nội dung."], "forms": ["Hình thức."],
          "responsibilities": [{"unit": "Phòng Văn hóa - Xã hội", "tasks": ["Tuyên truyền."]}],
          "themes": ["chu-de"], "slogans": ["khau-hieu"], "messages": ["thong-diep"]}


@given(states=st.fixed_dictionaries({name: st.sampled_from(["stated", "left out", "chưa rõ"]) for name in VALUES}),
       summary=st.booleans(), name=st.sampled_from(["stated", "left out", "chưa rõ"]))
def test_what_a_plan_page_says_it_lacks_is_exactly_what_is_not_known(states: dict[str, str], summary: bool, name: str) -> None:
    data: dict[str, object] = {"issuer": {"level": "national"}, "document": {}, "observances": ["ngay-sang-tao"]}
    for field, state in states.items():
        if state != "left out":
            data[field] = VALUES[field] if state == "stated" else NOT_KNOWN_SPELLING
    if name != "left out":
        data["issuer"] = {"level": "national", "name": "Bộ Khoa học và Công nghệ" if name == "stated" else NOT_KNOWN_SPELLING}
    if summary:
        data["source"] = {"summary": True, "name": "Cổng Thông tin điện tử Chính phủ", "read_on": "20/4/2026"}
    plan = Plan.model_validate(data)
    missing = missing_parts(plan)

    def unknown(field: str) -> bool:
        return states[field] == "chưa rõ" or (summary and states[field] == "left out")

    for field in LISTS:
        expected = unknown(field) and not (field == "addressees" and states[field] == "left out")
        assert bool(missing[field]) == expected, field
        assert not missing[field] or missing[field].startswith("Chưa có thông tin về ")
    kinds = [k for k, f in (("chủ đề", "themes"), ("khẩu hiệu", "slogans"), ("thông điệp", "messages"))
             if unknown(f) and not (f == "messages" and states[f] == "left out")]
    assert missing["phrases"] == ("Chưa có thông tin về " + ", ".join(kinds) if kinds else "")
    # The title names the issuer only as far as the record does, and never prints `chưa rõ`.
    assert plan.title == ("Văn bản của Bộ Khoa học và Công nghệ" if name == "stated" else "Văn bản của một cơ quan trung ương")
    assert plan.not_known(plan.issuer.name) == (name == "chưa rõ" or (summary and name == "left out"))


@pytest.mark.parametrize(("file", "old", "new", "field", "instead"), [
    ("campaigns/2026/plans/so-khcn-lang-son.yaml", "  - unit: Sở Khoa học và Công nghệ\n", "  - unit: Chưa rõ\n",
     "responsibilities[0].unit", "hãy viết `responsibilities: chưa rõ` thay cho cả mục"),
    ("campaigns/documents.yaml", "    issuer: Bộ Chính trị\n", "    issuer: chưa rõ\n", "documents[0].issuer", "hãy ghi đúng như văn bản."),
    ("docs/2026/hoat-dong/thang-4.md", "unit: UBND xã\n", "unit: không rõ\n", "unit", "hãy ghi đúng như văn bản."),
])
def test_not_known_where_a_field_does_not_take_it_is_an_error_at_its_line(
        tmp_path: Path, file: str, old: str, new: str, field: str, instead: str) -> None:
    root = copy_project(tmp_path / "project")
    post = root / "docs/2026/hoat-dong/thang-4.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text("---\ntitle: Hoạt động\ndate: 4/2026\nplan: so-khcn-lang-son\nunit: UBND xã\nobservances: [ngay-sang-tao]\n---\n\n"
                    "Người dân tham quan.\n", encoding="utf-8")
    replace_in(root / file, old, new)
    built = build_site(root, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})
    [problem] = [p for p in built.problems if p.severity == "error" and p.file == file]
    assert (problem.file, problem.line, problem.field) == (file, line_of(root / file, new.strip()), field)
    assert f"trường này không nhận `{new.split(': ', 1)[1].strip()}`" in problem.message and instead in problem.message
    assert not built.files


HELD = st.one_of(
    st.dates(date(2026, 1, 1), date(2026, 12, 31)).map(lambda d: f"{d.day}/{d.month}/2026"),
    st.integers(1, 12).map(lambda m: f"{m}/2026"),
    st.just("2026"), st.just(NOT_KNOWN_SPELLING), st.none(),
)


@given(helds=st.lists(HELD, min_size=1, max_size=6))
def test_a_post_says_when_it_was_held_only_as_far_as_it_knows(helds: list[str | None]) -> None:
    plan = Plan.model_validate({"issuer": {"level": "national"}, "document": {}, "observances": ["ngay-sang-tao"]})
    posts = []
    for n, held in enumerate(helds):
        front = {"title": f"Bài {n}", "plan": "p", "unit": "UBND xã", "observances": ["ngay-sang-tao"]}
        posts.append(Post(2026, f"bai-{n}", f"bai-{n}.md", PostFrontMatter.model_validate(front | ({"date": held} if held else {})),
                          "", plan, ()))
    for held, post in zip(helds, posts, strict=True):
        shown = str(post_when(post))
        if held is None or held == NOT_KNOWN_SPELLING:
            assert shown == ("Chưa có thông tin về ngày tổ chức" if held else "Bài viết không nêu ngày tổ chức")
            assert post.start is None
        elif held.count("/") == 2:
            day, month, _ = held.split("/")
            assert f'datetime="2026-{int(month):02d}-{int(day):02d}"' in shown and post.start == date(2026, int(month), int(day))
        else:
            assert post.start is None and shown.endswith(f">{'Tháng ' + held if '/' in held else 'Năm 2026'}</time>")
    # Newest first, a post whose date is not given or not known comes after every post that has one.
    ordered = newest_first(posts)
    dated = [p.held_on is not None for p in ordered]
    assert dated == sorted(dated, reverse=True)


@pytest.mark.parametrize(("facts", "field", "message"), [
    ("date: 4/2026\nend_date: 22/4/2026\n", "end_date", "ngày bắt đầu (`date`) chưa đủ ngày, tháng, năm"),
    ("date: chưa rõ\nend_date: 22/4/2026\n", "end_date", "Hãy ghi đủ ngày bắt đầu, hoặc xóa dòng `end_date`"),
    ("date: 2025\n", "date", "ngày 2025 không thuộc năm 2026"),
    ("date: chua ro\n", "date", "hãy viết đúng `chưa rõ`"),
])
def test_a_partial_post_date_is_checked_at_its_line(tmp_path: Path, facts: str, field: str, message: str) -> None:
    root = copy_project(tmp_path / "project")
    post = root / "docs/2026/hoat-dong/bai.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(f"---\ntitle: Hoạt động\n{facts}plan: so-khcn-lang-son\nunit: UBND xã\nobservances: [ngay-sang-tao]\n---\n\n"
                    "Người dân tham quan.\n", encoding="utf-8")
    built = build_site(root, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})
    [problem] = [p for p in built.problems if p.severity == "error"]
    assert (problem.file, problem.line, problem.field) == ("docs/2026/hoat-dong/bai.md", line_of(post, f"{field}:"), field)
    assert message in problem.message
