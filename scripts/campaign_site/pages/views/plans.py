"""The year's plan listing and each province's plans."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import citations, paths
from campaign_site.data.model import Plan
from campaign_site.data.site_data import Campaign, ProvincePlans, SiteData
from campaign_site.data.wording import places_text
from campaign_site.pages.views.base import (
    LISTED_POSTS,
    PlanRow,
    PostList,
    SiteContext,
    View,
    link,
    plan_rows,
    post_list,
)
from campaign_site.pages.views.where import Crumb, here, province_trail
from campaign_site.stages.calendar.event_text import next_text
from campaign_site.stages.calendar.events import Event
from campaign_site.words.phrasing import documents_count, issuers_count
from campaign_site.words.provinces import province_history, province_title
from campaign_site.words.search_text import typed
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True)
class ProvinceItem:
    """A province's plans of the year: its page linked under its name, and what they are (`2 công văn`)."""

    link: Markdown
    documents: str


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
    """Every plan, by place as the groups below (central bodies, then each province), where the year's pages name each
    (`Campaign.lists_plans`); else none."""
    provinces_anchor: str
    provinces: list[ProvinceItem]
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
        rows=plan_rows(page, [p for g in campaign.provinces for p in g.plans]) if campaign.lists_plans else [],
        provinces_anchor=paths.BY_PROVINCE,
        provinces=[ProvinceItem(link(page, paths.province_page(year, g.slug), g.name), documents_count(g.plans))
                   for g in campaign.provinces if not g.central],
        central=link(page, paths.province_page(year, central.slug), plain(
            "page.plans.central_link", documents=documents_count(central.plans), issuers=issuers_count(central.plans, True)))
        if central else None,
    )


@dataclass(frozen=True, kw_only=True)
class ProvinceView(View):
    where: list[Crumb]
    """Year, province: the first line of the page."""
    heading: str
    """The page's heading: the province and the year; its title also names the provinces it merged."""
    intro: Markdown
    """How many documents of which types, from how many issuers."""
    history: Markdown | None
    """What the province became on 1/7/2025, or was formed from (`words.provinces`); None if it stayed as it was."""
    rows: list[PlanRow]
    """The plans, each with its window: what a reader of the province looks for first."""
    window: Markdown | None
    """How long these plans run, from the windows they state (see `summaries`); None for one plan, or when none
    states a window: each row says it."""
    local_basis: list[Markdown]
    """The province's and communes' documents these plans implement, directly or not, each linked to its entry on
    the legal-basis page: what the province did besides the plans listed."""
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


LOCAL_LEVELS = ("province", "commune")
"""Levels of the legal chain a province page lists among its plans' bases."""


def _local_basis(data: SiteData, plans: list[Plan], page: str) -> list[Markdown]:
    """The documents of `LOCAL_LEVELS` in the legal chains of `plans`, first mention first, each once, the plans'
    own documents aside."""
    own = {p.document.registry for p in plans}
    cited = dict.fromkeys(d.id for p in plans for top in data.legal_basis(p) for d in (data.documents[top], *data.chain(top)))
    return [link(page, paths.document_anchor(i), citations.named(data.documents[i])) for i in cited
            if data.documents[i].level in LOCAL_LEVELS and i not in own]


def province_view(ctx: SiteContext, subject: tuple[Campaign, ProvincePlans]) -> ProvinceView:
    campaign, group = subject
    year, count, page = campaign.year, len(group.plans), paths.province_page(campaign.year, group.slug)
    documents, issuers = documents_count(group.plans), issuers_count(group.plans, group.central)
    intro = plain("page.province.intro_central", year=year, documents=documents, issuers=issuers) if group.central \
        else plain("page.province.intro", year=year, province=group.name, documents=documents, issuers=issuers)
    where = say("page.province.window_central", year=year) if group.central else say("page.province.window_whose", province=group.name, year=year)
    heading = plain("page.province.title_central", year=year) if group.central else plain("page.province.title", province=group.name, year=year)
    plan_ids = {plan.id for plan in group.plans}
    listing = link(page, paths.year_provinces(year), plain("page.province.others_link", year=year))
    events = _province_events(ctx, year, plan_ids)
    coverage = window_coverage(group.plans)
    return ProvinceView(
        title=heading if group.central else province_title(group.name, year),
        heading=heading,
        description=intro,
        share=ctx.share(year),
        where=here(province_trail(campaign, group)),
        intro=Markdown(escape(intro)),
        history=None if group.central else province_history(group.name),
        rows=plan_rows(page, group.plans),
        window=window_sentence(coverage, where) if count > 1 and coverage.span else None,
        local_basis=[] if group.central else _local_basis(ctx.data, group.plans, page),
        next_events=events,
        next_text=next_text(events, ctx.today),
        posts=post_list([p for p in campaign.posts if p.plan.id in plan_ids], LISTED_POSTS),
        others=say("page.province.others_central", listing=listing) if group.central else say("page.province.others", listing=listing),
    )
