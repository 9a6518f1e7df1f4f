"""Calendar feeds (RFC 5545) written with the icalendar library."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, vDuration
from icalendar import Event as IcsEvent

from campaign_site.core.catalogue import plain
from campaign_site.core.encoders import ics_text
from campaign_site.data.wording import EVENT_KINDS
from campaign_site.stages.calendar.events import Event

REFRESH = timedelta(days=1)


def feed(name: str, description: str, events: list[Event], stamp: datetime) -> bytes:
    """One calendar: named, refreshed daily, all-day events with an exclusive end, CRLF, folded lines.

    Only DTSTAMP depends on `stamp`; everything else is the same for the same data.
    """
    cal = Calendar()
    cal.add("prodid", plain("feed.prodid"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # X-WR-* properties are written unescaped by icalendar: both stay on one line.
    name, description = ics_text(name), ics_text(description)
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        item = IcsEvent()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.start)
        item.add("dtend", event.end)
        item.add("summary", ics_text(event.title))
        item.add("description", ics_text(event.description, multiline=True))
        item.add("url", event.url)
        item.add("categories", [EVENT_KINDS[event.kind]])
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
    return cal.to_ical()
