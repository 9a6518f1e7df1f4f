"""The year's plan listing and each province's plans."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.site_data import Campaign, ProvincePlans
from campaign_site.data.wording import places_text
from campaign_site.pages.views.base import (
    LISTED_POSTS,
    PostList,
    ProvinceCount,
    SiteContext,
    View,
    post_list,
    province_counts,
)
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True, kw_only=True)
class PlansView(View):
    campaign: Campaign
    plan_count: int
    provinces: list[ProvinceCount]
    places: str
    list_file: str


def plans_view(ctx: SiteContext, campaign: Campaign) -> PlansView:
    year, count, provinces = campaign.year, len(campaign.plans), province_counts(campaign)
    places = places_text(campaign.province_count, any(g.central for g in campaign.provinces))
    description = (f"Danh sách {count} kế hoạch hưởng ứng năm {year} của các cơ quan, địa phương {places}, "
                   "tìm được theo tên.") if count else f"Chưa có kế hoạch nào cho năm {year}."
    return PlansView(title=f"Kế hoạch năm {year}", description=description, share=ctx.share(year), campaign=campaign,
                     plan_count=count, provinces=provinces, places=places, list_file=paths.plan_list(year).rsplit("/", 1)[1])


@dataclass(frozen=True, kw_only=True)
class ProvinceView(View):
    campaign: Campaign
    group: ProvincePlans
    plan_count: int
    whose: str
    """`các cơ quan, địa phương ở Lạng Sơn`, or `các cơ quan trung ương`."""
    window: Markdown | None
    """How long these plans run, from the windows they state (see `summaries`); None for one plan, whose
    row in the table says it."""
    posts: PostList


def province_view(ctx: SiteContext, subject: tuple[Campaign, ProvincePlans]) -> ProvinceView:
    campaign, group = subject
    count = len(group.plans)
    whose = "các cơ quan trung ương" if group.central else f"các cơ quan, địa phương ở {group.name}"
    plan_ids = {plan.id for plan in group.plans}
    return ProvinceView(
        title=f"{group.name}: kế hoạch năm {campaign.year}",
        description=f"{count} kế hoạch hưởng ứng năm {campaign.year} của {whose}.",
        share=ctx.share(campaign.year), campaign=campaign, group=group, plan_count=count, whose=whose,
        window=window_sentence(window_coverage(group.plans), f"{'ở trung ương' if group.central else f'ở {escape(group.name)}'} năm {campaign.year}")
        if count > 1 else None,
        posts=post_list([p for p in campaign.posts if p.plan.id in plan_ids], LISTED_POSTS),
    )
