"""Load every file under `campaigns/`, validate it, and report all problems at once.

Layout:
    campaigns/site.yaml           the publishing organisation and site settings
    campaigns/documents.yaml      the registry of legal documents
    campaigns/observances.yaml    the days observed every year
    campaigns/<year>/campaign.yaml          the year's themes and slogans per observance
    campaigns/<year>/plans/<plan-id>.yaml   one local plan each; the file name is its id
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import checks, placeholders, publishing
from .file_links import link_problem, outside
from .messages import problems_from
from .model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile
from .problems import DataError, Problem, Severity, format_loc
from .site_data import Campaign, SiteData
from .slugs import ascii_slug
from .yaml_source import SourceFile, YamlSyntaxProblem, load_yaml

M = TypeVar("M", bound=BaseModel)

_YEAR = re.compile(r"^\d{4}$")
_PLAN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LISTING = "index"
"""The name the year's plan listing takes among the plan pages (`2026/ke-hoach/index.md`)."""
_REGISTRIES = ("site.yaml", "documents.yaml", "observances.yaml")
SCHEMA_DIR = "_schema"
"""Generated JSON Schemas for editors (scripts/campaign.py schema), next to the data they describe."""


class _Session:
    """Collects problems while reading one campaigns directory."""

    def __init__(self, root: Path, display_root: str) -> None:
        self.root = root
        self.display_root = display_root
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        return f"{self.display_root}/{path.relative_to(self.root).as_posix()}"

    def file_problem(self, path: Path, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(self.display(path), 1, 1, "", message, severity))

    def read(self, path: Path, model: type[M]) -> tuple[SourceFile | None, M | None]:
        """Read and validate one file, recording its problems; the source is kept even if invalid."""
        if not path.is_file():
            self.file_problem(path, f"thiếu tệp {path.name}. Hãy tạo tệp này theo mẫu trong README.")
            return None, None
        if outside(path, self.root.parent):
            return None, None  # reported once, by _stray_files
        try:
            source = load_yaml(path, self.display(path))
        except YamlSyntaxProblem as exc:
            self.problems += exc.problems
            return None, None
        self.problems += source.warnings + checks.html_warnings(source)
        unfilled = placeholders.in_data(source)
        if unfilled:
            # Placeholders first: their own messages say more than the type errors they would cause.
            self.problems += unfilled
            return source, None
        try:
            return source, model.model_validate(source.data)
        except ValidationError as exc:
            self.problems += problems_from(exc, source, model)
            return source, None

    def parse(self, path: Path, model: type[M]) -> tuple[SourceFile, M] | None:
        """Read and validate one file; None (with problems recorded) if it is not valid."""
        source, value = self.read(path, model)
        return (source, value) if source is not None and value is not None else None


def _stray_files(session: _Session, root: Path) -> None:
    """Files staff may have misplaced or misnamed are errors, not silently ignored."""
    for path in sorted(root.rglob("*")):
        if outside(path, root.parent):
            session.problems.append(link_problem(session.display(path)))
            continue
        if path.name.startswith(".") and path.suffix in (".yaml", ".yml"):
            session.file_problem(
                path,
                f"tệp `{path.name}` có tên bắt đầu bằng dấu chấm nên bị bỏ qua (tệp ẩn). "
                f"Nếu đây là dữ liệu, hãy đổi tên thành `{path.name.lstrip('.')}`.",
                "warning",
            )
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(root).parts
        if path.suffix == ".yml":
            session.file_problem(path, f"đuôi tệp phải là .yaml. Hãy đổi tên thành {path.stem}.yaml.")
        elif len(rel) == 1 and rel[0] in _REGISTRIES or rel[0] == SCHEMA_DIR:
            continue
        elif len(rel) >= 1 and not _YEAR.match(rel[0]):
            session.file_problem(path, "tệp hoặc thư mục không đúng chỗ: trong campaigns/ chỉ có site.yaml, documents.yaml, observances.yaml, _schema/ và các thư mục năm (ví dụ 2026/).")
        elif rel[1:] == ("campaign.yaml",):
            continue
        elif len(rel) == 3 and rel[1] == "plans" and path.suffix == ".yaml":
            if not _PLAN_ID.match(path.stem):
                session.file_problem(
                    path,
                    f"tên tệp kế hoạch `{path.name}` dùng làm địa chỉ trang nên chỉ được gồm chữ thường không dấu, "
                    f"số và dấu gạch ngang. Hãy đổi tên thành `{ascii_slug(path.stem) or 'ke-hoach'}.yaml`.",
                )
            elif path.stem == _LISTING:
                session.file_problem(
                    path,
                    f"tên tệp `{path.name}` dành cho trang danh sách kế hoạch của năm. "
                    "Hãy đặt tên theo cơ quan ban hành, ví dụ `ubnd-xa-binh-thanh.yaml`.",
                )
        else:
            session.file_problem(path, "tệp không đúng chỗ: trong thư mục năm chỉ có campaign.yaml và các tệp .yaml trong plans/.")


def load_site(root: Path, display_root: str = "campaigns") -> SiteData:
    """Load and validate all data under `root`; raise DataError listing every problem."""
    session = _Session(root, display_root)
    if not root.is_dir():
        raise DataError([Problem(display_root, 1, 1, "", "không tìm thấy thư mục dữ liệu.")])
    _stray_files(session, root)

    site = session.parse(root / "site.yaml", SiteFile)
    if site:
        sizes = [(("banners", "sizes", i, "id"), size.id) for i, size in enumerate(site[1].banners.sizes)]
        session.problems += checks.unique_ids(site[0], sizes, "một khổ băng rôn")
        # The site's title is printed on every share image, in the banner font.
        session.problems += checks.unprintable(site[0], [(("site", "title"), site[1].site.title)])
        session.problems += [
            site[0].problem(loc, field, message, "warning") for loc, field, message in publishing.unfinished_settings(site[1])
        ]
    docs_source, docs_file = session.read(root / "documents.yaml", DocumentsFile)
    docs = (docs_source, docs_file) if docs_source and docs_file else None
    obs = session.parse(root / "observances.yaml", ObservancesFile)
    documents = {d.id: d for d in docs[1].documents} if docs else {}
    # Ids plans may cite: from the registry, or, if it has errors, from whatever ids it spells out.
    document_ids = list(documents) if docs else _raw_ids(docs_source, "documents")
    observances = {o.id: o for o in obs[1].observances} if obs else {}
    if docs:
        session.problems += checks.check_documents(docs[0], docs[1].documents)
    if obs:
        observance_problems = checks.check_observances(obs[0], obs[1].observances)
        session.problems += observance_problems
        if observance_problems:
            # An impossible day cannot be placed in any year: use none of the observances.
            obs, observances = None, {}

    campaigns: dict[int, Campaign] = {}
    provinces: dict[str, tuple[str, str]] = {}
    year_dirs = sorted(p for p in root.iterdir() if p.is_dir() and _YEAR.match(p.name))
    if not year_dirs:
        session.file_problem(root / "site.yaml", "chưa có năm nào: hãy tạo thư mục năm, ví dụ campaigns/2026/ với campaign.yaml.")
    for year_dir in year_dirs:
        campaign = _load_year(session, year_dir, observances, bool(obs))
        if campaign:
            campaigns[campaign.year] = campaign
        # Plans are validated even when their year is not, so every problem shows at once.
        for plan_path in sorted((year_dir / "plans").glob("*.yaml")):
            if not _PLAN_ID.match(plan_path.stem) or plan_path.stem == _LISTING:
                continue
            parsed = session.parse(plan_path, Plan)
            if parsed is None:
                continue
            source, plan = parsed
            session.problems += checks.check_plan_dates(source, plan, int(year_dir.name))
            session.problems += checks.province_name(source, plan, provinces)
            if campaign:
                campaign.plans.append(plan.bind(plan_path.stem, campaign.year, source.path))
                session.problems += checks.check_plan_refs(source, plan, campaign, document_ids)
                session.problems += checks.cited_before_plan(source, plan, documents)
                session.problems += checks.plan_warnings(source, plan, campaign)

    if docs and not any(p.severity == "error" for p in session.problems):
        # Only when every plan loaded: otherwise a plan with an error would make its documents look unused.
        cited = {ref for c in campaigns.values() for p in c.plans for ref in p.legal_basis + p.references}
        session.problems += checks.unused_documents(docs[0], docs[1].documents, cited)

    errors = [p for p in session.problems if p.severity == "error"]
    if errors:
        raise DataError(session.problems)
    assert site is not None
    return SiteData(site[1], documents, observances, campaigns, sorted(session.problems))


def _raw_ids(source: SourceFile | None, key: str) -> list[str] | None:
    """The `id` values of a list in a file that did not validate; None if they cannot be read."""
    items = source.data.get(key) if source is not None else None
    if not isinstance(items, list):
        return None
    return [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]


def _load_year(session: _Session, year_dir: Path, observances: dict, check_refs: bool) -> Campaign | None:
    parsed = session.parse(year_dir / "campaign.yaml", CampaignFile)
    if not parsed:
        return None
    source, spec = parsed
    refs = [(("observances", i, "observance"), y.observance) for i, y in enumerate(spec.observances)]
    problems = checks.unique_ids(source, refs, "một mục ngày kỷ niệm")
    phrases = [
        (("observances", i, kind, j), phrase)
        for i, y in enumerate(spec.observances)
        for kind in ("themes", "slogans")
        for j, phrase in enumerate(getattr(y, kind))
    ]
    problems += checks.unique_ids(source, [((*loc, "id"), p.id) for loc, p in phrases], "chủ đề hoặc khẩu hiệu")
    problems += checks.unprintable(source, [((*loc, "text"), p.text) for loc, p in phrases])
    if check_refs:
        problems += checks.known_ids(source, refs, observances, "ngày kỷ niệm", "observances.yaml")
    year = int(year_dir.name)
    for loc, obs_id in refs:
        observance = observances.get(obs_id)
        if observance and (observance.month, observance.day) == (2, 29) and not calendar.isleap(year):
            problems.append(source.problem(loc, format_loc(loc), f"năm {year} không có ngày 29/2. Hãy bỏ ngày kỷ niệm này khỏi năm {year}."))
    session.problems += problems
    if any(p.severity == "error" for p in problems) or not check_refs:
        return None
    pairs = [(observances[y.observance], y) for y in spec.observances]
    pairs.sort(key=lambda pair: (pair[0].month, pair[0].day))
    campaign = Campaign(year, spec, source.path, pairs)
    session.problems += checks.phrase_warnings(source, campaign)
    return campaign
