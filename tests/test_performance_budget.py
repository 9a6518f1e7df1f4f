"""Every page's first load on a phone: at most 150 KB compressed (images excluded), nothing from another host.

Each page opens in a fresh browser context (an empty cache), and waits until the network is idle,
so the search worker's index and language files count too. Bytes are what a server compressing
with gzip (level 6) sends: text responses gzipped, already compressed formats as they are.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import page_paths
from playwright.sync_api import Browser, Response

BUDGET = 150 * 1024
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def transferred(response: Response) -> int:
    """Bytes on the wire for this response from a gzip-compressing server."""
    body = response.body()
    content_type = response.headers.get("content-type", "")
    return len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSIBLE) else len(body)


def first_load(browser: Browser, url: str) -> tuple[dict[str, int], list[str]]:
    """Compressed bytes per non-image response of a cold load, and every requested URL."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    responses: list[Response] = []
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    sizes = {r.url: transferred(r) for r in responses if r.request.resource_type not in ("image", "media")}
    context.close()
    return sizes, requested


def test_every_page_loads_within_the_budget_from_the_site_alone(built_site: Path, served_site: str, browser: Browser) -> None:
    over: list[str] = []
    paths = page_paths(built_site)
    assert len(paths) >= 14
    for path in [*paths, "404.html"]:
        url = served_site + (path + "/" if path and not path.endswith(".html") else path)
        sizes, requested = first_load(browser, url)
        outside = [u for u in requested if not u.startswith((served_site, "data:", "blob:"))]
        assert not outside, f"{path}: requests left the site: {outside}"
        assert any(u.endswith("search_index.json") for u in sizes), "the search index must count"
        total = sum(sizes.values())
        if total > BUDGET:
            biggest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
            over.append(f"/{path}: {total / 1024:.0f} KB; largest: {biggest}")
    assert not over, "\n".join(over)


def test_the_measure_counts_compressed_bytes(built_site: Path, served_site: str, browser: Browser) -> None:
    """A guard on the measure itself: the home page's HTML counts at its gzip size, not zero or raw."""
    sizes, _ = first_load(browser, served_site)
    html = (built_site / "index.html").read_bytes()
    assert sizes[served_site] == len(gzip.compress(html, 6))
    assert 0 < sizes[served_site] < len(html)
