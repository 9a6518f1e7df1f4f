"""The foot of every page: last change from git, the edit link to the right source file, sharing
tags, favicon, and a plan printed as a clean notice."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TODAY, copy_project, page_paths, replace_in, run_build, serve, shared_build
from playwright.sync_api import Browser

from campaign_site.core.git_dates import change_dates
from campaign_site.pages.page_facts import edit_base

NO_GITHUB = {"GITHUB_REPOSITORY": "", "GITHUB_REF_NAME": "", "GITHUB_HEAD_REF": ""}
PLAN = "2026/ke-hoach/ubnd-xa-binh-thanh"
PLAN_SOURCE = "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml"
EDIT = "https://github.com/so-khcn/doimoisangtao/edit/main/"


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = os.environ | {"GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.org",
                        "GIT_COMMITTER_NAME": "Biên tập", "GIT_COMMITTER_EMAIL": "bt@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": f"{when}T09:00:00+07:00", "GIT_COMMITTER_DATE": f"{when}T09:00:00+07:00"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"sửa ngày {when}", when=when)


def soup_of(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- git dates, on a real repository ----------------------------------------------------------------


def test_dates_come_from_the_last_commit_touching_each_file(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"campaigns/a.yaml": "a: 1\n", "campaigns/b.yaml": "b: 1\n", "docs/x.md": "# X\n"}, "2026-03-02")
    commit(tmp_path, {"campaigns/b.yaml": "b: 2\n"}, "2026-04-10")
    commit(tmp_path, {"docs/x.md": "# X\n\nY\n"}, "2026-05-20")
    dates = change_dates(tmp_path, date(2026, 11, 22))
    assert dates.of("campaigns/a.yaml") == date(2026, 3, 2)
    assert dates.of("campaigns/b.yaml") == date(2026, 4, 10)
    assert dates.of("campaigns/") == date(2026, 4, 10)
    assert dates.of("docs/x.md") == date(2026, 5, 20)
    assert dates.of("campaigns/missing.yaml") is None
    assert not dates.shallow and dates.prefix == ""


def test_uncommitted_and_new_files_count_as_changed_on_the_build_date(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"campaigns/a.yaml": "a: 1\n", "campaigns/b.yaml": "b: 1\n"}, "2026-03-02")
    (tmp_path / "campaigns/a.yaml").write_text("a: 2\n", encoding="utf-8")
    (tmp_path / "campaigns/moi.yaml").write_text("c: 1\n", encoding="utf-8")
    git(tmp_path, "mv", "campaigns/b.yaml", "campaigns/b2.yaml")
    dates = change_dates(tmp_path, date(2026, 11, 22))
    assert dates.of("campaigns/a.yaml") == dates.of("campaigns/moi.yaml") == dates.of("campaigns/b2.yaml") == date(2026, 11, 22)


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"site/campaigns/a.yaml": "a: 1\n", "other/z.txt": "z\n"}, "2026-03-02")
    (tmp_path / "other/z.txt").write_text("changed\n", encoding="utf-8")
    dates = change_dates(tmp_path / "site", date(2026, 11, 22))
    assert dates.prefix == "site/"
    assert dates.files == {"campaigns/a.yaml": date(2026, 3, 2)}


def test_no_repository_gives_no_dates(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    assert change_dates(tmp_path, date(2026, 11, 22)).files == {}


def test_shallow_clone_is_recognised(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    commit(origin, {"a.yaml": "a: 1\n"}, "2026-03-02")
    commit(origin, {"b.yaml": "b: 1\n"}, "2026-04-10")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "clone")
    assert change_dates(tmp_path / "clone", date(2026, 11, 22)).shallow


# --- edit links ------------------------------------------------------------------------------------------


def test_edit_base_from_settings_then_from_github_actions() -> None:
    github = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "so-khcn/dmst", "GITHUB_REF_NAME": "main"}
    assert edit_base(EDIT, github, "") == EDIT
    assert edit_base(None, github, "") == "https://github.com/so-khcn/dmst/edit/main/"
    assert edit_base(None, github, "web/") == "https://github.com/so-khcn/dmst/edit/main/web/"
    pull_request = github | {"GITHUB_REF_NAME": "12/merge", "GITHUB_HEAD_REF": "sua-ke-hoach"}
    assert edit_base(None, pull_request, "") == "https://github.com/so-khcn/dmst/edit/sua-ke-hoach/"
    assert edit_base(None, {}, "") is None


@pytest.fixture(scope="module")
def edit_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped data with `site.edit_url` set, in a git repository with known dates:
    everything committed on 4/5/2026, one plan changed on 15/6/2026, the intro page being edited.
    Made once for all workers; the tests only read it."""
    project = shared_build(tmp_path_factory, "edit-site", _make_edit_site) / "project"
    return project, project / "site"


def _make_edit_site(folder: Path) -> None:
    project = copy_project(folder / "project")
    replace_in(project / "campaigns/site.yaml", "  # edit_url: https://github.com/to-chuc/kho/edit/main/", f"  edit_url: {EDIT}")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "dữ liệu", when="2026-05-04")
    with (project / PLAN_SOURCE).open("a", encoding="utf-8") as plan:
        plan.write("# Đã soát lại.\n")
    git(project, "commit", "-q", "-am", "soát kế hoạch", when="2026-06-15")
    with (project / "docs/gioi-thieu.md").open("a", encoding="utf-8") as intro:
        intro.write("\nĐang sửa.\n")
    site = project / "site"
    result = run_build(project / "mkdocs.yml", site, env=NO_GITHUB)
    assert result.returncode == 0, result.stderr


def facts(site: Path, url_path: str) -> tuple[str | None, str | None]:
    """The page's last-change date (ISO) and edit link."""
    aside = soup_of(site, url_path).select_one("aside.page-facts")
    assert aside is not None, url_path
    when, edit = aside.find("time"), aside.find("a", rel="edit")
    return (when["datetime"] if when else None), (edit["href"] if edit else None)


@pytest.mark.parametrize(
    ("url_path", "updated", "source"),
    [
        (PLAN, "2026-06-15", PLAN_SOURCE),
        ("2026/ke-hoach/so-khcn-lang-son", "2026-05-04", "campaigns/2026/plans/so-khcn-lang-son.yaml"),
        ("2026", "2026-05-04", "campaigns/2026/campaign.yaml"),
        ("2026/bang-ron", "2026-05-04", "campaigns/2026/campaign.yaml"),
        ("can-cu-phap-ly", "2026-05-04", "campaigns/documents.yaml"),
        ("", "2026-05-04", "campaigns/site.yaml"),
        ("gioi-thieu", "2026-11-22", "docs/gioi-thieu.md"),
        ("lich", "2026-06-15", None),
    ],
)
def test_each_page_shows_its_sources_last_change_and_edit_link(
    edit_site: tuple[Path, Path], url_path: str, updated: str, source: str | None
) -> None:
    _, site = edit_site
    assert facts(site, url_path) == (updated, EDIT + source if source else None)


def test_every_page_has_a_date_and_every_edit_link_names_a_file_of_the_project(edit_site: tuple[Path, Path]) -> None:
    project, site = edit_site
    urls = page_paths(site)
    assert len(urls) >= 14
    for url_path in urls:
        updated, edit = facts(site, url_path)
        assert updated is not None, url_path
        if edit is not None:
            assert (project / edit.removeprefix(EDIT)).is_file(), (url_path, edit)
    text = soup_of(site, PLAN).select_one("aside.page-facts").get_text(" ", strip=True)
    assert "Cập nhật lần cuối: 15/6/2026" in text
    assert f"sửa tệp {PLAN_SOURCE}" in text


def test_without_git_or_edit_address_the_foot_states_nothing_false(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_build(project / "mkdocs.yml", project / "site", env=NO_GITHUB)
    assert result.returncode == 0, result.stderr
    for url_path in ("", PLAN, "gioi-thieu"):
        assert facts(project / "site", url_path) == (None, None)


def test_github_actions_gives_edit_links_without_configuration(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "so-khcn/dmst", "GITHUB_REF_NAME": "main", "GITHUB_HEAD_REF": ""}
    result = run_build(project / "mkdocs.yml", project / "site", env=env)
    assert result.returncode == 0, result.stderr
    assert facts(project / "site", PLAN)[1] == f"https://github.com/so-khcn/dmst/edit/main/{PLAN_SOURCE}"


def test_shipped_site_dates_match_git(built_site: Path) -> None:
    """The real repository: each plan page's date is its YAML file's last commit (or the build date if edited)."""
    for source in sorted((REPO / "campaigns").glob("*/plans/*.yaml")):
        relative = source.relative_to(REPO).as_posix()
        dirty = git(REPO, "status", "--porcelain", "--", relative).strip()
        expected = TODAY if dirty else git(REPO, "log", "-1", "--format=%cs", "--", relative).strip()
        url_path = f"{source.parent.parent.name}/ke-hoach/{source.stem}"
        assert facts(built_site, url_path)[0] == expected, url_path


# --- sharing, icon --------------------------------------------------------------------------------------


def test_every_page_has_sharing_tags_with_an_image_of_its_own_year(built_site: Path) -> None:
    for url_path in page_paths(built_site):
        soup = soup_of(built_site, url_path)
        tags = {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta") if m.get("content")}
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card", "twitter:title", "twitter:description"):
            assert tags.get(key), (url_path, key)
        assert tags["twitter:card"] == "summary_large_image"
        image = tags["og:image"].removeprefix("https://doimoisangtao.example/")
        assert (built_site / image).is_file(), (url_path, image)
        year = url_path.split("/")[0]
        expected_year = year if year.isdigit() else "2026"
        assert image.startswith(f"{expected_year}/bang-ron/"), (url_path, image)


def test_favicon_is_our_own_svg(built_site: Path) -> None:
    for url_path in ("", PLAN):
        icon = soup_of(built_site, url_path).find("link", rel="icon")
        target = (built_site / url_path / icon["href"]).resolve()
        assert target == (built_site / "assets/favicon.svg").resolve()
        svg = target.read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


# --- printing -------------------------------------------------------------------------------------------


def test_a_plan_prints_as_a_clean_notice(edit_site: tuple[Path, Path], browser: Browser, tmp_path: Path) -> None:
    _, site = edit_site
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + PLAN + "/")
        screen_address = page.locator(".page-facts__address").is_visible()
        pdf = tmp_path / "plan.pdf"
        page.pdf(path=str(pdf), format="A4")
        page.close()
    assert not screen_address, "the page's own address is for printed copies only"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for expected in ("Công văn của Ủy ban nhân dân xã Bình Thành", "Số: …/UBND-VHXH", "Nơi nhận:",
                     "Âu Văn Đước", f"Địa chỉ trang: https://doimoisangtao.example/{PLAN}/", "Cập nhật lần cuối"):
        assert expected in flat, expected
    for screen_only in ("Tìm kiếm", "sửa tệp", "ICS", "đăng ký theo dõi", "Chuyển sang nền", "Về đầu trang"):
        assert screen_only not in flat, screen_only
    pages_count = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
                      .stdout.split("Pages:")[1].split()[0])
    assert pages_count <= 6
