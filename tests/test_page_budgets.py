"""Every page type answers its reader's question in a phone's first screen, within a height budget (issue 27).

One row per page type: a page of that type on the shipped site, the most it may measure at 360 px, and the
line that answers the reader's question, which must end inside the first 360 × 740 screen. The staff guide
(`HUONG-DAN-BIEN-TAP.md`, "Trang web hiển thị gì") says the same order in words. At 1280 px no page is
wider than the window. Plan pages are measured on more documents in `test_plan_first_screen.py`. The shipped
data has no news: the news rows are measured on a copy of the project with eleven sample posts (`news_site`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import copy_project, run_build, shared_build
from local_server import serve
from playwright.sync_api import Browser, Page
from sample_posts import SLUG, add_posts

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Screen:
    """A page type's page, its height budget at 360 px, and the element that answers its reader."""

    path: str
    budget: int
    answer: str
    """A CSS selector, optionally narrowed by `has_text`."""
    has_text: str = ""
    news: bool = False
    """Measured on the copy with posts (`news_site`) rather than the shipped site."""


PAGE_TYPES: dict[str, Screen] = {
    # Home: the next date, then the plans near me (the picker comes after the next-date panel).
    "home": Screen("", 1_520, ".province-pick"),

    # Year: its dates, then its plans.
    "year": Screen("2026/", 5_200, "h2", "Kế hoạch hưởng ứng"),

    # The year's plans: the name filter, then every plan (filtered in place), then the provinces and central bodies.
    "plan list": Screen("2026/ke-hoach/", 1_920, "#tim-ke-hoach"),

    # A plan: what, when, where (more plans in test_plan_first_screen.py).
    "plan": Screen("2026/ke-hoach/ubnd-xa-binh-thanh/", 8_220, ".plan-glance li", "Cơ quan ban hành:"),

    # A province: its plans with their windows, the provincial documents they implement, the next date, then posts
    # and the other provinces.
    "province": Screen("2026/dia-phuong/thai-nguyen/", 1_420, "article tbody tr"),

    # The year's calendar: the next date and the coming ones, then the months, the past ones, the feeds.
    "year calendar": Screen("2026/lich/", 3_520, "section.next-date"),

    # All calendars: the same order.
    "calendar": Screen("lich/", 4_500, "section.cal-coming"),

    # Banners: the first text and its PDF for each print size; the print details after every text.
    "banners": Screen("2026/bang-ron/", 5_950, ".banner__print"),

    # An observance day: its date and whether it has passed, the plans that name it, then its phrases.
    "day": Screen("2026/ngay-khoa-hoc-cong-nghe/", 1_400, "h2", "Kế hoạch nêu ngày này"),

    # Legal basis: what it is and the national documents at the top of every chain; the registry, then each plan's chain.
    "legal basis": Screen("can-cu-phap-ly/", 6_900, ".legal-main"),

    # Open data: what there is, its licence and each year's files; the JSON fields for programmers last.
    "open data": Screen("du-lieu-mo/", 1_850, "article a[href$='.json']"),

    # About: what the site is and where its contact is; where its content comes from, open data, contact.
    "about": Screen("gioi-thieu/", 2_050, "article h1 + p"),

    # News list: each post's date, place and first lines, newest first.
    "news list": Screen("2026/hoat-dong/", 3_400, ".post-card__meta", news=True),

    # A post: what happened, when, where, the opening lines, then the photo.
    "post": Screen(f"2026/hoat-dong/{SLUG}/", 1_690, ".post-photo img", news=True),
}


def _build_news_site(folder: Path) -> None:
    project = copy_project(folder / "project")
    add_posts(project, 10)
    result = run_build(project / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def news_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the project with eleven posts (a full first news page), built once as staff build it, served."""
    with serve(shared_build(tmp_path_factory, "news-posts", _build_news_site) / "site") as url:
        yield url


def _site(request: pytest.FixtureRequest, screen: Screen) -> str:
    """The served site a row is measured on."""
    return str(request.getfixturevalue("news_site" if screen.news else "served_site"))


def _open(browser: Browser, viewport: dict[str, int], url: str) -> Page:
    tab = browser.new_context(viewport=viewport, locale="vi-VN").new_page()
    tab.goto(url)
    return tab


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_answers_in_the_first_screen_within_its_budget(browser: Browser, request: pytest.FixtureRequest,
                                                                      kind: str) -> None:
    screen = PAGE_TYPES[kind]
    tab = _open(browser, PHONE, _site(request, screen) + screen.path)
    answer = tab.locator(screen.answer, has_text=screen.has_text or None).first
    box = answer.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], f"{kind}: the answer ends at {box}"
    height = tab.evaluate("document.documentElement.scrollHeight")
    width = tab.evaluate("document.documentElement.scrollWidth")
    tab.context.close()
    print(f"{kind}: {height} px")
    assert width <= PHONE["width"], f"{kind} is {width} px wide at 360 px"
    assert height <= screen.budget, f"{kind} is {height} px tall at 360 px, over its budget of {screen.budget}"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_type_is_wider_than_a_desktop_window(browser: Browser, request: pytest.FixtureRequest, kind: str) -> None:
    tab = _open(browser, DESKTOP, _site(request, PAGE_TYPES[kind]) + PAGE_TYPES[kind].path)
    width = tab.evaluate("document.documentElement.scrollWidth")
    tab.context.close()
    assert width <= DESKTOP["width"], f"{kind} is {width} px wide at 1280 px"
