"""Collect, then render: every stage runs once over the validated data, into one immutable value.

`collect` makes the calendar events and feeds, the banners, the published originals, the news (posts,
photos, Atom feeds) and the data files (robots.txt, each year's open data and plan list). The pages
(`pages.renderer`) only lay out what `Collected` holds; nothing is made twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import MappingProxyType

from campaign_site.core.encoders import json_text
from campaign_site.core.file_cache import FileCache
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import paths
from campaign_site.data.provinces import arrangement
from campaign_site.data.site_data import SiteData
from campaign_site.stages import open_data
from campaign_site.stages.banners.artwork import BannerMaker, Download, YearBanners
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import Feed, site_feeds
from campaign_site.stages.editor import editor_files
from campaign_site.stages.news.photos import PhotoMaker, photo_cache
from campaign_site.stages.news.posts import AtomLink, PublishedPost, news_stage
from campaign_site.stages.originals import original_files
from campaign_site.words.search_text import search_text


@dataclass(frozen=True)
class ShareImage:
    """The picture a page is shared with on social networks."""

    path: str
    alt: str


@dataclass(frozen=True)
class Collected:
    """Every stage's output, made before any page, with the data and the day they were made for."""

    data: SiteData
    today: date
    intros: Mapping[int, str]
    """Each year's introduction written by staff (docs/<year>/index.md), as Markdown."""
    events: Mapping[int, list[Event]]
    """Each entered year's events and, after the last one, the observance days of the years to come
    (`calendar_events.coming_years`)."""
    banners: Mapping[int, YearBanners]
    feeds: Mapping[str, Feed]
    """Each calendar feed as pages link it, by its path."""
    data_sizes: Mapping[int, int]
    """Size in bytes of each year's open-data JSON, which its year page states."""
    origin_files: Mapping[str, Download]
    """Original documents published with the site, by their path under campaigns/."""
    posts: Mapping[str, PublishedPost]
    """Activity posts with their published photos, by page path."""
    atom_feeds: Mapping[int | None, AtomLink]
    """The Atom feeds of posts: the site's (None) and each year's with posts."""
    files: tuple[GeneratedFile, ...]
    """Every file the stages made (banners, feeds, photos, Atom, originals, data files), pages aside."""

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


def data_files(data: SiteData, events: Mapping[int, list[Event]], posts: Mapping[str, PublishedPost]) -> list[GeneratedFile]:
    """robots.txt, each year's open data (JSON) and each year's plan list for the listing's name filter
    (name, province, address, and the words it matches: `search_text`, with the province's other names)."""
    sitemap = data.settings.site.base_url.rstrip("/") + "/sitemap.xml"
    files = [GeneratedFile("robots.txt", f"User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: {sitemap}\n", "campaigns/site.yaml")]
    for year, campaign in data.campaigns.items():
        files.append(GeneratedFile(paths.year_data(year), open_data.year_json(data, campaign, events[year], posts),
                                   campaign.source))
        page = paths.year_plans(year)
        entries = [{"n": p.named(p.issuer.display_name), "t": group.name, "u": paths.relative_url(paths.plan_page(p), page),
                    "k": search_text(p.named(p.issuer.display_name), p.issuer.short_label, group.name,
                                     places=arrangement().other_names(group.name))}
                   for group in campaign.provinces for p in group.plans]
        files.append(GeneratedFile(paths.plan_list(year), json_text(entries), campaign.source))
    return files


def collect(
    data: SiteData,
    today: date,
    intros: Mapping[int, str] | None = None,
    stamp: datetime | None = None,
    banner_cache: BannerCache | None = None,
    photos: FileCache | None = None,
    stop: Callable[[], None] = lambda: None,
) -> Collected:
    """Run every stage once. `stamp`: the one time of every feed of the build, calendars and Atom alike
    (now by default); the caches: where drawn banners and resized photos are kept between builds; `stop`:
    called between stages, it may raise to end the build there (see `site_build.build_site`)."""
    stamp = stamp or datetime.now(UTC)
    events = {y: calendar_events.year_events(data, c) for y, c in data.campaigns.items()}
    events |= calendar_events.coming_years(data, today)
    maker = BannerMaker(data.settings.banners, data.settings.site.title, banner_cache or BannerCache(None))
    banners = {year: maker.year(campaign) for year, campaign in data.campaigns.items()}
    stop()
    feeds = site_feeds(data, events, stamp, today)
    stop()
    originals, downloads = original_files(data)
    news = news_stage(data, PhotoMaker(photos or photo_cache(None)), stamp)
    stop()
    files = [f for year_banners in banners.values() for f in year_banners.files]
    files += [*feeds.files, *news.files, *data_files(data, events, news.posts), *originals, *editor_files(data)]
    sizes = {year: len(f.content.encode() if isinstance(f.content, str) else f.content)
             for year in data.campaigns for f in files if f.path == paths.year_data(year)}
    return Collected(
        data, today, MappingProxyType(dict(intros or {})), MappingProxyType(events), MappingProxyType(banners),
        MappingProxyType(feeds.links), MappingProxyType(sizes), MappingProxyType(downloads),
        MappingProxyType(news.posts), MappingProxyType(news.feeds), tuple(files),
    )
