"""A year's page: its window and days, its plans, the days' phrases, a link to the legal basis, open data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.site_data import Campaign
from campaign_site.data.wording import human_size, places_text
from campaign_site.pages.views.base import (
    LATEST_POSTS,
    PhraseGroup,
    PlanRow,
    PostList,
    ProvinceLink,
    SiteContext,
    View,
    listed_plans,
    observance_about,
    phrase_groups,
    post_list,
    province_links,
    staff_text,
)
from campaign_site.words.phrasing import time
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True)
class ObservancePhrases:
    """An observance day of the year: its heading, its day and who set it, and its phrases."""

    heading: Markdown
    day: Markdown
    groups: list[PhraseGroup]


@dataclass(frozen=True, kw_only=True)
class YearView(View):
    year: int
    heading: Markdown
    window: Markdown | None
    """How long the year's plans run, from the windows they state (see `summaries`)."""
    calendar_page: str
    feed: str
    intro: Markdown | None
    observances: list[ObservancePhrases]
    banners_page: str | None
    """The year's banners page, where the year has phrases to print."""
    banners_title: str
    plan_count: int
    lists_plans: bool
    """Whether the page names every plan (`Campaign.lists_plans`), else it counts them by province."""
    plan_rows: list[PlanRow]
    plans_page: str
    plans_title: str
    plans_summary: Markdown
    """`5 kế hoạch ở trung ương và 3 tỉnh, thành phố`, where the page counts the plans."""
    provinces: list[ProvinceLink]
    legal_page: str
    data_page: str
    data_size: str
    posts: PostList


def _observance_phrases(campaign: Campaign) -> list[ObservancePhrases]:
    return [
        ObservancePhrases(
            say("page.year.observance_heading", label=obs.label, name=obs.name),
            Markdown(time(date(campaign.year, obs.month, obs.day), plain("page.year.day", label=obs.label, year=campaign.year))
                     + observance_about(obs)),
            phrase_groups(campaign, year_obs, paths.year_page(campaign.year)),
        )
        for obs, year_obs in campaign.observances
    ]


def year_heading(year: int, title: str) -> Markdown:
    """The page's H1: the campaign's title where it names the year, else the year, then the title."""
    return Markdown(escape(title)) if str(year) in title else say("page.year.heading", year=year, title=title)


def _window(ctx: SiteContext, campaign: Campaign) -> Markdown | None:
    """The year's window sentence, and that it has ended once its last day is before the build's day."""
    coverage = window_coverage(campaign.plans)
    sentence = window_sentence(coverage, plain("page.year.whose", year=campaign.year))
    if sentence and coverage.span and coverage.span[1] < ctx.today:
        return Markdown(sentence + " " + say("phrase.finished_window"))
    return sentence


def year_view(ctx: SiteContext, campaign: Campaign) -> YearView:
    year = campaign.year
    intro = ctx.intros.get(year)
    places = places_text(campaign.province_count, any(g.central for g in campaign.provinces))
    return YearView(
        title=plain("page.year.title", year=year),
        description=plain("page.year.description", title=campaign.title),
        share=ctx.share(year),
        year=year,
        heading=year_heading(year, campaign.title),
        window=_window(ctx, campaign),
        calendar_page=paths.year_calendar(year),
        feed=paths.year_feed(year),
        intro=staff_text(intro) if intro else None,
        observances=_observance_phrases(campaign),
        banners_page=paths.year_banners(year) if campaign.phrases() else None,
        banners_title=plain("page.banners.title", year=year),
        plan_count=len(campaign.plans),
        lists_plans=campaign.lists_plans,
        plan_rows=listed_plans(campaign, paths.year_page(year)),
        plans_page=paths.year_plans(year),
        plans_title=plain("page.year.plans_title", year=year),
        plans_summary=say("page.year.plans_summary", count=len(campaign.plans), places=places),
        provinces=province_links(campaign),
        legal_page=paths.LEGAL_BASIS,
        data_page=paths.year_data(year),
        data_size=human_size(ctx.data_sizes[year]),
        posts=post_list(campaign.posts, LATEST_POSTS),
    )
