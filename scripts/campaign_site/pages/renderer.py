"""Render the generated pages (Markdown) and data files from the validated site data.

Plain functions: data in, `GeneratedFile`s out. First the stages every page draws on (calendar
events, banners, feeds, open data), then one page per subject of each type in the page registry
(`page_types.PAGE_TYPES`): its view (`views/`) laid out by its template (`templates/`). Every
value a template prints is escaped as text unless a helper here marks it as Markdown.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from campaign_site.core import parallel
from campaign_site.core.encoders import html_attribute, json_text
from campaign_site.core.file_cache import FileCache
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.glyphs import BANNER_FONT_LABEL as FONT_LABEL
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.core.problems import Problem
from campaign_site.data import html_policy, paths, vn_dates
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import EVENT_KINDS, EVENT_MARKS, PHRASE_KINDS, WEEKDAYS, human_size
from campaign_site.pages import views
from campaign_site.pages.registry import PAGE_TYPES, PageType
from campaign_site.pages.views import SiteContext, View
from campaign_site.stages import open_data
from campaign_site.stages.banners.artwork import BannerMaker, Download
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.calendar.event_text import event_when, next_text
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import site_feeds
from campaign_site.stages.news.photos import WIDE_SCREEN, PhotoMaker, PublishedPhoto, photo_cache
from campaign_site.stages.news.posts import PublishedPost, news_stage
from campaign_site.stages.originals import original_files
from campaign_site.words.catalogue import say
from campaign_site.words.phrasing import (
    observance_line,
    phrase_item,
    post_when,
    quoted,
    time,
)

_TEMPLATES = Path(__file__).parent / "templates"


def relative_url(target: str, page: str) -> str:
    """Address of page `target` as seen from page `page` (both MkDocs source paths, directory URLs)."""
    href = posixpath.relpath(paths.page_url("", target), paths.page_url("", page))
    return href + "/" if target.endswith(".md") and not href.endswith("/") else href


def attr(value: object) -> Markdown:
    """A value for an HTML attribute written in a template (Markdown reads links even inside a tag, so
    its characters are entities too)."""
    return Markdown(html_attribute(value))


def front_matter(view: View, page_type: PageType, ctx: SiteContext, subject: Any) -> str:
    """The page's front matter: title, description, table of contents, share image, search."""
    lines = ["---", f"title: {json_text(view.title)}", f"description: {json_text(view.description)}"]
    if page_type.hide_toc:
        lines += ["hide:", "  - toc"]
    if view.share:
        lines += [f"og_image: {json_text(view.share.path)}", f"og_image_alt: {json_text(view.share.alt)}"]
    if view.atom:
        lines += ["atom_feeds:"] + [f"  - {{path: {json_text(f.path)}, title: {json_text('Hoạt động đã tổ chức: ' + f.label)}}}"
                                    for f in view.atom]
    search = page_type.search(ctx, subject)
    if search.exclude:
        lines += ["search:", "  exclude: true"]
    elif search.boost != 1:
        lines += ["search:", f"  boost: {search.boost:g}"]
    return "\n".join([*lines, "---", "", ""])


def data_files(data: SiteData, events: dict[int, list[Event]], posts: Mapping[str, PublishedPost]) -> list[GeneratedFile]:
    """robots.txt, each year's open data (JSON) and each year's plan list for the listing's name filter."""
    sitemap = data.settings.site.base_url.rstrip("/") + "/sitemap.xml"
    files = [GeneratedFile("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", "campaigns/site.yaml")]
    for year, campaign in data.campaigns.items():
        files.append(GeneratedFile(paths.year_data(year), open_data.year_json(data, campaign, events[year], posts), campaign.source))
        page = paths.year_plans(year)
        entries = [{"n": p.named(p.issuer.display_name), "t": group.name, "u": relative_url(paths.plan_page(p), page)}
                   for group in campaign.provinces for p in group.plans]
        files.append(GeneratedFile(paths.plan_list(year), json_text(entries), campaign.source))
    return files


class SiteRenderer:
    """Renders every generated file of the site from one `SiteData`."""

    def __init__(
        self,
        data: SiteData,
        today: date,
        year_intros: dict[int, str] | None = None,
        stamp: datetime | None = None,
        banner_cache: BannerCache | None = None,
        photos: FileCache | None = None,
    ) -> None:
        self.data = data
        events = {y: calendar_events.year_events(data, c) for y, c in data.campaigns.items()}
        events |= calendar_events.coming_years(data, today)
        maker = BannerMaker(data.settings.banners, data.settings.site.title, banner_cache or BannerCache(None))
        banners = {year: maker.year(campaign) for year, campaign in data.campaigns.items()}
        stamp = stamp or datetime.now(UTC)  # one time for every feed of the build, calendars and Atom alike
        feeds = site_feeds(data, events, stamp)
        originals, downloads = original_files(data)
        news = news_stage(data, PhotoMaker(photos or photo_cache(None)), stamp)
        self.stage_files = [f for year_banners in banners.values() for f in year_banners.files]
        self.stage_files += [*feeds.files, *news.files, *data_files(data, events, news.posts), *originals]
        sizes = {year: len(f.content.encode() if isinstance(f.content, str) else f.content)
                 for year in data.campaigns for f in self.stage_files if f.path == paths.year_data(year)}
        self.context = SiteContext(data, today, year_intros or {}, events, banners, feeds.links, sizes, downloads,
                                   news.posts, news.feeds)
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
            time=time,
            day_month=vn_dates.day_month,
            size=human_size,
            observance_line=observance_line,
            phrase_item=phrase_item,
            say=say,
            quoted=quoted,
            attr=attr,
            legal_page=paths.LEGAL_BASIS,
            year_page=paths.year_page,
            plan_page=paths.plan_page,
            year_data=paths.year_data,
            indent=lambda depth: Markdown("    " * depth),
            Markdown=Markdown,
            staff_text=lambda text: Markdown(html_policy.region(text)),
            event_when=event_when,
            post_when=post_when,
            kind_labels=EVENT_KINDS,
            marks=EVENT_MARKS,
            phrase_kinds=PHRASE_KINDS,
            weekdays=WEEKDAYS,
            calendar_page=paths.CALENDAR,
            year_calendar=paths.year_calendar,
            year_feed=paths.year_feed,
            year_banners=paths.year_banners,
            year_plans=paths.year_plans,
            province_page=paths.province_page,
            news_page=paths.news_page,
            font_label=FONT_LABEL,
        )

    def render(self) -> list[GeneratedFile]:
        """All generated pages and data files: the stages' files, then every page of every type."""
        files = list(self.stage_files)
        for page_type in PAGE_TYPES:
            subjects = list(page_type.subjects(self.data))
            make = partial(self._page, page_type)
            files += parallel.map_all(make, subjects) if page_type.many else [make(s) for s in subjects]
        return files

    def page(self, name: str, subject: Any = None) -> GeneratedFile:
        """One page of the type called `name` (`"banners"`, `"plan"`…) about `subject`."""
        return self._page(next(t for t in PAGE_TYPES if t.name == name), subject)

    def _page(self, page_type: PageType, subject: Any) -> GeneratedFile:
        path = page_type.path(subject)
        view = page_type.view(self.context, subject)
        text = front_matter(view, page_type, self.context, subject) + self._render(page_type.template, path, view=view)
        return GeneratedFile(path, text, page_type.source(subject))

    def _render(self, template: str, page: str, **context: Any) -> str:
        def link(target: str, text: str) -> Markdown:
            return views.link(page, target, text)

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

        def picture(photo: PublishedPhoto, sizes: str, eager: bool = False, wide: bool = True, classes: str = "") -> Markdown:
            """A photo as raw HTML: WebP copies (up to 800 px below `WIDE_SCREEN`, so a phone never takes
            more), the JPEG fallback in `<img>` with its width and height reserved, loaded lazily unless `eager`."""
            base = paths.page_url("", page)  # raw HTML is not rewritten by MkDocs: relative to the page's URL

            def srcset(copies: list[Any]) -> str:
                return ", ".join(f"{posixpath.relpath('/' + c.path, base)} {c.width}w" for c in copies)

            sources = []
            if wide and len(photo.of("webp")) > len(photo.of("webp", phone=True)):
                sources.append(f'<source media="{WIDE_SCREEN}" type="image/webp" srcset="{srcset(photo.of("webp"))}" sizes="{sizes}">')
            sources.append(f'<source type="image/webp" srcset="{srcset(photo.of("webp", phone=True))}" sizes="{sizes}">')
            fallback = photo.fallback
            loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
            image = (f'<img src="{posixpath.relpath("/" + fallback.path, base)}" srcset="{srcset(photo.of("jpeg"))}" '
                     f'sizes="{sizes}" width="{fallback.width}" height="{fallback.height}" alt="{attr(photo.entry.alt)}" '
                     f'{loading} decoding="async">')
            return Markdown(f'<picture{f" class={chr(34)}{classes}{chr(34)}" if classes else ""}>{"".join(sources)}{image}</picture>')

        def figure(photo: PublishedPhoto, eager: bool = False) -> Markdown:
            """A photo of a post at the column's width, with its caption and credit."""
            # The content column as measured in Chromium: 328 px of a 360 px phone, 34.4rem up to 46rem on wide screens.
            shown = picture(photo, "(min-width: 76.25em) 46rem, (min-width: 60em) calc(100vw - 30rem), calc(100vw - 2rem)", eager)
            words = [f"{attr(photo.entry.caption)}" if photo.entry.caption else "",
                     f'<span class="post-photo__credit">{attr(photo.entry.credit)}</span>' if photo.entry.credit else ""]
            caption = f"<figcaption>{' '.join(w for w in words if w)}</figcaption>" if any(words) else ""
            return Markdown(f'<figure class="post-photo">{shown}{caption}</figure>')

        def feed_link(path: str, staff: bool = False, long: bool = False) -> Markdown:
            """A feed's download link (format, size) and webcal:// link, then its https:// address as text
            with a copy button (webcal:// does nothing on most Android phones) and the status line that
            announces the copy. `staff`: the report-deadline feed that goes with the citizens' feed `path`."""
            feed = self.context.feeds[paths.staff_feed(path) if staff else path]
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
            relative=lambda target: relative_url(target, page),
            site=self.data.settings.site,
            next_items=next_items,
            next_text=lambda events: next_text(events, self.context.today),
            feed_link=feed_link,
            plan_links=lambda plans, names="short": views.plan_links(page, plans, names),
            download=download,
            image=image,
            picture=picture,
            figure=figure,
            **context,
        )


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
