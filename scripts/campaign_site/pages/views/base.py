"""What every view draws on: the site's stages (`SiteContext`), the base `View`, and the pieces several
pages share (plan chains, province counts, phrases cited by plans, post lists, a year's observances)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from campaign_site.data import citations, paths
from campaign_site.data.activities import Post
from campaign_site.data.model import LegalDocument, Observance, Phrase, Plan
from campaign_site.data.site_data import Campaign, ProvincePlans, SiteData
from campaign_site.stages.banners.artwork import Download, YearBanners
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import Feed
from campaign_site.stages.news.posts import AtomLink, PublishedPost


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


@dataclass(frozen=True)
class BasisLine:
    """One line of a plan's legal-basis tree; depth 0 is cited by the plan itself."""

    depth: int
    text: str
    doc_id: str | None = None


@dataclass(frozen=True)
class PlanChain:
    """A plan with the chain of documents it implements."""

    plan: Plan
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


def basis_lines(data: SiteData, plan: Plan) -> list[BasisLine]:
    """The plan's legal basis as a tree: each cited document, then what it implements, and so on.

    Within one tree a document is cited in full at its first mention and by type and number after.
    """
    cited: set[str] = set()
    lines: list[BasisLine] = []

    def visit(doc: LegalDocument, depth: int, trail: tuple[str, ...]) -> None:
        lines.append(BasisLine(depth, citations.short(doc) if doc.id in cited else citations.full(doc), doc.id))
        cited.add(doc.id)
        for parent_id in doc.basis:
            if parent_id not in trail:
                visit(data.documents[parent_id], depth + 1, trail + (parent_id,))

    for doc_id in data.legal_basis(plan):
        visit(data.documents[doc_id], 0, (doc_id,))
    if plan.references:
        lines.append(BasisLine(0, "Văn bản được nhắc tới trong nội dung:"))
        for doc_id in plan.references:
            doc = data.documents[doc_id]
            lines.append(BasisLine(1, citations.short(doc) if doc_id in cited else citations.full(doc), doc_id))
            cited.add(doc_id)
    return lines


def chains(data: SiteData, campaign: Campaign) -> list[PlanChain]:
    """Each plan of the year with its chain, where the year's pages name every plan."""
    return [PlanChain(p, basis_lines(data, p)) for p in campaign.plans] if campaign.lists_plans else []


def province_counts(campaign: Campaign) -> list[ProvinceCount]:
    return [ProvinceCount(group, len(group.plans)) for group in campaign.provinces]


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


def post_list(posts: Sequence[Post], limit: int) -> PostList:
    """The first `limit` of `posts` (newest first), linked to the newest one's year news page."""
    return PostList(list(posts[:limit]), len(posts), paths.news_page(posts[0].year) if posts else None)


def feed_links(ctx: SiteContext, year: int) -> list[AtomLink]:
    """The Atom feeds a page about the year's posts links: the year's, then the whole site's."""
    return [ctx.atom_feeds[key] for key in (year, None) if key in ctx.atom_feeds]


def campaign_observance(data: SiteData, year: int, observance_id: str) -> Observance:
    """The observance under the name that year's documents use, when the year lists it."""
    for observance, _ in data.campaigns[year].observances:
        if observance.id == observance_id:
            return observance
    return data.observances[observance_id]
