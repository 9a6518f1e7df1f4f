"""`scripts/dev generate DIR`: the complete generated project, which a generator builds without our hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, TODAY


def test_generated_project_builds_without_our_hooks(tmp_path: Path) -> None:
    env = os.environ | {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    folder = tmp_path / "generated"
    made = subprocess.run([sys.executable, str(REPO / "scripts/generate_site.py"), str(folder)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    settings = yaml.safe_load(config.replace("!!python/object/apply:pymdownx.slugs.slugify", ""))
    assert "hooks" not in settings and "watch" not in settings
    assert not (folder / "docs/2026/index.md").read_text(encoding="utf-8").startswith("<!--")  # the intro became part of the page
    for path in ("index.md", "2026/ke-hoach/so-khcn-lai-chau.md", "lich/2026.ics", "2026.json", "2026/bang-ron/bang-ron-2026.zip"):
        assert (folder / "docs" / path).is_file(), path
    nav = yaml.safe_load(config.split("# Filled in by scripts/dev generate.", 1)[1])["nav"]
    assert nav[0] == {"Trang chủ": "index.md"} and {"Năm 2026": ["2026/index.md", "2026/ke-hoach/index.md", "2026/lich.md", "2026/bang-ron.md"]} in nav

    site = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml"), "-d", str(site)],
                           capture_output=True, text=True, env=env, cwd=folder)
    assert built.returncode == 0, built.stderr
    year = BeautifulSoup((site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(year.find("article").find("table").select("tbody tr")) == 4
    assert "Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo" in year.title.get_text()


def test_generate_refuses_the_project_folder_itself() -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts/generate_site.py"), str(REPO)], capture_output=True, text=True)
    assert result.returncode == 2 and "chứa chính dự án" in result.stderr


def test_generated_project_keeps_data_text_as_text_without_our_hooks(project: Path) -> None:
    """Without our hooks Material prints front-matter titles and descriptions as they are: the
    generated project writes them escaped, so a script in the data stays text there too."""
    from conftest import replace_in

    payload = '"><script>window.__pwned=1</script>'
    replace_in(project / "campaigns/2026/plans/so-khcn-lai-chau.yaml", "name: Sở Khoa học và Công nghệ tỉnh Lai Châu",
               f"name: '{payload}'")
    env = os.environ | {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    folder, site = project / "generated", project / "generated-site"
    assert subprocess.run([sys.executable, str(project / "scripts/generate_site.py"), str(folder)], env=env).returncode == 0
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml"), "-d", str(site)],
                           capture_output=True, text=True, env=env, cwd=folder)
    assert built.returncode == 0, built.stderr
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "__pwned" in (s.string or "")], page
