"""What the foot of each page says about its source: the file staff edit, when it last changed, where to edit it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from campaign_site.core.git_dates import ChangeDates
from campaign_site.data import vn_dates


@dataclass(frozen=True)
class PageFacts:
    """Facts shown under a page's content (and printed with it)."""

    source: str
    """Path of the file behind the page, relative to the project folder (a folder ends with `/`)."""
    updated: date | None
    edit_url: str | None

    @property
    def updated_text(self) -> str | None:
        return vn_dates.short(self.updated) if self.updated else None


def edit_base(configured: str | None, env: Mapping[str, str], project_prefix: str) -> str | None:
    """Address that a project path is appended to for editing, or None for no edit links.

    `site.edit_url` wins; on GitHub Actions the repository being built gives it otherwise.
    `project_prefix` is the project folder inside the repository (`""` at its root).
    """
    if configured:
        return configured
    repository, branch = env.get("GITHUB_REPOSITORY"), env.get("GITHUB_HEAD_REF") or env.get("GITHUB_REF_NAME")
    if not repository or not branch:
        return None
    server = env.get("GITHUB_SERVER_URL", "https://github.com")
    return f"{server}/{repository}/edit/{branch}/{project_prefix}"


def page_facts(sources: list[str], dates: ChangeDates, base: str | None) -> PageFacts:
    """Facts for a page made from `sources`: the first is the one to edit, the newest change counts."""
    main = sources[0]
    updated = max((d for d in map(dates.of, sources) if d is not None), default=None)
    edit_url = base + main if base and not main.endswith("/") else None
    return PageFacts(main, updated, edit_url)
