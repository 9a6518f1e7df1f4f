"""Render the generated pages (Markdown) and data files from the validated site data.

Plain functions: data in, `GeneratedFile`s out. Templates live in `templates/`; every value
they print is escaped as text unless a helper here marks it as Markdown.
"""

from __future__ import annotations

import calendar
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import calendar_events, citations, ics, open_data, parallel, paths, vn_dates
from .banner_cache import BannerCache
from .banner_font import FONT_LABEL
from .banners import BannerMaker, Download, YearBanners
from .calendar_events import Event
from .encoders import html_attribute, json_text
from .generated import GeneratedFile
from .markdown_text import Markdown, escape
from .model import LegalDocument, Observance, Plan, ReportDeadline, Window
from .problems import Problem
from .site_data import Campaign, PhraseEntry, SiteData
from .wording import DEADLINE_RULES, EVENT_KINDS, ISSUER_LEVELS, PHRASE_KINDS, WEEKDAYS

_TEMPLATES = Path(__file__).parent / "templates"
NAMED_PLANS = 5
"""Where a text or document lists the plans citing it, this many are named and the rest counted."""


@dataclass(frozen=True)
class Feed:
    """A calendar feed as pages link it: label, file, size, and the subscribe address."""

    label: str
    path: str
    size: str
    webcal: str



@dataclass(frozen=True)
class BasisLine:
    """One line of a plan's legal-basis tree; depth 0 is cited by the plan itself."""

    depth: int
    text: str
    doc_id: str | None = None


@dataclass(frozen=True)
class RegistryRow:
    """A document on the legal-basis page with the plans and documents that cite it."""

    doc: LegalDocument
    plans: list[Plan]
    cited_by: list[LegalDocument]


def human_size(size: int) -> str:
    """`3 KB` or `1,2 MB`, as download links state it (KB rounded up, at least 1 KB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, -(-size // 1024))} KB"


def time(day: date, label: str | None = None) -> Markdown:
    """A date readable by people and machines."""
    return Markdown(f'<time datetime="{day.isoformat()}">{escape(label or vn_dates.short(day))}</time>')


def span_text(span: tuple[date, date]) -> Markdown:
    return Markdown(f"từ ngày {time(span[0])} đến hết ngày {time(span[1])}")


def window_text(window: Window) -> Markdown:
    return span_text((window.start, window.end))


def window_sentence(window: Window) -> Markdown:
    """`window_text` starting a sentence."""
    text = window_text(window)
    return Markdown(text[0].upper() + text[1:])


def deadline_text(deadline: ReportDeadline) -> Markdown:
    rule = DEADLINE_RULES[deadline.rule]
    return Markdown(f"{escape(deadline.reporter)} báo cáo {escape(deadline.recipient)} {rule} {time(deadline.date)}")


def observance_line(observance: Observance, year: int) -> Markdown:
    return Markdown(f"{time(date(year, observance.month, observance.day), observance.label)}: {escape(observance.name)}")


def phrase_item(entry: PhraseEntry) -> Markdown:
    english = f" ({escape(entry.phrase.text_en)})" if entry.phrase.text_en else ""
    return Markdown(f"“{escape(entry.phrase.text)}”{english}")


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


def registry_rows(data: SiteData) -> list[RegistryRow]:
    """Every registered document, oldest first, with who cites it."""
    plans = [p for year in sorted(data.campaigns) for p in data.campaigns[year].plans]
    return [
        RegistryRow(
            doc,
            [p for p in plans if doc.id in p.legal_basis or doc.id in p.references],
            [d for d in data.documents.values() if doc.id in d.basis],
        )
        for doc in sorted(data.documents.values(), key=lambda d: (d.date, d.number_symbol))
    ]


def relative_url(target: str, page: str) -> str:
    """Address of page `target` as seen from page `page` (both MkDocs source paths, directory URLs)."""
    href = posixpath.relpath(paths.page_url("", target), paths.page_url("", page))
    return href + "/" if target.endswith(".md") and not href.endswith("/") else href


def event_when(event: Event) -> Markdown:
    if event.start == event.last:
        return time(event.start)
    return Markdown(f"{time(event.start)} – {time(event.last)}")


def next_text(events: list[Event], today: date) -> str:
    """The panel's text for a given day, also the text shown without JavaScript."""
    coming = [e for e in events if e.start >= today]
    if coming:
        first = coming[0]
        return f"{first.title}: {vn_dates.short(first.start)} (tính đến ngày {vn_dates.short(today)})."
    if events:
        last = events[-1]
        return f"Mọi ngày trên trang này đều đã qua; ngày gần đây nhất: {last.title}, {vn_dates.short(last.start)}."
    return "Chưa có ngày nào được công bố."


def observance_countdown(data: SiteData, featured: Campaign) -> list[Event]:
    """The days the home page counts down to: the featured year's observance days and, as they
    recur every year, the same days of the following year (linked to the calendar while that year
    has no data)."""
    days = []
    for year in (featured.year, featured.year + 1):
        page = paths.year_page(year) if year in data.campaigns else paths.CALENDAR
        for observance, _ in featured.observances:
            if (observance.month, observance.day) == (2, 29) and not calendar.isleap(year):
                continue
            day = date(year, observance.month, observance.day)
            days.append(Event("", "observance", day, day, observance.name, "", "", year, page))
    return sorted(days, key=lambda event: event.start)


def attr(value: object) -> Markdown:
    """A value for an HTML attribute written in a template."""
    return Markdown(html_attribute(value))


class SiteRenderer:
    """Renders every generated file of the site from one `SiteData`."""

    def __init__(
        self,
        data: SiteData,
        today: date,
        year_intros: dict[int, str] | None = None,
        stamp: datetime | None = None,
        banner_cache: BannerCache | None = None,
    ) -> None:
        self.data = data
        self.banner_cache = banner_cache or BannerCache(None)
        self.banners: dict[int, YearBanners] = {}
        self.today = today
        self.year_intros = year_intros or {}
        self.stamp = stamp or datetime.now(UTC)
        self.events = {y: calendar_events.year_events(data, c) for y, c in data.campaigns.items()}
        self.all_events = [e for y in sorted(self.events) for e in self.events[y]]
        self.feeds: dict[str, Feed] = {}
        self.env = Environment(
            loader=FileSystemLoader(_TEMPLATES),
            finalize=escape,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
        )
        self.env.globals.update(
            date=date,
            time=time,
            span_text=span_text,
            window_text=window_text,
            window_sentence=window_sentence,
            deadline_text=deadline_text,
            observance_line=observance_line,
            phrase_item=phrase_item,
            cite_short=citations.short,
            attr=attr,
            levels=ISSUER_LEVELS,
            level_rank=lambda level: list(ISSUER_LEVELS).index(level),
            legal_page=paths.LEGAL_BASIS,
            document_anchor=paths.document_anchor,
            year_page=paths.year_page,
            plan_page=paths.plan_page,
            year_data=paths.year_data,
            yaml=lambda text: Markdown(json_text(str(text))),
            indent=lambda depth: Markdown("    " * depth),
            Markdown=Markdown,
            external=lambda url, text: Markdown(f'<a href="{attr(url)}">{escape(text)}</a>'),
            event_when=event_when,
            kind_labels=EVENT_KINDS,
            phrase_kinds=PHRASE_KINDS,
            next_dates=calendar_events.next_dates,
            weekdays=WEEKDAYS,
            calendar_page=paths.CALENDAR,
            all_feed=paths.ALL_FEED,
            year_calendar=paths.year_calendar,
            year_feed=paths.year_feed,
            plan_feed=paths.plan_feed,
            year_banners=paths.year_banners,
            year_plans=paths.year_plans,
            province_page=paths.province_page,
            font_label=FONT_LABEL,
        )

    def _render(self, template: str, page: str, **context: Any) -> str:
        def link(target: str, text: str) -> Markdown:
            href = posixpath.relpath(target, posixpath.dirname(page) or ".")
            return Markdown(f"[{escape(text)}]({href})")

        def next_items(events: list[Event]) -> Markdown:
            items = [
                {"date": e.start.isoformat(), "title": e.title, "url": relative_url(e.page, page)}
                for e in calendar_events.next_dates(events)
            ]
            return Markdown(json_text(items, in_script=True))

        def download(file: Download, text: str, classes: str = "") -> Markdown:
            return Markdown(f'{link(file.path, f"{text}, {human_size(file.size)}")}{{ download="{file.name}" {classes} }}')

        def image(sources: list[tuple[Download, int]], alt: str, height: int) -> Markdown:
            """A picture in several widths (narrowest first): the widest is `src`, all are in `srcset`,
            and `width`/`height` are the widest's, so the page keeps its place while it loads."""
            file, width = sources[-1]
            # MkDocs rewrites `src` for the page's address, not `srcset`: relative to the page's URL.
            base = paths.page_url("", page)
            srcset = ", ".join(f"{posixpath.relpath('/' + f.path, base)} {w}w" for f, w in sources)
            # Its width on screen as measured in Chromium: the content column less the banner's
            # border and padding (302 px of 360; 662 to 729 px on wide screens).
            sizes = "(min-width: 60em) 46rem, calc(100vw - 3.5rem)"
            attrs = f'width="{width}" height="{height}" srcset="{srcset}" sizes="{sizes}" loading="lazy" .banner__preview'
            return Markdown(f"!{link(file.path, alt)}{{ {attrs} }}")

        def plan_links(plans: list[Plan], label: str = "short") -> Markdown:
            """Links to the first few plans, then how many more and where they are all listed."""
            names = {"short": lambda p: p.issuer.short_name, "title": lambda p: p.title,
                     "short_year": lambda p: f"{p.issuer.short_name} ({p.year})"}[label]
            shown = [link(paths.plan_page(p), names(p)) for p in plans[:NAMED_PLANS]]
            more = len(plans) - len(shown)
            if more <= 0:
                return Markdown("; ".join(shown))
            years = {p.year for p in plans}
            rest = f"và {more} kế hoạch khác"
            if len(years) == 1:
                rest = f"{rest} ({link(paths.year_plans(years.pop()), 'danh sách')})"
            return Markdown("; ".join(shown) + "; " + rest)

        def feed_link(path: str, staff: bool = False, long: bool = False) -> Markdown:
            """A feed's download link (format, size) and webcal:// link, then its https:// address as text
            with a copy button (webcal:// does nothing on most Android phones) and the status line that
            announces the copy. `staff`: the report-deadline feed that goes with the citizens' feed `path`."""
            feed = self.feeds[paths.staff_feed(path) if staff else path]
            address = paths.page_url(self.data.settings.site.base_url, feed.path)
            label = f"{feed.label} (hạn báo cáo)" if paths.is_staff_feed(feed.path) else feed.label
            download = f"tải về (ICS, {feed.size})" if long else f"ICS, {feed.size}"
            # On a phone the address wraps after a slash of its path rather than inside a word.
            shown = escape(address.removesuffix(feed.path)) + "<wbr>" + "/<wbr>".join(escape(part) for part in feed.path.split("/"))
            return Markdown(
                f'{link(feed.path, download)} · <a href="{attr(feed.webcal)}">đăng ký theo dõi</a>'
                f'<span class="feed-address"><code class="feed-address__url">{shown}</code> '
                f'<button type="button" class="md-button feed-address__copy" data-copy-value="{attr(address)}" '
                f'data-copy-label="{attr(label)}" hidden>Sao chép địa chỉ</button>'
                f'<span class="sr-only" role="status" aria-live="polite" data-copy-feed-status></span></span>'
            )

        return self.env.get_template(template).render(
            link=link,
            site=self.data.settings.site,
            today=self.today,
            next_items=next_items,
            next_text=next_text,
            feed_link=feed_link,
            plan_links=plan_links,
            download=download,
            image=image,
            **context,
        )

    def _feed(self, label: str, path: str, name: str, description: str, events: list[Event], source: str) -> GeneratedFile:
        content = ics.feed(name, description, events, self.stamp)
        base = urlsplit(self.data.settings.site.base_url)
        webcal = f"webcal://{base.netloc}{base.path.rstrip('/')}/{path}"
        self.feeds[path] = Feed(label, path, human_size(len(content)), webcal)
        return GeneratedFile(path, content, source)

    def calendar_feeds(self) -> list[GeneratedFile]:
        """For all years and for each year, the citizens' feed (observance days, activity windows) and, if
        there are any, the agencies' feed of report deadlines (each plan's feeds come with its page)."""
        title = self.data.settings.site.title
        scopes = [("Tất cả các năm", paths.ALL_FEED, "tất cả các năm", "mọi năm", "của mọi năm", self.all_events, "campaigns/")]
        scopes += [(f"Năm {year}", paths.year_feed(year), f"năm {year}", f"năm {year}", f"năm {year}", self.events[year],
                    self.data.campaigns[year].source) for year in self.data.years()]
        files = []
        for label, path, name, staff_name, span, events, source in scopes:
            files.append(self._feed(label, path, f"{title}: {name}", f"Ngày kỷ niệm và thời gian thực hiện kế hoạch {span}.",
                                    calendar_events.for_citizens(events), source))
            deadlines = calendar_events.for_staff(events)
            if deadlines:
                files.append(self._feed(label, paths.staff_feed(path),
                                        f"{title}: hạn báo cáo {staff_name} (dành cho cơ quan, đơn vị)",
                                        f"Hạn báo cáo kết quả của các cơ quan, đơn vị theo kế hoạch {span}. "
                                        "Lịch cho người dân không có các hạn này.", deadlines, source))
        return files

    def plan_files(self, plan: Plan) -> tuple[list[GeneratedFile], Feed]:
        """A plan's citizens' feed (its activity window), the agencies' feed of its report deadlines if it
        has any, its page (which links both), and the citizens' feed's link data, which a worker process
        (`parallel.map_all`) hands back to this one (`calendar` recovers the other where it needs it)."""
        events = calendar_events.plan_events(self.data, plan)
        name = f"{plan.issuer.short_name}: {plan.document.type.lower()} năm {plan.year}"
        feed = self._feed(plan.issuer.short_name, paths.plan_feed(plan), name, f"Thời gian thực hiện theo {plan.title}.",
                          calendar_events.for_citizens(events), plan.source)
        files = [feed]
        deadlines = calendar_events.for_staff(events)
        if deadlines:
            files.append(self._feed(plan.issuer.short_name, paths.staff_feed(feed.path),
                                    f"{plan.issuer.short_name}: hạn báo cáo, {plan.document.type.lower()} năm {plan.year} "
                                    "(dành cho cơ quan, đơn vị)",
                                    f"Hạn báo cáo theo {plan.title}. Lịch cho người dân không có các hạn này.",
                                    deadlines, plan.source))
        return [*files, self.plan(plan)], self.feeds[feed.path]

    def calendar(
        self, page: str, title: str, intro: str, events: list[Event], feeds: list[str], source: str,
        share: dict[str, str] | None = None, plan_feeds_elsewhere: int | None = None,
    ) -> GeneratedFile:
        """A calendar page; `plan_feeds_elsewhere` is the year whose plans' feeds are on their own pages only.

        `feeds` are citizens' feeds; the page offers each one's staff feed of report deadlines apart, and
        folds the plans' own feeds under the year's."""
        plans = {paths.plan_feed(p): p for c in self.data.campaigns.values() for p in c.plans}
        for path in feeds:
            plan = plans.get(path)
            if plan and plan.report_deadlines and paths.staff_feed(path) not in self.feeds:
                self.plan_files(plan)  # rendered in a worker process, which kept the staff feed's link data
        staff = [(f, paths.staff_feed(f)) for f in feeds if paths.staff_feed(f) in self.feeds]
        coming, past = calendar_events.upcoming(events, self.today)
        months = [(y, m, calendar_events.month_weeks(y, m, events)) for y, m in calendar_events.months_spanned(events)]
        text = self._render(
            "calendar.md.j2",
            page,
            title=title,
            description=intro,
            intro=intro,
            events=events,
            months=months,
            coming=coming,
            past=past,
            feeds=[self.feeds[f] for f in feeds if f not in plans],
            plan_feeds=[self.feeds[f] for f in feeds if f in plans],
            staff_feeds=[self.feeds[s] for f, s in staff if f not in plans],
            staff_plan_feeds=[self.feeds[s] for f, s in staff if f in plans],
            share=share,
            plan_feeds_elsewhere=plan_feeds_elsewhere,
        )
        return GeneratedFile(page, text, source)

    def render(self) -> list[GeneratedFile]:
        """All generated pages and data files."""
        maker = BannerMaker(self.data.settings.banners, self.data.settings.site.title, self.banner_cache)
        self.banners = {year: maker.year(campaign) for year, campaign in self.data.campaigns.items()}
        files = [f for year_banners in self.banners.values() for f in year_banners.files]
        files += self.calendar_feeds()
        plans = [plan for campaign in self.data.campaigns.values() for plan in campaign.plans]
        for plan_files, feed in parallel.map_all(self.plan_files, plans):
            files += plan_files
            self.feeds[feed.path] = feed
        files += [self.home(), self.legal_basis(), self.robots()]
        files.append(
            self.calendar(
                paths.CALENDAR,
                "Lịch",
                "Mọi ngày kỷ niệm, thời gian thực hiện kế hoạch và hạn báo cáo của các năm, theo tháng và theo thứ tự thời gian.",
                self.all_events,
                [paths.ALL_FEED, *(paths.year_feed(y) for y in self.data.years())],
                "campaigns/",
            )
        )
        for campaign in self.data.campaigns.values():
            files.append(
                self.calendar(
                    paths.year_calendar(campaign.year),
                    f"Lịch năm {campaign.year}",
                    f"Ngày kỷ niệm, thời gian thực hiện của từng kế hoạch và hạn báo cáo năm {campaign.year}.",
                    self.events[campaign.year],
                    [paths.year_feed(campaign.year), *(paths.plan_feed(p) for p in campaign.plans if campaign.lists_plans)],
                    campaign.source,
                    self.share_image(campaign.year),
                    None if campaign.lists_plans else campaign.year,
                )
            )
            data_text = open_data.year_json(self.data, campaign, self.events[campaign.year])
            files.append(GeneratedFile(paths.year_data(campaign.year), data_text, campaign.source))
            files.append(self.year(campaign, len(data_text.encode())))
            files.append(self.banner_page(campaign))
            files += self.plan_listing(campaign)
        return files

    def robots(self) -> GeneratedFile:
        """robots.txt: everything may be indexed; where the sitemap is."""
        sitemap = self.data.settings.site.base_url.rstrip("/") + "/sitemap.xml"
        return GeneratedFile("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", "campaigns/site.yaml")

    def home(self) -> GeneratedFile:
        featured = self.data.campaigns[self.data.featured_year(self.today)]
        themes = [e for e in featured.phrases().values() if e.kind == "theme"]
        share = self.share_image(featured.year)
        by_id = {o.id: year_obs for o, year_obs in featured.observances}
        text = self._render(
            "home.md.j2",
            paths.HOME,
            featured=featured,
            years=self.data.years(),
            campaigns=self.data.campaigns,
            events=observance_countdown(self.data, featured),
            share=share,
            hero_image=share["path"] if share else None,
            hero_alt=f"Băng rôn chủ đề năm {featured.year}: “{themes[0].phrase.text}”" if share and themes else "",
            theme=themes[0] if themes else None,
            days=[(day, observance, by_id[observance.id].themes) for day, observance in featured.observance_days()],
            plans_url=relative_url(paths.year_plans(featured.year), paths.HOME),
            provinces=[(g.name, len(g.plans), relative_url(paths.province_page(featured.year, g.slug), paths.HOME))
                       for g in featured.provinces],
        )
        return GeneratedFile(paths.HOME, text, "campaigns/site.yaml")

    def year(self, campaign: Campaign, data_size: int) -> GeneratedFile:
        page = paths.year_page(campaign.year)
        text = self._render(
            "year.md.j2",
            page,
            c=campaign,
            intro=self.year_intros.get(campaign.year),
            chains={plan.source: basis_lines(self.data, plan) for plan in campaign.plans} if campaign.lists_plans else {},
            data_size=human_size(data_size),
            share=self.share_image(campaign.year),
            featured=self.is_featured(campaign),
            provinces=campaign.provinces,
        )
        return GeneratedFile(page, text, campaign.source)

    def plan_listing(self, campaign: Campaign) -> list[GeneratedFile]:
        """The year's plans by province: the listing page, its name-filter data, one page per province."""
        page = paths.year_plans(campaign.year)
        groups = campaign.provinces
        share = self.share_image(campaign.year)
        entries = [
            {"n": p.issuer.name, "t": group.name, "u": relative_url(paths.plan_page(p), page)}
            for group in groups
            for p in group.plans
        ]
        list_file = paths.plan_list(campaign.year)
        files = [
            GeneratedFile(list_file, json_text(entries), campaign.source),
            GeneratedFile(page, self._render("plans.md.j2", page, c=campaign, provinces=groups, share=share,
                                             list_file=posixpath.basename(list_file)), campaign.source),
        ]
        for group in groups:
            province = paths.province_page(campaign.year, group.slug)
            files.append(GeneratedFile(province, self._render("province.md.j2", province, c=campaign, group=group, share=share),
                                       campaign.source))
        return files

    def banner_page(self, campaign: Campaign) -> GeneratedFile:
        page = paths.year_banners(campaign.year)
        text = self._render("banners.md.j2", page, c=campaign, yb=self.banners[campaign.year], style=self.data.settings.banners,
            share=self.share_image(campaign.year),
            featured=self.is_featured(campaign),
        )
        return GeneratedFile(page, text, campaign.source)

    def is_featured(self, campaign: Campaign) -> bool:
        """The year the home page leads with; search ranks its pages first."""
        return campaign.year == self.data.featured_year(self.today)

    def share_image(self, year: int) -> dict[str, str]:
        """Front matter naming the year's first banner image as the page's picture for social sharing."""
        banners = self.banners[year].banners
        return {"path": banners[0].share.path, "alt": banners[0].printed} if banners else {}

    def legal_basis(self) -> GeneratedFile:
        text = self._render(
            "legal_basis.md.j2",
            paths.LEGAL_BASIS,
            rows=registry_rows(self.data),
            campaigns=[self.data.campaigns[y] for y in self.data.years()],
            chains={p.source: basis_lines(self.data, p) for c in self.data.campaigns.values() if c.lists_plans for p in c.plans},
            jsonld=Markdown(open_data.legislation_jsonld(self.data)),
        )
        return GeneratedFile(paths.LEGAL_BASIS, text, "campaigns/documents.yaml")

    def plan(self, plan: Plan) -> GeneratedFile:
        page = paths.plan_page(plan)
        campaign = self.data.campaigns[plan.year]
        phrases = campaign.phrases()
        text = self._render(
            "plan.md.j2",
            page,
            p=plan,
            c=campaign,
            observances=[self.data.observances[o] for o in plan.observances],
            basis=basis_lines(self.data, plan),
            themes=[phrases[t] for t in plan.themes],
            slogans=[phrases[s] for s in plan.slogans],
            share=self.share_image(plan.year),
        )
        return GeneratedFile(page, text, plan.source)


def error_page(problems: Sequence[Problem]) -> str:
    """The preview page shown instead of the site while the data has errors."""
    lines = [
        "---",
        'title: "Dữ liệu có lỗi"',
        "---",
        "",
        "# Dữ liệu có lỗi",
        "",
        "Trang chưa được tạo lại vì dữ liệu còn lỗi. Hãy sửa từng lỗi dưới đây rồi lưu tệp: "
        "trang sẽ tự tải lại.",
        "",
    ]
    for problem in problems:
        kind = "Lỗi" if problem.severity == "error" else "Cảnh báo"
        lines.append(f"- **{kind}** `{escape(problem.file)}` dòng {problem.line}, cột {problem.column}"
                     f"{', trường ' + escape(problem.field) if problem.field else ''}: {escape(problem.message)}")
    return "\n".join(lines) + "\n"
