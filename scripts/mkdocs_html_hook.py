"""MkDocs hook: each finished page (`campaign_site.pages.finish`), built on every core. Glue only.

A page's content is finished where it is converted (`mkdocs_render_hook.py`); here the whole page is:
front-matter text escaped, the theme's markup corrected and its inline scripts moved into files.

MkDocs lays every page into the theme one after another. With many pages (`parallel.forks`), the first
page MkDocs asks for starts workers that build every page as MkDocs would (writing its file), and each
page's call then only takes back what the worker's build left in this process's hands: the search
index's entries for the page, in MkDocs' order, the scripts moved out of it, and its messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from campaign_site.core.parallel import Logged, forks, kept_messages, log_again, map_all
from campaign_site.pages import finish

log = logging.getLogger("mkdocs.hooks.campaign_site")
_Built = tuple[list[dict[str, Any]], dict[str, str], Logged]
"""What building a page in a worker leaves to this process: search entries, scripts moved out, messages."""


_MKDOCS_BUILD_PAGE: Callable[..., None] = getattr(mkdocs_build, "campaign_site_original", mkdocs_build._build_page)
mkdocs_build.campaign_site_original = _MKDOCS_BUILD_PAGE  # type: ignore[attr-defined]  # a second load of this hook finds it


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The search plugin's list of index entries (None without search)."""
    index = next((plugin.search_index for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
    return None if index is None else index.entries


class PageHtml:
    """The theme's inline scripts moved into files during one build, by file name; pages built by workers."""

    def __init__(self) -> None:
        self.scripts: dict[str, str] = {}
        self.built: dict[str, _Built] | None = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.scripts.clear()

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        finish.page_text_meta(page.meta, page.title)
        return html  # the content itself is finished with its conversion: mkdocs_render_hook.py

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every page is converted: MkDocs' page builder is ours until the build ends."""
        self.built = None
        mkdocs_build._build_page = self._build_page
        return env

    def _build_page(self, page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
                    env: jinja2.Environment, dirty: bool = False, excluded: bool = False) -> None:
        if self.built is None:
            self.built = self._build_all(config, doc_files, nav, env, dirty)
        built = self.built.pop(page.file.src_uri, None)
        if built is None:
            _MKDOCS_BUILD_PAGE(page, config, doc_files, nav, env, dirty, excluded)
            return
        entries, scripts, messages = built
        if (index := _search_entries(config)) is not None:
            index += entries
        self.scripts.update(scripts)
        log_again(messages)

    def _build_all(self, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation, env: jinja2.Environment,
                   dirty: bool) -> dict[str, _Built]:
        """Every page built on every core (none when there are too few to be worth it)."""
        pages = [file.page for file in doc_files if file.page is not None]
        if not forks(len(pages)):
            return {}
        index = _search_entries(config)

        def build(page: Page) -> _Built:
            before, self.scripts = len(index or ()), {}
            with kept_messages("mkdocs") as messages:
                _MKDOCS_BUILD_PAGE(page, config, doc_files, nav, env, dirty, page.file.inclusion.is_excluded())
            return (index or [])[before:], self.scripts, messages

        return {page.file.src_uri: built for page, built in zip(pages, map_all(build, pages), strict=True)}

    def _restore(self) -> None:
        mkdocs_build._build_page, self.built = _MKDOCS_BUILD_PAGE, None

    def on_build_error(self, error: Exception) -> None:
        self._restore()

    def on_post_page(self, html: str, page: Page, config: MkDocsConfig) -> str:
        return finish.page_html(html, get_relative_url(".", page.url), self.scripts, log.warning)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        root = urlsplit(config.site_url or "/").path  # 404.html is served at any depth
        return finish.page_html(output, root, self.scripts, log.warning) if template_name.endswith(".html") else output

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._restore()
        for name, code in self.scripts.items():  # the files the theme's inline scripts moved into
            (Path(config.site_dir) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(config.site_dir) / name).write_text(code, encoding="utf-8")


_pages = PageHtml()
on_pre_build, on_page_content, on_post_page = _pages.on_pre_build, _pages.on_page_content, _pages.on_post_page
on_post_template, on_post_build, on_env, on_build_error = (_pages.on_post_template, _pages.on_post_build, _pages.on_env,
                                                           _pages.on_build_error)
