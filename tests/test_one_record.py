"""One document, one record; sources named (issue 24, items 5 and 7).

A real build of the shipped project with tests/real_documents added (among them the ministry's dispatch
2341/BKHCN-ĐMST entered as a plan linked to its registry entry): every page, feed and JSON file is read
and, for each document, every place that gives its number, its date or its signer must agree.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import REPO, copy_project, line_of, replace_in, run_build
from hypothesis import given
from hypothesis import strategies as st
from project_copy import copy_banner_cache
from pydantic import ValidationError
from test_real_documents import add_real_documents

from campaign_site.core.encoders import html_attribute
from campaign_site.core.markdown_text import escape
from campaign_site.core.problems import DataError
from campaign_site.data.loader import load_site
from campaign_site.data.model import Origin, Plan
from campaign_site.site_build import SiteBuild, build_site
from campaign_site.words.sources import original_url, phrase_source_note, phrases_origin, source_note

LINKED = "2026/ke-hoach/bo-khcn-cv-2341.md"
SUMMARY_PLAN = "2026/ke-hoach/ubnd-tinh-tuyen-quang-tom-tat.md"
REGISTRY_SOURCE = """    summary: về việc hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026
    source:
      summary: true
      name: Cổng Thông tin điện tử Bộ Khoa học và Công nghệ
      url: https://mst.gov.vn/tin-tuc/huong-ung-ngay-sang-tao-21-4-2026
      read_on: 17/4/2026
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("one-record") / "project")
    add_real_documents(root)
    replace_in(root / "campaigns/documents.yaml",
               "    summary: về việc hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026\n", REGISTRY_SOURCE)
    return root


@pytest.fixture(scope="module")
def built(project: Path) -> SiteBuild:
    result = build_site(project, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})
    assert result.ok, result.report()
    return result


def texts(built: SiteBuild) -> dict[str, str]:
    """Every page, Atom feed and JSON file of the build as text; each calendar as the text of its events
    (read with icalendar, so folded lines and escapes are undone)."""
    found = {}
    for file in built.files:
        if file.path.endswith(".ics"):
            events = icalendar.Calendar.from_ical(file.content).walk("VEVENT")
            found[file.path] = "\n".join(str(e.get(key, "")) for e in events for key in ("SUMMARY", "DESCRIPTION", "LOCATION"))
        elif file.path.endswith((".md", ".json", ".xml")):
            found[file.path] = file.content.decode("utf-8") if isinstance(file.content, bytes) else file.content
    return found


# --- what every place says about each document --------------------------------------------------------

_PARTIAL = re.compile(r"(?:ngày (\d{1,2})/(\d{1,2})/(\d{4})|tháng (\d{1,2})/(\d{4})|năm (\d{4}))")
_ABSENT = "không có"
_NONE = ("Văn bản không nêu", "Chưa có thông tin")
"""How pages begin what a record does not hold."""


def _iso(match: re.Match[str]) -> str:
    day, month, year, only_month, month_year, only_year = match.groups()
    if year:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{month_year}-{int(only_month):02d}" if only_month else only_year


def _cell(row: str, label: str) -> str | None:
    """The second cell of a summary table row `| label | … |` of a plan page."""
    m = re.search(rf"^\| {re.escape(label)} \| (.*) \|$", row, re.MULTILINE)
    return m[1] if m else None


def _date_of(cell: str) -> str:
    """A date cell (`16/4/2026`, `Tháng 4/2026 (…)`, `Năm 2026 (…)`, a `<time>`) as an ISO date of its
    precision, or that it gives none."""
    if m := re.search(r'<time datetime="([\d-]+)">', cell):
        return m[1]
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", cell):
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.match(r"[Tt]háng (\d{1,2})/(\d{4}) ", cell):
        return f"{m[2]}-{int(m[1]):02d}"
    if m := re.match(r"[Nn]ăm (\d{4}) ", cell):
        return m[1]
    assert cell.startswith(_NONE), cell
    return _ABSENT


def stated_facts(files: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """For each document (its number and symbol, or `plan:<id>` when it has none): every number, date and
    signer any page, feed or JSON file gives it, by where it is given."""
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    key_of_plan: dict[str, str] = {}
    numbers: set[str] = set()
    for path in (p for p in files if re.fullmatch(r"\d{4}\.json", p)):
        year = json.loads(files[path])
        for doc in year["documents"]:
            if doc["number_symbol"]:
                numbers.add(doc["number_symbol"])
                facts[doc["number_symbol"]]["date"].add(doc["date"] or _ABSENT)
        for plan in year["plans"]:
            document = plan["document"]
            number = f"{document['number']}/{document['symbol']}" if document["number"] and document["symbol"] else None
            key = key_of_plan[plan["id"]] = number or f"plan:{plan['id']}"
            if number:
                numbers.add(number)
            facts[key]["date"].add(document["date"] or _ABSENT)
            facts[key]["signer"].add(plan["signer"]["name"] if plan["signer"] else _ABSENT)
    for path, content in files.items():
        if m := re.fullmatch(r"\d{4}/ke-hoach/([a-z0-9-]+)\.md", path):
            if m[1] == "index":
                continue
            key = key_of_plan[m[1]]
            number, signed, signer = _cell(content, "Số, ký hiệu"), _cell(content, "Ngày ký"), _cell(content, "Người ký")
            assert number is not None and signed is not None and signer is not None, path
            if key in numbers:
                facts[key]["number"].add(number)
            facts[key]["date"].add(_date_of(signed))
            named = [n for n in facts[key]["signer"] if n != _ABSENT and n in signer]
            facts[key]["signer"].add(_ABSENT if signer.startswith(_NONE) else named[0] if named else signer)
    registry = BeautifulSoup(files["can-cu-phap-ly.md"], "html.parser")
    for row in registry.select("tr[id^=van-ban-]"):
        cells = row.find_all("td")
        number = cells[1].get_text()
        if number in numbers:
            facts[number]["date"].add(cells[2].time["datetime"] if cells[2].time else _ABSENT)
    for content in files.values():  # every citation with a date: "Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026"
        for number in numbers:
            for m in re.finditer(rf"số {re.escape(number)} {_PARTIAL.pattern}", content):
                facts[number]["date"].add(_iso(m))
    return facts


def disagreements(facts: dict[str, dict[str, set[str]]]) -> dict[str, dict[str, set[str]]]:
    return {key: {what: values for what, values in kinds.items() if len(values) > 1}
            for key, kinds in facts.items() if any(len(values) > 1 for values in kinds.values())}


def test_every_page_feed_and_json_gives_each_document_one_number_one_date_one_signer(built: SiteBuild) -> None:
    facts = stated_facts(texts(built))
    assert disagreements(facts) == {}
    dispatch = facts["2341/BKHCN-ĐMST"]
    assert dispatch["date"] == {"2026-04-16"} and dispatch["number"] == {"2341/BKHCN-ĐMST"}
    assert dispatch["signer"] == {_ABSENT}
    assert len(facts) >= 15  # every plan and every numbered document was found


def test_the_check_finds_a_page_that_disagrees(built: SiteBuild) -> None:
    files = texts(built)
    signed = files[LINKED].replace("| Ngày ký | 16/4/2026 |", "| Ngày ký | Chưa có thông tin về ngày ký |")
    assert disagreements(stated_facts(files | {LINKED: signed})) == {"2341/BKHCN-ĐMST": {"date": {"2026-04-16", _ABSENT}}}
    citing = "2026/ke-hoach/so-khcn-lang-son.md"
    cited = files[citing].replace("số 2341/BKHCN-ĐMST ngày 16/4/2026", "số 2341/BKHCN-ĐMST ngày 17/4/2026")
    assert disagreements(stated_facts(files | {citing: cited})) == {"2341/BKHCN-ĐMST": {"date": {"2026-04-16", "2026-04-17"}}}
    unsigned = re.sub(r"^\| Người ký \| .* \|$", "| Người ký | Văn bản không nêu người ký |", files[citing], flags=re.MULTILINE)
    assert set(disagreements(stated_facts(files | {citing: unsigned}))) == {"plan:so-khcn-lang-son"}


# --- the plan that is a registry document ---------------------------------------------------------------


def test_the_linked_plan_shows_the_registry_facts_and_the_registry_links_to_it(built: SiteBuild) -> None:
    files = texts(built)
    page = files[LINKED]
    assert "Số: 2341/BKHCN-ĐMST" in page and "*ngày 16 tháng 4 năm 2026*" in page
    assert "**Công văn về việc hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026**" in page
    registry = BeautifulSoup(files["can-cu-phap-ly.md"], "html.parser")
    row = registry.select_one("tr#van-ban-cv-2341-bkhcn-2026")
    cells = row.find_all("td")
    assert "[Trang kế hoạch](2026/ke-hoach/bo-khcn-cv-2341.md)" in cells[4].get_text()
    cited_at = cells[5].get_text()
    assert "so-khcn-lai-chau.md" in cited_at and "so-khcn-lang-son.md" in cited_at and "bo-khcn-cv-2341" not in cited_at
    year = json.loads(files["2026.json"])
    assert next(d for d in year["documents"] if d["id"] == "cv-2341-bkhcn-2026")["plan"] == "bo-khcn-cv-2341"
    plan = next(p for p in year["plans"] if p["id"] == "bo-khcn-cv-2341")
    assert plan["document"] == {"registry": "cv-2341-bkhcn-2026", "type": "Công văn", "number": 2341, "symbol": "BKHCN-ĐMST",
                                "date": "2026-04-16", "subject": "hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026"}


def _problems(campaigns: Path) -> list[str]:
    try:
        load_site(campaigns)
    except DataError as exc:
        return [str(p) for p in exc.problems if p.severity == "error"]
    return []


@pytest.fixture
def linked_project(tmp_path: Path) -> Path:
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    shutil.copy(Path(__file__).parent / "real_documents/2026/plans/bo-khcn-cv-2341.yaml", campaigns / "2026/plans/bo-khcn-cv-2341.yaml")
    return campaigns


def test_the_linked_plan_passes_the_check(linked_project: Path) -> None:
    assert _problems(linked_project) == []


def test_a_linked_plan_that_repeats_a_registry_fact_is_refused_at_its_line(linked_project: Path) -> None:
    plan = linked_project / "2026/plans/bo-khcn-cv-2341.yaml"
    replace_in(plan, "  registry: cv-2341-bkhcn-2026\n", "  registry: cv-2341-bkhcn-2026\n  date: 17/4/2026\n")
    [problem] = _problems(linked_project)
    assert problem.startswith(f"campaigns/2026/plans/bo-khcn-cv-2341.yaml:{line_of(plan, 'document:')}: document: ")
    assert "không ghi lại `date`" in problem and "documents.yaml" in problem


def test_a_linked_plan_with_another_issuer_is_refused_at_the_issuer_line(linked_project: Path) -> None:
    plan = linked_project / "2026/plans/bo-khcn-cv-2341.yaml"
    replace_in(plan, "  name: Bộ Khoa học và Công nghệ\n", "  name: Bộ Khoa học, Công nghệ\n")
    [problem] = _problems(linked_project)
    assert problem.startswith(f"campaigns/2026/plans/bo-khcn-cv-2341.yaml:{line_of(plan, 'name: Bộ Khoa học, Công nghệ')}: issuer.name: ")
    assert "`Bộ Khoa học và Công nghệ`" in problem


def test_a_misspelt_registry_id_is_refused_with_a_suggestion(linked_project: Path) -> None:
    plan = linked_project / "2026/plans/bo-khcn-cv-2341.yaml"
    replace_in(plan, "registry: cv-2341-bkhcn-2026", "registry: cv-2341-bkhcn-2025")
    [problem] = _problems(linked_project)
    assert ": document: " in problem and "`cv-2341-bkhcn-2026`" in problem


def test_one_document_has_one_plan_page_and_never_cites_itself(linked_project: Path) -> None:
    plans = linked_project / "2026/plans"
    shutil.copy(plans / "bo-khcn-cv-2341.yaml", plans / "bo-khcn-ban-sao.yaml")
    replace_in(plans / "bo-khcn-ban-sao.yaml", "observances:\n", "legal_basis:\n  - cv-2341-bkhcn-2026\nobservances:\n")
    problems = _problems(linked_project)
    assert len(problems) == 2, problems
    assert any("document.registry" in p and "đã là văn bản của kế hoạch" in p for p in problems)
    assert any("legal_basis[0]" in p and "không dẫn chiếu chính nó" in p for p in problems)


def test_the_published_registry_row_links_to_the_plan_page_and_the_source(project: Path) -> None:
    site = project / "site"
    result = run_build(project / "mkdocs.yml", site, "2026-04-20")
    assert result.returncode == 0, result.stderr
    registry = BeautifulSoup((site / "can-cu-phap-ly/index.html").read_text(encoding="utf-8"), "html.parser")
    cells = registry.select_one("tr#van-ban-cv-2341-bkhcn-2026").find_all("td")
    plan_link = cells[4].find("a", string="Trang kế hoạch")
    assert plan_link is not None and plan_link["href"] == "../2026/ke-hoach/bo-khcn-cv-2341/"
    assert "[" not in cells[4].get_text()
    source = cells[6].find("a")
    assert source["href"] == "https://mst.gov.vn/tin-tuc/huong-ung-ngay-sang-tao-21-4-2026" and source.get_text() in cells[6].get_text()
    plan = BeautifulSoup((site / "2026/ke-hoach/bo-khcn-cv-2341/index.html").read_text(encoding="utf-8"), "html.parser")
    note = plan.find(id="nguon").find_next("li")
    assert note.get_text().startswith("Nguồn: bản tin của Cổng Thông tin điện tử Bộ Khoa học và Công nghệ, đọc ngày 17/4/2026: ")
    assert note.time["datetime"] == "2026-04-17" and note.a["rel"] == ["external"]


def test_a_linked_plan_takes_its_legal_basis_from_the_registry_and_may_not_contradict_it(linked_project: Path, tmp_path: Path) -> None:
    registry = linked_project / "documents.yaml"
    replace_in(registry, "    summary: về việc hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026\n",
               "    summary: về việc hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới 21/4 năm 2026\n    basis: [nq-57-tw-2024]\n")
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "campaigns")
    shutil.copytree(linked_project, root / "campaigns")
    result = build_site(root, date(2026, 4, 20), datetime(2026, 4, 20, tzinfo=UTC), {})
    assert result.ok, result.report()
    page = texts(result)[LINKED]
    assert "## Căn cứ" in page and "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" in page
    plan = linked_project / "2026/plans/bo-khcn-cv-2341.yaml"
    replace_in(plan, "observances:\n", "legal_basis:\n  - cv-440-shtt-2026\nobservances:\n")
    [problem] = _problems(linked_project)
    assert problem.startswith(f"campaigns/2026/plans/bo-khcn-cv-2341.yaml:{line_of(plan, 'legal_basis:')}: legal_basis: ")
    assert "`basis: [nq-57-tw-2024]`" in problem


# --- sources named --------------------------------------------------------------------------------------


def test_a_record_from_a_summary_names_its_source_address_and_day_read(built: SiteBuild) -> None:
    files = texts(built)
    page = files[SUMMARY_PLAN]
    assert ("- Nguồn: bản tin của Cổng Thông tin điện tử tỉnh Tuyên Quang, đọc ngày <time datetime=\"2026-04-20\">20/4/2026</time>: "
            '<a href="https://tuyenquang.gov.vn/tin-tuc/ke-hoach-huong-ung-18-5-2026" rel="external">'
            "tuyenquang.gov.vn/tin-tuc/ke-hoach-huong-ung-18-5-2026</a>") in page
    registry = BeautifulSoup(files["can-cu-phap-ly.md"], "html.parser")
    source = registry.select_one("tr#van-ban-cv-2341-bkhcn-2026").find_all("td")[6]
    assert source.get_text() == ("Nguồn: bản tin của Cổng Thông tin điện tử Bộ Khoa học và Công nghệ, đọc ngày 17/4/2026: "
                                 "mst.gov.vn/tin-tuc/huong-ung-ngay-sang-tao-21-4-2026")
    assert source.a["href"] == "https://mst.gov.vn/tin-tuc/huong-ung-ngay-sang-tao-21-4-2026"
    for path, content in files.items():
        assert "Bản tin gốc" not in content and "Chưa có đường dẫn</td>" not in content, path


def test_original_means_the_document_itself(built: SiteBuild) -> None:
    registry = BeautifulSoup(texts(built)["can-cu-phap-ly.md"], "html.parser")
    for row in registry.select("tr[id^=van-ban-]"):
        cell = row.find_all("td")[6].get_text()
        if "Văn bản gốc" in cell:
            assert "Văn bản gốc: PDF" in cell, cell  # the only registry entry with an original is the one with a file
        assert "bản tin" not in cell or "Văn bản gốc" not in cell, cell


def test_phrases_known_only_from_summaries_are_said_to_be(tmp_path: Path) -> None:
    root = Path(shutil.copytree(Path(__file__).parent / "golden", tmp_path / "project", ignore=shutil.ignore_patterns("expected")))
    copy_banner_cache(root)  # the golden data's themes are the shipped ones
    for plan_id in ("so-khcn-lai-chau", "ubnd-xa-binh-thanh"):  # every plan that cites the year's phrases
        with (root / f"campaigns/2026/plans/{plan_id}.yaml").open("a", encoding="utf-8") as plan:
            plan.write("source:\n  summary: true\n  name: Cổng Thông tin điện tử tỉnh\n  read_on: 20/4/2026\n")
    result = build_site(root, date(2026, 4, 1), datetime(2026, 4, 1, tzinfo=UTC), {})
    assert result.ok, result.report()
    files = texts(result)
    banners = files["2026/bang-ron.md"]
    assert "như trong văn bản gốc" not in banners
    assert ("Các chủ đề, khẩu hiệu năm 2026: 3 nội dung chép từ bản tin tóm tắt, chưa đối chiếu với văn bản gốc; "
            "4 nội dung chưa có kế hoạch nào trong dữ liệu nêu.") in banners
    assert banners.count("Các kế hoạch này chỉ được biết qua bản tin tóm tắt: nội dung chưa được đối chiếu với văn bản gốc.") == 3
    assert files["2026/index.md"].count("Các kế hoạch này chỉ được biết qua bản tin tóm tắt") == 3


# --- the sentences, for any plans -----------------------------------------------------------------------


def _plan(summary: bool) -> Plan:
    record = {"issuer": {"name": "Sở A", "short_name": "Sở A", "level": "province", "province": "Lạng Sơn"},
              "document": {"type": "Kế hoạch", "subject": "hưởng ứng"}, "observances": ["ngay-sang-tao"],
              "source": {"summary": summary, "name": "Cổng A", "read_on": "20/4/2026"}}
    return Plan.model_validate(record)


_FROM_DOCUMENT, _FROM_SUMMARY = _plan(False), _plan(True)
plans_of_phrases = st.lists(st.lists(st.sampled_from([_FROM_DOCUMENT, _FROM_SUMMARY]), max_size=4), min_size=1, max_size=8)


@given(plans_of_phrases)
def test_the_banners_sentence_never_claims_an_original_no_plan_gives(cited: list[list[Plan]]) -> None:
    sentence = phrases_origin("chủ đề, khẩu hiệu", 2026, cited)
    from_documents = sum(1 for plans in cited if _FROM_DOCUMENT in plans)
    from_summaries = sum(1 for plans in cited if plans and _FROM_DOCUMENT not in plans)
    if "như trong văn bản gốc" in sentence:
        assert from_documents == len(cited)
    elif "chép từ văn bản gốc" in sentence:
        assert f"{from_documents} nội dung chép từ văn bản gốc" in sentence and 0 < from_documents < len(cited)
    else:
        assert from_documents == 0
    if from_summaries:
        assert "bản tin tóm tắt" in sentence
    counts = [int(n) for n in re.findall(r"(\d+) nội dung", sentence)]
    assert not counts or sum(counts) == len(cited)


@given(st.lists(st.sampled_from([_FROM_DOCUMENT, _FROM_SUMMARY]), min_size=1, max_size=6))
def test_a_phrase_note_counts_the_plans_known_from_summaries(plans: list[Plan]) -> None:
    note = phrase_source_note(plans)
    summaries = plans.count(_FROM_SUMMARY)
    if not summaries:
        assert note is None
    elif summaries == len(plans):
        assert note is not None and "chỉ được biết qua bản tin tóm tắt" in note and "Trong đó" not in note
    else:
        assert note is not None and note.startswith("Trong đó ") and note.endswith(" chỉ được biết qua bản tin tóm tắt.")
        assert (f"{summaries} kế hoạch của" if summaries > 1 else "Trong đó kế hoạch của") in note  # which ones, named


origins = st.builds(
    dict,
    summary=st.booleans(),
    name=st.sampled_from([None, "Cổng Thông tin điện tử tỉnh Tuyên Quang", "Báo <Lạng Sơn> & *Đời sống*"]),
    url=st.sampled_from([None, "https://tuyenquang.gov.vn/tin-tuc/ke-hoach", "https://a.gov.vn/x?y=1&z=\"2\""]),
    read_on=st.sampled_from([None, "20/4/2026"]),
    file=st.sampled_from([None, "van-ban/kh.pdf"]),
)


@given(origins, st.sampled_from([None, "https://vanban.gov.vn/2341.pdf"]))
def test_a_source_is_named_and_only_the_document_itself_is_called_original(fields: dict, own_url: str | None) -> None:
    try:
        origin = Origin.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError:
        return  # a source pointing nowhere, or a summary without its publisher and day read, is refused
    note, original = source_note(origin), original_url(own_url, origin)
    if origin.summary:
        assert note is not None and note.startswith("Nguồn: bản tin của ") and "văn bản gốc" not in note
        assert escape(origin.name) in note and '<time datetime="2026-04-20">20/4/2026</time>' in note
        assert original == (own_url if own_url != origin.url else None)  # a summary's address is never the original's
    elif origin.name:
        assert note is not None and ("văn bản gốc" in note) == bool(origin.url)
    else:
        assert note is None and original == (own_url or origin.url)
    if origin.url and note is not None:
        assert f'href="{html_attribute(origin.url)}"' in note
