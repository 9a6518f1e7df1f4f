"""The central bodies whose documents the campaigns cite (`agencies.yaml`: the Party's central bodies, the
National Assembly, the Government, its ministries before and after the restructuring of 1/3/2025), with
the level of the legal chain their documents sit at. A name is compared loosely (`Uỷ`/`Ủy`, `Hoá`/`Hóa`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from campaign_site.data.domain import DocumentLevel

TABLE = Path(__file__).with_name("agencies.yaml")


@dataclass(frozen=True)
class Body:
    """A central body: its name as running text writes it, its documents' level, the days it issued documents."""

    name: str
    level: DocumentLevel
    since: date | None = None
    until: date | None = None

    def issued_on(self, day: date) -> bool:
        """Whether the body issued documents on `day` (it existed then under this name)."""
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@cache
def central_bodies() -> tuple[Body, ...]:
    """The list, read once, longest names first (so a name is matched before a shorter one it starts with)."""
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["bodies"]
    bodies = (Body(b["name"], b["level"], b.get("since"), b.get("until")) for b in raw)
    return tuple(sorted(bodies, key=lambda b: len(b.name), reverse=True))
