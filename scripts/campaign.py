"""Staff commands for the campaign data.

    python scripts/campaign.py new-year 2027            start a year from the latest one
    python scripts/campaign.py add-plan 2027 <mã>       add a plan file to fill in
    python scripts/campaign.py add-document <mã>        add a legal document to fill in
    python scripts/campaign.py schema                   regenerate campaigns/_schema/*.json
    python scripts/campaign.py add-activity 2027 <mã>   add a post about an activity held under a plan
    python scripts/campaign.py import FILE [--year 2026] [--id <mã>]   a dispatch (.docx .pdf .odt .txt) to a draft plan

New files contain `CẦN ĐIỀN: ...` placeholders and `CẦN KIỂM TRA: ...` values carried over to check;
validation fails until every one is filled or checked.
"""

from __future__ import annotations

import argparse
import errno
import logging
import re
import sys
from pathlib import Path
from typing import NoReturn

from campaign_site.authoring import scaffold, schema
from campaign_site.core.problems import DataError
from campaign_site.data.vn_dates import FIRST_YEAR, LAST_YEAR
from campaign_site.data.year_folders import year_of
from campaign_site.importing.importer import import_file

REPO = Path(__file__).resolve().parent.parent
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_LENGTH = 80
"""A file name the operating system takes (`<mã>.yaml`), and short enough to read in an address."""


def _id(value: str) -> str:
    if not _ID.match(value):
        raise argparse.ArgumentTypeError("mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ so-khcn-lang-son")
    if len(value) > ID_LENGTH:
        raise argparse.ArgumentTypeError(f"mã dài {len(value)} ký tự, quá {ID_LENGTH} ký tự: hãy đặt mã ngắn hơn, ví dụ so-khcn-lang-son")
    return value


def _year(value: str) -> int:
    year = year_of(value)
    if year is None:
        raise argparse.ArgumentTypeError(f"năm viết bằng 4 chữ số, từ {FIRST_YEAR} đến {LAST_YEAR}, ví dụ 2027")
    return year


_OS_REASONS = {errno.EACCES: "không có quyền", errno.EPERM: "không có quyền", errno.ENOSPC: "ổ đĩa đã đầy",
               errno.ENAMETOOLONG: "tên tệp quá dài", errno.ENOENT: "không có tệp hay thư mục này",
               errno.EROFS: "ổ đĩa chỉ cho đọc"}
_ARGPARSE_WORDS = {
    "the following arguments are required": "thiếu",
    "unrecognized arguments": "không hiểu",
    "invalid choice": "không có lệnh",
    "(choose from": "(chọn một trong",
}


class _Parser(argparse.ArgumentParser):
    """Argument errors as one Vietnamese line (exit code 2), without argparse's English frame."""

    def error(self, message: str) -> NoReturn:
        reason = re.sub(r"^argument ([^:]+): ", r"\1: ", message)
        for english, vietnamese in _ARGPARSE_WORDS.items():
            reason = reason.replace(english, vietnamese)
        self.exit(2, f"Không thực hiện được: {reason}. Xem cách dùng: python scripts/campaign.py --help\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description="Lệnh cho biên tập viên: tạo năm mới, kế hoạch mới, văn bản mới, bài viết về hoạt động.")
    parser.add_argument("--repo", type=Path, default=REPO, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="lệnh")
    new_year = commands.add_parser("new-year", help="tạo năm mới từ năm gần nhất")
    new_year.add_argument("year", type=_year)
    add_plan = commands.add_parser("add-plan", help="thêm một kế hoạch")
    add_plan.add_argument("year", type=_year)
    add_plan.add_argument("plan_id", type=_id)
    add_document = commands.add_parser("add-document", help="thêm một văn bản căn cứ")
    add_document.add_argument("doc_id", type=_id)
    add_activity = commands.add_parser("add-activity", help="thêm một bài viết về hoạt động đã tổ chức theo một kế hoạch")
    add_activity.add_argument("year", type=_year)
    add_activity.add_argument("plan_id", type=_id)
    importing = commands.add_parser("import", help="nhập công văn, kế hoạch từ tệp .docx, .pdf, .odt hoặc .txt thành bản nháp")
    importing.add_argument("file", type=Path, metavar="tệp")
    importing.add_argument("--year", type=_year, help="năm của kế hoạch, nếu văn bản không ghi")
    importing.add_argument("--id", type=_id, dest="plan_id", help="mã kế hoạch (tên tệp), nếu không muốn dùng mã tự đặt")
    commands.add_parser("schema", help="tạo lại JSON Schema cho trình soạn thảo")
    args = parser.parse_args(argv)
    repo: Path = args.repo
    try:
        if args.command == "new-year":
            written = scaffold.new_year(repo, args.year)
        elif args.command == "add-plan":
            written = [scaffold.add_plan(repo, args.year, args.plan_id)]
        elif args.command == "add-document":
            written = [scaffold.add_document(repo, args.doc_id)]
        elif args.command == "add-activity":
            written = [scaffold.add_activity(repo, args.year, args.plan_id)]
        elif args.command == "import":
            result, draft = import_file(repo, args.file, args.year, args.plan_id)
            print("\n".join([*result.report, *(f"Cần xem: {note}" for note in draft.notes)]))
            print("Hãy đối chiếu với văn bản gốc mọi chỗ «CẦN KIỂM TRA», điền mọi chỗ «CẦN ĐIỀN», rồi chạy scripts/dev check.")
            return 0
        else:
            written = schema.write_all(repo / "campaigns" / scaffold.SCHEMA_DIR)
    except scaffold.ScaffoldError as exc:
        print(f"Không thực hiện được: {exc}", file=sys.stderr)
        return 1
    except DataError as exc:
        print("Dữ liệu hiện có còn lỗi, hãy sửa trước:\n" + exc.report(), file=sys.stderr)
        return 1
    except OSError as exc:  # a folder not writable, a disk full
        why = _OS_REASONS.get(exc.errno or 0, "máy báo lỗi khi đọc, ghi tệp")
        print(f"Không thực hiện được: không đọc hay ghi được `{exc.filename or repo}`: {why}.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours still reaches staff as a sentence; the details go to the debug log
        logging.getLogger(__name__).debug("unexpected failure", exc_info=exc)
        print(f"Không thực hiện được: lỗi không mong đợi khi chạy lệnh {args.command}. Hãy báo nhóm kỹ thuật, kèm lệnh đã gõ "
              "và tệp đang nhập (nếu có).", file=sys.stderr)
        return 1
    for path in written:
        print(f"Đã ghi {path.relative_to(repo)}")
    if args.command == "add-activity":
        print("Hãy chép ảnh vào cùng thư mục với bài viết.")
    if args.command != "schema":
        print("Hãy thay mọi chỗ «CẦN ĐIỀN», đối chiếu mọi chỗ «CẦN KIỂM TRA» với văn bản, rồi chạy scripts/dev check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
