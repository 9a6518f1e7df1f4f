"""The built site shows every fact of the five source documents, on year pages and plan pages."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, page_text
from seed_facts import (
    DOCUMENTS,
    PLANS,
    SLOGAN_2025,
    SLOGAN_2026_21_4,
    SLOGANS_2026_LOCAL,
    THEME_2026_IP,
    THEME_2026_ST,
    THEMES_2025,
    THEMES_2026_21_4,
)

from campaign_site.data.loader import load_site


def citation(number_symbol: str) -> str:
    date, issuer = DOCUMENTS[number_symbol]
    return f"số {number_symbol} ngày {date} của {issuer}"


@pytest.mark.parametrize("url", PLANS)
def test_plan_page_shows_every_fact_of_its_document(built_site: Path, url: str) -> None:
    facts = PLANS[url]
    text = page_text(built_site, url)
    assert facts["issuer"] in text
    start, end = facts["window"]
    assert f"từ ngày {start} đến hết ngày {end}" in text
    for deadline in facts["deadlines"]:
        assert deadline in text
    if not facts["deadlines"]:
        assert "Văn bản không nêu hạn báo cáo" in text
    for number_symbol in facts["documents"]:
        assert citation(number_symbol) in text
    for phrase in facts["phrases"]:
        assert f"“{phrase}”" in text
    assert facts["signer"] in text


@pytest.mark.parametrize("url", PLANS)
def test_plan_page_shows_every_unit_task_and_item_of_the_data(built_site: Path, url: str) -> None:
    year, _, plan_id = url.split("/")
    plan = next(p for p in load_site(REPO / "campaigns").campaigns[int(year)].plans if p.id == plan_id)
    text = page_text(built_site, url)
    texts = [*plan.context, *plan.purposes, *plan.requirements, *plan.forms, *plan.addressees, *plan.recipients]
    texts += [item for section in plan.content for item in section.items]
    texts += [s.heading for s in plan.content if s.heading]
    for unit in plan.responsibilities:
        texts.append(unit.unit)
        texts += [t.text for t in unit.tasks] + [t.performers for t in unit.tasks if t.performers]
    assert texts
    for item in texts:
        assert re.sub(r"\s+", " ", item) in text, item


@pytest.mark.parametrize(
    ("year", "phrases", "plans"),
    [
        (2026, [*THEMES_2026_21_4, SLOGAN_2026_21_4, THEME_2026_IP, THEME_2026_ST, *SLOGANS_2026_LOCAL], [p for p in PLANS if p.startswith("2026")]),
        (2025, [*THEMES_2025, SLOGAN_2025], [p for p in PLANS if p.startswith("2025")]),
    ],
)
def test_year_page_shows_themes_slogans_windows_deadlines_and_the_legal_page_the_documents(
    built_site: Path, year: int, phrases: list[str], plans: list[str]
) -> None:
    """The documents each plan implements are on the legal-basis page, which the year page links."""
    text, legal = page_text(built_site, str(year)), page_text(built_site, "can-cu-phap-ly")
    for phrase in phrases:
        assert f"“{phrase}”" in text
    for url in plans:
        facts = PLANS[url]
        assert facts["issuer"] in text
        assert "từ ngày {} đến hết ngày {}".format(*facts["window"]) in text
        for deadline in facts["deadlines"]:
            assert deadline in text
        for number_symbol in facts["documents"]:
            assert number_symbol in legal  # its row of the registry; the row's date and issuer: test_legal_basis.py


def test_year_window_summary_spans_all_plans(built_site: Path) -> None:
    assert "Các kế hoạch năm 2026 được thực hiện trong khoảng từ ngày 15/4/2026 đến hết ngày 19/5/2026" in page_text(built_site, "2026")
    assert "Kế hoạch năm 2025 được thực hiện từ ngày 16/4/2025 đến hết ngày 05/5/2025" in page_text(built_site, "2025")  # one plan
    assert "Năm 2025 : 1 kế hoạch, từ ngày 16/4/2025 đến hết ngày 05/5/2025" in page_text(built_site, "")


def test_year_page_lists_plans_with_links_to_their_pages(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in soup.find("article").find_all("a", href=True)}
    for url in PLANS:
        if url.startswith("2026/"):
            assert f"ke-hoach/{url.rsplit('/', 1)[1]}/" in hrefs


def test_staff_markdown_for_the_year_appears_with_generated_content(built_site: Path) -> None:
    text = page_text(built_site, "2026")
    assert "Mỗi kế hoạch có trang riêng, theo thứ tự của văn bản" in text
    assert text.index("Kế hoạch hưởng ứng") < text.index("Mỗi kế hoạch có trang riêng") < text.index("Chủ đề và khẩu hiệu")


def test_plan_chain_shows_what_cited_documents_implement(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/ke-hoach/ubnd-xa-binh-thanh/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="căn-cứ")
    outer = heading.find_next("ul")
    nested = [li for li in outer.find_all("li") if li.find_parent("ul") is not outer]
    assert any("57-NQ/TW" in li.get_text() for li in nested), "57-NQ/TW should appear under 69/KH-UBND"


@pytest.mark.parametrize("year", [2025, 2026])
def test_open_data_json_is_linked_and_matches_the_data(built_site: Path, year: int) -> None:
    soup = BeautifulSoup((built_site / f"{year}/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("a", href=f"../{year}.json") is not None
    assert re.search(r"JSON, \d+ KB", soup.get_text())
    data = json.loads((built_site / f"{year}.json").read_text(encoding="utf-8"))
    assert data["year"] == year
    expected_plans = {url.rsplit("/", 1)[1] for url in PLANS if url.startswith(f"{year}/")}
    assert {p["id"] for p in data["plans"]} == expected_plans
    for plan in data["plans"]:
        assert plan["url"].endswith(f"/{year}/ke-hoach/{plan['id']}/")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", plan["window"]["start"])
    numbers = {d["number_symbol"] for d in data["documents"]}
    for url in expected_plans:
        assert set(PLANS[f"{year}/ke-hoach/{url}"]["documents"]) <= numbers


def test_pages_have_short_ascii_addresses(built_site: Path) -> None:
    for url in PLANS:
        assert (built_site / url / "index.html").is_file()
        assert url.isascii()


def test_heading_anchors_keep_vietnamese_letters(built_site: Path) -> None:
    html = (built_site / "2026/ke-hoach/so-khcn-lang-son/index.html").read_text(encoding="utf-8")
    assert 'id="tổ-chức-thực-hiện"' in html
    assert 'id="đơn-vị"' not in html  # sanity: anchors come from real headings only


def hero(site: Path) -> tuple[str, str]:
    """The home page's first line and the description of its banner picture."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".hero__kicker").get_text(" ", strip=True), soup.select_one(".hero__art")["alt"]


def test_home_leads_with_the_latest_campaign_after_the_last_one(built_site: Path) -> None:
    kicker, art = hero(built_site)
    # built on today's date: the 2026 campaign, with its span, or said to have ended once its last day has passed
    assert kicker.startswith(("Năm 2026 ·", "Đợt hưởng ứng năm 2026 đã kết thúc"))
    assert "Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả" in art
    assert "Năm 2025" in page_text(built_site, "")


def test_home_leads_with_the_next_campaign(tmp_path: Path) -> None:
    from conftest import run_build

    site = tmp_path / "site"
    assert run_build(REPO / "mkdocs.yml", site, today="2025-03-01").returncode == 0
    kicker, art = hero(site)
    assert kicker.startswith("Năm 2025 ·") and "năm 2025" in art and SLOGAN_2026_21_4 not in page_text(site, "")


def test_next_year_is_featured_once_its_data_exists_and_this_year_is_over(project: Path) -> None:
    """In November 2026, as soon as campaigns/2027/ is filled in, the home page leads with 2027."""
    from campaign_site.data.loader import load_site

    data = load_site(project / "campaigns")
    assert data.featured_year(date(2026, 11, 30)) == 2026  # no later year yet: the latest
    (project / "campaigns/2027").mkdir()
    text = (project / "campaigns/2026/campaign.yaml").read_text(encoding="utf-8").replace("2026", "2027")
    (project / "campaigns/2027/campaign.yaml").write_text(text, encoding="utf-8")
    data = load_site(project / "campaigns")
    assert data.featured_year(date(2026, 5, 10)) == 2026  # 2026's campaign is still on
    assert data.featured_year(date(2026, 11, 30)) == 2027


def test_site_is_in_vietnamese(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="vi"' in html, page
        for english in ("Made with", "Initializing search", "Not found", "Back to top", "Contributors"):
            assert english not in html, (page, english)
    assert "Không tìm thấy trang" in (built_site / "404.html").read_text(encoding="utf-8")


def test_no_request_to_any_other_host(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []) and "icon" not in element.get("rel", []):
                    continue
                assert not re.match(r"^(https?:)?//", value), (page, value)
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)


def test_navigation_lists_years_newest_first_with_their_plan_listing_not_each_plan(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.find("nav", class_="md-nav--primary")
    nav_text = nav.get_text(" ")
    assert nav_text.index("Năm 2026") < nav_text.index("Năm 2025")
    assert "Kế hoạch năm 2026" in nav_text
    for issuer in ("Sở KH&CN Lạng Sơn", "Sở KH&CN Lai Châu", "UBND phường Trần Hưng Đạo", "UBND xã Bình Thành"):
        assert issuer not in nav_text


def test_navigation_order_is_home_years_legal_basis_then_staff_pages(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    top = soup.select("nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label, nav.md-nav--primary > ul > li > div > a")
    labels = [re.sub(r"\s+", " ", a.get_text(" ")).strip() for a in top]
    order = [next(i for i, label in enumerate(labels) if label.startswith(name)) for name in ("Năm 2026", "Năm 2025", "Căn cứ pháp lý", "Giới thiệu")]
    assert order == sorted(order), labels


def test_material_strings_left_in_english_are_translated(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Đang chuẩn bị tìm kiếm" in html and "Lên đầu trang" in html
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  language: vi\n" in config


def test_robots_txt_points_at_the_sitemap_of_the_configured_address(built_site: Path) -> None:
    """… and keeps crawlers out of the web editor."""
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://doimoisangtao.example/sitemap.xml\n"
    )
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://doimoisangtao.example/2026/bang-ron/</loc>" in sitemap


def test_no_page_title_says_the_site_s_name_twice(built_site: Path) -> None:
    """The browser tab and search results read the page, then the site: the home page says the site's name once."""
    for page in built_site.rglob("*.html"):
        title = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").title
        if title is None or page.name == "404.html":
            continue
        name = title.get_text()
        site = name.rsplit(" - ", 1)[-1]
        assert name.count(site) == 1, f"{page.relative_to(built_site)}: {name}"
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser").title
    assert home is not None and " - " not in home.get_text()
