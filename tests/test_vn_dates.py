"""Dates as staff write them and as Decree 30/2020/NĐ-CP prints them."""

from datetime import date

import pytest

from campaign_site.data import vn_dates


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("16/4/2026", date(2026, 4, 16)),
        ("05/5/2026", date(2026, 5, 5)),
        (" 1/4/2025 ", date(2025, 4, 1)),
        ("2026-04-16", date(2026, 4, 16)),
        (date(2026, 4, 21), date(2026, 4, 21)),
    ],
)
def test_parse_accepts_vietnamese_and_iso_forms(written: object, expected: date) -> None:
    assert vn_dates.parse_date(written) == expected


def test_impossible_day_says_how_many_days_the_month_has_and_suggests() -> None:
    with pytest.raises(ValueError) as info:
        vn_dates.parse_date("31/4/2026")
    message = str(info.value)
    assert "tháng 4 năm 2026 chỉ có 30 ngày" in message
    assert "30/4/2026" in message and "1/5/2026" in message


@pytest.mark.parametrize("written", ["29/2/2025", "0/4/2026", "12/13/2026", "2026-02-30"])
def test_other_impossible_dates_are_rejected(written: str) -> None:
    with pytest.raises(ValueError, match="không tồn tại"):
        vn_dates.parse_date(written)


@pytest.mark.parametrize("written", ["16-4-2026", "mười sáu tháng tư", "", "16/4"])
def test_unreadable_dates_explain_the_expected_form(written: str) -> None:
    with pytest.raises(ValueError, match="ngày/tháng/năm, ví dụ 16/4/2026"):
        vn_dates.parse_date(written)


def test_whole_number_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="cần một ngày"):
        vn_dates.parse_date(2026)


def test_short_and_long_forms_pad_as_decree_30_prescribes() -> None:
    assert vn_dates.short(date(2026, 4, 16)) == "16/4/2026"
    assert vn_dates.short(date(2026, 5, 3)) == "03/5/2026"
    assert vn_dates.short(date(2026, 1, 30)) == "30/01/2026"
    assert vn_dates.long(date(2026, 4, 16)) == "ngày 16 tháng 4 năm 2026"
    assert vn_dates.long(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"


@pytest.mark.parametrize(
    ("written", "long_form", "iso"),
    [
        ("16/4/2026", "ngày 16 tháng 4 năm 2026", "2026-04-16"),
        ("4/2026", "ngày … tháng 4 năm 2026", "2026-04"),
        ("2026", "ngày … tháng … năm 2026", "2026"),
        (2026, "ngày … tháng … năm 2026", "2026"),
    ],
)
def test_draft_document_dates_keep_their_blanks(written: object, long_form: str, iso: str) -> None:
    partial = vn_dates.parse_partial_date(written)
    assert partial.long() == long_form
    assert partial.iso() == iso


def test_partial_date_with_impossible_month_is_rejected() -> None:
    with pytest.raises(ValueError, match="tháng 13 không tồn tại"):
        vn_dates.parse_partial_date("13/2026")
