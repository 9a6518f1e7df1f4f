"""What a reader sees, not only that text is there: no Markdown or template syntax left in any page,
every table the renderers write is a real table, every page type fits a 360 px phone and a
1280 px screen without sideways scrolling or tiny text, and the home page's first screen on a phone
holds the next day, the province picker and the two other things a reader can do."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BUILDER, REPO, page_paths
from playwright.sync_api import Browser, Page

from campaign_site.data.loader import load_site
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

RAW_SYNTAX = re.compile(r"\|\s*:?-{3,}|(?:^|\s)\|[^|\n]+\|[^|\n]+\||\*\*\S|__\S|\{\{|\{%|\{:|\]\(|&#\d+;|&[a-z]+;")
PAGE_TYPES = {
    "home": "",
    "year": "2026/",
    "plan": "2026/ke-hoach/so-khcn-lang-son/",
    "plan list": "2026/ke-hoach/",
    "province": "2026/dia-phuong/lang-son/",
    "calendar, all years": "lich/",
    "calendar, one year": "2026/lich/",
    "banners": "2026/bang-ron/",
    "observance day": "2026/ngay-sang-tao/",
    "legal basis": "can-cu-phap-ly/",
    "staff page": "gioi-thieu/",
    "missing page": "404.html",
}


def visible_text(page_html: str) -> str:
    """The text a reader sees: no scripts, styles or tags, entities decoded once."""
    soup = BeautifulSoup(page_html, "html.parser")
    for hidden in soup(["script", "style", "template", "code", "pre"]):
        hidden.decompose()
    return soup.get_text("\n")


def test_no_page_shows_markdown_or_template_syntax(built_site: Path) -> None:
    pages = [built_site / p / "index.html" for p in page_paths(built_site)] + [built_site / "404.html"]
    assert len(pages) > 20
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert "&amp;#" not in raw and "&#124;" not in raw, page
        for line in visible_text(raw).splitlines():
            assert not RAW_SYNTAX.search(line), f"{page}: {line!r}"


def test_the_syntax_scan_finds_a_table_left_as_text() -> None:
    """The scan above can fail: the year page's table once shipped as this paragraph."""
    broken = "<p>| Cơ quan ban hành | Văn bản | Thời gian thực hiện | Hạn báo cáo &#124;\n|---|---|---|&#45;--&#124;</p>"
    assert RAW_SYNTAX.search(visible_text(broken))
    assert not RAW_SYNTAX.search(visible_text("<p>Sở KH&amp;CN Lạng Sơn: 15/4 – 26/4/2026; “Đổi mới” (21/4) | 2 kế hoạch</p>"))


@pytest.fixture(scope="module")
def generated_pages() -> dict[str, str]:
    """The Markdown of every generated page, rendered in-process from the shipped data."""
    data = load_site(REPO / "campaigns")
    renderer = SiteRenderer(collect(data, date(2026, 11, 22), {}, datetime(2026, 11, 22, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    return {f.path: f.content for f in renderer.render() if f.path.endswith(".md") and isinstance(f.content, str)}


MARKDOWN_TABLE = re.compile(r"^\|.*\|\s*\n\|(?:\s*:?-{3,}:?\s*\|)+\s*$", re.MULTILINE)


def test_every_table_a_renderer_writes_is_a_table_on_the_page(generated_pages: dict[str, str], built_site: Path) -> None:
    checked = 0
    for source, markdown in generated_pages.items():
        expected = len(MARKDOWN_TABLE.findall(markdown)) + markdown.count("<table")
        if not expected:
            continue
        url = source.removesuffix(".md").removesuffix("index").rstrip("/")
        built = built_site / url / "index.html"
        article = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").find("article")
        assert len(article.find_all("table")) == expected, source
        checked += 1
    assert checked >= 8


LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const content = [...document.querySelectorAll('.md-content *, .md-footer *')].filter(e => e.checkVisibility());
  const wide = content.filter(e => e.getBoundingClientRect().right > width + 1).map(e => e.tagName + '.' + e.className);
  const scrolling = content.filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => e.tagName + '.' + e.className);
  const small = content.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
      && parseFloat(getComputedStyle(e).fontSize) < 12).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 30));
  return {wide, scrolling, small, pageWidth: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_fits_the_screen_with_readable_text(browser: Browser, served_site: str, kind: str, viewport: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale="vi-VN")
    try:
        tab = context.new_page()
        tab.goto(served_site + PAGE_TYPES[kind])
        found = tab.evaluate(LAYOUT)
    finally:
        context.close()
    assert found["pageWidth"] <= viewport[0], found
    assert found["wide"] == [], found["wide"][:5]
    assert found["scrolling"] == [], found["scrolling"][:5]
    assert found["small"] == [], found["small"][:5]


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740 and box["x"] + box["width"] <= 360


def test_home_first_screen_on_a_phone_shows_the_next_date_the_province_picker_and_two_actions(served_site: str, page: Page) -> None:
    """The next date and the way to the plans near the reader come first; the theme's banner follows them."""
    page.clock.set_fixed_time("2026-04-01T09:00:00+07:00")
    page.goto(served_site)
    art = page.locator(".hero__art")
    assert "Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả" in art.get_attribute("alt")
    assert page.evaluate("document.querySelector('.hero__art').complete && document.querySelector('.hero__art').naturalWidth") == 1200
    assert page.locator(".hero [data-next-date-text]").inner_text() == "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2026 (còn 20 ngày)."
    first_screen = (".hero__title", ".hero [data-next-date-text]", ".province-pick select", ".province-pick button",
                    ".hero__actions a[href$='bang-ron/']", ".hero__actions a[href$='lich/']")
    for selector in first_screen:
        assert in_view(page, selector), selector
    tops = [page.locator(s).first.bounding_box()["y"] for s in (*first_screen[:3], ".hero__actions a[href$='bang-ron/']", ".hero__art")]
    assert tops == sorted(tops), tops
    page.select_option(".province-pick select", label="Lạng Sơn (1 kế hoạch)")
    page.click(".province-pick button")
    page.wait_for_url("**/2026/dia-phuong/lang-son/")


def test_home_counts_down_to_next_year_s_day_once_this_year_s_days_have_passed(served_site: str, page: Page) -> None:
    """The days recur every year: after 18/5/2026 the home page counts down to 21/4/2027."""
    page.clock.set_fixed_time("2026-11-30T09:00:00+07:00")
    page.goto(served_site)
    assert page.locator(".hero [data-next-date-text]").inner_text() == "Ngày Sáng tạo và Đổi mới sáng tạo thế giới: 21/4/2027 (còn 142 ngày)."


def test_signature_lines_are_separate_on_screen(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/ke-hoach/so-khcn-lang-son/index.html").read_text(encoding="utf-8"), "html.parser")
    lines = [p.get_text(" ", strip=True) for p in soup.select(".plan-signature p")]
    assert lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Thu Hạnh"]


def test_year_page_plan_table_is_a_table_with_every_plan(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    table = soup.find("article").find("table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Cơ quan ban hành", "Văn bản", "Thời gian thực hiện", "Hạn báo cáo"]
    assert len(table.select("tbody tr")) == 4
    assert all(td.get("data-label") for td in table.select("tbody td"))


def test_year_page_slogans_are_not_glued_to_the_themes(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    labels = [p.get_text(strip=True) for p in soup.find("article").find_all("p") if p.get_text(strip=True) in ("Chủ đề", "Khẩu hiệu")]
    assert labels == ["Chủ đề", "Khẩu hiệu"] * 3


def test_plan_list_lists_the_plans_of_a_small_year(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/ke-hoach/index.html").read_text(encoding="utf-8"), "html.parser")
    names = [a.get_text(strip=True) for a in soup.find("article").find("table").select("tbody td a")]
    assert names == ["Ủy ban nhân dân phường Trần Hưng Đạo (Hải Phòng)", "Sở Khoa học và Công nghệ tỉnh Lai Châu",
                     "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Ủy ban nhân dân xã Bình Thành (Thái Nguyên)"]  # by province
    # The hint names this year's plans, typed as a reader would.
    assert soup.find("input", id="tim-ke-hoach").get("placeholder") == "Ví dụ: so khcn lai chau, ubnd xa binh thanh"


def test_closed_drawer_and_search_take_no_tab_stops_on_a_phone(served_site: str, page: Page) -> None:
    page.goto(served_site + "2026/")
    visited = []
    for _ in range(8):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("""() => { const e = document.activeElement;
          return {nav: !!e.closest('.md-sidebar--primary, .md-search__inner'), text: e.textContent.trim().slice(0, 30)}; }"""))
    assert not any(v["nav"] for v in visited), visited
    assert "Xem lịch theo tháng." in [v["text"] for v in visited]


def test_stacked_tables_label_every_cell_with_its_column(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "can-cu-phap-ly/index.html").read_text(encoding="utf-8"), "html.parser")
    row = soup.select_one("table[data-legal-table] tbody tr")
    assert [td["data-label"] for td in row.find_all("td")] == [
        "Loại", "Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Được dẫn tại", "Văn bản gốc, nguồn"]
    assert html.unescape(row.find_all("td")[1].get_text()) == "57-NQ/TW"


def test_pages_come_from_the_chosen_generator(built_site: Path) -> None:
    """Under SITE_BUILDER=properdocs, every test in this file reads ProperDocs' build."""
    generator = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser").find("meta", attrs={"name": "generator"})
    assert ("ProperDocs" in generator["content"]) == (BUILDER == "properdocs"), generator["content"]
