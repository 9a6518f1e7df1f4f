"""The legal-basis page: every document in the registry, its chain, JSON-LD, filter and sort."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import page_text
from playwright.sync_api import Browser, Page, expect
from seed_facts import DOCUMENTS, PLANS

from campaign_site.core.yaml_source import SourceFile
from campaign_site.data.checks import number_symbol_warnings
from campaign_site.data.model import LegalDocument, follows_decree_30
from campaign_site.data.wording import ISSUER_LEVELS as LEVELS

REPO = Path(__file__).resolve().parent.parent
LEVEL_COUNTS = {"party": 1, "government": 1, "ministry": 3, "province": 4, "commune": 1}


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_registry_lists_all_ten_documents_with_number_date_and_issuer(built_site: Path) -> None:
    rows = soup_of(built_site, "can-cu-phap-ly").select("table[data-legal-table] tbody tr")
    found = {}
    for row in rows:
        cells = [re.sub(r"\s+", " ", td.get_text(" ")).strip() for td in row.find_all("td")]
        found[cells[1]] = (cells[2], cells[3])
    assert len(rows) == 10
    for number_symbol, (date, issuer) in DOCUMENTS.items():
        assert number_symbol in found, number_symbol
        assert found[number_symbol][0] == date
        assert found[number_symbol][1].startswith(issuer)


def test_registry_rows_name_the_plans_and_documents_citing_them(built_site: Path) -> None:
    soup = soup_of(built_site, "can-cu-phap-ly")
    row = soup.find(id="van-ban-nq-57-tw-2024")
    cited_by = row.find_all("td")[5].get_text()
    for name in ("Sở KH&CN Thanh Hóa (2025)", "UBND phường Trần Hưng Đạo (2026)", "Nghị quyết số 71/NQ-CP", "Kế hoạch số 69/KH-UBND"):
        assert name in cited_by


@pytest.mark.parametrize("url", PLANS)
def test_each_plan_page_shows_its_chain_linked_to_the_registry(built_site: Path, url: str) -> None:
    soup = soup_of(built_site, url)
    basis = soup.find(id="căn-cứ").find_next("ul")
    targets = {a["href"].split("#")[1] for a in basis.find_all("a", href=True)}
    registry = soup_of(built_site, "can-cu-phap-ly")
    assert targets and all(registry.find(id=target) for target in targets)
    linked_numbers = {registry.find(id=t).find_all("td")[1].get_text(strip=True) for t in targets}
    assert set(PLANS[url]["documents"]) <= linked_numbers


def test_legal_page_shows_each_plans_chain_per_year(built_site: Path) -> None:
    text = page_text(built_site, "can-cu-phap-ly")
    assert text.index("Năm 2026") < text.index("Năm 2025")
    chain = text[text.index("Ủy ban nhân dân xã Bình Thành (Thái Nguyên) : Công văn số …/UBND-VHXH") :]
    assert chain.index("69/KH-UBND") < chain.index("57-NQ/TW")


def test_citations_are_full_first_then_short(built_site: Path) -> None:
    """On the plan page 57-NQ/TW is cited in full once; the registry page cites each once per chain."""
    text = page_text(built_site, "2026/ke-hoach/ubnd-phuong-tran-hung-dao")
    assert text.count("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị") == 1
    assert "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ về sửa đổi" in text


def test_the_page_opens_with_the_national_documents_and_its_chains_cite_them_short(built_site: Path) -> None:
    """First what the legal basis is and the documents at the top of every chain (Party, Government, ministries,
    highest first), each linked to its row; the chains after the registry cite by type and number only, since
    the registry above cites every document in full."""
    soup = soup_of(built_site, "can-cu-phap-ly")
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.article.find_all("h2")]
    assert headings[:2] == ["Văn bản của trung ương", "Danh mục văn bản"]
    main = soup.select(".legal-main li a")
    assert [a.get_text() for a in main] == [
        "Nghị quyết số 57-NQ/TW của Bộ Chính trị", "Nghị quyết số 71/NQ-CP của Chính phủ",
        "Công văn số 743/BKHCN-ĐMST của Bộ Khoa học và Công nghệ", "Công văn số 440/SHTT-NĐHT của Cục Sở hữu trí tuệ",
        "Công văn số 2341/BKHCN-ĐMST của Bộ Khoa học và Công nghệ"]
    for a in main:
        assert soup.find("tr", id=a["href"].split("#", 1)[1]) is not None
    chains_heading = next(h for h in soup.article.find_all("h2") if h.get_text().startswith("Chuỗi văn bản"))
    chains = chains_heading.find_all_next("a", href=re.compile("#van-ban-"))
    assert chains and all(" ngày " not in a.get_text() and " của " not in a.get_text() for a in chains if "số" in a.get_text())


def test_json_ld_describes_each_document(built_site: Path) -> None:
    html = (built_site / "can-cu-phap-ly/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    graph = json.loads(blocks[0])["@graph"]
    assert len(graph) == 10
    by_number = {item["legislationIdentifier"]: item for item in graph}
    for number_symbol, (date, issuer) in DOCUMENTS.items():
        item = by_number[number_symbol]
        assert item["@type"] == "Legislation"
        day, month, year = (int(x) for x in date.split("/"))
        assert item["legislationDate"] == f"{year:04d}-{month:02d}-{day:02d}"
        assert item["legislationPassedBy"]["name"] == issuer
    assert by_number["71/NQ-CP"]["isBasedOn"] == [{"@id": by_number["57-NQ/TW"]["@id"]}]


@pytest.mark.parametrize("good", ["2341/BKHCN-ĐMST", "57-NQ/TW", "71/NQ-CP", "4996/UBND-CNXDKH", "1/QĐ-TTg", "12-CT/TU"])
def test_number_symbol_in_decree_30_form_is_accepted(good: str) -> None:
    LegalDocument.model_validate(_doc(good))


@pytest.mark.parametrize("printed", ["2341 /BKHCN-ĐMST", "2341/BKHCN ĐMST", "57-NQ/ TW", "2341/BKHCN--ĐMST", "12/HD-BKHCN, SHTT",
                                     "45/KH-SKHCN&ĐMST"])
def test_number_symbol_printed_against_decree_30_is_kept_with_a_warning(printed: str) -> None:
    doc = LegalDocument.model_validate(_doc(printed))
    assert doc.number_symbol == printed and not follows_decree_30(printed)
    source = SourceFile("campaigns/documents.yaml", {}, {})
    (warning,) = number_symbol_warnings(source, [doc])
    assert warning.severity == "warning" and "Nghị định 30/2020/NĐ-CP" in warning.message and printed in warning.message


@pytest.mark.parametrize("bad", ["BKHCN-ĐMST", "2341", "2341/", "số 12"])
def test_what_cannot_be_a_number_symbol_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="không phải số, ký hiệu văn bản"):
        LegalDocument.model_validate(_doc(bad))


def _doc(number_symbol: str) -> dict[str, str]:
    return {"id": "x", "type": "Công văn", "number_symbol": number_symbol, "date": "1/1/2026", "issuer": "Bộ", "level": "ministry", "summary": "về việc x"}


def test_filter_by_level_and_sort_by_column_in_the_browser(served_site: str, page: Page) -> None:
    page.goto(served_site + "can-cu-phap-ly/")
    rows = page.locator("table[data-legal-table] tbody tr")
    expect(rows).to_have_count(10)
    for level, count in LEVEL_COUNTS.items():
        page.locator(f'input[name="cap-ban-hanh"][value="{level}"]').check()
        expect(page.locator("table[data-legal-table] tbody tr:visible")).to_have_count(count)
        expect(page.locator(".legal-filter__count")).to_have_text(f"Đang hiện {count} trên 10 văn bản.")
    page.locator('input[name="cap-ban-hanh"][value=""]').check()
    expect(page.locator("table[data-legal-table] tbody tr:visible")).to_have_count(10)

    # Sorting is offered where the registry is a table; on a phone it is a list in date order.
    expect(page.locator("th", has_text="Số, ký hiệu")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 800})
    number_header = page.locator("th", has_text="Số, ký hiệu")
    number_header.locator("button").focus()
    page.keyboard.press("Enter")
    expect(number_header).to_have_attribute("aria-sort", "ascending")
    expect(rows.first.locator("td").nth(1)).to_have_text("57-NQ/TW")
    page.keyboard.press("Enter")
    expect(number_header).to_have_attribute("aria-sort", "descending")
    expect(rows.first.locator("td").nth(1)).to_have_text("4996/UBND-CNXDKH")


def test_registry_reads_fully_without_javascript(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(served_site + "can-cu-phap-ly/")
    expect(tab.locator("table[data-legal-table] tbody tr:visible")).to_have_count(10)
    for level, count in LEVEL_COUNTS.items():  # the filter works from the stylesheet alone
        tab.locator(f'input[name="cap-ban-hanh"][value="{level}"]').check()
        expect(tab.locator("table[data-legal-table] tbody tr:visible")).to_have_count(count)
    context.close()


def test_stylesheet_filters_every_level() -> None:
    css = (REPO / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    for level in LEVELS:
        assert f'input[value="{level}"]:checked) tr[data-level]:not([data-level="{level}"])' in css
