"""MkDocs hook: maps the one value `campaign_site.site_build.build_site` makes into MkDocs. Glue only.

Work on the finished HTML is in `mkdocs_html_hook.py`; all logic is in the `campaign_site` package.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from campaign_site.core.catalogue import plain
from campaign_site.core.content_names import content_name
from campaign_site.core.file_cache import compiled_templates
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import paths
from campaign_site.pages.nav import nearest as nav_place
from campaign_site.pages.renderer import error_page
from campaign_site.site_build import SiteBuild, build_site
from live_preview import PREVIEW

log = logging.getLogger("mkdocs.hooks.campaign_site")


class CampaignSite:
    """The hook's state for one MkDocs run: the command and the last build."""

    def __init__(self) -> None:
        self.command, self.build = "build", SiteBuild(())
        self.place: Page | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Build everything before MkDocs touches the site folder; errors stop it (a page under `serve`)."""
        fixed = os.environ.get("CAMPAIGN_SITE_TODAY")  # YYYY-MM-DD: a fixed build date for tests
        today = date.fromisoformat(fixed) if fixed else date.today()
        self.build = build = build_site(Path(config.config_file_path).parent, today, datetime.now(UTC), os.environ,
                                        PREVIEW.check)
        PREVIEW.building(build)
        if not build.ok:  # under `serve` the preview shows them as a page; logging them would stop --strict
            if self.command != "serve":
                raise PluginError(plain("cli.data_errors") + "\n" + build.report())
            print(plain("cli.data_errors") + "\n" + build.report(), file=sys.stderr)
        for warning in build.warnings if build.ok else []:
            log.info("%s", warning)
        if build.ok and build.data:  # Material prints these raw and escaped: Markup suits both
            site = build.data.settings.site
            config.site_name, config.site_url = Markup(escape(site.title)), site.base_url
            config.site_description = Markup(escape(site.description))
            config.extra.update(contact=build.contact, share_image=build.share_image)
        return config

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = compiled_templates(Path(config.config_file_path).parent / ".cache" / "templates" / "theme")
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for key in ("extra_css", "extra_javascript"):  # our CSS and JS published under content-hash names
            for asset in (files.get_file_from_path(name) for name in config[key] if isinstance(name, str)):
                if asset is not None:
                    config[key][config[key].index(asset.src_uri)] = asset.dest_uri = content_name(asset.src_uri, asset.content_bytes)
        for file in [f for f in files if f.src_uri in self.build.replaced or not self.build.ok and f.is_documentation_page()]:
            files.remove(file)  # taken in by the build (year introductions, posts), or never published (photos as taken)
        made = self.build.files if self.build.ok else (GeneratedFile(paths.HOME, error_page(self.build.problems), ""),)
        for generated in made:  # pages of a type with no place in the navigation are reached by links only
            inclusion = InclusionLevel.NOT_IN_NAV if generated.path in self.build.not_in_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, generated.path, content=generated.content, inclusion=inclusion))
        log.info("%s", plain("cli.hook_reuse", drawn=self.build.banners_drawn, reused=self.build.banners_reused,
                             made=self.build.photos_made, photos_reused=self.build.photos_reused))
        config.nav = list(self.build.nav) if self.build.ok else [paths.HOME]
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if facts := self.build.facts.get(page.file.src_uri):  # shown by overrides/partials/source-file.html
            page.meta["facts"], page.edit_url = facts, facts.edit_url
        return markdown + self.build.appended.get(page.file.src_uri, "")

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        """The footer's "Báo sai sót" link, naming this page (its title is escaped once by now: read it back;
        the home's is the site's name, not its words in the navigation)."""
        title = config.site_name if page.is_homepage else page.title
        if self.build.contact and title and page.canonical_url:
            page.meta["report_url"] = self.build.contact.report_url(Markup(title).unescape(), page.canonical_url)
        listed = {p.url: p for p in nav.pages}
        if page.url not in listed and (place := nav_place(page.url, listed)):  # a plan, a province: mark where it stands
            self.place = listed[place]
            self.place.active = True  # Material then opens its year's section and marks it
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.place:
            self.place.active, self.place = False, None
        return output


_site = CampaignSite()
on_startup, on_config, on_files, on_page_markdown = _site.on_startup, _site.on_config, _site.on_files, _site.on_page_markdown
on_page_context, on_post_page, on_env = _site.on_page_context, _site.on_post_page, _site.on_env
