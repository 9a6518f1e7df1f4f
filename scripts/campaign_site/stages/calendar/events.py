"""The dated things of a campaign as calendar events: observance days, activity windows, report deadlines.

One list feeds the calendar pages, the .ics feeds, the next-date panel and the open JSON. The pages
show every event, activities already held (posts) among them; a feed holds either what citizens
subscribe to (`for_citizens`: observance days and activity windows) or the agencies' report
deadlines (`for_staff`), never both, and no post (posts have their Atom feeds).
"""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from campaign_site.core.catalogue import plain, sentences
from campaign_site.data import paths, vn_dates
from campaign_site.data.domain import ALL_EVENT_KINDS, EventKind
from campaign_site.data.model import Observance, Plan
from campaign_site.data.site_data import Campaign, SiteData
from campaign_site.data.wording import EVENT_KINDS, capitalised, inferred_text, link_lead
from campaign_site.words.phrasing import deadline_parties, deadline_sentence, deadline_words, quoted_plain, span_text


@dataclass(frozen=True)
class Event:
    """An all-day event from `start` to `last` (inclusive), with a UID that is stable across builds."""

    uid: str
    kind: EventKind
    start: date
    last: date
    title: str
    description: str
    url: str
    year: int
    page: str
    """The page about the event (MkDocs source path), for links between pages."""
    who: str = ""
    """Whose activity window or deadline it is: an issuer's short name, or a number of plans."""
    plan: Plan | None = field(default=None, compare=False)

    @property
    def headline(self) -> str:
        """The event named without its days, for the "next date" panel, which gives the day beside it."""
        return plain("event.deadline_headline", who=self.who) if self.kind == "deadline" else self.title

    @property
    def end(self) -> date:
        """RFC 5545 DTEND of an all-day event: the day after the last day."""
        return self.last + timedelta(days=1)


def _host(data: SiteData) -> str:
    return urlsplit(data.settings.site.base_url).hostname or "localhost"


def _observance_event(data: SiteData, observance: Observance, year: int, themes: str, page: str) -> Event:
    """An observance day of a year; its UID is the same whether or not the year's campaign is entered yet."""
    url = paths.page_url(data.settings.site.base_url, page)
    day = date(year, observance.month, observance.day)
    description = sentences(plain("event.observance", name=observance.name, label=observance.label, owner=observance.owner),
                             themes, plain("event.details", url=url))
    return Event(f"{year}-{observance.id}@{_host(data)}", "observance", day, day, observance.name, description, url, year, page)


def year_events(data: SiteData, campaign: Campaign) -> list[Event]:
    """Every event of one year, in date order (observances first on a shared day)."""
    events: list[Event] = []
    for observance, year_obs in campaign.observances:
        themes = "; ".join(quoted_plain(t.text) for t in year_obs.themes)
        events.append(_observance_event(data, observance, campaign.year, plain("event.themes", year=campaign.year, themes=themes) if themes else "",
                                        paths.year_page(campaign.year)))
    plan_dates = [e for plan in campaign.plans for e in plan_events(data, plan)]
    events += plan_dates if campaign.lists_plans else _merged(data, campaign, plan_dates)
    events += post_events(data, campaign)
    return sorted(events, key=lambda e: (e.start, ALL_EVENT_KINDS.index(e.kind), e.last, e.title))


def coming_years(data: SiteData, today: date) -> dict[int, list[Event]]:
    """The observance days (observances.yaml, by their usual names) of the years after the last one
    entered, up to the year after `today`: their dates recur, so they are known before their year's
    campaign is entered. No theme is given: the year's are not known yet."""
    after = max(data.campaigns, default=today.year - 1) + 1
    return {
        year: [
            _observance_event(data, observance, year, plain("event.themes_unknown", year=year), paths.CALENDAR)
            for observance in sorted(data.observances.values(), key=lambda o: (o.month, o.day))
            if (observance.month, observance.day) != (2, 29) or stdlib_calendar.isleap(year)
        ]
        for year in range(after, max(after, today.year + 1) + 1)
    }


def _merged(data: SiteData, campaign: Campaign, plan_dates: list[Event]) -> list[Event]:
    """Plans' windows and deadlines as one event per kind and span, counting the plans."""
    groups: dict[tuple[EventKind, date, date], set[str]] = {}
    for event in plan_dates:
        groups.setdefault((event.kind, event.start, event.last), set()).add(event.plan.id if event.plan else event.uid)
    page = paths.year_plans(campaign.year)
    url = paths.page_url(data.settings.site.base_url, page)
    host = _host(data)
    merged = []
    for (kind, start, last), plans in groups.items():
        who = plain("event.plans_count", count=len(plans))
        title = plain("event.merged_title", kind=EVENT_KINDS[kind], who=who)
        span = plain("event.day", day=vn_dates.short(start)) if start == last else span_text((start, last), feed=True)
        merged.append(
            Event(
                f"{campaign.year}-ke-hoach-{'thuc-hien' if kind == 'window' else 'han-bao-cao'}-{start:%Y%m%d}-{last:%Y%m%d}@{host}",
                kind, start, last, title,
                plain("event.merged_description", title=title, year=campaign.year, span=span, url=url),
                url, campaign.year, page, who,
            )
        )
    return merged


def post_events(data: SiteData, campaign: Campaign) -> list[Event]:
    """Each activity post on its days, linked to the post; where the year's pages count plans rather
    than name them, one event per span of days counting the posts, linked to the year's news page."""
    host, base = _host(data), data.settings.site.base_url
    if campaign.lists_plans:
        return [
            Event(f"{campaign.year}-hoat-dong-{post.slug}@{host}", "activity", post.start, post.last, post.title,
                  sentences(plain("event.held_at", unit=post.front.unit, place=post.front.place)
                             if isinstance(post.front.place, str) else plain("event.held", unit=post.front.unit),
                             plain("event.details", url=paths.page_url(base, post.page))),
                  paths.page_url(base, post.page), campaign.year, post.page, post.front.unit, post.plan)
            for post in campaign.posts if post.start and post.last  # a post without its full date has no day in a calendar
        ]
    spans: dict[tuple[date, date], int] = {}
    for post in campaign.posts:
        if post.start and post.last:
            spans[(post.start, post.last)] = spans.get((post.start, post.last), 0) + 1
    page = paths.news_page(campaign.year)
    url = paths.page_url(base, page)
    return [
        Event(f"{campaign.year}-hoat-dong-{start:%Y%m%d}-{last:%Y%m%d}@{host}", "activity", start, last,
              plain("event.activities_title", count=count),
              plain("event.activities_description", count=count, year=campaign.year, url=url),
              url, campaign.year, page, plain("event.activities_count", count=count))
        for (start, last), count in spans.items()
    ]


def _linked(data: SiteData, plan: Plan) -> str:
    """`Có thể kết nối các hoạt động với: Ngày Sở hữu trí tuệ thế giới (26/4).` (the document's modality), or nothing."""
    days = [data.observances[o] for o in plan.linked_observances if o in data.observances]
    return plain("event.linked", lead=link_lead(plan.linked_modality),
                 days="; ".join(f"{o.name} ({o.label})" for o in days)) if days else ""


def plan_events(data: SiteData, plan: Plan) -> list[Event]:
    """A plan's activity window and its peak period, if the record holds them, and each report deadline on
    its due day (the day before the date written for `trước ngày`), titled with who reports to whom and when
    (`deadline_sentence`)."""
    host = _host(data)
    url = paths.page_url(data.settings.site.base_url, paths.plan_page(plan))
    issuer = inferred_text(plan.issuer.label, plan.is_inferred("issuer.name"))
    number = plain("source.number", number=plan.document.number_symbol) if plan.document.number_symbol else ""
    source = plain("source.of", what=sentences(plan.document.kind, number), issuer=issuer)
    events = []
    if window := plan.dated_window:
        periods = [("thuc-hien", plain("event.window"), plain("event.window_sentence"), window.start, window.end)]
        if window.peak:
            periods.append(("cao-diem", window.peak.label, capitalised(window.peak.label), window.peak.start, window.peak.end))
        for slug, what, sentence, start, end in periods:
            events.append(Event(
                f"{plan.year}-{plan.id}-{slug}@{host}", "window", start, end, f"{plan.short_label}: {what}",
                sentences(plain("event.window_description", sentence=sentence, source=source,
                                 span=span_text((start, end), feed=True)),
                           _linked(data, plan), plain("event.details", url=url)),
                url, plan.year, paths.plan_page(plan), plan.short_label, plan,
            ))
    seen: set[str] = set()
    for deadline in plan.dated_deadlines:
        uid = f"{plan.year}-{plan.id}-han-bao-cao-{deadline.date:%Y%m%d}"
        while uid in seen:
            uid += "-b"
        seen.add(uid)
        note = f"{capitalised(deadline.note)}." if deadline.note else ""
        events.append(
            Event(
                f"{uid}@{host}",
                "deadline",
                deadline.due,
                deadline.due,
                f"{plan.short_label}: {deadline_sentence(deadline)}",
                sentences(plain("event.deadline_description", **deadline_parties(deadline), due=deadline_words(deadline),
                                 source=source),
                           note, plain("event.details", url=url)),
                url,
                plan.year,
                paths.plan_page(plan),
                plan.short_label,
                plan,
            )
        )
    return events


def for_citizens(events: list[Event]) -> list[Event]:
    """What a citizens' feed holds: observance days and activity windows, not agencies' report deadlines."""
    return [e for e in events if e.kind in ("observance", "window")]


def for_staff(events: list[Event]) -> list[Event]:
    """What an agencies' (staff) feed holds: the report deadlines only."""
    return [e for e in events if e.kind == "deadline"]


def next_dates(events: list[Event]) -> list[Event]:
    """Candidates for the "next date" panel: observance days and report deadlines."""
    return [e for e in events if e.kind in ("observance", "deadline")]


def next_event(events: list[Event], today: date) -> Event | None:
    """The first observance day or report deadline on or after `today`: what a "next date" names."""
    return next((e for e in next_dates(events) if e.start >= today), None)


def upcoming(events: list[Event], today: date) -> tuple[list[Event], list[Event]]:
    """Split into events not yet over and past ones (most recent first)."""
    coming = [e for e in events if e.last >= today]
    past = [e for e in events if e.last < today]
    return coming, list(reversed(past))


@dataclass(frozen=True)
class DayCell:
    day: date
    events: list[Event]


def month_weeks(year: int, month: int, events: list[Event]) -> list[list[DayCell | None]]:
    """The month as weeks from Monday to Sunday; None for days of other months."""
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [
        [DayCell(d, [e for e in events if e.start <= d <= e.last]) if d.month == month else None for d in week]
        for week in weeks
    ]


def months_spanned(events: list[Event]) -> list[tuple[int, int]]:
    """(year, month) of every month with at least one event day, in order."""
    months: set[tuple[int, int]] = set()
    for event in events:
        day = event.start
        while day <= event.last:
            months.add((day.year, day.month))
            day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return sorted(months)
