"""The sentence a province's page gives about 1 July 2025, when the province was merged or merged others:
readers still know places by the names of the 63 former provinces (`data.provinces`)."""

from __future__ import annotations

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import vn_dates
from campaign_site.data.provinces import Unit, arrangement, called
from campaign_site.data.wording import and_joined


def formers_text(unit: Unit) -> str:
    """`các tỉnh Vĩnh Phúc, Hòa Bình và Phú Thọ`; `tỉnh Hải Dương và thành phố Hải Phòng`."""
    if all(unit.kind_of(f) == "province" for f in unit.former):
        return plain("phrase.former_provinces", names=and_joined(list(unit.former)))
    return and_joined([called(unit.kind_of(f), f) for f in unit.former])


def province_title(name: str, year: int) -> str:
    """A province page's title (its tab and its search entry): with the provinces it merged on 1/7/2025, so that
    site search, which weighs titles most, finds it by a former name; the page's heading stays short."""
    if (unit := arrangement().unit(name)) and unit.merged:
        others = [former for former in unit.former if former != unit.name]
        return plain("page.province.title_formers", province=name, formers=and_joined(others), year=year)
    return plain("page.province.title", province=name, year=year)


def province_history(name: str) -> Markdown | None:
    """What `name` became on 1/7/2025: a merged unit's former provinces, or a former province's unit; None
    for a unit left as it was, the central bodies, or a name the table does not hold."""
    table = arrangement()
    day = vn_dates.short(table.merged_from)
    if (unit := table.unit(name)) and unit.merged:
        return say("page.province.former_merged", day=day, unit=called(unit.kind, unit.name), formers=formers_text(unit),
                   resolution=table.number_symbol)
    if part := table.merged_into(name):
        former, unit = part
        return say("page.province.former_part", day=day, former=called(unit.kind_of(former), former),
                   unit=called(unit.kind, unit.name), resolution=table.number_symbol)
    return None
