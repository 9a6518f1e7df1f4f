"""What a site must have before it is published: its real address and a way to reach its publisher.

The shipped settings use a placeholder domain (`.example`) and no contact, so a new site builds
at once; `check` warns about both, and `deploy` and the publishing workflow refuse to publish
until they are filled in.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem
from campaign_site.core.yaml_source import Loc
from campaign_site.data.model import SiteFile
from campaign_site.data.site_data import SiteData

REFUSED = plain("problem.publish_refused")

_RESERVED_DOMAINS = ("example", "test", "invalid", "localhost", "local", "example.com", "example.net", "example.org")
"""Domains reserved for examples, tests and this machine (RFC 2606, RFC 6761, RFC 6762)."""
_LOOPBACK = ("127.0.0.1", "::1")


def placeholder_address(url: str) -> bool:
    """True for an address on a reserved domain or on this machine: not where a public site lives."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host in _RESERVED_DOMAINS or host in _LOOPBACK or host.endswith(tuple("." + d for d in _RESERVED_DOMAINS))


def unfinished_settings(settings: SiteFile) -> list[tuple[Loc, str, str]]:
    """(location, field, Vietnamese message) for each setting still to fill in before publishing."""
    found: list[tuple[Loc, str, str]] = []
    if placeholder_address(settings.site.base_url):
        found.append((
            ("site", "base_url"),
            "site.base_url",
            plain("problem.publish_example_address", address=settings.site.base_url),
        ))
    contact = settings.organisation.contact
    if not any((contact.address, contact.phone, contact.email, contact.website)):
        found.append((
            ("organisation", "contact"),
            "organisation.contact",
            plain("problem.publish_no_contact"),
        ))
    return found


def blocking(data: SiteData) -> list[Problem]:
    """The warnings that stop a site from being published (they are on site.yaml's settings above)."""
    fields = {field for _, field, _ in unfinished_settings(data.settings)}
    return [w for w in data.warnings if w.file.endswith("site.yaml") and w.field in fields]
