"""What every view draws on: the collected stages (`SiteContext`), the base `View`, and the pieces several
pages share (plan chains, province counts and links, post lists, feed links, staff text, who set a day,
a year's observances)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import citations, html_policy, paths
from campaign_site.data.activities import Post
from campaign_site.data.domain import phrases_by_kind
from campaign_site.data.model import LegalDocument, Observance, Phrase, Plan, YearObservance
from campaign_site.data.site_data import Campaign, ProvincePlans, SiteData
from campaign_site.data.wording import FROM_SUMMARY, PHRASE_KINDS
from campaign_site.stages.collect import Collected, ShareImage
from campaign_site.stages.news.posts import AtomLink
from campaign_site.words.phrasing import document_name, listed_name, phrase_item, plan_deadlines, plan_window, post_when
from campaign_site.words.sources import phrase_source_note

SiteContext = Collected
"""What views draw on: the data and every stage's output, collected before any page (`stages.collect`)."""


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


def plan_links(page: str, plans: Sequence[Plan], names: str = "short") -> Markdown:
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
class CitedPhrase:
    """A theme, slogan or message, quoted, and the plans that state it."""

    text: Markdown
    cited: Markdown
    """Links to the plans that state it (the first few, then how many more)."""
    cited_note: str | None
    """That some or all of those plans are known only from a news summary, if so."""


@dataclass(frozen=True)
class PhraseGroup:
    """The themes, or the slogans, or the messages, under one label."""

    label: str
    phrases: list[CitedPhrase]


def phrase_groups(campaign: Campaign, observance: YearObservance, page: str) -> list[PhraseGroup]:
    """An observance day's phrases of the year by kind (kinds with none left out), each quoted with links from
    `page` to the plans that state it."""

    def cited(phrase: Phrase) -> CitedPhrase:
        plans = campaign.plans_citing(phrase.id)
        return CitedPhrase(phrase_item(phrase), plan_links(page, plans), phrase_source_note(plans))

    return [PhraseGroup(PHRASE_KINDS[kind], [cited(p) for p in phrases]) for kind, phrases in phrases_by_kind(observance) if phrases]


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


def plan_link(page: str, plan: Plan) -> Markdown:
    """The plan's listed name linked to its page, and after the link, not in it, that its record was made from a news
    summary: `[Bộ Khoa học và Công nghệ](…) (theo bản tin tóm tắt)`."""
    linked = link(page, paths.plan_page(plan), listed_name(plan))
    return Markdown(f"{linked} ({escape(FROM_SUMMARY)})") if plan.from_summary else linked


def plan_rows(page: str, plans: Sequence[Plan]) -> list[PlanRow]:
    """`plans` as rows of a table."""
    return [PlanRow(plan_link(page, p), document_name(p.document), plan_window(p), plan_deadlines(p)) for p in plans]


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


def basis_lines(data: SiteData, plan: Plan, page: str, in_full: bool = True) -> list[BasisLine]:
    """The plan's legal basis as a tree on page `page`: each cited document, then what it implements, and so on.

    Within one tree a document is cited in full at its first mention and by type and number after; by type
    and number only when not `in_full` (a page that cites every document in full elsewhere).
    """
    cited: set[str] = set()
    lines: list[BasisLine] = []

    def cite(doc: LegalDocument, depth: int) -> None:
        text = citations.short(doc) if doc.id in cited or not in_full else citations.full(doc)
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
    """Each plan of the year with its chain, where the year's pages name every plan (`Campaign.lists_plans`);
    each document by type and number, linked to its row of the legal-basis page, which cites it in full."""
    return [PlanChain(plan_link(page, p), document_name(p.document), basis_lines(data, p, page, in_full=False))
            for p in campaign.plans] if campaign.lists_plans else []


def province_counts(campaign: Campaign) -> list[ProvinceCount]:
    return [ProvinceCount(group, len(group.plans)) for group in campaign.provinces]


@dataclass(frozen=True)
class ProvinceLink:
    """A province's plans of the year: its page, its name and how many there are."""

    page: str
    name: str
    count: int


def province_links(campaign: Campaign) -> list[ProvinceLink]:
    """Each province's page of the year's plans, in the order of `Campaign.provinces`."""
    return [ProvinceLink(paths.province_page(campaign.year, g.slug), g.name, len(g.plans)) for g in campaign.provinces]


LATEST_POSTS = 3
"""Posts the home and year pages show; the year's news page lists them all."""
LISTED_POSTS = 10
"""Posts a plan or province page names before linking the year's news page."""
NEWS_PER_PAGE = 10


@dataclass(frozen=True)
class PostItem:
    """A post in a list: when it was held, its page and title, and who held it where (`unit, place`)."""

    when: Markdown
    page: str
    title: str
    by: Markdown


@dataclass(frozen=True)
class PostList:
    """The newest posts of a list, how many there are in all, and the news page that lists them all."""

    items: list[PostItem]
    total: int
    news_page: str | None

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def post_list(posts: Sequence[Post], limit: int) -> PostList:
    """The first `limit` of `posts` (newest first), linked to the newest one's year news page."""
    items = [PostItem(post_when(p), p.page, p.title, say("page.news.list_by", unit=p.front.unit, place=p.place_text))
             for p in posts[:limit]]
    return PostList(items, len(posts), paths.news_page(posts[0].year) if posts else None)


def staff_text(text: str) -> Markdown:
    """Staff's Markdown (a year's introduction, a post's body) as the HTML policy lets it through."""
    return Markdown(html_policy.region(text))


def observance_about(observance: Observance) -> Markdown:
    """What follows an observance's name: its English name if any, then who set the day
    (` (World Creativity and Innovation Day). Ngày kỷ niệm do Liên Hợp Quốc xác lập.`)."""
    english = f" ({escape(observance.name_en)})" if observance.name_en else ""
    owner = say("page.year.observance_owner", owner=observance.owner)
    return Markdown(f"{english}. {owner}")


@dataclass(frozen=True)
class LinkItem:
    """A link a page lists: its target and its finished text."""

    target: str
    text: str


def atom_items(feeds: list[AtomLink]) -> list[LinkItem]:
    """Links to Atom feeds, each named by what it follows (`Năm 2026`): a reader's app subscribes to it,
    nobody downloads it, so its size is not said."""
    return [LinkItem(f.path, f.label) for f in feeds]


def feed_links(ctx: SiteContext, year: int) -> list[AtomLink]:
    """The Atom feeds a page about the year's posts links: the year's, then the whole site's."""
    return [ctx.atom_feeds[key] for key in (year, None) if key in ctx.atom_feeds]


def campaign_observance(data: SiteData, year: int, observance_id: str) -> Observance:
    """The observance under the name that year's documents use, when the year lists it."""
    for observance, _ in data.campaigns[year].observances:
        if observance.id == observance_id:
            return observance
    return data.observances[observance_id]
