"""MkDocs hook: every page's Markdown converted and finished (`campaign_site.pages.finish.content_html`)
on every core, and kept between builds. Glue only.

MkDocs converts pages one after another in one process; with thousands of plans that is most of a
build. Once the navigation is known (`on_nav`), each page's final Markdown is read as MkDocs will read
it; pages whose HTML is in `.cache/pages/` (same Markdown, same address, every file its links looked up
where it was, same code, `mkdocs.yml` and library versions) are taken from there, the others are converted on every core
(`campaign_site.core.parallel`). MkDocs' own loop then runs every event as usual, and a page's
conversion gives the result made here when its Markdown is still the same, or converts it then; the
page's content is then finished here too (`on_page_content`), or was already.
Messages the conversion logs (a broken link) are logged again each build, so `--strict` still fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from campaign_site.core.file_cache import FileCache, site_code_digest
from campaign_site.core.parallel import kept_messages, log_again, map_all
from campaign_site.pages import finish


def _tokens(links: list[AnchorLink]) -> list[dict[str, Any]]:
    return [{"name": a.title, "id": a.id, "level": a.level, "children": _tokens(a.children)} for a in links]


def _target(found: File | None) -> list[str] | None:
    """What a link to a file becomes: its address and whether it is published, or nothing."""
    return None if found is None else [found.url, found.inclusion.name]


def _convert(page: Page, config: MkDocsConfig, files: Files) -> bytes:
    """Convert one page as MkDocs would; its results, its messages and the files its links looked up, as JSON."""
    config._current_page = page
    looked_up: dict[str, File | None] = {}
    lookup = files.get_file_from_path

    def recorded(path: str) -> File | None:
        found = looked_up[path] = lookup(path)
        return found

    files.get_file_from_path = recorded  # type: ignore[method-assign]
    try:
        with kept_messages("mkdocs") as messages:
            Page.render(page, config, files)
        finished = _finished(page, page.content or "")
    finally:
        del files.get_file_from_path
        config._current_page = None
    links = page.links_to_anchors
    return json.dumps({
        "content": finished, "toc": _tokens(list(page.toc)), "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()), "log": messages,
        "looked_up": {path: _target(found) for path, found in looked_up.items()},
        "links": None if links is None else {f.src_uri: found for f, found in links.items()},
    }, ensure_ascii=False).encode()


def _still_valid(made: bytes | None, files: Files) -> dict[str, Any] | None:
    """A kept conversion, read, if every file its links looked up is still where it was (or still missing)."""
    if made is None:
        return None
    result: dict[str, Any] = json.loads(made)
    found = all(_target(files.get_file_from_path(path)) == target for path, target in result["looked_up"].items())
    return result if found else None


def _finished(page: Page, html: str) -> str:
    """The page's content as published: input cleaned, tables labelled, abbreviations explained."""
    return finish.content_html(html, staff_page=page.file.generated_by is None)


class PageConversions:
    """Converted pages of one build, by source path, with the Markdown each was converted from."""

    def __init__(self) -> None:
        self.done: dict[str, tuple[str, dict[str, Any]]] = {}
        self.finished: set[str] = set()
        """Pages whose content was restored finished: `on_page_content` leaves it as it is."""
        self.cache = FileCache(None, str)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        project = Path(config.config_file_path).parent
        self.cache = FileCache(project / ".cache" / "pages", lambda: site_code_digest(project))
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        for page in pages:  # what MkDocs' loop will convert: the source, then every plugin's changes
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
        found = {page.file.src_uri: _still_valid(self.cache.peek(_inputs(page)), files) for page in pages}
        missing = [page for page in pages if found[page.file.src_uri] is None]
        for page, made in zip(missing, map_all(lambda page: _convert(page, config, files), missing), strict=True):
            self.cache.put(_inputs(page), made)
            found[page.file.src_uri] = json.loads(made)
        self.done = {page.file.src_uri: (page.markdown or "", found[page.file.src_uri] or {}) for page in pages}
        self.finished = set()
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if page.file.src_uri in self.done:
            page.render = lambda config, files: self._restore(page, config, files)  # type: ignore[method-assign]
        return page

    def _restore(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        markdown, result = self.done[page.file.src_uri]
        if page.markdown != markdown:  # a plugin changed it since, or a page shown at once under serve: convert it now
            self.finished.discard(page.file.src_uri)
            Page.render(page, config, files)
            return
        self.finished.add(page.file.src_uri)
        page.content, page.toc = result["content"], get_toc(result["toc"])
        page._title_from_render, page.present_anchor_ids = result["title"], set(result["anchors"])
        if result["links"] is not None:
            targets = {uri: files.get_file_from_path(uri) for uri in result["links"]}  # each still there: see _still_valid
            page.links_to_anchors = {file: result["links"][uri] for uri, file in targets.items() if file is not None}
        log_again(result["log"])

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return html if page.file.src_uri in self.finished else _finished(page, html)

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.cache.prune()


def _inputs(page: Page) -> list[str | bool]:
    """What a kept page is looked up by besides `site_code_digest`: its Markdown, address, inclusion and whether staff
    wrote it (a staff page's whole content is input, and is cleaned as such)."""
    return [page.file.src_uri, page.file.dest_uri, page.file.url, page.file.inclusion.name, page.file.generated_by is None,
            page.markdown or ""]


_conversions = PageConversions()
on_nav, on_pre_page, on_page_content = _conversions.on_nav, _conversions.on_pre_page, _conversions.on_page_content
on_post_build = _conversions.on_post_build
