"""Lay out the generated pages (Markdown) from what the stages collected (`stages.collect.Collected`).

One page per subject of each type in the page registry (`registry.PAGE_TYPES`): its view (`views/`)
laid out by its template (`templates/`); the HTML fragments several pages share (links, downloads,
pictures, feed links, the next-date items) are the macros of `templates/_macros.md.j2`. Every value a
template prints is escaped as text unless it is Markdown already: what a template or macro wrote, or
what a helper here marks as Markdown.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from campaign_site.core import parallel
from campaign_site.core.catalogue import plain, say
from campaign_site.core.encoders import html_attribute, json_text
from campaign_site.core.file_cache import compiled_templates
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.core.problems import Problem
from campaign_site.data import paths
from campaign_site.data.wording import human_size
from campaign_site.pages.kept_pages import KeptPages
from campaign_site.pages.registry import PAGE_TYPES, PageType, links_to
from campaign_site.pages.views import View
from campaign_site.stages.calendar import events as calendar_events
from campaign_site.stages.collect import Collected
from campaign_site.stages.news.photos import WIDE_SCREEN

_TEMPLATES = Path(__file__).parent / "templates"


def _markdown_join(parts: Iterable[str]) -> str:
    return Markdown("".join(parts))


class MarkdownEnvironment(Environment):
    """Jinja for Markdown pages: what a template or a macro writes is Markdown (each value in it was
    escaped as it was printed), so a macro's output is placed as it is, not escaped a second time."""

    concat = staticmethod(_markdown_join)


@pass_context
def relative(context: Context, target: str, markdown: bool = False) -> Markdown:
    """Address of `target` (a source path) from the page being rendered (`page` in the context): from
    its source file for a Markdown link (`markdown`; MkDocs checks and rewrites those), else from its
    URL (raw HTML, `srcset`, JSON: MkDocs leaves them as written)."""
    page = context["page"]
    if markdown:
        return Markdown(posixpath.relpath(target, posixpath.dirname(page) or "."))
    return Markdown(paths.relative_url(target, page))


def script_json(value: object) -> Markdown:
    """A value as JSON inside a page's `<script type="application/json">` block."""
    return Markdown(json_text(value, in_script=True))


def attr(value: object) -> Markdown:
    """A value for an HTML attribute written in a template (Markdown reads links even inside a tag, so
    its characters are entities too)."""
    return Markdown(html_attribute(value))


def front_matter(view: View, page_type: PageType, ctx: Collected, subject: Any) -> str:
    """The page's front matter: title, description, table of contents, share image, search."""
    lines = ["---", f"title: {json_text(view.title)}", f"description: {json_text(view.description)}"]
    if page_type.hide_toc:
        lines += ["hide:", "  - toc"]
    if view.share:
        lines += [f"og_image: {json_text(view.share.path)}", f"og_image_alt: {json_text(view.share.alt)}"]
    if view.atom:
        titles = [plain("page.common.atom_title", label=f.label) for f in view.atom]
        lines += ["atom_feeds:"] + [f"  - {{path: {json_text(f.path)}, title: {json_text(title)}}}"
                                    for f, title in zip(view.atom, titles, strict=True)]
    search = page_type.search(ctx, subject)
    if search.exclude:
        lines += ["search:", "  exclude: true"]
    elif search.boost != 1:
        lines += ["search:", f"  boost: {search.boost:g}"]
    return "\n".join([*lines, "---", "", ""])


class SiteRenderer:
    """Lays out every page of the site from what the stages collected; it makes no file of its own."""

    def __init__(self, collected: Collected, compiled: Path | None = None, kept: KeptPages | None = None) -> None:
        """`compiled`: a folder keeping the templates compiled between builds (none: compile them each time);
        `kept`: pages kept between builds (none: lay out every page)."""
        self.collected, self.kept = collected, kept
        self.env = MarkdownEnvironment(
            loader=FileSystemLoader(_TEMPLATES),
            bytecode_cache=compiled_templates(compiled) if compiled else None,
            finalize=escape,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
        )
        self.env.globals.update(
            say=say,
            plain=plain,
            attr=attr,
            indent=lambda depth: Markdown("    " * depth),
            Markdown=Markdown,
        )
        self.env.globals.update(  # what every page draws on, and what the macros of _macros.md.j2 use
            site=collected.data.settings.site,
            relative=relative,
            size=human_size,
            feeds=collected.feeds,
            staff_feed=paths.staff_feed,
            next_dates=calendar_events.next_dates,
            script_json=script_json,
            wide_screen=WIDE_SCREEN,
        )

    def render(self) -> list[GeneratedFile]:
        """Every generated file: the stages' files, then every page of every type."""
        files = list(self.collected.files)
        for page_type in PAGE_TYPES:
            subjects = list(page_type.subjects(self.collected.data))
            if self.kept is not None and page_type.kept_by is not None:
                files += self.kept.pages(page_type, subjects, self.collected, partial(self._pages, page_type))
            else:
                files += self._pages(page_type, subjects)
        return files

    def _pages(self, page_type: PageType, subjects: list[Any]) -> list[GeneratedFile]:
        """The pages of `subjects`, on every core for a type with many."""
        make = partial(self._page, page_type)
        return parallel.map_all(make, subjects) if page_type.many else [make(s) for s in subjects]

    def page(self, name: str, subject: Any = None) -> GeneratedFile:
        """One page of the type called `name` (`"banners"`, `"plan"`…) about `subject`."""
        return self._page(next(t for t in PAGE_TYPES if t.name == name), subject)

    def _page(self, page_type: PageType, subject: Any) -> GeneratedFile:
        path = page_type.path(subject)
        view = page_type.view(self.collected, subject)
        links = links_to(self.collected.data, page_type, subject)  # from the types that declare this one in `linked_from`
        text = front_matter(view, page_type, self.collected, subject) + self._render(page_type.template, path, view=view,
                                                                                    registry_links=links)
        return GeneratedFile(path, text, page_type.source(subject))

    def _render(self, template: str, page: str, **context: Any) -> str:
        return self.env.get_template(template).render(page=page, **context)


def error_page(problems: Sequence[Problem]) -> str:
    """The preview page shown instead of the site while the data has errors."""
    title = plain("build.error_page.title")
    lines = ["---", f"title: {json_text(title)}", "---", "", f"# {escape(title)}", "", plain("build.error_page.intro"), ""]
    for problem in problems:
        kind = plain("build.error_page.error") if problem.severity == "error" else plain("build.error_page.warning")
        # Raw <code>, not a code span: Markdown shows a code span's entities as written (`bai&#95;viet.md`).
        where = {"file": Markdown(f"<code>{escape(problem.file)}</code>"), "line": problem.line, "column": problem.column}
        place = say("build.error_page.at_field", field=problem.field, **where) if problem.field else say("build.error_page.at", **where)
        lines.append(f"- **{kind}** {place}: {escape(problem.message)}")
    return "\n".join(lines) + "\n"
