"""The calendar feeds (.ics) of the site, made before any page so that pages only link them.

For all years, for each year and for each plan: the citizens' feed (observance days, activity
windows) and the agencies' feed of report deadlines, each only where it has events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from campaign_site.core import parallel
from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import paths
from campaign_site.data.model import Plan
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import human_size
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.calendar import ics
from campaign_site.stages.calendar.events import Event


@dataclass(frozen=True)
class Feed:
    """A calendar feed as pages link it: label, file, size, the subscribe and the https addresses,
    whether it is an agencies' feed of report deadlines, the calendar page that explains how to add it, and
    whether every one of its days is over on the build's day (then pages offer it as a file to keep, not to add)."""

    label: str
    path: str
    size: str
    webcal: str
    address: str
    for_staff: bool
    calendar: str
    over: bool


@dataclass(frozen=True)
class SiteFeeds:
    """Every feed file, and each feed's link data by its path."""

    files: tuple[GeneratedFile, ...]
    links: dict[str, Feed]


@dataclass(frozen=True)
class _Scope:
    """What one pair of feeds covers: its label, paths and wording, events and the data file behind it."""

    label: str
    path: str
    name: str
    description: str
    staff_name: str
    staff_description: str
    events: list[Event]
    source: str
    calendar: str
    """The calendar page whose `#them-vao-lich` part explains how to add this scope's feeds."""


def _pair(data: SiteData, scope: _Scope, stamp: datetime, today: date) -> list[tuple[GeneratedFile, Feed]]:
    """A scope's citizens' feed if it has observance days or activity windows, and its agencies' feed if it
    has report deadlines: a calendar with nothing in it is never written nor offered."""
    base = urlsplit(data.settings.site.base_url)

    def feed(path: str, name: str, description: str, events: list[Event]) -> tuple[GeneratedFile, Feed]:
        content = ics.feed(name, description, events, stamp)
        webcal = f"webcal://{base.netloc}{base.path.rstrip('/')}/{path}"
        address = paths.page_url(data.settings.site.base_url, path)
        link = Feed(scope.label, path, human_size(len(content)), webcal, address, paths.is_staff_feed(path),
                    scope.calendar, all(e.last < today for e in events))
        return GeneratedFile(path, content, scope.source), link

    made = []
    if citizens := calendar_events.for_citizens(scope.events):
        made.append(feed(scope.path, scope.name, scope.description, citizens))
    deadlines = calendar_events.for_staff(scope.events)
    if deadlines:
        made.append(feed(paths.staff_feed(scope.path), scope.staff_name, scope.staff_description, deadlines))
    return made


def _site_scopes(data: SiteData, events: dict[int, list[Event]]) -> list[_Scope]:
    title = data.settings.site.title
    spans = [(plain("feed.all_years_label"), paths.ALL_FEED, plain("feed.all_years"), plain("feed.all_years_staff"),
              plain("feed.all_years_span"),
              [e for y in sorted(events) for e in events[y]], "campaigns/", paths.CALENDAR)]
    spans += [(plain("feed.year_label", year=year), paths.year_feed(year), plain("feed.year", year=year),
               plain("feed.year", year=year), plain("feed.year", year=year), events[year],
               data.campaigns[year].source, paths.year_calendar(year)) for year in data.years()]
    return [
        _Scope(label, path, f"{title}: {name}", plain("feed.description", span=span),
               plain("feed.staff_name", title=title, span=staff_name),
               plain("feed.staff_description", span=span),
               scope_events, source, calendar)
        for label, path, name, staff_name, span, scope_events, source, calendar in spans
    ]


def _plan_scope(data: SiteData, plan: Plan) -> _Scope:
    who, kind = plan.short_label, plan.document.kind.lower()
    return _Scope(who, paths.plan_feed(plan), plain("feed.plan_name", who=who, kind=kind, year=plan.year),
                  plain("feed.plan_description", title=plan.title),
                  plain("feed.plan_staff_name", who=who, kind=kind, year=plan.year),
                  plain("feed.plan_staff_description", title=plan.title),
                  calendar_events.plan_events(data, plan), plan.source,
                  paths.year_calendar(plan.year))


def plan_feeds(data: SiteData, plan: Plan, stamp: datetime, today: date) -> dict[str, Feed]:
    """The feeds one plan's page links, by path, as `site_feeds` makes them."""
    return {link.path: link for _, link in _pair(data, _plan_scope(data, plan), stamp, today)}


def site_feeds(data: SiteData, events: dict[int, list[Event]], stamp: datetime, today: date) -> SiteFeeds:
    """Every feed of the site, each said to be over or not on `today`; the plans' feeds are made on every core
    when there are many plans."""
    plans = [plan for campaign in data.campaigns.values() for plan in campaign.plans]
    made = [pair for scope in _site_scopes(data, events) for pair in _pair(data, scope, stamp, today)]
    made += [pair for pairs in parallel.map_all(lambda plan: _pair(data, _plan_scope(data, plan), stamp, today), plans)
             for pair in pairs]
    return SiteFeeds(tuple(file for file, _ in made), {link.path: link for _, link in made})
