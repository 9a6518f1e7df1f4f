"""MkDocs hook: under `mkdocs serve`, a saved plan or staff page is on screen at once while the whole site
is built beside it (`live_preview`). Glue only; outside `serve` it does nothing."""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from campaign_site.stages import editor
from live_preview import PREVIEW


class BuildSteps:
    """What one build made that a page is laid out with again; between steps, a newer save stops the build."""

    def __init__(self) -> None:
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: jinja2.Environment | None = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        PREVIEW.check()
        self.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        PREVIEW.check()
        self.nav = nav
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        PREVIEW.check()
        return page

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        PREVIEW.check()
        self.env = env
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.files is not None and self.nav is not None and self.env is not None
        PREVIEW.built(config, self.files, self.nav, self.env)


def on_startup(command: str, dirty: bool) -> None:
    PREVIEW.dirty = dirty


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    _no_reload_script_in_the_editor(server)
    return PREVIEW.attach(server, builder)


def _no_reload_script_in_the_editor(server: LiveReloadServer) -> None:
    """The server writes its reload script inline into every page; `/admin/`'s policy refuses inline scripts
    (and the CMS must not reload while an officer types), so its page is served as built."""
    inject = server._inject_js_into_html
    marker = editor.CMS_SCRIPT.encode()

    def injected(content: bytes, epoch: int) -> bytes:
        return content if marker in content else inject(content, epoch)

    server._inject_js_into_html = injected  # type: ignore[method-assign]


def on_shutdown() -> None:
    PREVIEW.shut_down()


_steps = BuildSteps()
on_files, on_nav, on_pre_page, on_env = _steps.on_files, _steps.on_nav, _steps.on_pre_page, _steps.on_env
on_post_build = _steps.on_post_build
