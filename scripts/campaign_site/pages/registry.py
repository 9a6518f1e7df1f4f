"""Every kind of generated page, declared once: where it lives, its template, its place in the
navigation, how search treats it, and the function that builds its view.

Rendering (`pages.SiteRenderer`), the navigation (`nav.build`) and the pages kept out of the
navigation (`SiteBuild.not_in_nav`) all read `PAGE_TYPES`; a new kind of page is one entry here,
one view function in `views/` and one template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from campaign_site.data import paths
from campaign_site.data.site_data import SiteData
from campaign_site.pages import views
from campaign_site.pages.views import SiteContext, View

NavPlace = Literal["site", "year"] | None
"""`site`: a top-level entry; `year`: in each year's section; None: reached by links only."""


@dataclass(frozen=True)
class Search:
    """How the site's search treats a page: left out, or ranked (1 is the default rank)."""

    exclude: bool = False
    boost: float = 1


@dataclass(frozen=True)
class PageType:
    """One kind of page. `subjects` lists what there is one page of (None for a single page)."""

    name: str
    template: str
    subjects: Callable[[SiteData], Iterable[Any]]
    path: Callable[[Any], str]
    view: Callable[[SiteContext, Any], View]
    source: Callable[[Any], str]
    nav: NavPlace
    search: Callable[[SiteContext, Any], Search] = lambda ctx, subject: Search()
    hide_toc: bool = False
    many: bool = False
    """One page per plan: rendered on every core when there are many."""


def _single(data: SiteData) -> list[None]:
    return [None]


def _years(data: SiteData) -> list[Any]:
    return list(data.campaigns.values())


def _featured_boost(featured: float, other: float) -> Callable[[SiteContext, Any], Search]:
    """A year's page ranks higher in search when it is the year the home page leads with."""
    return lambda ctx, campaign: Search(boost=featured if campaign.year == ctx.featured_year else other)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "home.md.j2", _single, lambda _: paths.HOME, views.home_view,
             lambda _: "campaigns/site.yaml", "site", hide_toc=True),
    PageType("calendar", "calendar.md.j2", _single, lambda _: paths.CALENDAR, views.calendar_view,
             lambda _: "campaigns/", "site"),
    PageType("year", "year.md.j2", _years, lambda c: paths.year_page(c.year), views.year_view,
             lambda c: c.source, "year", _featured_boost(2, 1.5)),
    PageType("plans", "plans.md.j2", _years, lambda c: paths.year_plans(c.year), views.plans_view,
             lambda c: c.source, "year"),
    PageType("year_calendar", "calendar.md.j2", _years, lambda c: paths.year_calendar(c.year),
             views.year_calendar_view, lambda c: c.source, "year"),
    PageType("banners", "banners.md.j2", _years, lambda c: paths.year_banners(c.year), views.banners_view,
             lambda c: c.source, "year", _featured_boost(3, 2)),
    PageType("legal_basis", "legal_basis.md.j2", _single, lambda _: paths.LEGAL_BASIS, views.legal_basis_view,
             lambda _: "campaigns/documents.yaml", "site", hide_toc=True),
    PageType("open_data", "open_data.md.j2", _single, lambda _: "du-lieu-mo.md", views.open_data_view,
             lambda _: "campaigns/", "site"),
    # Many plans: the year's province pages, which list plans by name, stand for them in search;
    # few plans: each plan page is in search itself.
    PageType("plan", "plan.md.j2", lambda data: [p for c in data.campaigns.values() for p in c.plans],
             paths.plan_page, views.plan_view, lambda p: p.source, None,
             lambda ctx, plan: Search(exclude=not ctx.data.campaigns[plan.year].lists_plans), many=True),
    # Activities held: each year's news, newest first, ten a page (the first page in the year's
    # section), and each post, rendered from the staff's Markdown with its facts and photos.
    PageType("news", "news.md.j2", lambda data: [c for c in data.campaigns.values() if c.posts],
             lambda c: paths.news_page(c.year), views.news_view, lambda c: f"docs/{c.year}/{paths.NEWS_DIR}/", "year"),
    PageType("news_more", "news.md.j2",
             lambda data: [(c, n) for c in data.campaigns.values() for n in range(2, views.news_pages(c) + 1)],
             lambda s: paths.news_page(s[0].year, s[1]), lambda ctx, s: views.news_view(ctx, s[0], s[1]),
             lambda s: f"docs/{s[0].year}/{paths.NEWS_DIR}/", None, lambda ctx, s: Search(exclude=True)),
    PageType("post", "post.md.j2", lambda data: [p for c in data.campaigns.values() for p in c.posts],
             lambda p: p.page, views.post_view, lambda p: p.source, None),
    PageType("province", "province.md.j2", lambda data: [(c, g) for c in data.campaigns.values() for g in c.provinces],
             lambda s: paths.province_page(s[0].year, s[1].slug), views.province_view, lambda s: s[0].source, None,
             lambda ctx, s: Search(exclude=s[0].lists_plans)),
)


def pages_of(data: SiteData, place: NavPlace) -> list[str]:
    """The paths of every page whose type has this place in the navigation."""
    return [t.path(s) for t in PAGE_TYPES if t.nav == place for s in t.subjects(data)]
