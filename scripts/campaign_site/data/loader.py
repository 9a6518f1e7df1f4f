"""Load every file under `campaigns/`, validate it, and report all problems at once.

Validation is one pipeline: each file is read and checked against its model (its shape, here), with
the activity posts under docs/, into one immutable `rules.Parsed`; then the cross-file rules of
`rules.RULES` run over it in any order, with the stray files and, when asked, the staff Markdown
under docs/. A file that fails only skips what depends on it, so problems never wait for others to
be fixed. Only data with no error is built: each year's `Campaign` with its plans and posts at once.

Layout:
    campaigns/site.yaml           the publishing organisation and site settings
    campaigns/documents.yaml      the registry of legal documents
    campaigns/observances.yaml    the days observed every year
    campaigns/<year>/campaign.yaml          the year's themes and slogans per observance
    campaigns/<year>/plans/<plan-id>.yaml   one local plan each; the file name is its id
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from campaign_site.core.catalogue import plain
from campaign_site.core.file_links import not_a_file, outside
from campaign_site.core.glyphs import GlyphCoverage, banner_coverage
from campaign_site.core.parallel import map_all
from campaign_site.core.problems import DataError, Problem
from campaign_site.core.yaml_source import SourceFile, YamlSyntaxProblem, load_yaml
from campaign_site.data import (
    activities,
    checks,
    html_policy,
    placeholders,
    plan_names,
    rules,
    staff_markdown,
    unknowns,
    year_folders,
)
from campaign_site.data.model import (
    CampaignFile,
    DocumentsFile,
    LegalDocument,
    ObservancesFile,
    Plan,
    PlanIdentity,
    SiteFile,
)
from campaign_site.data.rules import LISTING, PLAN_ID, SCHEMA_DIR, Parsed, ParsedFile, PlanFile, YearFiles
from campaign_site.data.site_data import Campaign, SiteData
from campaign_site.data.validation_messages import problems_from

__all__ = ["SCHEMA_DIR", "load_site"]

M = TypeVar("M", bound=BaseModel)


class _Reader:
    """Reads the files of one load, gathering what reading finds (before any rule runs)."""

    def __init__(self, root: Path, display_root: str) -> None:
        self.root, self.display_root = root, display_root
        self.problems: list[Problem] = []
        self.documents: dict[str, LegalDocument] | None = None
        """The registry, once read: a plan's `document.registry` takes a registered document's facts."""

    def display(self, path: Path) -> str:
        return f"{self.display_root}/{path.relative_to(self.root).as_posix()}"

    def read(self, path: Path, model: type[M]) -> tuple[SourceFile | None, M | None]:
        """Read one file and check its shape, recording its problems; the source is kept even if invalid."""
        source, value, problems = self.read_alone(path, model)
        self.problems += problems
        return source, value

    def read_alone(self, path: Path, model: type[M]) -> tuple[SourceFile | None, M | None, list[Problem]]:
        """`read`, returning the file's problems instead of recording them (so files can be read on every core)."""
        if not_a_file(path):
            return None, None, []  # reported once, by rules.stray_files
        if not path.is_file():
            return None, None, [Problem(self.display(path), 1, 1, "", plain("load.missing_file", name=path.name))]
        if outside(path, self.root.parent):
            return None, None, []  # reported once, by rules.stray_files
        try:
            source = load_yaml(path, self.display(path))
        except YamlSyntaxProblem as exc:
            return None, None, exc.problems
        problems = source.warnings + checks.html_warnings(source) + html_policy.hostile_addresses(source)
        unfilled = placeholders.in_data(source, model) + unknowns.misplaced(source, model)
        if unfilled:
            # Placeholders first: their own messages say more than the type errors they would cause.
            return source, None, problems + unfilled
        try:
            return source, model.model_validate(source.data, context={"documents": self.documents}), problems
        except ValidationError as exc:
            return source, None, problems + problems_from(exc, source, model)

    def parse(self, path: Path, model: type[M]) -> ParsedFile[M] | None:
        """Read one file; None (with problems recorded) if it does not have the model's shape."""
        source, value = self.read(path, model)
        return ParsedFile(source, value) if source is not None and value is not None else None


def read_all(root: Path, display_root: str, font: GlyphCoverage, docs: Path | None, docs_display: str) -> Parsed:
    """Every data file's shape (the registries, then each year and its plans), the activity posts, the staff
    pages, and what the rules need of the disk."""
    reader = _Reader(root, display_root)
    site = reader.parse(root / "site.yaml", SiteFile)
    documents_source, documents = reader.read(root / "documents.yaml", DocumentsFile)
    reader.documents = {d.id: d for d in documents.documents} if documents else None
    observances_source, observances = reader.read(root / "observances.yaml", ObservancesFile)
    years, plans = [], []
    year_dirs = sorted(p for p in root.iterdir() if p.is_dir() and year_folders.year_of(p.name))
    # Plans are read even when their year is not valid, so every problem shows at once; misnamed ones
    # are reported by rules.stray_files. Thousands of plans: read on every core.
    plan_paths = {year_dir: [path for path in sorted((year_dir / "plans").glob("*.yaml"))
                             if PLAN_ID.match(path.stem) and path.stem != LISTING] for year_dir in year_dirs}
    read_plans = _read_plans(reader, [p for paths in plan_paths.values() for p in paths],
                             (root / "documents.yaml").read_bytes() if documents_source is not None else b"")
    for year_dir in year_dirs:
        year = int(year_dir.name)
        years.append(YearFiles(year, year_dir, reader.parse(year_dir / "campaign.yaml", CampaignFile)))
        for plan_path in plan_paths[year_dir]:
            source, plan, problems = read_plans[plan_path]
            reader.problems += problems
            if source is not None and plan is not None:
                plans.append(PlanFile(year, plan_path, source, plan))
    posts, post_problems = activities.read_posts(docs, docs_display) if docs is not None and docs.is_dir() else ([], [])
    registry = ParsedFile(documents_source, documents) if documents_source and documents else None
    misnamed = year_folders.misnamed(root, display_root) + (year_folders.misnamed(docs, docs_display) if docs is not None else [])
    return Parsed(
        root, display_root, font, site, registry, documents_source,
        ParsedFile(observances_source, observances) if observances_source and observances else None, observances_source,
        tuple(years), tuple(plans), tuple(posts),
        (*reader.problems, *post_problems, *misnamed, *staff_problems(docs, docs_display)),
        rules.entries_under(root), rules.present_originals(root, rules.origins(plans, registry)), docs, docs_display,
    )


_PlanRead = tuple[SourceFile | None, Plan | None, list[Problem]]
_kept: dict[tuple[str, bytes, bytes], _PlanRead] = {}
"""The plans this process read last, by path, content and registry: `mkdocs serve` reads again only the
files that changed (and all of them when the registry, which plans take facts from, changed)."""


def _read_plans(reader: _Reader, paths: list[Path], registry: bytes) -> dict[Path, _PlanRead]:
    """Every plan file read and checked, on every core; a file read before with the same content and
    registry (`documents.yaml`'s bytes) is not read again."""
    registry_key = hashlib.sha256(registry).digest()

    def key(path: Path) -> tuple[str, bytes, bytes]:
        return f"{path}{path.is_symlink()}", hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"", registry_key

    keys = {path: key(path) for path in paths}
    missing = [path for path in paths if keys[path] not in _kept]
    read = dict(zip(missing, map_all(lambda path: reader.read_alone(path, Plan), missing), strict=True))
    found = {path: read[path] if path in read else _kept[keys[path]] for path in paths}
    _kept.clear()  # a file saved again while it was read is not kept: its content may not be the one read
    _kept.update({keys[path]: found[path] for path in paths if path not in read or key(path) == keys[path]})
    return found


def staff_problems(docs: Path | None, docs_display: str) -> list[Problem]:
    """The staff Markdown under docs/ but posts: placeholders, front matter, unsafe HTML, hidden characters, links."""
    return staff_markdown.check_docs(docs, docs_display, activities.is_post) if docs is not None else []


def load_site(
    root: Path,
    display_root: str = "campaigns",
    coverage: GlyphCoverage | None = None,
    docs: Path | None = None,
    docs_display: str = "docs",
) -> SiteData:
    """Load and validate all data under `root`, and the staff Markdown under `docs` if given; raise
    DataError listing every problem.

    `coverage` is the characters the banner font can draw (themes, slogans and the site title must
    be printable); the shipped font's when not given, read only then.
    """
    if not root.is_dir():
        missing = Problem(display_root, 1, 1, "", plain("load.no_data_folder"))
        raise DataError([missing, *staff_problems(docs, docs_display)])
    parsed = read_all(root, display_root, coverage or banner_coverage(), docs, docs_display)
    problems = rules.run(parsed)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    assert parsed.site is not None and parsed.usable_observances is not None
    return SiteData(parsed.site.value, parsed.documents_by_id, parsed.usable_observances, _campaigns(parsed), problems, root)


def _campaigns(parsed: Parsed) -> dict[int, Campaign]:
    """Each year with its plans and posts, built in one step from data that has no error."""
    built = {}
    for year, days in parsed.year_days.items():
        records = [f for f in parsed.plans if f.year == year]
        plans = plan_names.tell_apart([f.value.identified(PlanIdentity(f.path.stem, year, f.source.path)) for f in records])
        by_id = {plan.id: plan for plan in plans}
        posts = [activities.Post(p.year, p.slug, p.display, p.front, p.body, by_id[p.front.plan], p.photos)
                 for p in parsed.posts if p.year == year]
        campaign = parsed.sound_years[year]
        built[year] = Campaign(year, campaign.value, campaign.source.path, sorted(days, key=lambda pair: (pair[0].month, pair[0].day)),
                               tuple(plans), tuple(activities.newest_first(posts)))
    return built
