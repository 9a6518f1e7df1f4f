"""Activity posts (issue #20): staff Markdown with a camera's photos beside it, published as news.

A post with a 4000 × 3000 JPEG that carries GPS EXIF and a rotation flag, plus ten more posts with
photos (so the year's news page has two pages, the first with ten photos), is built in-process
through `build_site` and once with `mkdocs build --strict`: no published file has EXIF (GPS first),
the photo is upright, a phone is offered 800 px at most and its largest image is under 80 KB; the
post is on the year's news page, its plan's and province's pages, the calendars, search, the open
JSON and both Atom feeds (read back with feedparser). Bad posts stop the build with a Vietnamese
message naming file and line, and the last good site stays byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import exifread
import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import TODAY, copy_project, line_of, replace_in, run_build, snapshot
from local_server import serve
from PIL import Image
from playwright.sync_api import Browser
from sample_posts import POST, POSTS, SLUG, add_posts, camera_photo
from test_performance_budget import BUDGET, first_load
from test_search import results

from campaign_site.authoring import scaffold
from campaign_site.site_build import SiteBuild, build_site, check_data
from campaign_site.stages.news import photos

BUILT_ON = date.fromisoformat(TODAY)
STAMP = datetime(2026, 11, 22, 8, tzinfo=UTC)


def gps_tags(data: bytes) -> list[str]:
    return [k for k in exifread.process_file(io.BytesIO(data), details=False) if k.startswith("GPS") or "GPSInfo" in k]


def build(project: Path) -> SiteBuild:
    return build_site(project, BUILT_ON, STAMP, {})


@pytest.fixture(scope="module")
def news_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("news") / "project")
    shutil.rmtree(project / ".cache" / "photos", ignore_errors=True)
    add_posts(project, 10)
    return project


@pytest.fixture(scope="module")
def built(news_project: Path) -> SiteBuild:
    result = build(news_project)
    assert result.ok, result.report()
    return result


@pytest.fixture(scope="module")
def files(built: SiteBuild) -> dict[str, str | bytes]:
    return {f.path: f.content for f in built.files}


def text(files: dict[str, str | bytes], path: str) -> str:
    content = files[path]
    return content if isinstance(content, str) else content.decode("utf-8")


def test_the_camera_photo_is_what_a_phone_writes(news_project: Path) -> None:
    data = (news_project / POSTS / "IMG_20260421_093512.jpg").read_bytes()
    assert 3_000_000 < len(data) < 8_000_000
    assert gps_tags(data)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (3000, 4000) and image.getexif()[0x0112] == 6


def test_photos_are_published_upright_resized_and_without_any_metadata(files: dict[str, str | bytes]) -> None:
    copies = {p: c for p, c in files.items() if p.startswith(f"2026/hoat-dong/{SLUG}/")}
    assert sorted(copies) == sorted(f"2026/hoat-dong/{SLUG}/anh-{n}-{w}.{e}" for n in (1, 2)
                                    for w, e in ((400, "webp"), (800, "webp"), (1200, "webp"), (400, "jpg"), (800, "jpg")))
    for path, content in copies.items():
        assert isinstance(content, bytes)
        assert not gps_tags(content), path
        assert not exifread.process_file(io.BytesIO(content), details=False), path
        with Image.open(io.BytesIO(content)) as image:
            assert not image.getexif() and not {"exif", "xmp", "icc_profile", "comment"} & set(image.info), path
            width = int(re.search(r"-(\d+)\.", path)[1])  # type: ignore[index]
            assert image.size == (width, width * 3 // 4), path  # landscape: turned by its EXIF flag
            if path.endswith("anh-1-800.jpg"):
                rgb = image.convert("RGB")
                top, bottom = rgb.getpixel((400, 150)), rgb.getpixel((400, 450))
                assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], (top, bottom)  # red above blue: upright
        if int(re.search(r"-(\d+)\.", path)[1]) <= photos.PHONE_WIDTH:  # type: ignore[index]
            assert len(content) <= photos.PHONE_BYTES, (path, len(content))
    # The camera's file itself is never among the published files.
    assert not any(p.endswith(("IMG_20260421_093512.jpg", "trung-bay.jpg")) for p in files)


def test_the_post_is_on_every_page_it_belongs_to(files: dict[str, str | bytes], built: SiteBuild) -> None:
    post_link = re.compile(rf"\]\((?:\.\./)*(?:2026/)?(?:hoat-dong/)?{SLUG}\.md\)")
    for page in ("2026/hoat-dong/index.md", "2026/ke-hoach/so-khcn-lang-son.md", "2026/dia-phuong/lang-son.md",
                 "2026/index.md", "index.md", "lich/index.md", "2026/lich.md"):
        assert post_link.search(text(files, page)), page
    post = text(files, f"2026/hoat-dong/{SLUG}.md")
    assert "# Hội thảo “Đổi mới sáng tạo trong doanh nghiệp”" in post
    assert "Đơn vị tổ chức: Sở Khoa học và Công nghệ tỉnh Lạng Sơn" in post and "[trang năm 2026](../index.md)" in post
    assert 'alt="Đại biểu dự hội thảo trong hội trường"' in post and "Ảnh: Sở KH&amp;CN Lạng Sơn" in post
    # Newest first, ten a page: the 21/4 post opens page 1, the 1/4 post is on page 2.
    news = text(files, "2026/hoat-dong/index.md")
    assert news.index(SLUG) < news.index("hoat-dong-10.md") and "hoat-dong-1.md" not in news
    assert "hoat-dong-1.md" in text(files, "2026/hoat-dong/trang-2.md")
    assert "2026/hoat-dong/index.md" in next(e["Năm 2026"] for e in built.nav if isinstance(e, dict) and "Năm 2026" in e)
    assert {"2026/hoat-dong/trang-2.md", f"2026/hoat-dong/{SLUG}.md"} <= built.not_in_nav
    assert f"2026/hoat-dong/{SLUG}.md" in built.replaced and "2026/hoat-dong/IMG_20260421_093512.jpg" in built.replaced


def test_atom_feeds_are_valid_and_hold_the_post(files: dict[str, str | bytes]) -> None:
    for path, title in (("hoat-dong.xml", "các năm"), ("hoat-dong-2026.xml", "năm 2026")):
        feed = feedparser.parse(files[path])
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10" and title in feed.feed.title
        entry = next(e for e in feed.entries if SLUG in e.link)
        assert entry.title == "Hội thảo “Đổi mới sáng tạo trong doanh nghiệp”"
        assert entry.link == f"https://doimoisangtao.example/2026/hoat-dong/{SLUG}/"
        assert entry.published.startswith("2026-04-21") and entry.author == "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"
        content = entry.content[0].value
        assert "https://doimoisangtao.example/2026/" in content and ".md" not in content  # links made absolute
        assert f"https://doimoisangtao.example/2026/hoat-dong/{SLUG}/anh-1-800.jpg" in content
        assert [e.published[:10] for e in feed.entries] == sorted((e.published[:10] for e in feed.entries), reverse=True)


def test_the_year_json_lists_the_post_with_its_photos(files: dict[str, str | bytes]) -> None:
    year = json.loads(files["2026.json"])
    post = next(a for a in year["activities"] if a["id"] == SLUG)
    assert post["plan"] == "so-khcn-lang-son" and post["date"] == "2026-04-21" and post["observances"] == ["ngay-sang-tao"]
    assert post["photos"][0]["alt"] == "Đại biểu dự hội thảo trong hội trường"
    assert {f["width"] for f in post["photos"][0]["files"]} == {400, 800, 1200}
    assert any(d["kind"] == "activity" and d["title"] == post["title"] for d in year["dates"])
    assert not [a for a in json.loads(files["2025.json"])["activities"]]


def test_posts_stay_out_of_the_subscribed_calendar_feeds(files: dict[str, str | bytes]) -> None:
    assert "Hội thảo" not in text(files, "lich/2026.ics") and "Hội thảo" not in text(files, "lich/tat-ca.ics")


def test_a_rebuild_reuses_every_photo_from_the_cache(news_project: Path, built: SiteBuild) -> None:
    again = build(news_project)
    assert again.ok and again.photos_made == 0 and again.photos_reused == built.photos_made + built.photos_reused > 0


# The real build: MkDocs, the browser, search, the budget ------------------------------------------


@pytest.fixture(scope="module")
def site(news_project: Path, built: SiteBuild) -> Path:
    folder = news_project.parent / "site"
    result = run_build(news_project / "mkdocs.yml", folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_no_published_file_carries_exif_or_the_original_photo(site: Path, news_project: Path) -> None:
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (news_project / POSTS).glob("*.jpg")}
    images = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() not in originals, path
        if path.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png", ".tif", ".tiff", ".heic"):
            images += 1
            assert not gps_tags(data), path
    assert images > 50
    assert not list(site.rglob("IMG_*")) and not list(site.glob("2026/hoat-dong/*.jpg"))


def test_the_built_pages_link_the_post_and_its_feeds(site: Path) -> None:
    for page in ("2026/hoat-dong", "2026/ke-hoach/so-khcn-lang-son", "2026/dia-phuong/lang-son", "lich", "2026/lich", "2026", ""):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        assert any(h.rstrip("/").endswith(SLUG) for h in hrefs), page
    for page in ("2026/hoat-dong", f"2026/hoat-dong/{SLUG}"):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        feeds = [link["href"] for link in soup.select('head link[rel=alternate][type="application/atom+xml"]')]
        assert [f.rsplit("/", 1)[-1] for f in feeds] == ["hoat-dong-2026.xml", "hoat-dong.xml"], page
        assert all((site / page / f).resolve().is_file() for f in feeds)
    soup = BeautifulSoup((site / "2026/hoat-dong" / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    for picture in soup.select("article picture"):
        image = picture.find("img")
        assert image["width"] and image["height"] and image["alt"]
        phone = [s for s in picture.find_all("source") if not s.get("media")] + [image]
        widths = [int(w) for tag in phone for w in re.findall(r" (\d+)w", tag["srcset"])]
        assert max(widths) <= 800, widths  # whatever its pixel density, a phone gets 800 px at most
    lazy = [i.get("loading") for i in soup.select("article picture img")]
    assert lazy == [None, "lazy"]  # the first photo loads at once, the others when scrolled to
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"] == f"2026/hoat-dong/{SLUG}/" for d in index["docs"])


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def test_a_phone_downloads_small_upright_photos_and_search_finds_the_post(browser: Browser, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=3, locale="vi-VN")
    try:
        tab = context.new_page()
        images: dict[str, int] = {}
        tab.on("response", lambda r: images.update({r.url: len(r.body())}) if r.request.resource_type == "image" else None)
        tab.goto(f"{served}2026/hoat-dong/{SLUG}/", wait_until="networkidle")
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_timeout(500)
        chosen = tab.evaluate("[...document.querySelectorAll('article picture img')].map(i => [i.currentSrc, i.naturalWidth, i.naturalHeight])")
        # 800 px WebP at 3 pixels a point (a 1200 px copy exists for wide screens), landscape: upright.
        assert len(chosen) == 2 and all(src.endswith("-800.webp") and w * 3 == h * 4 for src, w, h in chosen), chosen
        photo_bytes = [size for url, size in images.items() if "/hoat-dong/" in url]
        assert photo_bytes and max(photo_bytes) <= 80 * 1024, images
        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.goto(served)
        assert f"2026/hoat-dong/{SLUG}/" in results(tab, "hoi thao doi moi sang tao trong doanh nghiep")[:3]
    finally:
        context.close()


def test_the_news_page_with_ten_photos_loads_within_the_budget(browser: Browser, served: str, site: Path) -> None:
    soup = BeautifulSoup((site / "2026/hoat-dong/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("article picture")) == 10
    sizes, requested = first_load(browser, f"{served}2026/hoat-dong/")
    assert not [u for u in requested if not u.startswith((served, "data:", "blob:"))]
    assert sum(sizes.values()) <= BUDGET, sorted(sizes.items(), key=lambda item: -item[1])[:5]


# Bad posts: a Vietnamese message with file and line, and nothing built -------------------------------


@pytest.fixture
def one_post(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    folder = project / POSTS
    camera_photo(folder / "IMG_20260421_093512.jpg", (800, 600))
    camera_photo(folder / "trung-bay.jpg", (800, 600), orientation=1)
    (folder / f"{SLUG}.md").write_text(POST, encoding="utf-8")
    return project


def _break(project: Path, case: str) -> tuple[str, str]:
    """Make the post wrong in one way; the line to expect the problem on, and a part of its message."""
    post = project / POSTS / f"{SLUG}.md"
    photo = project / POSTS / "trung-bay.jpg"
    if case == "missing alt":
        replace_in(post, "    alt: Gian trưng bày sản phẩm đổi mới sáng tạo\n", "")
        return "  - file: trung-bay.jpg", "thiếu trường bắt buộc `alt`"
    if case == "unknown plan":
        replace_in(post, "plan: so-khcn-lang-son", "plan: so-khcn-lang-so")
        return "plan:", "Có phải bạn muốn viết `so-khcn-lang-son`?"
    if case == "date outside the year":
        replace_in(post, "date: 21/4/2026", "date: 21/4/2025")
        return "date:", "không thuộc năm 2026"
    if case == "missing photo":
        replace_in(post, "file: trung-bay.jpg", "file: trung-bay.jpeg")
        return "file: trung-bay.jpeg", "không thấy tệp ảnh `trung-bay.jpeg`"
    if case == "not an image":
        photo.write_text("đây không phải ảnh", encoding="utf-8")
        return "file: trung-bay.jpg", "không phải ảnh JPEG, PNG hoặc WebP"
    if case == "photo over 20 MB":
        with photo.open("ab") as handle:  # a JPEG reader ignores what follows the picture
            handle.write(b"\0" * (21 * 1024 * 1024))
        return "file: trung-bay.jpg", "quá giới hạn 20,0 MB"
    raise AssertionError(case)


CASES = ["missing alt", "unknown plan", "date outside the year", "missing photo", "not an image", "photo over 20 MB"]


@pytest.mark.parametrize("case", CASES)
def test_a_bad_post_is_refused_with_file_line_and_a_vietnamese_message(one_post: Path, case: str) -> None:
    assert check_data(one_post).ok
    needle, message = _break(one_post, case)
    checked = check_data(one_post)
    errors = [p for p in checked.problems if p.severity == "error"]
    assert len(errors) == 1, checked.report()
    assert errors[0].file == f"{POSTS}/{SLUG}.md" and errors[0].line == line_of(one_post / POSTS / f"{SLUG}.md", needle)
    assert message in errors[0].message, errors[0].message


def test_a_bad_post_leaves_the_last_good_site_as_it_was(one_post: Path) -> None:
    site = one_post.parent / "site"
    assert run_build(one_post / "mkdocs.yml", site).returncode == 0
    before = snapshot(site)
    assert (site / "2026/hoat-dong" / SLUG / "anh-1-800.webp").is_file()
    _break(one_post, "missing alt")
    failed = run_build(one_post / "mkdocs.yml", site)
    assert failed.returncode != 0
    line = line_of(one_post / POSTS / f"{SLUG}.md", "  - file: trung-bay.jpg")
    assert f"{POSTS}/{SLUG}.md:{line}: photos[1].alt: thiếu trường bắt buộc `alt`" in failed.stderr
    assert snapshot(site) == before


def test_a_photo_that_cannot_be_decoded_is_reported_at_its_line(one_post: Path) -> None:
    photo = one_post / POSTS / "trung-bay.jpg"
    photo.write_bytes(photo.read_bytes()[:2000])  # the header reads, the pixels do not
    result = build(one_post)
    assert not result.ok and not result.files
    problem = next(p for p in result.problems if p.severity == "error")
    assert problem.line == line_of(one_post / POSTS / f"{SLUG}.md", "  - file: trung-bay.jpg")
    assert "không đọc được ảnh `trung-bay.jpg`" in problem.message


# The scaffold -----------------------------------------------------------------------------------


def test_add_activity_writes_a_post_from_the_plan_with_markers_to_fill(project: Path) -> None:
    path = scaffold.add_activity(project, 2026, "so-khcn-lang-son")
    assert path == project / POSTS / "so-khcn-lang-son-1.md"
    written = path.read_text(encoding="utf-8")
    # The plan's unit, place and days are last known values to check against the activity, not facts of it.
    assert "plan: so-khcn-lang-son\n" in written and 'unit: "CẦN KIỂM TRA: Sở Khoa học và Công nghệ tỉnh Lạng Sơn"' in written
    assert 'observances: ["CẦN KIỂM TRA: ngay-sang-tao"' in written and written.count("CẦN ĐIỀN") == 7
    checked = check_data(project)
    unfilled = [p for p in checked.problems if p.file == f"{POSTS}/so-khcn-lang-son-1.md"]
    assert len(unfilled) == written.count("CẦN ĐIỀN") + written.count("CẦN KIỂM TRA")
    assert [p.line for p in unfilled if p.field and "chưa điền" in p.message] == [
        line_of(path, k) for k in ("title:", "date:", "file:", "alt:", "caption:", "credit:")]
    date = next(p for p in unfilled if p.field == "date")
    assert "hãy xóa cả dòng; nếu chưa biết, hãy viết `chưa rõ`" in date.message
    assert scaffold.add_activity(project, 2026, "so-khcn-lang-son").name == "so-khcn-lang-son-2.md"
    with pytest.raises(scaffold.ScaffoldError, match="Có phải bạn muốn viết `so-khcn-lang-son`"):
        scaffold.add_activity(project, 2026, "so-khcn-lang-so")
