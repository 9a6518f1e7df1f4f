"""Accessibility in Chromium: axe-core finds no WCAG 2.1 A/AA violation on any kind of page (the news
list and a post on a copy with posts, `test_page_budgets.news_site`), nor any rule Lighthouse's
accessibility score counts (heading order, tap target size, redundant alt text…), in the light and the
dark palette, and the keyboard reaches the content first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, page_paths
from playwright.sync_api import Browser, Page
from sample_posts import SLUG
from test_page_budgets import news_site  # noqa: F401 (a fixture)

AXE = REPO / "tests/js/node_modules/axe-core/axe.min.js"
PAGES = [
    "",
    "2026/",
    "2026/bang-ron/",
    "2026/ngay-sang-tao/",
    "2026/ke-hoach/",
    "2026/dia-phuong/lang-son/",
    "2026/ke-hoach/ubnd-phuong-tran-hung-dao/",
    "lich/",
    "2026/lich/",
    "can-cu-phap-ly/",
    "gioi-thieu/",
    "du-lieu-mo/",
    "404.html",
]
NEWS_PAGES = ["2026/hoat-dong/", f"2026/hoat-dong/{SLUG}/"]
WCAG_TAGS = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
"""WCAG 2.1 A and AA."""
LIGHTHOUSE_RULES = [
    "accesskeys", "aria-allowed-attr", "aria-allowed-role", "aria-command-name", "aria-conditional-attr",
    "aria-deprecated-role", "aria-dialog-name", "aria-hidden-body", "aria-hidden-focus", "aria-input-field-name",
    "aria-meter-name", "aria-progressbar-name", "aria-prohibited-attr", "aria-required-attr", "aria-required-children",
    "aria-required-parent", "aria-roles", "aria-text", "aria-toggle-field-name", "aria-tooltip-name", "aria-treeitem-name",
    "aria-valid-attr-value", "aria-valid-attr", "button-name", "bypass", "color-contrast", "definition-list", "dlitem",
    "document-title", "duplicate-id-aria", "form-field-multiple-labels", "frame-title", "heading-order", "html-has-lang",
    "html-lang-valid", "html-xml-lang-mismatch", "image-alt", "image-redundant-alt", "input-button-name",
    "input-image-alt", "label", "link-in-text-block", "link-name", "list", "listitem", "meta-refresh", "meta-viewport",
    "object-alt", "select-name", "skip-link", "tabindex", "table-duplicate-name", "target-size", "td-headers-attr",
    "th-has-data-cells", "valid-lang", "video-caption",
]
"""The axe rules Lighthouse 12.8.2 scores in its accessibility category (`core/config/default-config.js`, weight
above 0), some of them outside the WCAG tags above: a page that passes them all keeps Lighthouse's 100."""


@pytest.fixture(params=["light", "dark"])
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone-sized page whose reader prefers the light or the dark scheme."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=request.param)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:") else route.abort())
    tab = context.new_page()
    tab.palette = {"light": "default", "dark": "slate"}[request.param]  # type: ignore[attr-defined]
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES + NEWS_PAGES)
def test_axe_finds_no_wcag_or_lighthouse_violation(request: pytest.FixtureRequest, palette_page: Page, path: str) -> None:
    palette_page.goto(request.getfixturevalue("news_site" if path in NEWS_PAGES else "served_site") + path)
    assert palette_page.get_attribute("body", "data-md-color-scheme") == palette_page.palette  # type: ignore[attr-defined]
    violations = axe_violations(palette_page)
    assert not violations, "\n".join(violations)


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the open page, of the WCAG rules and, enabled beside them, Lighthouse's
    (`runOnly` plus `rules`, in one run: a rule both lists hold, colour contrast among them, runs once)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("([only, rules]) => axe.run(document, {runOnly: only, rules: rules})",
                           [WCAG_TAGS, {rule: {"enabled": True} for rule in LIGHTHOUSE_RULES}])
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


def test_one_axe_run_reports_a_wcag_rule_and_a_lighthouse_only_rule(page: Page) -> None:
    """A missing alt text (WCAG) and a skipped heading level (Lighthouse's, tagged best practice only)."""
    page.set_content('<html lang="vi"><head><title>T</title></head><body><main><h1>A</h1><h4>B</h4>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    found = {line.split(":", 1)[0] for line in axe_violations(page)}
    assert {"image-alt", "heading-order"} <= found, found


def test_keyboard_reaches_a_visible_skip_link_first(served_site: str, page: Page) -> None:
    page.goto(served_site + "2026/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href'), document.activeElement.textContent.trim()]")
    assert "md-skip" in focused[0] and focused[1].startswith("#")
    assert page.locator(".md-skip").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow")
    assert outline != "nonenone"


def test_search_dialog_has_an_accessible_name_on_every_page(built_site: Path) -> None:
    """Material leaves its search dialog unnamed (Lighthouse `aria-dialog-name`); the hook names it."""
    for html in [*(built_site / path / "index.html" for path in page_paths(built_site)), built_site / "404.html"]:
        dialog = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(attrs={"role": "dialog"})
        assert dialog is not None and dialog.get("aria-label") == "Tìm kiếm", html
