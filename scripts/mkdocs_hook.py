"""MkDocs hook: loads campaigns/ once per build and adds the generated pages. Thin glue only.

All logic lives in the `campaign_site` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).resolve().parent))

from campaign_site import nav, paths  # noqa: E402
from campaign_site.loader import load_site  # noqa: E402
from campaign_site.pages import SiteRenderer  # noqa: E402
from campaign_site.problems import DataError  # noqa: E402
from campaign_site.site_data import SiteData  # noqa: E402

log = logging.getLogger("mkdocs.hooks.campaign_site")
_loaded: dict[str, SiteData] = {}


def _today() -> date:
    """Build date; CAMPAIGN_SITE_TODAY (YYYY-MM-DD) fixes it for reproducible builds and tests."""
    fixed = os.environ.get("CAMPAIGN_SITE_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate all data before MkDocs touches the site directory; stop the build on any error."""
    root = Path(config.config_file_path).parent
    try:
        data = load_site(root / "campaigns")
    except DataError as exc:
        raise PluginError("Dữ liệu trong campaigns/ có lỗi:\n" + exc.report()) from None
    for warning in data.warnings:
        log.info("%s", warning)
    settings = data.settings.site
    # Material prints these raw in some places and escaped in others: Markup is right in both.
    config.site_name = Markup(escape(settings.title))
    config.site_url = settings.base_url
    config.site_description = Markup(escape(settings.description))
    config.extra["organisation"] = data.settings.organisation
    _loaded["data"] = data
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add generated pages and data; a staff page docs/<year>/index.md becomes the year page's intro."""
    data = _loaded["data"]
    intros: dict[int, str] = {}
    for year in data.campaigns:
        staff = files.get_file_from_path(paths.year_page(year))
        if staff is not None:
            intros[year] = get_data(staff.content_string)[0]
            files.remove(staff)
    for generated in SiteRenderer(data, _today(), intros, datetime.now(UTC)).render():
        existing = files.get_file_from_path(generated.path)
        if existing is not None:
            raise PluginError(
                f"docs/{generated.path} trùng với trang được tạo từ {generated.source}. "
                "Hãy đổi tên hoặc xóa tệp trong docs/."
            )
        files.append(File.generated(config, generated.path, content=generated.content))
    config.nav = nav.build(data, [f.src_uri for f in files.documentation_pages()])
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Titles and descriptions are text: escape them once, for templates that print them raw."""
    for key, value in (("title", page.title), ("description", page.meta.get("description"))):
        if value is not None and not isinstance(value, Markup):
            page.meta[key] = Markup(escape(value))
    return html
