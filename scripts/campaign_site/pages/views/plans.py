"""The year's plan listing and each province's plans."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths
from campaign_site.data.site_data import Campaign, ProvincePlans
from campaign_site.data.wording import places_text
from campaign_site.pages.views.base import (
    LISTED_POSTS,
    PlanRow,
    PostList,
    ProvinceRow,
    SiteContext,
    View,
    link,
    listed_plans,
    plan_rows,
    post_list,
    province_rows,
)
from campaign_site.pages.views.where import Crumb, here, province_trail
from campaign_site.words.provinces import province_history
from campaign_site.words.search_text import typed
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True, kw_only=True)
class PlansView(View):
    empty: Markdown | None
    """That the year has no plan yet, if so (the page then says nothing else)."""
    intro: Markdown
    """How many plans there are, from where, and where their calendars are."""
    list_file: str
    """The plan list the name filter reads, relative to the page."""
    filter_hint: str
    """The filter box's example: names of this year's plans, typed as a reader would."""
    rows: list[PlanRow]
    """Every plan, where the year's pages name each (`Campaign.lists_plans`); else none."""
    provinces: list[ProvinceRow]


def plans_view(ctx: SiteContext, campaign: Campaign) -> PlansView:
    year, count, page = campaign.year, len(campaign.plans), paths.year_plans(campaign.year)
    places = places_text(campaign.province_count, any(g.central for g in campaign.provinces))
    calendar = link(page, paths.year_calendar(year), plain("page.plans.calendar_link", year=year))
    return PlansView(
        title=plain("page.plans.title", year=year),
        description=plain("page.plans.description", count=count, year=year, places=places) if count
        else plain("page.plans.none", year=year),
        share=ctx.share(year),
        empty=None if count else say("page.plans.none", year=year),
        intro=say("page.plans.intro", year=year, count=count, places=places, calendar=calendar),
        list_file=paths.plan_list(year).rsplit("/", 1)[1],
        filter_hint=plain("page.plans.filter_example", examples=", ".join(
            dict.fromkeys(typed(p.issuer.short_label) for p in campaign.plans[:1] + campaign.plans[-1:]))),
        rows=listed_plans(campaign, page),
        provinces=province_rows(campaign, page),
    )


@dataclass(frozen=True, kw_only=True)
class ProvinceView(View):
    where: list[Crumb]
    """Year, province: the first line of the page."""
    intro: Markdown
    """How many plans of whose, and where the other provinces' are."""
    history: Markdown | None
    """What the province became on 1/7/2025, or was formed from (`words.provinces`); None if it stayed as it was."""
    window: Markdown | None
    """How long these plans run, from the windows they state (see `summaries`); None for one plan, whose
    row in the table says it."""
    rows: list[PlanRow]
    posts: PostList


def province_view(ctx: SiteContext, subject: tuple[Campaign, ProvincePlans]) -> ProvinceView:
    campaign, group = subject
    year, count, page = campaign.year, len(group.plans), paths.province_page(campaign.year, group.slug)
    whose = plain("page.province.whose_central") if group.central else plain("page.province.whose", province=group.name)
    where = say("page.province.window_central", year=year) if group.central else say("page.province.window_whose", province=group.name, year=year)
    plan_ids = {plan.id for plan in group.plans}
    others = link(page, paths.year_plans(year), plain("page.plans.title", year=year))
    return ProvinceView(
        title=plain("page.province.title", province=group.name, year=year),
        description=plain("page.province.description", count=count, year=year, whose=whose),
        share=ctx.share(year),
        where=here(province_trail(campaign, group)),
        intro=say("page.province.intro", count=count, year=year, whose=whose, others=others),
        history=None if group.central else province_history(group.name),
        window=window_sentence(window_coverage(group.plans), where) if count > 1 else None,
        rows=plan_rows(page, group.plans),
        posts=post_list([p for p in campaign.posts if p.plan.id in plan_ids], LISTED_POSTS),
    )
