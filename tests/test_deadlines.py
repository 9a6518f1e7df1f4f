"""Deadlines mean what the document says, and calendars are offered only where there are events.

One table holds every deadline wording the shipped plans, tests/golden, tests/real_documents,
tests/import_documents and the five source documents use, and the other wordings documents use: the
words as printed → the rule → the day a report is last on time. It is checked through the importer (the
texts are read again), against the records (YAML read without our loader, then through the model), and
through the calendar: a build (`site_build.build_site`) of tests/golden with the plans of
tests/deadline_plans, whose .ics files are parsed with icalendar.

The same build holds three documents of one issuer in one year, which every list, calendar, feed and
open-data file must tell apart, and plans without a window or without deadlines, which get no calendar
of that kind.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from project_copy import copy_banner_cache

from campaign_site.data import paths, plan_names, vn_dates
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan, ReportDeadline
from campaign_site.data.placeholders import REVIEW_PREFIX
from campaign_site.data.wording import DEADLINE_RULES
from campaign_site.importing import deadlines
from campaign_site.importing.extract import document_year, extract
from campaign_site.site_build import SiteBuild, build_site
from campaign_site.words.phrasing import deadline_party, deadline_words, deadline_written

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"


@dataclass(frozen=True)
class Wording:
    """A deadline as a document prints it, the rule it is recorded with and the day it is due."""

    printed: str
    rule: str
    due: date
    texts: tuple[str, ...] = ()
    """Documents whose text sets it: a seed's file name, or a path under tests/."""
    records: tuple[str, ...] = ()
    """Records that hold it, as paths under the repository."""
    sentence: str = ""
    """For a wording no document here uses: a sentence as a document would write it."""


TABLE = [
    Wording("trước ngày 15/5/2026", "before", date(2026, 5, 14), ("000_02631c3e3aa1d618.txt",),
            ("campaigns/2026/plans/so-khcn-lang-son.yaml",)),
    Wording("trước ngày 10/5/2026", "before", date(2026, 5, 9), ("001_17e1e73a82d28e15.txt",),
            ("campaigns/2026/plans/so-khcn-lai-chau.yaml", "tests/golden/campaigns/2026/plans/so-khcn-lai-chau.yaml")),
    Wording("chậm nhất ngày 03/5/2026", "no_later_than", date(2026, 5, 3), ("003_7150dcc81a02de69.txt",),
            ("campaigns/2026/plans/ubnd-xa-binh-thanh.yaml", "tests/golden/campaigns/2026/plans/ubnd-xa-binh-thanh.yaml")),
    Wording("trước ngày 05/5/2026", "before", date(2026, 5, 4), ("003_7150dcc81a02de69.txt",),
            ("campaigns/2026/plans/ubnd-xa-binh-thanh.yaml", "tests/golden/campaigns/2026/plans/ubnd-xa-binh-thanh.yaml")),
    Wording("trước ngày 06/5/2025", "before", date(2025, 5, 5), ("004_f037ea7e659180aa.txt",),
            ("campaigns/2025/plans/so-khcn-thanh-hoa.yaml",)),
    Wording("chậm nhất ngày 30/5/2026", "no_later_than", date(2026, 5, 30), ("import_documents/ubnd-phu-tho.txt",)),
    Wording("trước ngày 27/5/2026", "before", date(2026, 5, 26), ("import_documents/ubnd-phu-tho.txt",)),
    Wording("chậm nhất ngày 05/6/2026", "no_later_than", date(2026, 6, 5),
            records=("tests/real_documents/2026/plans/ubnd-tinh-tuyen-quang-tom-tat.yaml",)),
    Wording("đến ngày 12/5/2026", "until", date(2026, 5, 12),
            sentence="Các thôn gửi báo cáo kết quả về UBND xã đến ngày 12/5/2026."),
    Wording("trong ngày 13/5/2026", "within", date(2026, 5, 13),
            sentence="Các trường học báo cáo kết quả về Phòng Văn hóa - Xã hội trong ngày 13/5/2026."),
    Wording("hạn cuối ngày 14/5/2026", "final_day", date(2026, 5, 14),
            sentence="Các đơn vị gửi báo cáo về Văn phòng HĐND và UBND xã, hạn cuối ngày 14/5/2026."),
    Wording("không muộn hơn ngày 16/5/2026", "not_after", date(2026, 5, 16),
            sentence="Các hợp tác xã gửi báo cáo về UBND xã không muộn hơn ngày 16/5/2026."),
    Wording("hạn chót ngày 17/5/2026", "deadline_day", date(2026, 5, 17),
            sentence="Các chi hội báo cáo kết quả về Hội Nông dân xã hạn chót ngày 17/5/2026."),
    Wording("muộn nhất ngày 19/5/2026", "latest", date(2026, 5, 19),
            sentence="Các doanh nghiệp gửi báo cáo về UBND xã muộn nhất là ngày 19/5/2026."),
    Wording("trước ngày 01/6/2026", "before", date(2026, 5, 31),
            sentence="Các tổ dân phố gửi báo cáo về UBND phường trước ngày 01/6/2026."),
]
"""Every wording, with where it is printed. Dates are as pages print them (Decree 30: 05/5, 30/01)."""


def written_date(wording: Wording) -> date:
    day, month, year = (int(part) for part in wording.printed.rsplit(" ", 1)[1].split("/"))
    return date(year, month, day)


def said(wording: Wording) -> str:
    """How pages and calendars say the deadline: the document's words where they name the last day on time,
    else that day, then the document's words as written."""
    if wording.rule != "before":
        return wording.printed
    return f"chậm nhất ngày {wording.due:%d}/{wording.due.month}/{wording.due.year} (văn bản ghi: {wording.printed})"


def recorded(day: object, rule: str) -> ReportDeadline:
    """A deadline through the model, from a date as a record or the importer writes it."""
    return ReportDeadline.model_validate({"date": str(day), "rule": rule, "reporter": "Các đơn vị", "recipient": "UBND xã"})


def deadline(wording: Wording) -> ReportDeadline:
    return recorded(written_date(wording).strftime("%d/%m/%Y"), wording.rule)


def test_every_rule_is_in_the_table_and_only_before_moves_the_day() -> None:
    assert {w.rule for w in TABLE} == set(DEADLINE_RULES)
    for wording in TABLE:
        assert wording.printed.startswith(DEADLINE_RULES[wording.rule] + " "), wording
        assert (written_date(wording) - wording.due).days == (1 if wording.rule == "before" else 0), wording


@pytest.mark.parametrize("wording", TABLE, ids=lambda w: w.printed)
def test_the_model_words_it_as_printed_and_is_due_on_the_due_day(wording: Wording) -> None:
    found = deadline(wording)
    assert deadline_written(found) == wording.printed
    assert found.due == wording.due
    assert deadline_words(found) == said(wording)


def _source_text(name: str) -> str:
    path = TESTS / name if "/" in name else SEEDS / name
    if not path.is_file():
        pytest.skip(f"{path} is not beside this checkout")
    return path.read_text(encoding="utf-8")


TEXTS = sorted({name for w in TABLE for name in w.texts} | {"002_4d88804107582ac3.txt"})
"""Every document text of the table, and the source document that sets no deadline."""


@pytest.mark.parametrize("name", TEXTS)
def test_the_importer_reads_each_document_s_deadlines_with_their_rule(name: str) -> None:
    site = load_site(REPO / "campaigns")
    text = _source_text(name)
    year = document_year(text)
    assert year is not None
    draft = extract(text, site.documents, site.observances, site.campaigns[year].phrases() if year in site.campaigns else {}, year)
    found = {(deadline_written(recorded(d["date"].removeprefix(REVIEW_PREFIX), d["rule"])), d["rule"])
             for d in draft.plan.get("report_deadlines", [])}
    assert found == {(w.printed, w.rule) for w in TABLE if name in w.texts}


@pytest.mark.parametrize("wording", [w for w in TABLE if w.sentence], ids=lambda w: w.printed)
def test_the_importer_maps_every_other_wording_to_its_rule(wording: Wording) -> None:
    found = deadlines.find(wording.sentence, None, 2026)
    assert [(d.date, d.rule) for d in found] == [(f"{written_date(wording).day}/{written_date(wording).month}/2026", wording.rule)]
    assert DEADLINE_RULES[wording.rule] in wording.sentence.replace("muộn nhất là ngày", "muộn nhất ngày")


@pytest.mark.parametrize("sentence", [
    "Tổ chức từ ngày 15/4/2026 đến ngày 26/4/2026 và gửi báo cáo về UBND xã trước ngày 30/4/2026.",
    "Các thôn treo băng rôn trong ngày 21/4/2026 và gửi báo cáo về UBND xã trước ngày 30/4/2026.",
    "Tuyên truyền đến ngày 26/4/2026; gửi báo cáo về UBND xã trước ngày 30/4/2026.",
])
def test_days_of_activities_are_no_deadline(sentence: str) -> None:
    """`đến ngày` ending a span, and `trong ngày`, `đến ngày` before any report is asked, date activities."""
    assert [(d.date, d.rule) for d in deadlines.find(sentence, None, 2026)] == [("30/4/2026", "before")]


RECORDS = sorted({r for w in TABLE for r in w.records} | {
    p.relative_to(REPO).as_posix() for folder in ("campaigns", "tests/golden/campaigns", "tests/real_documents")
    for p in (REPO / folder).glob("*/plans/*.yaml")})


@pytest.mark.parametrize("record", RECORDS)
def test_every_deadline_recorded_is_in_the_table(record: str) -> None:
    """Each record's deadlines, read without our loader, are the table's rows naming that record."""
    data = yaml.safe_load((REPO / record).read_text(encoding="utf-8"))
    entries = data.get("report_deadlines")
    held = {(deadline_written(recorded(d["date"], d["rule"])), d["rule"]) for d in (entries if isinstance(entries, list) else [])}
    assert held == {(w.printed, w.rule) for w in TABLE if record in w.records}


# --- Through the calendar: a build of tests/golden with the plans of tests/deadline_plans. ---

NAMESAKES = {
    "ubnd-xa-minh-tan-21-4": "số 12/KH-UBND, ngày 10/4/2026",
    "ubnd-xa-minh-tan-18-5": "số 20/KH-UBND, ngày 20/4/2026",
    "ubnd-xa-minh-tan-cong-van": "về treo băng rôn hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới",
}
"""Three documents of UBND xã Minh Tân in 2026, and the words that tell each apart after a comma (its subject
when its number and date are not known)."""
BUILT_ON = date(2026, 4, 1)
PLACE = " (Thái Nguyên)"
"""The province these communes' names carry wherever they are listed."""
ALL_WORDINGS = "ubnd-xa-tan-lap"
"""A plan with no window and one deadline for each wording of the table."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    root = tmp_path_factory.mktemp("deadlines")
    shutil.copytree(GOLDEN / "campaigns", root / "campaigns")
    shutil.copytree(GOLDEN / "docs", root / "docs")
    shutil.copytree(TESTS / "deadline_plans" / "2026", root / "campaigns" / "2026", dirs_exist_ok=True)
    copy_banner_cache(root)  # the golden data's themes are the shipped ones
    plan = root / "campaigns" / "2026" / "plans" / f"{ALL_WORDINGS}.yaml"
    with plan.open("a", encoding="utf-8") as file:
        for wording in TABLE:
            file.write(f"  - date: {written_date(wording):%d/%m/%Y}\n    rule: {wording.rule}\n"
                       f"    reporter: Các đơn vị\n    recipient: UBND xã\n")
    build = build_site(root, BUILT_ON, datetime(2026, 4, 1, tzinfo=UTC), {})
    assert build.ok, build.report()
    return build


def text(built: SiteBuild, path: str) -> str:
    content = next(f.content for f in built.files if f.path == path)
    return content.decode("utf-8") if isinstance(content, bytes) else content


def written(built: SiteBuild) -> set[str]:
    return {f.path for f in built.files}


def staff_feed(plan_id: str) -> str:
    return f"lich/2026/han-bao-cao/{plan_id}.ics"


TITLE_LEAD = "UBND xã Tân Lập (Thái Nguyên): Các đơn vị báo cáo UBND xã "
"""How the SUMMARY of each deadline of the plan with every wording starts: who reports to whom, in plain words."""


def test_each_wording_is_an_all_day_event_on_its_due_day_said_once(built: SiteBuild) -> None:
    events = icalendar.Calendar.from_ical(text(built, staff_feed(ALL_WORDINGS))).walk("VEVENT")
    by_words = {str(e["SUMMARY"]).removeprefix(TITLE_LEAD): e for e in events}
    assert set(by_words) == {said(w) for w in TABLE}
    for wording in TABLE:
        event = by_words[said(wording)]
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (wording.due, wording.due + timedelta(days=1)), wording
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert f"báo cáo kết quả về UBND xã {said(wording)}, theo" in str(event["DESCRIPTION"]), wording


def test_the_year_feeds_json_and_month_grid_put_each_deadline_on_its_due_day(built: SiteBuild) -> None:
    year_feed = icalendar.Calendar.from_ical(text(built, "lich/2026-han-bao-cao.ics")).walk("VEVENT")
    in_2026 = [w for w in TABLE if w.due.year == 2026]
    starts = sorted(e.decoded("dtstart") for e in year_feed if "UBND xã Tân Lập" in str(e["DESCRIPTION"])
                    or "Ủy ban nhân dân xã Tân Lập" in str(e["DESCRIPTION"]))
    assert starts == sorted(w.due for w in TABLE)
    data = json.loads(text(built, "2026.json"))
    plan = next(p for p in data["plans"] if p["id"] == ALL_WORDINGS)
    assert sorted(d["due"] for d in plan["report_deadlines"]) == sorted(w.due.isoformat() for w in TABLE)
    dated = {d["title"].removeprefix(TITLE_LEAD): d["start"] for d in data["dates"] if d["plan"] == ALL_WORDINGS}
    assert dated == {said(w): w.due.isoformat() for w in TABLE}
    grid = BeautifulSoup(text(built, "2026/lich.md"), "html.parser")
    for wording in in_2026:
        cell = grid.select_one(f'td.cal-day time[datetime="{wording.due.isoformat()}"]').parent
        assert TITLE_LEAD + said(wording) in cell.get_text(), wording
        if wording.rule == "before":
            day = grid.select_one(f'td.cal-day time[datetime="{written_date(wording).isoformat()}"]')
            assert day is None or TITLE_LEAD + said(wording) not in day.parent.get_text(), wording


def test_the_plan_page_quotes_the_document_and_says_the_last_day_plainly(built: SiteBuild) -> None:
    page = text(built, f"2026/ke-hoach/{ALL_WORDINGS}.md")
    for wording in TABLE:
        words, day = wording.printed.rsplit(" ", 1)
        quoted = f'{words} <time datetime="{written_date(wording).isoformat()}">{day}</time>'
        due = f'chậm nhất ngày <time datetime="{wording.due.isoformat()}">{wording.due:%d}/{wording.due.month}/{wording.due.year}</time>'
        # The report deadlines section's own line, not the line at a glance that joins them all.
        line = next(line for line in page.splitlines() if line.startswith("- ") and not line.startswith("- **") and quoted in line)
        if wording.rule == "before":  # the last day said once, the document's words after it, marked as quoted
            assert f"{due} (văn bản ghi: {quoted})" in line, line
        else:
            assert "văn bản ghi" not in line and "chậm nhất" not in line.replace(quoted, ""), line


def test_upcoming_dates_are_ordered_by_due_day(built: SiteBuild) -> None:
    """The calendar page's coming dates (those from the build day on) in due-day order, each on its due day."""
    listed = re.findall(r'<li class="cal-item cal-item--deadline" data-start="([\d-]+)"[^>]*>.*?\[(.+?)\]\(',
                        text(built, "2026/lich.md"))
    lead = TITLE_LEAD.replace("(", "\\(").replace(")", "\\)")  # as Markdown link text escapes them, if it does
    coming = [(start, words.replace(lead, TITLE_LEAD).removeprefix(TITLE_LEAD)) for start, words in listed
              if start >= BUILT_ON.isoformat() and TITLE_LEAD in words.replace(lead, TITLE_LEAD)]
    assert [start for start, _ in coming] == sorted(start for start, _ in coming)
    assert {words: start for start, words in coming} == {said(w): w.due.isoformat() for w in TABLE if w.due >= BUILT_ON}


def test_a_calendar_is_written_and_offered_only_where_it_has_events(built: SiteBuild) -> None:
    files = written(built)
    no_dates, only_deadlines = "ubnd-xa-minh-tan-cong-van", ALL_WORDINGS
    assert f"lich/2026/{no_dates}.ics" not in files and staff_feed(no_dates) not in files
    assert f"lich/2026/{only_deadlines}.ics" not in files and staff_feed(only_deadlines) in files
    assert "lich/2026/ubnd-xa-minh-tan-18-5.ics" in files and staff_feed("ubnd-xa-minh-tan-18-5") not in files
    for path in files:
        if path.endswith(".ics"):
            assert icalendar.Calendar.from_ical(text(built, path)).walk("VEVENT"), f"{path} is empty"
    page = text(built, f"2026/ke-hoach/{no_dates}.md")
    assert ".ics" not in page and "Sao chép địa chỉ" not in page and "Thêm vào lịch" not in page
    page = text(built, f"2026/ke-hoach/{only_deadlines}.md")
    assert page.count("Sao chép địa chỉ") == 1 and staff_feed(only_deadlines) in page and "**Lịch cho người dân:**" not in page
    calendar = text(built, "2026/lich.md")
    assert f"lich/2026/{no_dates}.ics" not in calendar and staff_feed(no_dates) not in calendar
    assert f"lich/2026/{only_deadlines}.ics" not in calendar and staff_feed(only_deadlines) in calendar


def names(listing: str) -> set[str]:
    """Every link text of the listing that names UBND xã Minh Tân."""
    return set(re.findall(r"\[([^\]]*Minh Tân[^\]]*)\]", listing))


BARE = {"Ủy ban nhân dân xã Minh Tân", "UBND xã Minh Tân", "Kế hoạch của Ủy ban nhân dân xã Minh Tân",
        "Công văn của Ủy ban nhân dân xã Minh Tân"}
"""The names that would not tell the three documents apart."""


@pytest.mark.parametrize("page", ["2026/ke-hoach/index.md", "2026/dia-phuong/thai-nguyen.md", "2026/index.md"])
def test_plan_lists_tell_the_issuer_s_plans_apart(built: SiteBuild, page: str) -> None:
    listed = names(text(built, page))
    assert {f"Ủy ban nhân dân xã Minh Tân{PLACE}, {words}" for words in NAMESAKES.values()} <= listed
    assert not listed & BARE, listed


def test_the_banners_and_year_pages_tell_the_plans_citing_a_slogan_apart(built: SiteBuild) -> None:
    listed = names(text(built, "2026/bang-ron.md"))
    assert listed == {f"UBND xã Minh Tân{PLACE}, {words}" for words in NAMESAKES.values()}, listed
    cited = re.search(r"Nêu tại: (.*Minh Tân.*)\.$", text(built, "2026/index.md"), re.MULTILINE)
    assert cited and names(cited[1]) == {f"UBND xã Minh Tân{PLACE}, {words}" for words in NAMESAKES.values()}


def test_calendars_feeds_and_open_data_tell_the_plans_apart(built: SiteBuild) -> None:
    dated = [plan_id for plan_id in NAMESAKES if plan_id != "ubnd-xa-minh-tan-cong-van"]
    feed_names = {plan_id: str(icalendar.Calendar.from_ical(text(built, f"lich/2026/{plan_id}.ics"))["X-WR-CALNAME"])
                  for plan_id in dated}
    assert feed_names == {plan_id: f"UBND xã Minh Tân{PLACE}, {NAMESAKES[plan_id]}: kế hoạch năm 2026" for plan_id in dated}
    year = icalendar.Calendar.from_ical(text(built, "lich/2026.ics")).walk("VEVENT")
    titles = sorted(str(e["SUMMARY"]) for e in year if "Minh Tân" in str(e["SUMMARY"]))
    assert titles == sorted(f"UBND xã Minh Tân{PLACE}, {NAMESAKES[p]}: thời gian thực hiện kế hoạch" for p in dated)
    calendar = text(built, "2026/lich.md")
    for plan_id in dated:
        assert f"- **UBND xã Minh Tân{PLACE}, {NAMESAKES[plan_id]}**:" in calendar
    data = json.loads(text(built, "2026.json"))
    assert {p["id"]: p["title"] for p in data["plans"] if p["id"] in NAMESAKES} == {
        plan_id: f"{'Công văn' if plan_id.endswith('cong-van') else 'Kế hoạch'} của Ủy ban nhân dân xã Minh Tân{PLACE}, {words}"
        for plan_id, words in NAMESAKES.items()}
    listing = json.loads(text(built, paths.plan_list(2026)))
    assert sorted(e["n"] for e in listing if "Minh Tân" in e["n"]) == sorted(
        f"Ủy ban nhân dân xã Minh Tân, {words}" for words in NAMESAKES.values())  # the filter adds the province


def test_a_plan_alone_of_its_issuer_keeps_its_plain_name(built: SiteBuild) -> None:
    listing = text(built, "2026/ke-hoach/index.md")
    assert "[Ủy ban nhân dân xã Tân Lập (Thái Nguyên)](" in listing and "[Sở Khoa học và Công nghệ tỉnh Lai Châu](" in listing


# --- Properties: the derived due day and names, for any deadline and any set of plans. ---

RULES = sorted(DEADLINE_RULES)


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=date(2000, 1, 2), max_value=date(2099, 12, 31)), rule=st.sampled_from(RULES))
def test_the_due_day_is_the_day_written_or_for_truoc_ngay_the_day_before(day: date, rule: str) -> None:
    found = recorded(day.strftime("%d/%m/%Y"), rule)
    assert found.due == day - timedelta(days=1 if rule == "before" else 0)
    printed, words = deadline_written(found), deadline_words(found)
    assert printed == f"{DEADLINE_RULES[rule]} {vn_dates.short(day)}"  # the document's words, never the due day
    if found.due == day:  # the words name the last day on time: said once, as written
        assert words == printed
    else:  # the last day first, then the document's words, quoted and marked as what it writes
        assert words == f"chậm nhất ngày {vn_dates.short(found.due)} (văn bản ghi: {printed})"
    assert words.count(vn_dates.short(found.due)) == 1 and words.startswith(("chậm nhất ngày", printed))


NAMES = st.text(st.characters(codec="utf-8", categories=("L", "Zs", "P")), min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=300, deadline=None)
@given(name=NAMES)
def test_who_reports_is_said_plainly_without_the_letter_s_honorific(name: str) -> None:
    """`Quý Cơ quan` (how a letter addresses its recipients) is said as who they are; any other name as written."""
    assert deadline_party(name) == name or name.split(" ")[0].casefold() == "quý"
    addressed = deadline_party(f"Quý {name}")
    assert addressed == f"các {name[:1].lower()}{name[1:]} nhận văn bản"
    assert not addressed.startswith(("Quý", "quý"))


def test_no_deadline_title_has_an_arrow_or_an_honorific() -> None:
    """The shipped data (Lai Châu's dispatch asks `Quý Cơ quan` to report) through a real build: every .ics
    SUMMARY and every calendar list item names who reports to whom in plain words."""
    build = build_site(REPO, BUILT_ON, datetime(2026, 4, 1, tzinfo=UTC), {})
    events = [e for f in build.files if f.path.endswith(".ics") for e in icalendar.Calendar.from_ical(f.content).walk("VEVENT")]
    summaries = [str(e["SUMMARY"]) for e in events]
    deadlines = [str(e["SUMMARY"]) for e in events if str(e["CATEGORIES"].cats[0]) == "Hạn báo cáo"]
    assert "Sở KH&CN Lai Châu: Các cơ quan nhận văn bản báo cáo Sở Khoa học và Công nghệ chậm nhất ngày " \
        "09/5/2026 (văn bản ghi: trước ngày 10/5/2026)" in deadlines
    assert deadlines and not [s for s in summaries if "→" in s or "Quý" in s]
    listed = BeautifulSoup(text(build, "2026/lich.md"), "html.parser").select("li.cal-item")
    assert listed and not [li for li in listed if "→" in li.get_text() or "Quý" in li.get_text()]


def plan_record(issuer: int, number: int | None, signed: date | None, subject: str) -> Plan:
    document: dict[str, object] = {"type": "Kế hoạch", "subject": subject,
                                   "number": number if number else "chưa rõ", "symbol": "KH-UBND" if number else "chưa rõ",
                                   "date": signed.strftime("%d/%m/%Y") if signed else "chưa rõ"}
    return Plan.model_validate({"issuer": {"name": f"Ủy ban nhân dân xã Số {issuer}", "short_name": f"UBND xã Số {issuer}",
                                           "level": "commune", "province": "Thái Nguyên"},
                                "document": document, "observances": ["ngay-sang-tao"]})


PLANS = st.lists(st.tuples(st.integers(1, 3), st.one_of(st.none(), st.integers(1, 4)),
                           st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2026, 1, 3))),
                           st.sampled_from(["hưởng ứng ngày 21/4", "hưởng ứng ngày 18/5", "treo băng rôn"])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(facts=PLANS)
def test_plans_are_told_apart_only_by_what_their_records_hold(facts: list[tuple[int, int | None, date | None, str]]) -> None:
    plans = [plan_record(*fact) for fact in facts]
    plans = plan_names.tell_apart(plans)
    for plan, (issuer, number, signed, subject) in zip(plans, facts, strict=True):
        namesakes = [f for f in facts if f[0] == issuer]
        if len(namesakes) == 1:
            assert plan.title == f"Kế hoạch của Ủy ban nhân dân xã Số {issuer}{PLACE}"  # alone: its plain name
            continue
        held = [f"số {number}/KH-UBND"] if number else []
        held += [f"ngày {vn_dates.short(signed)}"] if signed else []
        assert plan.distinction in (", ".join(held), f"về {subject}")  # nothing the record does not hold
        assert plan.short_label == f"UBND xã Số {issuer}{PLACE}, {plan.distinction}"
        assert ") (" not in plan.short_label and ") (" not in plan.title  # one bracket, the province's
    for (one, one_plan), (other, other_plan) in combinations(zip(facts, plans, strict=True), 2):
        if one[0] == other[0] and one != other and one_plan.short_label == other_plan.short_label:
            # Only plans whose number and date are the same, or unknown, and whose subjects are the same read alike.
            assert one[3] == other[3], (one, other)


def test_each_namesake_s_page_is_headed_and_titled_apart(built: SiteBuild) -> None:
    for plan_id, words in NAMESAKES.items():
        page = text(built, f"2026/ke-hoach/{plan_id}.md")
        kind = "Công văn" if plan_id.endswith("cong-van") else "Kế hoạch"
        assert f"\n# {kind} của Ủy ban nhân dân xã Minh Tân{PLACE}, {words}\n" in page, plan_id
        assert re.search(rf"^title: \"?UBND xã Minh Tân{re.escape(PLACE)}, {re.escape(words)}: {kind} năm 2026", page, re.MULTILINE), plan_id
