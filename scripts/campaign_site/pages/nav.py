"""The site navigation, in the order of the page registry: top-level pages, one section per year
(newest first) where the first year page type stands, then staff pages.

Page types with no place in the navigation (plans, provinces) are left out: Material renders the
whole navigation into every page, so listing thousands of plans would make every page grow. Each
year's section links its plan listing, which links every province page, which links every plan.
"""

from __future__ import annotations

from typing import Any

from campaign_site.data.site_data import SiteData
from campaign_site.pages.registry import PAGE_TYPES, pages_of


def build(data: SiteData, pages: list[str]) -> list[Any]:
    """A MkDocs `nav` for the generated pages plus every staff page found in docs/.

    Staff pages in docs/<year>/ join that year's section after its generated pages; other staff pages
    follow the generated ones. Titles come from each page, so data text is never a raw nav label.
    """
    generated = {path for place in ("site", "year", None) for path in pages_of(data, place)}
    staff = sorted(p for p in pages if p not in generated)
    year_types = [t for t in PAGE_TYPES if t.nav == "year"]
    result: list[Any] = []
    for page_type in PAGE_TYPES:
        if page_type.nav == "site":
            result.append(page_type.path(None))
        elif page_type is (year_types[0] if year_types else None):
            for year in data.years():
                campaign = data.campaigns[year]
                extra = [p for p in staff if p.startswith(f"{year}/")]
                own = [t.path(campaign) for t in year_types if t.path(campaign) in generated]  # news: years with posts
                result.append({f"Năm {year}": own + extra})
    taken = {p for p in staff if p.split("/")[0].isdigit() and int(p.split("/")[0]) in data.campaigns}
    return result + [p for p in staff if p not in taken]
