"""The year page opens with its dates and its plans, then the days' phrases; the legal chains are on the
legal-basis page only, linked in one line; its H1 says the year once."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser

from campaign_site.data.loader import load_site
from campaign_site.pages.views.year import year_heading


def article(built_site: Path, page: str) -> Tag:
    found = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser").find("article")
    assert isinstance(found, Tag)
    return found


def text(tag: Tag) -> str:
    return tag.get_text(" ", strip=True).removesuffix("¶").strip()


def test_year_page_opens_with_its_dates_then_its_plans_then_the_phrases(built_site: Path) -> None:
    page = article(built_site, "2026")
    blocks = [child for child in page.children if isinstance(child, Tag) and child.name in ("h1", "h2", "p", "ul", "details")]
    assert [b.name for b in blocks[:6]] == ["h1", "p", "p", "ul", "p", "h2"]
    window, days, kept = blocks[1], blocks[3], blocks[4]
    assert text(window).startswith("Các kế hoạch năm 2026 được thực hiện") and text(window).endswith("Thời gian này đã kết thúc. Xem lịch theo tháng.")
    assert [text(li) for li in days.find_all("li")] == [
        "21/4: Ngày Sáng tạo và Đổi mới sáng tạo thế giới", "26/4: Ngày Sở hữu trí tuệ thế giới",
        "18/5: Ngày Khoa học và Công nghệ Việt Nam"]
    assert kept.a is not None and kept.a.has_attr("download") and text(kept).startswith("Tải lịch về máy để lưu lại")  # every day is over
    assert [text(h) for h in page.find_all("h2")] == [
        "Kế hoạch hưởng ứng", "Chủ đề và khẩu hiệu", "Căn cứ pháp lý", "Dữ liệu mở"]


def test_year_page_says_its_year_once_in_its_heading(built_site: Path) -> None:
    h1 = article(built_site, "2026").h1
    assert h1 is not None and text(h1) == "Hưởng ứng các ngày kỷ niệm về khoa học, công nghệ và đổi mới sáng tạo năm 2026"


def test_year_page_links_the_legal_basis_in_one_line_and_the_chains_stay_there(built_site: Path) -> None:
    page = article(built_site, "2026")
    heading = next(h for h in page.find_all("h2") if text(h) == "Căn cứ pháp lý")
    section = heading.find_next_sibling()
    assert section is not None and section.name == "p" and section.find_next_sibling().name == "h2"
    assert text(section) == "Văn bản làm căn cứ cho từng kế hoạch: xem trang Căn cứ pháp lý ."
    assert [urljoin("http://site/2026/", a["href"]) for a in section.find_all("a")] == ["http://site/can-cu-phap-ly/"]
    # Each plan of the year, with its chain, is still on the legal-basis page.
    legal = article(built_site, "can-cu-phap-ly")
    year = next(h for h in legal.find_all("h3") if text(h) == "Năm 2026")
    chains = year.find_next_sibling("ul")
    assert chains is not None
    linked = {urljoin("http://site/can-cu-phap-ly/", a["href"]) for a in chains.find_all("a")}
    plans = load_site(REPO / "campaigns").campaigns[2026].plans
    assert {f"http://site/2026/ke-hoach/{p.id}/" for p in plans} <= linked
    assert any("#van-ban-" in href for href in linked)


def test_year_page_shows_its_plans_in_a_phone_s_first_screen(browser: Browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    tab = context.new_page()
    tab.goto(served_site + "2026/")
    heading = tab.locator("h2", has_text="Kế hoạch hưởng ứng")
    box = heading.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 740
    context.close()


@given(year=st.integers(1990, 2100), title=st.text(min_size=1, max_size=80))
def test_a_year_heading_names_its_year_at_least_once_and_never_adds_it_to_a_title_that_has_it(year: int, title: str) -> None:
    heading = year_heading(year, title)
    assert str(year) in heading
    if str(year) in title:
        assert heading.count(str(year)) == title.count(str(year))
    else:
        assert heading.startswith(f"Năm {year}: ")
