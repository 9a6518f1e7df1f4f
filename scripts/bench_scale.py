#!/usr/bin/env python3
"""Benchmark the build at growing numbers of plans, side by side with a plain Material for MkDocs site.

Usage: scripts/dev bench-scale [--sizes 10,100,1000,3400] [--history 10] [--seed 2026] [--no-serve] [--check RATIO]

For each size, valid synthetic data (scripts/synthetic_campaigns.py: that many commune and ward
plans in the latest year, plus `--history` earlier years) is built with `mkdocs build --strict`
twice: from nothing but the drawn banners ("ours, new": no page kept from an earlier build), then
again after one plan's YAML is edited ("ours, 1 edit": pages kept in .cache/pages, as on a working
machine or a CI with a cache). A plain Material for MkDocs site with the same number of pages (each
page the Markdown of a real plan page, in one folder per province, `navigation.prune` on as Material
advises for large sites) is built in the same run. Printed per size: build seconds, milliseconds per
page, peak memory, output bytes, search-index bytes (raw and gzipped), the largest HTML page; then
ours ÷ plain. Last, at the largest size, how long `mkdocs serve` takes to show a saved change: to one
plan's YAML, to a staff Markdown page, to `campaign.yaml`.

`--check RATIO` (CI): exit 1 when the new build at the first size takes more than RATIO × plain.
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
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from statistics import median

import synthetic_campaigns
from local_server import free_port

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


PLAN_PAGE = "2026/ke-hoach/tong-hop-00001/"
"""The page of the synthetic plan `edit_plan` changes."""


def edit_plan(project: Path, marker: str) -> None:
    """Change the place line of one synthetic plan (its page: `PLAN_PAGE`) to `marker`."""
    plan = project / "campaigns/2026/plans/tong-hop-00001.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines()
    plan.write_text("\n".join(f"place: {marker}" if line.startswith("place: ") else line for line in lines) + "\n", encoding="utf-8")


def _shown_after(save: Callable[[], None], url: str, text: str) -> float:
    """Seconds from `save()` to `url` serving `text`; then a pause, so the next save is a change of its own."""
    start = time.perf_counter()
    save()
    _wait_for(url, text, 900)
    seconds = time.perf_counter() - start
    time.sleep(1)
    return seconds


def serve_edit_seconds(project: Path, repeats: int = 2) -> dict[str, list[float]]:
    """Seconds from saving a file to `mkdocs serve` serving the changed page: a plan's YAML, a staff
    page's Markdown, and campaign.yaml (a slogan, on the year's page). `project`'s plan was last edited
    to "Sửa 1" (the build before)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{port}/"
    about, campaign = project / "docs/gioi-thieu.md", project / "campaigns/2026/campaign.yaml"
    slogan = "Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4"

    def add_paragraph(text: str) -> None:
        about.write_text(about.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")

    def change_slogan(old: str, new: str) -> None:
        campaign.write_text(campaign.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    try:
        _wait_for(root + PLAN_PAGE, "Sửa 1", 900)
        times: dict[str, list[float]] = {"a plan's YAML": [], "a staff page": [], "campaign.yaml": []}
        for attempt in range(repeats):
            place, paragraph = f"Lần sửa {attempt}", f"Đoạn thêm {attempt}."
            old, new = f"{slogan} (bản {attempt - 1})" if attempt else slogan, f"{slogan} (bản {attempt})"
            times["a plan's YAML"].append(_shown_after(partial(edit_plan, project, place), root + PLAN_PAGE, place))
            times["a staff page"].append(_shown_after(partial(add_paragraph, paragraph), root + "gioi-thieu/", paragraph))
            times["campaign.yaml"].append(_shown_after(partial(change_slogan, old, new), root + "2026/", new))
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
    parser.add_argument("--check", type=float, help="fail when a new build at the first size takes more than this × plain")
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
            edit_plan(project, "Sửa 1")
            edited = build(project / "mkdocs.yml", tmp / f"site-{size}-edited")
            plain = build(plain_project(tmp / f"plain-{size}", ours.pages, sample) / "mkdocs.yml", tmp / f"plain-site-{size}", strict=False)
            rows[size] = (ours, plain)
            for label, r in (("new", ours), ("1 edit", edited), ("plain", plain)):
                print(f"{size if label == 'new' else '':>7} {label:6} {r.seconds:8.1f} {r.pages:6d} {r.ms_per_page:8.1f} {r.peak_mb:8.0f} "
                      f"{r.output_mb:7.1f} {r.index_kb:9.0f} {r.index_gz_kb:6.0f} {r.largest_kb:11.0f}  {r.largest}")
            for label, r in (("÷ new", ours), ("÷ edit", edited)):
                print(f"{'':>7} {label:6} {r.seconds / plain.seconds:8.2f} {'':6} {r.ms_per_page / plain.ms_per_page:8.2f} "
                      f"{r.peak_mb / plain.peak_mb:8.2f} {r.output_mb / plain.output_mb:7.2f} {r.index_kb / plain.index_kb:9.2f} "
                      f"{'':6} {r.largest_kb / plain.largest_kb:11.2f}", flush=True)
            serve_project = project if size == sizes[-1] and not args.no_serve else None
            for folder in (tmp / f"plain-{size}", tmp / f"site-{size}", tmp / f"site-{size}-edited", tmp / f"plain-site-{size}"):
                shutil.rmtree(folder)
            if serve_project is None:
                shutil.rmtree(project)
        if len(sizes) > 1:
            reference = sizes[1] if len(sizes) > 2 else sizes[0]
            ratio = rows[sizes[-1]][0].ms_per_page / rows[reference][0].ms_per_page
            print(f"\nour per-page cost at {sizes[-1]} plans ÷ at {reference} plans: {ratio:.2f}")
        if serve_project is not None:
            print(f"\nmkdocs serve at {sizes[-1]} plans, from saving a file to the page showing the change:")
            for what, times in serve_edit_seconds(serve_project).items():
                print(f"  {what}: {median(times):.2f} s (median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})")
        if args.check is not None:
            ours, plain = rows[sizes[0]]
            ratio = ours.seconds / plain.seconds
            print(f"\ncheck: a new build at {sizes[0]} plans takes {ratio:.2f} × plain Material (bound {args.check:.2f})")
            if ratio > args.check:
                raise SystemExit(1)


if __name__ == "__main__":
    main()
