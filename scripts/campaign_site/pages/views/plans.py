"""The year's plan listing and each province's plans."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
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
from campaign_site.stages.calendar.event_text import next_text
from campaign_site.stages.calendar.events import Event
from campaign_site.words.phrasing import documents_count, issuers_count
from campaign_site.words.search_text import typed
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True, kw_only=True)
class PlansView(View):
    empty: Markdown | None
    """That the year has no plan yet, if so (the page then says nothing else)."""
    intro: Markdown
    """How many documents of which types, from how many issuers where, and where their calendars are."""
    list_file: str
    """The plan list the name filter reads, relative to the page."""
    filter_hint: str
    """The filter box's example: names of this year's plans, typed as a reader would."""
    rows: list[PlanRow]
    """Every plan, where the year's pages name each (`Campaign.lists_plans`); else none."""
    provinces_anchor: str
    provinces: list[ProvinceRow]
    """Each province's plans (central bodies are not a province: see `central`)."""
    central: Markdown | None
    """The central bodies' documents, linked to their page, if the year has any: `2 văn bản của 2 cơ quan trung ương`."""


def plans_view(ctx: SiteContext, campaign: Campaign) -> PlansView:
    year, count, page = campaign.year, len(campaign.plans), paths.year_plans(campaign.year)
    places = places_text(campaign.province_count, any(g.central for g in campaign.provinces))
    documents, issuers = documents_count(campaign.plans), issuers_count(campaign.plans)
    calendar = link(page, paths.year_calendar(year), plain("page.plans.calendar_link", year=year))
    central = next((g for g in campaign.provinces if g.central), None)
    return PlansView(
        title=plain("page.plans.title", year=year),
        description=plain("page.plans.description", documents=documents, issuers=issuers, year=year, places=places) if count
        else plain("page.plans.none", year=year),
        share=ctx.share(year),
        empty=None if count else say("page.plans.none", year=year),
        intro=say("page.plans.intro", year=year, documents=documents, issuers=issuers, places=places, calendar=calendar),
        list_file=paths.plan_list(year).rsplit("/", 1)[1],
        filter_hint=plain("page.plans.filter_example", examples=", ".join(
            dict.fromkeys(typed(p.issuer.short_label) for p in campaign.plans[:1] + campaign.plans[-1:]))),
        rows=listed_plans(campaign, page),
        provinces_anchor=paths.BY_PROVINCE,
        provinces=province_rows(campaign, page),
        central=link(page, paths.province_page(year, central.slug), plain(
            "page.plans.central_link", documents=documents_count(central.plans), issuers=issuers_count(central.plans, True)))
        if central else None,
    )


@dataclass(frozen=True, kw_only=True)
class ProvinceView(View):
    where: list[Crumb]
    """Year, province: the first line of the page."""
    intro: Markdown
    """How many documents of which types, from how many issuers."""
    rows: list[PlanRow]
    """The plans, each with its window: what a reader of the province looks for first."""
    window: Markdown | None
    """How long these plans run, from the windows they state (see `summaries`); None for one plan, whose
    row in the table says it."""
    next_events: list[Event]
    """What the "next date" panel chooses from: the year's days and these plans' deadlines, then the days of the
    years after it, as on the year's calendar."""
    next_text: str
    posts: PostList
    others: Markdown
    """Where the other provinces' plans are: the listing's table of provinces, so named."""


def _province_events(ctx: SiteContext, year: int, plan_ids: set[str]) -> list[Event]:
    """The year's observance days and the deadlines of `plan_ids`, then the observance days of later years."""
    own = [e for e in ctx.events[year] if e.kind == "observance" or (e.plan is not None and e.plan.id in plan_ids)]
    return own + [e for y in sorted(ctx.events) if y > year for e in ctx.events[y] if e.kind == "observance"]


def province_view(ctx: SiteContext, subject: tuple[Campaign, ProvincePlans]) -> ProvinceView:
    campaign, group = subject
    year, count, page = campaign.year, len(group.plans), paths.province_page(campaign.year, group.slug)
    documents, issuers = documents_count(group.plans), issuers_count(group.plans, group.central)
    intro = plain("page.province.intro_central", year=year, documents=documents, issuers=issuers) if group.central \
        else plain("page.province.intro", year=year, province=group.name, documents=documents, issuers=issuers)
    where = say("page.province.window_central", year=year) if group.central else say("page.province.window_whose", province=group.name, year=year)
    plan_ids = {plan.id for plan in group.plans}
    listing = link(page, paths.year_provinces(year), plain("page.province.others_link", year=year))
    events = _province_events(ctx, year, plan_ids)
    return ProvinceView(
        title=plain("page.province.title_central", year=year) if group.central else plain("page.province.title", province=group.name, year=year),
        description=intro,
        share=ctx.share(year),
        where=here(province_trail(campaign, group)),
        intro=Markdown(escape(intro)),
        rows=plan_rows(page, group.plans),
        window=window_sentence(window_coverage(group.plans), where) if count > 1 else None,
        next_events=events,
        next_text=next_text(events, ctx.today),
        posts=post_list([p for p in campaign.posts if p.plan.id in plan_ids], LISTED_POSTS),
        others=say("page.province.others_central", listing=listing) if group.central else say("page.province.others", listing=listing),
    )
