#!/usr/bin/env python3
"""Benchmark banner generation: time and bytes, cold cache against warm cache, side by side.

Usage: scripts/dev bench-banners [campaigns/]
Prints how long drawing every banner of the shipped data takes with an empty cache, with the
cache filled by that run, and without a cache; then bytes per kind of file; then a full
`mkdocs build` with a cold and a warm cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from project_copy import copy_project

from campaign_site.core.generated import GeneratedFile
from campaign_site.data.loader import load_site
from campaign_site.stages.banners.artwork import BannerMaker
from campaign_site.stages.banners.cache import BannerCache

ROOT = Path(__file__).resolve().parent.parent


def draw_all(campaigns: Path, cache_dir: Path | None) -> tuple[float, BannerCache, list[GeneratedFile]]:
    data = load_site(campaigns)
    cache = BannerCache(cache_dir)
    maker = BannerMaker(data.settings.banners, data.settings.site.title, cache)
    start = time.perf_counter()
    files = [f for campaign in data.campaigns.values() for f in maker.year(campaign).files]
    return time.perf_counter() - start, cache, files


def build(project: Path) -> float:
    """Wall-clock seconds of `mkdocs build --strict` for `project`."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
        check=True, env=env, cwd=project,
    )
    return time.perf_counter() - start


def main() -> None:
    campaigns = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "campaigns"
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = Path(tmp) / "cache"
        cold, cold_cache, files = draw_all(campaigns, cache_dir)
        warm, warm_cache, _ = draw_all(campaigns, cache_dir)
        uncached, _, _ = draw_all(campaigns, None)

        print(f"{'banner files':<34}{'seconds':>9}{'drawn':>8}{'reused':>8}")
        print(f"{'cold cache (first build)':<34}{cold:>9.2f}{cold_cache.misses:>8}{cold_cache.hits:>8}")
        print(f"{'warm cache (text unchanged)':<34}{warm:>9.2f}{warm_cache.misses:>8}{warm_cache.hits:>8}")
        print(f"{'no cache':<34}{uncached:>9.2f}{'':>8}{'':>8}")

        sizes: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        for f in files:
            kind = f.path.rsplit(".", 1)[1]
            sizes[kind] += len(f.content)
            counts[kind] += 1
        print()
        print(f"{'kind':<8}{'files':>7}{'bytes':>12}{'average':>10}")
        for kind in sorted(sizes):
            print(f"{kind:<8}{counts[kind]:>7}{sizes[kind]:>12,}{sizes[kind] // counts[kind]:>10,}")
        print(f"{'total':<8}{sum(counts.values()):>7}{sum(sizes.values()):>12,}")

        project = Path(tmp) / "project"
        copy_project(project, leave_out=(".cache",))
        if campaigns != ROOT / "campaigns":
            shutil.rmtree(project / "campaigns")
            shutil.copytree(campaigns, project / "campaigns")
        cold_build, warm_build = build(project), build(project)
        print()
        print(f"{'mkdocs build --strict':<34}{'seconds':>9}")
        print(f"{'cold banner cache':<34}{cold_build:>9.2f}")
        print(f"{'warm banner cache':<34}{warm_build:>9.2f}")


if __name__ == "__main__":
    main()
