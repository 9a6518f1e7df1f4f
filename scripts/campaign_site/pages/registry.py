"""Every kind of generated page, declared once and typed by its subject: what there is one page of, where
each page lives, its template, its view, its source file, its place in the navigation, how search treats
it and which other pages link to it.

Rendering (`renderer.SiteRenderer`), the navigation (`nav.build`), the pages kept out of the navigation
(`SiteBuild.not_in_nav`), the links a page gets from the registry (`links_to`) and the golden tests all
read `PAGE_TYPES`; a new kind of page is one entry here, one view module in `views/` and one template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple, dataclass
from typing import Any, Generic, TypeVar

from campaign_site.core.catalogue import plain
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths
from campaign_site.data.activities import Post
from campaign_site.data.model import Plan
from campaign_site.data.provinces import arrangement
from campaign_site.data.site_data import Campaign, ProvincePlans, SiteData
from campaign_site.pages.views.banners import banners_view
from campaign_site.pages.views.base import SiteContext, View
from campaign_site.pages.views.calendar import calendar_view, year_calendar_view
from campaign_site.pages.views.day import LINKS_LEAD, day_page, day_view, link_text, observance_days
from campaign_site.pages.views.home import home_view
from campaign_site.pages.views.legal_basis import legal_basis_view
from campaign_site.pages.views.news import news_pages, news_view, post_view
from campaign_site.pages.views.open_data import open_data_view
from campaign_site.pages.views.plan import plan_view
from campaign_site.pages.views.plans import plans_view, province_view
from campaign_site.pages.views.year import year_view

Subject = TypeVar("Subject")
"""What one page of a type is about: None (a single page), a year, a plan, a post…"""
Linking = TypeVar("Linking")
"""The subject of the page that links to a page."""


@dataclass(frozen=True)
class Search:
    """How the site's search treats a page: left out, or ranked (1 is the default rank)."""

    exclude: bool = False
    boost: float = 1


@dataclass(frozen=True)
class Nav(Generic[Subject]):
    """A page's entry in the navigation: at the top level, or, when `year` is given, in the section of
    the year it names. Titles come from the pages themselves, so data text is never a raw label, except
    `title`: fixed words for a page whose own title is the site's name, which the navigation shows already."""

    year: Callable[[Subject], int] | None = None
    title: str | None = None


@dataclass(frozen=True)
class LinkedFrom(Generic[Subject, Linking]):
    """The pages of type `page` link each page of the declaring type: the page about `subject(s)` links
    the page about `s`, worded `text(s)`, after `lead` (finished words, a sentence's start)."""

    page: PageType[Linking]
    subject: Callable[[Subject], Linking]
    text: Callable[[Subject], str]
    lead: Markdown


@dataclass(frozen=True)
class PageType(Generic[Subject]):
    """One kind of page: one page per item of `subjects(data)` (`[None]` for a single page)."""

    name: str
    template: str
    subjects: Callable[[SiteData], Iterable[Subject]]
    path: Callable[[Subject], str]
    view: Callable[[SiteContext, Subject], View]
    source: Callable[[Subject], str]
    nav: Nav[Subject] | None
    """None: reached by links only."""
    search: Callable[[SiteContext, Subject], Search] = lambda ctx, subject: Search()
    hide_toc: bool = False
    many: bool = False
    """One page per plan: rendered on every core when there are many."""
    kept_by: Callable[[SiteContext, Subject], object] | None = None
    """What a page of this type reads besides its source file and what every page may read, as JSON values:
    its page is then kept between builds (`kept_pages`). None: made anew every build."""
    linked_from: tuple[LinkedFrom[Subject, Any], ...] = ()


@dataclass(frozen=True)
class PageLink:
    """A link to a generated page: its path and its words."""

    path: str
    text: str


@dataclass(frozen=True)
class Links:
    """The links one page gets from a page type's `linked_from`: a sentence's start, then the links."""

    lead: Markdown
    links: list[PageLink]


def _single(data: SiteData) -> list[None]:
    return [None]


def _years(data: SiteData) -> list[Campaign]:
    return list(data.campaigns.values())


def _plans(data: SiteData) -> list[Plan]:
    return [p for c in data.campaigns.values() for p in c.plans]


def _plan_reads(ctx: SiteContext, plan: Plan) -> object:
    """What a plan's page reads besides its file: its identity (`distinction` tells it from its issuer's other
    plans), the place group it is listed under, and whether its year lists plans by name."""
    group, campaign = ctx.data.campaigns[plan.year].group_of(plan), ctx.data.campaigns[plan.year]
    return [list(astuple(plan.identity)), group.name, group.slug, campaign.lists_plans]


def _featured_boost(featured: float, other: float) -> Callable[[SiteContext, Campaign], Search]:
    """A year's page ranks higher in search when it is the year the home page leads with."""
    return lambda ctx, campaign: Search(boost=featured if campaign.year == ctx.featured_year else other)


TOP: Nav[Any] = Nav()
IN_YEAR: Nav[Campaign] = Nav(lambda c: c.year)

HOME = PageType("home", "home.md.j2", _single, lambda _: paths.HOME, home_view, lambda _: "campaigns/site.yaml",
                Nav(title=plain("page.home.nav_title")), hide_toc=True)
CALENDAR = PageType("calendar", "calendar.md.j2", _single, lambda _: paths.CALENDAR, calendar_view, lambda _: "campaigns/", TOP)
YEAR = PageType("year", "year.md.j2", _years, lambda c: paths.year_page(c.year), year_view, lambda c: c.source, IN_YEAR,
                _featured_boost(2, 1.5))
PLANS = PageType("plans", "plans.md.j2", _years, lambda c: paths.year_plans(c.year), plans_view, lambda c: c.source, IN_YEAR)
YEAR_CALENDAR = PageType("year_calendar", "calendar.md.j2", _years, lambda c: paths.year_calendar(c.year),
                         year_calendar_view, lambda c: c.source, IN_YEAR)
BANNERS = PageType("banners", "banners.md.j2", _years, lambda c: paths.year_banners(c.year), banners_view,
                   lambda c: c.source, IN_YEAR, _featured_boost(3, 2))
LEGAL_BASIS = PageType("legal_basis", "legal_basis.md.j2", _single, lambda _: paths.LEGAL_BASIS, legal_basis_view,
                       lambda _: "campaigns/documents.yaml", TOP, hide_toc=True)
OPEN_DATA = PageType("open_data", "open_data.md.j2", _single, lambda _: "du-lieu-mo.md", open_data_view,
                     lambda _: "campaigns/", TOP)
# Many plans: the year's province pages, which list plans by name, stand for them in search;
# few plans: each plan page is in search itself, and a province page only when it names the provinces
# before 1/7/2025 (`data.provinces`), which no plan page holds.
PLAN = PageType("plan", "plan.md.j2", _plans, paths.plan_page, plan_view, lambda p: p.source, None,
                lambda ctx, plan: Search(exclude=not ctx.data.campaigns[plan.year].lists_plans), many=True,
                kept_by=_plan_reads)
# Activities held: each year's news, newest first, ten a page (the first page in the year's
# section), and each post, rendered from the staff's Markdown with its facts and photos.
NEWS = PageType("news", "news.md.j2", lambda data: [c for c in data.campaigns.values() if c.posts],
                lambda c: paths.news_page(c.year), news_view, lambda c: f"docs/{c.year}/{paths.NEWS_DIR}/", IN_YEAR)
NEWS_MORE: PageType[tuple[Campaign, int]] = PageType(
    "news_more", "news.md.j2", lambda data: [(c, n) for c in data.campaigns.values() for n in range(2, news_pages(c) + 1)],
    lambda s: paths.news_page(s[0].year, s[1]), lambda ctx, s: news_view(ctx, s[0], s[1]),
    lambda s: f"docs/{s[0].year}/{paths.NEWS_DIR}/", None, lambda ctx, s: Search(exclude=True))
POST: PageType[Post] = PageType("post", "post.md.j2", lambda data: [p for c in data.campaigns.values() for p in c.posts],
                                lambda p: p.page, post_view, lambda p: p.source, None)
PROVINCE: PageType[tuple[Campaign, ProvincePlans]] = PageType(
    "province", "province.md.j2", lambda data: [(c, g) for c in data.campaigns.values() for g in c.provinces],
    lambda s: paths.province_page(s[0].year, s[1].slug), province_view, lambda s: s[0].source, None,
    lambda ctx, s: Search(exclude=s[0].lists_plans and not arrangement().other_names(s[1].name)))
# Each observance day of a year: its phrases, the plans naming it, its event; linked from the year's page and calendar.
DAY = PageType("day", "day.md.j2", observance_days, day_page, day_view, lambda d: d.campaign.source, None,
               linked_from=(LinkedFrom(YEAR, lambda d: d.campaign, link_text, LINKS_LEAD),
                            LinkedFrom(YEAR_CALENDAR, lambda d: d.campaign, link_text, LINKS_LEAD)))

PAGE_TYPES: tuple[PageType[Any], ...] = (
    HOME, CALENDAR, YEAR, PLANS, YEAR_CALENDAR, BANNERS, LEGAL_BASIS, OPEN_DATA, PLAN, NEWS, NEWS_MORE, POST, PROVINCE,
    DAY,
)
"""In the order of the navigation: top-level pages, and the year sections where the first year type stands."""


def pages(data: SiteData) -> Iterator[tuple[PageType[Any], Any]]:
    """Every page of the site: each type with each of its subjects."""
    return ((t, s) for t in PAGE_TYPES for s in t.subjects(data))


def not_in_nav(data: SiteData) -> list[str]:
    """The paths of the pages reached by links only."""
    return [t.path(s) for t, s in pages(data) if t.nav is None]


def links_to(data: SiteData, page_type: PageType[Linking], subject: Linking) -> list[Links]:
    """The links the page of `page_type` about `subject` gets from the types that declare it in `linked_from`."""
    found = []
    for target in PAGE_TYPES:
        for link in target.linked_from:
            if link.page is page_type:
                links = [PageLink(target.path(s), link.text(s)) for s in target.subjects(data) if link.subject(s) == subject]
                found += [Links(link.lead, links)] if links else []
    return found
