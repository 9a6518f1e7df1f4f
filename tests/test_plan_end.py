"""The end of a plan as on paper: the closing, `Nơi nhận` and the signature are their own part of the
page, never inside a list item; the signature block keeps each printed line (TM./KT./TL./TUQ./Q., a
title without a name, an authority line alone); the checker refuses closing words in a list, and the
importer keeps them out of tasks and reads every form of signature."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bench_import import pdf_like
from bs4 import BeautifulSoup, Tag
from conftest import REPO, SEEDS, copy_project, replace_in, run_build, shared_build
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.core.problems import DataError
from campaign_site.data.document_end import closing_words
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan, Signer
from campaign_site.data.site_data import SiteData
from campaign_site.importing.extract import document_year, extract
from campaign_site.pages.views.plan import signature
from campaign_site.words.signer import signer_text

GOLDEN = Path(__file__).parent / "golden"
IMPORT_DOCUMENTS = Path(__file__).parent / "import_documents"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _plans(campaigns: Path) -> dict[str, Plan]:
    """Each plan of a data folder by its page (`2026/ke-hoach/<id>`)."""
    data = load_site(campaigns)
    return {f"{p.year}/ke-hoach/{p.id}": p for c in data.campaigns.values() for p in c.plans}


def _assert_end_outside_lists(site: Path, page: str, plan: Plan) -> None:
    soup = _soup(site, page)
    article = soup.find("article")
    assert isinstance(article, Tag)
    paragraphs = [" ".join(paragraph.split()) for paragraph in plan.closing]
    closing = " ".join(paragraphs)
    for item in article.find_all("li"):
        text = " ".join(item.get_text(" ").split())
        assert "Nơi nhận" not in text, f"{page}: «Nơi nhận» inside a list item"
        for paragraph in paragraphs:
            assert paragraph[:40] not in text, f"{page}: the closing inside a list item: {text[-120:]}"
    for part in article.select(".plan-closing, .plan-end, .plan-signature, .plan-recipients"):
        assert part.find_parent("li") is None and part.find_parent(["ul", "ol"]) is None, page
    if closing:
        shown = article.select_one(".plan-closing")
        assert shown is not None and " ".join(shown.get_text(" ").split()) == closing
        end = article.select_one(".plan-end")
        assert end is not None and shown.find_next_sibling(class_="plan-end") is end, "the closing comes right before the end"


def test_every_shipped_plan_page_has_its_end_outside_every_list(built_site: Path) -> None:
    plans = _plans(REPO / "campaigns")
    assert sum(1 for p in plans.values() if p.closing and p.responsibilities) >= 3
    for page, plan in plans.items():
        _assert_end_outside_lists(built_site, page, plan)


def _fixture_project(folder: Path) -> Path:
    """The project with the golden fixture's data and posts instead of the shipped ones."""
    root = copy_project(folder / "project")
    shutil.rmtree(root / "campaigns")
    shutil.copytree(GOLDEN / "campaigns", root / "campaigns")
    for year in (root / "docs").glob("20*"):
        shutil.rmtree(year)
    shutil.copytree(GOLDEN / "docs" / "2026", root / "docs" / "2026")
    shutil.copy(REPO / "docs" / "2026" / "index.md", root / "docs" / "2026" / "index.md")
    return root


def test_the_golden_fixture_plan_with_tasks_and_a_closing_keeps_its_end_apart(tmp_path: Path) -> None:
    root = _fixture_project(tmp_path)
    plans = _plans(root / "campaigns")
    assert any(p.closing and p.responsibilities for p in plans.values())
    result = run_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    for page, plan in plans.items():
        _assert_end_outside_lists(root / "site", page, plan)


SIGNATURES: list[tuple[str, str, list[str]]] = [
    # (plan, the signer block in the YAML, the lines of the page's signature, top to bottom)
    ("ubnd-phuong-tran-hung-dao",
     "signer:\n  authority:\n    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n  title: PHÓ CHỦ TỊCH\n  name: Phạm Thị Ly\n",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Ly"]),
    ("so-khcn-lang-son",  # the shape of earlier releases: one authority line
     "signer:\n  authority: KT. GIÁM ĐỐC\n  title: PHÓ GIÁM ĐỐC\n  name: Đỗ Thu Hạnh\n",
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Thu Hạnh"]),
    ("so-khcn-lai-chau",
     "signer:\n  authority: TL. GIÁM ĐỐC\n  title: CHÁNH VĂN PHÒNG\n  name: chưa rõ\n",
     ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Chưa có thông tin về tên người ký."]),
    ("ubnd-xa-binh-thanh",  # a published copy with the authority line alone
     "signer:\n  authority: TM. ỦY BAN NHÂN DÂN\n",
     ["TM. ỦY BAN NHÂN DÂN", "Văn bản không nêu tên người ký."]),
    ("so-khcn-thanh-hoa",
     "signer:\n  authority: TUQ. CHỦ TỊCH UBND TỈNH\n  title: GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ\n  name: Trần Duy Bình\n",
     ["TUQ. CHỦ TỊCH UBND TỈNH", "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Trần Duy Bình"]),
]


SAID = {
    "ubnd-phuong-tran-hung-dao": "Phạm Thị Ly, Phó Chủ tịch, ký thay Chủ tịch, thay mặt Ủy ban nhân dân",
    "so-khcn-lang-son": "Đỗ Thu Hạnh, Phó Giám đốc, ký thay Giám đốc",
    "so-khcn-lai-chau": "Chánh Văn phòng, thừa lệnh Giám đốc; chưa có thông tin về tên người ký",
    "ubnd-xa-binh-thanh": "Thay mặt Ủy ban nhân dân; văn bản không nêu tên người ký",
    "so-khcn-thanh-hoa": "Trần Duy Bình, Giám đốc Sở Khoa học và Công nghệ, thừa ủy quyền Chủ tịch UBND tỉnh",
}
"""Each block of SIGNATURES as the `Người ký` row says it: the name, the title, then each delegation in words."""


def _with_signer(text: str, block: str) -> str:
    return re.sub(r"^signer:\n(?:  .*\n)+", block, text, count=1, flags=re.MULTILINE)


def _build_signatures(folder: Path) -> None:
    root = copy_project(folder / "project")
    for plan_id, block, _ in SIGNATURES:
        path = next((root / "campaigns").glob(f"*/plans/{plan_id}.yaml"))
        path.write_text(_with_signer(path.read_text(encoding="utf-8"), block), encoding="utf-8")
    result = run_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def signature_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with one printed form of signature per plan, built once for all workers (read only)."""
    return shared_build(tmp_path_factory, "signatures", _build_signatures) / "project" / "site"


@pytest.mark.parametrize(("plan_id", "block", "lines"), SIGNATURES, ids=[s[0] for s in SIGNATURES])
def test_each_printed_form_of_signature_is_shown_line_by_line(signature_site: Path, plan_id: str, block: str, lines: list[str]) -> None:
    page = next(p.relative_to(signature_site).parent.as_posix() for p in signature_site.glob(f"*/ke-hoach/{plan_id}/index.html"))
    soup = _soup(signature_site, page)
    shown = [" ".join(p.get_text(" ").split()) for p in soup.select(".plan-signature p")]
    assert shown == lines
    article = soup.find("article")
    assert isinstance(article, Tag)
    assert "không nêu người ký" not in article.get_text(), "a signer block exists: never 'no signer'"
    row = next(tr for tr in article.select("tr") if tr.find("td") and tr.find("td").get_text(strip=True) == "Người ký")
    assert row.find_all("td")[1].get_text(" ", strip=True) == SAID[plan_id]
    # The year's open data keeps the printed lines apart, as a list.
    year = page.split("/")[0]
    plan = next(p for p in json.loads((signature_site / f"{year}.json").read_text(encoding="utf-8"))["plans"] if p["id"] == plan_id)
    expected = yaml.safe_load(block)["signer"]
    authority = expected.get("authority", [])
    assert plan["signer"]["authority"] == (authority if isinstance(authority, list) else [authority])
    assert plan["signer"]["title"] == expected.get("title")
    name = expected.get("name")
    assert ("signer.name" in plan["not_known"]) == (name == "chưa rõ")
    assert ("signer.name" in plan["not_stated"]) == (name is None)


# The model's table: blocks as staff type them → the page's lines; and blocks that are not one.
MODEL_TABLE: list[tuple[dict[str, Any], list[str], str]] = [
    ({"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Bùi Thị Lệ Dung"},
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Bùi Thị Lệ Dung"),
    ({"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "name": "Âu Văn Đước"},
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Âu Văn Đước"),
    ({"title": "Q. GIÁM ĐỐC", "name": "Nguyễn Văn An"}, ["Q. GIÁM ĐỐC"], "Nguyễn Văn An"),
    ({"authority": "TM. ỦY BAN NHÂN DÂN"}, ["TM. ỦY BAN NHÂN DÂN"], "Văn bản không nêu tên người ký"),
    ({"title": "PHÓ GIÁM ĐỐC", "name": "chưa rõ"}, ["PHÓ GIÁM ĐỐC"], "Chưa có thông tin về tên người ký"),
    ({"title": "GIÁM ĐỐC", "name": "Trần Duy Bình"}, ["GIÁM ĐỐC"], "Trần Duy Bình"),
]


@pytest.mark.parametrize(("block", "roles", "name"), MODEL_TABLE)
def test_a_signer_block_becomes_the_lines_of_the_page(block: dict[str, Any], roles: list[str], name: str) -> None:
    shown = signature(Signer.model_validate(block))
    assert shown is not None and (shown.roles, shown.name) == (roles, name)
    assert shown.name_printed == (name == block.get("name"))


@pytest.mark.parametrize("block", [{}, {"authority": []}, {"title": None}])
def test_a_signer_block_without_any_line_is_refused(block: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="khối chữ ký cần ít nhất một dòng"):
        Signer.model_validate(block)


_WORD = st.sampled_from(["CHỦ", "TỊCH", "PHÓ", "GIÁM", "ĐỐC", "ỦY", "BAN", "NHÂN", "DÂN", "UBND", "TỈNH", "SỞ", "CHÁNH", "VĂN",
                         "PHÒNG", "KH&CN", "QUYỀN"]) | st.text(alphabet="ABCDĐGHKLMNOPQRSTUVXYÂÊÔƠƯỦỊÍ", min_size=1, max_size=6)
_PREFIXES = {"": [], "KT. ": ["ký", "thay"], "KT.": ["ký", "thay"], "TM. ": ["thay", "mặt"], "TL. ": ["thừa", "lệnh"],
             "TUQ. ": ["thừa", "ủy", "quyền"], "Q. ": ["quyền"]}
_LINE = st.tuples(st.sampled_from(sorted(_PREFIXES)), st.lists(_WORD, min_size=1, max_size=5)).map(lambda t: t[0] + " ".join(t[1]))
_NAME = st.lists(st.sampled_from(["Âu", "Văn", "Đước", "Nguyễn", "Thị", "Lệ", "Dung", "An"]), min_size=2, max_size=4).map(" ".join)


def _said_words(line: str) -> list[str]:
    """A printed line's words as a sentence says them, lower-cased: its abbreviation in words, then its words."""
    prefix = next(p for p in sorted(_PREFIXES, key=len, reverse=True) if p and line.startswith(p)) if "." in line[:4] else ""
    return _PREFIXES[prefix] + line.removeprefix(prefix).lower().split()


@given(authority=st.lists(_LINE, max_size=3), title=st.none() | _LINE, name=st.none() | st.just("chưa rõ") | _NAME)
def test_the_signer_is_said_name_first_then_title_then_each_delegation_outwards_with_every_printed_word(
        authority: list[str], title: str | None, name: str | None) -> None:
    """`Âu Văn Đước, Phó Chủ tịch, ký thay Chủ tịch, thay mặt Ủy ban nhân dân`: every printed word survives, in the
    order a sentence takes (name, title, then the delegations from the nearest), only its case changed; the
    abbreviations are in words; a block without a name says so, never that there is no signer."""
    try:
        signer = Signer.model_validate({"authority": authority, "title": title, "name": name})
    except ValueError:
        assert not authority and title is None and name is None
        return
    text = signer_text(signer)
    assert "không nêu người ký" not in text and "Chưa có thông tin về người ký" not in text
    assert not re.search(r"\b(?:KT|TM|TL|TUQ|Q)\.", text), text
    lines = [*([signer.title] if signer.title else []), *reversed(signer.authority)]
    expected = [w for line in lines for w in _said_words(line)]
    said = [w.strip(",;").lower() for w in text.split()]
    if isinstance(signer.name, str):
        assert text.startswith(signer.name)
        assert said == [*signer.name.lower().split(), *expected]
    else:
        assert text.endswith("tên người ký")
        assert said[:len(expected)] == expected


# The checker: closing words typed as a list item are refused where they are, with the way out.
@pytest.mark.parametrize(("field", "item", "reason"), [
    ("forms", "Trên đây là kế hoạch của UBND xã, đề nghị các đơn vị thực hiện.", "bắt đầu bằng «Trên đây»"),
    ("forms", "UBND xã Bình Thành đề nghị các cơ quan, đơn vị triển khai thực hiện./.", "kết thúc bằng «./.»"),
    ("forms", "Nơi nhận: Như trên; Lưu: VT.", "có «Nơi nhận:»"),
])
def test_closing_words_in_a_list_are_refused_at_their_line(tmp_path: Path, field: str, item: str, reason: str) -> None:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    plan = campaigns / "2025/plans/so-khcn-thanh-hoa.yaml"
    replace_in(plan, f"{field}:\n", f"{field}:\n  - {json.dumps(item, ensure_ascii=False)}\n")
    line = next(n for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if item in text)
    with pytest.raises(DataError) as caught:
        load_site(campaigns)
    messages = [str(p) for p in caught.value.problems]
    expected = f"campaigns/2025/plans/so-khcn-thanh-hoa.yaml:{line}: {field}[0]: đoạn này {reason}"
    assert any(m.startswith(expected) and "`closing:`" in m for m in messages), "\n".join(messages)


def test_recipients_pasted_into_the_closing_are_refused(tmp_path: Path) -> None:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    plan = campaigns / "2026/plans/so-khcn-lai-chau.yaml"
    replace_in(plan, "  nghệ./.\n", "  nghệ./. Nơi nhận: Như trên; Lưu: VT, QL.\n")
    line = next(n for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("closing:"))
    with pytest.raises(DataError) as caught:
        load_site(campaigns)
    messages = [str(p) for p in caught.value.problems]
    expected = f"campaigns/2026/plans/so-khcn-lai-chau.yaml:{line}: closing: lời kết có «Nơi nhận:»"
    assert any(m.startswith(expected) and "`recipients:`" in m for m in messages), "\n".join(messages)


# The importer: never closing words in a task, whatever the layout; every form of signature read.
@pytest.fixture(scope="module")
def site() -> SiteData:
    return load_site(REPO / "campaigns")


def _draft(site: SiteData, text: str) -> dict[str, Any]:
    year = document_year(text)
    phrases = site.campaigns[year].phrases() if year in site.campaigns else {}
    return extract(text, site.documents, site.observances, phrases, year).plan


def _list_items(plan: dict[str, Any]) -> list[str]:
    items = [t for name in ("context", "purposes", "requirements", "forms") for t in plan.get(name, [])]
    items += [t for section in plan.get("content", []) for t in (section["items"] if isinstance(section, dict) else [section])]
    items += [t["text"] if isinstance(t, dict) else t for unit in plan.get("responsibilities", []) for t in unit["tasks"]]
    return items


PHU_THO = (IMPORT_DOCUMENTS / "ubnd-phu-tho.txt").read_text(encoding="utf-8")
LAST_TASK = "- Tổ chức tuyên truyền trên hệ thống thông tin cơ sở; gửi báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 27/5/2026."
CLOSING = "Trên đây là Kế hoạch hưởng ứng Ngày Khoa học và Công nghệ Việt Nam năm 2026, đề nghị các cơ quan, đơn vị triển khai thực hiện./."
ASKING = "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."
LAYOUTS = {
    "a paragraph of its own": f"{LAST_TASK}\n\n{CLOSING}",
    "a list item": f"{LAST_TASK}\n- {CLOSING}",
    "an agency's request as a list item": f"{LAST_TASK}\n- {ASKING}",
    "run into the last task": f"{LAST_TASK} {CLOSING}",
    "after a task without a final stop": f"{LAST_TASK.rstrip('.')}\n{CLOSING}",
    "an agency's request on the next line": f"{LAST_TASK}\n{ASKING}",
}


def _sources() -> dict[str, str]:
    """Every document the importer is tried on: the shipped sources, the import samples, and the closing
    laid out every way a reader gives it."""
    assert LAST_TASK in PHU_THO
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    sources |= {p.name: p.read_text(encoding="utf-8") for p in sorted(IMPORT_DOCUMENTS.glob("*.txt"))}
    sources |= {f"phu-tho, closing as {name}": PHU_THO.replace(LAST_TASK, layout) for name, layout in LAYOUTS.items()}
    return sources


@pytest.mark.parametrize("reading", ["txt", "pdf"])
def test_the_importer_never_leaves_closing_words_in_a_list(site: SiteData, reading: str) -> None:
    sources = _sources()
    assert len(sources) >= 5 + 1 + len(LAYOUTS)
    for name, text in sources.items():
        plan = _draft(site, pdf_like(text) if reading == "pdf" else text)
        stuck = [item for item in _list_items(plan) if closing_words(item)]
        assert not stuck, f"{name}: {stuck}"
        if name.startswith("phu-tho, closing as"):
            assert plan["closing"] in (CLOSING, ASKING), name


SIGNATURE_FORMS: list[tuple[str, dict[str, Any]]] = [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An",
     {"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"}),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Văn An",
     {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"}),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn An",
     {"authority": "TL. CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG", "name": "Nguyễn Văn An"}),
    ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nNguyễn Văn An",
     {"authority": "TUQ. CHỦ TỊCH", "title": "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ", "name": "Nguyễn Văn An"}),
    ("Q. CHỦ TỊCH\n\nNguyễn Văn An", {"title": "Q. CHỦ TỊCH", "name": "Nguyễn Văn An"}),
    # Who signs is printed, the name is not: asked for, never said to be absent.
    ("TM. ỦY BAN NHÂN DÂN", {"authority": "TM. ỦY BAN NHÂN DÂN", "name": "CẦN ĐIỀN: họ tên người ký"}),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "CẦN ĐIỀN: họ tên người ký"}),
]
PHU_THO_SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An"


@pytest.mark.parametrize("reading", ["txt", "pdf"])
@pytest.mark.parametrize(("block", "expected"), SIGNATURE_FORMS, ids=[f.split("\n")[0] + f"/{len(f.splitlines())}" for f, _ in SIGNATURE_FORMS])
def test_the_importer_reads_each_printed_form_of_signature(site: SiteData, block: str, expected: dict[str, Any], reading: str) -> None:
    assert PHU_THO.rstrip().endswith(PHU_THO_SIGNATURE)
    text = PHU_THO.rstrip()[: -len(PHU_THO_SIGNATURE)] + block + "\n"
    plan = _draft(site, pdf_like(text) if reading == "pdf" else text)
    assert plan["signer"] == expected
    assert plan["recipients"][-1] == "Lưu: VT"  # the signature did not swallow `Nơi nhận`, nor the reverse
    Signer.model_validate(plan["signer"])  # and the model takes it as written
