"""Every kind of page in headless Chromium on a 360 px phone: no sideways scroll, nothing from other hosts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

PAGES = ["", "lich/", "2026/lich/", "2026/", "2025/", "2026/bang-ron/", "2026/ke-hoach/ubnd-xa-binh-thanh/", "2025/ke-hoach/so-khcn-thanh-hoa/", "can-cu-phap-ly/", "gioi-thieu/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone_and_loads_only_from_the_site(served_site: str, page: Page, path: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("response", lambda response: response.status >= 400 and not response.url.endswith("/404.html") and errors.append(f"{response.status} {response.url}"))
    page.goto(served_site + path)
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not errors


def test_plan_page_heading_and_notice_header(served_site: str, page: Page) -> None:
    page.goto(served_site + "2026/ke-hoach/so-khcn-lang-son/")
    expect(page.locator("h1").first).to_contain_text("Công văn của Sở Khoa học và Công nghệ tỉnh Lạng Sơn")
    expect(page.locator(".plan-header")).to_contain_text("Số: …/SKHCN-QLCN&TĐC")
    # The document leaves its day blank: the page says so instead of printing a draft's dots.
    expect(page.locator(".plan-header")).to_contain_text("Lạng Sơn, tháng 4 năm 2026")
    expect(page.locator("table", has_text="Ngày ký")).to_contain_text("Tháng 4/2026 (văn bản để trống ngày)")


def test_plan_filter_is_in_place_before_scripts_run_and_says_what_to_do_without_them(browser: Browser, served_site: str) -> None:
    """The filter box is part of the page from the start (nothing moves when scripts run); without
    scripts its box stays disabled and the page points to the list of provinces."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(served_site + "2026/ke-hoach/")
    expect(tab.locator("#tim-ke-hoach")).to_be_disabled()
    # Chromium with scripts switched off by the test still parses <noscript> as text, so read the markup.
    assert "<noscript><p>Ô tìm cần JavaScript. Hãy chọn tỉnh, thành phố ở danh sách dưới.</p></noscript>" in tab.content()
    expect(tab.locator("#theo-tinh-thanh-pho + ul a[href*='dia-phuong']", has_text="Lạng Sơn")).to_be_visible()
    context.close()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(served_site + "2026/ke-hoach/")
    expect(tab.locator("#tim-ke-hoach")).to_be_enabled()
    expect(tab.locator("[data-plan-filter] noscript")).to_be_hidden()
    context.close()


@pytest.mark.parametrize(("query", "shown"), [
    ("so khcn", ["Sở Khoa học và Công nghệ tỉnh Lai Châu", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"]),
    ("Sở KHCN", ["Sở Khoa học và Công nghệ tỉnh Lai Châu", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"]),
    ("KH&CN lang", ["Sở Khoa học và Công nghệ tỉnh Lạng Sơn"]),
    ("ubnd xa binh thanh", ["Ủy ban nhân dân xã Bình Thành (Thái Nguyên)"]),
    ("uy ban nhan dan hai phong", ["Ủy ban nhân dân phường Trần Hưng Đạo (Hải Phòng)"]),
    ("thai nguyen", ["Ủy ban nhân dân xã Bình Thành (Thái Nguyên)"]),
])
def test_plan_filter_knows_the_site_s_words_and_filters_the_one_list_in_place(served_site: str, page: Page, query: str, shown: list[str]) -> None:
    page.goto(served_site + "2026/ke-hoach/")
    rows = page.locator("[data-plan-rows] tbody tr")
    expect(rows).to_have_count(4)
    expect(page.locator("[data-plan-filter] input")).to_have_attribute("placeholder", "Ví dụ: so khcn lai chau, ubnd xa binh thanh")
    assert page.locator(".plan-filter__results").count() == 0  # no second list of matches
    page.get_by_label("Tìm theo tên cơ quan").fill(query)
    expect(page.locator(".plan-filter__status")).to_have_text(f"Có {len(shown)} kế hoạch khớp.")
    expect(rows.filter(visible=True).locator("a").first).to_be_visible()
    assert rows.filter(visible=True).locator("td:first-child a").all_inner_texts() == shown
    page.get_by_label("Tìm theo tên cơ quan").fill("")
    expect(rows.filter(visible=True)).to_have_count(4)
    expect(page.locator(".plan-filter__status")).to_have_text("")


def test_plan_filter_says_when_nothing_matches(served_site: str, page: Page) -> None:
    page.goto(served_site + "2026/ke-hoach/")
    page.get_by_label("Tìm theo tên cơ quan").fill("ubnd xa lang son")
    expect(page.locator(".plan-filter__status")).to_have_text("Không có kế hoạch nào khớp.")
    expect(page.locator("[data-plan-rows] tbody tr").filter(visible=True)).to_have_count(0)
