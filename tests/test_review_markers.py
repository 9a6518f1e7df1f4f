"""`CẦN KIỂM TRA` (a value the importer read but is not sure of) blocks the build like `CẦN ĐIỀN`, with the
same file:line report, in data files and in the staff Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from campaign_site.core.problems import DataError
from campaign_site.core.yaml_source import parse_yaml
from campaign_site.data import placeholders
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan

LANG_SON = "campaigns/2026/plans/so-khcn-lang-son.yaml"


def test_each_marked_value_is_an_error_at_its_line_saying_what_to_do() -> None:
    text = "issuer:\n  province: \"CẦN KIỂM TRA: Lạng Sơn\"\nlegal_basis:\n  - cv-2341-bkhcn-2026\n  - \"CẦN KIỂM TRA: cv-1-x-2026\"\n"

    problems = placeholders.in_data(parse_yaml(text, "campaigns/2026/plans/x.yaml"))

    assert [(p.line, p.field) for p in problems] == [(2, "issuer.province"), (5, "legal_basis[1]")]
    assert problems[0].message == (
        "cần kiểm tra: «CẦN KIỂM TRA: Lạng Sơn». Hãy đối chiếu với văn bản gốc rồi xóa chữ CẦN KIỂM TRA."
    )
    assert str(problems[0]).startswith("campaigns/2026/plans/x.yaml:2: issuer.province: cần kiểm tra: «CẦN KIỂM TRA: Lạng Sơn»")
    assert all(p.severity == "error" for p in problems)


def test_a_value_to_fill_keeps_its_own_message() -> None:
    problems = placeholders.in_data(parse_yaml('place: "CẦN ĐIỀN: địa danh"\n', "x.yaml"))
    assert [p.message for p in problems] == ["chưa điền: «CẦN ĐIỀN: địa danh». Hãy thay cả dòng này bằng nội dung thật, chép đúng như văn bản."]


@pytest.mark.parametrize(("text", "choices"), [
    # A field that takes `chưa rõ`: leave the line out, or write `chưa rõ`.
    ('place: "CẦN ĐIỀN: địa danh"\n', " Nếu văn bản không ghi điều này, hãy xóa cả dòng; nếu chưa biết, hãy viết `chưa rõ`."),
    ('document:\n  subject: "CẦN ĐIỀN: trích yếu"\n', " Nếu văn bản không ghi điều này, hãy xóa cả dòng; nếu chưa biết, hãy viết `chưa rõ`."),
    # Inside a part that takes `chưa rõ`: the choices are for the whole part.
    ('window:\n  start: "CẦN ĐIỀN: ngày bắt đầu"\n',
     " Nếu văn bản không nêu cả mục `window`, hãy xóa cả mục đó; nếu chưa biết, hãy viết `window: chưa rõ` thay cho cả mục."),
    ('themes:\n  - "CẦN ĐIỀN: mã chủ đề"\n',
     " Nếu văn bản không nêu cả mục `themes`, hãy xóa cả mục đó; nếu chưa biết, hãy viết `themes: chưa rõ` thay cho cả mục."),
    # A fact every plan has (its level): no choice to offer.
    ('issuer:\n  level: "CẦN ĐIỀN: national, province hoặc commune"\n', ""),
])
def test_a_value_to_fill_names_the_honest_choices_its_field_allows(text: str, choices: str) -> None:
    [problem] = placeholders.in_data(parse_yaml(text, "x.yaml"), Plan)
    assert problem.message.endswith("chép đúng như văn bản." + choices)


def test_a_marker_in_staff_markdown_is_reported_at_its_column() -> None:
    problem = placeholders.in_markdown_line("docs/2026/index.md", 3, "Thời gian: CẦN KIỂM TRA: 15/4/2026")
    assert problem is not None and (problem.line, problem.column) == (3, 12)
    assert problem.message.startswith("cần kiểm tra: «Thời gian: CẦN KIỂM TRA: 15/4/2026»")
    assert placeholders.in_markdown_line("docs/a.md", 1, "Không có dấu nào") is None


def test_marking_and_unmarking() -> None:
    assert placeholders.review("Lạng Sơn") == "CẦN KIỂM TRA: Lạng Sơn"
    assert placeholders.review(placeholders.review("Lạng Sơn")) == "CẦN KIỂM TRA: Lạng Sơn"
    assert placeholders.without_review("CẦN KIỂM TRA: Lạng Sơn") == "Lạng Sơn"
    assert placeholders.is_marked("CẦN KIỂM TRA: x") and placeholders.is_marked("CẦN ĐIỀN: x")
    assert not placeholders.is_marked("Lạng Sơn") and not placeholders.is_marked(3)


def test_a_marked_plan_blocks_loading_until_the_marker_is_removed(tmp_path: Path) -> None:
    campaigns = tmp_path / "campaigns"
    shutil.copytree(REPO / "campaigns", campaigns)
    plan = campaigns / "2026/plans/so-khcn-lang-son.yaml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("  province: Lạng Sơn", '  province: "CẦN KIỂM TRA: Lạng Sơn"'), encoding="utf-8")

    with pytest.raises(DataError) as info:
        load_site(campaigns)

    line = next(i for i, text in enumerate(plan.read_text(encoding="utf-8").split("\n"), 1) if "CẦN KIỂM TRA" in text)
    errors = [p for p in info.value.problems if p.severity == "error"]
    assert [(p.file, p.line, p.field) for p in errors] == [(LANG_SON, line, "issuer.province")]
    assert "Hãy đối chiếu với văn bản gốc rồi xóa chữ CẦN KIỂM TRA." in info.value.report()

    plan.write_text(original, encoding="utf-8")
    assert load_site(campaigns).campaigns[2026].plans
