"""Under `mkdocs serve`, a saved plan or staff page is on screen at once (`scripts/live_preview.py`,
`site_build.quick_pages`), and what is served once saves stop is exactly a clean build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import TODAY, replace_in, run_build, wait_for_text
from local_server import free_port
from project_copy import copy_banner_cache

from campaign_site import site_build

LAI_CHAU = "campaigns/2026/plans/so-khcn-lai-chau.yaml"
BUILD_DAY = date.fromisoformat(TODAY)


def _built(project: Path) -> site_build.SiteBuild:
    build = site_build.build_site(project, BUILD_DAY, datetime(2026, 11, 22, tzinfo=UTC), {})
    assert build.ok, build.report()
    return build


@pytest.mark.parametrize("end", [
    pytest.param("25/4/2026", id="a window a day shorter"),
    pytest.param("25/12/2026", id="a window not over on the build day (its calendar no longer said over)"),
])
def test_a_saved_plan_is_laid_out_again_alone_from_a_fresh_check(project: Path, end: str) -> None:
    last = _built(project)
    replace_in(project / LAI_CHAU, "end: 26/4/2026", f"end: {end}")
    (project / "campaigns/2026/plans/.so-khcn-lai-chau.yaml.swp").write_bytes(b"b0VIM")  # an editor's: not data
    pages = site_build.quick_pages(project, last)
    assert pages is not None and [p.path for p in pages] == ["2026/ke-hoach/so-khcn-lai-chau.md"]
    whole = next(f for f in _built(project).files if f.path == pages[0].path)
    assert pages[0].content == whole.content  # what the whole build then makes of it


def test_a_saved_staff_page_is_shown_as_it_now_reads(project: Path) -> None:
    last = _built(project)
    (project / "docs/gioi-thieu.md").write_text("# Giới thiệu\n\nĐoạn mới.\n", encoding="utf-8")
    pages = site_build.quick_pages(project, last)
    assert pages is not None and [(p.path, p.content) for p in pages] == [("gioi-thieu.md", "# Giới thiệu\n\nĐoạn mới.\n")]


@pytest.mark.parametrize("edit", [
    pytest.param(lambda p: replace_in(p / "campaigns/2026/campaign.yaml", "Nhiệt liệt", "Hưởng ứng"), id="a year's file"),
    pytest.param(lambda p: (p / "campaigns/2026/plans/so-khcn-moi.yaml").write_text(
        (p / LAI_CHAU).read_text(encoding="utf-8"), encoding="utf-8"), id="a new plan"),
    pytest.param(lambda p: replace_in(p / LAI_CHAU, "end: 26/4/2026", "end: 14/4/2026"), id="an error"),
    pytest.param(lambda p: (p / "docs/2026/index.md").write_text("Lời giới thiệu mới.\n", encoding="utf-8"), id="a year's introduction"),
    pytest.param(lambda p: None, id="nothing saved"),
])
def test_a_save_that_reaches_further_waits_for_the_whole_build(project: Path, edit) -> None:  # type: ignore[no-untyped-def]
    last = _built(project)
    edit(project)
    assert site_build.quick_pages(project, last) is None


class _NewerSave(BaseException):
    """What `live_preview` raises to stop a build (`Superseded`), raised here by the test's `stop`."""


@pytest.mark.parametrize("at", [1, 3, 6])
def test_a_build_stopped_between_steps_leaves_the_next_build_whole(project: Path, at: int) -> None:
    """Under serve a whole build gives way to a newer save between its steps (`stop`): what it kept by then
    (banners, photos, laid-out pages) must not make the next build differ from a clean one."""
    copy_banner_cache(project)
    _built(project)
    replace_in(project / LAI_CHAU, "end: 26/4/2026", "end: 25/4/2026")
    replace_in(project / "campaigns/2026/campaign.yaml", "Nhiệt liệt", "Hưởng ứng")
    calls = []

    def stop() -> None:
        calls.append(len(calls) + 1)
        if len(calls) == at:
            raise _NewerSave

    with pytest.raises(_NewerSave):
        site_build.build_site(project, BUILD_DAY, datetime(2026, 11, 22, tzinfo=UTC), {}, stop)
    after = {f.path: f.content for f in _built(project).files}
    shutil.rmtree(project / ".cache")
    assert after == {f.path: f.content for f in _built(project).files}


@contextmanager
def _serving(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` of `project`, its messages in `log`."""
    port = free_port()
    env = {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=out)
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(30)
    assert "Traceback" not in log.read_text(encoding="utf-8")


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(urllib.parse.quote(url, safe=":/"), timeout=30) as response:
        body: bytes = response.read()
        return body


_LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>)", re.S)
"""The script `mkdocs serve` adds to every page it serves."""


def _as_built(path: str, body: bytes) -> bytes:
    """A served file as `mkdocs build` writes it: the server's reload script and calendar stamps left out."""
    if path.endswith(".html"):
        body = _LIVERELOAD.sub(b"", body)
    if path.endswith(".ics"):
        body = b"\n".join(line for line in body.split(b"\n") if not line.startswith(b"DTSTAMP"))
    return body


def _served_as_built(url: str, project: Path, built: Path) -> None:
    """Every file `mkdocs build` writes for `project` now is served at `url` as it is written."""
    assert run_build(project / "mkdocs.yml", built).returncode == 0
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    stale = [name for name in names if _as_built(name, _fetch(url + name)) != _as_built(name, (built / name).read_bytes())]
    assert not stale, f"served files that differ from a clean build: {stale[:10]}"


def test_serve_shows_saves_at_once_and_ends_on_a_whole_build(project: Path, tmp_path: Path) -> None:
    log, plan_page = tmp_path / "serve.log", "2026/ke-hoach/so-khcn-lai-chau/"
    copy_banner_cache(project)
    with _serving(project, log) as url:
        wait_for_text(url + plan_page, 'datetime="2026-04-26"', 120)
        replace_in(project / LAI_CHAU, "end: 26/4/2026", "end: 25/4/2026")  # a plan
        shown = wait_for_text(url + plan_page, 'datetime="2026-04-25"', 60)
        wait_for_text(url + "2026/lich/", "25/4/2026", 60)  # the year's calendar: its whole build is done
        about = project / "docs/gioi-thieu.md"  # a staff page, then the plan again during its whole build
        about.write_text(about.read_text(encoding="utf-8") + "\nĐoạn thêm lúc xem trước XT42.\n", encoding="utf-8")
        wait_for_text(url + "gioi-thieu/", "Đoạn thêm lúc xem trước XT42.", 60)
        replace_in(project / LAI_CHAU, "end: 25/4/2026", "end: 24/4/2026")
        wait_for_text(url + plan_page, 'datetime="2026-04-24"', 60)
        # Once saves stop, the search index and the calendar (made by the whole build only) have both, and what
        # is served is a clean build.
        wait_for_text(url + "search/search_index.json", "XT42", 120)
        wait_for_text(url + "2026/lich/", "24/4/2026", 60)
        _served_as_built(url, project, tmp_path / "clean")
        # A slogan, which many pages and banners use: no page is shown at once, the whole build shows it.
        replace_in(project / "campaigns/2026/campaign.yaml", "text: Nhiệt liệt chào mừng Ngày Sở hữu",
                   "text: XT43 Nhiệt liệt chào mừng Ngày Sở hữu")
        wait_for_text(url + "search/search_index.json", "XT43", 120)
        _served_as_built(url, project, tmp_path / "clean-again")
    shown_at_once = re.findall(r"Đã hiện ngay trang vừa lưu: (.*)\. Các trang khác", log.read_text(encoding="utf-8"))
    assert shown_at_once[0] == "/2026/ke-hoach/so-khcn-lai-chau/"  # each save shows its page, with those saved
    assert "/gioi-thieu/" in shown_at_once[1].split(", ")  # since the last whole build ended (a stopped one's)
    assert "/2026/ke-hoach/so-khcn-lai-chau/" in shown_at_once[-1].split(", ")
    # The plan's page as first shown is the page a whole build makes of the same files.
    replace_in(project / LAI_CHAU, "end: 24/4/2026", "end: 25/4/2026")
    replace_in(project / "campaigns/2026/campaign.yaml", "text: XT43 ", "text: ")
    (project / "docs/gioi-thieu.md").write_text(about.read_text(encoding="utf-8").replace("\nĐoạn thêm lúc xem trước XT42.\n", ""), encoding="utf-8")
    assert run_build(project / "mkdocs.yml", tmp_path / "first").returncode == 0
    assert _as_built(".html", shown.encode()) == (tmp_path / "first" / plan_page / "index.html").read_bytes()
