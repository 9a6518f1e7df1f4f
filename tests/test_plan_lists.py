"""The year's list of plans and each province's page say what they hold as a person counts it (issue 27):
`5 công văn và 2 kế hoạch … do 7 cơ quan ban hành`, central bodies in a group of their own (not a province), and
every link's words say where it goes; a province's page gives its plans with their windows first, then the
next date, then the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import shared_build
from hypothesis import given
from hypothesis import strategies as st
from test_plan_first_screen import _make_real_site

from campaign_site.data.model import Plan
from campaign_site.words.phrasing import documents_count, issuers_count


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site with the real documents of tests/real_documents (two ministries' dispatches among them)."""
    return shared_build(tmp_path_factory, "real-plans", _make_real_site) / "site"


def _article(site: Path, page: str) -> Tag:
    article = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser").find("article")
    assert isinstance(article, Tag)
    return article


def _words(node: Tag) -> str:
    return " ".join(node.get_text(" ").replace("¶", "").split())


def _intro(article: Tag) -> str:
    first = article.find("p")
    assert isinstance(first, Tag)
    return _words(first)


def test_the_list_counts_documents_by_type_and_issuers(built_site: Path, real_site: Path) -> None:
    assert _intro(_article(built_site, "2026/ke-hoach")).startswith(
        "Năm 2026 có 3 công văn và 1 kế hoạch hưởng ứng ở 4 tỉnh, thành phố, do 4 cơ quan ban hành. Mỗi văn bản có trang riêng")
    assert _intro(_article(real_site, "2026/ke-hoach")).startswith(
        "Năm 2026 có 5 công văn và 2 kế hoạch hưởng ứng ở trung ương và 5 tỉnh, thành phố, do 7 cơ quan ban hành.")
    assert _intro(_article(built_site, "2025/ke-hoach")).startswith("Năm 2025 có 1 kế hoạch hưởng ứng ở 1 tỉnh, thành phố, do 1 cơ quan ban hành.")


def test_central_bodies_are_a_group_of_their_own_not_a_province(real_site: Path) -> None:
    article = _article(real_site, "2026/ke-hoach")
    provinces = article.find("h2", id="theo-tinh-thanh-pho")
    assert isinstance(provinces, Tag)
    listed = provinces.find_next("ul")
    assert isinstance(listed, Tag)
    assert [_words(li) for li in listed.find_all("li")] == ["Hải Phòng : 1 kế hoạch", "Lai Châu : 1 công văn", "Lạng Sơn : 1 công văn",
                                                             "Thái Nguyên : 1 công văn", "Tuyên Quang : 1 kế hoạch"]
    central = next(h for h in article.find_all("h2") if _words(h) == "Cơ quan trung ương")
    assert central.find_next("h2") is provinces  # central bodies first, as the plans above are ordered
    rows = [_words(tr.find("td")) for tr in article.find("table").find_all("tr") if tr.find("td")]
    assert [row.split(" (")[0] for row in rows] == [
        "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân phường Trần Hưng Đạo",
        "Sở Khoa học và Công nghệ tỉnh Lai Châu", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Ủy ban nhân dân xã Bình Thành",
        "Ủy ban nhân dân tỉnh Tuyên Quang"]  # by place: central bodies, then each province
    assert [a.get_text() for a in article.find("table").select("td a")][0] == "Bộ Khoa học và Công nghệ"  # the source note after the link
    assert rows[0] == "Bộ Khoa học và Công nghệ (theo bản tin tóm tắt)"
    line = central.find_next("p")
    assert isinstance(line, Tag) and line.a is not None
    assert (_words(line), line.a["href"]) == ("2 công văn của 2 cơ quan trung ương", "../dia-phuong/trung-uong/")
    page = _article(real_site, "2026/dia-phuong/trung-uong")
    assert _words(page.find("h1")) == "Cơ quan trung ương: kế hoạch năm 2026"
    assert _intro(page) == "Năm 2026 có 2 công văn hưởng ứng của 2 cơ quan trung ương."


def test_a_province_page_gives_its_plans_then_the_next_date_then_the_rest(built_site: Path) -> None:
    article = _article(built_site, "2026/dia-phuong/thai-nguyen")
    assert _intro(article) == "Năm 2026, Thái Nguyên có 1 công văn hưởng ứng của 1 cơ quan."
    order = article.find_all(["table", "ul", "section", "p"])
    table = article.find("table")
    assert isinstance(table, Tag) and "Thời gian thực hiện" in _words(table) and "18/4/2026" in _words(table)
    basis = next(h for h in article.find_all("h2") if _words(h) == "Văn bản cấp tỉnh, cấp xã làm căn cứ cho kế hoạch trên")
    listed = basis.find_next("ul")
    assert isinstance(listed, Tag)
    assert [" ".join(li.get_text("").split()) for li in listed.find_all("li")] == [
        "Công văn số 4059/UBND-KGVX của UBND tỉnh Thái Nguyên", "Công văn số 1132/SKHCN-QLCN của Sở Khoa học và Công nghệ tỉnh "
        "Thái Nguyên", "Kế hoạch số 69/KH-UBND của UBND xã Bình Thành"]  # what the province did: the documents the plan implements
    assert all(a["href"].startswith("../../../can-cu-phap-ly/#van-ban-") for a in listed.find_all("a"))
    panel = article.find("section", class_="next-date")
    assert isinstance(panel, Tag) and _words(panel).startswith("Ngày sắp tới")
    others = next(p for p in article.find_all("p") if "khác:" in _words(p))
    assert " ".join(others.get_text("").split()) == "Kế hoạch ở các tỉnh, thành phố khác: danh sách năm 2026 theo tỉnh, thành phố."
    assert others.a is not None and others.a["href"] == "../../ke-hoach/#theo-tinh-thanh-pho"
    assert order.index(table) < order.index(listed) < order.index(panel) < order.index(others)
    assert _article(built_site, "2026/ke-hoach").find(id="theo-tinh-thanh-pho") is not None  # the link lands


def _plan(kind: str | None, issuer: int) -> Plan:
    return Plan.model_validate({"issuer": {"name": f"Ủy ban nhân dân xã Số {issuer}", "level": "commune", "province": "Thái Nguyên"},
                                "document": {"type": kind} if kind else {}, "observances": ["ngay-sang-tao"]})


@given(st.lists(st.tuples(st.sampled_from(["Kế hoạch", "Công văn", "Hướng dẫn", None]), st.integers(1, 4)), min_size=1, max_size=9))
def test_documents_are_counted_by_type_to_their_number_and_issuers_once_each(facts: list[tuple[str | None, int]]) -> None:
    plans = [_plan(kind, issuer) for kind, issuer in facts]
    said = documents_count(plans)
    if None in {kind for kind, _ in facts}:  # a record without its type: no type is counted
        assert said == f"{len(plans)} văn bản"
    else:
        kinds = {kind.lower(): sum(1 for k, _ in facts if k == kind) for kind, _ in facts if kind}
        parts = said.replace(" và ", ", ").split(", ")
        assert sorted(parts) == sorted(f"{n} {kind}" for kind, n in kinds.items())
        assert [int(p.split()[0]) for p in parts] == sorted((int(p.split()[0]) for p in parts), reverse=True)  # most first
        assert (" và " in said) == (len(kinds) > 1)
    assert issuers_count(plans) == f"{len({issuer for _, issuer in facts})} cơ quan"
