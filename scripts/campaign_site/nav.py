"""The site navigation: home, calendar, one section per year (newest first), legal basis, staff pages."""

from __future__ import annotations

from typing import Any

from . import paths
from .site_data import SiteData


def build(data: SiteData, pages: list[str]) -> list[Any]:
    """A MkDocs `nav` for the generated pages plus every staff page found in docs/.

    Staff pages in docs/<year>/ join that year's section after its plans; other staff pages
    follow the years and the legal basis. Titles come from each page, so data text is never
    a raw nav label.
    """
    generated = {paths.HOME, paths.LEGAL_BASIS, paths.CALENDAR}
    for year in data.campaigns:
        generated |= {paths.year_page(year), paths.year_calendar(year), paths.year_banners(year)}
    generated |= {paths.plan_page(p) for c in data.campaigns.values() for p in c.plans}
    staff = sorted(p for p in pages if p not in generated)
    result: list[Any] = [paths.HOME, paths.CALENDAR]
    for year in data.years():
        plans = [paths.plan_page(p) for p in data.campaigns[year].plans]
        extra = [p for p in staff if p.startswith(f"{year}/")]
        result.append({f"Năm {year}": [paths.year_page(year), paths.year_calendar(year), paths.year_banners(year), *plans, *extra]})
    result.append(paths.LEGAL_BASIS)
    taken = {p for p in staff if p.split("/")[0].isdigit() and int(p.split("/")[0]) in data.campaigns}
    result += [p for p in staff if p not in taken]
    return result
