"""The site navigation, from the nav entries of the page registry: top-level pages, one section per year
(newest first) where the first type with a year entry stands, then staff pages.

Page types with no nav entry (plans, provinces) are left out: Material renders the whole navigation
into every page, so listing thousands of plans would make every page grow. Each year's section links
its plan listing, which links every province page, which links every plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.data.site_data import SiteData
from campaign_site.pages.registry import PAGE_TYPES, pages


def build(data: SiteData, staff_and_generated: list[str]) -> list[Any]:
    """A MkDocs `nav` for the generated pages plus every staff page found in docs/.

    Staff pages in docs/<year>/ join that year's section after its generated pages; other staff pages
    follow the generated ones. Titles come from each page, so data text is never a raw nav label.
    """
    generated = {t.path(s) for t, s in pages(data)}
    staff = sorted(p for p in staff_and_generated if p not in generated)
    sections: dict[int, list[str]] = {year: [] for year in data.years()}
    top: list[Any] = []
    at: int | None = None  # where the year sections stand among the top-level pages: where the first year type is
    for page_type in PAGE_TYPES:
        entry = page_type.nav
        if entry is None:
            continue
        if entry.year is None:
            top += [{entry.title: page_type.path(s)} if entry.title else page_type.path(s) for s in page_type.subjects(data)]
            continue
        at = len(top) if at is None else at
        for subject in page_type.subjects(data):
            sections.setdefault(entry.year(subject), []).append(page_type.path(subject))
    years = [{plain("nav.year", year=year): own + [p for p in staff if p.startswith(f"{year}/")]} for year, own in sections.items()]
    result: list[Any] = top if at is None else [*top[:at], *years, *top[at:]]
    taken = {p for p in staff if p.split("/")[0].isdigit() and int(p.split("/")[0]) in sections}
    return result + [p for p in staff if p not in taken]



def nearest(url: str, listed: Iterable[str]) -> str | None:
    """The page of the navigation (`listed`: their addresses) that a page left out of it stands under: the one
    whose address starts the page's, the longest (`2026/ke-hoach/` for a plan, `2026/` for a province); never
    the home, which every address starts with. None when no page but the home does."""
    return max((u for u in listed if u and u != url and url.startswith(u)), key=len, default=None)
