"""No silent loss: a staff file at the address of a generated page or of another staff file, a year
folder that is not a year the site can show, and something that is not a file where a file is
expected are each an error naming the path, in the real build (`build_site`, which `scripts/dev
check` and the MkDocs hook both run), instead of one of the two being dropped or a crash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fuzz_inputs import POST as FUZZ_POST
from fuzz_inputs import copy_inputs
from project_copy import copy_project

from campaign_site.core.problems import Problem
from campaign_site.data.year_folders import year_of
from campaign_site.site_build import SiteBuild, build_site

TODAY = date(2026, 11, 22)
STAMP = datetime(2026, 11, 22, tzinfo=UTC)
POST = FUZZ_POST.format(photo="anh.jpg", alt="Học sinh xem sản phẩm", body="Học sinh xem sản phẩm.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_inputs(tmp_path)


def build(project: Path) -> SiteBuild:
    return build_site(project, TODAY, STAMP, {})


def errors_at(build: SiteBuild, file: str) -> list[Problem]:
    return [p for p in build.problems if p.severity == "error" and p.file == file]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("staff", "address", "other"), [
    ("lich.md", "/lich/", "campaigns/"),
    ("2026.md", "/2026/", "campaigns/2026/campaign.yaml"),
    ("2026/README.md", "/2026/", "campaigns/2026/campaign.yaml"),
    ("can-cu-phap-ly/index.md", "/can-cu-phap-ly/", "campaigns/documents.yaml"),
    ("2026/ke-hoach.md", "/2026/ke-hoach/", "campaigns/2026/campaign.yaml"),
    ("2026.json", "/2026.json", "campaigns/2026/campaign.yaml"),
    ("lich/tat-ca.ics", "/lich/tat-ca.ics", "campaigns/"),
    ("sitemap.xml", "/sitemap.xml", "MkDocs"),
])
def test_a_staff_file_at_a_generated_address_is_an_error_naming_both(project: Path, staff: str, address: str, other: str) -> None:
    write(project / "docs" / staff, "# Trang của biên tập viên\n")
    result = build(project)
    assert not result.ok and not result.files
    (problem,) = errors_at(result, f"docs/{staff}")
    assert f"`{address}`" in problem.message and other in problem.message, problem


def test_two_staff_pages_at_one_address_are_an_error_naming_both(project: Path) -> None:
    write(project / "docs/gioi-thieu/index.md", "# Giới thiệu khác\n")
    result = build(project)
    (problem,) = errors_at(result, "docs/gioi-thieu/index.md")
    assert "docs/gioi-thieu.md" in problem.message and "`/gioi-thieu/`" in problem.message


def test_the_year_introduction_is_taken_in_not_a_clash(project: Path) -> None:
    assert (project / "docs/2026/index.md").is_file()
    result = build(project)
    assert result.ok, result.report()
    assert "2026/index.md" in result.replaced


@pytest.mark.parametrize("name", ["0000", "9999", "1899", "3000", "٢٠٢٧", "２０２７", "20266"])
def test_a_data_year_folder_that_is_not_a_year_is_an_error_with_its_path(project: Path, name: str) -> None:
    shutil.copytree(project / "campaigns/2026", project / "campaigns" / name)
    result = build(project)
    assert not result.ok
    (problem,) = errors_at(result, f"campaigns/{name}")
    assert f"`{name}`" in problem.message and "1900" in problem.message and "2999" in problem.message
    # Nothing else is read from it: no year 2027 made from Arabic-Indic digits, no crash on year 0.
    assert not any(p.file.startswith(f"campaigns/{name}/") for p in result.problems)
    assert "không mong đợi" not in result.report()


@pytest.mark.parametrize("name", ["0000", "٢٠٢٦"])
def test_a_docs_year_folder_that_is_not_a_year_is_an_error_with_its_path(project: Path, name: str) -> None:
    write(project / "docs" / name / "hoat-dong/ngay-hoi.md", POST)
    result = build(project)
    (problem,) = errors_at(result, f"docs/{name}")
    assert f"`{name}`" in problem.message
    assert "không mong đợi" not in result.report()


def test_year_of_reads_only_four_ascii_digits_in_range() -> None:
    assert [year_of(n) for n in ("2026", "1900", "2999")] == [2026, 1900, 2999]
    assert [year_of(n) for n in ("0000", "9999", "٢٠٢٧", "２０２６", "226", "20266", "2026 ", "")] == [None] * 8


def test_a_folder_named_like_a_data_file_is_an_error_with_its_path(project: Path) -> None:
    (project / "campaigns/2026/plans/so-khcn-moi.yaml").mkdir()
    (project / "campaigns/2026/campaign.yaml").rename(project / "campaigns/2026/campaign.txt.bak")
    (project / "campaigns/2026/campaign.yaml").mkdir()
    result = build(project)
    for path in ("campaigns/2026/plans/so-khcn-moi.yaml", "campaigns/2026/campaign.yaml"):
        (problem,) = errors_at(result, path)
        assert "là một thư mục, không phải tệp" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize("where", ["docs/trang.md", "campaigns/2026/plans/ong.yaml", "docs/assets/anh.png"])
def test_a_pipe_or_broken_link_where_a_file_is_expected_is_an_error_not_a_hang(project: Path, where: str) -> None:
    (project / where).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(project / where)
    (project / "docs/hong.md").symlink_to("khong-co.md")
    result = build(project)
    for path in (where, "docs/hong.md"):
        (problem,) = errors_at(result, path)
        assert "không phải tệp thường" in problem.message


def test_a_folder_where_a_photo_should_be_is_an_error_on_the_photo_line(project: Path) -> None:
    write(project / "docs/2026/hoat-dong/ngay-hoi.md", POST)
    (project / "docs/2026/hoat-dong/anh.jpg").mkdir()
    result = build(project)
    (problem,) = errors_at(result, "docs/2026/hoat-dong/ngay-hoi.md")
    assert problem.field == "photos[0].file" and problem.line == 9
    assert "`anh.jpg` là một thư mục" in problem.message


def test_the_real_build_refuses_a_pipe_without_waiting_on_it(tmp_path: Path) -> None:
    """`scripts/atomic_build.py` (MkDocs with our hooks): it stops with the problem, without a traceback
    or waiting forever to copy the pipe, and writes no site."""
    project = copy_project(tmp_path / "project")
    os.mkfifo(project / "docs/assets/anh.png")
    env = {"CAMPAIGN_SITE_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, str(project / "scripts/atomic_build.py")], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "docs/assets/anh.png:1:" in result.stderr and "không phải tệp thường" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()
