"""The home page: the featured year, its days and themes, the countdown, the province picker."""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass
from datetime import date

from .. import paths
from ..calendar_events import Event
from ..model import Observance, Phrase
from ..site_data import Campaign, PhraseEntry, SiteData
from .base import LATEST_POSTS, PostList, ProvinceCount, SiteContext, View, post_list, province_counts


@dataclass(frozen=True)
class HomeDay:
    """An observance day of the featured year with its first theme and how many more it has."""

    day: date
    observance: Observance
    theme: Phrase | None
    more_themes: int


@dataclass(frozen=True)
class YearSummary:
    year: int
    plan_count: int
    span: tuple[date, date] | None


@dataclass(frozen=True, kw_only=True)
class HomeView(View):
    campaign: Campaign
    span: tuple[date, date] | None
    hero_image: str | None
    hero_alt: str
    theme: PhraseEntry | None
    countdown: list[Event]
    provinces: list[ProvinceCount]
    days: list[HomeDay]
    plan_count: int
    years: list[YearSummary]
    posts: PostList


def observance_countdown(data: SiteData, featured: Campaign) -> list[Event]:
    """The days the home page counts down to: the featured year's observance days and, as they
    recur every year, the same days of the following year (linked to the calendar while that year
    has no data)."""
    days = []
    for year in (featured.year, featured.year + 1):
        page = paths.year_page(year) if year in data.campaigns else paths.CALENDAR
        for observance, _ in featured.observances:
            if (observance.month, observance.day) == (2, 29) and not stdlib_calendar.isleap(year):
                continue
            day = date(year, observance.month, observance.day)
            days.append(Event("", "observance", day, day, observance.name, "", "", year, page))
    return sorted(days, key=lambda event: event.start)


def home_view(ctx: SiteContext, _: None) -> HomeView:
    data = ctx.data
    featured = data.campaigns[ctx.featured_year]
    themes = [e for e in featured.phrases().values() if e.kind == "theme"]
    share = ctx.share(featured.year)
    by_id = {o.id: year_obs for o, year_obs in featured.observances}
    days = []
    for day, observance in featured.observance_days():
        day_themes = by_id[observance.id].themes
        days.append(HomeDay(day, observance, day_themes[0] if day_themes else None, max(0, len(day_themes) - 1)))
    return HomeView(
        title=data.settings.site.title,
        description=data.settings.site.description,
        share=share,
        campaign=featured,
        span=featured.window(),
        hero_image=share.path if share else None,
        hero_alt=f"Băng rôn chủ đề năm {featured.year}: “{themes[0].phrase.text}”" if share and themes else "",
        theme=themes[0] if themes else None,
        countdown=observance_countdown(data, featured),
        provinces=province_counts(featured),
        days=days,
        plan_count=len(featured.plans),
        years=[YearSummary(y, len(data.campaigns[y].plans), data.campaigns[y].window()) for y in data.years()],
        posts=post_list([p for y in data.years() for p in data.campaigns[y].posts], LATEST_POSTS),
    )
