"""Calendar pages, in the order their reader asks: the next date and the coming ones, the month grids, the past
dates, then the feeds to subscribe to (or, once every day in them is over, to keep)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.site_data import Campaign
from campaign_site.data.wording import EVENT_KINDS, EVENT_MARKS, WEEKDAYS
from campaign_site.pages.views.base import ShareImage, SiteContext, View
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.calendar.event_text import event_when, next_text
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import Feed


@dataclass(frozen=True)
class DayMark:
    """A date on a day of a month grid: its kind, its sign, and what a screen reader says (`Hạn báo cáo: …`)."""

    kind: str
    sign: str
    said: Markdown


@dataclass(frozen=True)
class CalendarDay:
    """A day of a month grid: the activity windows it falls in (said in one sentence), and its other dates."""

    iso: str
    number: int
    windows: Markdown | None
    """`Thời gian thực hiện của: Sở KH&CN Lạng Sơn, 3 kế hoạch.`; None outside every window."""
    marks: list[DayMark]
    today: bool


@dataclass(frozen=True)
class Month:
    caption: Markdown
    weeks: list[list[CalendarDay | None]]


@dataclass(frozen=True)
class EventItem:
    """A date in the coming or past list: its kind, its days (ISO and in words), and the page about it."""

    kind: str
    start: str
    last: str
    when: Markdown
    kind_label: str
    page: str
    title: str


@dataclass(frozen=True)
class LegendKey:
    sign: str
    label: str


@dataclass(frozen=True)
class CalendarLink:
    path: str
    text: str


@dataclass(frozen=True, kw_only=True)
class CalendarView(View):
    intro: str
    events: list[Event]
    next_events: list[Event]
    """What the "next date" panel chooses from: the page's dates, and on one year's calendar the observance days of
    the years after it, so that once the year's days have passed the panel names what comes next."""
    next_text: str
    months: list[Month]
    weekdays: list[tuple[str, str]]
    legend: list[LegendKey]
    """The signs of the grid after the shaded window: days, deadlines, and activities held when there are any."""
    coming: list[EventItem]
    none_coming: Markdown
    """What the "Sắp diễn ra" list says once none of the page's dates is ahead (the reader's browser decides)."""
    past: list[EventItem]
    feeds: list[Feed]
    plan_feeds: list[Feed]
    staff_feeds: list[Feed]
    staff_plan_feeds: list[Feed]
    feeds_over: bool
    """Every feed the page offers is over on the build's day: they are offered as files to keep, not to add."""
    plan_feeds_summary: str
    staff_plan_feeds_summary: str
    past_calendars: list[CalendarLink]
    """Where an all-years page shows only the months ahead: the years' calendars, which keep their past months."""
    plans_page: str | None
    """The year's plan list, where its plans' feeds are on their own pages only."""
    plans_title: str


def _mark(event: Event) -> DayMark:
    return DayMark(event.kind, EVENT_MARKS[event.kind], say("page.calendar.mark", kind=EVENT_KINDS[event.kind], title=event.title))


def _day(cell: calendar_events.DayCell | None, today: date) -> CalendarDay | None:
    if cell is None:
        return None
    windows = [e for e in cell.events if e.kind == "window"]
    whose = Markdown(", ".join(escape(e.who) for e in windows))
    return CalendarDay(cell.day.isoformat(), cell.day.day, say("page.calendar.windows", who=whose) if windows else None,
                       [_mark(e) for e in cell.events if e.kind != "window"], cell.day == today)


def _months(events: list[Event], today: date) -> list[Month]:
    return [Month(say("page.calendar.month", month=m, year=y), [[_day(d, today) for d in week]
                                                                for week in calendar_events.month_weeks(y, m, events)])
            for y, m in calendar_events.months_spanned(events)]


def _item(event: Event) -> EventItem:
    return EventItem(event.kind, event.start.isoformat(), event.last.isoformat(), event_when(event), EVENT_KINDS[event.kind],
                     event.page, event.title)


def _calendar(ctx: SiteContext, title: str, intro: str, events: list[Event], feeds: list[str], none_coming: Markdown,
              share: ShareImage | None = None, plans_of: int | None = None, later: list[Event] | None = None,
              ahead_only: bool = False) -> CalendarView:
    """A calendar page; `feeds` are the paths of citizens' feeds, each offered where it was written (it has
    events), with its agencies' feed of deadlines where it has one; `plans_of`: the year whose plans' feeds are
    on their own pages only; `ahead_only`: month grids only of the events not over, if any (each year's own
    calendar keeps its past months)."""
    plan_feeds = {paths.plan_feed(p) for c in ctx.data.campaigns.values() for p in c.plans}
    staff = [(path, paths.staff_feed(path)) for path in feeds if paths.staff_feed(path) in ctx.feeds]
    coming, past = calendar_events.upcoming(events, ctx.today)
    written = [f for f in feeds if f in ctx.feeds]
    per_plan = [ctx.feeds[f] for f in written if f in plan_feeds]
    staff_per_plan = [ctx.feeds[s] for f, s in staff if f in plan_feeds]
    has_activities = any(e.kind == "activity" for e in events)
    next_events = events + (later or [])
    offered = [ctx.feeds[f] for f in written] + [ctx.feeds[s] for _, s in staff]
    ahead = coming if ahead_only and len(coming) < len(events) else []
    return CalendarView(
        title=title, description=intro, share=share, intro=intro, events=events, next_events=next_events,
        next_text=next_text(next_events, ctx.today), months=_months(ahead or events, ctx.today),
        weekdays=WEEKDAYS,
        legend=[LegendKey(EVENT_MARKS[k], EVENT_KINDS[k]) for k in ("observance", "deadline", *(["activity"] if has_activities else []))],
        coming=[_item(e) for e in coming], none_coming=none_coming, past=[_item(e) for e in past],
        feeds=[ctx.feeds[f] for f in written if f not in plan_feeds],
        plan_feeds=per_plan,
        staff_feeds=[ctx.feeds[s] for f, s in staff if f not in plan_feeds],
        staff_plan_feeds=staff_per_plan,
        feeds_over=bool(offered) and all(f.over for f in offered),
        plan_feeds_summary=plain("page.calendar.plan_feeds", count=len(per_plan)),
        staff_plan_feeds_summary=plain("page.calendar.staff_plan_feeds", count=len(staff_per_plan)),
        past_calendars=[CalendarLink(paths.year_calendar(y), plain("page.where.year", year=y))
                        for y in sorted(ctx.data.campaigns, reverse=True)] if ahead else [],
        plans_page=paths.year_plans(plans_of) if plans_of else None,
        plans_title=plain("page.calendar.plans_of", year=plans_of) if plans_of else "",
    )


def calendar_view(ctx: SiteContext, _: None) -> CalendarView:
    coming = [str(y) for y in sorted(ctx.events) if y not in ctx.data.campaigns]
    intro = plain("page.calendar.intro")
    if coming:
        intro = plain("page.calendar.intro_ahead", intro=intro, years=", ".join(coming))
    return _calendar(ctx, plain("page.calendar.title"), intro, ctx.all_events,
                     [paths.ALL_FEED, *(paths.year_feed(y) for y in ctx.data.years())], say("page.calendar.none_coming"),
                     ahead_only=True)


def year_calendar_view(ctx: SiteContext, campaign: Campaign) -> CalendarView:
    year = campaign.year
    plan_feeds = [paths.plan_feed(p) for p in campaign.plans if campaign.lists_plans]
    return _calendar(ctx, plain("page.calendar.year_title", year=year), plain("page.calendar.year_intro", year=year),
                     ctx.events[year], [paths.year_feed(year), *plan_feeds], say("page.calendar.year_over", year=year),
                     ctx.share(year), None if campaign.lists_plans else year,
                     [e for y in sorted(ctx.events) if y > year for e in ctx.events[y] if e.kind == "observance"])
