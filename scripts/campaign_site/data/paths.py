"""Where each generated file lives in the site (source paths, as MkDocs sees them)."""

from __future__ import annotations

import posixpath

from campaign_site.data.model import Plan

HOME = "index.md"
LEGAL_BASIS = "can-cu-phap-ly.md"
"""The registry of legal documents, served at `/can-cu-phap-ly/`."""
CALENDAR = "lich/index.md"
"""The calendar of every year, served at `/lich/`."""
ALL_FEED = "lich/tat-ca.ics"
ABOUT = "gioi-thieu.md"
"""The staff's about page, served at `/gioi-thieu/`; the build adds the contact section at its end."""


def document_anchor(doc_id: str) -> str:
    """Link target of one document's row on the legal-basis page."""
    return f"{LEGAL_BASIS}#van-ban-{doc_id}"


def year_page(year: int) -> str:
    return f"{year}/index.md"


def year_plans(year: int) -> str:
    """The year's plan listing, by province, served at `/2026/ke-hoach/`."""
    return f"{year}/ke-hoach/index.md"


BY_PROVINCE = "theo-tinh-thanh-pho"
"""The anchor of the year's plan listing's table of provinces."""


def year_provinces(year: int) -> str:
    """Link target of the table of provinces on the year's plan listing."""
    return f"{year_plans(year)}#{BY_PROVINCE}"


def plan_list(year: int) -> str:
    """Every plan of the year as JSON for the listing's name filter."""
    return f"{year}/ke-hoach/danh-sach.json"


def province_page(year: int, slug: str) -> str:
    """One province's plans of the year, served at `/2026/dia-phuong/lang-son/`."""
    return f"{year}/dia-phuong/{slug}.md"


def plan_page(plan: Plan) -> str:
    """`2026/ke-hoach/so-khcn-lang-son.md`, served at `/2026/ke-hoach/so-khcn-lang-son/`."""
    return f"{plan.year}/ke-hoach/{plan.id}.md"


def year_data(year: int) -> str:
    """The year's open data, served at `/2026.json`."""
    return f"{year}.json"


def page_url(base_url: str, src: str) -> str:
    """Public address of a generated page or file: `2026/index.md` → `https://host/2026/`."""
    path = src.removesuffix("index.md").removesuffix(".md")
    if path and src.endswith(".md") and not path.endswith("/"):
        path += "/"
    return base_url.rstrip("/") + "/" + path


def relative_url(target: str, page: str) -> str:
    """Address of `target` as seen from page `page` (both source paths, served as directory URLs), for
    what MkDocs does not rewrite: raw HTML and JSON."""
    href = posixpath.relpath(page_url("", target), page_url("", page))
    return href + "/" if target.endswith(".md") and not href.endswith("/") else href


def year_calendar(year: int) -> str:
    """`2026/lich.md`, served at `/2026/lich/`."""
    return f"{year}/lich.md"


def year_feed(year: int) -> str:
    return f"lich/{year}.ics"


def plan_feed(plan: Plan) -> str:
    return f"lich/{plan.year}/{plan.id}.ics"


def year_banners(year: int) -> str:
    """`2026/bang-ron.md`, served at `/2026/bang-ron/`; its files are under `2026/bang-ron/`."""
    return f"{year}/bang-ron.md"


def banner_file(year: int, name: str) -> str:
    return f"{year}/bang-ron/{name}"


def staff_feed(feed: str) -> str:
    """The feed of report deadlines, for agencies, that goes with a citizens' feed.

    `lich/tat-ca.ics` → `lich/tat-ca-han-bao-cao.ics`, `lich/2026.ics` → `lich/2026-han-bao-cao.ics`,
    `lich/2026/so-khcn-lang-son.ics` → `lich/2026/han-bao-cao/so-khcn-lang-son.ics` (in a folder, so
    that no plan id, however it ends, names another plan's feed).
    """
    folder, name = feed.rsplit("/", 1)
    if folder == "lich":
        return f"lich/{name.removesuffix('.ics')}-han-bao-cao.ics"
    return f"{folder}/han-bao-cao/{name}"


def is_staff_feed(feed: str) -> bool:
    """Whether `feed` is one of `staff_feed`'s paths."""
    folder, name = feed.rsplit("/", 1)
    return folder.endswith("/han-bao-cao") if folder != "lich" else name.endswith("-han-bao-cao.ics")


NEWS_DIR = "hoat-dong"
YEAR_SECTIONS = frozenset({"index", "lich", "bang-ron", "ke-hoach", "dia-phuong", NEWS_DIR})
"""The addresses under a year (`2026/lich/`, `2026/ke-hoach/`…) that the site's own pages take: an
observance day's page (`2026/<id>/`) must not take one of them."""
"""Staff write activity posts as docs/<year>/hoat-dong/<slug>.md, with their photos beside them."""
SITE_ATOM = "hoat-dong.xml"
"""The Atom feed of every year's activity posts. Feeds sit at the site's root: Material fetches
`sitemap.xml` next to every `<link rel="alternate">`, and only the root has one."""


def news_page(year: int, number: int = 1) -> str:
    """The year's activity posts, newest first: `2026/hoat-dong/index.md`, then `2026/hoat-dong/trang-2.md`."""
    return f"{year}/{NEWS_DIR}/index.md" if number == 1 else f"{year}/{NEWS_DIR}/trang-{number}.md"


def post_page(year: int, slug: str) -> str:
    """An activity post, at the path of the staff file it is rendered from, served at `/2026/hoat-dong/<slug>/`."""
    return f"{year}/{NEWS_DIR}/{slug}.md"


def photo_file(year: int, slug: str, name: str) -> str:
    """A published (resized, cleaned) copy of a post's photo, in the folder the post is served from."""
    return f"{year}/{NEWS_DIR}/{slug}/{name}"


def year_atom(year: int) -> str:
    """The Atom feed of one year's activity posts (see SITE_ATOM for its place)."""
    return f"{NEWS_DIR}-{year}.xml"
