"""Build the site into a temporary directory and replace the output only if the build succeeded.

Usage: python scripts/atomic_build.py [--site-dir DIR] [extra mkdocs build options]
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

from campaign_site.core.catalogue import plain

REPO = Path(__file__).resolve().parent.parent


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clear_leftovers(site_dir: Path) -> None:
    """Remove what killed builds left beside `site_dir` (each folder names its build's process), and
    put back the previous site if a build was killed between its two renames."""
    for kind in ("old", "build"):
        for leftover in sorted(site_dir.parent.glob(f".site-{kind}-*")):
            pid = leftover.name.split("-")[2]
            if not pid.isdigit() or _alive(int(pid)):
                continue
            if kind == "old" and not site_dir.exists():
                leftover.rename(site_dir)
            else:
                shutil.rmtree(leftover, ignore_errors=True)


def build(config: Path, site_dir: Path, extra: list[str]) -> int:
    """Run `mkdocs build --strict` into a sibling temporary directory, then swap it in."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".site-build-{os.getpid()}-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(staging), *extra],
            cwd=config.parent,
        )
        if result.returncode != 0:
            print(plain("cli.build_failed", site=site_dir.name), file=sys.stderr)
            return result.returncode
        previous = site_dir.with_name(f".site-old-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(previous)
        staging.rename(site_dir)
        shutil.rmtree(previous, ignore_errors=True)
        print(plain("cli.build_done", site=site_dir))
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=plain("cli.build_description"))
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=None, help=plain("cli.build_folder"))
    args, extra = parser.parse_known_args(argv)
    config = args.config.resolve()
    return build(config, args.site_dir or config.parent / "site", extra)


if __name__ == "__main__":
    sys.exit(main())
