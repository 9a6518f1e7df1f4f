"""The importer on hostile files: every one is refused by `scripts/campaign.py import` with a Vietnamese
sentence naming the file, no traceback and no Python word, nothing written, in bounded processor time
and memory (measured by the kernel for the command and its reader child). Large real documents still
read; paragraph joining and quote finding stay linear in the text."""

from __future__ import annotations

import errno
import json
import re
import sys
from pathlib import Path

import pytest
from child_usage import measured, python
from conftest import REPO, copy_project
from hostile_import_files import IMPORTER_FILES, write
from hypothesis import given
from hypothesis import strategies as st
from import_samples import pdf_from_text
from test_import_command import fingerprint

from campaign_site.importing import readers, sandbox, text

CPU_LIMIT = 10.0
MEMORY_LIMIT = 1024**3
PYTHON_WORDS = re.compile(r"Traceback|\b[A-Z]\w*(?:Error|Exception|Warning)\b|\bFile \"|\bline \d+, in\b")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project") / "project")


def import_command(project: Path, *args: str | Path) -> list[str]:
    return [sys.executable, str(REPO / "scripts/campaign.py"), "--repo", str(project), "import", *map(str, args)]


WHAT_IS_WRONG = {
    "mat-khau.pdf": "có mật khẩu",
    "vong-lap.pdf": "không đọc được trang nào",
    "bom-luong.pdf": "mất quá lâu",
    "bom-zip.docx": "khi giải nén lớn quá mức",
    "ty-tieng-cuoi.docx": "khai báo thực thể XML",
    "thuc-the-ngoai.docx": "khai báo thực thể XML",
    "bang-long-nhau.docx": f"lồng nhau quá {100} tầng",
    "nhieu-doan.docx": "quá nhiều đoạn",
    "xml-hong.docx": "không phải XML đọc được",
    "van-ban-chu.docx": "tệp chữ thường được đổi tên",
    "van-ban-chu.pdf": "tệp chữ thường được đổi tên",
    "bang-tinh-cu.doc": "bị hỏng",
    "word-cu-hong.doc": "LibreOffice không chuyển được",
}
"""What the sentence says is wrong with the file, for the files a bound stops."""


@pytest.mark.parametrize("name", sorted(IMPORTER_FILES))
def test_a_hostile_file_is_refused_in_vietnamese_within_bounds(name: str, project: Path, tmp_path: Path) -> None:
    """The command reads through `sandbox.read_bounded` in a child, as staff run it: one run per file
    (the time bomb alone burns the child's whole processor-time limit)."""
    path = write(tmp_path, name)
    before = fingerprint(project / "campaigns")
    run = measured(import_command(project, path))
    assert run.returncode == 1, run.stderr
    assert run.stderr.startswith(f"Không thực hiện được: tệp `{name}`") or f"đọc tệp `{name}`" in run.stderr, run.stderr
    assert WHAT_IS_WRONG.get(name, "") in run.stderr, run.stderr
    assert not PYTHON_WORDS.search(run.stderr + run.stdout), run.stderr
    assert run.cpu < CPU_LIMIT and run.maxrss < MEMORY_LIMIT, (run.cpu, run.maxrss)
    assert fingerprint(project / "campaigns") == before


def test_every_bound_is_among_the_hostile_files() -> None:
    assert set(WHAT_IS_WRONG) <= set(IMPORTER_FILES)


def test_the_stub_pdf_of_the_real_documents_is_refused_as_broken() -> None:
    path = REPO / "tests/real_documents/van-ban/bo-khcn-huong-dan-2025.pdf"
    with pytest.raises(readers.UnreadableFile, match="bị hỏng hoặc không phải tệp .pdf thật"):
        readers.read_text(path)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "lon.pdf"
    with path.open("wb") as file:
        file.truncate(readers.MAX_FILE_BYTES + 1)
    with pytest.raises(readers.UnreadableFile, match="quá giới hạn 30,0 MB"):
        readers.read_text(path)


def test_a_text_over_the_length_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gop.txt"
    path.write_text("Kế hoạch hưởng ứng Ngày Sáng tạo.\n\n" * 5_000, encoding="utf-8")
    with pytest.raises(readers.UnreadableFile, match="quá giới hạn 150.000 ký tự của một văn bản"):
        readers.read_text(path)


@pytest.mark.parametrize("line", [
    "Căn cứ Công văn số {i}/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ;",
    "Chủ đề “Đổi mới sáng tạo vì tương lai số {i}”, khẩu hiệu “Chào mừng Ngày Sáng tạo {i}”.",
])
def test_extracting_a_text_just_under_the_bound_stays_within_bounds(line: str, tmp_path: Path) -> None:
    """Thousands of cited documents or quoted phrases, each compared with the others: the length bound
    keeps the whole command (reading and extracting) within the processor-time bound."""
    lines, size, i = [], 0, 0
    while size + len(line) + 12 < readers.MAX_CHARS:
        lines.append(line.format(i=i))
        size, i = size + len(lines[-1]) + 2, i + 1
    path = tmp_path / "nhieu.txt"
    path.write_text("KẾ HOẠCH\n\n" + "\n\n".join(lines), encoding="utf-8")
    run = measured(import_command(copy_project(tmp_path / "project"), path, "--year", "2026", "--id", "thu-gioi-han"))
    assert run.returncode in (0, 1) and not PYTHON_WORDS.search(run.stderr + run.stdout), run.stderr
    assert run.cpu < CPU_LIMIT and run.maxrss < MEMORY_LIMIT, (run.cpu, run.maxrss)


def test_a_long_id_is_refused_by_the_command(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "van-ban.txt"
    path.write_text("Kế hoạch\n", encoding="utf-8")
    run = measured(import_command(project, path, "--id", "a" * 300))
    assert run.returncode == 2 and run.stderr.startswith("Không thực hiện được: --id: mã dài 300 ký tự, quá 80 ký tự"), run.stderr
    assert "usage" not in run.stderr and "argument" not in run.stderr and not PYTHON_WORDS.search(run.stderr)


def test_a_forty_page_pdf_still_reads_within_the_child_limits(tmp_path: Path) -> None:
    seed = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    blocks = seed.split("\n\n")
    path = pdf_from_text("\n\n".join(blocks + blocks[5:] * 14), tmp_path / "dai.pdf")
    code = ("import json, sys, pdfplumber; from pathlib import Path; from campaign_site.importing.sandbox import read_bounded\n"
            "text = read_bounded(Path(sys.argv[1]))\n"
            "print(json.dumps({'pages': len(pdfplumber.open(sys.argv[1]).pages), 'chars': len(text)}))")
    run = measured(python(code, path))
    result = json.loads(run.stdout)
    assert result["pages"] >= 40 and result["chars"] > 80_000, result
    assert run.cpu < 2 * sandbox.CPU_SECONDS and run.maxrss < MEMORY_LIMIT, (run.cpu, run.maxrss)


LINEAR = """
import json, sys, time
from campaign_site.importing.phrases import in_running_text
from campaign_site.importing.text import paragraphs
costs = []
for n in (4000, 16000):
    lines = [f"khẩu hiệu “Đổi mới sáng tạo {i}” và chủ đề tiếp" for i in range(n)]
    start = time.process_time(); paragraphs("\\n".join(lines)); middle = time.process_time()
    in_running_text(" ".join(lines), {}); costs.append((middle - start, time.process_time() - middle))
print(json.dumps(costs))
"""


def test_joining_lines_and_finding_quotes_are_linear() -> None:
    """Four times the text costs about four times as much processor time (quadratic: sixteen)."""
    (join_small, quote_small), (join_large, quote_large) = json.loads(measured(python(LINEAR)).stdout)
    assert join_large < 8 * max(join_small, 0.01) and quote_large < 8 * max(quote_small, 0.01)


@given(st.lists(st.text(alphabet="aĐ-“”\" .;*)’B1", min_size=1, max_size=6), min_size=1, max_size=12))
def test_a_paragraph_kept_in_pieces_answers_as_its_whole_text_would(lines: list[str]) -> None:
    """What the paragraph rules ask of the text so far (its end, whether it ends a sentence, an open
    quotation) is the same whether asked of the pieces or of the joined text."""
    paragraph = text._Open(lines[0], "", "plain", False, False)
    for line in lines[1:]:
        paragraph.add(line)
    whole = paragraph.text
    assert paragraph.length == len(whole)
    assert all(paragraph.end(n) == whole[-n:] for n in (1, 2, 5))
    assert paragraph.ended() == text.ends_sentence(whole)
    assert paragraph.opens_quote() == (whole.count("“") > whole.count("”") or whole.count('"') % 2 == 1)


@pytest.mark.parametrize(("failure", "words"), [
    (OSError(errno.ENOSPC, "No space left on device", "campaigns/2026/plans/x.yaml"),
     "không đọc hay ghi được `campaigns/2026/plans/x.yaml`: ổ đĩa đã đầy."),
    (IndexError("list index out of range"), "lỗi không mong đợi khi chạy lệnh import. Hãy báo nhóm kỹ thuật"),
])
def test_a_full_disk_or_a_bug_reaches_staff_as_a_sentence(failure: Exception, words: str, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import campaign

    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(campaign, "import_file", fail)
    assert campaign.main(["import", str(tmp_path / "van-ban.docx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Không thực hiện được: ") and words in err and not PYTHON_WORDS.search(err), err
    assert "No space" not in err and "index" not in err
