"""Check the project's data and Markdown as the build reads them, for staff and CI.

Usage: python scripts/check_campaigns.py [campaigns-dir] [--publish]
Runs the same build as `mkdocs build` (`campaign_site.site_build.build_site`) without writing a
site, so what it accepts builds. Prints every problem as `file:line: field: message` and exits 1 if
there is any error (with --publish, also while the settings are unfinished).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from campaign_site.data import publish_checks
from campaign_site.site_build import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu trong campaigns/ và trang trong docs/ (không ghi trang).")
    parser.add_argument(
        "campaigns",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "campaigns",
        help="thư mục dữ liệu (mặc định: campaigns/ của kho); docs/ nằm cạnh nó",
    )
    parser.add_argument("--publish", action="store_true",
                        help="kiểm tra trước khi xuất bản: tên miền mẫu hay thiếu thông tin liên hệ cũng là lỗi")
    args = parser.parse_args(argv)
    build = build_site(args.campaigns.resolve().parent, date.today(), datetime.now(UTC), os.environ)
    if not build.ok or build.data is None:
        print(build.report(), file=sys.stderr)
        return 1
    for problem in build.problems:
        print(problem, file=sys.stderr)
    if args.publish and publish_checks.blocking(build.data):
        print(publish_checks.REFUSED, file=sys.stderr)
        return 1
    data = build.data
    plans = sum(len(c.plans) for c in data.campaigns.values())
    print(
        f"Dữ liệu hợp lệ: {len(data.campaigns)} năm, {plans} kế hoạch, {len(data.documents)} văn bản, "
        f"{len(build.warnings)} cảnh báo."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
