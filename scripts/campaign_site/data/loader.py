"""Load every file under `campaigns/`, validate it, and report all problems at once.

Validation is one pipeline: each file is read and checked against its model (its shape, here),
then the cross-file rules of `rules.RULES` run in one pass over every file that parsed, with the
stray files and, when asked, the staff Markdown under docs/. A file that fails only skips what
depends on it, so problems never wait for others to be fixed.

Layout:
    campaigns/site.yaml           the publishing organisation and site settings
    campaigns/documents.yaml      the registry of legal documents
    campaigns/observances.yaml    the days observed every year
    campaigns/<year>/campaign.yaml          the year's themes and slogans per observance
    campaigns/<year>/plans/<plan-id>.yaml   one local plan each; the file name is its id
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from campaign_site.core.file_links import not_a_file, outside
from campaign_site.core.glyphs import GlyphCoverage, banner_coverage
from campaign_site.core.problems import DataError, Problem
from campaign_site.core.yaml_source import SourceFile, YamlSyntaxProblem, load_yaml
from campaign_site.data import activities, checks, html_policy, placeholders, plan_names, rules, unknowns, year_folders
from campaign_site.data.model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile
from campaign_site.data.rules import LISTING, PLAN_ID, SCHEMA_DIR, Context, Parsed, PlanFile, YearFiles
from campaign_site.data.site_data import SiteData
from campaign_site.data.validation_messages import problems_from

__all__ = ["SCHEMA_DIR", "load_site"]

M = TypeVar("M", bound=BaseModel)


def _read(ctx: Context, path: Path, model: type[M]) -> tuple[SourceFile | None, M | None]:
    """Read one file and check its shape, recording its problems; the source is kept even if invalid.

    A plan is read with the registry (`PlanDocument.registry` takes a registered document's facts)."""
    if not_a_file(path):
        return None, None  # reported once, by rules.stray_files
    if not path.is_file():
        ctx.problems.append(ctx.file_problem(path, f"thiếu tệp {path.name}. Hãy tạo tệp này theo HUONG-DAN-BIEN-TAP.md (hướng dẫn cho biên tập viên)."))
        return None, None
    if outside(path, ctx.root.parent):
        return None, None  # reported once, by rules.stray_files
    try:
        source = load_yaml(path, ctx.display(path))
    except YamlSyntaxProblem as exc:
        ctx.problems += exc.problems
        return None, None
    ctx.problems += source.warnings + checks.html_warnings(source) + html_policy.hostile_addresses(source)
    unfilled = placeholders.in_data(source, model) + unknowns.misplaced(source, model)
    if unfilled:
        # Placeholders first: their own messages say more than the type errors they would cause.
        ctx.problems += unfilled
        return source, None
    try:
        context = {"documents": ctx.documents_by_id if ctx.documents else None}
        return source, model.model_validate(source.data, context=context)
    except ValidationError as exc:
        ctx.problems += problems_from(exc, source, model)
        return source, None


def _parse(ctx: Context, path: Path, model: type[M]) -> Parsed[M] | None:
    """Read one file; None (with problems recorded) if it does not have the model's shape."""
    source, value = _read(ctx, path, model)
    return Parsed(source, value) if source is not None and value is not None else None


def _read_all(ctx: Context) -> None:
    """Every data file's shape, into the context: the registries, then each year and its plans."""
    root = ctx.root
    ctx.site = _parse(ctx, root / "site.yaml", SiteFile)
    ctx.documents_source, documents = _read(ctx, root / "documents.yaml", DocumentsFile)
    ctx.documents = Parsed(ctx.documents_source, documents) if ctx.documents_source and documents else None
    ctx.observances_source, observances = _read(ctx, root / "observances.yaml", ObservancesFile)
    ctx.observances = Parsed(ctx.observances_source, observances) if ctx.observances_source and observances else None
    for year_dir in sorted(p for p in root.iterdir() if p.is_dir() and year_folders.year_of(p.name)):
        year = int(year_dir.name)
        ctx.years.append(YearFiles(year, year_dir, _parse(ctx, year_dir / "campaign.yaml", CampaignFile)))
        # Plans are read even when their year is not valid, so every problem shows at once.
        for plan_path in sorted((year_dir / "plans").glob("*.yaml")):
            if not PLAN_ID.match(plan_path.stem) or plan_path.stem == LISTING:
                continue  # misnamed: reported by rules.stray_files
            parsed = _parse(ctx, plan_path, Plan)
            if parsed is not None:
                ctx.plans.append(PlanFile(year, plan_path, parsed))


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
    ctx = Context(root, display_root, coverage or banner_coverage(), docs=docs, docs_display=docs_display)
    if not root.is_dir():
        missing = Problem(display_root, 1, 1, "", "không tìm thấy thư mục dữ liệu.")
        raise DataError([missing, *rules.staff_pages(ctx)])
    _read_all(ctx)
    problems = rules.run(ctx)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    assert ctx.site is not None and ctx.documents is not None and ctx.usable_observances is not None
    campaigns = ctx.campaigns
    for plan in ctx.plans:
        campaigns[plan.year].plans.append(plan.parsed.value.bind(plan.path.stem, plan.year, plan.parsed.source.path))
    for post in ctx.posts:  # checked against their year's plans by rules.activity_posts
        campaign = campaigns[post.year]
        held_under = next(p for p in campaign.plans if p.id == post.front.plan)
        campaign.posts.append(activities.Post(post.year, post.slug, post.display, post.front, post.body, held_under, post.photos))
    for campaign in campaigns.values():
        campaign.posts[:] = activities.newest_first(campaign.posts)
        plan_names.tell_apart(campaign.plans)
    return SiteData(ctx.site.value, ctx.documents_by_id, ctx.usable_observances, campaigns, sorted(problems), root)
