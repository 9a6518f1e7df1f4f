"""CI's quality gates on the built site: LinkChecker (links and anchors) and the Nu HTML checker.

The shipped site must pass both with zero errors; a copy with a broken link, a broken anchor and an
HTML error must fail both, naming each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUMMARY_OK = "Liên kết: không có lỗi. HTML: không có lỗi."
QUICK_JAVA = "-XX:TieredStopAtLevel=1 -Xss8m"
"""For the Nu HTML checker's one short run: the JVM's quick compiler only (about half the processor
time; the same checker and the same verdicts), with the deeper stack its schema needs under it."""


def check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_built_site.py"), str(site)],
        capture_output=True, text=True, timeout=600, env=os.environ | {"JDK_JAVA_OPTIONS": QUICK_JAVA},
    )


def broken_copy(built_site: Path, tmp_path: Path, additions: dict[str, str]) -> Path:
    """A copy of the site with markup added at the end of the article of each page named."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    for page, addition in additions.items():
        path = site / page / "index.html"
        path.write_text(path.read_text(encoding="utf-8").replace("</article>", addition + "</article>", 1), encoding="utf-8")
    return site


def test_shipped_site_has_no_broken_link_anchor_or_html_error(built_site: Path) -> None:
    result = check(built_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout
    assert result.stdout.rstrip().endswith(SUMMARY_OK)


def test_a_broken_link_a_broken_anchor_and_invalid_html_each_fail_the_gate_by_name(built_site: Path, tmp_path: Path) -> None:
    """One run over a copy with all three faults, on different pages (each run of the gate crawls the
    whole site: about 12 s of processor time). Each fault is named; both checkers fail."""
    site = broken_copy(built_site, tmp_path, {
        "gioi-thieu": '<a href="../khong-ton-tai/">trang mất</a>',
        "can-cu-phap-ly": '<a href="../2026/#muc-khong-co">mục mất</a>',
        "2026": '<input type="checkbox" autocomplete="off">',
    })
    result = check(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "khong-ton-tai" in result.stdout and "muc-khong-co" in result.stdout
    assert "2026/index.html" in output and "autocomplete" in output
    assert "Liên kết: CÓ LỖI" in result.stdout and "HTML: CÓ LỖI" in result.stdout
