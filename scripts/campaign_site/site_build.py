"""The façade: everything the site needs, built from the project folder in one call.

`build_site(root, today, stamp, environ)` reads campaigns/ and docs/ and checks both (`check_data`),
runs every stage once (`stages.collect`: calendar feeds, banners, photos, Atom, JSON), lays out every
page from what they made (`pages.renderer`), and works out the navigation, the share image and the
facts under each page. It returns one immutable `SiteBuild`; problems are part of the value, never
an exception, so the MkDocs hook, `scripts/dev check` and `scripts/dev generate` all use it alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.git_dates import ChangeDates, change_dates
from campaign_site.core.glyphs import GlyphCoverage, banner_coverage
from campaign_site.core.problems import DataError, Problem
from campaign_site.data import activities, addresses, paths, staff_markdown
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import SiteData
from campaign_site.pages import nav
from campaign_site.pages.contact import ContactBlock, about_section, contact_block
from campaign_site.pages.kept_pages import FileState, KeptPages, file_state
from campaign_site.pages.page_facts import PageFacts, edit_base, page_facts
from campaign_site.pages.registry import not_in_nav
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.stages import editor
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.calendar.feeds import plan_feeds
from campaign_site.stages.collect import Collected, collect
from campaign_site.stages.news import photos

log = logging.getLogger(__name__)
CAMPAIGNS, DOCS = "campaigns", "docs"


@dataclass(frozen=True)
class SiteBuild:
    """What one build of the site is made of. `ok` is False when any problem is an error."""

    problems: tuple[Problem, ...]
    data: SiteData | None = None
    files: tuple[GeneratedFile, ...] = ()
    replaced: tuple[str, ...] = ()
    """Staff files (paths under docs/) the build takes in rather than publishing as they are: year
    introductions (docs/<year>/index.md, inside the year page), activity posts (pages made from them)
    and every other file beside the posts (the photos, published only as resized, cleaned copies)."""
    nav: tuple[Any, ...] = ()
    not_in_nav: frozenset[str] = frozenset()
    """Generated pages reached by links only (their page type has no place in the navigation)."""
    share_image: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, PageFacts] = field(default_factory=dict)
    """Source, last change and edit link of every page, by its path under docs/."""
    banners_drawn: int = 0
    banners_reused: int = 0
    photos_made: int = 0
    photos_reused: int = 0
    contact: ContactBlock | None = None
    """The managing unit and how to reach it, for the footer of every page and its "Báo sai sót" link."""
    appended: Mapping[str, str] = field(default_factory=dict)
    """Markdown the build adds at the end of a staff page, by its path under docs/ (the about page's contact)."""
    collected: Collected | None = field(default=None, compare=False, repr=False)
    """What the stages made, which `quick_pages` lays a saved plan's page out with again."""
    state: FileState = field(default_factory=dict, compare=False, repr=False)
    """The files the build was made from (`kept_pages.file_state`), which `quick_pages` finds the saved ones by."""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def report(self) -> str:
        """Every problem, one a line, and what to do, in Vietnamese."""
        return DataError(list(self.problems)).report()


def unexpected(exc: Exception, message: str) -> Problem:
    """A bug of ours, or a broken machine, still reaches staff as a sentence (`message`), not a traceback
    or an exception's name; the details go to this module's debug log for the technical team."""
    log.debug("unexpected failure: %s", message, exc_info=exc)
    return Problem(CAMPAIGNS, 1, 1, "", message)


def staff_pages(docs: Path) -> list[str]:
    """Markdown pages staff wrote, as paths under docs/."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.is_file())


def check_data(root: Path, coverage: GlyphCoverage | None = None) -> SiteBuild:
    """Validate campaigns/ and docs/ in one pass (see `rules.RULES`): the data and every problem,
    nothing rendered. `coverage`: the characters banners can print; the shipped banner font's by default."""
    try:
        data = load_site(root / CAMPAIGNS, CAMPAIGNS, coverage or banner_coverage(), root / DOCS, DOCS)
    except DataError as exc:
        return SiteBuild(tuple(exc.problems))
    except Exception as exc:  # reported as a problem, see `unexpected`
        return SiteBuild((unexpected(exc, plain("build.unexpected.reading")),))
    return SiteBuild(tuple(data.warnings), data)


def _go_on() -> None:
    """The default `stop`: a build goes on to its end."""


def build_site(root: Path, today: date, stamp: datetime, environ: Mapping[str, str],
               stop: Callable[[], None] = _go_on) -> SiteBuild:
    """Check, collect, then render; a build with errors holds only its problems. `stop` is called between
    steps and may raise a `BaseException` to end the build there (`mkdocs serve`, when a newer save waits)."""
    state = file_state(root)  # before anything is read (see `kept_pages.file_state`)
    checked = check_data(root)
    if not checked.ok or checked.data is None:
        return checked
    stop()
    try:
        return _render(root, checked.data, checked.problems, today, stamp, environ, state, stop)
    except photos.PhotoError as exc:  # a photo whose header read well but whose pixels do not
        return SiteBuild((*checked.problems, exc.problem), checked.data)
    except Exception as exc:  # reported as a problem, see `unexpected`
        return SiteBuild((*checked.problems, unexpected(exc, plain("build.unexpected.rendering"))), checked.data)


def _render(root: Path, data: SiteData, problems: tuple[Problem, ...], today: date, stamp: datetime,
            environ: Mapping[str, str], state: FileState, stop: Callable[[], None]) -> SiteBuild:
    docs = root / DOCS
    pages = staff_pages(docs)
    intros = {year: paths.year_page(year) for year in data.campaigns if paths.year_page(year) in pages}
    texts = {year: staff_markdown.body((docs / page).read_text(encoding="utf-8")) for year, page in intros.items()}
    cache, photo_cache = BannerCache(root / ".cache" / "banners"), photos.photo_cache(root / ".cache" / "photos")
    collected = collect(data, today, texts, stamp, cache, photo_cache, stop)
    problems = (*problems, *editor.not_installed(data.settings.editor))
    stop()
    laid_out = KeptPages(root, today, data, state)
    files = SiteRenderer(collected, _compiled_templates(root), laid_out).render()
    stop()
    for made in (cache, photo_cache, laid_out.cache):
        made.prune()
    replaced = [*intros.values(), *(p for p in pages if activities.is_post(p)), *activities.withheld(docs)]
    clashes = addresses.clashes(addresses.published(docs, replaced), {f.path: f.source for f in files}, DOCS)
    if clashes:
        return SiteBuild(problems + tuple(clashes), data)
    kept = [page for page in pages if page not in replaced]
    contact = contact_block(data.settings)
    sources = {page: [f"{DOCS}/{page}"] for page in kept}
    for file in files:
        sources[file.path] = [file.source, *([f"{DOCS}/{file.path}"] if file.path in intros.values() else [])]
    return SiteBuild(
        problems, data, tuple(files), tuple(replaced),
        tuple(nav.build(data, kept + [f.path for f in files if f.path.endswith(".md")])),
        frozenset(not_in_nav(data)),
        asdict(share) if (share := collected.share(collected.featured_year)) else {},
        _facts(root, data.settings.site.edit_url, sources, today, environ),
        cache.misses, cache.hits, photo_cache.misses, photo_cache.hits,
        contact, {paths.ABOUT: about_section(contact)} if paths.ABOUT in kept else {}, collected, state,
    )


def _compiled_templates(root: Path) -> Path:
    """Where the page templates are kept compiled between builds."""
    return root / ".cache" / "templates" / "pages"


def quick_pages(root: Path, last: SiteBuild) -> list[GeneratedFile] | None:
    """The pages to show at once after a save, when only plan files or staff pages changed since `last` (a
    whole build this process made): each saved plan's page laid out again, from a fresh check of all the data
    and `last`'s stages; each saved staff page as it now reads. None when the change reaches further (a new or
    renamed file, any other file) or the data has an error: the whole build shows those. Pages that list a
    plan are not here: they wait for the whole build."""
    if not last.ok or last.data is None or last.collected is None:
        return None
    state = file_state(root)
    changed = {name for name in state.keys() | last.state.keys() if state.get(name) != last.state.get(name)}
    plans = {p.source: p for c in last.data.campaigns.values() for p in c.plans}
    generated = {f.path for f in last.files}
    staff = {name: name.removeprefix(f"{DOCS}/") for name in changed if name.startswith(f"{DOCS}/")}
    shown_as_written = {name for name, page in staff.items()
                        if page.endswith(".md") and page in last.facts and page not in generated and page not in last.replaced}
    if not changed or any(name not in state or (name not in plans and name not in shown_as_written) for name in changed):
        return None
    checked = check_data(root)
    if not checked.ok or checked.data is None:
        return None
    saved = {p.source: p for c in checked.data.campaigns.values() for p in c.plans if p.source in changed}
    if any(name not in saved or paths.plan_page(saved[name]) != paths.plan_page(plans[name])
           or saved[name].origin != plans[name].origin for name in changed - shown_as_written):
        return None  # renamed, or naming another original file: the whole build lays those out
    feeds = dict(last.collected.feeds)
    for plan in saved.values():  # its calendars: begun, ended or over since
        for path in (paths.plan_feed(plan), paths.staff_feed(paths.plan_feed(plan))):
            feeds.pop(path, None)
        feeds |= plan_feeds(checked.data, plan, datetime.now(UTC), last.collected.today)
    ctx = replace(last.collected, data=checked.data, feeds=MappingProxyType(feeds))
    renderer = SiteRenderer(ctx, _compiled_templates(root))
    pages = [renderer.page("plan", plan) for plan in saved.values()]
    return pages + [GeneratedFile(staff[name], (root / name).read_text(encoding="utf-8"), name) for name in shown_as_written]


def _facts(root: Path, edit_url: str | None, sources: dict[str, list[str]], today: date,
           environ: Mapping[str, str]) -> dict[str, PageFacts]:
    """Source file, last change (from git) and edit link of every page."""
    dates = change_dates(root, today)
    if dates.shallow:
        log.info(plain("build.shallow_clone"))
        dates = ChangeDates(prefix=dates.prefix)
    base = edit_base(edit_url, environ, dates.prefix)
    return {uri: page_facts(page_sources, dates, base) for uri, page_sources in sources.items()}
