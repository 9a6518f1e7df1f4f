#!/usr/bin/env python3
"""Benchmark publishing: compressed copies, deploy and redeploy times, disk per release, bytes sent.

Usage: scripts/dev bench-deploy [--plans 1000] [--seed 2026]

For the shipped site and for synthetic data with `--plans` plans (scripts/synthetic_campaigns.py),
each built with `mkdocs build --strict`, prints:
- writing the .gz and .br copies: seconds, and the text files' size plain, gzipped and brotli'd;
- a first deploy to a folder on this machine, a redeploy after a one-page change, a rollback:
  seconds, and the new bytes on disk the redeploy cost (unchanged files are hard links);
- side by side for the home page, a plan page and the search index: the bytes a browser receives
  from nginx compressing on the fly (gzip level 1, nginx's default) against the copies we ship.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import synthetic_campaigns
from bench_scale import ENV

from campaign_site.publishing import releases
from campaign_site.publishing.precompress import precompress_tree

ROOT = Path(__file__).resolve().parent.parent


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build(project: Path, site: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                         cwd=project, env=ENV, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{run.stderr[-3000:]}")


def new_bytes(release: Path) -> int:
    """Bytes of the files in `release` that are not shared with another release."""
    return sum(p.stat().st_size for p in release.rglob("*") if p.is_file() and p.stat().st_nlink == 1)


def measure(label: str, site: Path, work: Path) -> None:
    print(f"\n## {label}")
    copies: list = []
    seconds = timed(lambda: copies.extend(precompress_tree(site)))
    plain, gz, br = (sum(getattr(c, field) for c in copies) / 1e6 for field in ("size", "gzip", "brotli"))
    print(f"copies: {len(copies)} text files in {seconds:.1f} s; {plain:.1f} MB plain, {gz:.1f} MB .gz, {br:.1f} MB .br")

    target = releases.Target(root=str(work / "srv"))
    names: list[str] = []
    def publish() -> None:
        names.append(releases.publish(site, target))

    first = timed(publish)
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", "<!-- sửa -->", 1), encoding="utf-8")
    def change_and_publish() -> None:
        precompress_tree(site)
        publish()

    again = timed(change_and_publish)
    rollback = timed(lambda: releases.rollback(target))
    second = Path(target.root) / "releases" / names[1]
    size = sum(p.stat().st_size for p in second.rglob("*") if p.is_file()) / 1e6
    print(f"deploy: first {first:.2f} s; after a one-page change {again:.2f} s, {new_bytes(second) / 1e3:.0f} KB "
          f"new on disk of a {size:.1f} MB release; rollback {rollback:.3f} s")

    columns = ("plain", "nginx gzip -1", ".gz (-9)", ".br")
    print(f"{'bytes sent':40}" + "".join(f"{c:>15}" for c in columns))
    plan = next(site.glob("20*/ke-hoach/*/index.html"))
    for path in (home, plan, site / "search" / "search_index.json"):
        data = path.read_bytes()
        sizes = [len(data), len(gzip.compress(data, 1))]
        sizes += [path.with_name(path.name + suffix).stat().st_size for suffix in (".gz", ".br")]
        print(f"{path.relative_to(site).as_posix():40}" + "".join(f"{s / 1024:>14.1f}K" for s in sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-deploy-") as tmp:
        work = Path(tmp)
        build(ROOT, work / "shipped")
        measure("shipped site", work / "shipped", work / "host-shipped")
        project = synthetic_campaigns.write(work / "project", args.plans, seed=args.seed)
        shutil.rmtree(work / "host-shipped")
        build(project, work / "synthetic")
        measure(f"{args.plans} plans", work / "synthetic", work / "host-synthetic")


if __name__ == "__main__":
    main()
