"""The calendar and the home agree all year round (issue 24, item 2). The shipped data (2025, 2026) is
built through `build_site` before, during and after the 2026 campaign: the home's next-date panel and the
calendar's name the same date, the citizens' feed holds next year's observance days (their usual names,
no theme: none is known), the calendar lists them as coming, the home says when 2026 has ended, and no
page or feed names a date that no source has."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project

from campaign_site.data.site_data import SiteData
from campaign_site.site_build import SiteBuild, build_site

BEFORE, DURING, AFTER = date(2026, 3, 1), date(2026, 4, 22), date(2026, 12, 7)
HOST = "doimoisangtao.example"
USUAL_NAMES = {"ngay-sang-tao": "Ngày Sáng tạo và Đổi mới sáng tạo thế giới", "ngay-so-huu-tri-tue": "Ngày Sở hữu trí tuệ thế giới",
               "ngay-khoa-hoc-cong-nghe": "Ngày Khoa học và Công nghệ Việt Nam"}


def build(root: Path, today: date) -> SiteBuild:
    built = build_site(root, today, datetime.combine(today, datetime.min.time(), UTC), {})
    assert built.ok, built.report()
    return built


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("all-year") / "project")


@pytest.fixture(scope="module")
def builds(project: Path) -> dict[date, SiteBuild]:
    return {today: build(project, today) for today in (BEFORE, DURING, AFTER)}


def text(built: SiteBuild, path: str) -> str:
    content = next(f.content for f in built.files if f.path == path)
    return content.decode("utf-8") if isinstance(content, bytes) else content


def soup(built: SiteBuild, path: str) -> BeautifulSoup:
    return BeautifulSoup(text(built, path), "html.parser")


def next_date(built: SiteBuild, path: str) -> tuple[str, list[tuple[str, str]]]:
    """The next-date panel of a page: its text, and the dates and titles it chooses from."""
    panel = soup(built, path).select_one("[data-next-date]")
    assert panel is not None, path
    items = json.loads(panel.select_one("[data-next-date-items]").get_text())
    return panel.select_one("[data-next-date-text]").get_text(), [(i["date"], i["title"]) for i in items]


def feed_events(built: SiteBuild, path: str = "lich/tat-ca.ics") -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text(built, path)).walk("VEVENT"))


@pytest.mark.parametrize(("today", "expected"), [
    (BEFORE, "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (tính đến ngày 01/3/2026)."),
    (DURING, "Ngày Sở hữu trí tuệ thế giới: 26/4/2026 (tính đến ngày 22/4/2026)."),
    (AFTER, "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2027 (tính đến ngày 07/12/2026)."),
])
def test_home_and_calendar_name_the_same_next_date(builds: dict[date, SiteBuild], today: date, expected: str) -> None:
    home, calendar = next_date(builds[today], "index.md"), next_date(builds[today], "lich/index.md")
    assert home[0] == calendar[0] == expected
    assert home[1] == calendar[1]


def test_after_the_campaign_the_feed_holds_next_year_s_days_without_themes(builds: dict[date, SiteBuild]) -> None:
    events = [e for e in feed_events(builds[AFTER]) if e.decoded("DTSTART").year == 2027]
    assert sorted((e.decoded("DTSTART"), str(e["SUMMARY"]), str(e["UID"])) for e in events) == [
        (date(2027, 4, 21), USUAL_NAMES["ngay-sang-tao"], f"2027-ngay-sang-tao@{HOST}"),
        (date(2027, 4, 26), USUAL_NAMES["ngay-so-huu-tri-tue"], f"2027-ngay-so-huu-tri-tue@{HOST}"),
        (date(2027, 5, 18), USUAL_NAMES["ngay-khoa-hoc-cong-nghe"], f"2027-ngay-khoa-hoc-cong-nghe@{HOST}"),
    ]
    for event in events:
        description = str(event["DESCRIPTION"])
        assert "Chủ đề năm 2027: chưa có thông tin." in description and "“" not in description
        assert event.decoded("DTEND") == event.decoded("DTSTART") + timedelta(days=1)
    assert not [e for e in feed_events(builds[AFTER], "lich/2026.ics") if e.decoded("DTSTART").year == 2027]


def test_after_the_campaign_the_calendar_lists_what_comes_next(builds: dict[date, SiteBuild]) -> None:
    page = soup(builds[AFTER], "lich/index.md")
    coming = [li["data-start"] for li in page.select('[data-cal-list="coming"] li')]
    assert coming == ["2027-04-21", "2027-04-26", "2027-05-18"]
    assert page.select_one('[data-cal-empty="coming"]').has_attr("hidden")
    assert "Tháng 4 năm 2027" in [c.get_text() for c in page.select("table.cal-month caption")]


@pytest.mark.parametrize("today", [BEFORE, DURING, AFTER])
def test_the_home_says_when_the_featured_campaign_has_ended(builds: dict[date, SiteBuild], today: date) -> None:
    """In its kicker, in place of the span; the next-date panel under it names what comes next."""
    home = soup(builds[today], "index.md")
    kicker = home.select_one(".hero__kicker").get_text()
    if today != AFTER:
        assert kicker == "Năm 2026 · 15/4 – 19/5/2026" and "kết thúc" not in home.get_text()
        return
    assert kicker == "Đợt hưởng ứng năm 2026 đã kết thúc; ngày cuối cùng trên lịch là 19/5/2026: hết thời gian thực hiện của UBND phường Trần Hưng Đạo (Hải Phòng)"
    assert home.select_one(".hero [data-next-date-text]").get_text().startswith("Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2027")


def sourced_dates(data: SiteData) -> set[date]:
    """Every day a source gives: plans' windows and peaks, report deadlines (the day written and the day
    before it, the due day of "trước ngày"), activity posts; observance days recur on their day and month."""
    days: set[date] = set()
    for campaign in data.campaigns.values():
        for plan in campaign.plans:
            if window := plan.dated_window:
                days |= {window.start, window.end} | ({window.peak.start, window.peak.end} if window.peak else set())
            days |= {d.date for d in plan.dated_deadlines} | {d.date - timedelta(days=1) for d in plan.dated_deadlines}
        days |= {p.start for p in campaign.posts} | {p.last for p in campaign.posts}
    return days


def observance_day(data: SiteData, day: date) -> bool:
    return any((o.month, o.day) == (day.month, day.day) for o in data.observances.values())


@pytest.mark.parametrize("today", [BEFORE, DURING, AFTER])
def test_no_page_or_feed_names_a_date_no_source_has(builds: dict[date, SiteBuild], today: date) -> None:
    built = builds[today]
    assert built.data is not None
    known = sourced_dates(built.data)
    named: list[tuple[str, date]] = []
    for path in ("lich/tat-ca.ics", "lich/2026.ics", "lich/2025.ics"):
        for event in feed_events(built, path):
            named += [(path, event.decoded("DTSTART")), (path, event.decoded("DTEND") - timedelta(days=1))]
    calendar = soup(built, "lich/index.md")
    named += [("lich", date.fromisoformat(li[k])) for li in calendar.select("li.cal-item") for k in ("data-start", "data-last")]
    for path in ("index.md", "lich/index.md"):
        named += [(path, date.fromisoformat(d)) for d, _ in next_date(built, path)[1]]
    home = text(built, "index.md")
    named += [("index.md", date.fromisoformat(d)) for d in re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', home)]
    assert named
    unsourced = sorted({(where, day) for where, day in named if day not in known and not observance_day(built.data, day)})
    assert not unsourced


def test_next_year_s_days_keep_their_uid_once_the_year_is_entered(project: Path, builds: dict[date, SiteBuild],
                                                                  tmp_path: Path) -> None:
    """2026's days, built from data that stops at 2025, have the UIDs they have once 2026 is entered."""
    earlier = copy_project(tmp_path / "project")
    shutil.rmtree(earlier / "campaigns" / "2026")
    shutil.rmtree(earlier / "docs" / "2026")
    coming = {str(e["UID"]): e.decoded("DTSTART") for e in feed_events(build(earlier, date(2025, 12, 1)))
              if e.decoded("DTSTART").year == 2026}
    entered = {str(e["UID"]): e.decoded("DTSTART") for e in feed_events(builds[AFTER]) if e.decoded("DTSTART").year == 2026}
    assert len(coming) == 3 and coming.items() <= entered.items()


def test_a_plan_whose_window_is_not_known_is_counted_not_spanned(tmp_path: Path) -> None:
    """A second Lai Châu plan with `window: chưa rõ`: the year, the province and the home say how many plans
    their span comes from; the year's JSON counts them."""
    root = copy_project(tmp_path / "project")
    plans = root / "campaigns" / "2026" / "plans"
    source = (plans / "so-khcn-lai-chau.yaml").read_text(encoding="utf-8")
    (plans / "so-khcn-lai-chau-bo-sung.yaml").write_text(
        re.sub(r"\nwindow:\n(?:  .*\n)+", "\nwindow: chưa rõ\n", source, count=1), encoding="utf-8")
    built = build(root, DURING)
    span = 'trong khoảng từ ngày <time datetime="2026-04-15">15/4/2026</time> đến hết ngày <time datetime="2026-05-19">19/5/2026</time>'
    assert f"4 trong 5 kế hoạch năm 2026 nêu thời gian thực hiện, {span}; 1 kế hoạch chưa có thông tin." in text(built, "2026/index.md")
    lai_chau = ('1 trong 2 kế hoạch ở Lai Châu năm 2026 nêu thời gian thực hiện, từ ngày <time datetime="2026-04-18">18/4/2026</time> '
                'đến hết ngày <time datetime="2026-04-26">26/4/2026</time>; 1 kế hoạch chưa có thông tin.')
    assert lai_chau in text(built, "2026/dia-phuong/lai-chau.md")
    assert soup(built, "index.md").select_one(".hero__kicker").get_text() == "Năm 2026 · 15/4 – 19/5/2026 (theo 4 trong 5 kế hoạch)"
    assert json.loads(text(built, "2026.json"))["window"] == {
        "start": "2026-04-15", "end": "2026-05-19", "plans": 5, "plans_stating": 4, "plans_not_stating": 0, "plans_not_known": 1}
