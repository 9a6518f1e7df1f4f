"""Regressions for what an attack on the inputs found: values that crashed the loader or the build,
an alias bomb, an ICS injection, a stored script, hidden characters, links out of the repository,
a hung preview and leftovers of killed builds. Most run the loader in-process; a few build for real."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import vobject
from atomic_build import clear_leftovers
from bs4 import BeautifulSoup
from conftest import REPO, line_of, mkdocs_serve, replace_in, run_build, serve, wait_for_text
from fuzz_inputs import LAUGHS, PAYLOADS, copy_inputs
from icalendar import Calendar
from playwright.sync_api import Page
from project_copy import copy_banner_cache

from campaign_site.core.encoders import html_attribute, json_text, svg_text
from campaign_site.core.markdown_text import escape
from campaign_site.core.problems import DataError, Problem
from campaign_site.core.text_safety import visible_text
from campaign_site.data import staff_markdown
from campaign_site.data.loader import load_site
from campaign_site.stages.calendar import ics
from campaign_site.stages.calendar.events import Event

LAI_CHAU = "campaigns/2026/plans/so-khcn-lai-chau.yaml"
CAMPAIGN_2026 = "campaigns/2026/campaign.yaml"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A private copy of campaigns/ and docs/, checked in-process."""
    return copy_inputs(tmp_path / "inputs")


def problems_of(root: Path) -> list[Problem]:
    """Errors the checker reports for campaigns/ and docs/ under `root` (none: accepted)."""
    try:
        load_site(root / "campaigns")
    except DataError as exc:
        return [p for p in exc.problems if p.severity == "error"] + staff_markdown.check_docs(root / "docs")
    return staff_markdown.check_docs(root / "docs")


REFUSED = {
    "a boolean tag on a word": ("campaigns/site.yaml", "uppercase: true", "uppercase: !!bool maybe", "banners.uppercase", "`!!bool`"),
    "a float tag on a word": ("campaigns/site.yaml", "margin_percent: 8", "margin_percent: !!float eight", "banners.margin_percent", "`!!float`"),
    "an integer of 5,000 digits": ("campaigns/site.yaml", "margin_percent: 8", "margin_percent: " + "9" * 5000, "banners.margin_percent", "số quá dài"),
    "escaped control characters": (LAI_CHAU, "place: Lai Châu", r'place: "Lạng\x00Sơn\x1b[2J\x07"', "place", "(mã U+0000)"),
    "a lone CR in a name (ICS injection)": (LAI_CHAU, "short_name: Sở KH&CN Lai Châu",
                                            r'short_name: "Sở\rBEGIN:VEVENT\rUID:x\rEND:VEVENT\rLai Châu"', "issuer.short_name", "(mã U+000D)"),
    "a right-to-left override in a slogan": (CAMPAIGN_2026, "text: Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả",
                                             r'text: "Đổi mới sáng tạo - \u202EHành động đột phá, lan tỏa kết quả"',
                                             "observances[0].themes[0].text", "(mã U+202E)"),
    "an emoji in the site title": ("campaigns/site.yaml", "  title: Hưởng ứng", "  title: 🎉 Hưởng ứng", "site.title", "«🎉» (U+1F389)"),
    "an address with an unclosed [": ("campaigns/site.yaml", "base_url: https://doimoisangtao.example/", "base_url: https://[x/",
                                      "site.base_url", "không phải địa chỉ web"),
    "a theme of 5,000 letters without a space": (CAMPAIGN_2026, "text: Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả", "text: " + "x" * 5000,
                                                 "observances[0].themes[0].text", "quá dài (5000 ký tự); tối đa 300"),
    "the year 9999 written in quotes": (LAI_CHAU, 'date: "2026"', "date: '9999'", "document.date", "năm 9999"),
    "full-width digits in a date": (LAI_CHAU, "start: 18/4/2026", "start: １８/4/2026", "window.start", "không đọc được ngày"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_value_that_crashed_or_passed_is_refused_with_file_line_and_field(inputs: Path, name: str) -> None:
    file, old, new, field, message = REFUSED[name]
    replace_in(inputs / file, old, new)
    problems = problems_of(inputs)
    line = line_of(inputs / file, new.split("\n")[0][:30])
    assert any(p.file == file and p.line == line and p.field == field and message in p.message for p in problems), problems


def test_billion_laughs_is_refused_at_once_where_the_alias_is(inputs: Path) -> None:
    plan = inputs / LAI_CHAU
    plan.write_text(LAUGHS + plan.read_text(encoding="utf-8"), encoding="utf-8")
    started = time.process_time()  # processor time: a bomb burns it, a busy machine does not
    problems = problems_of(inputs)
    assert time.process_time() - started < 1
    assert [(p.file, p.line, p.field) for p in problems] == [(LAI_CHAU, 2, "l1[0]")]
    assert "bí danh `*`" in problems[0].message


def test_hidden_and_linked_files_are_not_ignored_silently(inputs: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes((inputs / LAI_CHAU).read_bytes())
    (inputs / "campaigns/2026/plans/so-khcn-ngoai.yaml").symlink_to(outside)
    (inputs / "docs/ngoai.md").symlink_to("/etc/hostname")
    (inputs / "campaigns/2026/plans/.x.yaml").write_bytes((inputs / LAI_CHAU).read_bytes())
    try:
        load_site(inputs / "campaigns")
    except DataError as exc:
        problems = exc.problems
    messages = {p.file: p for p in [*problems, *staff_markdown.check_docs(inputs / "docs")]}
    assert "trỏ ra ngoài kho" in messages["campaigns/2026/plans/so-khcn-ngoai.yaml"].message
    assert "trỏ ra ngoài kho" in messages["docs/ngoai.md"].message
    hidden = messages["campaigns/2026/plans/.x.yaml"]
    assert hidden.severity == "warning" and "bị bỏ qua" in hidden.message and "`x.yaml`" in hidden.message


STAFF_PAGES = {
    "unclosed front matter": ("---\ntitle: Liên hệ\n\n# Liên hệ\n", 1, "không có dòng `---` đóng lại"),
    "front matter that is not YAML": ('---\ntitle: "Liên hệ\n---\n# Liên hệ\n', 2, "thiếu dấu ngoặc kép đóng"),
    "a theme template chosen from front matter": ("---\ntemplate: redirect.html\nlocation: javascript:alert(1)\n---\n", 2,
                                                  "trường `template` không có trong mẫu dữ liệu"),
    "a script in the page": ("# Liên hệ\n\nXem <script>alert(1)</script>\n", 3, "có thẻ `<script>`"),
    "an event handler in the page": ("# Liên hệ\n\n<img src=x onerror=alert(1)>\n", 3, "thuộc tính `onerror` của thẻ `<img>`"),
    "a javascript: link": ("# Liên hệ\n\n[bấm](javascript:alert(1))\n", 3, "có địa chỉ `javascript:`"),
    "a javascript: address in front matter": ("---\ntitle: '[x](javascript:alert(1))'\n---\n", 2, "có địa chỉ `javascript:`"),
    "a hidden character": ("# Liên hệ\n\nSở\u202eKH\n", 3, "(mã U+202E)"),
}


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_markdown_problems_name_file_and_line(inputs: Path, name: str) -> None:
    text, line, message = STAFF_PAGES[name]
    (inputs / "docs/lien-he.md").write_text(text, encoding="utf-8")
    problems = staff_markdown.check_docs(inputs / "docs")
    assert any(p.file == "docs/lien-he.md" and p.line == line and message in p.message for p in problems), problems


def test_multi_line_names_build_and_stay_one_line_in_feeds(project: Path) -> None:
    """`check` accepted these and the build crashed (KeyError: 10 drawing the share image, icalendar
    refusing a line break in a calendar's name): now both pass, and names read as one line."""
    replace_in(project / "campaigns/site.yaml", "  title: Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo",
               "  title: |\n    Hưởng ứng Ngày Sáng tạo\n    và Đổi mới sáng tạo")
    plan = project / LAI_CHAU
    replace_in(plan, "short_name: Sở KH&CN Lai Châu", "short_name: |-\n    Sở KH&CN\n    Lai Châu")
    replace_in(plan, "  type: Công văn", '  type: "Công\\nvăn"')
    site = project / "site"
    check = subprocess.run([sys.executable, str(project / "scripts/check_campaigns.py"), str(project / "campaigns")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    result = run_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    feed = Calendar.from_ical((site / "lich/2026/so-khcn-lai-chau.ics").read_bytes())
    assert str(feed["X-WR-CALNAME"]) == "Sở KH&CN Lai Châu: công văn năm 2026"
    assert "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo" in (site / "index.html").read_text(encoding="utf-8")


def _event(text: str) -> Event:
    return Event("a@x", "window", date(2026, 4, 18), date(2026, 4, 26), text, text, "https://x.example/", 2026, "2026/index.md")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_encoder_keeps_every_payload_text(payload: str) -> None:
    """One payload list through each format's encoder, each read back by a real parser of that format."""
    one_line, paragraph = visible_text(payload), visible_text(payload, multiline=True)
    feed = ics.feed(payload, payload, [_event(payload), _event("thứ hai")], datetime(2026, 1, 1, tzinfo=UTC))
    events = list(Calendar.from_ical(feed).walk("VEVENT"))
    assert len(events) == 2 and str(events[0]["SUMMARY"]) == one_line
    assert str(events[0]["DESCRIPTION"]) == paragraph
    assert len(vobject.readOne(feed.decode()).vevent_list) == 2

    html = f'<p><a title="{html_attribute(payload)}">x</a><script type="application/ld+json">{json_text({"v": payload}, in_script=True)}</script></p>'
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all(True)) == 3 and soup.a["title"] == one_line and list(soup.a.attrs) == ["title"]
    assert json.loads(soup.script.string) == {"v": paragraph}

    svg = ElementTree.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg"><title>{svg_text(payload)}</title></svg>')
    assert svg[0].text == (one_line or None)

    page = BeautifulSoup(markdown.markdown(escape(payload), extensions=["attr_list", "tables"]), "html.parser")
    assert {tag.name for tag in page.find_all(True)} <= {"p"}
    assert page.get_text().strip() == one_line.strip()


def test_problem_lines_never_print_terminal_codes() -> None:
    problem = Problem("campaigns/site.yaml", 3, 1, "site.title", "có `a\x1b[2J\r\nb\x07`")
    printed = str(problem)
    assert not any(ord(c) < 32 for c in printed)
    assert "\\u001b[2J\\u000d\\u000ab\\u0007" in printed


def test_front_matter_values_are_text_on_the_page(project: Path, page: Page) -> None:
    payload = '"><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    (project / "docs/lien-he.md").write_text(
        f"---\nauthor: '{payload}'\nsubtitle: '{payload}'\ndescription: '{payload}'\ntitle: '{payload}'\n---\n\nNội dung.\n",
        encoding="utf-8",
    )
    site = project / "site"
    result = run_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((site / "lien-he/index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.find("meta", attrs={"name": "author"})["content"] == payload
    assert not html.find("img", src="x")
    assert all(s.get("src") or s.get("type") for s in html.find_all("script"))
    with serve(site) as base:
        page.goto(base + "lien-he/")
        assert page.evaluate("window.__pwned") is None


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_build_clears_what_killed_builds_left_and_restores_a_site_caught_between_renames(project: Path) -> None:
    pid = _dead_pid()
    stale = project / f".site-build-{pid}-abc"
    (stale / "assets").mkdir(parents=True)
    caught = project / f".site-old-{pid}"
    caught.mkdir()
    (caught / "index.html").write_text("bản trước", encoding="utf-8")
    running = project / f".site-build-{os.getpid()}-xyz"  # a build still running: left alone
    running.mkdir()
    assert not (project / "site").exists()
    clear_leftovers(project / "site")
    assert not stale.exists() and not caught.exists() and running.exists()
    assert (project / "site/index.html").read_text(encoding="utf-8") == "bản trước"


def test_preview_shows_an_unexpected_failure_as_a_page_and_recovers(project: Path) -> None:
    """A broken banner cache (a file where its folder should be) failed inside the build; under
    `mkdocs serve` that hung the preview. Now the preview shows the error and recovers."""
    cache = project / ".cache/banners"
    shutil.rmtree(cache, ignore_errors=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("không phải thư mục", encoding="utf-8")
    with mkdocs_serve(project) as url:
        page = wait_for_text(url, "Dữ liệu có lỗi", seconds=60)
        assert "lỗi không mong đợi khi tạo trang" in page
        cache.unlink()
        copy_banner_cache(project)  # the folder back, filled: the next build reuses the 99 banners
        replace_in(project / LAI_CHAU, "end: 26/4/2026", "end: 25/4/2026")
        wait_for_text(f"{url}2026/ke-hoach/so-khcn-lai-chau/", '<time datetime="2026-04-25">', seconds=60)


def test_shipped_inputs_are_accepted() -> None:
    assert problems_of(REPO) == []


def test_a_tall_narrow_banner_size_draws_a_preview_no_taller_than_a_wide_one(inputs: Path) -> None:
    """A first print size of 5 cm × 5.08 m once asked for a 1600 × 162,560 pixel preview (780 MB)."""
    import io

    from PIL import Image

    from campaign_site.site_build import build_site

    replace_in(inputs / "campaigns/site.yaml", "      width_mm: 5000\n      height_mm: 800", "      width_mm: 50\n      height_mm: 5080")
    build = build_site(inputs, date(2026, 11, 22), datetime(2026, 11, 22, tzinfo=UTC), {})
    assert build.ok, build.report()
    preview = next(f for f in build.files if f.path == "2026/bang-ron/dmst-hanh-dong-dot-pha.png")
    assert isinstance(preview.content, bytes) and Image.open(io.BytesIO(preview.content)).size == (16, 1600)


def test_a_long_word_on_a_tiny_preview_is_drawn_not_refused_by_freetype() -> None:
    """Under one pixel per em FreeType refuses to draw ("invalid ppem value"): the size is held at 1."""
    from campaign_site.data.model import BannerStyle
    from campaign_site.stages.banners.artwork import artwork_box
    from campaign_site.stages.banners.font import banner_font
    from campaign_site.stages.banners.layout import fit
    from campaign_site.stages.banners.png import banner_png

    layout = fit("X" * 300, banner_font(), artwork_box(16, 1600, BannerStyle()))
    assert layout.font_size < 1
    assert banner_png([(layout, "#FFFF00")], 16, 1600, "#DA251D", banner_font()).startswith(b"\x89PNG")
