"""Pages converted and built on every core and kept between builds (`scripts/mkdocs_render_hook.py`,
`scripts/mkdocs_html_hook.py`) are never stale.

A build that reuses `.cache/pages` and `.cache/built` after edits must write exactly the files a clean build
writes, and a broken link must fail `--strict` whether its page was converted now or reused."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import synthetic_campaigns
from conftest import REPO, TODAY, replace_in, run_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image
from project_copy import copy_banner_cache
from sample_posts import POSTS, add_posts

from campaign_site import site_build
from campaign_site.core import parallel


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; calendar stamps (the time of the build) left out."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        content = path.read_bytes()
        if path.suffix == ".ics":
            content = b"\n".join(line for line in content.split(b"\n") if not line.startswith(b"DTSTAMP"))
        found[path.relative_to(site).as_posix()] = content
    return found


def _kept(project: Path) -> dict[str, set[str]]:
    """The entries of each cache of pages, by folder."""
    return {folder: {p.name for p in (project / ".cache" / folder).glob("*/*")} for folder in ("pages", "built", "generated")}


def _warm_then_clean(project: Path, tmp_path: Path, name: str, before: dict[str, bytes], reused: set[str]) -> list[str]:
    """Build reusing the caches, then clean: the two sites must be the same; the files the edits changed.
    `reused`: the caches some of whose entries the warm build must have used."""
    kept = _kept(project)
    warm = run_build(project / "mkdocs.yml", tmp_path / f"{name}-warm")
    assert warm.returncode == 0, warm.stderr
    for folder, entries in _kept(project).items():
        assert bool(kept[folder] & entries) == (folder in reused), f"{name}: .cache/{folder}"
        shutil.rmtree(project / ".cache" / folder)
    clean = run_build(project / "mkdocs.yml", tmp_path / f"{name}-clean")
    assert clean.returncode == 0, clean.stderr
    warm_files, clean_files = _files(tmp_path / f"{name}-warm"), _files(tmp_path / f"{name}-clean")
    assert warm_files.keys() == clean_files.keys()
    stale = [name for name in warm_files if warm_files[name] != clean_files[name]]
    assert not stale, f"{name}: pages that differ from a clean build: {stale[:10]}"
    return [name for name in clean_files if before.get(name) != clean_files[name]]


def test_a_build_reusing_kept_pages_after_edits_equals_a_clean_build(project: Path, tmp_path: Path) -> None:
    add_posts(copy_banner_cache(project), 1)
    first = run_build(project / "mkdocs.yml", tmp_path / "first")
    assert first.returncode == 0, first.stderr
    kept = _kept(project)
    assert len(kept["pages"]) == len(kept["built"]) == len(list((tmp_path / "first").rglob("index.html")))  # each page made once
    assert len(kept["generated"]) == len(list(project.glob("campaigns/*/plans/*.yaml")))  # the plans' pages

    # Plans and staff pages (plans' pages are kept by their own inputs): a plan's province (its page, both
    # provinces' pages, the navigation); a second plan of another issuer, whose first plan's page then tells
    # the two apart; a paragraph on the about page and in the year's introduction.
    for page in ("docs/gioi-thieu.md", "docs/2026/index.md"):
        (project / page).write_text((project / page).read_text(encoding="utf-8") + "\nĐoạn mới thêm.\n", encoding="utf-8")
    plan = project / "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml"
    province = next(line for line in plan.read_text(encoding="utf-8").splitlines() if line.strip().startswith("province: "))
    replace_in(plan, province, province.split(":")[0] + ": Cà Mau")
    twin = project / "campaigns/2026/plans/ubnd-phuong-tran-hung-dao-2.yaml"
    twin.write_text((project / "campaigns/2026/plans/ubnd-phuong-tran-hung-dao.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    changed = _warm_then_clean(project, tmp_path, "plans", _files(tmp_path / "first"), {"pages", "built", "generated"})
    assert {"2026/ke-hoach/ubnd-xa-binh-thanh/index.html", "2026/ke-hoach/ubnd-phuong-tran-hung-dao/index.html"} <= set(changed)

    # A slogan (year page, banners, plans citing it), a cited document's date (every plan resting on it),
    # a photo (its post and the news).
    before = _files(tmp_path / "plans-clean")
    replace_in(project / "campaigns/2026/campaign.yaml", "Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4",
               "Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4 năm nay")
    documents = project / "campaigns/documents.yaml"
    date = next(line.split(": ", 1)[1] for line in documents.read_text(encoding="utf-8").splitlines()
                if line.strip().startswith("date: ") and "/" in line)
    replace_in(documents, f"date: {date}", "date: 1/1/2020")
    photo = next((project / POSTS).rglob("*.jpg"))
    Image.new("RGB", (1200, 900), (20, 120, 200)).save(photo, quality=90)
    # Any file but a plan's may be read by any plan's page: every plan's page is made again.
    assert len(_warm_then_clean(project, tmp_path, "data", before, {"pages", "built"})) > 10  # the edits reached many pages


def test_a_broken_link_fails_the_strict_build_each_time_even_from_kept_pages(project: Path, tmp_path: Path) -> None:
    copy_banner_cache(project)
    (project / "docs" / "lien-he-them.md").write_text("# Liên hệ thêm\n\nXem [trang cũ](khong-co.md).\n", encoding="utf-8")
    for attempt in ("first", "again"):
        run = run_build(project / "mkdocs.yml", tmp_path / attempt)
        assert run.returncode != 0, attempt
        assert "khong-co.md" in run.stderr, attempt
    assert any((project / ".cache" / "pages").glob("*/*"))


def test_the_hook_is_listed_after_the_page_hooks() -> None:
    """It reads each page's Markdown as the other hooks leave it, so it must run after them."""
    hooks = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("hooks:")[1].split("\n\n")[0]
    assert hooks.index("mkdocs_hook.py") < hooks.index("mkdocs_render_hook.py")


def test_an_edited_template_is_compiled_again(project: Path, tmp_path: Path) -> None:
    """Compiled templates are kept in .cache/templates; an edit to the theme's or to a page's template shows."""
    copy_banner_cache(project)
    assert run_build(project / "mkdocs.yml", tmp_path / "first").returncode == 0
    assert any((project / ".cache" / "templates" / "theme").iterdir()) and any((project / ".cache" / "templates" / "pages").iterdir())
    replace_in(project / "overrides/main.html", "{% block htmltitle %}", "{% block htmltitle %}<!-- mẫu đã sửa -->")
    year = project / "scripts/campaign_site/pages/templates/year.md.j2"
    year.write_text(year.read_text(encoding="utf-8") + "\nĐoạn mẫu mới.\n", encoding="utf-8")
    again = run_build(project / "mkdocs.yml", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert "<!-- mẫu đã sửa -->" in (tmp_path / "again" / "index.html").read_text(encoding="utf-8")
    assert "Đoạn mẫu mới." in (tmp_path / "again" / "2026" / "index.html").read_text(encoding="utf-8")


def test_kept_pages_are_finished_again_when_the_finishing_words_change(project: Path, tmp_path: Path) -> None:
    """A page's content is kept finished (abbreviations explained): a change to the words or code that
    finish it makes every page anew."""
    copy_banner_cache(project)
    assert run_build(project / "mkdocs.yml", tmp_path / "first").returncode == 0
    assert 'title="Ủy ban nhân dân"' in (tmp_path / "first" / "2026" / "index.html").read_text(encoding="utf-8")
    replace_in(project / "scripts/campaign_site/core/locale/vi/LC_MESSAGES/campaign_site.po",
               'msgid "abbr.UBND"\nmsgstr "Ủy ban nhân dân"', 'msgid "abbr.UBND"\nmsgstr "Ủy ban nhân dân các cấp"')
    again = run_build(project / "mkdocs.yml", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert 'title="Ủy ban nhân dân các cấp"' in (tmp_path / "again" / "2026" / "index.html").read_text(encoding="utf-8")


def test_pages_made_on_every_core_are_the_pages_made_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above `parallel.PARALLEL_FROM` pages, workers convert and lay out the pages (and YAML, feeds and page
    Markdown): the site, its search index and the theme's script files are byte for byte the one-process site."""
    project = copy_banner_cache(synthetic_campaigns.write(tmp_path / "project", 220, history_years=1))
    monkeypatch.setenv("CAMPAIGN_SITE_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)

    def site(name: str) -> dict[str, bytes]:
        for folder in ("pages", "built", "generated"):
            shutil.rmtree(project / ".cache" / folder, ignore_errors=True)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / name))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        return _files(tmp_path / name)

    assert parallel.forks(220)
    on_every_core = site("every-core")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    one_process = site("one-process")
    assert len(on_every_core) > 300 and on_every_core.keys() == one_process.keys()
    assert [name for name in on_every_core if on_every_core[name] != one_process[name]] == []


@pytest.mark.parametrize("saved", ["campaigns/2026/plans/ubnd-xa-binh-thanh.yaml", "campaigns/2026/campaign.yaml"])
def test_a_file_saved_while_a_build_reads_it_shows_at_the_next_build(project: Path, saved: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `mkdocs serve` a save can land while a build is reading: that build's plan pages, made from what
    it read, must not be kept as the pages of the saved file (the next build would show them stale)."""
    copy_banner_cache(project)
    today = date.fromisoformat(TODAY)
    stamp = datetime.combine(today, datetime.min.time(), UTC)
    edits = {"campaigns/2026/plans/ubnd-xa-binh-thanh.yaml": ("place: Bình Thành", "place: Bình Thành Mới", "Bình Thành Mới"),
             "campaigns/2026/campaign.yaml": ("Hành động đột phá, lan", "Hành động đột phá mới, lan", "đột phá mới")}
    old, new, shown = edits[saved]
    reading = site_build.check_data

    def saved_meanwhile(root: Path) -> site_build.SiteBuild:
        checked = reading(root)
        replace_in(root / saved, old, new)  # after the build read it
        return checked

    monkeypatch.setattr(site_build, "check_data", saved_meanwhile)
    during = site_build.build_site(project, today, stamp, {})
    monkeypatch.undo()
    after = site_build.build_site(project, today, stamp, {})
    assert during.ok and after.ok
    page = {f.path: str(f.content) for f in after.files}["2026/ke-hoach/ubnd-xa-binh-thanh.md"]
    assert shown in page
