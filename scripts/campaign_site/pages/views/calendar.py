"""Calendar pages: month grids, coming and past dates, and the feeds to subscribe to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.data import paths
from campaign_site.data.site_data import Campaign
from campaign_site.pages.views.base import ShareImage, SiteContext, View
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.calendar.events import Event
from campaign_site.stages.calendar.feeds import Feed


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
    next_events: list[Event]
    """What the "next date" panel chooses from: the page's dates, and on one year's calendar the observance days of
    the years after it, so that once the year's days have passed the panel names what comes next."""
    months: list[Month]
    coming: list[Event]
    none_coming: str
    """What the "Sắp diễn ra" list says once none of the page's dates is ahead (the reader's browser decides)."""
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
              share: ShareImage | None = None, plan_feeds_elsewhere: int | None = None,
              later: list[Event] | None = None,
              none_coming: str = "Không còn ngày nào sắp tới trong dữ liệu hiện có.") -> CalendarView:
    """A calendar page; `feeds` are the paths of citizens' feeds, each offered where it was written (it has
    events), with its agencies' feed of deadlines where it has one."""
    plan_feeds = {paths.plan_feed(p) for c in ctx.data.campaigns.values() for p in c.plans}
    staff = [(path, paths.staff_feed(path)) for path in feeds if paths.staff_feed(path) in ctx.feeds]
    coming, past = calendar_events.upcoming(events, ctx.today)
    written = [f for f in feeds if f in ctx.feeds]
    per_plan = [ctx.feeds[f] for f in written if f in plan_feeds]
    staff_per_plan = [ctx.feeds[s] for f, s in staff if f in plan_feeds]
    return CalendarView(
        title=title, description=intro, share=share, intro=intro, events=events, next_events=events + (later or []), months=_months(events, ctx.today),
        coming=coming, none_coming=none_coming, past=past,
        feeds=[ctx.feeds[f] for f in written if f not in plan_feeds],
        plan_feeds=per_plan,
        staff_feeds=[ctx.feeds[s] for f, s in staff if f not in plan_feeds],
        staff_plan_feeds=staff_per_plan,
        plan_feeds_count=len(per_plan),
        staff_plan_feeds_count=len(staff_per_plan),
        plan_feeds_elsewhere=plan_feeds_elsewhere,
        has_activities=any(e.kind == "activity" for e in events),
    )


def calendar_view(ctx: SiteContext, _: None) -> CalendarView:
    coming = [str(y) for y in sorted(ctx.events) if y not in ctx.data.campaigns]
    ahead = (f" Ngày kỷ niệm năm {', '.join(coming)} đã có trên lịch vì lặp lại hằng năm; chủ đề, khẩu hiệu và kế hoạch "
             "của năm đó chưa có thông tin.") if coming else ""
    return _calendar(ctx, "Lịch", "Mọi ngày kỷ niệm, thời gian thực hiện kế hoạch và hạn báo cáo của các năm, theo "
                     f"tháng và theo thứ tự thời gian.{ahead}", ctx.all_events,
                     [paths.ALL_FEED, *(paths.year_feed(y) for y in ctx.data.years())])


def year_calendar_view(ctx: SiteContext, campaign: Campaign) -> CalendarView:
    year = campaign.year
    plan_feeds = [paths.plan_feed(p) for p in campaign.plans if campaign.lists_plans]
    return _calendar(ctx, f"Lịch năm {year}", f"Ngày kỷ niệm, thời gian thực hiện của từng kế hoạch và hạn báo cáo năm {year}.",
                     ctx.events[year], [paths.year_feed(year), *plan_feeds], ctx.share(year),
                     None if campaign.lists_plans else year,
                     [e for y in sorted(ctx.events) if y > year for e in ctx.events[y] if e.kind == "observance"],
                     f"Mọi ngày trên lịch năm {year} đã qua; ngày sắp tới ở ô “Ngày sắp tới” phía trên.")
