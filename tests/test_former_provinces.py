"""The provinces before and after 1/7/2025 in the plan filter's words, on province pages and in the check.

The filter is modelled here as docs/assets/site.js matches (`shown`); tests/test_former_provinces_in_browser.py
types into the real one."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import line_of, replace_in
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.core.slugs import without_marks
from campaign_site.data.loader import load_site
from campaign_site.data.provinces import Unit, arrangement, called
from campaign_site.words.provinces import province_history
from campaign_site.words.search_text import NAME, PLACE, search_text, typed

TABLE = arrangement()
FORMERS = [(former, unit) for unit in TABLE.units for former in unit.former]


def kept(keys: list[str], query: str) -> list[bool]:
    """Which plans (their filter words, `keys`) site.js keeps for what the reader typed: those with a name
    holding the words in order, each starting a word; if none, those whose own names hold every word."""
    words = typed(query).split()
    phrase = " " + " ".join(words)
    split = [(own.split(NAME), places) for own, *places in (key.split(PLACE) for key in keys)]
    in_order = [any(phrase in f" {name}" for name in own + places) for own, places in split]
    if any(in_order):
        return in_order
    return [all(f" {word}" in f" {' '.join(own)}" for word in words) for own, _ in split]


def plan_keys(unit: Unit) -> list[str]:
    """The filter's words of two plans of `unit`: its People's Committee's and a ward's."""
    places = TABLE.other_names(unit.name)
    committee = f"UBND {called(unit.kind, unit.name)}"
    return [search_text(committee, committee, unit.name, places=places),
            search_text("UBND phường Trung Tâm", "UBND phường Trung Tâm", unit.name, places=places)]


PLANS = [(unit.name, key) for unit in TABLE.units for key in plan_keys(unit)]


@st.composite
def as_typed(draw: st.DrawFn, name: str) -> str:
    """`name` as a reader may type it: with or without marks, in any case, composed or not."""
    text = without_marks(name) if draw(st.booleans()) else name
    text = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@given(st.sampled_from(FORMERS).flatmap(lambda pair: st.tuples(st.just(pair), as_typed(pair[0]))))
def test_a_former_province_typed_any_way_finds_its_unit_s_plans_and_no_other_s(case: tuple[tuple[str, Unit], str]) -> None:
    (former, unit), query = case
    shown = kept([key for _, key in PLANS], query)
    assert [name for (name, _), keep in zip(PLANS, shown, strict=True) if keep] == [unit.name] * 2, query


def test_the_words_of_a_merged_province_s_plan_end_with_its_former_provinces() -> None:
    words = search_text("UBND phường Việt Trì", "UBND phường Việt Trì", "Phú Thọ", places=TABLE.other_names("Phú Thọ"))
    assert words == "ubnd phuong viet tri / phu tho / uy ban nhan dan | vinh phuc | hoa binh"
    for query in ("hoa binh", "Hòa Bình", "HOÀ BÌNH", "vinh phuc", "phu tho", "viet tri", "hoa", "ubnd viet tri phu tho"):
        assert kept([words], query) == [True], query
    for query in ("binh hoa", "phuc hoa", "ha giang", "viet tri hoa binh"):
        assert kept([words], query) == [False], query
    assert "|" not in search_text("UBND phường Việt Trì", "Lạng Sơn", places=TABLE.other_names("Lạng Sơn"))


def test_words_in_the_order_typed_win_over_words_anywhere() -> None:
    """`son la`: Sơn La's plan, not Lạng Sơn's (`lang son` holds `son` and a word starting `la`); with no
    plan of Sơn La, Lạng Sơn's is the nearest."""
    lang_son, son_la = (search_text(f"UBND {called('province', name)}", name) for name in ("Lạng Sơn", "Sơn La"))
    assert kept([lang_son, son_la], "son la") == [False, True]
    assert kept([lang_son], "son la") == [True]


@given(st.sampled_from([u for u in TABLE.units if u.merged]))
def test_a_merged_unit_s_page_names_each_former_province_once(unit: Unit) -> None:
    sentence = province_history(unit.name)
    assert sentence is not None and sentence.startswith("Từ ngày 01/7/2025, ")
    assert called(unit.kind, unit.name) in sentence and "202/2025/QH15" in sentence
    for former in unit.former:
        assert sentence.count(f" {former}") == 1 + (former == unit.name), former


@given(st.sampled_from([(f, u) for f, u in FORMERS if f != u.name]))
def test_a_former_province_s_page_names_the_unit_it_is_part_of(pair: tuple[str, Unit]) -> None:
    former, unit = pair
    assert province_history(former) == (f"Từ ngày 01/7/2025, địa bàn tỉnh {former} trước đây thuộc {called(unit.kind, unit.name)} "
                                        "(Nghị quyết số 202/2025/QH15 của Quốc hội).")


def test_unchanged_units_and_other_names_get_no_sentence() -> None:
    assert [province_history(n) for n in ("Lạng Sơn", "Hà Nội", "Trung ương")] == [None, None, None]
    assert province_history("Hải Phòng") == ("Từ ngày 01/7/2025, thành phố Hải Phòng gồm địa bàn tỉnh Hải Dương và thành phố Hải Phòng "
                                             "trước đây (Nghị quyết số 202/2025/QH15 của Quốc hội).")
    assert province_history("Phú Thọ") == ("Từ ngày 01/7/2025, tỉnh Phú Thọ gồm địa bàn các tỉnh Vĩnh Phúc, Hòa Bình và Phú Thọ "
                                           "trước đây (Nghị quyết số 202/2025/QH15 của Quốc hội).")


LAI_CHAU = "2026/plans/so-khcn-lai-chau.yaml"
THANH_HOA = "2025/plans/so-khcn-thanh-hoa.yaml"


def province_warnings(project: Path) -> list[tuple[str, int, str, str]]:
    data = load_site(project / "campaigns")
    return [(w.file, w.line, w.field, w.message) for w in data.warnings if w.field == "issuer.province"]


def test_a_plan_signed_since_1_july_2025_naming_a_former_province_is_warned(project: Path) -> None:
    path = project / "campaigns" / LAI_CHAU
    replace_in(path, "  province: Lai Châu\n", "  province: Hòa Bình\n")
    assert province_warnings(project) == [(f"campaigns/{LAI_CHAU}", line_of(path, "province: Hòa Bình"), "issuer.province",
        "`Hòa Bình`: tỉnh Hòa Bình đã nhập vào tỉnh Phú Thọ từ ngày 01/7/2025 (Nghị quyết số 202/2025/QH15 của Quốc hội), "
        "nhưng văn bản này ký năm 2026. Hãy đối chiếu văn bản: nếu cơ quan ban hành nay thuộc tỉnh Phú Thọ, viết `Phú Thọ`; "
        "nếu văn bản ghi đúng tên `Hòa Bình`, giữ nguyên (đây chỉ là cảnh báo).")]


def test_an_undated_plan_of_a_year_after_the_merger_is_warned_by_its_year(project: Path) -> None:
    path = project / "campaigns" / LAI_CHAU
    replace_in(path, "  province: Lai Châu\n", "  province: Bắc Kạn\n")
    replace_in(path, '  date: "2026"\n', "  date: null\n")
    [(_file, _line, _field, message)] = province_warnings(project)
    assert "tỉnh Bắc Kạn đã nhập vào tỉnh Thái Nguyên từ ngày 01/7/2025" in message and "nhưng văn bản này là kế hoạch năm 2026." in message


@pytest.mark.parametrize(("signed", "warned"), [("4/2025", False), ("30/6/2025", False), ("6/2025", False), ("2025", False),
                                                ("01/7/2025", True), ("7/2025", True), ("15/7/2025", True)])
def test_a_plan_signed_before_1_july_2025_names_the_province_of_its_time(project: Path, signed: str, warned: bool) -> None:
    """The 2025 Thanh Hóa plan, as if Bắc Giang's (a province until 1/7/2025), signed on `signed`."""
    path = project / "campaigns" / THANH_HOA
    replace_in(path, "  province: Thanh Hóa\n", "  province: Bắc Giang\n")
    replace_in(path, "  date: 4/2025\n", f'  date: "{signed}"\n')
    found = province_warnings(project)
    assert len(found) == warned, found
    if warned:
        assert "tỉnh Bắc Giang đã nhập vào tỉnh Bắc Ninh từ ngày 01/7/2025" in found[0][3] and "nhưng văn bản này ký " in found[0][3]


@pytest.mark.parametrize(("former", "unit"), FORMERS, ids=[f for f, _ in FORMERS])
def test_each_former_province_as_written_and_without_marks_finds_its_unit_only(former: str, unit: Unit) -> None:
    """The property above, for every one of the 63 names, as written and as typed without marks."""
    for query in (former, without_marks(former).upper()):
        shown = kept([key for _, key in PLANS], query)
        assert [name for (name, _), keep in zip(PLANS, shown, strict=True) if keep] == [unit.name] * 2, query
