"""The provinces before and after 1 July 2025: the 34 units of Resolution 202/2025/QH15 and the 63 provinces
and cities they were formed from (`provinces_2025.yaml`, with the resolution's number, dates and sources).

Names compare loosely (`Hoà Bình` is `Hòa Bình`), as the province spelling check compares them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from campaign_site.core.catalogue import plain
from campaign_site.core.slugs import ascii_slug

TABLE = Path(__file__).with_name("provinces_2025.yaml")

UnitKind = Literal["province", "city"]


@dataclass(frozen=True)
class Unit:
    """A province or centrally governed city since the resolution, and the ones it was formed from."""

    name: str
    kind: UnitKind
    former: tuple[str, ...]

    @property
    def merged(self) -> bool:
        """Formed by merging two or three former provinces and cities."""
        return len(self.former) > 1

    def kind_of(self, former: str) -> UnitKind:
        """What `former` was: a city when it bears a city unit's own name (`Hải Phòng`), else a province."""
        return "city" if self.kind == "city" and former == self.name else "province"


@dataclass(frozen=True)
class Renamed:
    """A province's earlier name (`Thừa Thiên Huế`), which documents used until `until`."""

    name: str
    now: str
    until: date


@dataclass(frozen=True)
class Arrangement:
    """Resolution 202/2025/QH15 of the National Assembly and the units it sets."""

    number_symbol: str
    issuer: str
    adopted: date
    in_force: date
    merged_from: date
    """The day the merged units' governments began work: documents signed before it name the former units."""
    sources: tuple[str, ...]
    units: tuple[Unit, ...]
    renamed: tuple[Renamed, ...] = ()

    def unit(self, name: str) -> Unit | None:
        """The unit called `name` since the resolution."""
        return _units(self).get(ascii_slug(name))

    def merged_into(self, name: str) -> tuple[str, Unit] | None:
        """A former province no unit is called any more (`Hòa Bình`), as the table writes it, with the unit
        it is part of (`Phú Thọ`); None for a unit's own name or a name the table does not hold."""
        if self.unit(name):
            return None
        return _formers(self).get(ascii_slug(name))

    def provinces_on(self, day: date) -> tuple[str, ...]:
        """The provinces and cities on `day`: the 63 former ones before `merged_from`, the 34 units from it."""
        if day >= self.merged_from:
            return tuple(u.name for u in self.units)
        earlier = {r.now: r.name for r in self.renamed if day <= r.until}
        return tuple(earlier.get(f, f) for u in self.units for f in u.former)

    def known(self, name: str) -> str | None:
        """`name` as the table writes it, when it is on either list (`Hoà Bình` → `Hòa Bình`)."""
        if unit := self.unit(name):
            return unit.name
        if part := self.merged_into(name):
            return part[0]
        return found.name if (found := self.renamed_from(name)) else None

    def is_city(self, name: str) -> bool:
        """Whether the unit or former unit called `name` is (or was) a centrally governed city."""
        if unit := self.unit(name):
            return unit.kind == "city"
        part = self.merged_into(name)
        return part is not None and part[1].kind_of(part[0]) == "city"

    def renamed_from(self, name: str) -> Renamed | None:
        """The renaming that ended the name `name`, if it is an earlier name."""
        return next((r for r in self.renamed if ascii_slug(r.name) == ascii_slug(name)), None)

    def other_names(self, name: str) -> tuple[str, ...]:
        """The names a reader may know the place of `name` by: a merged unit's former provinces but itself
        (`Phú Thọ` → `Vĩnh Phúc`, `Hòa Bình`); a former province's unit (`Hòa Bình` → `Phú Thọ`)."""
        if unit := self.unit(name):
            return tuple(f for f in unit.former if f != unit.name)
        return (part[1].name,) if (part := self.merged_into(name)) else ()


@cache
def _units(arrangement: Arrangement) -> dict[str, Unit]:
    return {ascii_slug(u.name): u for u in arrangement.units}


@cache
def _formers(arrangement: Arrangement) -> dict[str, tuple[str, Unit]]:
    return {ascii_slug(f): (f, u) for u in arrangement.units for f in u.former}


@cache
def arrangement() -> Arrangement:
    """The table, read once."""
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    act = raw["resolution"]
    return Arrangement(
        number_symbol=act["number_symbol"], issuer=act["issuer"], adopted=act["adopted"], in_force=act["in_force"],
        merged_from=act["merged_from"], sources=tuple(act["sources"]),
        units=tuple(Unit(u["name"], u["kind"], tuple(u["former"])) for u in raw["units"]),
        renamed=tuple(Renamed(r["name"], r["now"], r["until"]) for r in raw.get("renamed", [])),
    )


def called(kind: UnitKind, name: str) -> str:
    """`tỉnh Phú Thọ`, `thành phố Hải Phòng`: a unit as running text names it."""
    return plain("phrase.former_city", name=name) if kind == "city" else plain("phrase.former_province", name=name)
