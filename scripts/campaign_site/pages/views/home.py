"""The home page: the next date on the calendar and the province picker first, then the featured year's
banner, days and themes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.site_data import Campaign
from campaign_site.pages.views.base import (
    LATEST_POSTS,
    PostList,
    ProvinceLink,
    SiteContext,
    View,
    post_list,
    province_links,
)
from campaign_site.pages.views.day import ObservanceDay, day_page
from campaign_site.stages.calendar.event_text import next_text
from campaign_site.stages.calendar.events import Event
from campaign_site.words import summaries
from campaign_site.words.phrasing import time


@dataclass(frozen=True)
class HomeDay:
    """An observance day of the featured year, linking to its page (its themes, who set it, the plans)."""

    page: str
    name: Markdown
    """`<time>21/4</time> · Ngày Sáng tạo…`."""


@dataclass(frozen=True)
class YearSummary:
    page: str
    name: str
    plans: Markdown
    """How many plans and how long they run (`summaries.years_item`)."""


@dataclass(frozen=True, kw_only=True)
class HomeView(View):
    kicker: Markdown
    """The featured year and its span (`summaries.kicker`), or that nothing of it is left on the calendar."""
    hero_image: str | None
    hero_alt: str
    hero_theme: Markdown | None
    """The featured year's first theme, quoted, where there is no banner image to show it."""
    theme_label: Markdown
    banners_page: str | None
    """The featured year's banners page, offered when the year has a theme."""
    calendar_page: str
    countdown: list[Event]
    """The events the "next date" panel chooses from: the calendar page's, so both name the same date."""
    next_text: str
    plans_page: str
    provinces: list[ProvinceLink]
    days: list[HomeDay]
    year_page: str
    year_link: str
    years: list[YearSummary]
    posts: PostList


def kicker(year: int, span: Markdown | None, events: list[Event], today: date) -> Markdown:
    """`Đợt hưởng ứng năm 2026 đã kết thúc; ngày cuối cùng trên lịch là 05/6/2026: hạn báo cáo của UBND tỉnh
    Tuyên Quang` once every event of the year's calendar (`events`: observance days, windows, report deadlines,
    activities) is over, naming the calendar's last day of the year and what falls on it, so that a report
    due after the activities is not taken for the end of the activities; else the year and its span
    (`summaries.kicker`) if any. The "next date" panel under it names what comes next, from the same calendar."""
    if events and all(e.last < today for e in events):
        final = max(events, key=lambda e: e.last)
        what = (plain("page.home.ended_deadline", who=final.who) if final.kind == "deadline"
                else plain("page.home.ended_window", who=final.who) if final.kind == "window" else final.title)
        return say("page.home.ended", year=year, last=time(final.last), what=what)
    return say("page.home.kicker_span", year=year, span=span) if span else say("page.year.title", year=year)


def _days(featured: Campaign) -> list[HomeDay]:
    by_id = {o.id: year_obs for o, year_obs in featured.observances}
    return [HomeDay(day_page(ObservanceDay(featured, observance, by_id[observance.id])),
                    Markdown(f"{time(day, observance.label)} · {escape(observance.name)}"))
            for day, observance in featured.observance_days()]


def home_view(ctx: SiteContext, _: None) -> HomeView:
    data = ctx.data
    featured = data.campaigns[ctx.featured_year]
    year = featured.year
    themes = [e for e in featured.phrases().values() if e.kind == "theme"]
    share = ctx.share(year)
    theme = say("phrase.quoted", text=themes[0].phrase.text) if themes else None
    return HomeView(
        title=data.settings.site.title,
        description=data.settings.site.description,
        share=share,
        kicker=kicker(year, summaries.kicker(summaries.window_coverage(featured.plans)), ctx.events[year], ctx.today),
        hero_image=share.path if share else None,
        hero_alt=plain("page.home.hero_alt", year=year, theme=plain("phrase.quoted", text=themes[0].phrase.text))
        if share and themes else "",
        hero_theme=theme if not share else None,
        theme_label=say("page.home.theme_label", year=year),
        banners_page=paths.year_banners(year) if themes else None,
        calendar_page=paths.CALENDAR,
        countdown=ctx.all_events,
        next_text=next_text(ctx.all_events, ctx.today),
        plans_page=paths.year_plans(year),
        provinces=[link for link, group in zip(province_links(featured), featured.provinces, strict=True) if not group.central],
        days=_days(featured),
        year_page=paths.year_page(year),
        year_link=plain("page.home.year_link", year=year, count=len(featured.plans)),
        years=[YearSummary(paths.year_page(y), plain("page.year.title", year=y),
                           summaries.years_item(summaries.window_coverage(data.campaigns[y].plans))) for y in data.years()],
        posts=post_list([p for y in data.years() for p in data.campaigns[y].posts], LATEST_POSTS),
    )
