"""The open-data page: each year's JSON and calendar files with their sizes, and what the JSON holds."""

from __future__ import annotations

import html
from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.model import License
from campaign_site.data.wording import human_size
from campaign_site.pages.views.base import LinkItem, SiteContext, View
from campaign_site.stages.calendar.feeds import Feed

JSON_NAMES = ("year", "title", "url", "publisher", "license", "name", "window", "start", "end", "plans", "plans_stating", "plans_not_stating",
              "plans_not_known", "null", "observances", "themes", "slogans", "documents", "plan", "inferred", "may",
              "encouraged", "requested", "stated", "dates", "not_stated", "not_known", "linked_modality")
"""Names of the JSON file that its description quotes as code, each a field of the catalogue's sentences."""
DOTTED_NAMES = {"issuer_name": "issuer.name", "peak_name": "window.peak.name", "registry": "document.registry"}


@dataclass(frozen=True)
class YearData:
    """A year's files for reuse: its page, its JSON, its citizens' feed and its agencies' feed if any."""

    year: LinkItem
    json: LinkItem
    feed: LinkItem
    staff_feed: LinkItem | None


@dataclass(frozen=True, kw_only=True)
class OpenDataView(View):
    years: list[YearData]
    all_feed: Feed
    staff_all_feed: Feed | None
    json_fields: list[Markdown]
    """What each part of the JSON file holds, a list item each."""
    license: Markdown
    """The sentence naming the open data's licence, linked to its text."""
    license_terms: Markdown | None
    """What the licence lets anyone do, in plain words, when it is the default one (CC BY 4.0)."""


def _code(name: str) -> Markdown:
    return Markdown(f"`{name}`")


def _json_fields() -> list[Markdown]:
    names = {name: _code(name) for name in JSON_NAMES} | {key: _code(name) for key, name in DOTTED_NAMES.items()}
    return [say("page.open_data.json_year", **names), say("page.open_data.json_publisher", **names),
            say("open_data.json_license", **names),
            say("page.open_data.json_window", **names), say("page.open_data.json_observances", **names),
            say("page.open_data.json_documents", **names), say("page.open_data.json_plans", **names),
            say("page.open_data.json_dates", **names), say("page.open_data.json_unknowns", **names)]


def _license(license: License) -> Markdown:
    linked = Markdown(f'<a href="{html.escape(license.url)}" rel="license">{escape(license.name)}</a>')
    return say("open_data.license", license=linked)


def _year(ctx: SiteContext, year: int) -> YearData:
    feed, staff = ctx.feeds[paths.year_feed(year)], ctx.feeds.get(paths.staff_feed(paths.year_feed(year)))
    return YearData(
        LinkItem(paths.year_page(year), plain("page.year.title", year=year)),
        LinkItem(paths.year_data(year), plain("page.open_data.json_link", size=human_size(ctx.data_sizes[year]))),
        LinkItem(feed.path, plain("page.open_data.feed_link", size=feed.size)),
        LinkItem(staff.path, plain("page.open_data.staff_feed_link", size=staff.size)) if staff else None,
    )


def open_data_view(ctx: SiteContext, _: None) -> OpenDataView:
    return OpenDataView(
        title=plain("page.open_data.title"),
        description=plain("page.open_data.description"),
        years=[_year(ctx, y) for y in ctx.data.years()],
        all_feed=ctx.feeds[paths.ALL_FEED],
        staff_all_feed=ctx.feeds.get(paths.staff_feed(paths.ALL_FEED)),
        json_fields=_json_fields(),
        license=_license(ctx.data.settings.site.license),
        license_terms=say("page.open_data.license_terms") if ctx.data.settings.site.license == License() else None,
    )
