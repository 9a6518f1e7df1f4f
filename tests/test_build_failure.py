"""A data error stops the build with a Vietnamese message; the last good site stays as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_project, replace_in, run_build, shared_build, snapshot

BREAKAGES = {
    "window ends before it starts": (
        "2026/plans/so-khcn-lai-chau.yaml", "end: 26/4/2026", "end: 14/4/2026",
        "campaigns/2026/plans/so-khcn-lai-chau.yaml:97: window.end: ngày kết thúc 14/4/2026 trước ngày bắt đầu",
    ),
    "unknown document id": (
        "2026/plans/so-khcn-lai-chau.yaml", "  - cv-2341-bkhcn-2026", "  - cv-2341",
        "campaigns/2026/plans/so-khcn-lai-chau.yaml:19: legal_basis[0]: không có văn bản nào mang mã `cv-2341`",
    ),
    "yaml syntax": (
        "site.yaml", "  title: Hưởng", '  title: "Hưởng',
        "campaigns/site.yaml:4: (toàn tệp): thiếu dấu ngoặc kép đóng",
    ),
}


def _good_project(folder: Path) -> None:
    project = copy_project(folder / "project")
    assert run_build(project / "mkdocs.yml", project / "site").returncode == 0


@pytest.fixture
def built_project(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`project` with the site its data builds, built once for all workers and copied in."""
    good = shared_build(tmp_path_factory, "build-failure-good", _good_project) / "project" / "site"
    shutil.copytree(good, project / "site")
    return project


@pytest.mark.parametrize("name", BREAKAGES)
def test_error_stops_build_and_leaves_last_good_site_untouched(built_project: Path, name: str) -> None:
    file, old, new, expected = BREAKAGES[name]
    project = built_project
    site = project / "site"
    before = snapshot(site)
    assert len(before) > 10

    replace_in(project / "campaigns" / file, old, new)
    result = run_build(project / "mkdocs.yml", site)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before


def test_error_writes_no_site_directory(project: Path) -> None:
    replace_in(project / "campaigns/documents.yaml", "date: 16/4/2026", "date: 31/4/2026")
    site = project / "site"
    result = run_build(project / "mkdocs.yml", site)
    assert result.returncode != 0
    assert "campaigns/documents.yaml:63: documents[6].date: ngày `31/4/2026` không tồn tại" in result.stderr
    assert not site.exists()


def test_check_command_passes_on_shipped_data() -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts/check_campaigns.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Dữ liệu hợp lệ: 2 năm, 5 kế hoạch, 10 văn bản, 2 cảnh báo." in result.stdout


def test_check_command_fails_with_every_problem(project: Path) -> None:
    replace_in(project / "campaigns/2026/plans/so-khcn-lai-chau.yaml", "end: 26/4/2026", "end: 14/4/2026")
    replace_in(project / "campaigns/2025/campaign.yaml", "    slogans:", "    slogan:")
    result = subprocess.run(
        [sys.executable, str(project / "scripts/check_campaigns.py"), str(project / "campaigns")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "campaigns/2026/plans/so-khcn-lai-chau.yaml:97: window.end:" in result.stderr
    assert "campaigns/2025/campaign.yaml:11: observances[0].slogan: trường `slogan` không có trong mẫu dữ liệu." in result.stderr
    assert "Dữ liệu có 2 lỗi; chưa tạo trang nào." in result.stderr
    assert "Traceback" not in result.stderr
