"""Data text placed into generated Markdown always renders as the same text, never as markup."""

import markdown
import pytest
from bs4 import BeautifulSoup

from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.core.slugs import ascii_slug

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]

TEXTS = [
    "Sở KH&CN Lạng Sơn",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[bấm vào](javascript:alert(1))",
    "*đậm* _nghiêng_ `mã` **x** __y__",
    "1. không phải danh sách",
    "- không phải gạch đầu dòng",
    "+ cũng không",
    "# không phải tiêu đề",
    "---",
    "cột | cột",
    "{: .lớp }",
    "Sở hữu trí tuệ và Thể thao: Sẵn sàng - Bắt đầu - Đổi mới",
    "a\\b",
    "![ảnh](x.png)",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("context", ["{}", "- {}", "| a |\n|---|\n| {} |", "## {}"])
def test_escaped_text_renders_as_itself(text: str, context: str) -> None:
    html = markdown.markdown(context.format(escape(text)), extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text().strip().endswith(text.strip()) or text.strip() in soup.get_text()
    assert not soup.find_all(["script", "img", "a", "em", "strong", "code", "ol", "h1", "hr"])


def test_newlines_in_data_cannot_break_the_page_structure() -> None:
    html = markdown.markdown("- " + escape("dòng một\n\n# tiêu đề\n- mục"), extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("li")) == 1 and not soup.find("h1")


def test_markdown_made_by_our_code_passes_through() -> None:
    assert escape(Markdown("[a](b.md)")) == "[a](b.md)"
    assert escape(None) == ""


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Sở KH&CN Lạng Sơn", "so-kh-cn-lang-son"),
        ("Đổi mới sáng tạo", "doi-moi-sang-tao"),
        ("UBND phường Trần Hưng Đạo", "ubnd-phuong-tran-hung-dao"),
    ],
)
def test_ascii_slugs_turn_d_stroke_into_d(text: str, slug: str) -> None:
    assert ascii_slug(text) == slug
