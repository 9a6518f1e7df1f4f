"""Calendar: .ics feeds parsed by two independent libraries, the pages, and the next-date panel."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from conftest import REPO, run_build
from seed_facts import PLANS

OBSERVANCES = {2026: [date(2026, 4, 21), date(2026, 4, 26), date(2026, 5, 18)], 2025: [date(2025, 4, 21)]}


def dmy(text: str) -> date:
    day, month, year = (int(x) for x in text.split("/"))
    return date(year, month, day)


def expected_plan_events(url: str) -> set[tuple[str, date, date]]:
    """(kind, DTSTART, DTEND) the feed must hold for one plan, from the source documents."""
    facts = PLANS[url]
    start, last = (dmy(d) for d in facts["window"])
    events = {("Thời gian thực hiện", start, last + timedelta(days=1))}
    for deadline in facts["deadlines"]:
        day = dmy(deadline.rsplit(" ", 1)[1])
        events.add(("Hạn báo cáo", day, day + timedelta(days=1)))
    return events


def parse_both(path: Path) -> tuple[set[tuple[str, date, date]], set[tuple[str, date, date]]]:
    """The events of a feed as read by icalendar and by vobject."""
    raw = path.read_bytes()
    with_icalendar = {
        (str(e["categories"].cats[0]), e.decoded("dtstart"), e.decoded("dtend"))
        for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")
    }
    with_vobject = {
        (e.categories.value[0], e.dtstart.value, e.dtend.value)
        for e in vobject.readOne(raw.decode("utf-8")).vevent_list
    }
    return with_icalendar, with_vobject


@pytest.mark.parametrize("url", PLANS)
def test_plan_feed_matches_the_source_document(built_site: Path, url: str) -> None:
    year, _, plan_id = url.split("/")
    ours, theirs = parse_both(built_site / f"lich/{year}/{plan_id}.ics")
    assert ours == theirs == expected_plan_events(url)


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_feed_holds_every_observance_window_and_deadline(built_site: Path, year: int) -> None:
    ours, theirs = parse_both(built_site / f"lich/{year}.ics")
    expected = {("Ngày kỷ niệm", d, d + timedelta(days=1)) for d in OBSERVANCES[year]}
    for url in PLANS:
        if url.startswith(f"{year}/"):
            expected |= expected_plan_events(url)
    assert ours == theirs == expected


def test_all_years_feed_is_the_union_of_the_year_feeds(built_site: Path) -> None:
    everything = parse_both(built_site / "lich/tat-ca.ics")[0]
    assert everything == parse_both(built_site / "lich/2025.ics")[0] | parse_both(built_site / "lich/2026.ics")[0]


def feeds(site: Path) -> list[Path]:
    return sorted((site / "lich").rglob("*.ics"))


def test_feeds_follow_rfc_5545_conventions(built_site: Path) -> None:
    assert len(feeds(built_site)) == 1 + 2 + 5
    uids: set[str] = set()
    for path in feeds(built_site):
        raw = path.read_bytes()
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        for line in raw.split(b"\r\n"):
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # folding never splits a character
        cal = icalendar.Calendar.from_ical(raw)
        assert cal["X-WR-CALNAME"] and cal["NAME"] == cal["X-WR-CALNAME"]
        assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D" in raw
        for event in cal.walk("VEVENT"):
            assert event["DTSTART"].params["VALUE"] == "DATE" and event["DTEND"].params["VALUE"] == "DATE"
            assert event.decoded("dtend") > event.decoded("dtstart")
            assert "DTSTAMP" in event
            uid = str(event["UID"])
            assert uid.endswith("@doimoisangtao.example")
            if path.name not in ("tat-ca.ics",) and path.parent.name == "lich":
                assert uid not in uids, uid
                uids.add(uid)
            assert str(event["URL"]).startswith("https://doimoisangtao.example/")
            assert str(event["URL"]) in str(event["DESCRIPTION"])


def test_deadline_event_names_the_plan_and_who_reports_to_whom(built_site: Path) -> None:
    cal = icalendar.Calendar.from_ical((built_site / "lich/2026/ubnd-xa-binh-thanh.ics").read_bytes())
    deadlines = [e for e in cal.walk("VEVENT") if str(e["categories"].cats[0]) == "Hạn báo cáo"]
    summaries = sorted(str(e["SUMMARY"]) for e in deadlines)
    assert summaries == [
        "Hạn báo cáo (chậm nhất ngày 03/5/2026): Các cơ quan, đơn vị, doanh nghiệp trên địa bàn xã → UBND xã",
        "Hạn báo cáo (trước ngày 05/5/2026): UBND xã → Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
    ]
    assert all("Ủy ban nhân dân xã Bình Thành" in str(e["DESCRIPTION"]) for e in deadlines)


def test_two_builds_give_identical_feeds_apart_from_dtstamp(built_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "site"
    assert run_build(REPO / "mkdocs.yml", second).returncode == 0

    def without_stamp(path: Path) -> bytes:
        return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z\r\n", b"", path.read_bytes())

    first_feeds = feeds(built_site)
    assert [p.relative_to(built_site) for p in first_feeds] == [p.relative_to(second) for p in feeds(second)]
    for path in first_feeds:
        assert without_stamp(path) == without_stamp(second / path.relative_to(built_site))


@pytest.mark.parametrize(
    ("page", "feed"),
    [("2026", "lich/2026.ics"), ("2026/ke-hoach/so-khcn-lang-son", "lich/2026/so-khcn-lang-son.ics"), ("lich", "lich/tat-ca.ics"), ("", "lich/tat-ca.ics")],
)
def test_pages_link_feeds_with_format_and_size(built_site: Path, page: str, feed: str) -> None:
    soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    page_url = f"http://site/{page}/" if page else "http://site/"
    links = [urljoin(page_url, a["href"]) for a in soup.find("article").find_all("a", href=True)]
    assert f"http://site/{feed}" in links
    # Not as <link rel="alternate">: Material fetches a sitemap beside each one, a request that fails.
    assert soup.find("link", rel="alternate", type="text/calendar") is None
    size = (built_site / feed).stat().st_size
    if page != "":
        text = soup.find("article").get_text(" ")
        assert f"ICS, {max(1, -(-size // 1024))} KB" in text
        assert soup.find("a", href=f"webcal://doimoisangtao.example/{feed}") is not None


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_json_lists_the_same_dates(built_site: Path, year: int) -> None:
    import json

    data = json.loads((built_site / f"{year}.json").read_text(encoding="utf-8"))
    ics_events = parse_both(built_site / f"lich/{year}.ics")[0]
    labels = {"observance": "Ngày kỷ niệm", "window": "Thời gian thực hiện", "deadline": "Hạn báo cáo"}
    from_json = {(labels[d["kind"]], date.fromisoformat(d["start"]), date.fromisoformat(d["end"]) + timedelta(days=1)) for d in data["dates"]}
    assert from_json == ics_events
    assert data["calendar"] == f"https://doimoisangtao.example/lich/{year}.ics"


def test_month_grid_is_an_accessible_table(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/lich/index.html").read_text(encoding="utf-8"), "html.parser")
    tables = soup.select("table.cal-month")
    assert [t.caption.get_text() for t in tables] == ["Tháng 4 năm 2026", "Tháng 5 năm 2026"]
    for table in tables:
        headers = table.select("thead th[scope=col]")
        assert [h.abbr["title"] for h in headers] == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    cell = soup.find("time", attrs={"datetime": "2026-04-21"}).parent
    assert "Ngày kỷ niệm: Ngày Sáng tạo và Đổi mới sáng tạo thế giới" in cell.get_text(" ")
    assert "Sở KH&CN Lạng Sơn" in cell.get_text(" ") and "cal-day--window" in cell["class"]
    deadline = soup.find("time", attrs={"datetime": "2026-05-15"}).parent
    assert "Hạn báo cáo" in deadline.get_text(" ")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-04-01T09:00:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (còn 20 ngày)."),
        ("2026-04-20T23:30:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (ngày mai)."),
        ("2026-04-26T07:00:00+07:00", "Ngày Sở hữu trí tuệ thế giới: 26/4/2026 (hôm nay)."),
        ("2026-05-12T12:00:00+07:00", "Hạn báo cáo (trước ngày 15/5/2026): Các cơ quan, đơn vị → Sở Khoa học và Công nghệ: 15/5/2026 (còn 3 ngày)."),
        ("2026-12-01T12:00:00+07:00", "Các ngày trong dữ liệu đã qua. Ngày gần nhất: Ngày Khoa học và Công nghệ Việt Nam, 18/5/2026."),
        ("2025-04-10T12:00:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2025 (còn 11 ngày)."),
    ],
)
@pytest.mark.parametrize("path", ["", "lich/"])
def test_next_date_panel_is_true_for_the_reader_s_today(browser: Browser, served_site: str, path: str, now: str, expected: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.goto(served_site + path)
    expect(page.locator("[data-next-date-text]")).to_have_text(expected)
    context.close()


def test_calendar_lists_split_at_the_reader_s_today(browser: Browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time("2026-04-22T10:00:00+07:00")
    page.goto(served_site + "2026/lich/")
    coming = page.locator('[data-cal-list="coming"] li')
    past = page.locator('[data-cal-list="past"] li')
    expect(past).to_have_count(1)
    expect(past.first).to_contain_text("Ngày Sáng tạo và Đổi mới sáng tạo thế giới")
    expect(coming).to_have_count(10)
    expect(coming.first).to_contain_text("Sở KH&CN Lạng Sơn")
    expect(page.locator('[data-cal-empty="past"]')).to_be_hidden()
    expect(page.locator(".cal-day--today time")).to_have_attribute("datetime", "2026-04-22")
    context.close()


def test_calendar_reads_without_javascript(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_site + "2026/lich/")
    expect(page.locator("[data-next-date-text]")).to_contain_text("Ngày Khoa học và Công nghệ Việt Nam, 18/5/2026")
    expect(page.locator('[data-cal-list="past"] li')).to_have_count(11)
    context.close()
