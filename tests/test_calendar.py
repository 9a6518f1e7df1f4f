"""Calendar: .ics feeds parsed by two independent libraries, the pages, and the next-date panel."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
import vobject
import yaml
from bs4 import BeautifulSoup
from conftest import BEFORE, REPO, TODAY
from playwright.sync_api import Browser, Page, expect
from seed_facts import PLANS

from campaign_site.data import paths

OBSERVANCES = {2026: [date(2026, 4, 21), date(2026, 4, 26), date(2026, 5, 18)], 2025: [date(2025, 4, 21)]}


def dmy(text: str) -> date:
    day, month, year = (int(x) for x in text.split("/"))
    return date(year, month, day)


def due_day(wording: str) -> date:
    """The last day a report is on time, from the document's words: `trước ngày 10/5/2026` is due by 9/5."""
    words, written = wording.rsplit(" ", 1)
    return dmy(written) - timedelta(days=1 if words == "trước ngày" else 0)


def expected_plan_events(url: str) -> set[tuple[str, date, date]]:
    """(kind, DTSTART, DTEND) the feed must hold for one plan, from the source documents."""
    facts = PLANS[url]
    start, last = (dmy(d) for d in facts["window"])
    events = {("Thời gian thực hiện", start, last + timedelta(days=1))}
    for deadline in facts["deadlines"]:
        day = due_day(deadline)
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


DEADLINE = "Hạn báo cáo"
SITE = "https://doimoisangtao.example/"


def for_citizens(events: set[tuple[str, date, date]]) -> set[tuple[str, date, date]]:
    return {e for e in events if e[0] != DEADLINE}


def for_staff(events: set[tuple[str, date, date]]) -> set[tuple[str, date, date]]:
    return {e for e in events if e[0] == DEADLINE}


def yaml_deadlines(year: str | int, plan_id: str) -> list[date]:
    """A plan's report deadlines' due days from its YAML file (`3/5/2026` or `2026-05-03`, and the rule), read
    without our loader: the day before the date written for `before` (trước ngày), else that date."""
    data = yaml.safe_load((REPO / f"campaigns/{year}/plans/{plan_id}.yaml").read_text(encoding="utf-8"))
    days = [(d["date"], d["rule"]) for d in data.get("report_deadlines") or []]
    return [(d if isinstance(d, date) else dmy(str(d))) - timedelta(days=1 if rule == "before" else 0) for d, rule in days]


def as_events(days: list[date]) -> set[tuple[str, date, date]]:
    return {(DEADLINE, d, d + timedelta(days=1)) for d in days}


def vevents(path: Path) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


@pytest.mark.parametrize("url", PLANS)
def test_plan_citizens_feed_holds_its_window_and_no_deadline(built_site: Path, url: str) -> None:
    year, _, plan_id = url.split("/")
    ours, theirs = parse_both(built_site / f"lich/{year}/{plan_id}.ics")
    assert ours == theirs == for_citizens(expected_plan_events(url))
    assert len(ours) == 1


@pytest.mark.parametrize("url", PLANS)
def test_plan_staff_feed_holds_exactly_its_deadlines(built_site: Path, url: str) -> None:
    year, _, plan_id = url.split("/")
    staff = built_site / f"lich/{year}/han-bao-cao/{plan_id}.ics"
    days = yaml_deadlines(year, plan_id)
    assert as_events(days) == for_staff(expected_plan_events(url))  # the data says what the document says
    if not days:
        assert not staff.exists()  # no deadlines, no staff feed
        return
    ours, theirs = parse_both(staff)
    assert ours == theirs == as_events(days)
    assert sorted(e.decoded("dtstart") for e in vevents(staff)) == sorted(days)  # one event per deadline


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_citizens_feed_holds_observances_and_windows_only(built_site: Path, year: int) -> None:
    ours, theirs = parse_both(built_site / f"lich/{year}.ics")
    expected = {("Ngày kỷ niệm", d, d + timedelta(days=1)) for d in OBSERVANCES[year]}
    for url in PLANS:
        if url.startswith(f"{year}/"):
            expected |= for_citizens(expected_plan_events(url))
    assert ours == theirs == expected


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_staff_feed_holds_exactly_the_deadlines_in_the_yaml(built_site: Path, year: int) -> None:
    staff = built_site / f"lich/{year}-han-bao-cao.ics"
    ours, theirs = parse_both(staff)
    days = [d for plan in sorted((REPO / f"campaigns/{year}/plans").glob("*.yaml")) for d in yaml_deadlines(year, plan.stem)]
    from_documents = {e for url in PLANS if url.startswith(f"{year}/") for e in for_staff(expected_plan_events(url))}
    assert ours == theirs == as_events(days) == from_documents
    assert sorted(e.decoded("dtstart") for e in vevents(staff)) == sorted(days)


@pytest.mark.parametrize("suffix", ["", "-han-bao-cao"])
def test_all_years_feed_is_the_union_of_the_year_feeds(built_site: Path, suffix: str) -> None:
    """With, in the citizens' feed, the observance days of the year after the last one entered (they recur)."""
    everything = parse_both(built_site / f"lich/tat-ca{suffix}.ics")[0]
    coming = set() if suffix else {("Ngày kỷ niệm", d, d + timedelta(days=1)) for d in (date(2027, 4, 21), date(2027, 4, 26), date(2027, 5, 18))}
    assert everything == parse_both(built_site / f"lich/2025{suffix}.ics")[0] | parse_both(built_site / f"lich/2026{suffix}.ics")[0] | coming


def feeds(site: Path) -> list[Path]:
    return sorted((site / "lich").rglob("*.ics"))


STAFF_FEEDS = {
    "lich/tat-ca.ics": "lich/tat-ca-han-bao-cao.ics",
    "lich/2025.ics": "lich/2025-han-bao-cao.ics",
    "lich/2026.ics": "lich/2026-han-bao-cao.ics",
    "lich/2025/so-khcn-thanh-hoa.ics": "lich/2025/han-bao-cao/so-khcn-thanh-hoa.ics",
    "lich/2026/so-khcn-lai-chau.ics": "lich/2026/han-bao-cao/so-khcn-lai-chau.ics",
    "lich/2026/so-khcn-lang-son.ics": "lich/2026/han-bao-cao/so-khcn-lang-son.ics",
    "lich/2026/ubnd-xa-binh-thanh.ics": "lich/2026/han-bao-cao/ubnd-xa-binh-thanh.ics",
}
"""Citizens' feed → the agencies' feed of its report deadlines (UBND phường Trần Hưng Đạo's plan has none)."""


def is_staff(path: Path, site: Path) -> bool:
    return path.relative_to(site).as_posix() in STAFF_FEEDS.values()


def test_staff_feeds_exist_only_where_there_are_deadlines(built_site: Path) -> None:
    citizens = sorted(p.relative_to(built_site).as_posix() for p in feeds(built_site) if not is_staff(p, built_site))
    assert citizens == sorted(["lich/tat-ca.ics", "lich/2025.ics", "lich/2026.ics", *(f"lich/{url.replace('/ke-hoach/', '/')}.ics" for url in PLANS)])
    assert sorted(p.relative_to(built_site).as_posix() for p in feeds(built_site) if is_staff(p, built_site)) == sorted(STAFF_FEEDS.values())
    assert all(paths.staff_feed(citizen) == staff for citizen, staff in STAFF_FEEDS.items())
    assert not any(paths.is_staff_feed(citizen) for citizen in citizens)
    assert all(paths.is_staff_feed(staff) for staff in STAFF_FEEDS.values())
    # A plan whose id ends like a staff feed's name still gets a path of its own.
    assert paths.staff_feed("lich/2026/x-han-bao-cao.ics") == "lich/2026/han-bao-cao/x-han-bao-cao.ics"
    assert not paths.is_staff_feed("lich/2026/x-han-bao-cao.ics")


def test_no_citizens_feed_holds_a_report_deadline(built_site: Path) -> None:
    citizens = [p for p in feeds(built_site) if not is_staff(p, built_site)]
    assert len(citizens) == 1 + 2 + 5
    for path in citizens:
        raw = path.read_bytes()
        cal = icalendar.Calendar.from_ical(raw)
        assert "hạn báo cáo" not in f"{cal['X-WR-CALNAME']} {cal['X-WR-CALDESC']}".lower(), path
        for event in cal.walk("VEVENT"):
            assert str(event["categories"].cats[0]) in ("Ngày kỷ niệm", "Thời gian thực hiện"), (path, event["UID"])
            assert "hạn báo cáo" not in str(event["SUMMARY"]).lower() and "han-bao-cao" not in str(event["UID"]), path
        assert all(e.categories.value[0] != DEADLINE for e in vobject.readOne(raw.decode("utf-8")).vevent_list), path


def test_staff_feeds_are_named_for_agencies_and_hold_deadlines_only(built_site: Path) -> None:
    names = {}
    for staff in STAFF_FEEDS.values():
        raw = (built_site / staff).read_bytes()
        cal = icalendar.Calendar.from_ical(raw)
        names[staff] = str(cal["X-WR-CALNAME"])
        assert cal["NAME"] == cal["X-WR-CALNAME"]
        assert ": hạn báo cáo" in names[staff] and names[staff].endswith(" (dành cho cơ quan, đơn vị)"), names[staff]
        assert "Lịch cho người dân không có các hạn này." in str(cal["X-WR-CALDESC"])
        assert {str(e["categories"].cats[0]) for e in cal.walk("VEVENT")} == {DEADLINE}
        assert {e.categories.value[0] for e in vobject.readOne(raw.decode("utf-8")).vevent_list} == {DEADLINE}
    assert names["lich/2026-han-bao-cao.ics"] == "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo: hạn báo cáo năm 2026 (dành cho cơ quan, đơn vị)"
    assert names["lich/tat-ca-han-bao-cao.ics"] == "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo: hạn báo cáo mọi năm (dành cho cơ quan, đơn vị)"
    assert names["lich/2026/han-bao-cao/so-khcn-lang-son.ics"] == "Sở KH&CN Lạng Sơn: hạn báo cáo, công văn năm 2026 (dành cho cơ quan, đơn vị)"
    # The citizens' feeds keep their names.
    assert str(icalendar.Calendar.from_ical((built_site / "lich/2026.ics").read_bytes())["X-WR-CALNAME"]) == (
        "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo: năm 2026")


_KEPT_2025 = {"2025-so-khcn-thanh-hoa-thuc-hien", "2025-ngay-sang-tao"}
_MOVED_2025 = {"2025-so-khcn-thanh-hoa-han-bao-cao-20250506"}
_KEPT_2026 = {
    "2026-so-khcn-lang-son-thuc-hien", "2026-ubnd-phuong-tran-hung-dao-thuc-hien", "2026-ubnd-xa-binh-thanh-thuc-hien",
    "2026-so-khcn-lai-chau-thuc-hien", "2026-ngay-sang-tao", "2026-ngay-so-huu-tri-tue", "2026-ngay-khoa-hoc-cong-nghe",
}
_MOVED_2026 = {
    "2026-ubnd-xa-binh-thanh-han-bao-cao-20260503", "2026-ubnd-xa-binh-thanh-han-bao-cao-20260505",
    "2026-so-khcn-lai-chau-han-bao-cao-20260510", "2026-so-khcn-lang-son-han-bao-cao-20260515",
}
_COMING_2027 = {"2027-ngay-sang-tao", "2027-ngay-so-huu-tri-tue", "2027-ngay-khoa-hoc-cong-nghe"}
"""Next year's observance days, added to the all-years feed later (issue 24) under the UIDs they keep once 2027 is entered."""
UIDS_BEFORE_SPLIT: dict[str, tuple[set[str], set[str]]] = {
    "lich/tat-ca.ics": (_KEPT_2025 | _KEPT_2026 | _COMING_2027, _MOVED_2025 | _MOVED_2026),
    "lich/2025.ics": (_KEPT_2025, _MOVED_2025),
    "lich/2026.ics": (_KEPT_2026, _MOVED_2026),
    "lich/2025/so-khcn-thanh-hoa.ics": ({"2025-so-khcn-thanh-hoa-thuc-hien"}, {"2025-so-khcn-thanh-hoa-han-bao-cao-20250506"}),
    "lich/2026/so-khcn-lai-chau.ics": ({"2026-so-khcn-lai-chau-thuc-hien"}, {"2026-so-khcn-lai-chau-han-bao-cao-20260510"}),
    "lich/2026/so-khcn-lang-son.ics": ({"2026-so-khcn-lang-son-thuc-hien"}, {"2026-so-khcn-lang-son-han-bao-cao-20260515"}),
    "lich/2026/ubnd-phuong-tran-hung-dao.ics": ({"2026-ubnd-phuong-tran-hung-dao-thuc-hien"}, set()),
    "lich/2026/ubnd-xa-binh-thanh.ics": (
        {"2026-ubnd-xa-binh-thanh-thuc-hien"},
        {"2026-ubnd-xa-binh-thanh-han-bao-cao-20260503", "2026-ubnd-xa-binh-thanh-han-bao-cao-20260505"},
    ),
}
"""Every UID of every feed before the deadlines left the citizens' feeds (read from a build of that code):
observances and windows (kept), report deadlines (moved to the staff feeds)."""


@pytest.mark.parametrize("feed", UIDS_BEFORE_SPLIT)
def test_uids_are_those_subscribers_already_have(built_site: Path, feed: str) -> None:
    kept, moved = UIDS_BEFORE_SPLIT[feed]

    def uids(path: Path) -> set[str]:
        found = [str(e["UID"]) for e in vevents(path)]
        assert len(found) == len(set(found)) and all(u.endswith("@doimoisangtao.example") for u in found)
        return {u.removesuffix("@doimoisangtao.example") for u in found}

    assert uids(built_site / feed) == kept
    staff = built_site / paths.staff_feed(feed)
    assert uids(staff) == moved if moved else not staff.exists()


def test_feeds_follow_rfc_5545_conventions(built_site: Path) -> None:
    assert len(feeds(built_site)) == 1 + 2 + 5 + len(STAFF_FEEDS)
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
            if path.name not in ("tat-ca.ics", "tat-ca-han-bao-cao.ics") and path.parent.name == "lich":
                assert uid not in uids, uid  # the year feeds, citizens' and staff, share no event
                uids.add(uid)
            assert str(event["URL"]).startswith("https://doimoisangtao.example/")
            assert str(event["URL"]) in str(event["DESCRIPTION"])


def test_deadline_event_names_the_plan_and_who_reports_to_whom(built_site: Path) -> None:
    cal = icalendar.Calendar.from_ical((built_site / "lich/2026/han-bao-cao/ubnd-xa-binh-thanh.ics").read_bytes())
    deadlines = [e for e in cal.walk("VEVENT") if str(e["categories"].cats[0]) == "Hạn báo cáo"]
    summaries = sorted(str(e["SUMMARY"]) for e in deadlines)
    assert summaries == [
        "UBND xã Bình Thành (Thái Nguyên): Các cơ quan, đơn vị, doanh nghiệp trên địa bàn xã báo cáo UBND xã "
        "chậm nhất ngày 03/5/2026",
        "UBND xã Bình Thành (Thái Nguyên): UBND xã báo cáo Sở Khoa học và Công nghệ tỉnh Thái Nguyên chậm "
        "nhất ngày 04/5/2026 (văn bản ghi: trước ngày 05/5/2026)",
    ]
    assert all("Ủy ban nhân dân xã Bình Thành" in str(e["DESCRIPTION"]) for e in deadlines)


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("2026", "lich/2026.ics"),
        ("2026/ke-hoach/so-khcn-lang-son", "lich/2026/so-khcn-lang-son.ics"),
        ("2026/ke-hoach/so-khcn-lang-son", "lich/2026/han-bao-cao/so-khcn-lang-son.ics"),
        ("lich", "lich/tat-ca.ics"),
        ("lich", "lich/tat-ca-han-bao-cao.ics"),
        ("lich", "lich/2025-han-bao-cao.ics"),
        ("2026/lich", "lich/2026.ics"),
        ("2026/lich", "lich/2026-han-bao-cao.ics"),
        ("2026/lich", "lich/2026/ubnd-phuong-tran-hung-dao.ics"),
        ("2026/lich", "lich/2026/han-bao-cao/ubnd-xa-binh-thanh.ics"),
    ],
)
@pytest.mark.parametrize("day", [BEFORE, TODAY])
def test_pages_link_feeds_to_download_subscribe_and_copy(request: pytest.FixtureRequest, day: str, page: str, feed: str) -> None:
    """Every page offering a feed links the file and its webcal:// address; the calendar pages, which explain
    the feeds, also say its format and size (the other pages keep those in their "Thêm vào lịch" panel). A
    feed whose every day is over on the build's day is only a file to keep, said so: nothing to subscribe to."""
    built_site = request.getfixturevalue("built_site_before" if day == BEFORE else "built_site")
    soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    events = icalendar.Calendar.from_ical((built_site / feed).read_bytes()).walk("VEVENT")
    if all(e.decoded("dtend") <= date.fromisoformat(day) for e in events):
        kept = soup.find("article").find("a", href=lambda h: bool(h) and urljoin(f"http://site/{page}/", h) == f"http://site/{feed}")
        assert kept is not None and kept.has_attr("download") and kept.get_text().startswith(("Tệp lịch để lưu (ICS, ", "Tải lịch về máy để lưu lại"))
        assert soup.find("a", href=f"webcal://doimoisangtao.example/{feed}") is None
        assert soup.find("button", attrs={"data-copy-value": SITE + feed}) is None
        return
    page_url = f"http://site/{page}/" if page else "http://site/"
    links = [urljoin(page_url, a["href"]) for a in soup.find("article").find_all("a", href=True)]
    assert f"http://site/{feed}" in links
    # Not as <link rel="alternate">: Material fetches a sitemap beside each one, a request that fails.
    assert soup.find("link", rel="alternate", type="text/calendar") is None
    size = (built_site / feed).stat().st_size
    if page != "":
        text = soup.find("article").get_text(" ")
        assert (f"ICS, {max(1, -(-size // 1024))} KB" in text) == page.endswith("lich")
        assert soup.find("a", href=f"webcal://doimoisangtao.example/{feed}") is not None
    # The https:// address, for apps that cannot open webcal://: as text, and for the copy button.
    button = soup.find("button", attrs={"data-copy-value": SITE + feed})
    assert button is not None and button.get_text() == "Sao chép địa chỉ" and button.has_attr("hidden")
    assert button.find_previous_sibling("code").get_text() == SITE + feed
    status = button.find_next_sibling(attrs={"data-copy-feed-status": True})
    assert status["role"] == "status" and status["aria-live"] == "polite"


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_json_lists_the_same_dates(built_site: Path, year: int) -> None:
    import json

    data = json.loads((built_site / f"{year}.json").read_text(encoding="utf-8"))
    ics_events = parse_both(built_site / f"lich/{year}.ics")[0] | parse_both(built_site / f"lich/{year}-han-bao-cao.ics")[0]
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
    # "Trước ngày 15/5/2026" is due by 14/5: the mark is on the 14th, none on the 15th.
    deadline = soup.find("time", attrs={"datetime": "2026-05-14"}).parent
    assert "chậm nhất ngày 14/5/2026 (văn bản ghi: trước ngày 15/5/2026)" in deadline.get_text(" ")
    assert "Hạn báo cáo" not in soup.find("time", attrs={"datetime": "2026-05-15"}).parent.get_text(" ")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-04-01T09:00:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (còn 20 ngày)."),
        ("2026-04-20T23:30:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (ngày mai)."),
        ("2026-04-26T07:00:00+07:00", "Ngày Sở hữu trí tuệ thế giới: 26/4/2026 (hôm nay)."),
        ("2026-05-12T12:00:00+07:00", "Hạn báo cáo của Sở KH&CN Lạng Sơn: 14/5/2026 (còn 2 ngày)."),
        ("2026-12-01T12:00:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2027 (còn 141 ngày)."),
        ("2025-04-10T12:00:00+07:00", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2025 (còn 11 ngày)."),
    ],
)
@pytest.mark.parametrize("path", ["lich/"])
def test_next_date_panel_is_true_for_the_reader_s_today(browser: Browser, served_site: str, path: str, now: str, expected: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.goto(served_site + path)
    expect(page.locator("[data-next-date-text]")).to_have_text(expected)
    context.close()


def test_calendar_lists_split_at_the_reader_s_today(browser: Browser, served_site_before: str) -> None:
    """Built on 10/4/2026, read on 22/4: what passed since the build moves to the past list."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time("2026-04-22T10:00:00+07:00")
    page.goto(served_site_before + "2026/lich/")
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
    # built after the year's last day: the panel names what comes next, the next year's first observance day
    expect(page.locator("[data-next-date-text]")).to_contain_text("Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2027")
    expect(page.locator('[data-cal-list="past"] li')).to_have_count(11)
    context.close()


# --- subscribing: citizens' and agencies' feeds apart, the address to copy ---------------------------------


def feed_links_under(heading: BeautifulSoup, page: str) -> list[str]:
    """The feeds linked for download between a heading and the next one."""
    found = []
    for element in heading.find_all_next():
        if element.name in ("h2", "h3"):
            break
        href = element.get("href", "") if element.name == "a" else ""
        if href.endswith(".ics") and not href.startswith("webcal:"):
            found.append(urljoin(f"http://site/{page}/", href).removeprefix("http://site/"))
    return found


@pytest.mark.parametrize(
    ("page", "citizens", "staff"),
    [
        ("lich", ["tat-ca", "2026", "2025"], ["tat-ca-han-bao-cao", "2026-han-bao-cao", "2025-han-bao-cao"]),
        ("2025/lich", ["2025", "2025/so-khcn-thanh-hoa"], ["2025-han-bao-cao", "2025/han-bao-cao/so-khcn-thanh-hoa"]),
        (
            "2026/lich",
            ["2026", "2026/so-khcn-lai-chau", "2026/so-khcn-lang-son", "2026/ubnd-phuong-tran-hung-dao", "2026/ubnd-xa-binh-thanh"],
            ["2026-han-bao-cao", "2026/han-bao-cao/so-khcn-lai-chau", "2026/han-bao-cao/so-khcn-lang-son", "2026/han-bao-cao/ubnd-xa-binh-thanh"],
        ),
    ],
)
def test_subscribe_section_keeps_citizens_and_agencies_feeds_apart(built_site: Path, page: str, citizens: list[str], staff: list[str]) -> None:
    soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.find("h2", id="them-vao-lich")
    assert section is not None
    if page != "lich":  # on TODAY every day of 2025 and 2026 is over: their files are to keep, not to add
        assert section.get_text(strip=True).removesuffix("¶") == "Tệp lịch để lưu"
        assert "Lịch khác" not in soup.find("article").get_text()
    headings = {h.get_text(strip=True).removesuffix("¶"): h for h in section.find_all_next("h3", limit=2)}
    assert list(headings) == ["Cho người dân", "Cho cơ quan, đơn vị (hạn báo cáo)"]
    assert feed_links_under(headings["Cho người dân"], page) == [f"lich/{f}.ics" for f in citizens]
    assert feed_links_under(headings["Cho cơ quan, đơn vị (hạn báo cáo)"], page) == [f"lich/{f}.ics" for f in staff]
    if page == "lich":  # all years' feed holds next year's days
        help_text = " ".join(section.find_next("ul").get_text(" ").split())
        assert "chọn “Lịch khác”, bấm “+”, chọn “Từ URL” rồi dán địa chỉ" in help_text and "→" not in help_text
        assert "Cài đặt, chọn Lịch, Tài khoản, Thêm tài khoản, Khác, Thêm lịch đã đăng ký" in help_text
    # The page itself still shows the deadlines: they are public information.
    grid_and_lists = " ".join(t.get_text(" ") for t in soup.select("table.cal-month, [data-cal-lists]"))
    assert "Hạn báo cáo" in grid_and_lists


def test_plan_page_offers_a_staff_feed_only_when_the_plan_has_deadlines(built_site: Path) -> None:
    with_deadlines = (built_site / "2026/ke-hoach/so-khcn-lang-son/index.html").read_text(encoding="utf-8")
    without = (built_site / "2026/ke-hoach/ubnd-phuong-tran-hung-dao/index.html").read_text(encoding="utf-8")
    assert "Lịch hạn báo cáo (cho cơ quan, đơn vị)" in with_deadlines and "/han-bao-cao/so-khcn-lang-son.ics" in with_deadlines
    assert "Lịch cho người dân" in without and "han-bao-cao" not in without


def phone(browser: Browser, served_site: str, **options: object) -> Page:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", **options)
    if options.get("java_script_enabled", True):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    return context.new_page()


def test_copy_button_copies_the_https_address_from_the_keyboard(browser: Browser, served_site_before: str) -> None:
    served_site = served_site_before  # built while the year's days are ahead
    page = phone(browser, served_site)
    page.clock.install()
    page.goto(served_site + "2026/lich/")
    year_feed = SITE + "lich/2026.ics"
    page.locator('a[href="webcal://doimoisangtao.example/lich/2026.ics"]').focus()
    page.keyboard.press("Tab")
    button = page.locator(f'button[data-copy-value="{year_feed}"]')
    expect(button).to_be_focused()
    expect(button).to_have_text("Sao chép địa chỉ")
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 24
    page.keyboard.press("Enter")
    status = page.locator("[data-copy-feed-status]").first
    expect(status).to_have_text("Đã sao chép địa chỉ lịch: Năm 2026.")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == year_feed
    expect(button).to_have_text("Đã sao chép")
    page.clock.run_for(4100)
    expect(button).to_have_text("Sao chép địa chỉ")

    # A plan's deadlines, in the folded list: open it, Tab to the button, Space.
    page.locator("summary", has_text="Hạn báo cáo của từng kế hoạch").focus()
    page.keyboard.press("Enter")
    staff_feed = SITE + "lich/2026/han-bao-cao/so-khcn-lang-son.ics"
    page.locator('a[href="webcal://doimoisangtao.example/lich/2026/han-bao-cao/so-khcn-lang-son.ics"]').focus()
    page.keyboard.press("Tab")
    staff_button = page.locator(f'button[data-copy-value="{staff_feed}"]')
    expect(staff_button).to_be_focused()
    page.keyboard.press(" ")
    expect(staff_button.locator("xpath=following-sibling::*[@data-copy-feed-status]")).to_have_text(
        "Đã sao chép địa chỉ lịch: Sở KH&CN Lạng Sơn (hạn báo cáo).")
    assert page.evaluate("navigator.clipboard.readText()") == staff_feed
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    page.context.close()


@pytest.mark.parametrize("path", ["lich/", "2026/lich/", "2026/", "2026/ke-hoach/so-khcn-lai-chau/"])
def test_every_feed_s_copy_button_works(browser: Browser, served_site_before: str, path: str) -> None:
    served_site = served_site_before  # built while the year's days are ahead
    page = phone(browser, served_site)
    page.goto(served_site + path)
    panels = page.locator("details.feed-add > summary")
    for index in range(panels.count()):  # the "Thêm vào lịch" panels, opened
        panels.nth(index).click()
    buttons = page.locator("button[data-copy-value]:visible")
    assert buttons.count() >= 1
    for index in range(buttons.count()):
        button = buttons.nth(index)
        button.click()
        assert page.evaluate("navigator.clipboard.readText()") == button.get_attribute("data-copy-value")
        expect(button.locator("xpath=following-sibling::*[@data-copy-feed-status]")).to_contain_text("Đã sao chép địa chỉ lịch: ")
    page.context.close()


def test_feed_address_is_text_to_select_without_javascript(browser: Browser, served_site_before: str) -> None:
    served_site = served_site_before  # built while the year's days are ahead
    page = phone(browser, served_site, java_script_enabled=False)
    page.goto(served_site + "2026/lich/")
    address = page.locator("code.feed-address__url").first
    expect(address).to_be_visible()
    expect(address).to_have_text(SITE + "lich/2026.ics")
    expect(page.locator("button[data-copy-value]").first).to_be_hidden()  # no dead button
    page.locator("summary", has_text="Lịch riêng của từng kế hoạch").click()  # <details> opens without a script
    expect(page.get_by_text(SITE + "lich/2026/so-khcn-lang-son.ics", exact=True)).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("path", ["2026/", "2026/ke-hoach/so-khcn-lai-chau/", "2026/ngay-sang-tao/"])
def test_add_to_calendar_is_one_closed_panel_that_opens_without_javascript(browser: Browser, served_site_before: str, path: str) -> None:
    """Outside the calendar pages a feed is one action, "Thêm vào lịch": closed, nothing of it but its name is
    read (no address, no format or file size); opened without a script, it offers subscribing, the file, the address
    to paste and how to add it."""
    served_site = served_site_before  # built while the year's days are ahead
    page = phone(browser, served_site, java_script_enabled=False)
    page.goto(served_site + path)
    panel = page.locator("details.feed-add").first
    expect(panel.locator("summary")).to_have_text("Thêm vào lịch")
    reading = page.locator("article").inner_text()
    assert "https://" not in reading and "ICS" not in reading and ".ics" not in reading
    panel.locator("summary").click()
    choices = panel.locator("li")
    expect(choices).to_have_count(4)
    expect(choices.nth(0).locator("a")).to_have_attribute("href", "webcal://doimoisangtao.example/lich/" + (
        "2026/so-khcn-lai-chau.ics" if "ke-hoach" in path else "2026.ics"))
    expect(choices.nth(1)).to_have_text("Tải tệp lịch (.ics)")
    expect(choices.nth(2).locator("code")).to_be_visible()
    choices.nth(3).locator("a").click()
    page.wait_for_url("**/2026/lich/#them-vao-lich")
    page.context.close()


def test_year_page_offers_no_agencies_feed(built_site: Path) -> None:
    """The agencies' deadline feeds are on the plan and calendar pages, not on the year page."""
    html = (built_site / "2026/index.html").read_text(encoding="utf-8")
    assert "han-bao-cao" not in html and "hạn báo cáo cho cơ quan" not in html


def test_plans_rendered_in_worker_processes_keep_their_staff_feeds_on_the_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans' feeds are made in forked workers from `parallel.PARALLEL_FROM` plans up, which hand back only the
    citizens' feed's link data: the calendar page must still offer every plan's staff feed, with its size."""
    from campaign_site.core import parallel
    from campaign_site.data.loader import load_site
    from campaign_site.pages.renderer import SiteRenderer
    from campaign_site.stages.banners.cache import BannerCache
    from campaign_site.stages.collect import collect

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    cache = BannerCache(REPO / ".cache" / "banners")  # filled before the session (conftest): no banner drawn here
    files = {f.path: f.content for f in SiteRenderer(collect(load_site(REPO / "campaigns"), date.fromisoformat(BEFORE), banner_cache=cache)).render()}
    page = files["2026/lich.md"]
    for staff in ("so-khcn-lai-chau", "so-khcn-lang-son", "ubnd-xa-binh-thanh"):
        size = max(1, -(-len(files[f"lich/2026/han-bao-cao/{staff}.ics"]) // 1024))
        assert f"[tải về (ICS, {size} KB)](../lich/2026/han-bao-cao/{staff}.ics)" in page, staff
