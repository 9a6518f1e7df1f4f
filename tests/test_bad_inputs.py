"""The corpus of bad inputs (tests/bad_inputs): each file replaces one data file of the shipped site
(a `.md` one, a staff page under docs/).

Every case runs through the loader in-process: an error case is refused with its Vietnamese
message at the right line and field; a warning case is accepted, says why, and renders. A handful
of cases, one of each kind, also run the real build, which must stop without a traceback and leave
the previously built site byte-identical (or build, for a warning).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, TODAY, copy_project, shared_build, snapshot

from campaign_site.core.problems import DataError
from campaign_site.data import staff_markdown
from campaign_site.data.loader import load_site
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

CORPUS = Path(__file__).parent / "bad_inputs"
PYTHON_WORDS = re.compile(r"\b(?:None|True|False|NoneType|dict|list\[|str\b|int\b|Field required|Input should)")
"""Words of Python or pydantic that must never reach staff (`None`, type names, English messages)."""
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, str(project / "scripts/atomic_build.py")], capture_output=True, text=True, env=env, timeout=300
    )


def _good_project(folder: Path) -> None:
    project = copy_project(folder / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A project whose site/ was built from the shipped data, and the hashes of that site. Built once
    for all workers; each test breaks its own copy (`broken_project`)."""
    project = shared_build(tmp_path_factory, "bad-inputs-good", _good_project) / "project"
    return project, snapshot(project / "site")


@pytest.fixture
def broken_project(tmp_path: Path, good_build: tuple[Path, dict[str, str]]) -> Path:
    good, _ = good_build
    return Path(shutil.copytree(good, tmp_path / "project", symlinks=True))


def corpus_file(name: str) -> Path:
    """The corpus file of case `name`: data (`.yaml`) or a staff page (`.md`)."""
    return next(CORPUS.glob(f"{name}.*"))


def test_corpus_is_large_and_every_file_has_an_expectation() -> None:
    files = {p.stem for p in CORPUS.glob("*.yaml")} | {p.stem for p in CORPUS.glob("*.md")}
    assert len(files) >= 50
    assert files == set(EXPECTED)
    assert sum(1 for case in EXPECTED.values() if case["exit"] == 1) >= 50


def expected_line(case: dict) -> str:
    """The start of the line that must report `case`: `campaigns/<file>:<line>: <field>: ` (`docs/…` as it is)."""
    target = case["target"] if case["target"].startswith("docs/") else f"campaigns/{case['target']}"
    where = f"{target}:{case['line']}: "
    return where + f"{case['field']}: " if "field" in case else where


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_in_process(name: str, tmp_path: Path) -> None:
    case = EXPECTED[name]
    if case["target"].startswith("docs/"):
        docs = Path(shutil.copytree(REPO / "docs", tmp_path / "docs"))
        (tmp_path / case["target"]).write_bytes(corpus_file(name).read_bytes())
        problems = staff_markdown.check_docs(docs)
        assert case["exit"] == 1 and any(p.severity == "error" for p in problems)
        lines = [str(p) for p in problems]
        assert any(line.startswith(expected_line(case)) and case["message"] in line for line in lines), "\n".join(lines)
        assert not [line for line in lines if PYTHON_WORDS.search(line)]
        return
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    (campaigns / case["target"]).write_bytes(corpus_file(name).read_bytes())
    try:
        data = load_site(campaigns)
    except DataError as exc:
        assert case["exit"] == 1, exc.report()
        problems = exc.problems
    else:
        assert case["exit"] == 0, f"{name} was accepted"
        problems = data.warnings
        SiteRenderer(collect(data, date(2026, 11, 22), {}, None, BannerCache(REPO / ".cache" / "banners"))).render()
    lines = [str(p) for p in problems]
    assert any(line.startswith(expected_line(case)) and case["message"] in line for line in lines), "\n".join(lines)
    assert not [line for line in lines if PYTHON_WORDS.search(line)], "a message staff read has a programmer's word"


END_TO_END = ["syntax-unclosed-quote", "type-window-as-list", "date-31-april", "alias-billion-laughs",
              "control-lone-cr-ics-injection", "warning-slogan-wrong-day", "banner-glyph-missing-in-message",
              "md-entity-encoded-javascript"]
"""One case of each kind, built for real: syntax, type, date, alias bomb, hidden character, warning, a
character the banner font lacks in a message (once a crash of the build), and unsafe HTML in a staff page."""


@pytest.mark.parametrize("name", END_TO_END)
def test_bad_input(name: str, broken_project: Path, good_build: tuple[Path, dict[str, str]]) -> None:
    case = EXPECTED[name]
    target = broken_project / ("" if case["target"].startswith("docs/") else "campaigns") / case["target"]
    target.write_bytes(corpus_file(name).read_bytes())
    result = build(broken_project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    where = expected_line(case)
    matching = [line for line in output.splitlines() if line.startswith(where) or f" {where}" in line]
    assert any(case["message"] in line for line in matching), output
    if case["exit"] == 1:
        assert result.returncode != 0
        assert snapshot(broken_project / "site") == good_build[1]
    else:
        assert result.returncode == 0, output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ten-megabytes", b"place: " + b"x" * 10_000_000 + b"\n", "tệp quá lớn"),
        ("deeply-nested", b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "tệp lồng nhau quá sâu"),
        ("deeply-nested-blocks", "".join(" " * i + f"k{i}:\n" for i in range(400)).encode() + b" " * 400 + b"x\n", "tệp lồng nhau quá sâu"),
    ],
)
def test_huge_and_deep_files_are_refused_quickly(name: str, content: bytes, message: str, broken_project: Path, good_build: tuple[Path, dict[str, str]]) -> None:
    (broken_project / "campaigns/2026/plans/so-khcn-lai-chau.yaml").write_bytes(content)
    result = build(broken_project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    # The field is where the file went wrong, or the whole file when it cannot be read at all.
    assert re.search(r"campaigns/2026/plans/so-khcn-lai-chau\.yaml:\d+: (?:\(toàn tệp\)|[\w.\[\]]+): " + message, output), output[-2000:]
    assert snapshot(broken_project / "site") == good_build[1]
