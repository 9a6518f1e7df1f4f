"""Build the site into a temporary directory and replace the output only if the build succeeded.

Usage: python scripts/build_site.py [--site-dir DIR] [extra mkdocs build options]
A failed build (bad data, broken link, anything) leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build(config: Path, site_dir: Path, extra: list[str]) -> int:
    """Run `mkdocs build --strict` into a sibling temporary directory, then swap it in."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(staging), *extra],
            cwd=config.parent,
        )
        if result.returncode != 0:
            print(f"Không tạo được trang; {site_dir.name}/ vẫn giữ nguyên bản trước.", file=sys.stderr)
            return result.returncode
        previous = site_dir.with_name(f".site-old-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(previous)
        staging.rename(site_dir)
        shutil.rmtree(previous, ignore_errors=True)
        print(f"Đã tạo trang trong {site_dir}.")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo trang vào thư mục tạm, chỉ thay site/ khi thành công.")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=None, help="thư mục kết quả (mặc định: site/ cạnh mkdocs.yml)")
    args, extra = parser.parse_known_args(argv)
    config = args.config.resolve()
    return build(config, args.site_dir or config.parent / "site", extra)


if __name__ == "__main__":
    sys.exit(main())
