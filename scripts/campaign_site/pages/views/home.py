"""The home page: the featured year, its days and themes, the countdown, the province picker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.core.markdown_text import Markdown
from campaign_site.data.model import Observance, Phrase
from campaign_site.data.site_data import Campaign, PhraseEntry
from campaign_site.pages.views.base import (
    LATEST_POSTS,
    PostList,
    ProvinceCount,
    SiteContext,
    View,
    post_list,
    province_counts,
)
from campaign_site.stages.calendar.events import Event
from campaign_site.words import summaries
from campaign_site.words.phrasing import quoted_plain, time
from campaign_site.words.sources import cited_by


@dataclass(frozen=True)
class HomeDay:
    """An observance day of the featured year with its first theme and how many more it has."""

    day: date
    observance: Observance
    theme: Phrase | None
    more_themes: int
    theme_source: str
    """Which plans state the theme (`sources.cited_by`): a year's theme is known only from the plans entered."""


@dataclass(frozen=True)
class YearSummary:
    year: int
    plans: Markdown
    """How many plans and how long they run (`summaries.years_item`)."""


@dataclass(frozen=True, kw_only=True)
class HomeView(View):
    campaign: Campaign
    span: Markdown | None
    """The featured year's span in the kicker (`summaries.kicker`)."""
    ended: Markdown | None
    """That the featured campaign is over, in the kicker instead of its span; None while it is on."""
    hero_image: str | None
    hero_alt: str
    theme: PhraseEntry | None
    countdown: list[Event]
    """The events the "next date" panel chooses from: the calendar page's, so both name the same date."""
    provinces: list[ProvinceCount]
    days: list[HomeDay]
    plan_count: int
    years: list[YearSummary]
    posts: PostList


def _ended(featured: Campaign, today: date) -> Markdown | None:
    """`Các hoạt động hưởng ứng năm 2026 đã kết thúc (ngày cuối: 18/5/2026)`, once the featured campaign's last day
    has passed (the "next date" panel under it then names what comes next); else None."""
    last = featured.last_day()
    return Markdown(f"Các hoạt động hưởng ứng năm {featured.year} đã kết thúc (ngày cuối: {time(last)})") if last < today else None


def home_view(ctx: SiteContext, _: None) -> HomeView:
    data = ctx.data
    featured = data.campaigns[ctx.featured_year]
    themes = [e for e in featured.phrases().values() if e.kind == "theme"]
    share = ctx.share(featured.year)
    by_id = {o.id: year_obs for o, year_obs in featured.observances}
    days = []
    for day, observance in featured.observance_days():
        day_themes = by_id[observance.id].themes
        theme = day_themes[0] if day_themes else None
        source = cited_by(featured.plans_citing(theme.id)) if theme else ""
        days.append(HomeDay(day, observance, theme, max(0, len(day_themes) - 1), source))
    return HomeView(
        title=data.settings.site.title,
        description=data.settings.site.description,
        share=share,
        campaign=featured,
        span=summaries.kicker(summaries.window_coverage(featured.plans)),
        ended=_ended(featured, ctx.today),
        hero_image=share.path if share else None,
        hero_alt=f"Băng rôn chủ đề năm {featured.year}: {quoted_plain(themes[0].phrase.text)}" if share and themes else "",
        theme=themes[0] if themes else None,
        countdown=ctx.all_events,
        provinces=province_counts(featured),
        days=days,
        plan_count=len(featured.plans),
        years=[YearSummary(y, summaries.years_item(summaries.window_coverage(data.campaigns[y].plans))) for y in data.years()],
        posts=post_list([p for y in data.years() for p in data.campaigns[y].posts], LATEST_POSTS),
    )
