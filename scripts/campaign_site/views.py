"""What each page shows, worked out from the data: one typed view per page type.

A view function takes the site's stages (`SiteContext`) and the page's subject (a year, a plan, a
province's plans, or nothing) and returns a frozen view; the page's template only lays it out.
Counting, filtering, numbering and choosing words happen here, not in templates.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from . import calendar_events, citations, open_data, paths
from .activities import Post
from .banners import Banner, Download, YearBanners
from .calendar_events import Event
from .feeds import Feed
from .model import BannerSize, LegalDocument, Observance, Origin, Phrase, Plan, ReportDeadline, Signer, Window
from .news import AtomLink, PublishedPost
from .photos import PublishedPhoto
from .phrasing import dateline, number_text, signed_date_text, signer_text, time
from .site_data import Campaign, PhraseEntry, ProvincePlans, SiteData
from .unknowns import NOT_KNOWN
from .vn_dates import PartialDate
from .wording import ISSUER_LEVELS, PHRASE_KINDS, absent, places_text, units_choose_text


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

    for doc_id in plan.legal_basis:
        visit(data.documents[doc_id], 0, (doc_id,))
    if plan.references:
        lines.append(BasisLine(0, "Văn bản được nhắc tới trong nội dung:"))
        for doc_id in plan.references:
            doc = data.documents[doc_id]
            lines.append(BasisLine(1, citations.short(doc) if doc_id in cited else citations.full(doc), doc_id))
            cited.add(doc_id)
    return lines


def _chains(data: SiteData, campaign: Campaign) -> list[PlanChain]:
    """Each plan of the year with its chain, where the year's pages name every plan."""
    return [PlanChain(p, basis_lines(data, p)) for p in campaign.plans] if campaign.lists_plans else []


def _province_counts(campaign: Campaign) -> list[ProvinceCount]:
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


def post_list(posts: list[Post], limit: int) -> PostList:
    """The first `limit` of `posts` (newest first), linked to the newest one's year news page."""
    return PostList(posts[:limit], len(posts), paths.news_page(posts[0].year) if posts else None)


def _feed_links(ctx: SiteContext, year: int) -> list[AtomLink]:
    """The Atom feeds a page about the year's posts links: the year's, then the whole site's."""
    return [ctx.atom_feeds[key] for key in (year, None) if key in ctx.atom_feeds]


# Home ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeDay:
    """An observance day of the featured year with its first theme and how many more it has."""

    day: date
    observance: Observance
    theme: Phrase | None
    more_themes: int


@dataclass(frozen=True)
class YearSummary:
    year: int
    plan_count: int
    span: tuple[date, date] | None


@dataclass(frozen=True, kw_only=True)
class HomeView(View):
    campaign: Campaign
    span: tuple[date, date] | None
    hero_image: str | None
    hero_alt: str
    theme: PhraseEntry | None
    countdown: list[Event]
    provinces: list[ProvinceCount]
    days: list[HomeDay]
    plan_count: int
    years: list[YearSummary]
    posts: PostList


def observance_countdown(data: SiteData, featured: Campaign) -> list[Event]:
    """The days the home page counts down to: the featured year's observance days and, as they
    recur every year, the same days of the following year (linked to the calendar while that year
    has no data)."""
    days = []
    for year in (featured.year, featured.year + 1):
        page = paths.year_page(year) if year in data.campaigns else paths.CALENDAR
        for observance, _ in featured.observances:
            if (observance.month, observance.day) == (2, 29) and not stdlib_calendar.isleap(year):
                continue
            day = date(year, observance.month, observance.day)
            days.append(Event("", "observance", day, day, observance.name, "", "", year, page))
    return sorted(days, key=lambda event: event.start)


def home_view(ctx: SiteContext, _: None) -> HomeView:
    data = ctx.data
    featured = data.campaigns[ctx.featured_year]
    themes = [e for e in featured.phrases().values() if e.kind == "theme"]
    share = ctx.share(featured.year)
    by_id = {o.id: year_obs for o, year_obs in featured.observances}
    days = []
    for day, observance in featured.observance_days():
        day_themes = by_id[observance.id].themes
        days.append(HomeDay(day, observance, day_themes[0] if day_themes else None, max(0, len(day_themes) - 1)))
    return HomeView(
        title=data.settings.site.title,
        description=data.settings.site.description,
        share=share,
        campaign=featured,
        span=featured.window(),
        hero_image=share.path if share else None,
        hero_alt=f"Băng rôn chủ đề năm {featured.year}: “{themes[0].phrase.text}”" if share and themes else "",
        theme=themes[0] if themes else None,
        countdown=observance_countdown(data, featured),
        provinces=_province_counts(featured),
        days=days,
        plan_count=len(featured.plans),
        years=[YearSummary(y, len(data.campaigns[y].plans), data.campaigns[y].window()) for y in data.years()],
        posts=post_list([p for y in data.years() for p in data.campaigns[y].posts], LATEST_POSTS),
    )


# A year ----------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class YearView(View):
    campaign: Campaign
    span: tuple[date, date] | None
    has_deadlines: bool
    intro: str | None
    observances: list[ObservancePhrases]
    has_phrases: bool
    plan_count: int
    provinces: list[ProvinceCount]
    places: str
    """Where the year's plans come from (`ở trung ương và 3 tỉnh, thành phố`)."""
    chains: list[PlanChain]
    data_size: int
    posts: PostList


def _observance_phrases(campaign: Campaign) -> list[ObservancePhrases]:
    return [
        ObservancePhrases(obs, date(campaign.year, obs.month, obs.day), [
            PhraseGroup(PHRASE_KINDS[kind], [CitedPhrase(p, campaign.plans_citing(p.id)) for p in phrases])
            for kind, phrases in (("theme", year_obs.themes), ("slogan", year_obs.slogans), ("message", year_obs.messages))
            if phrases
        ])
        for obs, year_obs in campaign.observances
    ]


def year_view(ctx: SiteContext, campaign: Campaign) -> YearView:
    return YearView(
        title=f"Năm {campaign.year}",
        description=f"{campaign.title}: thời gian, chủ đề, khẩu hiệu, kế hoạch của các địa phương và căn cứ pháp lý.",
        share=ctx.share(campaign.year),
        campaign=campaign,
        span=campaign.window(),
        has_deadlines=any(p.report_deadlines for p in campaign.plans),
        intro=ctx.intros.get(campaign.year),
        observances=_observance_phrases(campaign),
        has_phrases=bool(campaign.phrases()),
        plan_count=len(campaign.plans),
        provinces=_province_counts(campaign),
        places=places_text(campaign.province_count, any(g.central for g in campaign.provinces)),
        chains=_chains(ctx.data, campaign),
        data_size=ctx.data_sizes[campaign.year],
        posts=post_list(campaign.posts, LATEST_POSTS),
    )


# The year's plans, and one province's -----------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PlansView(View):
    campaign: Campaign
    plan_count: int
    provinces: list[ProvinceCount]
    places: str
    list_file: str


def plans_view(ctx: SiteContext, campaign: Campaign) -> PlansView:
    year, count, provinces = campaign.year, len(campaign.plans), _province_counts(campaign)
    places = places_text(campaign.province_count, any(g.central for g in campaign.provinces))
    description = (f"Danh sách {count} kế hoạch hưởng ứng năm {year} của các cơ quan, địa phương {places}, "
                   "tìm được theo tên.") if count else f"Chưa có kế hoạch nào cho năm {year}."
    return PlansView(title=f"Kế hoạch năm {year}", description=description, share=ctx.share(year), campaign=campaign,
                     plan_count=count, provinces=provinces, places=places, list_file=paths.plan_list(year).rsplit("/", 1)[1])


@dataclass(frozen=True, kw_only=True)
class ProvinceView(View):
    campaign: Campaign
    group: ProvincePlans
    plan_count: int
    whose: str
    """`các cơ quan, địa phương ở Lạng Sơn`, or `các cơ quan trung ương`."""
    posts: PostList


def province_view(ctx: SiteContext, subject: tuple[Campaign, ProvincePlans]) -> ProvinceView:
    campaign, group = subject
    count = len(group.plans)
    whose = "các cơ quan trung ương" if group.central else f"các cơ quan, địa phương ở {group.name}"
    return ProvinceView(
        title=f"{group.name}: kế hoạch năm {campaign.year}",
        description=f"{count} kế hoạch hưởng ứng năm {campaign.year} của {whose}.",
        share=ctx.share(campaign.year), campaign=campaign, group=group, plan_count=count, whose=whose,
        posts=post_list([p for p in campaign.posts if p.plan.id in {plan.id for plan in group.plans}], LISTED_POSTS),
    )


# A plan ----------------------------------------------------------------------------------------


def campaign_observance(data: SiteData, year: int, observance_id: str) -> Observance:
    """The observance under the name that year's documents use, when the year lists it."""
    for observance, _ in data.campaigns[year].observances:
        if observance.id == observance_id:
            return observance
    return data.observances[observance_id]


@dataclass(frozen=True)
class OriginView:
    """Where a record comes from: its original file as published, an address, a secondary source."""

    summary: bool
    file: Download | None
    url: str | None
    name: str | None
    read_on: date | None


def origin_view(origin: Origin | None, files: Mapping[str, Download]) -> OriginView | None:
    if origin is None:
        return None
    return OriginView(origin.summary, files.get(origin.file) if origin.file else None, origin.url, origin.name, origin.read_on)


@dataclass(frozen=True)
class PlanSection:
    """A titled list of the plan's text (context, purposes, requirements)."""

    heading: str
    items: list[str]


@dataclass(frozen=True)
class PlanPhrases:
    """The plan's themes, or its slogans, under their label."""

    label: str
    entries: list[PhraseEntry]


@dataclass(frozen=True)
class Fact:
    """A row of a plan's summary: what it is and what the record says, or that it does not hold it."""

    label: str
    text: str


@dataclass(frozen=True, kw_only=True)
class PlanView(View):
    plan: Plan
    observances: list[Observance]
    linked: list[Observance]
    """Other observances the plan links its activities to."""
    basis: list[BasisLine]
    sections: list[PlanSection]
    phrases: list[PlanPhrases]
    phrases_heading: str
    units_choose: str | None
    """What the plan leaves each unit to choose (`Văn bản không quy định chủ đề, khẩu hiệu chung; ...`)."""
    dateline: str
    """Place and date under the number, as far as the record holds them."""
    subject_line: str
    """The document's kind and subject: `Kế hoạch: …`, or `Công văn — V/v …`."""
    facts: list[Fact]
    """Number, date, place and signer, each stated, not stated or not known."""
    window: Window | None
    window_absent: str
    deadlines: list[ReportDeadline]
    deadlines_absent: str
    signer: Signer | None
    signer_absent: str
    recipients: list[str]
    recipients_absent: str
    origin: OriginView | None
    posts: PostList


def plan_view(ctx: SiteContext, plan: Plan) -> PlanView:
    campaign = ctx.data.campaigns[plan.year]
    known = campaign.phrases()
    doc = plan.document
    return PlanView(
        title=f"{plan.issuer.short_name}: {doc.type} năm {plan.year}",
        description=f"{doc.type} của {plan.issuer.name}: {doc.subject}",
        share=ctx.share(plan.year),
        plan=plan,
        observances=[campaign_observance(ctx.data, plan.year, o) for o in plan.observances],
        basis=basis_lines(ctx.data, plan),
        sections=[PlanSection(heading, items) for heading, items in
                  (("Bối cảnh", plan.context), ("Mục đích", plan.purposes), ("Yêu cầu", plan.requirements)) if items],
        phrases=[PlanPhrases(PHRASE_KINDS[kind], [known[i] for i in ids]) for kind, ids in
                 (("theme", plan.themes), ("slogan", plan.slogans), ("message", plan.messages)) if ids],
        phrases_heading="Chủ đề, khẩu hiệu và thông điệp" if plan.messages else "Chủ đề và khẩu hiệu",
        units_choose=units_choose_text(plan.units_choose),
        linked=[campaign_observance(ctx.data, plan.year, o) for o in plan.linked_observances],
        dateline=dateline(plan.place, doc.date),
        subject_line=f"{doc.type}{' — V/v ' if doc.type == 'Công văn' else ': '}{doc.subject}",
        facts=[
            Fact("Số, ký hiệu", number_text(doc)),
            Fact("Ngày ký", signed_date_text(doc)),
            Fact("Địa danh", plan.place if isinstance(plan.place, str) else absent("place", plan.place is NOT_KNOWN)),
            Fact("Người ký", signer_text(plan.signer)),
        ],
        window=plan.dated_window,
        window_absent=absent("window", plan.window is NOT_KNOWN),
        deadlines=plan.dated_deadlines,
        deadlines_absent=absent("report_deadlines", plan.report_deadlines is NOT_KNOWN),
        signer=plan.signer if isinstance(plan.signer, Signer) else None,
        signer_absent=absent("signer", plan.signer is NOT_KNOWN),
        recipients=plan.recipients if isinstance(plan.recipients, list) else [],
        recipients_absent=absent("recipients", plan.recipients is NOT_KNOWN),
        origin=origin_view(plan.origin, ctx.origin_files),
        posts=post_list(campaign.posts_of(plan), LISTED_POSTS),
    )


# Banners ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BannerItem:
    """A banner numbered within its kind on its observance (`Khẩu hiệu 2`), with the plans that state it."""

    banner: Banner
    name: str
    cited: list[Plan]
    characters: int
    words: int
    preview_alt: str


@dataclass(frozen=True)
class BannerGroup:
    observance: Observance
    items: list[BannerItem]


@dataclass(frozen=True, kw_only=True)
class BannersView(View):
    campaign: Campaign
    banners: YearBanners
    groups: list[BannerGroup]
    sizes: list[BannerSize]
    uppercase: bool
    margin_percent: float
    kinds: str
    """What the year's texts are, in words: `chủ đề, khẩu hiệu` (and `thông điệp` when the year has any)."""


def _banner_groups(campaign: Campaign, banners: list[Banner]) -> list[BannerGroup]:
    groups = []
    for obs, _ in campaign.observances:
        items, numbers = [], {kind: 0 for kind in PHRASE_KINDS}
        for banner in (b for b in banners if b.entry.observance.id == obs.id):
            numbers[banner.entry.kind] += 1
            text = banner.entry.phrase.text
            items.append(BannerItem(
                banner, f"{banner.kind} {numbers[banner.entry.kind]}", campaign.plans_citing(banner.id), len(text),
                len(text.split()),
                f"Hình xem trước: {banner.preview_size[0].lower()}{banner.preview_size[1:]} với dòng chữ như trên",
            ))
        if items:
            groups.append(BannerGroup(obs, items))
    return groups


def banners_view(ctx: SiteContext, campaign: Campaign) -> BannersView:
    year = campaign.year
    style = ctx.data.settings.banners
    kinds = "chủ đề, khẩu hiệu, thông điệp" if any(e.kind == "message" for e in campaign.phrases().values()) else "chủ đề, khẩu hiệu"
    return BannersView(
        title=f"Khẩu hiệu và băng rôn năm {year}",
        description=f"Nguyên văn các {kinds} năm {year} để sao chép, và tệp in băng rôn SVG, PDF, PNG tải về.",
        kinds=kinds,
        share=ctx.share(year), campaign=campaign, banners=ctx.banners[year],
        groups=_banner_groups(campaign, ctx.banners[year].banners), sizes=style.sizes, uppercase=style.uppercase,
        margin_percent=style.margin_percent,
    )


# Calendars -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    """A day of a month grid: the activity windows it falls in, and its other dates (marks)."""

    day: date
    windows: list[Event]
    marks: list[Event]
    today: bool


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: list[list[CalendarDay | None]]


@dataclass(frozen=True, kw_only=True)
class CalendarView(View):
    intro: str
    events: list[Event]
    months: list[Month]
    coming: list[Event]
    past: list[Event]
    feeds: list[Feed]
    plan_feeds: list[Feed]
    staff_feeds: list[Feed]
    staff_plan_feeds: list[Feed]
    plan_feeds_count: int
    staff_plan_feeds_count: int
    plan_feeds_elsewhere: int | None
    """The year whose plans' feeds are on their own pages only."""
    has_activities: bool
    """Whether activities held (posts) are among the events, which the legend then explains."""


def _months(events: list[Event], today: date) -> list[Month]:
    def cell(day: calendar_events.DayCell | None) -> CalendarDay | None:
        if day is None:
            return None
        return CalendarDay(day.day, [e for e in day.events if e.kind == "window"],
                           [e for e in day.events if e.kind != "window"], day.day == today)

    return [Month(y, m, [[cell(d) for d in week] for week in calendar_events.month_weeks(y, m, events)])
            for y, m in calendar_events.months_spanned(events)]


def _calendar(ctx: SiteContext, title: str, intro: str, events: list[Event], feeds: list[str],
              share: ShareImage | None = None, plan_feeds_elsewhere: int | None = None) -> CalendarView:
    """A calendar page; `feeds` are citizens' feeds, each with its agencies' feed of deadlines where it has one."""
    plan_feeds = {paths.plan_feed(p) for c in ctx.data.campaigns.values() for p in c.plans}
    staff = [(path, paths.staff_feed(path)) for path in feeds if paths.staff_feed(path) in ctx.feeds]
    coming, past = calendar_events.upcoming(events, ctx.today)
    per_plan = [ctx.feeds[f] for f in feeds if f in plan_feeds]
    staff_per_plan = [ctx.feeds[s] for f, s in staff if f in plan_feeds]
    return CalendarView(
        title=title, description=intro, share=share, intro=intro, events=events, months=_months(events, ctx.today),
        coming=coming, past=past,
        feeds=[ctx.feeds[f] for f in feeds if f not in plan_feeds],
        plan_feeds=per_plan,
        staff_feeds=[ctx.feeds[s] for f, s in staff if f not in plan_feeds],
        staff_plan_feeds=staff_per_plan,
        plan_feeds_count=len(per_plan),
        staff_plan_feeds_count=len(staff_per_plan),
        plan_feeds_elsewhere=plan_feeds_elsewhere,
        has_activities=any(e.kind == "activity" for e in events),
    )


def calendar_view(ctx: SiteContext, _: None) -> CalendarView:
    return _calendar(ctx, "Lịch", "Mọi ngày kỷ niệm, thời gian thực hiện kế hoạch và hạn báo cáo của các năm, theo "
                     "tháng và theo thứ tự thời gian.", ctx.all_events,
                     [paths.ALL_FEED, *(paths.year_feed(y) for y in ctx.data.years())])


def year_calendar_view(ctx: SiteContext, campaign: Campaign) -> CalendarView:
    year = campaign.year
    plan_feeds = [paths.plan_feed(p) for p in campaign.plans if campaign.lists_plans]
    return _calendar(ctx, f"Lịch năm {year}", f"Ngày kỷ niệm, thời gian thực hiện của từng kế hoạch và hạn báo cáo năm {year}.",
                     ctx.events[year], [paths.year_feed(year), *plan_feeds], ctx.share(year),
                     None if campaign.lists_plans else year)


# Open data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearData:
    """A year's files for reuse: its JSON with its size, its citizens' feed and its agencies' feed if any."""

    year: int
    json_path: str
    json_size: int
    feed: Feed
    staff_feed: Feed | None


@dataclass(frozen=True, kw_only=True)
class OpenDataView(View):
    years: list[YearData]
    all_feed: Feed
    staff_all_feed: Feed | None


def open_data_view(ctx: SiteContext, _: None) -> OpenDataView:
    return OpenDataView(
        title="Dữ liệu mở",
        description="Tệp dữ liệu JSON của từng năm và tệp lịch ICS, để tải về và dùng lại: cùng nội dung với các trang.",
        years=[YearData(y, paths.year_data(y), ctx.data_sizes[y], ctx.feeds[paths.year_feed(y)],
                        ctx.feeds.get(paths.staff_feed(paths.year_feed(y)))) for y in ctx.data.years()],
        all_feed=ctx.feeds[paths.ALL_FEED],
        staff_all_feed=ctx.feeds.get(paths.staff_feed(paths.ALL_FEED)),
    )


# Legal basis -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryRow:
    """A document on the legal-basis page with the plans and documents that cite it."""

    doc: LegalDocument
    plans: list[Plan]
    cited_by: list[LegalDocument]
    level: str
    """The issuer's level in words (`Bộ, ngành trung ương`)."""
    level_rank: int
    """Its place in the legal chain, from the Party down: the level column sorts by it."""
    number: str
    issued: str
    """The date of issue as a `<time>`, or why there is none."""
    issued_sort: str
    summary: str
    original: Download | None
    """The original file kept with the site, if the registry names one."""
    from_summary: bool
    """Whether the entry was made from a news summary rather than the document."""


@dataclass(frozen=True)
class YearChains:
    """A year's plans with their chains, or (`chains` empty) how many plans it has."""

    campaign: Campaign
    plan_count: int
    chains: list[PlanChain]


@dataclass(frozen=True, kw_only=True)
class LegalBasisView(View):
    rows: list[RegistryRow]
    document_count: int
    years: list[YearChains]
    jsonld: str


def registry_rows(data: SiteData, originals: Mapping[str, Download]) -> list[RegistryRow]:
    """Every registered document, oldest first, with who cites it."""
    plans = [p for year in sorted(data.campaigns) for p in data.campaigns[year].plans]
    return [
        RegistryRow(
            doc,
            [p for p in plans if doc.id in p.legal_basis or doc.id in p.references],
            [d for d in data.documents.values() if doc.id in d.basis],
            ISSUER_LEVELS[doc.level],
            list(ISSUER_LEVELS).index(doc.level),
            doc.number_symbol if isinstance(doc.number_symbol, str) else absent("number", doc.number_symbol is NOT_KNOWN),
            time(doc.date.iso(), doc.date.short()) if isinstance(doc.date, PartialDate) else absent("issued", doc.date is NOT_KNOWN),
            doc.date.iso() if isinstance(doc.date, PartialDate) else "",
            doc.summary if isinstance(doc.summary, str) else absent("summary", doc.summary is NOT_KNOWN),
            originals.get(doc.origin.file) if doc.origin and doc.origin.file else None,
            bool(doc.origin and doc.origin.summary),
        )
        for doc in sorted(data.documents.values(), key=lambda d: d.sort_key)
    ]


def legal_basis_view(ctx: SiteContext, _: None) -> LegalBasisView:
    rows = registry_rows(ctx.data, ctx.origin_files)
    return LegalBasisView(
        title="Căn cứ pháp lý",
        description=f"Danh mục {len(rows)} văn bản làm căn cứ cho các kế hoạch: số, ký hiệu, ngày ban hành, cơ quan "
                    "ban hành, trích yếu và chuỗi văn bản thực hiện.",
        rows=rows,
        document_count=len(rows),
        years=[YearChains(c, len(c.plans), _chains(ctx.data, c)) for c in (ctx.data.campaigns[y] for y in ctx.data.years())],
        jsonld=open_data.legislation_jsonld(ctx.data),
    )



# Activities held: the year's news pages and each post ------------------------------------------


@dataclass(frozen=True)
class MonthPosts:
    """The posts of one month on a news page, newest first."""

    label: str
    posts: list[PublishedPost]


@dataclass(frozen=True)
class PageNumber:
    number: int
    path: str
    current: bool


@dataclass(frozen=True, kw_only=True)
class NewsView(View):
    campaign: Campaign
    months: list[MonthPosts]
    total: int
    number: int
    page_count: int
    pages: list[PageNumber]
    """Every page of the year's news, when there is more than one."""
    newer: str | None
    older: str | None
    first: str
    """The page path of the post whose photo is the page's first (loaded at once, not lazily)."""


def news_pages(campaign: Campaign) -> int:
    """How many pages the year's news takes."""
    return max(1, -(-len(campaign.posts) // NEWS_PER_PAGE))


def news_view(ctx: SiteContext, campaign: Campaign, number: int = 1) -> NewsView:
    year, count = campaign.year, news_pages(campaign)
    shown = campaign.posts[(number - 1) * NEWS_PER_PAGE:number * NEWS_PER_PAGE]
    months: list[MonthPosts] = []
    for post in shown:
        label = f"Tháng {post.start.month}/{post.start.year}"
        if not months or months[-1].label != label:
            months.append(MonthPosts(label, []))
        months[-1].posts.append(ctx.posts[post.page])
    suffix = f" (trang {number}/{count})" if count > 1 else ""
    return NewsView(
        title=f"Hoạt động năm {year}{suffix}",
        description=f"Tin và ảnh về {len(campaign.posts)} hoạt động hưởng ứng đã tổ chức năm {year}, mới nhất trước.",
        share=ctx.share(year), campaign=campaign, months=months, total=len(campaign.posts), number=number, page_count=count,
        pages=[PageNumber(n, paths.news_page(year, n), n == number) for n in range(1, count + 1)] if count > 1 else [],
        newer=paths.news_page(year, number - 1) if number > 1 else None,
        older=paths.news_page(year, number + 1) if number < count else None,
        atom=_feed_links(ctx, year),
        first=next((p.page for p in shown if ctx.posts[p.page].photos), ""),
    )


@dataclass(frozen=True, kw_only=True)
class PostView(View):
    post: Post
    published: PublishedPost
    lead: PublishedPhoto | None
    """The first photo, shown under the title; the others follow the text."""
    more_photos: list[PublishedPhoto]
    observances: list[Observance]
    news_page: str


def post_view(ctx: SiteContext, post: Post) -> PostView:
    published = ctx.posts[post.page]
    return PostView(
        title=post.title, description=published.summary or f"Hoạt động của {post.front.unit}.", share=ctx.share(post.year),
        post=post, published=published, lead=published.photos[0] if published.photos else None,
        more_photos=list(published.photos[1:]),
        observances=[campaign_observance(ctx.data, post.year, o) for o in post.front.observances],
        atom=_feed_links(ctx, post.year), news_page=paths.news_page(post.year),
    )
