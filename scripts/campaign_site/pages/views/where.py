"""Where a page stands in the site, as the first line of a plan's, a province's or a post's page:
`Năm 2026 › Hải Phòng › UBND phường Trần Hưng Đạo`, each step up a link. These pages are reached by
links only (not in the navigation), so Material's `navigation.path`, which follows the navigation, has no
path to show for them."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain
from campaign_site.data import paths
from campaign_site.data.model import Plan
from campaign_site.data.site_data import Campaign, ProvincePlans


@dataclass(frozen=True)
class Crumb:
    """One step of the trail: a page above this one (`path`, under docs/), or this page (`path` None)."""

    text: str
    path: str | None = None


def province_trail(campaign: Campaign, group: ProvincePlans) -> list[Crumb]:
    """`Năm 2026 › Hải Phòng` (or `Trung ương`): the year's page, then the province's."""
    year = campaign.year
    return [Crumb(plain("page.where.year", year=year), paths.year_page(year)),
            Crumb(group.name, paths.province_page(year, group.slug))]


def plan_trail(campaign: Campaign, plan: Plan) -> list[Crumb]:
    """`Năm 2026 › Hải Phòng › UBND phường Trần Hưng Đạo`: the year, the plan's province, the plan (its
    issuer's short name; the province is the step before)."""
    return [*province_trail(campaign, campaign.group_of(plan)), Crumb(plan.named(plan.issuer.short_label), paths.plan_page(plan))]


def here(trail: list[Crumb]) -> list[Crumb]:
    """`trail` ending at the page it is shown on: the last step not a link."""
    return [*trail[:-1], Crumb(trail[-1].text)]
