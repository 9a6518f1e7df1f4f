"""Many plans: every page reachable from the navigation and the plan listings, pages that do not grow
with the number of plans, a search index that grows little, the listing's name filter, merged calendars.

Two real builds of synthetic data (scripts/synthetic_campaigns.py) with 120 and 240 plans in 2026 (the larger rendered in worker processes).
"""

from __future__ import annotations

import functools
import os
import pickle
import posixpath
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest
import synthetic_campaigns
from bs4 import BeautifulSoup, SoupStrainer
from conftest import REPO, copy_project, run_build, serve, shared_build, shared_builds
from icalendar import Calendar
from playwright.sync_api import Page, expect
from project_copy import copy_banner_cache

from campaign_site.core import parallel
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import SiteData
from campaign_site.words.phrasing import documents_count

SIZES = (120, 240)
ALWAYS_BOUNDED = ["", "2026/", "2026/ke-hoach/", "2026/lich/", "lich/", "can-cu-phap-ly/", "2026/bang-ron/", "gioi-thieu/"]


def write_synthetic(tmp_path_factory: pytest.TempPathFactory, dest: Path, plans: int, **options: int) -> Path:
    """`synthetic_campaigns.write`, copying the project without its tool caches and npm packages
    (conftest.copy_project) instead of the whole checkout: scripts/lighthouse/node_modules alone is
    185 MB, and no build reads it. The data written is the same."""
    source = shared_build(tmp_path_factory, "synthetic-source", lambda folder: copy_project(folder / "project")) / "project"
    with mock.patch.object(synthetic_campaigns, "REPO", source):
        return synthetic_campaigns.write(dest, plans, **options)


def build_synthetic(tmp_path_factory: pytest.TempPathFactory, size: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        project = write_synthetic(tmp_path_factory, folder / "project", size, history_years=2, seed=7)
        # The banners depend on the years' themes, not on the plans: the smaller build starts from the
        # shipped years' banners and draws the earlier years' (about 10 s of processor time); the larger
        # (made after it, by this worker or another) reuses them all.
        if size == SIZES[0]:
            copy_banner_cache(project)
        else:
            smaller = shared_build(tmp_path_factory, f"scale{SIZES[0]}", build_synthetic(tmp_path_factory, SIZES[0]))
            copy_banner_cache(project, smaller / "project")
        result = run_build(project / "mkdocs.yml", project / "site")
        assert result.returncode == 0, result.stderr[-3000:]
        # The data the tests compare the pages with, read here once for every worker (`site_data`).
        (folder / "data.pickle").write_bytes(pickle.dumps(load_site(project / "campaigns")))
    return make


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Both builds, made once per session, the larger with the smaller's banners."""
    folders = shared_builds(tmp_path_factory, {f"scale{size}": build_synthetic(tmp_path_factory, size) for size in SIZES})
    return {size: folders[f"scale{size}"] / "project" / "site" for size in SIZES}


@pytest.fixture(scope="module")
def site_data(sites: dict[int, Path]) -> Callable[[int], SiteData]:
    """`load_site` of each build's campaigns/, as the worker that made the build read it."""
    return functools.cache(lambda size: pickle.loads((sites[size].parent.parent / "data.pickle").read_bytes()))


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def links(site: Path, page: str) -> set[str]:
    """Site pages linked from `page` (paths of their index.html)."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("a"))
    found = set()
    for anchor in soup.find_all("a", href=True):
        href = urlsplit(anchor["href"])
        if href.scheme or href.netloc or not href.path:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href.path)))
        found.add(posixpath.join(target, "index.html") if not target.endswith(".html") else target)
    return found


def test_every_page_is_reachable_from_the_home_page(sites: dict[int, Path]) -> None:
    site = sites[SIZES[-1]]
    reached, queue = {"index.html"}, ["index.html"]
    while queue:
        for target in links(site, queue.pop()):
            if target not in reached and (site / target).is_file():
                reached.add(target)
                queue.append(target)
    assert html_pages(site) - reached == set()
    assert sum(1 for p in reached if "/ke-hoach/" in p and p.count("/") == 3) >= SIZES[-1]


def test_plans_are_not_in_the_navigation(sites: dict[int, Path]) -> None:
    soup = BeautifulSoup((sites[SIZES[-1]] / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.find("nav", class_="md-nav--primary")
    assert not [a["href"] for a in nav.find_all("a", href=True) if re.search(r"ke-hoach/[^/]+/$", a["href"])]


@pytest.mark.parametrize("page", ALWAYS_BOUNDED)
def test_pages_about_the_whole_year_do_not_grow_with_the_number_of_plans(sites: dict[int, Path], page: str) -> None:
    small, big = ((sites[size] / page / "index.html").stat().st_size for size in SIZES)
    assert big <= small * 1.02 + 512, f"/{page}: {small} → {big} bytes"
    assert big < 100_000


def test_the_largest_page_is_under_100_kb(sites: dict[int, Path]) -> None:
    largest = max(sites[SIZES[-1]].rglob("*.html"), key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < 100_000, largest


def test_search_index_grows_little_per_plan(sites: dict[int, Path]) -> None:
    small, big = ((sites[size] / "search/search_index.json").stat().st_size for size in SIZES)
    per_plan = (big - small) / (SIZES[1] - SIZES[0])
    assert per_plan <= 400, f"{per_plan:.0f} bytes per plan"


def test_plan_pages_stand_in_search_through_their_province_page(sites: dict[int, Path], site_data: Callable[[int], SiteData]) -> None:
    import json

    index = json.loads((sites[SIZES[0]] / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert not [loc for loc in locations if re.match(r"2026/ke-hoach/[^/]+/", loc)]
    province_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("2026/dia-phuong/"))
    data = site_data(SIZES[0])
    for plan in data.campaigns[2026].plans[:50]:
        assert plan.issuer.name in province_text


def test_calendars_merge_plan_dates_and_each_plan_keeps_its_own_feed(sites: dict[int, Path], site_data: Callable[[int], SiteData]) -> None:
    site = sites[SIZES[-1]]
    data = site_data(SIZES[-1])
    plans = data.campaigns[2026].plans
    spans = {(p.window.start, p.window.end) for p in plans} | {(d.due, d.due) for p in plans for d in p.report_deadlines}
    calendar = Calendar.from_ical((site / "lich/2026.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) <= len(spans) + len(data.campaigns[2026].observances)
    names = {str(e["SUMMARY"]) for e in events}
    assert not [n for n in names if any(p.issuer.short_name in n for p in plans)]
    assert any(re.search(r"của \d+ kế hoạch", n) for n in names)
    for plan in plans[:: len(plans) // 10]:
        own = Calendar.from_ical((site / f"lich/2026/{plan.id}.ics").read_bytes())
        assert len(own.walk("VEVENT")) == 1  # citizens' feed: the window; deadlines are in the staff feed
        staff = site / f"lich/2026/han-bao-cao/{plan.id}.ics"
        assert (len(Calendar.from_ical(staff.read_bytes()).walk("VEVENT")) if staff.exists() else 0) == len(plan.report_deadlines)


def test_province_groups_are_sorted_and_complete(sites: dict[int, Path], site_data: Callable[[int], SiteData]) -> None:
    data = site_data(SIZES[0])
    campaign = data.campaigns[2026]
    groups = campaign.provinces
    assert sum(len(g.plans) for g in groups) == len(campaign.plans)
    assert [g.slug for g in groups] == sorted(g.slug for g in groups)
    soup = BeautifulSoup((sites[SIZES[0]] / "2026/ke-hoach/index.html").read_text(encoding="utf-8"), "html.parser")
    listed = soup.find(id="theo-tinh-thanh-pho").find_next("ul").find_all("li")
    assert [(li.a.get_text(), li.get_text().split(": ", 1)[1]) for li in listed] == [
        (g.name, documents_count(g.plans)) for g in groups if not g.central]  # central bodies are a group of their own


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D").lower()


def test_listing_filter_finds_plans_typed_with_or_without_diacritics(sites: dict[int, Path], site_data: Callable[[int], SiteData], page: Page) -> None:
    site = sites[SIZES[0]]
    plan = site_data(SIZES[0]).campaigns[2026].plans[-1]
    with serve(site) as base:
        page.goto(base + "2026/ke-hoach/")
        box = page.get_by_label("Tìm theo tên cơ quan")
        results = page.locator(".plan-filter__results a")
        status = page.locator(".plan-filter__status")
        for query in (plan.issuer.name, fold(plan.issuer.name), unicodedata.normalize("NFD", plan.issuer.name.upper())):
            box.fill(query)
            expect(results.first).to_have_text(plan.issuer.name)
        expect(status).to_have_text(re.compile(r"^Có \d+ kế hoạch khớp"))
        box.fill("uy ban")
        expect(status).to_contain_text("đang hiện 50 kế hoạch đầu")
        expect(results).to_have_count(50)
        box.fill("khong co xa nay")
        expect(status).to_have_text("Không có kế hoạch nào khớp.")
        expect(results).to_have_count(0)
        box.fill(fold(plan.issuer.name))
        results.first.click()
        page.wait_for_url(f"**/2026/ke-hoach/{plan.id}/")
        expect(page.locator("h1")).to_contain_text(plan.issuer.name)


def test_parallel_map_keeps_order_and_uses_other_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)
    items = list(range(100))
    assert parallel.map_all(lambda n: n * n, items) == [n * n for n in items]
    pids = set(parallel.map_all(lambda _: os.getpid(), items))
    assert os.getpid() not in pids or (os.cpu_count() or 1) < 2


def test_a_year_without_plans_says_so_on_its_listing(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from datetime import date

    from campaign_site.pages.renderer import SiteRenderer
    from campaign_site.stages.banners.cache import BannerCache
    from campaign_site.stages.collect import collect

    project = write_synthetic(tmp_path_factory, tmp_path / "project", 0, history_years=1)
    data = load_site(project / "campaigns")
    empty = min(data.campaigns)
    assert not data.campaigns[empty].plans
    # A copy of the repository's banner cache, as a build has it: the banners (not checked here) are
    # mostly reused instead of drawn again.
    cache = tmp_path / "banners"
    try:
        shutil.copytree(REPO / ".cache/banners", cache, dirs_exist_ok=True)
    except (OSError, shutil.Error):
        pass  # no cache yet, or a build pruned it meanwhile: more banners are drawn
    files = {f.path: f.content for f in SiteRenderer(collect(data, date(2026, 11, 22), banner_cache=BannerCache(cache))).render()}
    listing = files[f"{empty}/ke-hoach/index.md"]
    assert f"Chưa có kế hoạch nào cho năm {empty}." in listing
    assert "data-plan-filter" not in listing and "0 tỉnh" not in listing
    assert files[f"{empty}/ke-hoach/danh-sach.json"] == "[]"
