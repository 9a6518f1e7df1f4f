"""Where am I (issue 27): a ward or commune is named with its province wherever a reader meets it out of its
province's pages, so two wards of one name in two provinces read apart in titles, headings, cards, the
plan filter's list, search and calendars; plan, province and post pages open with where they stand.

The shipped ward plan of Trần Hưng Đạo (Hải Phòng) is copied as a plan of a ward of the same name in
Ninh Bình (a test fixture, not a published fact), with a post about it, and the site is built with MkDocs."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup, Tag
from conftest import run_build, shared_build
from hypothesis import given
from hypothesis import strategies as st
from project_copy import copy_project

from campaign_site.data.model import Issuer
from campaign_site.data.unknowns import is_not_known_slip

WARD = "ubnd-phuong-tran-hung-dao"
NAMESAKE = "ubnd-phuong-tran-hung-dao-ninh-binh"
PLANS = {WARD: "Hải Phòng", NAMESAKE: "Ninh Bình"}
PROVINCE_PAGES = {WARD: "2026/dia-phuong/hai-phong/", NAMESAKE: "2026/dia-phuong/ninh-binh/"}
POST = """---
title: Treo băng rôn tại phường Trần Hưng Đạo
date: 20/4/2026
plan: ubnd-phuong-tran-hung-dao-ninh-binh
unit: Ủy ban nhân dân phường Trần Hưng Đạo
place: Trụ sở phường
observances: [ngay-sang-tao]
---

Phường treo băng rôn hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới.
"""


def _build_where(folder: Path) -> None:
    root = copy_project(folder / "project")
    plans = root / "campaigns" / "2026" / "plans"
    ward = (plans / f"{WARD}.yaml").read_text(encoding="utf-8")
    assert "  province: Hải Phòng\n" in ward
    (plans / f"{NAMESAKE}.yaml").write_text(ward.replace("  province: Hải Phòng\n", "  province: Ninh Bình\n"), encoding="utf-8")
    posts = root / "docs" / "2026" / "hoat-dong"
    posts.mkdir(parents=True)
    (posts / "treo-bang-ron.md").write_text(POST, encoding="utf-8")
    result = run_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once for all workers (read only)."""
    return shared_build(tmp_path_factory, "where", _build_where) / "project" / "site"


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, page: str) -> Tag:
    found = html(site, page).find("article")
    assert isinstance(found, Tag), page
    return found


@pytest.mark.parametrize(("plan", "province"), PLANS.items())
def test_a_ward_s_title_and_heading_name_its_province(site: Path, plan: str, province: str) -> None:
    page = html(site, f"2026/ke-hoach/{plan}/")
    assert page.title is not None
    assert page.title.get_text().startswith(f"UBND phường Trần Hưng Đạo ({province}): Kế hoạch năm 2026")
    heading = article(site, f"2026/ke-hoach/{plan}/").h1
    assert heading is not None and heading.find(string=True) == f"Kế hoạch của Ủy ban nhân dân phường Trần Hưng Đạo ({province})"


def test_the_year_s_cards_tell_the_two_wards_apart(site: Path) -> None:
    for listing in ("2026/", "2026/ke-hoach/"):
        links = {a["href"].rstrip("/").rsplit("/", 1)[-1]: a.get_text(strip=True)
                 for a in article(site, listing).select("table a")}
        for plan, province in PLANS.items():
            assert links[plan] == f"Ủy ban nhân dân phường Trần Hưng Đạo ({province})", listing


def test_the_filter_s_list_tells_the_two_wards_apart(site: Path) -> None:
    """The filter prints each plan as `name (province)` (site.js) and matches what the reader types against both."""
    entries = json.loads((site / "2026" / "ke-hoach" / "danh-sach.json").read_text(encoding="utf-8"))
    shown = {e["u"].rstrip("/"): f"{e['n']} ({e['t']})" for e in entries}
    for plan, province in PLANS.items():
        assert shown[plan] == f"Ủy ban nhân dân phường Trần Hưng Đạo ({province})"


def test_search_tells_the_two_wards_apart(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"] if "#" not in d["location"]}
    for plan, province in PLANS.items():
        assert titles[f"2026/ke-hoach/{plan}/"] == f"UBND phường Trần Hưng Đạo ({province}): Kế hoạch năm 2026"


def test_calendar_events_tell_the_two_wards_apart(site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((site / "lich" / "2026.ics").read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    for province in PLANS.values():
        assert f"UBND phường Trần Hưng Đạo ({province}): thời gian thực hiện kế hoạch" in summaries


def _trail(site: Path, page: str) -> list[tuple[str, str | None, bool]]:
    """The page's trail, which must come first in its article: each step's words, address (resolved against
    the page's) and whether it is marked as the page itself."""
    body = article(site, page)
    first = next(child for child in body.children if isinstance(child, Tag))
    assert first.name == "nav" and first["aria-label"] == "Bạn đang ở đây", page
    items = first.select(":scope > ol > li")
    assert items, page
    steps = []
    for item in items:
        a, here = item.find("a"), item.find(attrs={"aria-current": "page"})
        href = str(a["href"]) if isinstance(a, Tag) else None
        resolved = (Path("/", page) / href).resolve().as_posix().strip("/") + "/" if href else None
        steps.append((item.get_text(strip=True), resolved, here is not None))
    return steps


@pytest.mark.parametrize(("plan", "province"), PLANS.items())
def test_a_plan_page_opens_with_year_province_and_plan(site: Path, plan: str, province: str) -> None:
    assert _trail(site, f"2026/ke-hoach/{plan}/") == [
        ("Năm 2026", "2026/", False), (province, PROVINCE_PAGES[plan], False), ("UBND phường Trần Hưng Đạo", None, True)]


def test_a_province_page_opens_with_year_and_province(site: Path) -> None:
    assert _trail(site, PROVINCE_PAGES[NAMESAKE]) == [("Năm 2026", "2026/", False), ("Ninh Bình", None, True)]


def test_a_post_page_opens_with_year_province_and_its_plan(site: Path) -> None:
    assert _trail(site, "2026/hoat-dong/treo-bang-ron/") == [
        ("Năm 2026", "2026/", False), ("Ninh Bình", PROVINCE_PAGES[NAMESAKE], False),
        ("UBND phường Trần Hưng Đạo", f"2026/ke-hoach/{NAMESAKE}/", False)]


def test_every_trail_step_leads_to_a_built_page(site: Path) -> None:
    for page in (f"2026/ke-hoach/{WARD}/", PROVINCE_PAGES[WARD], "2026/hoat-dong/treo-bang-ron/"):
        for _, address, _ in _trail(site, page):
            assert address is None or (site / address / "index.html").is_file(), (page, address)


names = st.text(st.characters(categories=("L", "Zs")), min_size=1, max_size=30).map(str.strip).filter(bool).filter(
    lambda name: not is_not_known_slip(name))
"""Names of places: not `chưa rõ` nor one of its misspellings (`KHONG BIET`), which the model refuses as a name."""


@given(names, names, names)
def test_a_commune_is_placed_in_its_province_and_no_other_issuer_is(name: str, province: str, other: str) -> None:
    commune, namesake = (Issuer(name=name, level="commune", province=p) for p in (province, other))
    assert commune.placed(name) == f"{name} ({commune.province})"
    assert (commune.placed(name) == namesake.placed(name)) == (commune.province == namesake.province)
    nameless = Issuer(level="commune", province=province)
    assert nameless.placed(nameless.label) == nameless.label  # `một cơ quan ở …` names the province already
    assert Issuer(name=name, level="province", province=province).placed(name) == name
    assert Issuer(name=name, level="national").placed(name) == name
