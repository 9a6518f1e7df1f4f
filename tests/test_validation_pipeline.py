"""Validation is one pipeline: every file's shape, then every cross-file rule in one pass, so one run
reports every problem (campaigns/ and docs/ alike); the banner font's characters are passed in."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, line_of, replace_in

from campaign_site.core.glyphs import GlyphCoverage, banner_coverage
from campaign_site.core.problems import Problem
from campaign_site.core.yaml_source import parse_yaml
from campaign_site.data import checks, rules
from campaign_site.data.loader import load_site, read_all
from campaign_site.data.model import PlanIdentity
from campaign_site.site_build import check_data

LAI_CHAU = "campaigns/2026/plans/so-khcn-lai-chau.yaml"
LANG_SON = "campaigns/2026/plans/so-khcn-lang-son.yaml"
CAMPAIGN_2026 = "campaigns/2026/campaign.yaml"
CAMPAIGN_2025 = "campaigns/2025/campaign.yaml"
WITHOUT_U_HORN = GlyphCoverage("Phông thử", frozenset(range(0x3000)) - {ord("ư"), ord("Ư")})
"""A font that has every common letter but «ư»."""


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A private copy of campaigns/ and docs/, the only inputs validation reads."""
    for folder in ("campaigns", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def found(problems: tuple[Problem, ...] | list[Problem], root: Path, file: str, needle: str, message: str) -> bool:
    """Whether an error in `file`, on the line holding `needle`, says `message`."""
    line = line_of(root / file, needle)
    return any(p.file == file and p.line == line and p.severity == "error" and message in p.message for p in problems)


def test_problems_in_different_files_and_layers_are_reported_in_one_run(inputs: Path) -> None:
    """Each pair below used to show one problem and hide the other until the first was fixed."""
    # A file of the wrong shape, a stray file, and a placeholder in the staff Markdown: the Markdown
    # was checked only once campaigns/ had no error.
    replace_in(inputs / LAI_CHAU, "place: Lai Châu", "place: Lai Châu\nwebsite: x")
    (inputs / "campaigns/ghi-chu.txt").write_text("x\n", encoding="utf-8")
    (inputs / "docs/lien-he.md").write_text("# Liên hệ\n\nĐiện thoại: CẦN ĐIỀN số điện thoại\n", encoding="utf-8")
    # A character banners cannot print in 2026/campaign.yaml hid the unknown document a 2026 plan cites.
    replace_in(inputs / CAMPAIGN_2026, "text: Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4",
               "text: 🎉 Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4")
    replace_in(inputs / LANG_SON, "  - cv-440-shtt-2026\n", "  - cv-9999-khong-co\n")
    # An impossible day in observances.yaml hid a misspelt observance in 2025/campaign.yaml.
    replace_in(inputs / "campaigns/observances.yaml", "day: 26", "day: 31")
    replace_in(inputs / CAMPAIGN_2025, "observance: ngay-sang-tao", "observance: ngay-sang-tac")

    build = check_data(inputs, WITHOUT_U_HORN)

    assert not build.ok and build.data is None
    problems = build.problems
    report = build.report()
    assert found(problems, inputs, LAI_CHAU, "website: x", "trường `website` không có trong mẫu dữ liệu"), report
    assert any(p.file == "campaigns/ghi-chu.txt" and "không đúng chỗ" in p.message for p in problems), report
    assert found(problems, inputs, "docs/lien-he.md", "CẦN ĐIỀN", "chưa điền: «Điện thoại: CẦN ĐIỀN số điện thoại»"), report
    assert found(problems, inputs, CAMPAIGN_2026, "🎉", "«🎉» (U+1F389)"), report
    assert found(problems, inputs, LANG_SON, "cv-9999-khong-co", "không có văn bản nào mang mã `cv-9999-khong-co`"), report
    assert found(problems, inputs, "campaigns/observances.yaml", "day: 31", "ngày 31/4 không có trong năm"), report
    assert found(problems, inputs, CAMPAIGN_2025, "ngay-sang-tac", "Có phải bạn muốn viết `ngay-sang-tao`?"), report


def test_a_plan_is_still_checked_against_the_documents_when_its_year_has_an_error(inputs: Path) -> None:
    replace_in(inputs / CAMPAIGN_2026, "id: dmst-chuyen-doi-nhanh-hon", "id: ĐMST chuyển đổi")
    replace_in(inputs / LAI_CHAU, "  - cv-2341-bkhcn-2026", "  - cv-2341-bkhcn-2062")
    problems = check_data(inputs).problems
    assert any(p.file == CAMPAIGN_2026 and "Gợi ý" in p.message for p in problems), problems
    assert found(problems, inputs, LAI_CHAU, "cv-2341-bkhcn-2062", "Có phải bạn muốn viết `cv-2341-bkhcn-2026`?"), problems


def test_valid_inputs_give_the_same_data_with_any_font_that_has_their_characters(inputs: Path) -> None:
    everything = GlyphCoverage("Phông thử", frozenset(range(0x3000)))
    build = check_data(inputs, everything)
    assert build.ok and build.data is not None, build.report()
    assert sorted(build.data.campaigns) == [2025, 2026]
    assert [p.field for p in build.problems] == ["site.base_url", "organisation.contact"]


UNCITED = """
  - id: cv-1-khong-ai-dan
    type: Công văn
    number_symbol: 1/SKHCN-VP
    date: 01/3/2026
    issuer: Sở Khoa học và Công nghệ tỉnh Lạng Sơn
    level: province
"""
ORDERS = [tuple(reversed(rules.RULES)), *(tuple(random.Random(seed).sample(rules.RULES, len(rules.RULES))) for seed in range(4))]
"""The rules backwards, and shuffled four ways."""


def uncited(problem: Problem) -> bool:
    return "`cv-1-khong-ai-dan`" in problem.message and "không được kế hoạch hay văn bản nào dẫn chiếu" in problem.message


def parsed(root: Path) -> rules.Parsed:
    return read_all(root / "campaigns", "campaigns", banner_coverage(), root / "docs", "docs")


def test_the_rules_find_the_same_problems_in_any_order(inputs: Path) -> None:
    """Every rule reads only what was parsed: none waits for another, none writes what another reads, none
    looks at the disk again (the files change below, and the first parse still gives the same problems)."""
    with (inputs / "campaigns/documents.yaml").open("a", encoding="utf-8") as registry:
        registry.write(UNCITED)
    clean = parsed(inputs)
    in_order = rules.run(clean)
    assert [p.field for p in in_order if uncited(p)] == ["documents[10].id"], in_order
    # Errors for many rules at once: a stray file, a phrase id reused, a date outside the year, an unknown
    # document, a post under a plan that does not exist, a placeholder in a staff page.
    (inputs / "campaigns/ghi-chu.txt").write_text("x\n", encoding="utf-8")
    replace_in(inputs / CAMPAIGN_2026, "id: dmst-chuyen-doi-nhanh-hon", "id: dmst-hanh-dong-dot-pha")
    replace_in(inputs / LAI_CHAU, "start: 18/4/2026", "start: 18/4/2025")
    replace_in(inputs / LANG_SON, "  - cv-440-shtt-2026\n", "  - cv-9999-khong-co\n")
    (inputs / "docs/2026/hoat-dong").mkdir()
    (inputs / "docs/2026/hoat-dong/hoi-thao.md").write_text(
        "---\ntitle: Hội thảo\ndate: 21/4/2026\nplan: so-khcn-lang-so\nunit: Sở KH&CN Lạng Sơn\n"
        "observances: [ngay-sang-tao]\n---\n\nHội thảo.\n", encoding="utf-8")
    (inputs / "docs/lien-he.md").write_text("# Liên hệ\n\nĐiện thoại: CẦN ĐIỀN số điện thoại\n", encoding="utf-8")
    broken = parsed(inputs)
    with_errors = rules.run(broken)
    errors = {p.file for p in with_errors if p.severity == "error"}
    assert {"campaigns/ghi-chu.txt", CAMPAIGN_2026, LAI_CHAU, LANG_SON, "docs/2026/hoat-dong/hoi-thao.md", "docs/lien-he.md"} <= errors
    # The uncited document waits for campaigns/ to have no error (a plan that cites a misspelt id makes its
    # document look unused), whether that rule runs first or last.
    assert not any(uncited(p) for p in with_errors)
    for order in ORDERS:
        assert rules.run(clean, order) == in_order
        assert rules.run(broken, order) == with_errors


def test_each_year_is_built_once_with_its_plans_and_their_identity(inputs: Path) -> None:
    """Nothing is added to a campaign or bound to a plan after it is built; parsed records stay as read."""
    read = parsed(inputs)
    data = load_site(inputs / "campaigns", docs=inputs / "docs")
    assert sorted(data.campaigns) == sorted({f.year for f in read.plans})
    for year, campaign in data.campaigns.items():
        files = {f.path.stem: f for f in read.plans if f.year == year}
        assert sorted(p.id for p in campaign.plans) == sorted(files)
        assert all(p.year == year and p.source == f"campaigns/{year}/plans/{p.id}.yaml" for p in campaign.plans)
        assert all(p.issuer == files[p.id].value.issuer for p in campaign.plans)
        assert sorted(p.id for g in campaign.provinces for p in g.plans) == sorted(files)
        assert isinstance(campaign.plans, tuple) and isinstance(campaign.posts, tuple)
        with pytest.raises(dataclasses.FrozenInstanceError):
            campaign.plans = ()  # type: ignore[misc]
    record = read.plans[0].value
    plan = record.identified(PlanIdentity("ke-hoach", 2026, "campaigns/2026/plans/ke-hoach.yaml"))
    assert (record.id, record.year, plan.id, plan.year) == ("", 0, "ke-hoach", 2026)
    assert plan.document == record.document


def test_unprintable_uses_the_coverage_it_is_given() -> None:
    source = parse_yaml("site:\n  title: Hưởng ứng\n", "campaigns/site.yaml")
    problems = checks.unprintable(source, [(("site", "title"), "Hưởng ứng")], WITHOUT_U_HORN)
    assert [(p.line, p.field) for p in problems] == [(2, "site.title")]
    assert "«ư» (U+01B0), «Ư» (U+01AF) mà phông chữ băng rôn Phông thử không có" in problems[0].message
    assert checks.unprintable(source, [(("site", "title"), "Hưởng ứng")], GlyphCoverage("x", frozenset(map(ord, "HưởngứngƯỞNGỨNG")))) == []


_WITHOUT_FONT = """
import json, sys
from pathlib import Path
from campaign_site.core.glyphs import GlyphCoverage, banner_coverage
from campaign_site.core.problems import DataError
from campaign_site.data.loader import load_site

font = GlyphCoverage("Phông thử", frozenset(range(0x3000)) - {ord("ư"), ord("Ư")})
try:
    load_site(Path(sys.argv[1]), coverage=font, docs=Path(sys.argv[2]))
    problems = []
except DataError as exc:
    problems = [[p.file, p.field, p.message] for p in exc.problems if p.severity == "error"]
print(json.dumps({"fontTools": sorted(m for m in sys.modules if m.split(".")[0] == "fontTools"), "problems": problems}))
"""


def test_checks_run_with_a_coverage_passed_in_and_never_import_fonttools(inputs: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_FONT, str(inputs / "campaigns"), str(inputs / "docs")],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["fontTools"] == []
    unprintable = [p for p in out["problems"] if "«ư» (U+01B0)" in p[2]]
    assert ["campaigns/site.yaml", "site.title"] in [p[:2] for p in unprintable], out["problems"]
    assert all("phông chữ băng rôn Phông thử không có" in p[2] for p in unprintable)
