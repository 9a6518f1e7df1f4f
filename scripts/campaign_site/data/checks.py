"""Checks that span objects or files: ids that must exist or be unique, dates that must be in order.

Each takes what it checks as arguments (parsed files, the banner font's characters) and returns its
problems; `rules.py` decides which run on which files. Nothing here reads a file or a font."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from campaign_site.core.catalogue import plain
from campaign_site.core.glyphs import GlyphCoverage
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.slugs import ascii_slug
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data import citations, paths, provinces, vn_dates
from campaign_site.data.domain import ISSUER_LEVEL_OF, PHRASE_LISTS
from campaign_site.data.id_checks import indexed, known_ids, unique_ids
from campaign_site.data.model import CampaignFile, LegalDocument, Observance, Plan, YearObservance, follows_decree_30
from campaign_site.data.unknowns import NOT_KNOWN, held
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import PHRASE_KINDS_PLURAL


def unprintable(source: SourceFile, texts: Iterable[tuple[Loc, str]], font: GlyphCoverage) -> list[Problem]:
    """Text drawn on banners (every phrase, the site's title): every character must be in the banner font,
    in the case it is typed and in upper case."""
    problems = []
    for loc, text in texts:
        missing = font.missing(text + text.upper())
        if missing:
            listed = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in missing)
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.unprintable", characters=listed, font=font.label),
                )
            )
    return problems


def check_documents(source: SourceFile, documents: list[LegalDocument]) -> list[Problem]:
    problems = unique_ids(source, [(("documents", i, "id"), d.id) for i, d in enumerate(documents)], plain("check.thing.document"))
    first: dict[tuple[str, str], LegalDocument] = {}
    for i, doc in enumerate(documents):
        if not isinstance(doc.number_symbol, str):
            continue
        key = (_SPACES.sub("", doc.number_symbol).upper(), doc.issuer)  # the same number however it is spaced
        if key in first and first[key].id != doc.id:
            loc: Loc = ("documents", i, "number_symbol")
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.document_twice", number=doc.number_symbol, issuer=doc.issuer, id=first[key].id),
                )
            )
        first.setdefault(key, doc)
    by_id = {d.id: d for d in documents}
    for i, doc in enumerate(documents):
        refs: list[tuple[Loc, str]] = [(("documents", i, "basis", j), ref) for j, ref in enumerate(doc.basis)]
        problems += known_ids(source, refs, by_id, plain("check.thing.document"), "documents.yaml")
        for loc, ref in refs:
            cited = by_id.get(ref)
            if ref == doc.id:
                problems.append(source.problem(loc, format_loc(loc), plain("check.document_implements_itself")))
            elif cited and isinstance(cited.date, PartialDate) and isinstance(doc.date, PartialDate) and issued_after(cited.date, doc.date):
                problems.append(
                    source.problem(
                        loc,
                        format_loc(loc),
                        plain("check.basis_issued_later", document=citations.short(doc), date=doc.date.short(),
                              basis=citations.short(cited), basis_date=cited.date.short()),
                    )
                )
    return problems + number_symbol_warnings(source, documents)


_SPACES = re.compile(r"\s+")


def issued_after(later: PartialDate, earlier: PartialDate) -> bool:
    """Whether `later` is after `earlier` whatever the days and months they leave out turn out to be."""
    return (later.year, later.month or 1, later.day or 1) > (earlier.year, earlier.month or 12, earlier.day or 31)


def _departures(number_symbol: str) -> list[str]:
    """How a number and symbol departs from Decree 30, in words."""
    found = []
    if " " in number_symbol:
        found.append(plain("check.number_symbol.space"))
    if "," in number_symbol:
        found.append(plain("check.number_symbol.comma"))
    if "&" in number_symbol:
        found.append(plain("check.number_symbol.ampersand"))
    return found or [plain("check.number_symbol.shape")]


def number_symbol_warnings(source: SourceFile, documents: list[LegalDocument]) -> list[Problem]:
    """A number and symbol printed against Decree 30 is kept as printed, with a warning that names the rule."""
    problems = []
    for i, doc in enumerate(documents):
        if isinstance(doc.number_symbol, str) and not follows_decree_30(doc.number_symbol):
            loc: Loc = ("documents", i, "number_symbol")
            problems.append(source.problem(
                loc, format_loc(loc),
                plain("check.number_symbol", number=doc.number_symbol, departures=", ".join(_departures(doc.number_symbol))),
                "warning",
            ))
    return problems


def check_observances(source: SourceFile, observances: list[Observance]) -> list[Problem]:
    problems = unique_ids(source, [(("observances", i, "id"), o.id) for i, o in enumerate(observances)], plain("check.thing.observance"))
    for i, observance in enumerate(observances):
        try:
            vn_dates.parse_date(f"{observance.day}/{observance.month}/2024")  # a leap year: 29/2 exists
        except ValueError:
            loc = ("observances", i, "day")
            problems.append(
                source.problem(loc, format_loc(loc), plain("check.no_such_day", day=observance.label))
            )
        if observance.id in paths.YEAR_SECTIONS:
            loc = ("observances", i, "id")
            problems.append(source.problem(loc, format_loc(loc), plain("check.observance_id_taken", id=observance.id)))
    return problems


def check_plan_dates(source: SourceFile, plan: Plan, year: int) -> list[Problem]:
    """The plan's dates are in its campaign year and in order: window start, end, its peak inside it;
    deadlines after start. A plan that states no window has none of these to check."""
    window = plan.dated_window
    if window is None:
        return []
    problems = []
    loc: Loc
    for loc, when in ((("window", "start"), window.start), (("window", "end"), window.end)):
        if when.year != year:
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.plan_date_year", date=vn_dates.short(when), year=year, other=when.year),
                )
            )
    for prefix, span in ((("window",), window), (("window", "peak"), window.peak)):
        if span and span.end < span.start:
            loc = (*prefix, "end")
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.end_before_start", end=vn_dates.short(span.end), start=vn_dates.short(span.start)),
                )
            )
    if window.peak and window.start <= window.end and not window.start <= window.peak.start <= window.peak.end <= window.end:
        loc = ("window", "peak")
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.peak_outside_window", peak=window.peak.label, peak_start=vn_dates.short(window.peak.start),
                  peak_end=vn_dates.short(window.peak.end), start=vn_dates.short(window.start), end=vn_dates.short(window.end)),
        ))
    for i, deadline in enumerate(plan.dated_deadlines):
        if deadline.date < window.start:
            loc = ("report_deadlines", i, "date")
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.deadline_before_window", date=vn_dates.short(deadline.date), start=vn_dates.short(window.start)),
                )
            )
    return problems


def unused_documents(source: SourceFile, documents: list[LegalDocument], cited: set[str]) -> list[Problem]:
    """A document no plan and no other document cites is probably a leftover or a typo: a warning."""
    cited = cited | {ref for d in documents for ref in d.basis}
    return [
        source.problem(
            ("documents", i, "id"),
            f"documents[{i}].id",
            plain("check.unused_document", id=doc.id, number=doc.number_symbol),
            "warning",
        )
        for i, doc in enumerate(documents)
        if doc.id not in cited
    ]


def cited_before_plan(source: SourceFile, plan: Plan, documents: dict[str, LegalDocument]) -> list[Problem]:
    """A plan cannot implement a document issued after the plan itself (as far as its date is known)."""
    signed = plan.document.date
    if not isinstance(signed, PartialDate):
        return []
    problems = []
    for i, ref in enumerate(held(plan.legal_basis)):
        doc = documents.get(ref)
        if doc is None or not isinstance(doc.date, PartialDate):
            continue
        if issued_after(doc.date, signed):
            loc = ("legal_basis", i)
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.basis_after_plan", document=citations.short(doc), issued=doc.date.in_sentence(),
                          signed=signed.in_sentence()),
                )
            )
    return problems


def plan_document_refs(source: SourceFile, plan: Plan, documents: Iterable[str]) -> list[Problem]:
    """A plan's legal basis and references must be documents of the registry."""
    documents = list(documents)
    return [
        *known_ids(source, indexed("legal_basis", held(plan.legal_basis)), documents, plain("check.thing.document"), "documents.yaml"),
        *known_ids(source, indexed("references", plan.references), documents, plain("check.thing.document"), "documents.yaml"),
    ]


def plan_year_refs(source: SourceFile, plan: Plan, spec: CampaignFile, year: int) -> list[Problem]:
    """A plan's observances, themes and slogans must be declared in its year's campaign.yaml."""
    year_observances = [y.observance for y in spec.observances]
    year_file = f"{year}/campaign.yaml"
    problems = known_ids(source, indexed("observances", plan.observances), year_observances, plain("check.thing.year_observance"), year_file)
    for kind, name in PHRASE_LISTS.items():
        declared = [p.id for y in spec.observances for p in getattr(y, name)]
        problems += known_ids(source, indexed(name, held(getattr(plan, name))), declared, PHRASE_KINDS_PLURAL[kind], year_file)
    return problems


def plan_qualifiers(source: SourceFile, plan: Plan) -> list[Problem]:
    """`linked_modality` qualifies linked days the plan lists; `inferred` names fields that hold a value."""
    problems = []
    if plan.linked_modality and not plan.linked_observances:
        loc: Loc = ("linked_modality",)
        problems.append(source.problem(loc, format_loc(loc), plain("check.modality_without_days")))
    for i, path in enumerate(plan.inferred):
        if plan.field_value(path) is None or plan.field_value(path) is NOT_KNOWN:
            loc = ("inferred", i)
            problems.append(source.problem(
                loc, format_loc(loc),
                plain("check.inferred_empty", field=path),
            ))
    if plan.linked_observances and plan.linked_modality is None:
        loc = ("linked_observances",)
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.days_without_modality"),
            "warning",
        ))
    return problems


def repeated_refs(source: SourceFile, plan: Plan) -> list[Problem]:
    """An id listed twice in one of a plan's lists is a slip: a warning."""
    problems = []
    for name in ("legal_basis", "references", "observances", "linked_observances", *PHRASE_LISTS.values()):
        values: list[str] = held(getattr(plan, name))
        for i, value in enumerate(values):
            if value in values[:i]:
                loc = (name, i)
                problems.append(source.problem(loc, format_loc(loc), plain("check.repeated_id", id=value), "warning"))
    return problems


_SLOGAN_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")
_YEAR_WORDS = re.compile(r"\bnăm (\d{4})\b")
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def phrase_warnings(source: SourceFile, year: int, days: list[tuple[Observance, YearObservance]]) -> list[Problem]:
    """Likely slips in a year's themes and slogans: a day or year from another campaign, a repeated theme.
    `days` are the year's observances as campaign.yaml lists them."""
    problems = []
    seen: dict[str, str] = {}
    for i, (observance, year_obs) in enumerate(days):
        for kind, name in PHRASE_LISTS.items():
            for j, phrase in enumerate(getattr(year_obs, name)):
                loc = ("observances", i, name, j, "text")
                for match in _SLOGAN_DATE.finditer(phrase.text):
                    day, month, written = int(match[1]), int(match[2]), match[3]
                    if (day, month) != (observance.day, observance.month):
                        problems.append(source.problem(loc, format_loc(loc), plain("check.phrase_other_day", written=match[0], name=observance.name, day=observance.label), "warning"))
                    if written and int(written) != year:
                        problems.append(source.problem(loc, format_loc(loc), plain("check.phrase_other_year", written=written, year=year), "warning"))
                for match in _YEAR_WORDS.finditer(phrase.text):
                    if int(match[1]) != year:
                        problems.append(source.problem(loc, format_loc(loc), plain("check.phrase_other_year_words", written=match[0], year=year), "warning"))
                if kind == "theme":
                    if phrase.text in seen:
                        problems.append(source.problem(loc, format_loc(loc), plain("check.theme_repeated", observance=seen[phrase.text]), "warning"))
                    seen.setdefault(phrase.text, observance.name)
    return problems


def plan_warnings(source: SourceFile, plan: Plan, year: int, days: list[tuple[Observance, YearObservance]]) -> list[Problem]:
    """A plan whose activity window misses an observance day it says it covers (`days`: its year's)."""
    problems: list[Problem] = []
    window = plan.dated_window
    if window is None or window.end < window.start:
        return problems  # nothing to compare, or already an error; a warning on top would only add noise
    by_id = {o.id: o for o, _ in days}
    for i, obs_id in enumerate(plan.observances):
        observance = by_id.get(obs_id)
        if observance is None:
            continue
        day = date(year, observance.month, observance.day)
        if not window.start <= day <= window.end:
            loc = ("observances", i)
            problems.append(
                source.problem(
                    loc,
                    format_loc(loc),
                    plain("check.window_misses_day", start=vn_dates.short(window.start), end=vn_dates.short(window.end),
                          day=observance.label, name=observance.name),
                    "warning",
                )
            )
    return problems


def html_warnings(source: SourceFile) -> list[Problem]:
    """Text that looks like HTML is shown as it is typed, never run: say so, in case it was pasted by mistake."""
    return [
        source.problem(loc, format_loc(loc), plain("check.html_in_text", html=match[0]), "warning")
        for loc, text in source.strings()
        if (match := _HTML.search(text))
    ]


_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp\.?)\s", re.IGNORECASE)


def province_name(source: SourceFile, plan: Plan, seen: dict[str, tuple[str, str]]) -> list[Problem]:
    """Plans are grouped by province: one spelling per province across the site, name only.

    `seen` maps each province's slug to its first spelling and the plan that used it.
    """
    loc = ("issuer", "province")
    name = plan.issuer.province
    if name is None:  # a central body
        return []
    if _PROVINCE_PREFIX.match(name):
        bare = _PROVINCE_PREFIX.sub("", name)
        return [source.problem(loc, format_loc(loc), plain("check.province_prefix", bare=bare, name=name))]
    first = seen.setdefault(ascii_slug(name), (name, source.path))
    if first[0] != name:
        return [
            source.problem(
                loc,
                format_loc(loc),
                plain("check.province_spelling", name=name, first=first[0], file=first[1]),
            )
        ]
    return []


def former_province(source: SourceFile, plan: Plan, year: int) -> list[Problem]:
    """A plan signed on or after 1/7/2025 (by its date, or, undated, by its year) whose issuer's province is
    one the 2025 merger ended (`Hòa Bình`): a warning, since a document may still print the old name."""
    table, name, signed = provinces.arrangement(), plan.issuer.province, plan.document.date
    part = table.merged_into(name) if name else None
    if part is None or name is None:
        return []
    start = table.merged_from
    if isinstance(signed, PartialDate):
        if (signed.year, signed.month or 1, signed.day or 1) < (start.year, start.month, start.day):
            return []  # before 1/7/2025, or perhaps before it (a month or a year only)
        when = plain("check.former_signed", date=signed.in_sentence())
    elif year > start.year:
        when = plain("check.former_year", year=year)
    else:
        return []
    former, unit = part
    loc = ("issuer", "province")
    return [source.problem(loc, format_loc(loc), plain(
        "check.former_province", name=name, former=provinces.called(unit.kind_of(former), former), unit=provinces.called(unit.kind, unit.name),
        unit_name=unit.name, day=vn_dates.short(start), resolution=table.number_symbol, when=when), "warning")]


def registered_plan(source: SourceFile, plan: Plan, documents: dict[str, LegalDocument], linked: dict[str, str]) -> list[Problem]:
    """A plan that is a document of the registry (`document.registry`): the same issuer as the registry
    says, the only plan that is that document, and not its own legal basis. `linked` maps each document
    already taken to the file of its plan."""
    doc_id = plan.document.registry
    if doc_id is None:
        return _registry_twin(source, plan, documents)
    doc = documents.get(doc_id)
    if doc is None:
        return []
    problems = []
    where = plain("check.registry_document", id=doc.id, citation=citations.short(doc))
    if plan.issuer.name != doc.issuer:
        loc: Loc = ("issuer", "name")
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.registry_issuer", issuer=plan.issuer.name, where=where, registered=doc.issuer),
        ))
    if plan.issuer.level != ISSUER_LEVEL_OF[doc.level]:
        loc = ("issuer", "level")
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.registry_level", level=plan.issuer.level, where=where, registered=doc.level, fixed=ISSUER_LEVEL_OF[doc.level]),
        ))
    if doc.id in linked:
        loc = ("document", "registry")
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.registry_taken", where=where, plan=linked[doc.id]),
        ))
    else:
        linked[doc.id] = source.path
    if held(plan.legal_basis) and doc.basis and set(held(plan.legal_basis)) != set(doc.basis):
        loc = ("legal_basis",)
        problems.append(source.problem(
            loc, format_loc(loc),
            plain("check.registry_basis", basis=", ".join(doc.basis), where=where),
        ))
    for field_name in ("legal_basis", "references"):
        for loc, ref in indexed(field_name, getattr(plan, field_name)):
            if ref == doc.id:
                problems.append(source.problem(
                    loc, format_loc(loc),
                    plain("check.registry_cites_itself", where=where),
                ))
    return problems


def _registry_twin(source: SourceFile, plan: Plan, documents: dict[str, LegalDocument]) -> list[Problem]:
    """A plan not linked to the registry that has a registry document's number, symbol and issuer: the same
    document entered twice, whose two records could disagree."""
    number = plan.document.number_symbol
    twin = next((d for d in documents.values() if isinstance(plan.document.number, int) and d.number_symbol == number
                 and d.issuer == plan.issuer.name), None)
    if twin is None:
        return []
    loc: Loc = ("document", "number")
    return [source.problem(
        loc, format_loc(loc),
        plain("check.registry_twin", number=number, issuer=twin.issuer, id=twin.id),
    )]
