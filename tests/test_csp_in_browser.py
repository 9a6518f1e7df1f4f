"""The site under its Content-Security-Policy, as nginx sends it, in headless Chromium.

Every kind of page is opened over HTTPS from the real nginx configuration (tests/nginx_host.py);
any console error, script error or policy violation fails the test, and the features that need
scripts (search and its worker, copy buttons, the next-date panel, both filters) are used for real.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import seed_facts
from nginx_host import Nginx
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect

MISSING = "khong-co-trang-nay/"
PAGES = [
    "",
    "gioi-thieu/",
    "2026/",
    "2026/ke-hoach/",
    "2026/ke-hoach/so-khcn-lang-son/",
    "2026/dia-phuong/lang-son/",
    "2026/lich/",
    "lich/",
    "2026/bang-ron/",
    "can-cu-phap-ly/",
    "2025/",
    MISSING,
]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def strict_page(browser: Browser, hosted_site: Nginx) -> Iterator[Page]:
    """A phone-sized tab on the nginx site that fails the test on any error, violation or outside request."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 740}, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=hosted_site.url.rstrip("/"))
    problems: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith((hosted_site.url, "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"request to {route.request.url}")
            route.abort()

    context.route("**/*", guard)
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()

    def console(message: ConsoleMessage) -> None:
        # The missing page's own 404 status is the one expected error.
        expected = message.location.get("url", "").endswith(MISSING) and "404" in message.text
        if message.type in ("error", "warning") and not expected:
            problems.append(f"console {message.type}: {message.text}")

    tab.on("console", console)
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield tab
    problems += tab.evaluate("window.__violations")
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_page_loads_under_the_policy_without_errors(strict_page: Page, hosted_site: Nginx, path: str) -> None:
    response = strict_page.goto(hosted_site.url + path)
    assert response is not None and response.status == (404 if path == MISSING else 200)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    strict_page.wait_for_load_state("networkidle")
    # Material's script ran: it marks the page as scripted and builds the navigation drawer.
    expect(strict_page.locator("[data-md-component=header]")).to_be_visible()
    assert strict_page.evaluate("typeof __md_get === 'function' && typeof __md_scope === 'object'")


def test_search_and_its_worker_run_under_the_policy(strict_page: Page, hosted_site: Nginx) -> None:
    strict_page.set_viewport_size({"width": 1280, "height": 900})
    strict_page.goto(hosted_site.url)
    box = strict_page.locator("input[data-md-component=search-query]")
    box.fill("khau hieu")
    box.press("End")
    first = strict_page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", f"{hosted_site.url}2026/bang-ron/")


def test_copy_buttons_work_under_the_policy(strict_page: Page, hosted_site: Nginx) -> None:
    strict_page.goto(hosted_site.url + "2026/bang-ron/")
    strict_page.locator('button[data-copy="noi-dung-khcn-dot-pha-ky-nguyen-moi"]').click()
    expect(strict_page.locator("[data-copy-status]")).to_have_text("Đã sao chép Chủ đề vào bộ nhớ tạm.")
    assert strict_page.evaluate("navigator.clipboard.readText()") == seed_facts.THEME_2026_ST


def test_feed_copy_button_works_under_the_policy(strict_page: Page, hosted_site: Nginx) -> None:
    """The all-years feed (it holds next year's days, so it is offered to add on the build day) on the calendar."""
    strict_page.goto(hosted_site.url + "lich/")
    strict_page.locator("button[data-copy-value]").first.click()
    expect(strict_page.locator("[data-copy-feed-status]").first).to_have_text("Đã sao chép địa chỉ lịch: Tất cả các năm.")
    assert strict_page.evaluate("navigator.clipboard.readText()") == "https://doimoisangtao.example/lich/tat-ca.ics"


def test_next_date_panel_is_filled_under_the_policy(strict_page: Page, hosted_site: Nginx) -> None:
    strict_page.clock.set_fixed_time("2026-04-19T12:00:00+07:00")
    strict_page.goto(hosted_site.url)
    expect(strict_page.locator("[data-next-date-text]")).to_contain_text("21/4/2026 (còn 2 ngày)")


def test_plan_and_legal_filters_work_under_the_policy(strict_page: Page, hosted_site: Nginx) -> None:
    strict_page.goto(hosted_site.url + "2026/ke-hoach/")
    box = strict_page.locator("[data-plan-filter] input")
    box.fill("lang son")
    expect(strict_page.locator("[data-plan-rows] tbody tr").filter(visible=True)).to_have_count(1)
    expect(strict_page.locator("[data-plan-rows] tbody tr").filter(visible=True)).to_contain_text("Lạng Sơn")
    strict_page.goto(hosted_site.url + "can-cu-phap-ly/")
    expect(strict_page.locator("[data-legal-filter]")).to_be_visible()


def test_the_policy_is_enforced_so_the_checks_above_can_fail(browser: Browser, hosted_site: Nginx) -> None:
    """Inline code, as Material's templates write it, is refused and reported."""
    context = browser.new_context(ignore_https_errors=True)
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.goto(hosted_site.url)
    tab.evaluate("document.body.appendChild(Object.assign(document.createElement('script'), {textContent: 'window.__ran = 1'}))")
    tab.wait_for_function("window.__violations.length > 0")
    assert tab.evaluate("window.__ran") is None
    assert tab.evaluate("window.__violations")[0].startswith("script-src-elem inline")
    context.close()
