"""The words the plan filter matches: names as a reader types them, with the site's short and long forms."""

from __future__ import annotations

import dataclasses
import json
import unicodedata

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.data import paths
from campaign_site.data.loader import load_site
from campaign_site.stages.collect import data_files
from campaign_site.words.search_text import FORMS, search_text, typed

PLACES = st.sampled_from(["Lạng Sơn", "xã Bình Thành", "phường Trần Hưng Đạo", "tỉnh Lai Châu", "Đắk Lắk", "Huế"])


@pytest.mark.parametrize(("name", "expected"), [
    ("Sở KH&CN Lạng Sơn", "so khcn lang son"),
    ("Ủy ban nhân dân xã Bình Thành", "uy ban nhan dan xa binh thanh"),
    ("UBND phường Trần Hưng Đạo", "ubnd phuong tran hung dao"),
    ("TP. Hồ Chí Minh", "tp ho chi minh"),
    (unicodedata.normalize("NFD", "ĐẮK LẮK"), "dak lak"),
])
def test_a_name_is_folded_as_a_reader_types_it(name: str, expected: str) -> None:
    assert typed(name) == expected


def test_a_plan_s_words_hold_both_forms_of_its_names() -> None:
    words = search_text("Sở Khoa học và Công nghệ tỉnh Lai Châu", "Sở KH&CN Lai Châu", "Lai Châu")
    assert words == "so khoa hoc va cong nghe tinh lai chau / so khcn lai chau / lai chau / khcn / khoa hoc va cong nghe"
    assert "uy ban nhan dan" in search_text("UBND xã Bình Thành")
    assert "thanh pho" in search_text("UBND TP. Huế") and " tp " in f" {search_text('thành phố Huế')} "


def test_a_short_form_inside_a_word_is_not_expanded() -> None:
    """`tp` is a short form only as a word of its own, not the end of another word."""
    assert "thanh pho" not in search_text("Sở KH&CN Lạng Sơn")


@given(st.text())
def test_folding_is_plain_lower_case_words_and_stable(text: str) -> None:
    folded = typed(text)
    assert typed(folded) == folded
    assert folded == folded.casefold().strip() and "  " not in folded and "&" not in folded and "đ" not in folded
    assert not any(unicodedata.combining(c) for c in folded)


@given(st.sampled_from(FORMS), PLACES, st.booleans())
def test_either_form_of_a_name_finds_the_other(form: tuple[str, str], place: str, short: bool) -> None:
    long_form, short_form = form
    words = f" {search_text(f'{short_form if short else long_form} {place}')} "
    assert f" {typed(long_form)} " in words and f" {typed(short_form)} " in words and f" {typed(place)} " in words


def test_a_plan_of_a_past_year_is_found_by_the_province_it_names() -> None:
    """A plan from before the 2025 merger names its province as it was (`Hòa Bình`); the year's plan
    list matches that name typed without diacritics."""
    data = load_site(REPO / "campaigns", docs=REPO / "docs")
    plan = data.campaigns[2025].plans[0]
    issuer = plan.issuer.model_copy(update={"name": "Sở Khoa học và Công nghệ tỉnh Hòa Bình", "short_name": "Sở KH&CN Hòa Bình",
                                            "province": "Hòa Bình"})
    past = dataclasses.replace(data.campaigns[2025], plans=(plan.model_copy(update={"issuer": issuer}),))
    data = dataclasses.replace(data, campaigns={2025: past})
    files = {f.path: f.content for f in data_files(data, {2025: []}, {})}
    listed = json.loads(files[paths.plan_list(2025)])
    assert [entry["t"] for entry in listed] == ["Hòa Bình"]
    assert all(f" {word}" in f" {listed[0]['k']}" for word in typed("so khcn hoa binh").split())
