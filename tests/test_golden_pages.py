"""Golden files: the generated Markdown of every page type, and the feeds, JSON and text files, from a
small fixture data set (tests/golden/campaigns: one year, two plans, one of them with units' tasks, a closing
and recipients, two documents; tests/golden/docs: one
activity post with a small photo), compared byte for
byte with tests/golden/expected. Any template or renderer change shows here as a reviewable diff.

Regenerate after an intended change: `UPDATE_GOLDEN=1 scripts/dev test tests/test_golden_pages.py`,
then read the diff of tests/golden/expected before committing it.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import REPO

from campaign_site.data.loader import load_site
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
TEXT_SUFFIXES = (".md", ".json", ".ics", ".txt", ".xml")
PAGE_TYPES = {"index.md", "2026/index.md", "2026/ke-hoach/so-khcn-lai-chau.md", "2026/ke-hoach/index.md",
              "2026/dia-phuong/lai-chau.md", "lich/index.md", "2026/lich.md", "2026/bang-ron.md", "can-cu-phap-ly.md",
              "du-lieu-mo.md", "2026/hoat-dong/index.md", "2026/hoat-dong/ngay-hoi-doi-moi-sang-tao.md", "hoat-dong.xml"}


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    """Every generated text file of the fixture data, on a fixed day and with a fixed feed stamp."""
    data = load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")
    renderer = SiteRenderer(collect(data, date(2026, 4, 1), {2026: "Đoạn giới thiệu của biên tập viên.\n"},
                                    datetime(2026, 4, 1, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    files = {}
    for file in renderer.render():
        if file.path.endswith(TEXT_SUFFIXES):
            content = file.content.decode("utf-8") if isinstance(file.content, bytes) else file.content
            files[file.path] = content
    return files


def test_every_page_type_has_a_golden_file(generated: dict[str, str]) -> None:
    assert PAGE_TYPES <= set(generated)
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
