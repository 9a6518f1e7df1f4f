"""MkDocs hook: each finished page (`campaign_site.pages.finish`), built on every core and kept between
builds. Glue only.

A page's content is finished where it is converted (`mkdocs_render_hook.py`); here the whole page is:
front-matter text escaped, the theme's markup corrected and its inline scripts moved into files.

MkDocs lays every page into the theme one after another. Here the first page MkDocs asks for builds them
all: a page whose inputs are unchanged is taken from `.cache/built/` (its content, table of contents,
front matter, addresses and neighbours, the whole navigation, the site's settings, and `site_code_digest`:
templates, hooks, code and libraries); the others are built as MkDocs would, on every core when there are
many (`parallel.forks`). Each page's call in MkDocs' loop then takes back what the build left: its file
(written here for a kept page), the search index's entries for the page, in MkDocs' order, the scripts
moved out of it, and its messages.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from campaign_site.core.file_cache import FileCache, site_code_digest
from campaign_site.core.parallel import kept_messages, log_again, map_all
from campaign_site.pages import finish

log = logging.getLogger("mkdocs.hooks.campaign_site")


_MKDOCS_BUILD_PAGE: Callable[..., None] = getattr(mkdocs_build, "campaign_site_original", mkdocs_build._build_page)
mkdocs_build.campaign_site_original = _MKDOCS_BUILD_PAGE  # type: ignore[attr-defined]  # a second load of this hook finds it


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The search plugin's list of index entries (None without search)."""
    index = next((plugin.search_index for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
    return None if index is None else index.entries


class PageHtml:
    """The theme's inline scripts moved into files during one build, by file name; every page built at once."""

    def __init__(self) -> None:
        self.scripts: dict[str, str] = {}
        self.built: dict[str, dict[str, Any]] | None = None
        """Each page's build (search entries, scripts moved out, messages), by source path."""
        self.cache = FileCache(None, str)
        self.output: bytes | None = None
        """The last page's HTML as MkDocs writes it (this hook's `on_post_page` is the last to change it)."""

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.scripts.clear()

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        finish.page_text_meta(page.meta, page.title)
        return html  # the content itself is finished with its conversion: mkdocs_render_hook.py

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every page is built here: MkDocs' page builder is ours until the build ends."""
        self.built = None
        mkdocs_build._build_page = self._build_page
        return env

    def _build_page(self, page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
                    env: jinja2.Environment, dirty: bool = False, excluded: bool = False) -> None:
        if self.built is None:
            self.built = self._build_all(config, doc_files, nav, env, dirty)
        built = self.built.pop(page.file.src_uri, None)
        if built is None:  # not among the pages of the build's first call
            _MKDOCS_BUILD_PAGE(page, config, doc_files, nav, env, dirty, excluded)
            return
        if (index := _search_entries(config)) is not None:
            index += built["entries"]
        self.scripts.update(built["scripts"])
        log_again(built["log"])

    def _build_all(self, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation, env: jinja2.Environment,
                   dirty: bool) -> dict[str, dict[str, Any]]:
        """Every page's file written: kept ones copied, the others built (on every core when there are many)
        and kept; what each page's call takes back, by source path."""
        project = Path(config.config_file_path).parent
        self.cache = cache = FileCache(project / ".cache" / "built", lambda: site_code_digest(project))
        pages = [file.page for file in doc_files if file.page is not None]
        site = _site_inputs(config, nav)
        inputs = {page.file.src_uri: _page_inputs(page, site) for page in pages}
        built: dict[str, dict[str, Any]] = {}
        for page in pages:  # one page's HTML in memory at a time
            if (made := cache.peek(inputs[page.file.src_uri])) is not None:
                head, _, html = made.partition(b"\n")
                built[page.file.src_uri] = json.loads(head)
                if built[page.file.src_uri]["written"]:
                    write_file(html, page.file.abs_dest_path)
        missing = [page for page in pages if page.file.src_uri not in built]
        index = _search_entries(config)

        def build(page: Page) -> dict[str, Any]:
            """The page built as MkDocs would and kept (by the process that built it, so its HTML stays there)."""
            before, scripts, self.scripts = len(index or ()), self.scripts, {}
            try:
                with kept_messages("mkdocs") as messages:
                    _MKDOCS_BUILD_PAGE(page, config, doc_files, nav, env, dirty, page.file.inclusion.is_excluded())
                html, self.output = self.output, None
                record = {"entries": (index or [])[before:], "scripts": self.scripts, "log": messages, "written": bool(html)}
                del (index or [])[before:]  # handed back in MkDocs' order by `_build_page`
                cache.put(inputs[page.file.src_uri], json.dumps(record, ensure_ascii=False).encode() + b"\n" + (html or b""))
                return record
            finally:
                self.scripts = scripts

        for page, record in zip(missing, map_all(build, missing), strict=True):
            cache.keep(inputs[page.file.src_uri])  # put by a worker: not stale
            built[page.file.src_uri] = record
        return built

    def _restore(self) -> None:
        mkdocs_build._build_page, self.built = _MKDOCS_BUILD_PAGE, None

    def on_build_error(self, error: Exception) -> None:
        self._restore()

    def on_post_page(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """The finished page, also kept as the bytes MkDocs writes (none when it writes nothing)."""
        output = finish.page_html(html, get_relative_url(".", page.url), self.scripts, log.warning)
        self.output = output.encode("utf-8", errors="xmlcharrefreplace") if output.strip() else None
        return output

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        root = urlsplit(config.site_url or "/").path  # 404.html is served at any depth
        return finish.page_html(output, root, self.scripts, log.warning) if template_name.endswith(".html") else output

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._restore()
        self.cache.prune()
        for name, code in self.scripts.items():  # the files the theme's inline scripts moved into
            (Path(config.site_dir) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(config.site_dir) / name).write_text(code, encoding="utf-8")


def _nav_items(items: Sequence[Any]) -> list[Any]:
    return [[item.title, getattr(item, "url", None), _nav_items(item.children) if isinstance(item, Section) else None]
            for item in items]


def _site_inputs(config: MkDocsConfig, nav: Navigation) -> str:
    """What every page shows of the whole site: the navigation (titles and addresses) and the settings the
    hooks set from the data (name, address, description, contact, share image)."""
    settings = [config.site_name, config.site_url, config.site_description, config.copyright, dict(config.extra)]
    text = json.dumps([_nav_items(nav.items), settings], ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


def _page_inputs(page: Page, site: str) -> list[Any]:
    """What a kept page is looked up by besides `site_code_digest`: the page's own values and `_site_inputs`."""
    neighbours = [[p.url, p.title] if p else None for p in (page.previous_page, page.next_page)]
    meta = json.dumps(page.meta, ensure_ascii=False, sort_keys=True, default=repr)
    content = hashlib.sha256((page.content or "").encode()).hexdigest()
    return [page.file.src_uri, page.file.dest_uri, page.url, page.canonical_url, page.edit_url,
            page.file.inclusion.name, page.title, content, str(page.toc), meta, neighbours, site]


_pages = PageHtml()
on_pre_build, on_page_content, on_post_page = _pages.on_pre_build, _pages.on_page_content, _pages.on_post_page
on_post_template, on_post_build, on_env, on_build_error = (_pages.on_post_template, _pages.on_post_build, _pages.on_env,
                                                           _pages.on_build_error)
