"""How the calendar's events are said on pages: an event's days, the "next date" panel's sentence."""

from __future__ import annotations

from datetime import date

from campaign_site.core.catalogue import plain
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import vn_dates
from campaign_site.stages.calendar.events import Event, next_dates, next_event
from campaign_site.words.phrasing import days_text


def next_text(events: list[Event], today: date) -> str:
    """The "next date" panel's text for a given day, also the text shown without JavaScript."""
    if first := next_event(events, today):
        return plain("event.next", title=first.headline, day=vn_dates.short(first.start), today=vn_dates.short(today))
    if dated := next_dates(events):
        last = dated[-1]
        return plain("event.all_past", title=last.headline, day=vn_dates.short(last.start))
    return plain("event.none")


def event_when(event: Event) -> Markdown:
    """An event's day, or its first and last day."""
    return days_text(event.start, event.last)
