"""Who issued the document: the name in capitals at the top (under its superior body), or, when the
header is missing, the body named as the subject of the opening or closing sentence; its level and
province."""

from __future__ import annotations

import re
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.data.placeholders import review, to_fill
from campaign_site.importing import names
from campaign_site.importing.header import Header


def issuer(header: Header, actors: list[str], body_text: str, cited_text: str) -> tuple[dict, list[str]]:
    """The plan's `issuer` mapping and notes for staff. `actors` are bodies the sentences name as their
    subject, nearest the opening first; `cited_text` is where a commune's province may be named (the
    legal basis first)."""
    notes: list[str] = []
    agencies, place = header.agencies, header.place
    parent = agencies[-2] if len(agencies) >= 2 else None
    if agencies:
        name, certain = names.case_name(agencies[-1], body_text)
        if not certain:
            notes.append(plain("import.name_recased", written=agencies[-1], name=name))
    else:
        found = [re.sub(r"\s*\([^)]*\)", "", a) for a in actors]
        complete = [a for a in found if names.localities(a)]
        if complete:
            name, certain = complete[0], True
        elif found:
            name, certain = found[0], False
        else:
            notes.append(plain("import.no_issuer"))
            return {"name": to_fill(plain("staff.new_issuer_name")), "short_name": to_fill(plain("import.hint_short_name")),
                    "level": to_fill(plain("staff.new_plan_level"))}, notes
    if not agencies and not certain:
        notes.append(plain("import.name_from_sentence", name=name))
    level = names.level(name)
    province, province_certain = None, certain
    localities = names.localities(name)
    if localities and localities[0][0] in ("tỉnh", "thành phố"):
        province = names.province(localities[0][1])
    elif not localities and level in ("province", None):
        from_parent = names.provinces_named(parent) if parent else []
        if from_parent:
            province, province_certain = from_parent[0], True
        elif place and names.province(place):
            # Decree 30: a provincial body's documents name its province as their place. The name
            # itself is then completed by the importer, and marked.
            province, province_certain, certain = names.province(place), True, False
            notes.append(plain("import.name_with_place", name=name, place=place))
        if province:
            name = f"{name} {'thành phố' if province in names.CITIES else 'tỉnh'} {province}"
            level = level or "province"
    level = names.level(name) or level
    if level == "commune" and province is None:
        named = names.provinces_named(cited_text)
        if named:
            province, province_certain = named[0], False
            notes.append(plain("import.province_guessed", name=name, province=province))
    short, _ = names.short_name(name, level)
    out: dict[str, Any] = {"name": name if certain else review(name), "short_name": short if certain else review(short)}
    if parent:
        out["parent"] = parent
    out["level"] = level or to_fill(plain("staff.new_plan_level"))
    if level != "national":
        if province:
            out["province"] = province if province_certain else review(province)
        else:
            out["province"] = to_fill(plain("import.hint_province"))
    return out, notes
