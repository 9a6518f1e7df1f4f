"""Site search in Chromium: Vietnamese with or without diacritics, any case, composed or decomposed.

The queries are typed into Material's own search box on the built site; results come from
Material's search worker with our Vietnamese lunr plugin (overrides/assets/javascripts/lunr/).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Page

QUERY = "input[data-md-component=search-query]"


def results(page: Page, query: str) -> list[str]:
    """Result addresses (path and anchor) for `query`, best first, as Material lists them.

    The box is emptied first so no list of an earlier query is read; the list is read once it
    has items and stays the same for a moment (the worker may still be loading the index).
    """
    items = ".md-search-result__item > a"
    page.fill(QUERY, "")
    page.locator(QUERY).press("End")
    page.wait_for_function(f"document.querySelectorAll('{items}').length === 0")
    page.fill(QUERY, query)
    page.locator(QUERY).press("End")  # Material reads the box on key up
    page.wait_for_function(f"document.querySelectorAll('{items}').length > 0")
    base = page.url.split("#")[0]
    previous: list[str] = []
    for _ in range(20):
        page.wait_for_timeout(150)
        hrefs = page.locator(items).evaluate_all("els => els.map(e => e.getAttribute('href'))")
        if hrefs == previous:
            break
        previous = hrefs
    return [h.removeprefix(base) for h in previous]


@pytest.fixture
def search_page(served_site: str, page: Page) -> Page:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site)
    return page


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("khau hieu", "2026/bang-ron/"),
        ("Khẩu hiệu", "2026/bang-ron/"),
        ("KHẨU HIỆU", "2026/bang-ron/"),
        ("doi moi sang tao 2026", "2026/"),
        ("Đổi mới sáng tạo 2026", "2026/"),
    ],
)
def test_best_match_ranks_first(search_page: Page, query: str, first: str) -> None:
    assert results(search_page, query)[0] == first


@pytest.mark.parametrize(
    "forms",
    [
        ["doi moi sang tao", "Đổi mới sáng tạo", "ĐỔI MỚI SÁNG TẠO", unicodedata.normalize("NFD", "Đổi mới sáng tạo")],
        ["so huu tri tue", "sở hữu trí tuệ", unicodedata.normalize("NFD", "Sở Hữu Trí Tuệ")],
        ["khau hieu", "khẩu hiệu", unicodedata.normalize("NFD", "khẩu hiệu")],
        ["d", "Đ", "đ", "D"],
        ["lang son", "Lạng Sơn"],
    ],
)
def test_every_spelling_of_a_query_finds_the_same_pages(search_page: Page, forms: list[str]) -> None:
    found = [results(search_page, form) for form in forms]
    assert found[0], forms[0]
    for form, other in zip(forms[1:], found[1:], strict=True):
        assert other == found[0], form


def test_results_show_the_original_words(search_page: Page) -> None:
    results(search_page, "so huu tri tue")
    titles = search_page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any("Sở hữu trí tuệ" in t for t in titles)
    marks = search_page.locator(".md-search-result mark").all_inner_texts()
    assert {"sở", "hữu", "trí", "tuệ"} <= {m.lower() for m in marks}


def test_plain_material_search_would_miss_words_without_diacritics(built_site: Path) -> None:
    """Why the plugin exists: the index holds only words with their marks."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["vi"]
    text = " ".join(d["text"] for d in index["docs"]).lower()
    assert "khẩu hiệu" in text and "khau hieu" not in text
    plugin = (built_site / "assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")
    assert "normalize(\"NFD\")" in plugin


def test_search_snippets_come_from_content_not_controls(built_site: Path) -> None:
    """Copy buttons, feed addresses, the calendar line and the plan filter are left out of the index."""
    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in docs if "Sao chép" in d["text"] or "://" in d["text"] or "Tìm theo tên" in d["text"]] == []
    year = next(d["text"] for d in docs if d["location"] == "2026/")
    assert year.startswith("<p>Các kế hoạch năm 2026 được thực hiện trong khoảng từ ngày 15/4/2026 đến hết ngày 19/5/2026. "
                           "Thời gian này đã kết thúc. Xem lịch theo tháng.</p>")
    banner = next(d["text"] for d in docs if d["location"] == "2026/bang-ron/#chao-mung-ngay-khcn-viet-nam")
    assert banner.replace("<p></p> ", "").startswith("<p>Nhiệt liệt chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5</p> <p>61 ký tự")
