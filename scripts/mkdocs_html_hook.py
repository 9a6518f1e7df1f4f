"""MkDocs hook: the work on each finished page (`campaign_site.pages.finish`); its content is finished where
it is converted (`mkdocs_render_hook.py`). Glue only."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from campaign_site.pages import finish

log = logging.getLogger("mkdocs.hooks.campaign_site")


class PageHtml:
    """The theme's inline scripts moved into files during one build, by file name."""

    def __init__(self) -> None:
        self.scripts: dict[str, str] = {}

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.scripts.clear()

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        finish.page_text_meta(page.meta, page.title)
        return html  # the content itself is finished with its conversion: mkdocs_render_hook.py

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return finish.page_html(output, get_relative_url(".", page.url), self.scripts, log.warning)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        root = urlsplit(config.site_url or "/").path  # 404.html is served at any depth
        return finish.page_html(output, root, self.scripts, log.warning) if template_name.endswith(".html") else output

    def on_post_build(self, config: MkDocsConfig) -> None:
        for name, code in self.scripts.items():  # the files the theme's inline scripts moved into
            (Path(config.site_dir) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(config.site_dir) / name).write_text(code, encoding="utf-8")


_pages = PageHtml()
on_pre_build, on_page_content, on_post_page = _pages.on_pre_build, _pages.on_page_content, _pages.on_post_page
on_post_template, on_post_build = _pages.on_post_template, _pages.on_post_build
