"""The HTML policy (`campaign_site.data.html_policy`) against the payloads of issue 25.

- Staff Markdown (a page under docs/, a year's introduction, a post body) with each payload is refused
  by the check with its file and line, naming what would be removed.
- Built for real with that check switched off (`mkdocs build` in a subprocess), the cleaning alone
  leaves no event handler, no script or data address and no foreign element on any page, in either
  Atom feed or in the search index; data fields with Markdown and HTML show as text.
- Those pages, served by a plain HTTP server without any CSP, run no payload in Chromium.
- A Hypothesis property over generated hostile fragments (split tags, entity-encoded schemes,
  attribute lists): what `clean` leaves is within the allowlist.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import TODAY, copy_project, line_of, replace_in, shared_build
from hypothesis import given, settings
from hypothesis import strategies as st
from local_server import serve
from PIL import Image
from playwright.sync_api import Browser

from campaign_site.data import html_policy
from campaign_site.site_build import check_data

PAYLOADS = {
    "img with slashes": ("<img/src/onerror=window.__fired=1>", "thuộc tính `onerror` của thẻ `<img>`"),
    "details ontoggle": ("<details/open/ontoggle=window.__fired=2>x</details>", "thẻ `<details>`"),
    "input autofocus": ("<input/autofocus/onfocus=window.__fired=3>", "thẻ `<input>`"),
    "tag split over lines": ("Xem <img\nsrc=x\nonerror=alert(4)> ảnh", "thuộc tính `onerror` của thẻ `<img>`"),
    "image with attribute list": ("![x](data:,){onerror=window.__fired=5}", "địa chỉ `data:` ở thẻ `<img>`"),
    "heading with attribute list": ("## T {:onclick=window.__fired=6}", "thuộc tính `onclick` của thẻ `<h2>`"),
    "entity in the scheme": ('<a href="jav&#x61;script:window.__fired=7">a</a>', "địa chỉ `javascript:` ở thẻ `<a>`"),
    "named entity colon": ("[b](javascript&colon;window.__fired=8)", "địa chỉ `javascript:` ở thẻ `<a>`"),
    "reference link": ("[c][r]\n\n[r]: javascript:window.__fired=9", "địa chỉ `javascript:` ở thẻ `<a>`"),
    "script in svg": ("<svg><script>window.__fired=10</script></svg>", "thẻ `<svg>`"),
    "tab inside the scheme": ('<a href="java&#9;script:window.__fired=11">d</a>', "địa chỉ `javascript:` ở thẻ `<a>`"),
}
"""Each payload, and words of the message that must report it. `window.__fired` is the probe."""
PLACES = {"page": "docs/gioi-thieu.md", "introduction": "docs/2026/index.md", "post": "docs/2026/hoat-dong/bai-viet.md"}
POST = """---
title: Ngày hội đổi mới sáng tạo
date: 20/4/2026
plan: so-khcn-lang-son
unit: Sở Khoa học và Công nghệ tỉnh Lạng Sơn
place: Thành phố Lạng Sơn
observances: [ngay-sang-tao]
photos:
  - file: anh.jpg
    alt: '![a onload=alert(44) b](anh.png) Học sinh ![x](anh.png){onerror=window.__fired=40} <img src=x onerror=window.__fired=41>'
    caption: 'Chú thích [l](anh.png){onclick=window.__fired=42}'
    credit: '**Ảnh**: <b onmouseover=window.__fired=43>Sở</b>'
---

Bài viết về ngày hội.
"""
DATA_PAYLOAD = "![a onload=alert(52) b](anh.png) ![x](anh.png){onerror=window.__fired=50} <img src=x onerror=window.__fired=51> **đậm**"
"""Markdown and HTML in a data field, with no script or data address (those are refused, see the corpus)."""
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href"}


def payload_project(folder: Path) -> Path:
    """The shipped project with every payload in a staff page, the year's introduction and a post, a quote
    in a page's heading, and Markdown and HTML in an issuer's short name, a theme and a photo's alt,
    caption and credit."""
    project = copy_project(folder)
    body = "\n\n" + "\n\n".join(text for text, _ in PAYLOADS.values()) + "\n"
    for place in ("docs/gioi-thieu.md", "docs/2026/index.md"):
        (project / place).write_text((project / place).read_text(encoding="utf-8") + body, encoding="utf-8")
    # A heading's quote once ended the attribute the theme prints the title in (the footer's link to the page).
    (project / "docs/tieu-de.md").write_text('# Tiêu đề" autofocus onfocus="alert(60)\n\nNội dung.\n', encoding="utf-8")
    posts = project / "docs/2026/hoat-dong"
    posts.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 600), (200, 30, 30)).save(posts / "anh.jpg", "JPEG")
    (posts / "bai-viet.md").write_text(POST + body, encoding="utf-8")
    replace_in(project / "campaigns/2026/plans/so-khcn-lang-son.yaml", "short_name: Sở KH&CN Lạng Sơn",
               f"short_name: 'Sở KH&CN {DATA_PAYLOAD}'")
    replace_in(project / "campaigns/2026/campaign.yaml", "text: Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả",
               f"text: 'Đổi mới sáng tạo {DATA_PAYLOAD}'")
    return project


# --- the check: every payload refused, with its file and line ---------------------------------------


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = payload_project(tmp_path_factory.mktemp("checked") / "project")
    result = check_data(project)
    assert not result.ok
    return project, [str(p) for p in result.problems]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", PAYLOADS)
def test_each_payload_in_staff_markdown_is_refused_at_its_line(checked: tuple[Path, list[str]], place: str, name: str) -> None:
    project, problems = checked
    text, words = PAYLOADS[name]
    path = PLACES[place]
    line = line_of(project / path, text.split("\n")[-1])  # a tag split over lines is reported where it ends
    assert any(p.startswith(f"{path}:{line}: ") and words in p and "hãy xóa hoặc sửa" in p for p in problems), \
        "\n".join(p for p in problems if p.startswith(path))


def test_data_fields_with_markdown_and_html_are_accepted_as_text(checked: tuple[Path, list[str]]) -> None:
    """Markdown and HTML in data are text (a warning says so for HTML): they block nothing."""
    _, problems = checked
    assert not [p for p in problems if p.startswith("campaigns/") and "cảnh báo" not in p]
    assert not [p for p in problems if "bai-viet.md:" in p and ("alt" in p or "caption" in p or "credit" in p)]


# --- a real build with the check switched off: the cleaning alone ------------------------------------

UNCHECKED_BUILD = """
import sys
from campaign_site.data import html_policy
html_policy.check_markdown = lambda *args: []  # the check off: what reaches the pages is the cleaning's doing
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--no-strict", "-f", sys.argv[1], "-d", sys.argv[2]]
cli()
"""


def _build_unchecked(folder: Path) -> None:
    project = payload_project(folder / "project")
    env = {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "scripts")}
    result = subprocess.run([sys.executable, "-c", UNCHECKED_BUILD, str(project / "mkdocs.yml"), str(folder / "site")],
                            capture_output=True, text=True, env=env, cwd=project, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "html-policy-unchecked", _build_unchecked) / "site"


def live_problems(soup: BeautifulSoup) -> list[str]:
    """Event handlers and script or data addresses in parsed HTML (our own `webcal:` links are fine)."""
    found = []
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in URL_ATTRIBUTES and BAD_SCHEME.match(html_policy.url_scheme(text) + ":" if html_policy.url_scheme(text) else ""):
                found.append(f"<{element.name} {name}={text[:40]}>")
            if name == "srcset" and any(BAD_SCHEME.match(part.strip().lower()) for part in text.split(",")):
                found.append(f"<{element.name} srcset={text[:40]}>")
    return found


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("page", ["gioi-thieu", "2026", "2026/hoat-dong/bai-viet", "2026/hoat-dong",
                                  "2026/ke-hoach/so-khcn-lang-son", "2026/lich", "2026/bang-ron"])
def test_no_payload_is_live_on_the_built_page(site: Path, page: str) -> None:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("article") is not None
    assert not live_problems(soup)
    assert not soup.find_all(["details", "input", "svg", "iframe", "form"], attrs={"open": True}) + soup.find_all(autofocus=True)


def test_no_page_of_the_site_has_a_live_payload(site: Path) -> None:
    problems = {str(p.relative_to(site)): found for p in built_pages(site)
                if (found := live_problems(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")))}
    assert not problems


def test_staff_page_content_has_only_allowed_elements(site: Path) -> None:
    """A staff page is input through and through: its content holds only what the allowlist names (and
    the table of contents' heading links)."""
    soup = BeautifulSoup((site / "gioi-thieu/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert isinstance(article, Tag)
    start = article.find("h1")
    assert isinstance(start, Tag)
    content = [el for el in start.find_all_next(True) if el in article.descendants]
    foreign = {el.name for el in content if el.name not in html_policy.TAGS}
    assert foreign <= {"nav", "aside", "div", "span", "a", "p", "small"}, foreign  # the page's foot (source, last change) is ours
    assert not soup.find_all(["details", "input", "svg", "script"], string=re.compile("fired"))


def test_data_fields_show_their_markdown_as_text(site: Path) -> None:
    plan = BeautifulSoup((site / "2026/ke-hoach/so-khcn-lang-son/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "![a onload=alert(52) b](anh.png) ![x](anh.png){onerror=window.__fired=50}" in plan.get_text()
    year = BeautifulSoup((site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<img src=x onerror=window.__fired=51>" in year.get_text()
    assert not [img for img in year.find_all("img") if img.get("src") == "anh.png"]


@pytest.mark.parametrize("feed", ["hoat-dong.xml", "hoat-dong-2026.xml"])
def test_the_atom_feeds_carry_no_live_payload(site: Path, feed: str) -> None:
    root = ElementTree.parse(site / feed).getroot()
    contents = [e.text or "" for e in root.iter("{http://www.w3.org/2005/Atom}content")]
    assert contents and any("Bài viết về ngày hội" in c for c in contents)
    for content in contents:
        soup = BeautifulSoup(content, "html.parser")
        assert not live_problems(soup), content
        assert {el.name for el in soup.find_all(True)} <= html_policy.TAGS


def test_the_search_index_carries_no_live_payload(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        soup = BeautifulSoup(doc["text"], "html.parser")  # Material shows these as HTML in the results
        assert not live_problems(soup), doc["location"]
        assert not BAD_SCHEME.search(html.unescape(doc["location"]))


# --- the browser, with no CSP at all -----------------------------------------------------------------

PROBE = """
window.__fired = undefined;
window.alert = window.confirm = window.prompt = () => { window.__fired = "dialog"; };
"""


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:  # a plain folder over HTTP: no Content-Security-Policy header
        yield url


@pytest.mark.parametrize("page", ["gioi-thieu/", "tieu-de/", "2026/", "2026/hoat-dong/bai-viet/", "2026/hoat-dong/",
                                  "2026/ke-hoach/so-khcn-lang-son/"])
def test_no_payload_runs_in_chromium_without_a_csp(browser: Browser, served: str, page: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    context.add_init_script(PROBE)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = tab.goto(served + page, wait_until="load")
    assert response is not None and response.ok
    assert "unsafe-inline" not in (response.headers.get("content-security-policy") or "no policy")
    for heading in tab.locator("article h2").all():  # an onclick would fire here
        heading.click()
    tab.mouse.wheel(0, 20000)  # lazy images load, an onerror would fire
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__fired") is None
    assert not dialogs
    context.close()


# --- the property: hostile fragments -----------------------------------------------------------------

SCHEMES = st.sampled_from(["javascript", "vbscript", "data", "JaVaScRiPt", "jav&#x61;script", "java&#9;script",
                           "&#106;avascript", "javascript&colon;", " javascript", "java\nscript"])
TAG_NAMES = st.sampled_from(["img", "a", "details", "input", "svg", "iframe", "h2", "p", "div", "form", "math", "style"])
SEPARATORS = st.sampled_from([" ", "/", "\n", "\t", " \n "])
HANDLERS = st.sampled_from(["onerror", "onclick", "ONLOAD", "onfocus", "ontoggle", "onmouseover"])


@st.composite
def hostile(draw: st.DrawFn) -> str:
    scheme = draw(SCHEMES)
    colon = "" if scheme.endswith(";") else ":"
    url = f"{scheme}{colon}window.__fired=1"
    tag, sep = draw(TAG_NAMES), draw(SEPARATORS)
    pieces = [
        f"<{tag}{sep}src=x{sep}{draw(HANDLERS)}=window.__fired=1>",
        f'<a{sep}href="{url}">x</a>',
        f"[x]({url})",
        f"![x]({url}){{{draw(HANDLERS)}=window.__fired=1}}",
        f"## T {{:{draw(HANDLERS)}=window.__fired=1}}",
        f"[x][r]\n\n[r]: {url}",
        f"<{tag}>**x**</{tag}>",
        draw(st.text(alphabet="<>/=\"' \n[](){}:!#&;", max_size=20)),
    ]
    return "\n\n".join(draw(st.permutations(pieces))[: draw(st.integers(1, len(pieces)))])


@settings(max_examples=150, deadline=None)
@given(hostile())
def test_what_the_cleaning_leaves_is_within_the_allowlist(fragment: str) -> None:
    cleaned = html_policy.clean(html_policy.render(fragment))
    soup = BeautifulSoup(cleaned, "html.parser")
    assert not live_problems(soup), cleaned
    for element in soup.find_all(True):
        assert element.name in html_policy.TAGS, cleaned
        assert set(element.attrs) <= html_policy.ATTRIBUTES.get(element.name, set()) | {"class"}, cleaned
    in_page = html_policy.clean_regions("<p>ours</p>" + html_policy.render(html_policy.region(fragment)) + "<p>after</p>")
    assert in_page.startswith("<p>ours</p>")
    assert not live_problems(BeautifulSoup(in_page, "html.parser")), in_page


@settings(max_examples=100, deadline=None)
@given(hostile())
def test_the_check_reports_whatever_the_cleaning_changes(fragment: str) -> None:
    """Nothing reported means the rendering had nothing dangerous in it: the check never lets through what
    the cleaning would have to remove for safety."""
    rendered = html_policy.render(fragment)
    if not html_policy.removed(rendered):
        assert not live_problems(BeautifulSoup(rendered, "html.parser")), rendered


def test_a_region_cannot_be_closed_by_its_own_text() -> None:
    """Text that writes a closing marker of its own does not end its region early: the marker names the
    SHA-256 of the whole text, which the text cannot contain."""
    fake = "<!--/staff-text:" + "0" * 64 + "-->"
    text = f"a\n\n{fake}\n\n<img src=x onerror=alert(1)>"
    cleaned = html_policy.clean_regions(html_policy.render(html_policy.region(text)))
    assert "<img" in html_policy.render(text) and not live_problems(BeautifulSoup(cleaned, "html.parser")), cleaned


def test_an_unclosed_region_is_cleaned_to_the_end() -> None:
    opening = html_policy.region("x").split("\n")[0]
    assert html_policy.clean_regions(f"<p>ours</p>{opening}<img src=x onerror=f()>") == '<p>ours</p><img src="x">'



OFFICER_TEXT = """# Tiêu đề

Đoạn **đậm**, *nghiêng*, `mã`, <time datetime="2026-04-21">21/4/2026</time> và xuống dòng<br>tiếp.

- [Trang năm 2026](../2026/index.md), [thư](mailto:vanphong@example.gov.vn), [gọi](tel:+842053812345)
- [Cổng thông tin](https://example.gov.vn/){ .md-button }

| Cột | Số |
|:--|--:|
| a | 1 |

> Trích dẫn

!!! note "Ghi chú"
    Nội dung.

![Ảnh hội thảo](anh.png){ width="800" height="600" loading="lazy" }
"""


def test_what_an_officer_needs_survives_the_cleaning_unchanged() -> None:
    rendered = html_policy.render(OFFICER_TEXT)
    assert html_policy.removed(rendered) == []
    before, after = BeautifulSoup(rendered, "html.parser"), BeautifulSoup(html_policy.clean(rendered), "html.parser")
    assert [shape(el) for el in after.find_all(True)] == [shape(el) for el in before.find_all(True)]


def shape(element: Tag) -> tuple[str, dict[str, str]]:
    """An element's name and attributes, a style written without spaces (the cleaning normalises it)."""
    attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in element.attrs.items()}
    return element.name, attrs | ({"style": re.sub(r"[\s;]", "", attrs["style"])} if "style" in attrs else {})


@pytest.mark.parametrize(("text", "words"), [
    ("![x](https://anh.example/a.png)", "ảnh `https://anh.example/a.png` từ trang web khác"),
    ('<img src="a.png" srcset="a.png 1x, data:,x 2x">', "địa chỉ `data:` ở thẻ `<img>`"),
    ("[x](vbscript:msgbox)", "địa chỉ `vbscript:` ở thẻ `<a>`"),
    ("[x](https://example.gov.vn/){target=_blank}", "thuộc tính `target` của thẻ `<a>`"),
    ("Chữ\n{: style=\"color:red\" }", "thuộc tính `style` của thẻ `<p>`"),
    ('<table><tr><td style="background:url(x.png)">a</td></tr></table>', "thuộc tính `style` của thẻ `<td>`"),
    ("## A {.lop-la}", "lớp `lop-la` của thẻ `<h2>`"),
    ('Chữ <a href="java\nscript:alert(1)">x</a>', "địa chỉ `javascript:` ở thẻ `<a>`"),  # on no one line: found by halving
])
def test_what_the_policy_refuses_is_named(text: str, words: str) -> None:
    lines = ["Đoạn trước.", ""] * 200 + [*text.split("\n")]
    problems = html_policy.check_markdown(lines, 0, "docs/a.md")
    assert [(p.line, words in p.message) for p in problems] == [(len(lines), True)], problems  # where the construct ends


@pytest.mark.parametrize(("body", "line"), [("Chào.\n\n<div>\nNội dung", 3), ("Chào.\n\n<pre>", 3), ("<div>\na\n\nb\n</div>\n\nc", None),
                                            ("Chào <div> giữa dòng", None)])
def test_a_block_left_open_is_refused_at_its_line(body: str, line: int | None) -> None:
    """An HTML block never closed makes Markdown print the rest of a generated page as raw text."""
    problems = [p for p in html_policy.check_markdown(body.split("\n"), 0, "docs/a.md") if "mở mà không đóng" in p.message]
    assert [p.line for p in problems] == ([line] if line else [])
