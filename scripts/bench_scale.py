#!/usr/bin/env python3
"""Benchmark the build at growing numbers of plans, side by side with a plain Material for MkDocs site.

Usage: scripts/dev bench-scale [--sizes 10,100,1000,3400] [--history 10] [--seed 2026] [--no-serve]

For each size, valid synthetic data (scripts/synthetic_campaigns.py: that many commune and ward
plans in the latest year, plus `--history` earlier years) is built with `mkdocs build --strict`,
and a plain Material for MkDocs site with the same number of pages (each page the Markdown of a
real plan page, in one folder per province, `navigation.prune` on as Material advises for large
sites) is built in the same run. Printed per size: build seconds, milliseconds per page, peak memory, output bytes,
search-index bytes (raw and gzipped), the largest HTML page; then ours ÷ plain. Last, how long
`mkdocs serve` takes to show a saved change to one plan's YAML on the shipped site.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import synthetic_campaigns
from local_server import free_port
from project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1", "CAMPAIGN_SITE_TODAY": "2026-11-22"}
# Runs `mkdocs build`, then prints the peak resident memory (KB) of this process and its workers.
_MEASURED_BUILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['mkdocs', 'build', '--strict', '-q', '-f', sys.argv[1], '-d', sys.argv[2]]\n"
    "try:\n    runpy.run_module('mkdocs', run_name='__main__')\n"
    "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
    "print(max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))\n"
)


@dataclass(frozen=True)
class Result:
    seconds: float
    pages: int
    peak_mb: float
    output_mb: float
    index_kb: float
    index_gz_kb: float
    largest_kb: float
    largest: str

    @property
    def ms_per_page(self) -> float:
        return self.seconds / self.pages * 1000


def build(config: Path, site: Path, strict: bool = True) -> Result:
    """Build once, timing the whole command, and measure what it wrote."""
    script = _MEASURED_BUILD if strict else _MEASURED_BUILD.replace("'--strict', ", "")
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", script, str(config), str(site)], env=ENV, cwd=config.parent,
                         capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{run.stderr[-3000:]}")
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    index = (site / "search/search_index.json").read_bytes()
    return Result(
        seconds,
        sum(1 for p in pages if p.name == "index.html"),
        int(run.stdout.split()[-1]) / 1024,
        sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        len(index) / 1024,
        len(gzip.compress(index, 6)) / 1024,
        pages[-1].stat().st_size / 1024,
        "/" + pages[-1].parent.relative_to(site).as_posix().removeprefix(".") + "/",
    )


def plain_project(dest: Path, pages: int, sample: str) -> Path:
    """A plain Material site: `pages` copies of one plan page's Markdown in 34 folders (one per
    province, as a hand-made site would group them), MkDocs' own navigation."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    for number in range(1, pages):
        folder = docs / "ke-hoach" / f"tinh-{number % len(synthetic_campaigns.PROVINCES):02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:05d}.md").write_text(f"# Kế hoạch {number}\n\n{sample}", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        "site_name: Plain Material\nsite_url: https://plain.example/\ntheme:\n  name: material\n"
        "  features: [navigation.prune]\nplugins: [search]\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, toc]\n"
        "validation: {links: {not_found: info, anchors: info, unrecognized_links: info}}\n",
        encoding="utf-8",
    )
    return dest


def sample_plan_markdown() -> str:
    """The Markdown body of one real commune plan page, as our generator writes it."""
    from datetime import date

    from campaign_site.data.loader import load_site
    from campaign_site.pages.renderer import SiteRenderer
    from campaign_site.stages.collect import collect

    renderer = SiteRenderer(collect(load_site(ROOT / "campaigns"), date(2026, 11, 22)))
    files = renderer.render()
    plan = next(p for c in renderer.collected.data.campaigns.values() for p in c.plans if p.issuer.level == "commune")
    text = next(f.content for f in files if f.path.endswith(f"/{plan.id}.md"))
    assert isinstance(text, str)
    return text.split("\n---\n", 1)[1]


def synthetic_project(tmp: Path, size: int, args: argparse.Namespace, cache: Path) -> Path:
    """Synthetic data of `size` plans, sharing one banner cache so only the first build draws banners."""
    project = synthetic_campaigns.write(tmp / f"ours-{size}", size, args.history, args.seed)
    (project / ".cache").mkdir()
    (project / ".cache" / "banners").symlink_to(cache, target_is_directory=True)
    return project


def serve_edit_seconds(tmp: Path, repeats: int = 3) -> list[float]:
    """Seconds from saving a plan's YAML to `mkdocs serve` serving the changed page, on the shipped site."""
    project = tmp / "serve"
    copy_project(project)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/2026/ke-hoach/ubnd-xa-binh-thanh/"
    plan = project / "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml"
    try:
        _wait_for(url, "Bình Thành", 120)
        times = []
        for attempt in range(repeats):
            marker = f"Bình Thành {attempt + 1}"
            text = plan.read_text(encoding="utf-8").replace("place: Bình Thành" if attempt == 0 else f"place: Bình Thành {attempt}", f"place: {marker}")
            start = time.perf_counter()
            plan.write_text(text, encoding="utf-8")
            _wait_for(url, f"{marker}, ngày", 60)
            times.append(time.perf_counter() - start)
            time.sleep(1)
        return times
    finally:
        server.terminate()
        server.wait(10)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,3400")
    parser.add_argument("--history", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"plans in the latest year: {sizes}; {args.history} earlier years; seed {args.seed}; {os.cpu_count()} cores\n")
    head = f"{'':>7} {'':6} {'build s':>8} {'pages':>6} {'ms/page':>8} {'peak MB':>8} {'out MB':>7} {'index KB':>9} {'gz KB':>6} {'largest KB':>11}  largest page"
    print(head)
    rows: dict[int, tuple[Result, Result]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "banner-cache"
        cache.mkdir()
        sample = sample_plan_markdown()
        # Draw every banner once, unmeasured: the cache is warm for every size, as on a working machine.
        build(synthetic_project(tmp, 0, args, cache) / "mkdocs.yml", tmp / "warm-up")
        for size in sizes:
            project = synthetic_project(tmp, size, args, cache)
            ours = build(project / "mkdocs.yml", tmp / f"site-{size}")
            plain = build(plain_project(tmp / f"plain-{size}", ours.pages, sample) / "mkdocs.yml", tmp / f"plain-site-{size}", strict=False)
            rows[size] = (ours, plain)
            for label, r in (("ours", ours), ("plain", plain)):
                print(f"{size if label == 'ours' else '':>7} {label:6} {r.seconds:8.1f} {r.pages:6d} {r.ms_per_page:8.1f} {r.peak_mb:8.0f} "
                      f"{r.output_mb:7.1f} {r.index_kb:9.0f} {r.index_gz_kb:6.0f} {r.largest_kb:11.0f}  {r.largest}")
            print(f"{'':>7} {'ratio':6} {ours.seconds / plain.seconds:8.2f} {'':6} {ours.ms_per_page / plain.ms_per_page:8.2f} "
                  f"{ours.peak_mb / plain.peak_mb:8.2f} {ours.output_mb / plain.output_mb:7.2f} {ours.index_kb / plain.index_kb:9.2f} "
                  f"{'':6} {ours.largest_kb / plain.largest_kb:11.2f}", flush=True)
            for folder in (project, tmp / f"plain-{size}", tmp / f"site-{size}", tmp / f"plain-site-{size}"):
                shutil.rmtree(folder)
        if len(sizes) > 1:
            reference = sizes[1] if len(sizes) > 2 else sizes[0]
            ratio = rows[sizes[-1]][0].ms_per_page / rows[reference][0].ms_per_page
            print(f"\nour per-page cost at {sizes[-1]} plans ÷ at {reference} plans: {ratio:.2f}")
        if not args.no_serve:
            times = serve_edit_seconds(tmp)
            print(f"mkdocs serve, shipped site: saving a plan's YAML shows on the page after "
                  f"{median(times):.2f} s (median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
