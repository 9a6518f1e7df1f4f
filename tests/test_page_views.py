"""The year, home, calendar, banners, news, post and open-data pages: each view hands its template finished
text and small items, never a record of the data, and each fixed word is the catalogue's, so that changing
how a page words something is one entry of the catalogue."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from campaign_site.core import catalogue
from campaign_site.core.markdown_text import escape
from campaign_site.data.activities import Post
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import CENTRAL, Campaign, PhraseEntry, ProvincePlans, SiteData
from campaign_site.pages.registry import PAGE_TYPES
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.pages.views import banners as banners_views
from campaign_site.pages.views import calendar as calendar_views
from campaign_site.pages.views import home as home_views
from campaign_site.pages.views.banners import word_count
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.calendar.events import DayCell, Event
from campaign_site.stages.collect import collect

GOLDEN = REPO / "tests" / "golden"
PAGES = tuple(t.name for t in PAGE_TYPES)
"""Every page type of the registry."""
RECORDS = (BaseModel, Campaign, ProvincePlans, PhraseEntry, Post, SiteData)
"""What a view must not hand a template: the data's records (pydantic models, a year, a post...)."""


@pytest.fixture(scope="module")
def renderer() -> SiteRenderer:
    data = load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")
    return SiteRenderer(collect(data, date(2026, 4, 1), {2026: "Đoạn giới thiệu.\n"}, datetime(2026, 4, 1, tzinfo=UTC),
                                BannerCache(REPO / ".cache" / "banners")))


def _subjects(renderer: SiteRenderer, name: str) -> list[Any]:
    return list(next(t for t in PAGE_TYPES if t.name == name).subjects(renderer.collected.data))


def _records(value: Any, where: str) -> Iterator[str]:
    """Where in a view a record of the data is, walking the views' own items (not the stages' values)."""
    if isinstance(value, RECORDS):
        yield where
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _records(item, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value) and type(value).__module__.startswith("campaign_site.pages.views"):
        for f in dataclasses.fields(value):
            yield from _records(getattr(value, f.name), f"{where}.{f.name}")


@pytest.mark.parametrize("name", PAGES)
def test_views_hand_templates_no_records(renderer: SiteRenderer, name: str) -> None:
    page_type = next(t for t in PAGE_TYPES if t.name == name)
    for subject in _subjects(renderer, name):
        view = page_type.view(renderer.collected, subject)
        assert not list(_records(view, name)), f"records of the data in the {name} page's view"


def test_the_walk_finds_a_record(renderer: SiteRenderer) -> None:
    """The test above can fail: a view holding the year is caught."""
    campaign = _subjects(renderer, "year")[0]
    assert list(_records([campaign], "x")) == ["x[0]"]


# One entry of the catalogue per page, changed: the page shows the new words and not the old ones.
CHANGED = [
    ("year", "page.year.stated_in", "Nêu tại: [", "ĐỔI nêu: {plans}."),
    ("year", "page.year.observance_owner", "Ngày kỷ niệm do", "ĐỔI người lập {owner}."),
    ("home", "page.home.province_prompt", "— Chọn tỉnh, thành phố —", "ĐỔI chọn"),
    ("home", "page.home.kicker_span", "Năm 2026 ·", "ĐỔI năm {year} — {span}"),
    ("calendar", "page.calendar.mark", 'sr-only">Ngày kỷ niệm: ', "ĐỔI {kind} / {title}."),
    ("calendar", "page.calendar.month", "Tháng 4 năm 2026", "ĐỔI {month}-{year}"),
    ("banners", "page.banners.counts", "ký tự (kể cả dấu cách)", "ĐỔI {characters} chữ, {words} từ."),
    ("news", "page.news.card_meta", "· Nhà văn hóa tỉnh Lai Châu", "ĐỔI {place} lúc {when}"),
    ("post", "page.post.organiser", "Đơn vị tổ chức:", "ĐỔI tổ chức: {unit}"),
    ("open_data", "page.open_data.json_dates", "như trên lịch", "ĐỔI {dates} là các ngày."),
]


@pytest.mark.parametrize(("name", "key", "old", "new"), CHANGED, ids=[c[1] for c in CHANGED])
def test_a_wording_changes_in_the_catalogue_alone(renderer: SiteRenderer, monkeypatch: pytest.MonkeyPatch,
                                                  name: str, key: str, old: str, new: str) -> None:
    subject = _subjects(renderer, name)[0]
    before = renderer.page(name, subject).content
    assert old in before
    monkeypatch.setitem(catalogue._table(), key, new)
    after = renderer.page(name, subject).content
    assert "ĐỔI" in after and old not in after


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
"""Any one-line text a record may hold, markup and hidden characters included."""


def _event(kind: str, who: str, n: int) -> Event:
    day = date(2026, 4, 21)
    return Event(f"e{n}", kind, day, day, f"Tiêu đề {n} *{who}*", "", "", 2026, "2026/index.md", who)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(windows=st.lists(TEXT, max_size=4), others=st.lists(st.sampled_from(["observance", "deadline", "activity"]), max_size=3))
def test_a_days_windows_are_said_in_one_sentence(windows: list[str], others: list[str]) -> None:
    """A day of the month grid names whose windows it falls in, each name escaped, in the catalogue's sentence,
    and says nothing of windows when it is in none; each other date is one mark."""
    events = [_event("window", w, i) for i, w in enumerate(windows)] + [_event(k, "", 9 + i) for i, k in enumerate(others)]
    day = calendar_views._day(DayCell(date(2026, 4, 21), events), date(2026, 4, 1))
    assert day is not None
    if windows:
        assert day.windows == catalogue.words("page.calendar.windows").format(who=", ".join(escape(w) for w in windows))
    else:
        assert day.windows is None
    assert [m.kind for m in day.marks] == others
    assert all(escape(e.title) in m.said for e, m in zip(events[len(windows):], day.marks, strict=True))
    assert day.today is False and day.iso == "2026-04-21"



@pytest.mark.parametrize(("text", "words"), [
    ("Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả", 12),
    ("Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2026", 15),
    ("Sáng tạo – hôm nay — ngày mai", 6),
])
def test_a_banners_word_count_leaves_out_dashes(text: str, words: int) -> None:
    assert word_count(text) == words


def test_the_home_province_picker_offers_provinces_only(renderer: SiteRenderer) -> None:
    """"Trung ương" is not a province: the picker under "Kế hoạch ở tỉnh, thành phố của bạn" leaves it out
    when the year has a central body's plan."""
    data = renderer.collected.data
    year = renderer.collected.featured_year
    plan = data.campaigns[year].plans[0]
    central = plan.model_copy(update={"issuer": plan.issuer.model_copy(update={"level": "national", "province": None})})
    campaign = dataclasses.replace(data.campaigns[year], plans=(*data.campaigns[year].plans, central))
    collected = dataclasses.replace(renderer.collected, data=dataclasses.replace(data, campaigns={**data.campaigns, year: campaign}))
    assert any(group.central for group in campaign.provinces)
    names = [p.name for p in home_views.home_view(collected, None).provinces]
    assert names == [group.name for group in campaign.provinces if not group.central] and CENTRAL not in names


def test_a_banner_alone_of_its_kind_on_its_day_is_not_numbered(renderer: SiteRenderer) -> None:
    """"Chủ đề 1" only where there is a "Chủ đề 2": a single theme or slogan of a day is named by its kind alone."""
    for campaign in _subjects(renderer, "banners"):
        for group in banners_views.banners_view(renderer.collected, campaign).groups:
            names = [item.name for item in group.items]
            for name in names:
                kind, _, number = name.rpartition(" ")
                if number.isdigit():
                    assert f"{kind} 2" in names, f"{name} numbered though it is alone: {names}"
                else:
                    assert f"{name} 1" not in names
