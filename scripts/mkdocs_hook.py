"""MkDocs hook: loads campaigns/ once per build and adds the generated pages. Thin glue only.

All logic lives in the `campaign_site` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from campaign_site import nav, paths, stacked_tables, staff_markdown, theme_html
from campaign_site.banner_cache import BannerCache
from campaign_site.content_names import content_name
from campaign_site.git_dates import ChangeDates, change_dates
from campaign_site.loader import load_site
from campaign_site.page_facts import PageFacts, edit_base, page_facts
from campaign_site.pages import SiteRenderer, error_page
from campaign_site.problems import DataError, Problem
from campaign_site.site_data import SiteData

log = logging.getLogger("mkdocs.hooks.campaign_site")
_loaded: dict[str, SiteData] = {}
_state: dict[str, object] = {"command": "build", "errors": None}
_facts: dict[str, PageFacts] = {}
_scripts: dict[str, str] = {}
"""Inline theme scripts moved into files, by file name (theme_html.externalise_scripts)."""


def _today() -> date:
    """Build date; CAMPAIGN_SITE_TODAY (YYYY-MM-DD) fixes it for reproducible builds and tests."""
    fixed = os.environ.get("CAMPAIGN_SITE_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def _unexpected(exc: Exception, doing: str) -> DataError:
    """A bug of ours, or a broken machine, still reaches staff as a sentence, not a traceback:
    as an error page while previewing, and as a failed build otherwise."""
    return DataError([Problem("campaigns", 1, 1, "", f"lỗi không mong đợi khi {doing} ({type(exc).__name__}: {exc}). "
                              "Hãy báo nhóm kỹ thuật, kèm tệp vừa sửa.")])


def _load(root: Path) -> SiteData:
    """Data and staff Markdown, validated; every problem becomes one DataError, never a traceback."""
    try:
        data = load_site(root / "campaigns")
        problems = staff_markdown.check_docs(root / "docs")
    except DataError:
        raise
    except Exception as exc:
        raise _unexpected(exc, "đọc dữ liệu") from None
    if problems:
        raise DataError(problems + data.warnings)
    return data


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate all data before MkDocs touches the site directory; stop the build on any error.

    Under `mkdocs serve` the server keeps running and shows the errors as a page instead.
    """
    root = Path(config.config_file_path).parent
    _state["errors"] = None
    try:
        data = _load(root)
    except DataError as exc:
        report = "Dữ liệu có lỗi:\n" + exc.report()
        if _state["command"] != "serve":
            raise PluginError(report) from None
        print(report, file=sys.stderr)
        _state["errors"] = exc
        return config
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
    """Add generated pages and data; under `mkdocs serve`, any failure shows as the error page."""
    _facts.clear()
    _scripts.clear()
    _name_assets_by_content(files, config)
    if isinstance(_state["errors"], DataError):
        return _error_site(files, config, _state["errors"])
    try:
        return _generate(files, config)
    except PluginError:
        raise
    except Exception as exc:
        error = _unexpected(exc, "tạo trang")
        if _state["command"] == "serve":
            print("Dữ liệu có lỗi:\n" + error.report(), file=sys.stderr)
            return _error_site(files, config, error)
        raise PluginError(error.report()) from None


def _generate(files: Files, config: MkDocsConfig) -> Files:
    """Add generated pages and data; a staff page docs/<year>/index.md becomes the year page's intro."""
    data = _loaded["data"]
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    sources = {f.src_uri: [f"{docs}/{f.src_uri}"] for f in files.documentation_pages()}
    intros: dict[int, str] = {}
    for year in data.campaigns:
        staff = files.get_file_from_path(paths.year_page(year))
        if staff is not None:
            intros[year] = get_data(staff.content_string)[0]
            files.remove(staff)
    cache = BannerCache(root / ".cache" / "banners")
    renderer = SiteRenderer(data, _today(), intros, datetime.now(UTC), cache)
    generated_files = renderer.render()
    cache.prune()
    log.info("Băng rôn: vẽ mới %d tệp, dùng lại %d tệp.", cache.misses, cache.hits)
    for generated in generated_files:
        existing = files.get_file_from_path(generated.path)
        if existing is not None:
            raise PluginError(
                f"docs/{generated.path} trùng với trang được tạo từ {generated.source}. "
                "Hãy đổi tên hoặc xóa tệp trong docs/."
            )
        files.append(File.generated(config, generated.path, content=generated.content))
        # A year page is made from the campaign's YAML and, if there is one, the staff intro.
        sources[generated.path] = [generated.source, *sources.get(generated.path, [])]
    config.nav = nav.build(data, [f.src_uri for f in files.documentation_pages()])
    config.extra["share_image"] = renderer.share_image(data.featured_year(_today()))
    _facts.update(_page_facts(root, data.settings.site.edit_url, sources))
    return files


def _name_assets_by_content(files: Files, config: MkDocsConfig) -> None:
    """Our stylesheet and script are published under names holding their content's hash
    (`assets/site.1a2b3c4d.css`), like Material's own, so hosts can let browsers keep them a year."""
    for key in ("extra_css", "extra_javascript"):
        names = []
        for name in config[key]:
            file = files.get_file_from_path(name) if isinstance(name, str) else None
            if file is not None:
                file.dest_uri = content_name(file.src_uri, file.content_bytes)
                name = file.dest_uri
            names.append(name)
        config[key] = names


def _page_facts(root: Path, edit_url: str | None, sources: dict[str, list[str]]) -> dict[str, PageFacts]:
    """Source file, last change (from git) and edit link of every page."""
    dates = change_dates(root, _today())
    if dates.shallow:
        log.info("Kho git chỉ có một phần lịch sử (shallow clone): không ghi ngày cập nhật lên trang.")
        dates = ChangeDates(prefix=dates.prefix)
    base = edit_base(edit_url, os.environ, dates.prefix)
    return {uri: page_facts(page_sources, dates, base) for uri, page_sources in sources.items()}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the page its source facts (shown by overrides/partials/source-file.html) and edit link."""
    facts = _facts.get(page.file.src_uri)
    if facts is not None:
        page.meta["facts"] = facts
        page.edit_url = facts.edit_url
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Titles, descriptions, subtitles and authors are text: escape them once, for templates that print them raw.

    A title MkDocs took from the page's first heading is already HTML text and is kept as it is.
    """
    if page.title is not None and not isinstance(page.title, Markup):
        from_meta = "title" in page.meta
        page.meta["title"] = Markup(escape(page.title)) if from_meta else Markup(page.title)
    for key in ("description", "subtitle", "author"):
        value = page.meta.get(key)
        if value is not None and not isinstance(value, Markup):
            page.meta[key] = Markup(escape(value))
    return stacked_tables.label_cells(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return theme_html.correct(output, get_relative_url(".", page.url), _scripts, log.warning)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages rendered without a Markdown source (404.html) get the same corrections.

    They are served at any depth, so their links start from the site's root path.
    """
    if not template_name.endswith(".html"):
        return output_content
    return theme_html.correct(output_content, urlsplit(config.site_url or "/").path, _scripts, log.warning)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the scripts the pages' inline code moved into."""
    for name, code in _scripts.items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code, encoding="utf-8")


def _error_site(files: Files, config: MkDocsConfig, error: DataError) -> Files:
    """While previewing, replace every page by one that lists the data errors."""
    for page in list(files.documentation_pages()):
        files.remove(page)
    files.append(File.generated(config, paths.HOME, content=error_page(error.problems)))
    config.nav = [paths.HOME]
    return files
