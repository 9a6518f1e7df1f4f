"""CI's quality gates on the built site: LinkChecker (links and anchors) and the Nu HTML checker.

The shipped site must pass both with zero errors; a copy with one broken link, one broken anchor
or one HTML error must fail, naming it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def broken_copy(built_site: Path, tmp_path: Path, page: str, addition: str) -> Path:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    path = site / page / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace("</article>", addition + "</article>", 1), encoding="utf-8")
    return site


def test_shipped_site_has_no_broken_link_anchor_or_html_error(built_site: Path) -> None:
    result = check(built_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout
    assert result.stdout.rstrip().endswith(SUMMARY_OK)


@pytest.mark.parametrize(
    ("addition", "reported"),
    [
        ('<a href="../khong-ton-tai/">trang mất</a>', "khong-ton-tai"),
        ('<a href="../2026/#muc-khong-co">mục mất</a>', "muc-khong-co"),
    ],
)
def test_a_broken_link_or_anchor_fails_the_gate(built_site: Path, tmp_path: Path, addition: str, reported: str) -> None:
    result = check(broken_copy(built_site, tmp_path, "gioi-thieu", addition))
    assert result.returncode == 1
    assert reported in result.stdout
    assert "Liên kết: CÓ LỖI" in result.stdout and "HTML: không có lỗi" in result.stdout


def test_invalid_html_fails_the_gate(built_site: Path, tmp_path: Path) -> None:
    result = check(broken_copy(built_site, tmp_path, "2026", '<input type="checkbox" autocomplete="off">'))
    assert result.returncode == 1
    assert "2026/index.html" in result.stdout + result.stderr and "autocomplete" in result.stdout + result.stderr
    assert "HTML: CÓ LỖI" in result.stdout
