"""Generated pages kept between builds (`.cache/generated/`): with thousands of plans, a save in `mkdocs
serve`, or a build after one edit, lays out again only the plans whose inputs changed.

A kept page is looked up by its type and address, its source file's state (size and time of change, taken
before the data was read: `file_state`), what its type declares it reads besides (`PageType.kept_by`: for a
plan, what tells it apart from its issuer's other plans and the place it is listed under), and
`site_inputs`: the state of every file under campaigns/ and docs/ but those kept pages' own and the staff's
pages, the day, and `package_digest` (the code, templates and words that make pages). Any other change
therefore makes every kept page anew.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from campaign_site.core.file_cache import FileCache, package_digest
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import activities
from campaign_site.data.site_data import SiteData
from campaign_site.pages.registry import PAGE_TYPES, PageType
from campaign_site.pages.views.base import SiteContext

FileState = dict[str, tuple[int, int]]
"""Size and time of change of files, by path from the project's folder."""


def file_state(root: Path) -> FileState:
    """Every file under campaigns/ and docs/ but hidden ones (an editor's swap file: no page reads them), taken
    BEFORE they are read: a file saved while a build reads it then differs from its state here at the next
    build, so a page made from what was read is never kept under the state of a later save."""
    state = {}
    for path in (p for folder in (root / "campaigns", root / "docs") for p in sorted(folder.rglob("*"))):
        name = path.relative_to(root)
        if any(part.startswith(".") for part in name.parts):
            continue
        try:
            found = path.stat()  # once a file: thousands of plans, and every save under `serve`
        except OSError:  # a broken link: no file (the rules name it)
            continue
        if stat.S_ISREG(found.st_mode):
            state[name.as_posix()] = (found.st_size, found.st_mtime_ns)
    return state


def site_inputs(state: FileState, today: date, own: set[str]) -> str:
    """Digest of what a kept page may read besides its own file: the state of each file but the files in
    `own` and the staff's pages (Markdown under docs/ other than activity posts: no page type but theirs
    reads them); and the day."""

    def read(name: str) -> bool:
        docs = name.removeprefix("docs/")
        return name not in own and (docs == name or not docs.endswith(".md") or activities.is_post(docs))

    return hashlib.sha256(json.dumps([today.isoformat(), [[n, *s] for n, s in state.items() if read(n)]]).encode()).hexdigest()


class KeptPages:
    """Pages of the types that declare `kept_by`, kept by their inputs in `root/.cache/generated`."""

    def __init__(self, root: Path, today: date, data: SiteData, state: FileState) -> None:
        """`state`: `file_state` taken before `data` was read."""
        self.state = state
        self.cache = FileCache(root / ".cache" / "generated", package_digest)
        own = {t.source(s) for t in PAGE_TYPES if t.kept_by is not None for s in t.subjects(data)}
        self.site = site_inputs(state, today, own)

    def pages(self, page_type: PageType[Any], subjects: Sequence[Any], ctx: SiteContext,
              make: Callable[[list[Any]], list[GeneratedFile]]) -> list[GeneratedFile]:
        """Each subject's page: kept, or made by `make` (all missing ones in one call) and kept."""
        assert page_type.kept_by is not None
        keys = [[page_type.name, page_type.path(s), self.site, self.state.get(page_type.source(s)), page_type.kept_by(ctx, s)]
                for s in subjects]
        found = [self.cache.peek(key) for key in keys]
        made = iter(make([s for s, text in zip(subjects, found, strict=True) if text is None]))
        files = []
        for subject, key, text in zip(subjects, keys, found, strict=True):
            if text is None:
                file = next(made)
                self.cache.put(key, str(file.content).encode())
            else:
                file = GeneratedFile(page_type.path(subject), text.decode(), page_type.source(subject))
            files.append(file)
        return files
