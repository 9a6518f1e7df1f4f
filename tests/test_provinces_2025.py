"""The provinces before and after 1 July 2025 (Resolution 202/2025/QH15): the table's shape, and every
province name the site's lists and data use is one of its units."""

from __future__ import annotations

import unicodedata
from datetime import date

import synthetic_campaigns
from conftest import REPO

from campaign_site.data.loader import load_site
from campaign_site.data.provinces import arrangement
from campaign_site.importing import names

TABLE = arrangement()


def test_the_resolution_is_named_with_its_dates_and_sources() -> None:
    assert (TABLE.number_symbol, TABLE.issuer) == ("202/2025/QH15", "Quốc hội")
    assert (TABLE.adopted, TABLE.in_force, TABLE.merged_from) == (date(2025, 6, 12), date(2025, 6, 12), date(2025, 7, 1))
    assert TABLE.sources and all(s.startswith("https://") for s in TABLE.sources)


def test_34_units_from_63_former_provinces_each_once() -> None:
    formers = [f for u in TABLE.units for f in u.former]
    assert len(TABLE.units) == 34 and len({u.name for u in TABLE.units}) == 34
    assert len(formers) == 63 and len(set(formers)) == 63
    assert sum(u.merged for u in TABLE.units) == 23
    assert sorted(len(u.former) for u in TABLE.units if u.merged) == [2] * 17 + [3] * 6
    assert {u.name for u in TABLE.units if u.kind == "city"} == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    for unit in TABLE.units:
        assert unit.name in unit.former, unit  # every unit kept one of its former names
        for name in (unit.name, *unit.former):
            assert name == unicodedata.normalize("NFC", name) == name.strip() and not name.lower().startswith(("tỉnh", "thành phố"))


def test_rows_checked_against_the_resolution() -> None:
    """Rows read in Article 1 of the resolution (see the table's sources)."""
    rows = {u.name: set(u.former) for u in TABLE.units}
    assert rows["Phú Thọ"] == {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}
    assert rows["Tuyên Quang"] == {"Tuyên Quang", "Hà Giang"}
    assert rows["Lào Cai"] == {"Lào Cai", "Yên Bái"}
    assert rows["Hồ Chí Minh"] == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}
    assert rows["Thanh Hóa"] == {"Thanh Hóa"}


def test_names_compare_loosely_and_a_former_province_knows_its_unit() -> None:
    assert TABLE.merged_into("Hoà Bình") == ("Hòa Bình", TABLE.unit("Phú Thọ"))
    assert TABLE.merged_into("Phú Thọ") is None and TABLE.merged_into("Atlantis") is None
    assert TABLE.other_names("Phú Thọ") == ("Vĩnh Phúc", "Hòa Bình")
    assert TABLE.other_names("Hòa Bình") == ("Phú Thọ",)
    assert TABLE.other_names("Lạng Sơn") == () and TABLE.other_names("Trung ương") == ()
    haiphong = TABLE.unit("Hải Phòng")
    assert haiphong and (haiphong.kind_of("Hải Phòng"), haiphong.kind_of("Hải Dương")) == ("city", "province")


def test_every_province_the_site_names_is_in_the_table() -> None:
    units = {u.name for u in TABLE.units}
    formers = {f for u in TABLE.units for f in u.former}
    assert {names.province(n) for n in units | formers} == units | formers
    assert {n for n in units | formers if names.called(n) == "thành phố"} == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh",
                                                                             "Cần Thơ"}
    assert set(synthetic_campaigns.PROVINCES) == units
    data = load_site(REPO / "campaigns", docs=REPO / "docs")
    named = {p.issuer.province for c in data.campaigns.values() for p in c.plans if p.issuer.province}
    assert named and named <= formers | units
