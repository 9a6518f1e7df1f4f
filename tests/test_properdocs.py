"""ProperDocs (the maintained MkDocs 1.x fork, pinned in requirements-test.txt) runs our hooks as they
are and builds the same site as MkDocs: every file byte for byte, apart from the generator `<meta>` and
each event's DTSTAMP (the moment of the build). So every test of the built site holds for ProperDocs'
build too (`SITE_BUILDER=properdocs` still runs any of them on it), and two builds give the same feeds.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import BUILDER, REPO, run_build

OTHER = {"mkdocs": "properdocs", "properdocs": "mkdocs"}
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
DTSTAMP = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z\r\n")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def generator(site: dict[str, bytes]) -> str:
    found = GENERATOR.search(site["index.html"])
    assert found, "no generator <meta> on the home page"
    return found[1].decode()


def comparable(content: bytes) -> bytes:
    """The file without what may differ between two builds of the same site."""
    return DTSTAMP.sub(b"", GENERATOR.sub(b"", content))


def test_the_other_generator_builds_the_same_site(built_site: Path, tmp_path: Path) -> None:
    result = run_build(REPO / "mkdocs.yml", tmp_path / "site", builder=OTHER[BUILDER])
    assert result.returncode == 0, result.stderr
    ours, theirs = files(built_site), files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if comparable(ours[name]) != comparable(theirs[name])] == []
    # What does differ names the generator that built the page; the 15 feeds were compared too.
    assert ("ProperDocs" in generator(ours), "ProperDocs" in generator(theirs)) == (BUILDER == "properdocs", BUILDER == "mkdocs")
    assert sum(name.endswith(".ics") for name in ours) >= 15
