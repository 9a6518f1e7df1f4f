"""The import benchmark counts each field in the category `importing.compare` defines, prints the counts as
they are, reads the corpus layout (`tests/import_corpus/<split>/<name>/`) and fails when a target is missed.
Fast: hand-made plans, and the bench run on one small document in text only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bench_import import (
    CORPUS,
    Sample,
    Score,
    corpus_samples,
    format_table,
    is_fixture,
    kind_table,
    missed_targets,
    plan_problems,
    run,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_site.importing.compare import Counts, compare, flatten, refused, written_out

EXPECTED = {
    "year": 2024,
    "issuer": {"name": "Sở Khoa học và Công nghệ tỉnh Hà Giang", "province": "Hà Giang", "level": "province"},
    "document": {"type": "Công văn", "number": 12, "date": "12/4/2024", "subject": "hưởng ứng Ngày Sáng tạo"},
    "themes": ["Đổi mới sáng tạo vì tương lai", "Chủ đề hai"],
    "legal_basis": [{"type": "Công văn", "number_symbol": "1012/BKHCN-ĐMST", "issuer": "Bộ Khoa học và Công nghệ",
                     "date": "5/4/2024"}],
    "window": {"start": "15/4/2024", "end": "26/4/2024"},
    "recipients": ["Như trên", "Lưu: VT"],
}
"""18 fields: year 1, issuer 3, document 4, themes 2, the cited document 4, window 2, recipients 2."""
DRAFT = {
    "year": 2024,  # exact
    "issuer": {
        "name": "Sở Khoa học và Công nghệ",  # wrong_unmarked
        "province": "CẦN KIỂM TRA: Hà Giang",  # marked_right
        "level": "province",  # exact
        "parent": "UBND TỈNH HÀ GIANG",  # invented_unmarked
    },
    "document": {
        "type": "CẦN ĐIỀN: loại văn bản",  # marked_wrong: the expected plan has a type
        "number": 12,  # exact
        "date": "2024-04-12",  # exact: dates compared as dates
        "symbol": "CẦN KIỂM TRA: SKHCN",  # invented_marked
    },  # subject: missing
    "themes": ["thm-new", "CẦN KIỂM TRA: Từ ngày 15/4"],  # exact by its text; invented_marked; «Chủ đề hai» missing
    "legal_basis": ["CẦN KIỂM TRA: cv-1012"],  # marked_right; its type and date marked_right, issuer marked_wrong
    "window": {"start": "15/4/2024", "end": "CẦN KIỂM TRA: 25/4/2024"},  # exact, marked_wrong
    "recipients": ["Như trên"],  # exact; the second missing
    "content": ["Một câu không có trong văn bản."],  # invented_unmarked
    "signer": {"name": "CẦN ĐIỀN: họ tên"},  # marked_right: flags a gap the document has
}
TEXTS = {"thm-new": "“Đổi mới sáng tạo vì tương lai”."}
DOCUMENTS = {"cv-1012": {"id": "cv-1012", "number_symbol": "1012/BKHCN-ĐMST", "type": "Công văn",
                         "issuer": "Bộ Khoa học và Công nghệ và các bộ", "date": "05/4/2024", "summary": "về việc …"}}
COUNTED = {"exact": 7, "marked_right": 5, "marked_wrong": 3, "wrong_unmarked": 1, "invented_unmarked": 2,
           "invented_marked": 2, "missing": 3, "refused": 0, "fields": 18}


def test_each_field_is_counted_in_the_category_compare_defines() -> None:
    counts = compare(DRAFT, EXPECTED, TEXTS, DOCUMENTS)
    assert {name: getattr(counts, name) for name in COUNTED} == COUNTED
    assert counts.exact_share == pytest.approx(7 / 18)
    assert (counts.wrong, counts.invented, counts.marked) == (1, 2, 10)
    categories = {path: category for category, path, _, _ in counts.rows}
    assert categories["legal_basis[1012/bkhcn-đmst].issuer"] == "marked_wrong"
    assert categories["themes[«đổi mới sáng tạo vì tương lai»]"] == "exact"
    assert categories["signer.name"] == "marked_right"
    assert len(counts.rows) == sum(COUNTED[c] for c in COUNTED if c != "fields")


def test_a_derived_short_name_is_scored_only_when_the_expected_plan_gives_one() -> None:
    issuer = {"name": "Sở Khoa học và Công nghệ tỉnh Hà Giang", "level": "province"}
    draft = {"issuer": {**issuer, "short_name": "Sở KH&CN Hà Giang"}}
    assert (compare(draft, {"issuer": issuer}).fields, compare(draft, {"issuer": issuer}).invented) == (2, 0)
    wrong = compare(draft, {"issuer": {**issuer, "short_name": "Sở KHCN Hà Giang"}})
    assert (wrong.fields, wrong.wrong) == (3, 1)


def test_lines_printed_in_capitals_match_whatever_the_case_and_other_fields_do_not() -> None:
    printed = {"issuer": {"parent": "UBND TỈNH VĨNH PHÚC", "name": "SỞ GIÁO DỤC VÀ ĐÀO TẠO"},
               "signer": {"authority": "KT. GIÁM ĐỐC", "name": "Nguyễn Văn An"}}
    entered = {"issuer": {"parent": "UBND tỉnh Vĩnh Phúc", "name": "Sở Giáo dục và Đào tạo"},
               "signer": {"authority": "KT. Giám đốc", "name": "Nguyễn Văn An"}}
    counts = compare(printed, entered)
    assert (counts.exact, counts.wrong) == (3, 1)
    assert [path for category, path, _, _ in counts.rows if category == "wrong_unmarked"] == ["issuer.name"]


def test_a_cited_document_is_matched_by_its_number_symbol_not_its_place_in_the_list() -> None:
    expected = {"legal_basis": [{"number_symbol": "57-NQ/TW", "issuer": "Bộ Chính trị"},
                                {"number_symbol": "71/NQ-CP", "issuer": "Chính phủ"},
                                {"type": "Luật", "title": "Luật Tổ chức chính quyền địa phương"},
                                {"type": "Hướng dẫn", "issuer": "Sở Khoa học và Công nghệ tỉnh Bình Định"}]}
    documents = {"a": {"number_symbol": "71/NQ-CP", "issuer": "Chính phủ"},
                 "b": {"number_symbol": "57-NQ/TW", "issuer": "Bộ Chính trị, Chính phủ"}}
    counts = compare({"legal_basis": ["a", "b"]}, expected, {}, documents)
    # The two cited without a number are told apart by what their citation gives, and both missed.
    assert (counts.exact, counts.wrong_unmarked, counts.missing, counts.fields) == (3, 1, 5, 9)
    assert ("wrong_unmarked", "legal_basis[57-nq/tw].issuer", "Bộ Chính trị, Chính phủ", "Bộ Chính trị") in counts.rows


def test_the_expected_plans_ids_are_written_out_from_the_registries_not_from_the_drafts() -> None:
    shipped = {"themes": ["dmst"], "legal_basis": ["nq-57"]}
    registry_texts, registry_documents = {"dmst": "Đổi mới sáng tạo"}, {"nq-57": {"number_symbol": "57-NQ/TW"}}
    expected = written_out(shipped, registry_texts, registry_documents)
    assert expected == {"themes": ["Đổi mới sáng tạo"], "legal_basis": [{"number_symbol": "57-NQ/TW"}]}
    # A draft read with empty registries reuses the id for a document it describes otherwise: it is compared.
    counts = compare({"legal_basis": ["nq-57"]}, expected, {}, {"nq-57": {"number_symbol": "57/NQ-TW"}})
    assert (counts.exact, counts.missing, counts.invented_unmarked) == (0, 2, 1)  # the theme and the document


def test_a_refused_document_counts_every_expected_field_as_refused() -> None:
    counts = refused(EXPECTED, "refused: not a dispatch (is_dispatch)")
    assert (counts.refused, counts.fields, counts.exact, counts.exact_share) == (18, 18, 0, 0.0)
    assert {row[2] for row in counts.rows} == {"refused: not a dispatch (is_dispatch)"}
    assert len(flatten(EXPECTED)) == 18


def test_the_tables_print_the_counts_as_counted() -> None:
    counts = compare(DRAFT, EXPECTED, TEXTS, DOCUMENTS)
    table = format_table({"txt": Score(counts, (0.25, "x (txt)"), 1), "docx table": Score(refused(EXPECTED, "r"), (0.5, "x"), 1)})
    assert table[0] == "| | txt | docx table |"
    assert "| fields | 18 | 18 |" in table
    assert "| exact | 7 | 0 |" in table
    assert "| marked_wrong | 3 | 0 |" in table
    assert "| wrong_unmarked | 1 | 0 |" in table
    assert "| invented_marked | 2 | 0 |" in table
    assert "| refused | 0 | 18 |" in table
    assert "| exact % | 38.9% | 0.0% |" in table
    assert "| slowest s | 0.250 | 0.500 |" in table
    kinds = kind_table(counts)
    # issuer: name wrong, province marked right, level exact; parent invented.
    assert "| issuer | 3 | 1 | 1 | 0 | 1 | 1 | 0 | 0 | 0 | 33.3% |" in kinds
    assert "| legal_basis | 4 | 0 | 3 | 1 | 0 | 0 | 0 | 0 | 0 | 0.0% |" in kinds
    assert "| themes | 2 | 1 | 0 | 0 | 0 | 0 | 1 | 1 | 0 | 50.0% |" in kinds


def test_each_missed_target_is_named() -> None:
    clean = Counts(exact=9, missing=1, fields=10)
    assert missed_targets("gathered", {"txt": Score(clean, (0.2, "a (txt)"), 1)}) == []
    missed = missed_targets("held_out", {"txt": Score(compare(DRAFT, EXPECTED, TEXTS, DOCUMENTS), (1.2, "a (txt)"), 1),
                                         "pdf": Score(refused(EXPECTED, "r"), (0.1, "a (pdf)"), 1)})
    assert missed == [
        "held_out, txt: 1 wrong_unmarked", "held_out, txt: 2 invented_unmarked", "held_out, txt: exact 38.9% < 85%",
        "held_out, txt: a (txt) took 1.20 s ≥ 1 s", "held_out, pdf: 18 refused", "held_out, pdf: exact 0.0% < 85%",
    ]
    assert missed_targets("seeds", {"txt": Score(Counts(exact=94, missing=6, fields=100), (0.1, "s"), 1)}) == [
        "seeds, txt: exact 94.0% < 95%"]


def test_an_expected_plan_that_breaks_the_schema_is_reported() -> None:
    assert plan_problems({**EXPECTED, "observances": ["ngay-sang-tao"]}) == []
    problems = plan_problems({"year": "2024", "issuer": {"name": "Sở X", "level": "national", "province": "Hà Giang"},
                              "themes": [{"id": "x"}], "legal_basis": ["cv-1"]})
    assert problems[:3] == ["year: not a year", "themes: not a list of texts",
                            "legal_basis: 'cv-1' is not {type, number_symbol, issuer, date}"]
    assert any(p.startswith("issuer") for p in problems[3:])


def test_the_corpus_layout_holds_each_documents_three_files() -> None:
    folders = [p for split in ("gathered", "held_out") for p in sorted((CORPUS / split).glob("*")) if p.is_dir()]
    assert folders
    for folder in folders:
        assert {"source.txt", "expected.yaml", "about.yaml"} <= {p.name for p in folder.iterdir()}, folder
        assert (folder / "source.txt").read_text(encoding="utf-8").strip(), folder
        assert isinstance(yaml.safe_load((folder / "about.yaml").read_text(encoding="utf-8")), dict), folder


def test_the_bench_reads_the_corpus_layout_and_fails_on_a_missed_target(tmp_path: Path) -> None:
    fixture = next(p for p in sorted((CORPUS / "gathered").glob("*")) if is_fixture(p))
    shutil.copytree(fixture, tmp_path / "corpus" / "gathered" / fixture.name)
    (tmp_path / "corpus" / "held_out").mkdir()
    assert corpus_samples(tmp_path / "corpus", "gathered") == []  # written for the bench: not in its numbers
    [sample] = corpus_samples(tmp_path / "corpus", "gathered", fixtures=True)
    assert isinstance(sample, Sample) and sample.problems == () and sample.expected["year"] == 2024

    lines: list[str] = []
    status = run(tmp_path / "no-seeds", tmp_path / "corpus", ("seeds", "gathered", "held_out"), ("txt",), False,
                 lines.append, fixtures=True)
    printed = "\n".join(lines)
    assert "## seeds: 0 documents\n(no documents)" in printed
    assert "## held_out: 0 documents\n(no documents)" in printed
    assert "## gathered: 1 document\n" in printed
    assert f"| fields | {len(flatten(sample.expected))} |" in printed
    assert "| kind | fields |" in printed and "| window |" in printed
    assert status == (0 if printed.endswith("Targets met.") else 1)
    assert ("Targets missed:" in printed) == (status == 1)


def test_a_broken_expected_yaml_is_said_and_the_document_still_listed(tmp_path: Path) -> None:
    folder = tmp_path / "gathered" / "x"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text("Số: 1/UBND\n", encoding="utf-8")
    (folder / "expected.yaml").write_text("year: [2024\n", encoding="utf-8")
    [sample] = corpus_samples(tmp_path, "gathered")
    assert sample.problems[0].startswith("expected.yaml unreadable")
    assert sample.problems[1] == "about.yaml unreadable: [Errno 2] No such file or directory: " + repr(str(folder / "about.yaml"))


def test_lists_are_aligned_by_content_so_one_item_missed_is_one_field_missing() -> None:
    expected = {"recipients": ["Như trên", "Bộ Khoa học và Công nghệ (b/c)", "Các sở, ngành", "Lưu: VT"],
                "report_deadlines": [{"date": "3/6/2022", "reporter": "UBND các huyện"},
                                     {"date": "10/6/2022", "reporter": "Sở Khoa học và Công nghệ"}],
                "content": ["Tuyên truyền chủ đề năm.", "Treo băng rôn."],
                "signer": {"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH"}}
    draft = {"recipients": ["Bộ Khoa học và Công nghệ (b/c)", "Các sở, ngành", "Lưu: VT", "Hồ sơ"],
             "report_deadlines": [{"date": "2022-06-10", "reporter": "Sở Khoa học và Công nghệ"},
                                  {"date": "2022-06-03", "reporter": "UBND các huyện"}],
             "content": [{"heading": "Nội dung", "items": ["Tuyên truyền chủ đề năm.", "Treo băng rôn."]}],
             "signer": {"authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH"}}
    counts = compare(draft, expected)
    # "Như trên" and "Hồ sơ" pair in place (one wrong), not four shifted recipients.
    assert ("wrong_unmarked", "recipients[0]", "Hồ sơ", "Như trên") in counts.rows
    assert (counts.exact, counts.wrong_unmarked, counts.missing, counts.invented_unmarked) == (12, 1, 0, 0)
    assert counts.fields == 13


def test_without_libreoffice_the_bench_says_so_and_leaves_its_pdfs_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bench_import

    fixture = next(p for p in sorted((CORPUS / "gathered").glob("*")) if is_fixture(p))
    shutil.copytree(fixture, tmp_path / "gathered" / fixture.name)
    monkeypatch.setattr(bench_import, "libreoffice_pdfs", lambda files, folder: None)
    lines: list[str] = []
    run(tmp_path, tmp_path, ("gathered",), ("txt", "pdf LibreOffice"), False, lines.append, fixtures=True)
    assert lines[0] == "LibreOffice (soffice) is not installed: the pdf LibreOffice formats are left out."
    assert "| | txt |" in lines


_TEXTS = st.text(alphabet="abcdeđơư ", min_size=1, max_size=12).map(str.strip).filter(bool)
_PLANS = st.fixed_dictionaries({
    "issuer": st.fixed_dictionaries({"name": _TEXTS}),
    "recipients": st.lists(_TEXTS, min_size=1, max_size=5, unique_by=str.casefold),
    "report_deadlines": st.lists(st.fixed_dictionaries({"date": st.sampled_from(["10/5/2026", "3/6/2022"]),
                                                         "reporter": _TEXTS}), min_size=1, max_size=3,
                                 unique_by=lambda d: (d["date"], d["reporter"].casefold())),
})


@settings(max_examples=200, deadline=None)
@given(_PLANS, st.sampled_from(["recipients", "report_deadlines"]), st.data())
def test_a_plan_against_itself_is_exact_and_one_element_dropped_is_only_its_fields_missing(
        plan: dict, name: str, data: st.DataObject) -> None:
    same = compare(plan, plan)
    assert same.exact == same.fields == len(flatten(plan)) and not same.details
    dropped = data.draw(st.integers(0, len(plan[name]) - 1))
    shuffled = data.draw(st.permutations([v for i, v in enumerate(plan[name]) if i != dropped]))
    counts = compare({**plan, name: shuffled}, plan)
    lost = len(list(flatten({name: [plan[name][dropped]]})))
    assert (counts.missing, counts.exact, counts.fields) == (lost, same.fields - lost, same.fields)
    assert counts.wrong_unmarked == counts.invented_unmarked == 0


def test_the_bench_scores_only_the_documents_asked_for(tmp_path: Path) -> None:
    fixture = next(p for p in sorted((CORPUS / "gathered").glob("*")) if is_fixture(p))
    for name in ("a-one", "b-two"):
        shutil.copytree(fixture, tmp_path / "gathered" / name)
    lines: list[str] = []
    run(tmp_path, tmp_path, ("gathered",), ("txt",), False, lines.append, fixtures=True, documents=("b-",))
    assert "## gathered: 1 document" in lines[0] and any(line.startswith("- b-two: txt") for line in lines)
