"""The site navigation: home, calendar, one section per year (newest first), legal basis, staff pages.

Plan and province pages are not in the navigation (Material renders the whole navigation into
every page, so listing thousands of plans would make every page grow): each year's section links
its plan listing, which links every province page, which links every plan.
"""

from __future__ import annotations

from typing import Any

from . import paths
from .site_data import SiteData


def build(data: SiteData, pages: list[str]) -> list[Any]:
    """A MkDocs `nav` for the generated pages plus every staff page found in docs/.

    Staff pages in docs/<year>/ join that year's section after its generated pages; other staff pages
    follow the years and the legal basis. Titles come from each page, so data text is never
    a raw nav label.
    """
    generated = {paths.HOME, paths.LEGAL_BASIS, paths.CALENDAR}
    for year in data.campaigns:
        generated |= {paths.year_page(year), paths.year_calendar(year), paths.year_banners(year)}
    for year, campaign in data.campaigns.items():
        generated.add(paths.year_plans(year))
        generated |= {paths.plan_page(p) for p in campaign.plans}
        generated |= {paths.province_page(year, g.slug) for g in campaign.provinces}
    staff = sorted(p for p in pages if p not in generated)
    result: list[Any] = [paths.HOME, paths.CALENDAR]
    for year in data.years():
        extra = [p for p in staff if p.startswith(f"{year}/")]
        section = [paths.year_page(year), paths.year_plans(year), paths.year_calendar(year), paths.year_banners(year), *extra]
        result.append({f"Năm {year}": section})
    result.append(paths.LEGAL_BASIS)
    taken = {p for p in staff if p.split("/")[0].isdigit() and int(p.split("/")[0]) in data.campaigns}
    result += [p for p in staff if p not in taken]
    return result
