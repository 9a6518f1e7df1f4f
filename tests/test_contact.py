"""Reaching the managing unit: the footer's contact lines and "Báo sai sót" link on every page of a real
build, the about page's contact section, and the open data's licence in the JSON and on its page."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import copy_project, page_paths, replace_in, run_build, shared_build
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.core.catalogue import plain
from campaign_site.data.model import Contact, Organisation, SiteFile, SiteSettings
from campaign_site.pages.contact import ContactBlock, about_section, contact_block, phone_href

EMAIL = "bientap@skhcn.langson.gov.vn"
FULL_CONTACT = f"""contact:
    address: Số 9 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn
    phone: 0205 3812 345
    email: {EMAIL}
    website: https://skhcn.langson.gov.vn/"""
ISSUES = "https://github.com/so-khcn/doimoisangtao/issues/new"
NO_PHONE = f"""contact:
    address: Số 9 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn
    email: {EMAIL}"""
OWN_LICENSE = f"""  issue_url: {ISSUES}
  license:
    name: CC BY-SA 4.0
    url: https://creativecommons.org/licenses/by-sa/4.0/
"""


def _build(folder: Path, contact: str, site_lines: str = "") -> None:
    project = copy_project(folder / "project")
    replace_in(project / "campaigns/site.yaml", "contact: {}", contact)
    if site_lines:
        replace_in(project / "campaigns/site.yaml", "\norganisation:", site_lines + "\norganisation:")
    result = run_build(project / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with the managing unit's address, phone, e-mail and website."""
    return shared_build(tmp_path_factory, "contact-full", lambda f: _build(f, FULL_CONTACT)) / "site"


@pytest.fixture(scope="module")
def issue_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """No phone, an issue form and a licence of the unit's choosing."""
    return shared_build(tmp_path_factory, "contact-issues", lambda f: _build(f, NO_PHONE, OWN_LICENSE)) / "site"


def _soup(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _footer(soup: BeautifulSoup) -> Tag:
    footer = soup.select_one(".md-copyright")
    assert footer is not None
    return footer


def _page_title_and_address(soup: BeautifulSoup) -> tuple[str, str]:
    title, canonical = soup.find("meta", property="og:title"), soup.find("link", rel="canonical")
    assert isinstance(title, Tag) and isinstance(canonical, Tag)
    return str(title["content"]), str(canonical["href"])


def _report(footer: Tag) -> tuple[str, dict[str, list[str]]]:
    link = footer.select_one(".site-report a")
    assert link is not None and link.get_text(strip=True) == "Báo sai sót trên trang này"
    parts = urlsplit(str(link["href"]))
    return parts._replace(query="").geturl(), parse_qs(parts.query, strict_parsing=True)


def test_every_page_has_the_contact_lines_and_a_report_link_naming_it(contact_site: Path) -> None:
    pages = page_paths(contact_site)
    assert len(pages) > 20
    for url_path in pages:
        soup = _soup(contact_site, url_path)
        footer = _footer(soup)
        lines = [li.get_text(" ", strip=True) for li in footer.select(".site-contact li")]
        assert lines == [
            "Địa chỉ: Số 9 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn",
            "Điện thoại: 0205 3812 345",
            f"Thư điện tử: {EMAIL}",
            "Trang thông tin: https://skhcn.langson.gov.vn/",
        ], url_path
        assert footer.select_one('a[href="tel:02053812345"]') is not None
        assert footer.select_one(f'a[href="mailto:{EMAIL}"]') is not None
        title, address = _page_title_and_address(soup)
        target, query = _report(footer)
        assert target == f"mailto:{EMAIL}"
        assert query["subject"] == ["Báo sai sót: " + title], url_path
        assert address in query["body"][0] and address.startswith("https://doimoisangtao.example/")
        assert address.removeprefix("https://doimoisangtao.example/") == url_path + ("/" if url_path else "")


def test_the_about_page_shows_the_same_contact_lines(contact_site: Path) -> None:
    soup = _soup(contact_site, "gioi-thieu")
    article = soup.find("article")
    assert isinstance(article, Tag)
    heading = article.find("h2", id="liên-hệ")
    assert heading is not None and heading.get_text(strip=True).startswith("Liên hệ")
    section = heading.find_next("ul")
    assert isinstance(section, Tag)
    footer_lines = [li.get_text(" ", strip=True) for li in _footer(soup).select(".site-contact li")]
    assert [li.get_text(" ", strip=True) for li in section.find_all("li")] == footer_lines
    assert section.select_one('a[href="tel:02053812345"]') is not None
    assert "Đơn vị quản lý trang: Nhóm biên tập trang Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo, Việt Nam." in article.get_text(" ")


def test_the_json_and_the_open_data_page_state_the_licence(contact_site: Path, issue_site: Path) -> None:
    for site, name, url in ((contact_site, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                            (issue_site, "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")):
        for year in (2025, 2026):
            assert json.loads((site / f"{year}.json").read_text(encoding="utf-8"))["license"] == {"name": name, "url": url}
        article = _soup(site, "du-lieu-mo").find("article")
        assert isinstance(article, Tag)
        link = article.select_one('a[rel="license"]')
        assert link is not None and link["href"] == url and link.get_text() == name
        assert link.parent is not None
        assert link.parent.get_text(" ", strip=True) == f"Dữ liệu mở của trang được phát hành theo giấy phép {name} ."
        terms = "Ai cũng được sao chép, chia sẻ, chỉnh sửa và dùng lại dữ liệu, kể cả để kinh doanh, miễn là ghi rõ nguồn."
        assert (terms in article.get_text()) == (name == "CC BY 4.0")  # said only of the licence it describes


def test_without_a_phone_no_page_shows_one_and_the_report_link_opens_the_issue_form(issue_site: Path) -> None:
    for url_path in page_paths(issue_site):
        soup = _soup(issue_site, url_path)
        footer = _footer(soup)
        assert "Điện thoại" not in soup.get_text() and not soup.select('a[href^="tel:"]'), url_path
        assert [li.get_text(" ", strip=True) for li in footer.select(".site-contact li")] == [
            "Địa chỉ: Số 9 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn", f"Thư điện tử: {EMAIL}"]
        title, address = _page_title_and_address(soup)
        target, query = _report(footer)
        assert target == ISSUES
        assert query["title"] == ["Báo sai sót: " + title] and address in query["body"][0]


def test_the_shipped_settings_give_no_contact_and_no_report_link(built_site: Path) -> None:
    soup = _soup(built_site, "2026")
    footer = _footer(soup)
    assert not footer.select(".site-contact, .site-report, a[href^='mailto:'], a[href^='tel:']")
    article = _soup(built_site, "gioi-thieu").find("article")
    assert isinstance(article, Tag)
    assert "Trang chưa ghi địa chỉ, số điện thoại hay thư điện tử của đơn vị quản lý." in article.get_text(" ")


@pytest.mark.parametrize(("phone", "href"), [
    ("0205 3812 345", "tel:02053812345"),
    ("+84 (205) 3812.345", "tel:+842053812345"),
    ("0205 3812 345 - 0912 345 678", None),
    ("Tổng đài 1022", None),
    ("12", None),
])
def test_a_phone_link_is_made_only_for_one_number(phone: str, href: str | None) -> None:
    assert phone_href(phone) == href


def _block(email: str | None, issue_url: str | None = None) -> ContactBlock:
    site = SiteSettings(title="T", description="D", base_url="https://a.example/", issue_url=issue_url)
    return contact_block(SiteFile(site=site, organisation=Organisation(name="N", locality="L", contact=Contact(email=email))))


ADDRESSES = st.builds(lambda path: "https://doimoisangtao.example/" + path, st.from_regex(r"[a-z0-9/-]{0,30}", fullmatch=True))


@given(title=st.text(min_size=1), address=ADDRESSES)
def test_the_report_link_carries_the_title_and_address_exactly(title: str, address: str) -> None:
    subject = unicodedata.normalize("NFC", "Báo sai sót: " + title)
    body = unicodedata.normalize("NFC", plain("page.contact.report_body", address=address))
    for block, key, text in ((_block(EMAIL), "subject", body.replace("\n", "\r\n")), (_block(EMAIL, ISSUES), "title", body)):
        url = block.report_url(title, address)
        assert url is not None and url.isascii() and not any(c in url for c in " <>\"'\n")
        parts = urlsplit(url)
        query = parse_qs(parts.query, keep_blank_values=True)
        assert query[key] == [subject] and query["body"] == [text]
        assert address in query["body"][0]
    assert _block(None).report_url(title, address) is None


def test_about_section_without_contact_says_so_and_names_no_report_link() -> None:
    section = about_section(_block(None))
    assert "Trang chưa ghi địa chỉ" in section and "Báo sai sót" not in section
    assert "Báo sai sót trên trang này" in about_section(_block(EMAIL))
