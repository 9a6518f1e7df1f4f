"""Staff Markdown is bounded before it is rendered: a paragraph of 10,000 `[` (18 s in Python-Markdown,
quadratic) is refused by `check` at its line in well under a second of processor time (measured by the
kernel in a child process), as are a page over 100,000 characters and a quotation nested past ten levels.
What an officer writes, up to the bounds, still builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from child_usage import measured, python
from conftest import copy_project
from test_news_posts import POST, POSTS, SLUG, camera_photo

from campaign_site.data import markdown_bounds
from campaign_site.site_build import check_data

CHECK = """
import json, sys
from pathlib import Path
from campaign_site.site_build import check_data
checked = check_data(Path(sys.argv[1]))
print(json.dumps([[p.file, p.line, p.message] for p in checked.problems if p.severity == "error"]))
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("markdown") / "project")
    folder = project / POSTS
    camera_photo(folder / "IMG_20260421_093512.jpg", (800, 600))
    camera_photo(folder / "trung-bay.jpg", (800, 600), orientation=1)
    return project


def errors_with(project: Path, page: str, text: str) -> tuple[list[list[object]], float]:
    """The errors `check` gives when `page` (under the project) holds `text`, and the processor seconds it took."""
    path = project / page
    kept = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        run = measured(python(CHECK, project))
    finally:
        if kept is None:
            path.unlink()
        else:
            path.write_text(kept, encoding="utf-8")
    return json.loads(run.stdout), run.cpu


@pytest.mark.parametrize("page", ["docs/huong-dan-them.md", "docs/2026.md", f"{POSTS}/{SLUG}.md"])
def test_ten_thousand_brackets_are_refused_at_their_paragraph_quickly(project: Path, page: str) -> None:
    head = POST if page.endswith(f"{SLUG}.md") else "# Trang\n"
    text = head + "\nMở đầu đoạn văn.\n" + "[" * 10_000 + "\n"
    errors, cpu = errors_with(project, page, text)
    line = text.split("\n").index("Mở đầu đoạn văn.") + 1
    assert [e for e in errors if e[0] == page] == [[page, line, errors[0][2]]], errors
    assert "có hơn 100 dấu `[`" in str(errors[0][2]) and "Hãy chia đoạn văn ra" in str(errors[0][2])
    assert cpu < 10, cpu


def test_a_page_over_the_size_bound_is_refused_once(project: Path) -> None:
    text = "# Trang\n\n" + ("Người dân tham gia ngày hội đổi mới sáng tạo.\n\n" * 2_500)
    errors, _ = errors_with(project, "docs/dai.md", text)
    assert errors == [["docs/dai.md", 1, f"trang dài {len(text):,} ký tự, quá giới hạn 100.000 ký tự. ".replace(",", ".", 1)
                       + "Hãy chia thành nhiều trang hoặc nhiều bài viết ngắn hơn."]], errors


def test_a_quotation_nested_past_ten_levels_is_refused(project: Path) -> None:
    errors, _ = errors_with(project, "docs/trich.md", "# Trang\n\n" + "> " * 11 + "trích\n")
    assert errors == [["docs/trich.md", 3, "trích dẫn lồng nhau 11 tầng (dấu `>` ở đầu dòng), quá 10 tầng. Hãy bớt các dấu `>` ở đầu dòng."]]


def test_markdown_up_to_the_bounds_is_accepted(project: Path) -> None:
    links = " ".join(f"[liên kết {i}](https://example.vn/{i})" for i in range(markdown_bounds.MAX_BRACKETS))
    table = "| Đơn vị | Trang |\n|---|---|\n" + "".join(f"| [a{i}](https://a.vn) [b{i}](https://b.vn) |  |\n" for i in range(80))
    (project / "docs/gioi-han.md").write_text(f"# Trang\n\n{links}\n\n{table}\n" + "> " * 10 + "trích\n", encoding="utf-8")
    try:
        assert [p for p in check_data(project).problems if p.file == "docs/gioi-han.md"] == []
    finally:
        (project / "docs/gioi-han.md").unlink()
