"""What every view draws on: the site's stages (`SiteContext`), the base `View`, and the pieces several
pages share (plan chains, province counts, phrases cited by plans, post lists, a year's observances)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import citations, paths
from campaign_site.data.activities import Post
from campaign_site.data.model import LegalDocument, Observance, Phrase, Plan
from campaign_site.data.site_data import Campaign, ProvincePlans, SiteData
from campaign_site.stages.banners.artwork import Download, YearBanners
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import Feed
from campaign_site.stages.news.posts import AtomLink, PublishedPost
from campaign_site.words.catalogue import plain, say
from campaign_site.words.phrasing import document_name, listed_name, plan_deadlines, plan_window


@dataclass(frozen=True)
class ShareImage:
    """The picture a page is shared with on social networks."""

    path: str
    alt: str


@dataclass(frozen=True)
class SiteContext:
    """Everything pages draw on, made before any page: the data and the banner, feed and event stages."""

    data: SiteData
    today: date
    intros: Mapping[int, str]
    events: Mapping[int, list[Event]]
    """Each entered year's events and, after the last one, the observance days of the years to come
    (`calendar_events.coming_years`)."""
    banners: Mapping[int, YearBanners]
    feeds: Mapping[str, Feed]
    data_sizes: Mapping[int, int]
    """Size in bytes of each year's open-data JSON, which its year page states."""
    origin_files: Mapping[str, Download]
    """Original documents published with the site, by their path under campaigns/."""
    posts: Mapping[str, PublishedPost]
    """Activity posts with their published photos, by page path."""
    atom_feeds: Mapping[int | None, AtomLink]
    """The Atom feeds of posts: the site's (None) and each year's with posts."""

    @property
    def all_events(self) -> list[Event]:
        return [e for y in sorted(self.events) for e in self.events[y]]

    @property
    def featured_year(self) -> int:
        """The year the home page leads with; search ranks its pages first."""
        return self.data.featured_year(self.today)

    def share(self, year: int) -> ShareImage | None:
        """The year's first banner image, as the picture of the year's pages."""
        banners = self.banners[year].banners
        return ShareImage(banners[0].share.path, banners[0].printed) if banners else None


@dataclass(frozen=True, kw_only=True)
class View:
    """What every page has: its title and description (front matter) and its share image."""

    title: str
    description: str
    share: ShareImage | None = None
    atom: list[AtomLink] = field(default_factory=list)
    """Atom feeds the page names in its head (`<link rel="alternate">`)."""


def link(page: str, target: str, text: str) -> Markdown:
    """A Markdown link on page `page` to the page or file `target` (both paths under docs/)."""
    href = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return Markdown(f"[{escape(text)}]({href})")


NAMED_PLANS = 5
"""Where a text or document lists the plans citing it, this many are named and the rest counted."""

PLAN_NAMES: dict[str, Callable[[Plan], str]] = {
    "short": lambda p: p.short_label,
    "title": lambda p: p.title,
    "short_year": lambda p: f"{p.issuer.short_label} ({', '.join(filter(None, (str(p.year), p.distinction)))})",
}
"""How a list of plans names each: its short label, its title, or its issuer's short name with the year."""


def plan_links(page: str, plans: list[Plan], names: str = "short") -> Markdown:
    """Links to the first few plans, then how many more and, when they are of one year, where they are all listed."""
    shown = [link(page, paths.plan_page(p), PLAN_NAMES[names](p)) for p in plans[:NAMED_PLANS]]
    more = len(plans) - len(shown)
    if more <= 0:
        return Markdown("; ".join(shown))
    years = {p.year for p in plans}
    if len(years) == 1:
        listed = link(page, paths.year_plans(years.pop()), plain("page.plans.list"))
        rest = say("page.plans.more_listed", count=more, listed=listed)
    else:
        rest = say("page.plans.more", count=more)
    return Markdown("; ".join(shown) + "; " + rest)


@dataclass(frozen=True)
class PlanRow:
    """A plan in a table of plans: its issuer linked to its page, its document, window and report deadlines."""

    link: Markdown
    document: str
    window: Markdown
    deadlines: Markdown


def listed_plans(campaign: Campaign, page: str) -> list[PlanRow]:
    """The year's plans as rows, where pages about the whole year name every plan (`Campaign.lists_plans`);
    else none."""
    return plan_rows(page, campaign.plans) if campaign.lists_plans else []


def plan_rows(page: str, plans: list[Plan]) -> list[PlanRow]:
    """`plans` as rows of a table."""
    return [PlanRow(link(page, paths.plan_page(p), listed_name(p)), document_name(p.document), plan_window(p), plan_deadlines(p))
            for p in plans]


@dataclass(frozen=True)
class BasisLine:
    """One line of a plan's legal-basis tree, finished (a document linked to its entry on the legal-basis
    page); depth 0 is cited by the plan itself."""

    depth: int
    text: Markdown


@dataclass(frozen=True)
class PlanChain:
    """A plan, linked to its page, with its document and the chain of documents it implements."""

    link: Markdown
    document: str
    lines: list[BasisLine]


@dataclass(frozen=True)
class ProvinceCount:
    """A province's plans of a year, with how many there are."""

    group: ProvincePlans
    count: int


@dataclass(frozen=True)
class CitedPhrase:
    """A theme or slogan and the plans that state it."""

    phrase: Phrase
    cited: list[Plan]
    cited_note: str | None
    """That some or all of those plans are known only from a news summary, if so."""


@dataclass(frozen=True)
class PhraseGroup:
    """The themes, or the slogans, under one label."""

    label: str
    phrases: list[CitedPhrase]


@dataclass(frozen=True)
class ObservancePhrases:
    """An observance day of the year with its phrases."""

    observance: Observance
    day: date
    groups: list[PhraseGroup]


def basis_lines(data: SiteData, plan: Plan, page: str) -> list[BasisLine]:
    """The plan's legal basis as a tree on page `page`: each cited document, then what it implements, and so on.

    Within one tree a document is cited in full at its first mention and by type and number after.
    """
    cited: set[str] = set()
    lines: list[BasisLine] = []

    def cite(doc: LegalDocument, depth: int) -> None:
        text = citations.short(doc) if doc.id in cited else citations.full(doc)
        lines.append(BasisLine(depth, link(page, paths.document_anchor(doc.id), text)))
        cited.add(doc.id)

    def visit(doc: LegalDocument, depth: int, trail: tuple[str, ...]) -> None:
        cite(doc, depth)
        for parent_id in doc.basis:
            if parent_id not in trail:
                visit(data.documents[parent_id], depth + 1, trail + (parent_id,))

    for doc_id in data.legal_basis(plan):
        visit(data.documents[doc_id], 0, (doc_id,))
    if plan.references:
        lines.append(BasisLine(0, say("page.plan.mentioned_documents")))
        for doc_id in plan.references:
            cite(data.documents[doc_id], 1)
    return lines


def chains(data: SiteData, campaign: Campaign, page: str) -> list[PlanChain]:
    """Each plan of the year with its chain, where the year's pages name every plan (`Campaign.lists_plans`)."""
    return [PlanChain(link(page, paths.plan_page(p), listed_name(p)), document_name(p.document), basis_lines(data, p, page))
            for p in campaign.plans] if campaign.lists_plans else []


def province_counts(campaign: Campaign) -> list[ProvinceCount]:
    return [ProvinceCount(group, len(group.plans)) for group in campaign.provinces]


@dataclass(frozen=True)
class ProvinceRow:
    """A province's plans of a year: its page linked under its name, and how many plans it has."""

    link: Markdown
    count: int


def province_rows(campaign: Campaign, page: str) -> list[ProvinceRow]:
    return [ProvinceRow(link(page, paths.province_page(campaign.year, group.slug), group.name), len(group.plans))
            for group in campaign.provinces]


LATEST_POSTS = 3
"""Posts the home and year pages show; the year's news page lists them all."""
LISTED_POSTS = 10
"""Posts a plan or province page names before linking the year's news page."""
NEWS_PER_PAGE = 10


@dataclass(frozen=True)
class PostList:
    """The newest posts of a list, how many there are in all, and the news page that lists them all."""

    posts: list[Post]
    total: int
    news_page: str | None

    @property
    def more(self) -> int:
        return self.total - len(self.posts)


def post_list(posts: list[Post], limit: int) -> PostList:
    """The first `limit` of `posts` (newest first), linked to the newest one's year news page."""
    return PostList(posts[:limit], len(posts), paths.news_page(posts[0].year) if posts else None)


def feed_links(ctx: SiteContext, year: int) -> list[AtomLink]:
    """The Atom feeds a page about the year's posts links: the year's, then the whole site's."""
    return [ctx.atom_feeds[key] for key in (year, None) if key in ctx.atom_feeds]


def campaign_observance(data: SiteData, year: int, observance_id: str) -> Observance:
    """The observance under the name that year's documents use, when the year lists it."""
    for observance, _ in data.campaigns[year].observances:
        if observance.id == observance_id:
            return observance
    return data.observances[observance_id]
