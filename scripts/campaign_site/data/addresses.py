"""One address, one file: a staff file under docs/ served where a generated page or file is, or where
another staff file is (`docs/lich.md` and the calendar at `lich/index.md`, `docs/2026.md` and the year
page, `docs/x/README.md` and `docs/x/index.md`). MkDocs would keep one and drop the other without a
word; here it is an error that names both."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.structure.files import File

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem

MKDOCS_OUTPUTS = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
"""Files MkDocs and the theme write themselves."""


def address(path: str) -> str:
    """Where MkDocs writes a file under docs/ (with directory URLs): `lich.md` and `lich/index.md` →
    `lich/index.html`, `x/README.md` → `x/index.html`, `2026.json` → `2026.json`."""
    return File(path, "", "", use_directory_urls=True).dest_uri


def shown(path: str) -> str:
    """The address as a reader types it: `lich/index.html` → `/lich/`."""
    return "/" + address(path).removesuffix("index.html")


def published(docs: Path, taken_in: Iterable[str]) -> list[str]:
    """Every file under docs/ that MkDocs publishes as it is (not hidden, not in `taken_in`), as paths under docs/."""
    skip = set(taken_in)
    files = (p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    return sorted(rel for rel in files if rel not in skip and not any(part.startswith(".") for part in rel.split("/")))


def clashes(staff: Iterable[str], generated: Mapping[str, str], docs_display: str = "docs") -> list[Problem]:
    """An error for each staff file (path under docs/) whose address is taken. `generated` maps each
    generated path to the data file it is made from."""
    taken = {address(path): plain("problem.address_generated", source=source) for path, source in generated.items()}
    taken.update({name: plain("problem.address_mkdocs") for name in MKDOCS_OUTPUTS})
    problems = []
    for path in staff:
        where = address(path)
        if where in taken:
            problems.append(Problem(
                f"{docs_display}/{path}", 1, 1, "",
                plain("problem.address_clash", address=shown(path), other=taken[where]),
            ))
        else:
            taken[where] = plain("problem.address_staff", docs=docs_display, path=path)
    return problems
