"""Atom feeds (RFC 4287) of the activity posts, written with the standard library's ElementTree.

Text passes through `text_safety.visible_text` first, so no control or invisible character reaches
a feed reader; ElementTree escapes the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from xml.etree import ElementTree

from campaign_site.core.text_safety import visible_text

NS = "http://www.w3.org/2005/Atom"
VIETNAM = timezone(timedelta(hours=7), "ICT")
"""Posts give days; an entry's time is the start of that day in Vietnam."""


@dataclass(frozen=True)
class Entry:
    """One post as a feed entry. `html` is the post's content with every link absolute."""

    id: str
    title: str
    url: str
    day: date
    author: str
    summary: str
    html: str
    category: str


def timestamp(day: date) -> str:
    return datetime.combine(day, time(), VIETNAM).isoformat()


def feed(feed_id: str, title: str, subtitle: str, self_url: str, site_url: str, author: str, entries: list[Entry],
         empty_updated: datetime) -> bytes:
    """An Atom feed; `updated` is the newest entry's day, or `empty_updated` when there is none."""
    ElementTree.register_namespace("", NS)

    def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{NS}}}{tag}", attributes)
        if text is not None:
            element.text = visible_text(text, multiline=True)
        return element

    root = ElementTree.Element(f"{{{NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    add(root, "id", feed_id)
    add(root, "title", title)
    add(root, "subtitle", subtitle)
    add(root, "updated", timestamp(max(e.day for e in entries)) if entries else empty_updated.isoformat(timespec="seconds"))
    add(root, "link", rel="self", type="application/atom+xml", href=self_url)
    add(root, "link", rel="alternate", type="text/html", href=site_url)
    add(add(root, "author"), "name", author)
    add(root, "generator", "campaign_site")
    for entry in entries:
        item = add(root, "entry")
        add(item, "id", entry.id)
        add(item, "title", entry.title)
        add(item, "published", timestamp(entry.day))
        add(item, "updated", timestamp(entry.day))
        add(item, "link", rel="alternate", type="text/html", href=entry.url)
        add(add(item, "author"), "name", entry.author)
        add(item, "category", term=entry.category)
        add(item, "summary", entry.summary)
        add(item, "content", entry.html, type="html")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
