"""The rules that span files, run by the loader in one pass over whatever files parsed.

The loader first reads each file and checks its shape against the model (`loader.py`); every file
that parsed goes into one immutable `Parsed`. Then each rule of `RULES`, a function of `Parsed` alone,
returns its problems, so the rules may run in any order. A rule that needs a file which did not parse
skips what depends on that file only (the plans of a year whose campaign.yaml is broken still have
their dates and documents checked), so one run reports every problem, in campaigns/ and in docs/,
instead of one layer at a time. Rules read nothing else: what they need of the disk (the paths under
campaigns/, which original files exist) was read into `Parsed`, and none reads another's result.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from campaign_site.core.catalogue import plain
from campaign_site.core.file_links import link_problem, not_a_file, outside
from campaign_site.core.glyphs import GlyphCoverage
from campaign_site.core.problems import Problem, Severity, format_loc
from campaign_site.core.slugs import ascii_slug
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data import activities, checks, document_end, form_labels, id_checks, publish_checks, year_folders
from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.model import (
    ORIGINAL_SUFFIXES,
    CampaignFile,
    DocumentsFile,
    LegalDocument,
    Observance,
    ObservancesFile,
    Origin,
    Plan,
    SiteFile,
    YearObservance,
)

T = TypeVar("T")

PLAN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LISTING = "index"
"""The name the year's plan listing takes among the plan pages (`2026/ke-hoach/index.md`)."""
REGISTRIES = ("site.yaml", "documents.yaml", "observances.yaml")
ORIGINALS_DIR = "van-ban"
"""Where original documents (PDF, DOCX…) named by a record's `source.file` are kept."""
SCHEMA_DIR = "_schema"
"""Generated JSON Schemas for editors (scripts/campaign.py schema), next to the data they describe."""


@dataclass(frozen=True)
class ParsedFile(Generic[T]):
    """A file that has the model's shape: its source (for positions) and its value."""

    source: SourceFile
    value: T


@dataclass(frozen=True)
class YearFiles:
    """One year folder; `campaign` is None when its campaign.yaml is missing or not valid."""

    year: int
    directory: Path
    campaign: ParsedFile[CampaignFile] | None


@dataclass(frozen=True)
class PlanFile:
    """A plan file that parsed, in the year folder it was found in; its id is the file's name."""

    year: int
    path: Path
    source: SourceFile
    value: Plan


@dataclass(frozen=True)
class Entry:
    """A path under campaigns/ as reading found it on disk, for the rule about stray files."""

    path: Path
    outside: bool
    """A link, or inside a linked folder, that leads out of the repository."""
    odd: str | None
    """Why it cannot be read as a file (`file_links.not_a_file`), or None."""
    is_dir: bool


def entries_under(root: Path) -> tuple[Entry, ...]:
    """Every path under `root`, in order, as it is on disk now. Only a link, or a path inside a linked folder,
    can lead out: only those are resolved (thousands of plans)."""
    linked = {root} if root.is_symlink() else set()
    entries = []
    for path in sorted(root.rglob("*")):  # a folder comes before what is in it
        if path.is_symlink() or path.parent in linked:
            linked.add(path)
        entries.append(Entry(path, path in linked and outside(path, root.parent), not_a_file(path), path.is_dir()))
    return tuple(entries)


def origins(plans: Sequence[PlanFile], documents: ParsedFile[DocumentsFile] | None) -> list[tuple[SourceFile, Loc, Origin | None]]:
    """Every record that may name an original file (`source.file`), with where that is written."""
    records: list[tuple[SourceFile, Loc, Origin | None]] = [(f.source, ("source", "file"), f.value.origin) for f in plans]
    if documents:
        records += [(documents.source, ("documents", i, "source", "file"), d.origin)
                    for i, d in enumerate(documents.value.documents)]
    return records


def present_originals(root: Path, records: list[tuple[SourceFile, Loc, Origin | None]]) -> frozenset[str]:
    """The original files the records name that are regular files inside `root`, as they are on disk now."""
    return frozenset(
        origin.file for _, _, origin in records
        if origin is not None and origin.file is not None
        and not outside(root / origin.file, root) and (root / origin.file).is_file()
    )


@dataclass(frozen=True)
class Parsed:
    """Everything the loader read, before any rule runs: every file under campaigns/ that has its model's
    shape, the activity posts under docs/ whose front matter has its shape, and the problems found while
    reading. Immutable: rules only read it, so they may run in any order. The derived values below are
    functions of the files alone, computed when first asked for."""

    root: Path
    display_root: str
    font: GlyphCoverage
    """The characters the banner font can draw (passed in: see `glyphs.banner_coverage`)."""
    site: ParsedFile[SiteFile] | None
    documents: ParsedFile[DocumentsFile] | None
    documents_source: SourceFile | None
    """documents.yaml as read, even when it is not valid: plans are checked against the ids it spells out."""
    observances: ParsedFile[ObservancesFile] | None
    observances_source: SourceFile | None
    years: tuple[YearFiles, ...]
    plans: tuple[PlanFile, ...]
    posts: tuple[activities.PostFile, ...]
    """The activity posts under docs/<year>/hoat-dong/ whose front matter has its shape."""
    problems: tuple[Problem, ...]
    """What reading found: syntax, shapes, placeholders, each post's own problems, the staff pages' problems
    and folders named like a year that are not one."""
    entries: tuple[Entry, ...]
    """Every path under campaigns/."""
    originals: frozenset[str]
    """The original files (`source.file`) records name that exist under campaigns/."""
    docs: Path | None = None
    """The staff Markdown folder to check too, or None."""
    docs_display: str = "docs"

    def display(self, path: Path) -> str:
        return f"{self.display_root}/{path.relative_to(self.root).as_posix()}"

    def file_problem(self, path: Path, message: str, severity: Severity = "error") -> Problem:
        return Problem(self.display(path), 1, 1, "", message, severity)

    @cached_property
    def documents_by_id(self) -> dict[str, LegalDocument]:
        return {d.id: d for d in self.documents.value.documents} if self.documents else {}

    @cached_property
    def document_ids(self) -> list[str] | None:
        """Ids plans may cite: from the registry, or, if it has errors, from whatever ids it spells out."""
        return list(self.documents_by_id) if self.documents else _raw_ids(self.documents_source, "documents")

    @cached_property
    def observance_ids(self) -> list[str] | None:
        """Ids years may use, read the same way as `document_ids`."""
        if self.observances:
            return [o.id for o in self.observances.value.observances]
        return _raw_ids(self.observances_source, "observances")

    @cached_property
    def observance_problems(self) -> list[Problem]:
        if not self.observances:
            return []
        return checks.check_observances(self.observances.source, self.observances.value.observances)

    @cached_property
    def usable_observances(self) -> dict[str, Observance] | None:
        """The observances by id, or None when the registry did not parse or has a problem: an
        impossible day cannot be placed in any year, so then years are not built from any of them."""
        if not self.observances or self.observance_problems:
            return None
        return {o.id: o for o in self.observances.value.observances}

    @cached_property
    def year_problems(self) -> dict[int, list[Problem]]:
        """The problems of each year's campaign.yaml that parsed: ids, characters, observances."""
        return {y.year: _year_problems(self, y.year, y.campaign) for y in self.years if y.campaign}

    @cached_property
    def sound_years(self) -> dict[int, ParsedFile[CampaignFile]]:
        """Each year whose campaign.yaml parsed and has no error of its own."""
        return {
            y.year: y.campaign
            for y in self.years
            if y.campaign and not any(p.severity == "error" for p in self.year_problems[y.year])
        }

    @cached_property
    def year_days(self) -> dict[int, list[tuple[Observance, YearObservance]]]:
        """The observances of each year that can be built (campaign.yaml sound, observances usable), as
        campaign.yaml lists them, each under the name that year's documents use, if they use another
        (`YearObservance.name`)."""
        observances = self.usable_observances
        if observances is None:
            return {}
        return {
            year: [(observances[y.observance].named(y.name), y) for y in campaign.value.observances]
            for year, campaign in self.sound_years.items()
        }


def _raw_ids(source: SourceFile | None, key: str) -> list[str] | None:
    """The `id` values of a list in a file that did not validate; None if they cannot be read."""
    items = source.data.get(key) if source is not None else None
    if not isinstance(items, list):
        return None
    return [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]


def _year_problems(parsed: Parsed, year: int, campaign: ParsedFile[CampaignFile]) -> list[Problem]:
    source, spec = campaign.source, campaign.value
    refs = [(("observances", i, "observance"), y.observance) for i, y in enumerate(spec.observances)]
    problems = id_checks.unique_ids(source, refs, plain("check.thing.observance_entry"))
    phrases = [
        (("observances", i, name, j), phrase)
        for i, y in enumerate(spec.observances)
        for name in PHRASE_LISTS.values()
        for j, phrase in enumerate(getattr(y, name))
    ]
    # One id per phrase of the year, whatever its kind: banner files and plans find a phrase by its id alone.
    problems += id_checks.unique_ids(source, [((*loc, "id"), p.id) for loc, p in phrases], plain("check.thing.phrase"))
    problems += checks.unprintable(source, [((*loc, "text"), p.text) for loc, p in phrases], parsed.font)
    if parsed.observance_ids is not None:
        problems += id_checks.known_ids(source, refs, parsed.observance_ids, plain("check.thing.observance"), "observances.yaml")
    by_id = {o.id: o for o in parsed.observances.value.observances} if parsed.observances else {}
    for loc, obs_id in refs:
        observance = by_id.get(obs_id)
        if observance and (observance.month, observance.day) == (2, 29) and not calendar.isleap(year):
            problems.append(source.problem(loc, format_loc(loc), plain("check.no_29_february", year=year)))
    return problems


# The rules. Each takes what was parsed and returns its problems.

def stray_files(parsed: Parsed) -> list[Problem]:
    """Files staff may have misplaced or misnamed are errors, not silently ignored."""
    problems = []
    for entry in parsed.entries:
        path = entry.path
        if entry.outside:
            problems.append(link_problem(parsed.display(path)))
            continue
        if path.name.startswith(".") and path.suffix in (".yaml", ".yml"):
            problems.append(parsed.file_problem(
                path,
                plain("check.hidden_file", name=path.name, fixed=path.name.lstrip(".")),
                "warning",
            ))
        rel = path.relative_to(parsed.root).parts
        odd = entry.odd
        if odd and (not entry.is_dir or path.suffix in (".yaml", ".yml")):
            problems.append(parsed.file_problem(path, odd))
        if odd or path.name.startswith(".") or rel[0].isdecimal() and year_folders.year_of(rel[0]) is None:
            continue  # not a file, a hidden file, or inside a misnamed year folder (see `year_folders.misnamed`, read with the files)
        if path.suffix == ".yml":
            problems.append(parsed.file_problem(path, plain("check.yml_suffix", stem=path.stem)))
        elif len(rel) == 1 and rel[0] in REGISTRIES or rel[0] == SCHEMA_DIR:
            continue
        elif rel[0] == ORIGINALS_DIR and path.suffix.lower() in ORIGINAL_SUFFIXES:
            continue
        elif rel[0] == ORIGINALS_DIR:
            problems.append(parsed.file_problem(path, plain("check.originals_only", folder=ORIGINALS_DIR)))
        elif year_folders.year_of(rel[0]) is None:
            problems.append(parsed.file_problem(path, plain("check.misplaced_in_root")))
        elif rel[1:] == ("campaign.yaml",):
            continue
        elif len(rel) == 3 and rel[1] == "plans" and path.suffix == ".yaml":
            if not PLAN_ID.match(path.stem):
                problems.append(parsed.file_problem(
                    path,
                    plain("check.plan_file_name", name=path.name, fixed=ascii_slug(path.stem) or "ke-hoach"),
                ))
            elif path.stem == LISTING:
                problems.append(parsed.file_problem(
                    path,
                    plain("check.plan_file_listing", name=path.name),
                ))
        else:
            problems.append(parsed.file_problem(path, plain("check.misplaced_in_year")))
    return problems


def some_year(parsed: Parsed) -> list[Problem]:
    """The site needs at least one year folder."""
    if parsed.years:
        return []
    return [parsed.file_problem(parsed.root / "site.yaml", plain("check.no_year"))]


def site_settings(parsed: Parsed) -> list[Problem]:
    """site.yaml: banner size ids, a title the share image can print, settings to finish before publishing."""
    if not parsed.site:
        return []
    source, site = parsed.site.source, parsed.site.value
    sizes = [(("banners", "sizes", i, "id"), size.id) for i, size in enumerate(site.banners.sizes)]
    return [
        *id_checks.unique_ids(source, sizes, plain("check.thing.banner_size")),
        # The site's title is printed on every share image, in the banner font.
        *checks.unprintable(source, [(("site", "title"), site.site.title)], parsed.font),
        *(source.problem(loc, name, message, "warning") for loc, name, message in publish_checks.unfinished_settings(site)),
    ]


def document_registry(parsed: Parsed) -> list[Problem]:
    """documents.yaml: unique ids and numbers, the documents each one implements."""
    return checks.check_documents(parsed.documents.source, parsed.documents.value.documents) if parsed.documents else []


def observance_registry(parsed: Parsed) -> list[Problem]:
    """observances.yaml: unique ids, days that exist."""
    return parsed.observance_problems


def year_files(parsed: Parsed) -> list[Problem]:
    """Each campaign.yaml: ids unique across every phrase kind, phrases the banner font can draw, observances
    that exist and fall in the year."""
    return [p for problems in parsed.year_problems.values() for p in problems]


def phrase_slips(parsed: Parsed) -> list[Problem]:
    """Themes and slogans of each year that can be built: days and years from another campaign."""
    return [
        p
        for year, days in parsed.year_days.items()
        for p in checks.phrase_warnings(parsed.sound_years[year].source, year, days)
    ]


def plan_dates(parsed: Parsed) -> list[Problem]:
    """Each plan's dates: in its folder's year, and in order."""
    return [p for f in parsed.plans for p in checks.check_plan_dates(f.source, f.value, f.year)]


def plan_endings(parsed: Parsed) -> list[Problem]:
    """The closing and `Nơi nhận` of each plan: in their own fields, never an item of a list."""
    return [p for f in parsed.plans for p in document_end.closing_in_lists(f.source, f.value)]


def province_names(parsed: Parsed) -> list[Problem]:
    """One spelling per province across every plan of every year."""
    seen: dict[str, tuple[str, str]] = {}
    return [p for f in parsed.plans for p in checks.province_name(f.source, f.value, seen)]


def former_provinces(parsed: Parsed) -> list[Problem]:
    """A plan signed since 1/7/2025 whose issuer's province the 2025 merger ended (a warning)."""
    return [p for f in parsed.plans for p in checks.former_province(f.source, f.value, f.year)]


def plan_documents(parsed: Parsed) -> list[Problem]:
    """Documents plans cite: in the registry (as far as it can be read), issued before the plan; a plan that
    is a registered document agrees with the registry and is that document's only plan."""
    problems = []
    for f in parsed.plans:
        if parsed.document_ids is not None:
            problems += checks.plan_document_refs(f.source, f.value, parsed.document_ids)
        problems += checks.cited_before_plan(f.source, f.value, parsed.documents_by_id)
    linked: dict[str, str] = {}
    for f in parsed.plans:
        problems += checks.registered_plan(f.source, f.value, parsed.documents_by_id, linked)
    return problems


def plan_years(parsed: Parsed) -> list[Problem]:
    """Observances, themes and slogans plans cite: declared in their year's campaign.yaml, once that file
    has no error of its own (a misspelt id there must not make its plans look wrong, or suggest the slip)."""
    specs = parsed.sound_years
    problems = [
        p
        for f in parsed.plans
        if f.year in specs
        for p in checks.plan_year_refs(f.source, f.value, specs[f.year].value, f.year)
    ]
    if parsed.observance_ids is not None:  # linked days may be any observance of the registry
        for f in parsed.plans:
            refs = id_checks.indexed("linked_observances", f.value.linked_observances)
            problems += id_checks.known_ids(f.source, refs, parsed.observance_ids, plain("check.thing.observance"), "observances.yaml")
    return problems


def repeated_refs(parsed: Parsed) -> list[Problem]:
    """An id listed twice in a plan (a warning)."""
    return [p for f in parsed.plans for p in checks.repeated_refs(f.source, f.value)]


def plan_qualifiers(parsed: Parsed) -> list[Problem]:
    """How a plan words its linked days, and which of its values are inferred."""
    return [p for f in parsed.plans for p in checks.plan_qualifiers(f.source, f.value)]


def plan_windows(parsed: Parsed) -> list[Problem]:
    """A plan's window that misses an observance day it covers (a warning), in the years that can be built."""
    return [
        p
        for f in parsed.plans
        if f.year in parsed.year_days
        for p in checks.plan_warnings(f.source, f.value, f.year, parsed.year_days[f.year])
    ]


_MARKUP_IN_NAMES = "\"'<>{}`&"
"""Characters that would end or change the `download` attribute a file's name is written into."""


def original_files(parsed: Parsed) -> list[Problem]:
    """A record's original file (`source.file`) is kept under campaigns/van-ban/, exists, and has a name
    with no character that HTML or an attribute list reads."""
    problems = []
    for source, loc, origin in origins(parsed.plans, parsed.documents):
        if origin is None or origin.file is None:
            continue
        if odd := sorted(set(origin.file) & set(_MARKUP_IN_NAMES)):
            problems.append(source.problem(
                loc, format_loc(loc),
                plain("check.original_name_characters", file=origin.file, characters=", ".join(f"`{c}`" for c in odd)),
            ))
        elif not origin.file.startswith(f"{ORIGINALS_DIR}/") or origin.file not in parsed.originals:
            problems.append(source.problem(
                loc, format_loc(loc),
                plain("check.original_missing", file=origin.file, folder=ORIGINALS_DIR, name=Path(origin.file).name),
            ))
    return problems


def unused_documents(parsed: Parsed) -> list[Problem]:
    """Documents nothing cites (a warning). They count only once campaigns/ has no error (`AFTER_SOUND_DATA`):
    until then, a plan that did not load or cites a misspelt id would make its documents look unused."""
    if not parsed.documents:
        return []
    cited = {ref for f in parsed.plans for ref in f.value.cited_documents}
    cited |= {f.value.document.registry for f in parsed.plans if f.value.document.registry}
    return checks.unused_documents(parsed.documents.source, parsed.documents.value.documents, cited)


def activity_posts(parsed: Parsed) -> list[Problem]:
    """Activity posts under docs/<year>/hoat-dong/ against their year: a plan of that year, its observances
    (once its campaign.yaml has no error of its own). The rest of a post is checked as it is read."""
    plans: dict[int, list[str]] = {}
    for plan in parsed.plans:
        plans.setdefault(plan.year, []).append(plan.path.stem)
    sound = parsed.sound_years
    facts = {
        y.year: activities.YearFacts(
            plans.get(y.year, []),
            [o.observance for o in sound[y.year].value.observances] if y.year in sound else None,
        )
        for y in parsed.years
    }
    return [p for post in parsed.posts for p in activities.check_against_year(post, facts.get(post.year))]


Rule = Callable[[Parsed], list[Problem]]

RULES: tuple[Rule, ...] = (
    stray_files,
    some_year,
    site_settings,
    document_registry,
    observance_registry,
    year_files,
    phrase_slips,
    plan_dates,
    plan_endings,
    province_names,
    former_provinces,
    original_files,
    plan_documents,
    plan_years,
    repeated_refs,
    plan_qualifiers,
    plan_windows,
    unused_documents,
    activity_posts,
)
"""Every rule across files. Each reads only `Parsed`, so their order does not matter."""

AFTER_SOUND_DATA: frozenset[Rule] = frozenset({unused_documents})
"""Rules whose problems count only when no file under campaigns/ has an error (nor any other rule found one there)."""


def run(parsed: Parsed, rules: Sequence[Rule] = RULES) -> list[Problem]:
    """Every problem: what reading found, then each rule's, in the order of the problems (file, line…)."""
    found = {rule: rule(parsed) for rule in rules}
    problems = [*parsed.problems, *(p for rule, some in found.items() if rule not in AFTER_SOUND_DATA for p in some)]
    if not _data_errors(problems, parsed.display_root):
        problems += [p for rule, some in found.items() if rule in AFTER_SOUND_DATA for p in some]
    return sorted(form_labels.labelled(problems, parsed.display_root))


def _data_errors(problems: list[Problem], display_root: str) -> bool:
    """Whether any of `problems` is an error in campaigns/ (not in docs/)."""
    return any(p.severity == "error" and p.file.startswith(f"{display_root}/") for p in problems)
