"""The page registry is the one list of page types: rendering, navigation and the pages kept out of the
navigation all follow it. Rendered in-process from the shipped data, no MkDocs."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from campaign_site.core.generated import GeneratedFile
from campaign_site.data import paths
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import human_size
from campaign_site.pages import nav
from campaign_site.pages.registry import PAGE_TYPES, pages_of
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

TEMPLATES = REPO / "scripts" / "campaign_site" / "pages" / "templates"


@pytest.fixture(scope="module")
def shipped() -> tuple[SiteData, dict[str, GeneratedFile]]:
    data = load_site(REPO / "campaigns")
    renderer = SiteRenderer(collect(data, date(2026, 11, 22), {}, datetime(2026, 11, 22, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    return data, {f.path: f for f in renderer.render()}


def flat(entries: list[Any]) -> list[str]:
    """Every page path in a MkDocs nav, in order."""
    found: list[str] = []
    for entry in entries:
        found += flat(next(iter(entry.values()))) if isinstance(entry, dict) else [entry]
    return found


def test_every_page_of_every_type_is_rendered_once_from_its_template(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    names = [t.name for t in PAGE_TYPES]
    assert len(names) == len(set(names))
    pages = [t.path(s) for t in PAGE_TYPES for s in t.subjects(data)]
    assert len(pages) == len(set(pages))
    assert set(pages) == {p for p in files if p.endswith(".md")}
    assert {t.template for t in PAGE_TYPES} == {p.name for p in TEMPLATES.glob("[!_]*.j2")}, "a template no type uses"


def test_navigation_and_pages_kept_out_of_it_follow_the_registry(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    staff = ["gioi-thieu.md", "2026/hoat-dong.md"]
    entries = nav.build(data, [*(p for p in files if p.endswith(".md")), *staff])
    listed = flat(entries)
    hidden = set(pages_of(data, None))
    assert hidden and not hidden & set(listed)
    assert set(listed) == set(pages_of(data, "site")) | set(pages_of(data, "year")) | set(staff)
    sections = [e for e in entries if isinstance(e, dict)]
    assert [next(iter(s)) for s in sections] == [f"Năm {y}" for y in data.years()]
    year_types = [t for t in PAGE_TYPES if t.nav == "year"]
    newest = data.campaigns[data.years()[0]]
    # A year type may have no page in a year (the news page: only a year with posts has one).
    own = [t.path(newest) for t in year_types if t.path(newest) in set(pages_of(data, "year"))]
    assert sections[0][f"Năm {newest.year}"] == own + (["2026/hoat-dong.md"] if newest.year == 2026 else [])
    assert listed[0] == paths.HOME and listed[-1] == "gioi-thieu.md"


def test_search_front_matter_comes_from_the_registry(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    for page_type in PAGE_TYPES:
        for subject in page_type.subjects(data):
            head = str(files[page_type.path(subject)].content).split("\n---\n", 1)[0]
            assert head.startswith("---\ntitle: ")
            assert ("  exclude: true" in head) == (page_type.name in {"plan", "province"} and "search:" in head)
            assert ("hide:\n  - toc" in head) == page_type.hide_toc


def test_open_data_page_links_every_year_file_with_its_true_size(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    page = str(files["du-lieu-mo.md"].content)
    links = dict((target, text) for text, target in re.findall(r"\[([^\]]+)\]\(([^)]+)\)", page))
    for year in data.years():
        content = files[paths.year_data(year)].content
        assert links[paths.year_data(year)] == f"Tải về, {human_size(len(content if isinstance(content, bytes) else content.encode()))}"
        feed = files[paths.year_feed(year)].content
        assert links[paths.year_feed(year)] == f"Cho người dân, {human_size(len(feed))}"
    assert all(target in files or target.endswith(".md") for target in links)


def test_templates_only_lay_out() -> None:
    """No filtering, counting or numbering in a template: views do that (`views/`)."""
    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"selectattr|rejectattr|\|\s*length|loop\.index", text), template.name


def test_adding_a_page_type_needs_no_other_list(tmp_path: Path) -> None:
    """The navigation has no list of its own: a page type declared with a place appears there."""
    source = (REPO / "scripts" / "campaign_site" / "pages" / "nav.py").read_text(encoding="utf-8")
    assert "paths." not in source, "nav.py names pages itself instead of reading the registry"
    assert "not_in_nav" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
