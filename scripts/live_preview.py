"""Under `mkdocs serve`: a saved plan or staff page on screen at once, while the whole site is built beside it.

MkDocs' server builds the whole site again at every save and holds every request until it is done: with
thousands of plans, half a minute. Here (`LivePreview.rebuild`, the server's builder):
1. the pages only the saved files feed (`site_build.quick_pages`: a plan's page, a staff page) are laid into
   the theme again with the last whole build's navigation and settings, and replace their files in the
   served folder; browsers reload;
2. the server answers from a copy of the served folder (hard links) while MkDocs builds the whole site into
   its own folder as usual; then that folder is served again, and browsers reload;
3. a newer save stops that build soon (`LivePreview.check`, called by the hooks and between the steps of
   `site_build.build_site`; where the system has signals, also a signal to the main thread, where MkDocs
   builds, acted on only while our own code runs: never inside the standard library's or another package's
   code, which may hold a lock), so it is shown at once in turn.
The served site is never half built, and once saves stop, what is served is a whole build. With
`serve --dirty` MkDocs writes into the served files: nothing here is taken over.

One object for the process (`PREVIEW`), which every build's hooks report to.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType

import jinja2
import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _timestamp
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

import campaign_site
from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.site_build import SiteBuild, quick_pages

log = logging.getLogger("mkdocs.hooks.campaign_site")


class Superseded(BaseException):  # noqa: N818  (not an error: a build giving way to a newer save)
    """A newer save waits: the build under way stops. A BaseException, so that no `except Exception` of a
    build takes it for a failure of the build."""


@dataclass(frozen=True)
class WholeBuild:
    """The last whole build MkDocs finished: the site's data, and MkDocs' values a page is laid out with."""

    site: SiteBuild
    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


class LivePreview:
    """The server, the build under way and the last whole one, for the whole `mkdocs serve` process."""

    def __init__(self) -> None:
        self.server: LiveReloadServer | None = None
        self.built_dir = ""
        """The folder MkDocs builds into, served but while a build runs."""
        self.pending: SiteBuild | None = None
        self.last: WholeBuild | None = None
        self.whole_build_running = False
        self.dirty = False

    @property
    def copy_dir(self) -> str:
        """The copy served while MkDocs builds."""
        return self.built_dir + "-shown"

    def check(self) -> None:
        """Stop the whole build under way when a newer save waits (only under `mkdocs serve`)."""
        if self.whole_build_running and self.server is not None and self.server._want_rebuild:
            self.whole_build_running = False  # raised once: a second would escape `rebuild`
            raise Superseded

    def building(self, site: SiteBuild) -> None:
        """The site's data of the build under way (the campaign hook's `on_config`)."""
        self.pending = site

    def built(self, config: MkDocsConfig, files: Files, nav: Navigation, env: jinja2.Environment) -> None:
        """MkDocs finished the build under way (`on_post_build`)."""
        if self.pending is not None:
            self.last = WholeBuild(self.pending, config, files, nav, env)

    def attach(self, server: LiveReloadServer, builder: Callable[[], None]) -> LiveReloadServer:
        """Take the server's builds over (`on_serve`, in the main thread, after the first build)."""
        if self.dirty:
            return server
        self.server, self.built_dir = server, server.root
        server.builder = partial(self.rebuild, builder)
        logging.getLogger("mkdocs.livereload").addFilter(self._requests_are_not_warnings)
        if hasattr(signal, "pthread_kill"):
            signal.signal(signal.SIGUSR1, self._stop_now)
            threading.Thread(target=self._watch_saves, args=(server, threading.main_thread().ident), daemon=True).start()
        return server

    def _requests_are_not_warnings(self, record: logging.LogRecord) -> bool:
        """A request the server answers while a whole build runs ("GET … 404") is printed as information: the
        build counts warnings for `--strict`, and a request is none of its own."""
        if self.whole_build_running and record.levelno == logging.WARNING:
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True

    def _watch_saves(self, server: LiveReloadServer, main: int | None) -> None:
        """While a whole build runs and a newer save waits, a signal to the main thread every 50 ms, until one
        lands in our own code (`_stop_now`) or the build reaches its next `check`."""
        while main is not None:
            time.sleep(0.05)
            if self.whole_build_running and server._want_rebuild:
                signal.pthread_kill(main, signal.SIGUSR1)

    def _stop_now(self, signum: int, frame: FrameType | None) -> None:
        """The signal's handler, in the main thread: the whole build stops where it is, if that is our code."""
        if frame is not None and os.path.realpath(frame.f_code.co_filename).startswith(_OUR_CODE):
            self.check()

    def rebuild(self, builder: Callable[[], None]) -> None:
        """The server's builder: saved pages shown at once, then the whole site built and shown."""
        server = self.server
        assert server is not None
        try:
            shown = self._show_saved(server.root)
        except Exception as exc:  # a faster way to the same pages: when it fails, the whole build shows them
            log.debug("quick preview failed", exc_info=exc)
            log.warning("%s", plain("cli.serve_not_shown"))
            shown = False
        with server._epoch_cond:  # requests answered from now on (never from a half-built folder, below)
            server._wanted_epoch = _timestamp() if shown else server._visible_epoch  # browsers reload if a page changed
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        if server.root != self.copy_dir:  # a build stopped earlier left the copy served: it holds the latest pages
            try:
                shutil.rmtree(self.copy_dir, ignore_errors=True)
                shutil.copytree(self.built_dir, self.copy_dir, copy_function=os.link)
                server.root = self.copy_dir
            except OSError as exc:  # no hard links here: requests wait for the build, as MkDocs has them
                log.debug("no copy to serve during the build", exc_info=exc)
                with server._epoch_cond:
                    server._wanted_epoch = _timestamp()
        try:
            self.whole_build_running = True
            builder()
            self.whole_build_running = False
        except Superseded:
            log.info("%s", plain("cli.serve_superseded"))
            return
        finally:
            self.whole_build_running = False
        server.root = self.built_dir  # the copy stays until the next save: a request may be reading it
        with server._epoch_cond:  # the server's loop shows it: browsers reload
            server._wanted_epoch = _timestamp()

    def _show_saved(self, served: str) -> bool:
        """Lay the saved pages out again into `served`; False when the saved files need the whole build."""
        last = self.last
        if last is None or self.pending is not last.site and not (self.pending and self.pending.ok):
            return False  # a build with errors was stopped: the hooks hold its state, not the last whole build's
        if (pages := quick_pages(Path(last.config.config_file_path).parent, last.site)) is None:
            return False
        found = [(page, last.files.get_file_from_path(page.path)) for page in pages]
        if any(file is None or file.page is None for _, file in found):
            return False
        with tempfile.TemporaryDirectory(dir=Path(served).parent) as staging:
            for page, file in found:
                assert file is not None
                _lay_out(page, file, last, staging)
            for _, file in found:  # each replaced whole: a request never reads half a page
                assert file is not None
                os.replace(Path(staging, file.dest_uri), Path(served, file.dest_uri))
        log.info("%s", plain("cli.serve_shown", pages=", ".join("/" + file.url for _, file in found if file is not None)))
        return True

    def shut_down(self) -> None:
        """The copy removed when the server stops (MkDocs removes its own folder)."""
        if self.built_dir:
            shutil.rmtree(self.copy_dir, ignore_errors=True)


def _lay_out(page: GeneratedFile, file: File, last: WholeBuild, staging: str) -> None:
    """One page converted and laid into the theme as the last whole build did, written under `staging`."""
    assert file.page is not None
    if file.generated_by is not None:
        file.content_string = str(page.content)
    mkdocs_build._populate_page(file.page, last.config, last.files)
    build_page = getattr(mkdocs_build, "campaign_site_original", mkdocs_build._build_page)  # see mkdocs_html_hook
    written, file.abs_dest_path = file.abs_dest_path, os.path.join(staging, file.dest_uri)
    try:
        build_page(file.page, last.config, last.files.documentation_pages(inclusion=InclusionLevel.is_in_serve),
                   last.nav, last.env)
    finally:
        file.abs_dest_path = written


_OUR_CODE = tuple(os.path.realpath(folder) + os.sep for folder in (Path(__file__).parent, Path(campaign_site.__file__).parent))
"""Where our code is (the hooks, `campaign_site`): a signal stops a build only there."""

PREVIEW = LivePreview()
