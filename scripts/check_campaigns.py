"""Validate campaigns/ without building the site, for staff and CI.

Usage: python scripts/check_campaigns.py [campaigns-dir]
Prints every problem as `file:line: field: message` and exits 1 if there is any error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from campaign_site import publishing, staff_markdown
from campaign_site.loader import load_site
from campaign_site.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu trong campaigns/ (không tạo trang).")
    parser.add_argument(
        "campaigns",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "campaigns",
        help="thư mục dữ liệu (mặc định: campaigns/ của kho)",
    )
    parser.add_argument("--docs", type=Path, default=None, help="thư mục Markdown (mặc định: docs/ cạnh thư mục dữ liệu)")
    parser.add_argument("--publish", action="store_true",
                        help="kiểm tra trước khi xuất bản: tên miền mẫu hay thiếu thông tin liên hệ cũng là lỗi")
    args = parser.parse_args(argv)
    args.docs = args.docs or args.campaigns.resolve().parent / "docs"
    display = args.campaigns.name or str(args.campaigns)
    try:
        data = load_site(args.campaigns, display)
        unfilled = staff_markdown.check_docs(args.docs) if args.docs.is_dir() else []
        if unfilled:
            raise DataError(unfilled + data.warnings)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours must still reach staff as a sentence, not a traceback
        print(f"Lỗi không mong đợi khi đọc dữ liệu ({type(exc).__name__}: {exc}). Hãy báo nhóm kỹ thuật, kèm tệp vừa sửa.", file=sys.stderr)
        return 2
    for warning in data.warnings:
        print(warning, file=sys.stderr)
    if args.publish and publishing.blocking(data):
        print(publishing.REFUSED, file=sys.stderr)
        return 1
    plans = sum(len(c.plans) for c in data.campaigns.values())
    print(
        f"Dữ liệu hợp lệ: {len(data.campaigns)} năm, {plans} kế hoạch, {len(data.documents)} văn bản, "
        f"{len(data.warnings)} cảnh báo."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
