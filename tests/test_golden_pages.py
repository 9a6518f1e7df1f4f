"""Golden files: the generated Markdown of every page type, and the feeds, JSON and text files, from a
small fixture data set (tests/golden/campaigns: one year, two plans, one of them with units' tasks, a closing
and recipients, two documents; tests/golden/docs: one
activity post with a small photo), compared byte for
byte with tests/golden/expected. Any template or renderer change shows here as a reviewable diff. The pages
to have golden files are the page registry's: every page of every type the fixture has a subject of.

Regenerate after an intended change: `UPDATE_GOLDEN=1 scripts/dev test tests/test_golden_pages.py`,
then read the diff of tests/golden/expected before committing it.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from campaign_site.data.loader import load_site
from campaign_site.data.site_data import SiteData
from campaign_site.pages.registry import PAGE_TYPES
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
TEXT_SUFFIXES = (".md", ".json", ".ics", ".txt", ".xml", ".yml", ".html")
ATOM = "hoat-dong.xml"
"""A feed that is not a page, named so that a fixture without posts fails here rather than pass unnoticed."""


@pytest.fixture(scope="module")
def fixture_data() -> SiteData:
    return load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")


EDITOR_MADE = ("admin/index.html", "admin/config.yml", "admin/short-forms.json")
"""What the build makes of `/admin/` from the model and the settings."""


@pytest.fixture(scope="module")
def generated(fixture_data: SiteData) -> dict[str, str]:
    """Every generated text file of the fixture data, on a fixed day and with a fixed feed stamp."""
    renderer = SiteRenderer(collect(fixture_data, date(2026, 4, 1), {2026: "Đoạn giới thiệu của biên tập viên.\n"},
                                    datetime(2026, 4, 1, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    files = {}
    for file in renderer.render():
        if file.path.startswith("admin/") and file.path not in EDITOR_MADE:
            continue  # the web editor's files copied as they are (the CMS, our scripts): tests/test_web_editor.py
        if file.path.endswith(TEXT_SUFFIXES):
            content = file.content.decode("utf-8") if isinstance(file.content, bytes) else file.content
            files[file.path] = content
    return files


def test_every_generated_file_has_a_golden_file(generated: dict[str, str]) -> None:
    assert ATOM in generated
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for path, content in generated.items():
            target = EXPECTED / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8"))
    expected = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    assert expected == set(generated), "files added or gone: run UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.parametrize("path", sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()))
def test_generated_file_matches_its_golden_file(generated: dict[str, str], path: str) -> None:
    expected = (EXPECTED / path).read_bytes().decode("utf-8")
    assert generated.get(path) == expected, f"{path} changed: run UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_every_page_of_each_type_has_a_golden_file(fixture_data: SiteData, page_type: Any) -> None:
    """The registry says which pages there are; a type the fixture has no subject of is said here, not
    passed over in silence."""
    subjects = list(page_type.subjects(fixture_data))
    if not subjects:
        pytest.skip(f"the golden fixture has no page of type {page_type.name}: add a subject to tests/golden to cover it")
    missing = [page_type.path(s) for s in subjects if not (EXPECTED / page_type.path(s)).is_file()]
    assert not missing, f"page type {page_type.name} has no golden file {', '.join(missing)}: run UPDATE_GOLDEN=1 and review it"
