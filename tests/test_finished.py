"""What is finished says so, and only what is ahead is offered to add to a calendar (issue 27).

The shipped site is built by MkDocs on two days: `BEFORE` (10/4/2026, the 2026 days and windows ahead) and
`TODAY` (22/11/2026, all of them over). The year, plan, day and calendar pages are read with BeautifulSoup.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import BEFORE, TODAY

DAYS = (BEFORE, TODAY)


def article(request: pytest.FixtureRequest, day: str, page: str) -> Tag:
    site: Path = request.getfixturevalue("built_site_before" if day == BEFORE else "built_site")
    found = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser").find("article")
    assert isinstance(found, Tag)
    return found


def words(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def kept_files(page: Tag) -> list[Tag]:
    """The feeds offered as files to keep."""
    return [a for a in page.find_all("a", download=True) if a.get_text().startswith(("Tệp lịch để lưu (ICS, ", "Tải lịch về máy để lưu lại"))]


@pytest.mark.parametrize("day", DAYS)
def test_the_year_says_its_window_has_ended_and_offers_its_file_to_keep(request: pytest.FixtureRequest, day: str) -> None:
    page = article(request, day, "2026")
    over = day == TODAY
    assert ("Thời gian này đã kết thúc." in words(page)) == over
    assert (page.select_one("details.feed-add") is None) == over
    assert len(kept_files(page)) == (1 if over else 0)
    assert "webcal:" not in str(page) if over else "webcal://doimoisangtao.example/lich/2026.ics" in str(page)


@pytest.mark.parametrize("day", DAYS)
def test_a_plan_s_window_says_it_has_ended_and_its_files_are_to_keep(request: pytest.FixtureRequest, day: str) -> None:
    page = article(request, day, "2026/ke-hoach/so-khcn-lang-son")
    glance = page.select_one(".plan-glance")
    assert glance is not None
    window = next(li for li in glance.find_all("li") if words(li).startswith("Thời gian thực hiện:"))
    over = day == TODAY
    assert words(window).endswith("(đã kết thúc)") == over
    assert len(glance.select("details.feed-add")) == (0 if over else 2)  # citizens' and agencies' feeds
    assert len(kept_files(glance)) == (2 if over else 0)


@pytest.mark.parametrize("day", DAYS)
def test_a_day_page_says_it_has_passed_and_offers_its_feed_only_while_it_is_ahead(request: pytest.FixtureRequest, day: str) -> None:
    page = article(request, day, "2026/ngay-sang-tao")
    first = page.find("h1").find_next_sibling("p")
    assert first is not None
    passed = day == TODAY
    assert ("đã diễn ra; lần tới: Thứ Tư, 21/4/2027" in words(first)) == passed
    assert (page.select_one("details.feed-add") is None) == passed
    assert not kept_files(page)


def test_a_day_page_answers_in_its_reader_s_order(request: pytest.FixtureRequest) -> None:
    """A trail up to the year, the date, then the plans that name the day, then the phrases; every heading has
    something under it."""
    page = article(request, TODAY, "2026/ngay-sang-tao")
    trail = page.select("nav.where li")
    assert [words(li) for li in trail] == ["Năm 2026", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới"]
    assert trail[0].a is not None and trail[0].a["href"] == "../" and trail[1].find(attrs={"aria-current": "page"})
    order = [t.name for t in page.find_all(["h1", "h2", "time"])]
    assert order.index("h1") < order.index("time") < order.index("h2")
    headings = [words(h).removesuffix(" ¶") for h in page.find_all("h2")]
    assert headings == ["Kế hoạch nêu ngày này", "Chủ đề, khẩu hiệu trong các kế hoạch năm 2026"]
    for heading in page.find_all("h2"):
        following = heading.find_next_sibling()
        assert following is not None and following.name not in ("h2", "h3"), heading


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("path", ["2026/lich", "lich"])
def test_a_calendar_opens_with_what_is_next(request: pytest.FixtureRequest, day: str, path: str) -> None:
    """The next date and the coming ones come before the month grids and the feeds; while 2026's days are ahead
    the coming list starts with the next of them; once over, the year's feeds are files to keep."""
    page = article(request, day, path)
    order = [t for t in page.find_all(["section", "table", "h2"]) if t.get("id") or t.name != "h2"]
    names = [t.get("id") or " ".join(t.get("class", [])) for t in order]
    first = "next-date" if day == TODAY and path == "2026/lich" else "cal-coming"
    assert names.index("next-date") <= names.index(first) < names.index("cal-month") < names.index("them-vao-lich")
    coming = page.select('[data-cal-list="coming"] li')
    if day == BEFORE:
        assert coming and coming[0]["data-last"] >= "2026-04-10"
        assert words(coming[0]).startswith("15/4/2026 – 26/4/2026 — Thời gian thực hiện: Sở KH&CN Lạng Sơn"), words(coming[0])
    year_over = day == TODAY and path == "2026/lich"
    section = page.select_one("section.cal-coming")
    assert (section is None) == year_over  # nothing ahead: the next-date panel alone says what comes next
    heading = page.find("h2", id="them-vao-lich")
    assert heading is not None
    assert (words(heading).removesuffix(" ¶") == "Tệp lịch để lưu") == year_over
    captions = [words(c) for c in page.select("table.cal-month caption")]
    if path == "lich" and day == TODAY:  # the overview's grids are the months ahead; each year's calendar keeps its own
        assert captions == ["Tháng 4 năm 2027", "Tháng 5 năm 2027"]
        assert {a["href"] for a in page.find_all("a", string=["Năm 2026", "Năm 2025"])} == {"../2026/lich/", "../2025/lich/"}
    elif path == "lich":
        assert "Tháng 4 năm 2025" not in captions and captions[0] == "Tháng 4 năm 2026"
    else:
        assert captions == ["Tháng 4 năm 2026", "Tháng 5 năm 2026"]
