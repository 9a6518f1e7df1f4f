"""Who issued the document: the name in capitals at the top (under its superior body), or, when the
header is missing, the body named as the subject of the opening or closing sentence; its level and
province."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.data.placeholders import is_marked, review, to_fill, without_review
from campaign_site.data.vn_dates import parse_partial_date
from campaign_site.importing import names
from campaign_site.importing.header import Header
from campaign_site.importing.vn import key, title_name


def signed_on(written: str | None) -> date | None:
    """The first day a signing date as the header prints it (`16/4/2026`, `4/2026`, `2026`) can be."""
    if not written:
        return None
    try:
        when = parse_partial_date(written)
    except ValueError:
        return None
    return date(when.year, when.month or 1, when.day or 1)


_COMMITTEE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b", re.IGNORECASE)
_CODES = re.compile(r"[-/,&\s]+")


def issuer(header: Header, actors: list[str], body_text: str, cited_text: str) -> tuple[dict, list[str]]:
    """The plan's `issuer` mapping and notes for staff. `actors` are bodies the sentences name as their
    subject, nearest the opening first; `cited_text` is where a commune's province may be named (the
    legal basis first)."""
    notes: list[str] = []
    agencies, place = header.agencies, header.place
    parent = agencies[-2] if len(agencies) >= 2 else None
    parent_name, parent_certain = names.case_name(parent, body_text) if parent else (None, True)
    if agencies:
        name, certain = names.case_name(agencies[-1], body_text)
        if not certain:
            notes.append(plain("import.name_recased", written=agencies[-1], name=name))
    else:
        # No header: the body a sentence names as its subject, cut at its verb, is never pinned (one naming its
        # place first).
        found = [re.sub(r"\s*\([^)]*\)", "", a) for a in actors]
        complete = [a for a in found if names.localities(a)]
        if found:
            name, certain = (complete or found)[0], False
        else:
            notes.append(plain("import.no_issuer"))
            return {"name": to_fill(plain("staff.new_issuer_name")), "short_name": to_fill(plain("import.hint_short_name")),
                    "level": to_fill(plain("staff.new_plan_level"))}, notes
    if not agencies and not certain:
        notes.append(plain("import.name_from_sentence", name=name))
    level = names.level(name)
    # A province the header cell names is the cell's and the list's, however its body's own words are written.
    province, province_certain = None, certain or bool(agencies)
    localities = names.localities(name)
    if localities and localities[0][0] in ("tỉnh", "thành phố"):
        province = names.province(localities[0][1])
        # A city of a province (`thành phố Nam Định`) is mostly in the province of its name: not always.
        province_certain = province_certain and level != "commune"
    elif not localities and level in ("province", None):
        from_parent = [(w, n) for w, n in names.localities(parent) if w in ("tỉnh", "thành phố")] if parent else []
        if parent_name and names.PARTY_COMMITTEE.match(parent_name) and from_parent:
            # A Party committee's body is named with its committee (`Ban Tuyên giáo và Dân vận Tỉnh ủy Lạng Sơn`).
            province = names.province(from_parent[0][1])
            certain, province_certain = certain and parent_certain, province is not None
            name = f"{name} {parent_name}"
        elif from_parent:
            # The superior body's cell names the province: under a People's Committee on a list (`Sở … tỉnh Gia
            # Lai`), the name is completed certainly; a union's or association's body is named with that body, which
            # the cell does not print, and a province on no list is completed as printed: marked.
            word, printed = from_parent[0]
            province = names.province(printed)
            certain = certain and province is not None and bool(_COMMITTEE.match(parent_name or ""))
            province_certain = province is not None
            name = f"{name} {names.called(province) if province else word} {province or title_name(printed)}"
        elif parent and (lower := names.lower_locality(parent)):
            # `UBND HUYỆN QUẾ PHONG` / `PHÒNG VĂN HÓA VÀ THÔNG TIN`: a body of that locality, named as the plan files
            # name it (`Phòng … huyện Quế Phong`); the completion is the importer's: marked.
            certain = False
            name = f"{name} {lower[0]} {lower[1]}"
        elif place and (from_place := names.province(place)):
            # Decree 30: a provincial body's documents name its province as their place. The name
            # itself is then completed by the importer, and marked.
            province, province_certain, certain = from_place, True, False
            notes.append(plain("import.name_with_place", name=name, place=place))
            name = f"{name} {names.called(from_place)} {from_place}"
        elif level == "province":
            certain = False  # a provincial body named without its province: never the bare name, nor its id
        level = level or ("province" if province else None)
    level = names.level(name) or level
    certain = certain and not names.bare_kind(name)  # a cell that lost its place's line names no body
    if agencies and certain and _COMMITTEE.match(name) and header.symbol and "UBND" not in _CODES.split(header.symbol.upper()):
        # Decree 30: a People's Committee's symbol holds `UBND` (`KH-UBND`, `UBND-VX`); without it the cell read
        # is the superior body of an issuer whose own line was lost (a text box, a cut cell).
        certain = False
        notes.append(plain("import.issuer_not_in_symbol", name=name, symbol=header.symbol))
    if agencies and certain and header.symbol and (initials := names.initials(name)) \
            and not {initials, initials[1:]} & {c.upper() for c in _CODES.split(header.symbol)}:
        # Decree 30: a ministry's or department's symbol abbreviates its name (`BKHCN`, `SGDĐT`); a symbol that does
        # not may belong to a body under the one the cell shows, whose own line was lost.
        certain = False
        notes.append(plain("import.issuer_initials_not_in_symbol", name=name, symbol=header.symbol, initials=initials))
    if level == "commune" and province is None:
        named = names.provinces_named(cited_text)
        if named:
            province, province_certain = named[0], False
            notes.append(plain("import.province_guessed", name=name, province=province))
    certain = certain and not header.mixed  # a cell run into the motto beside it: its lines are not as printed
    out: dict[str, Any] = {"name": name if certain else review(name)}
    short, _ = names.short_name(name, level)
    if level == "province" and not province and not names.localities(name):
        out["short_name"] = to_fill(plain("import.hint_short_name"))
    elif short != name and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", body_text):
        out["short_name"] = short if certain else review(short)  # the document writes it so itself
    if parent:
        # As the header prints it; a kind of body alone (`ỦY BAN NHÂN DÂN`) lost its place's line: it names no body.
        out["parent"] = review(parent) if names.bare_kind(parent) or header.mixed else parent
    out["level"] = level or to_fill(plain("staff.new_plan_level"))
    if level != "national":
        on_no_list = next((n for word, n in names.localities(name) if word in ("tỉnh", "thành phố")), None)
        if province and not names.province_held(province, signed_on(header.date)):
            province_certain = False
            notes.append(plain("import.province_former", province=province, date=header.date))
        if province:
            out["province"] = province if province_certain else review(province)
        elif on_no_list:
            out["province"] = review(on_no_list)  # on neither list: as printed, to check
        else:
            out["province"] = to_fill(plain("import.hint_province"))
    if header.mixed:  # read from a cell run into the motto: its level and province are no more certain than its name
        out.update({k: review(out[k]) for k in ("level", "province") if k in out and not is_marked(out[k])})
    return out, notes


def id_name(found: dict) -> str:
    """The issuer's short name for the plan's id: the one the document writes, else the abbreviation of its name
    (`Sở KH&CN Nghệ An`), marked as the name is."""
    if short := found.get("short_name"):
        return short
    name = found.get("name", "")
    short, _ = names.short_name(without_review(name), found.get("level"))
    return short if name == without_review(name) else review(short)


def own_names(found: dict) -> frozenset[str]:
    """The keys of the names a document's sentences give the issuer its header pins (`Sở Khoa học và Công nghệ tỉnh
    Lạng Sơn`): whole, without its place's name, its place or the word `tỉnh` (`Sở Khoa học và Công nghệ tỉnh`, `Sở
    Khoa học và Công nghệ`, `Sở Khoa học và Công nghệ Lạng Sơn`), each also abbreviated (`UBND xã`), and its kind alone (`Sở`, `Bộ`). None for an issuer read from a
    sentence."""
    name = found.get("name", "")
    if not name or is_marked(name):
        return frozenset()
    forms = {name, name.split()[0]}
    for word, place in names.localities(name):
        forms |= {name.replace(f" {place}", ""), name.replace(f" {word} {place}", ""), name.replace(f" {word} ", " ")}
    return frozenset(key(f) for form in forms for f in (form, names.short_name(form, None)[0]))
