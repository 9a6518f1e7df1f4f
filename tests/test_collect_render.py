"""Collect, then render: every stage runs once into one immutable value (`stages.collect.Collected`), and
the renderer only lays pages out from it. The fragments pages share are the macros of `_macros.md.j2`,
rendered here through the site's own Jinja environment and read as HTML (Markdown converted with the
extensions MkDocs uses), from the golden fixture's data."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_site.core.problems import Problem
from campaign_site.core.text_safety import visible_text
from campaign_site.data import paths
from campaign_site.data.activities import PostPhoto
from campaign_site.data.loader import load_site
from campaign_site.pages import renderer as renderer_module
from campaign_site.pages.registry import PAGE_TYPES
from campaign_site.pages.renderer import SiteRenderer, error_page
from campaign_site.stages import open_data, originals
from campaign_site.stages.banners import artwork
from campaign_site.stages.banners.artwork import Download
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.calendar import events, feeds, ics
from campaign_site.stages.collect import Collected, collect
from campaign_site.stages.news import atom, photos, posts
from campaign_site.stages.news.photos import Copy, PublishedPhoto

GOLDEN = REPO / "tests" / "golden"
DAY = date(2026, 4, 1)
STAMP = datetime(2026, 4, 1, tzinfo=UTC)
MACROS = "link, download, image, picture, figure, feed_link, next_items"


@pytest.fixture(scope="module")
def collected() -> Collected:
    data = load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")
    return collect(data, DAY, {}, STAMP, BannerCache(REPO / ".cache" / "banners"))


@pytest.fixture(scope="module")
def site(collected: Collected) -> SiteRenderer:
    return SiteRenderer(collected)


def fragment(site: SiteRenderer, page: str, call: str, **values: Any) -> str:
    """What `call` (a template expression using the macros) writes on the page at source path `page`."""
    source = '{% from "_macros.md.j2" import ' + MACROS + " with context %}" + call
    return site.env.from_string(source).render(page=page, **values)


def html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["attr_list", "md_in_html"]), "html.parser")


def test_what_was_collected_cannot_change(collected: Collected) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        collected.files = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        collected.feeds["lich/tat-ca.ics"] = collected.feeds["lich/2026.ics"]  # type: ignore[index]
    assert isinstance(collected.files, tuple)
    assert {"robots.txt", "2026.json", "2026/ke-hoach/danh-sach.json", "lich/2026.ics", "hoat-dong.xml"} <= {
        f.path for f in collected.files}


def test_rendering_runs_no_stage_and_adds_only_pages(collected: Collected, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once collected, the pages are laid out with every stage's code made to fail: nothing is made again,
    and what the renderer adds to the stages' files is one page per subject of each page type."""
    stages = [(events, "year_events"), (events, "coming_years"), (feeds, "site_feeds"), (ics, "feed"),
              (artwork.BannerMaker, "year"), (posts, "news_stage"), (atom, "feed"), (photos.PhotoMaker, "post"),
              (originals, "original_files"), (open_data, "year_json")]
    for owner, name in stages:
        def ran(*_args: object, _name: str = name, **_kwargs: object) -> None:
            raise AssertionError(f"{_name} ran while the pages were laid out")
        monkeypatch.setattr(owner, name, ran)
        monkeypatch.setattr(renderer_module, name, ran, raising=False)
    files = SiteRenderer(collected).render()
    assert files[:len(collected.files)] == list(collected.files)
    pages = [f.path for f in files[len(collected.files):]]
    assert pages == [t.path(s) for t in PAGE_TYPES for s in t.subjects(collected.data)]


def test_a_link_is_relative_to_the_page_source_and_its_text_stays_text(site: SiteRenderer) -> None:
    text = fragment(site, "2026/ke-hoach/so-khcn-lai-chau.md", "{{ link(target, words) }}",
                    target="2026/bang-ron.md", words="Khẩu hiệu *in* [năm] 2026")
    assert text == "[Khẩu hiệu &#42;in&#42; &#91;năm&#93; 2026](../bang-ron.md)"
    anchor = html(text).a
    assert anchor is not None and anchor.get_text() == "Khẩu hiệu *in* [năm] 2026"


def test_a_download_names_the_file_its_size_and_classes(site: SiteRenderer) -> None:
    file = Download("Văn bản gốc: PDF", "van-ban/2341_BKHCN-DMST.pdf", 1_300_000)
    anchor = html(fragment(site, "can-cu-phap-ly.md", '{{ download(file, file.label, ".md-button") }}', file=file)).a
    assert anchor is not None
    assert anchor["href"] == "van-ban/2341_BKHCN-DMST.pdf"
    assert anchor["download"] == "2341_BKHCN-DMST.pdf"
    assert anchor["class"] == ["md-button"]
    assert anchor.get_text() == "Văn bản gốc: PDF, 1,2 MB"


def photo(alt: str, caption: str | None = None, credit: str | None = None, widths: tuple[int, ...] = (400, 800, 1200)) -> PublishedPhoto:
    copies = [Copy(f"2026/hoat-dong/hoi-thao/anh-1-{w}.webp", "webp", w, w * 3 // 4, 1) for w in widths]
    copies += [Copy(f"2026/hoat-dong/hoi-thao/anh-1-{w}.jpg", "jpeg", w, w * 3 // 4, 1) for w in widths if w <= 800]
    return PublishedPhoto(PostPhoto(file="anh-1.jpg", alt=alt, caption=caption, credit=credit), tuple(copies))


def test_a_picture_offers_wide_screens_more_and_phones_at_most_800_px(site: SiteRenderer) -> None:
    alt = 'Gian "sản phẩm" <b>mới</b> & *đẹp*'
    soup = BeautifulSoup(fragment(site, "2026/hoat-dong/index.md", '{{ picture(p, "(min-width: 45em) 12rem, 6.5rem", classes="post-card__photo") }}',
                                  p=photo(alt)), "html.parser")
    picture = soup.picture
    assert picture is not None and picture["class"] == ["post-card__photo"]
    wide, phone = picture.find_all("source")
    assert wide["media"] == "(min-width: 45em)"
    assert wide["srcset"] == "hoi-thao/anh-1-400.webp 400w, hoi-thao/anh-1-800.webp 800w, hoi-thao/anh-1-1200.webp 1200w"
    assert "media" not in phone.attrs and phone["srcset"] == "hoi-thao/anh-1-400.webp 400w, hoi-thao/anh-1-800.webp 800w"
    assert wide["sizes"] == phone["sizes"] == "(min-width: 45em) 12rem, 6.5rem"
    img = picture.img
    assert img is not None
    assert (img["src"], img["width"], img["height"], img["alt"]) == ("hoi-thao/anh-1-800.jpg", "800", "600", alt)
    assert img["srcset"] == "hoi-thao/anh-1-400.jpg 400w, hoi-thao/anh-1-800.jpg 800w"
    assert img["loading"] == "lazy" and "fetchpriority" not in img.attrs and soup.b is None


def test_a_picture_loaded_first_or_without_wide_copies_has_one_source(site: SiteRenderer) -> None:
    for p, call in [(photo("Ảnh"), "{{ picture(p, '100vw', eager=True, wide=False) }}"),
                    (photo("Ảnh", widths=(400, 800)), "{{ picture(p, '100vw', eager=True) }}")]:
        picture = BeautifulSoup(fragment(site, "2026/hoat-dong/hoi-thao.md", call, p=p), "html.parser").picture
        assert picture is not None and "class" not in picture.attrs
        assert [s["srcset"] for s in picture.find_all("source")] == ["anh-1-400.webp 400w, anh-1-800.webp 800w"]
        assert picture.img is not None and picture.img["fetchpriority"] == "high" and "loading" not in picture.img.attrs


@pytest.mark.parametrize(("caption", "credit", "shown"), [
    ("Khai mạc <ngày hội>", "Ảnh: Sở KH&CN", "Khai mạc <ngày hội> Ảnh: Sở KH&CN"),
    (None, "Ảnh: Sở KH&CN", "Ảnh: Sở KH&CN"),
    ("Khai mạc", None, "Khai mạc"),
    (None, None, None),
])
def test_a_figure_has_its_caption_and_credit_when_it_has_them(site: SiteRenderer, caption: str | None, credit: str | None,
                                                              shown: str | None) -> None:
    figure = BeautifulSoup(fragment(site, "2026/hoat-dong/hoi-thao.md", "{{ figure(p) }}", p=photo("Ảnh", caption, credit)),
                           "html.parser").figure
    assert figure is not None and figure["class"] == ["post-photo"] and figure.picture is not None
    assert (figure.figcaption.get_text() if figure.figcaption else None) == shown
    span = figure.select_one(".post-photo__credit")
    assert (span.get_text() if span else None) == credit


def test_a_staff_feed_link_downloads_subscribes_and_copies_its_address(site: SiteRenderer) -> None:
    soup = html(fragment(site, "2026/lich.md", "{{ feed_link('lich/2026.ics', staff=True, long=True) }}"))
    download, subscribe = soup.find_all("a")
    size = site.collected.feeds["lich/2026-han-bao-cao.ics"].size
    assert (download["href"], download.get_text()) == ("../lich/2026-han-bao-cao.ics", f"tải về (ICS, {size})")
    assert (subscribe["href"], subscribe.get_text()) == ("webcal://doimoisangtao.example/lich/2026-han-bao-cao.ics", "đăng ký theo dõi")
    address = "https://doimoisangtao.example/lich/2026-han-bao-cao.ics"
    code = soup.select_one("code.feed-address__url")
    assert code is not None and code.get_text() == address
    assert [str(w.previous_sibling) for w in code.find_all("wbr")] == ["https://doimoisangtao.example/", "lich/"]
    button = soup.button
    assert button is not None and button.get_text() == "Sao chép địa chỉ" and button.has_attr("hidden")
    assert (button["data-copy-value"], button["data-copy-label"]) == (address, "Năm 2026 (hạn báo cáo)")


def test_a_feed_link_is_one_add_to_calendar_panel_without_address_or_size_outside_it(site: SiteRenderer) -> None:
    """On a plan's page (in a table's cell, so in one line): the summary, then the four choices in the panel."""
    text = fragment(site, "2026/ke-hoach/so-khcn-lai-chau.md", "{{ feed_link('lich/2026.ics') }}")
    assert "\n" not in text
    panel = html(text).details
    assert panel is not None and panel["class"] == ["feed-add"] and not panel.has_attr("open")
    assert panel.summary is not None and panel.summary.get_text() == "Thêm vào lịch"
    assert html(text).get_text().startswith("Thêm vào lịch")
    choices = panel.select("ul.feed-add__choices > li")
    assert [li.get_text(" ", strip=True).split(" https://")[0] for li in choices] == [
        "Đăng ký theo dõi (lịch tự cập nhật)", "Tải tệp lịch (.ics)", "Hoặc dán địa chỉ này vào ứng dụng lịch:",
        "Cách thêm vào Google Calendar, iPhone"]
    assert [li.a["href"] for li in choices if li.a] == [
        "webcal://doimoisangtao.example/lich/2026.ics", "../../../lich/2026.ics", "../../lich/#them-vao-lich"]
    assert choices[1].a is not None and choices[1].a.has_attr("download")
    assert panel.button is not None and panel.button["data-copy-label"] == "Năm 2026"
    code = panel.select_one("code.feed-address__url")
    assert code is not None and code.get_text() == "https://doimoisangtao.example/lich/2026.ics"
    assert "KB" not in panel.get_text()


@settings(max_examples=60, deadline=None)
@given(titles=st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_the_next_date_items_read_back_as_json_whatever_the_titles(site: SiteRenderer, titles: list[str]) -> None:
    """The items site.js reads: each observance day and report deadline with its day, its title (hidden
    characters dropped; a deadline as whose it is, its day beside it) and its address from the page, as JSON that
    no title can end early or break."""
    retitled = [dataclasses.replace(e, title=titles[n % len(titles)], who=titles[-n % len(titles)])
                for n, e in enumerate(site.collected.events[2026])]
    text = fragment(site, "lich/index.md", '<script type="application/json">{{ next_items(events) }}</script>',
                    events=retitled)
    scripts = BeautifulSoup(text, "html.parser").find_all("script")
    assert len(scripts) == 1 and "<" not in (scripts[0].string or "")
    items = json.loads(scripts[0].string or "")
    shown = [e for e in retitled if e.kind in ("observance", "deadline")]
    assert shown and [(i["date"], i["title"]) for i in items] == [(e.start.isoformat(), visible_text(e.headline, multiline=True)) for e in shown]
    here = "https://doimoisangtao.example/lich/"
    assert [urljoin(here, i["url"]) for i in items] == [paths.page_url("https://doimoisangtao.example/", e.page) for e in shown]


def test_the_error_page_names_each_problem_s_file_line_column_and_field() -> None:
    problems = [Problem("campaigns/2026/plans/lai-chau.yaml", 12, 3, "window.start", "ngày không có thật: 31/4/2026."),
                Problem("docs/gioi_thieu.md", 4, 1, "", "liên kết tới trang không có: *cu*.md", "warning")]
    assert error_page(problems) == (
        '---\ntitle: "Dữ liệu có lỗi"\n---\n\n# Dữ liệu có lỗi\n\n'
        "Trang chưa được tạo lại vì dữ liệu còn lỗi. Hãy sửa từng lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.\n\n"
        "- **Lỗi** <code>campaigns/2026/plans/lai-chau.yaml</code> dòng 12, cột 3, trường window.start: ngày không có thật: 31/4/2026.\n"
        "- **Cảnh báo** <code>docs/gioi&#95;thieu.md</code> dòng 4, cột 1: liên kết tới trang không có: &#42;cu&#42;.md\n"
    )


WORDS = st.text(alphabet="aăâbdđeêiklmnoôơtuưàảãáạ *_[]()<>&#!|`{}-+=./0123456789\"'", min_size=1, max_size=30).map(
    lambda text: " ".join(text.split())).filter(bool)


@settings(max_examples=80, deadline=None)
@given(file=WORDS, line=st.integers(1, 99_999), column=st.integers(1, 999), field=st.one_of(st.just(""), WORDS),
       message=WORDS, error=st.booleans())
def test_each_line_of_the_error_page_reads_as_the_problem_says(file: str, line: int, column: int, field: str, message: str,
                                                               error: bool) -> None:
    """Whatever a file name, field or message holds, staff read it as it is: file, line, column, field, message."""
    text = error_page([Problem(file, line, column, field, message, "error" if error else "warning")])
    item = html(text.split("\n---\n", 1)[1]).li
    where = f"{file} dòng {line}, cột {column}" + (f", trường {field}" if field else "")
    assert item is not None and item.get_text() == f"{'Lỗi' if error else 'Cảnh báo'} {where}: {message}"
