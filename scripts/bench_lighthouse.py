#!/usr/bin/env python3
"""Lighthouse scores and transferred bytes per page, for our site and a plain Material site of the same pages.

Usage: scripts/dev bench-lighthouse [--runs N] [--strict]

Both sites are built in this run from a copy of the project with two activity posts added (the
tests' sample posts, `scripts/sample_posts.py`: the shipped data has no news): ours with `mkdocs
build --strict`, and a plain Material for MkDocs site (default theme settings, so Google Fonts and
English) from the very Markdown our generator writes. One page of every page type is served
gzip-compressed on 127.0.0.1 (scripts/gzip_server.py) and audited by Lighthouse (npm, pinned in
scripts/lighthouse/) in Debian's Chromium with the mobile profile and simulated throttling. Printed
per page: performance, accessibility, best practices and SEO for ours and plain, bytes transferred
(all, and without images), requests to other hosts, the largest cumulative layout shift of the
runs; then every audit our site fails. Targets:
performance ≥ 98, the other three 100. `--strict` exits 1 if ours misses one. The sandbox has no internet: the plain site's Google Fonts requests fail fast.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit

from gzip_server import serve_gzip
from project_copy import copy_project
from sample_posts import SLUG, add_posts

from campaign_site.site_build import build_site

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts/lighthouse/node_modules/.bin/lighthouse"
PAGES = {
    "home": "",
    "year": "2026/",
    "plan list": "2026/ke-hoach/",
    "plan": "2026/ke-hoach/ubnd-xa-binh-thanh/",
    "province": "2026/dia-phuong/thai-nguyen/",
    "year calendar": "2026/lich/",
    "calendar": "lich/",
    "banners": "2026/bang-ron/",
    "day": "2026/ngay-khoa-hoc-cong-nghe/",
    "legal basis": "can-cu-phap-ly/",
    "open data": "du-lieu-mo/",
    "about": "gioi-thieu/",
    "news list": "2026/hoat-dong/",
    "post": f"2026/hoat-dong/{SLUG}/",
}
"""One page of every page type (the names of tests/test_page_budgets.py)."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-component-update --no-first-run"
TODAY = "2026-11-22"


@dataclass(frozen=True)
class Audit:
    scores: dict[str, int]
    bytes_all: int
    bytes_no_images: int
    other_hosts: int
    layout_shift: float
    """The largest cumulative layout shift of the runs: a shift that happens one time in three counts."""
    failures: list[str]


def project_with_news(project: Path) -> Path:
    """A copy of the project with two activity posts, so that the news list and a post have a page."""
    copy_project(project)
    add_posts(project, 1)
    return project


def build_ours(project: Path, site: Path) -> None:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "CAMPAIGN_SITE_TODAY": TODAY}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, env=env, check=True)


def build_plain(source: Path, project: Path, site: Path) -> None:
    """Material with its defaults, fed the Markdown and files our generator writes from `source`, plus its docs/."""
    docs = project / "docs"
    for page in (source / "docs").rglob("*.md"):
        target = docs / page.relative_to(source / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    today = date.fromisoformat(TODAY)
    built = build_site(source, today, datetime.combine(today, datetime.min.time(), UTC), {})
    if not built.ok:
        raise SystemExit(built.report())
    for generated in built.files:
        target = docs / generated.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(generated.content, bytes):
            target.write_bytes(generated.content)
        else:
            target.write_text(generated.content, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Plain Material\nsite_url: https://plain.example/\ntheme:\n  name: material\nplugins: [search]\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, toc]\n",
        encoding="utf-8",
    )
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env, check=True,
                   stderr=subprocess.DEVNULL)


def lighthouse(url: str, runs: int) -> Audit:
    """Median performance and largest layout shift of `runs` audits; the other figures from the first run."""
    reports = []
    for _ in range(runs):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            capture_output=True, text=True, env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
        )
        if result.returncode != 0:
            raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        reports.append(json.loads(result.stdout))
    report = reports[0]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["performance"] = round(median(r["categories"]["performance"]["score"] * 100 for r in reports))
    requests = report["audits"]["network-requests"]["details"]["items"]
    host = urlsplit(url).netloc
    failures = [
        f"{audit['id']}: {audit['title']}" + (f" ({audit['displayValue']})" if audit.get("displayValue") else "")
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight", 0) > 0
        for audit in [report["audits"][ref["id"]]]
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return Audit(
        scores,
        int(report["audits"]["total-byte-weight"]["numericValue"]),
        sum(int(r.get("transferSize", 0)) for r in requests if r.get("resourceType") != "Image"),
        sum(1 for r in requests if urlsplit(r["url"]).netloc not in (host, "")),
        max(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in reports),
        failures,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="audits per page; the median performance is shown")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a score of ours misses its target")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        project = project_with_news(tmp / "project")
        build_ours(project, tmp / "ours")
        build_plain(project, tmp / "plain", tmp / "plain-site")
        results: dict[str, tuple[Audit, Audit]] = {}
        with serve_gzip(tmp / "ours") as ours_url, serve_gzip(tmp / "plain-site") as plain_url:
            for name, path in PAGES.items():
                results[name] = (lighthouse(ours_url + path, args.runs), lighthouse(plain_url + path, args.runs))
    short = {"performance": "perf", "accessibility": "a11y", "best-practices": "BP", "seo": "SEO"}
    print("Lighthouse (mobile, simulated throttling), gzip-served on 127.0.0.1; ours → plain Material; * misses the target\n")
    print(f"{'page':14}" + "".join(f"{short[c]:>12}" for c in CATEGORIES) + f"{'KB all':>14}{'KB no img':>14}{'other hosts':>14}{'layout shift':>16}")
    missed = False
    for name, (ours, plain) in results.items():
        cells = []
        for c in CATEGORIES:
            miss = ours.scores[c] < TARGETS[c]
            missed |= miss
            cells.append(f"{ours.scores[c]:>4}{'*' if miss else ' '}→{plain.scores[c]:>4}")
        sizes = [f"{o / 1024:>6.0f}→{p / 1024:>5.0f}" for o, p in ((ours.bytes_all, plain.bytes_all), (ours.bytes_no_images, plain.bytes_no_images))]
        print(f"{name:14}" + "".join(f"{c:>12}" for c in cells) + "".join(f"{s:>14}" for s in sizes)
              + f"{ours.other_hosts:>8}→{plain.other_hosts:>3}" + f"{ours.layout_shift:>9.3f}→{plain.layout_shift:.3f}")
    failing = {name: ours.failures for name, (ours, _) in results.items() if ours.failures}
    print("\nAudits our site fails:" if failing else "\nOur site fails no scored audit.")
    for name, failures in failing.items():
        print(f"  {name}: " + "; ".join(failures))
    if args.strict and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
