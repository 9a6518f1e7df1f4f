"""Activity posts: news of activities held, written by staff as Markdown under docs/<year>/hoat-dong/.

A post is one file, `docs/<year>/hoat-dong/<slug>.md`: front matter (title, date, the plan and unit
that held it, place, observances, photos) checked by a typed model, then a plain Markdown body
checked like every staff page. Its photos are the camera's files dropped beside it; only resized,
cleaned copies are published (`photos.py`). This module reads and checks posts (the loader reads them
with the data; the rule `activity_posts` checks each against its year) and holds the `Post` value pages
are made from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import Field

from campaign_site.core.catalogue import plain
from campaign_site.core.file_links import not_a_file, outside
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.slugs import ascii_slug
from campaign_site.core.yaml_source import Loc, SourceFile
from campaign_site.data import id_checks, paths, photo_files, staff_markdown, vn_dates
from campaign_site.data.model import Date, DocumentDate, Id, Line, Plan, Record
from campaign_site.data.unknowns import NOT_KNOWN, Knowable, NotKnown
from campaign_site.data.validation_messages import suggest
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import absent
from campaign_site.data.year_folders import year_of

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED = re.compile(r"^(?:index|trang-\d+)$")
"""File names the year's news pages take (`index.md`, `trang-2.md`…)."""


class PostPhoto(Record):
    """One photo of a post: the camera's file beside the post, and what readers are told about it."""

    file: Line = Field(description=plain("post.photo.file"))
    alt: Line = Field(description=plain("post.photo.alt"))
    caption: Line | None = Field(None, description=plain("post.photo.caption"))
    credit: Line | None = Field(None, description=plain("post.photo.credit"))


class PostFrontMatter(Record):
    """The settings an activity post starts with, between two `---` lines."""

    title: Line = Field(description=plain("post.field.title"))
    description: Line | None = Field(None, description=plain("post.field.description"))
    date: Annotated[DocumentDate | NotKnown | None, Knowable()] = Field(None, description=plain("post.field.date"))
    end_date: Date | None = Field(None, description=plain("post.field.end_date"))
    plan: Id = Field(description=plain("post.field.plan"))
    unit: Line = Field(description=plain("post.field.unit"))
    place: Annotated[Line | NotKnown | None, Knowable()] = Field(None, description=plain("post.field.place"))
    observances: list[Id] = Field(min_length=1, description=plain("post.field.observances"))
    photos: list[PostPhoto] = Field(default_factory=list, description=plain("post.field.photos"))


@dataclass(frozen=True)
class PhotoSource:
    """A photo as staff dropped it: the entry, the file, and where the entry is (for messages)."""

    entry: PostPhoto
    path: Path
    display: str
    line: int


@dataclass(frozen=True)
class PostFile:
    """A post whose front matter has the model's shape, in the year folder it was found in."""

    year: int
    slug: str
    display: str
    source: SourceFile
    front: PostFrontMatter
    body: str
    photos: tuple[PhotoSource, ...]


@dataclass(frozen=True)
class Post:
    """A checked activity post, bound to the plan it carries out."""

    year: int
    slug: str
    source: str
    """The Markdown file, relative to the repository (`docs/2026/hoat-dong/hoi-thao.md`)."""
    front: PostFrontMatter
    body: str
    plan: Plan
    photos: tuple[PhotoSource, ...]

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def held_on(self) -> PartialDate | None:
        """The day, month or year the activity was held, as far as the post says."""
        return self.front.date if isinstance(self.front.date, PartialDate) else None

    @property
    def start(self) -> date | None:
        """The first day, when the post gives the full date; else None (no calendar event is made)."""
        held = self.held_on
        return date(held.year, held.month, held.day) if held and held.month and held.day else None

    @property
    def last(self) -> date | None:
        return self.front.end_date or self.start

    @property
    def sort_key(self) -> tuple[int, bool, int, int, int, int, int]:
        """Orders posts by when the activity was held: a month before its days, a post that gives no date
        before every other of its year (so newest first, it comes last in its year)."""
        held = self.held_on
        first = (held.month or 0, held.day or 0) if held else (0, 0)
        last = (self.last.year, self.last.month, self.last.day) if self.last else (self.year, *first)
        return (self.year, held is not None, *first, *last)

    @property
    def feed_day(self) -> date:
        """The day a feed entry is dated (a feed needs one): the activity's first day, else the first day of
        the month or year the post says it was held in, else of the post's year."""
        held = self.held_on
        return self.start or date(held.year if held else self.year, held.month or 1 if held else 1, 1)

    @property
    def place_text(self) -> str:
        """Where the activity was held, or why the post does not say."""
        return self.front.place if isinstance(self.front.place, str) else absent("venue", self.front.place is NOT_KNOWN)

    @property
    def page(self) -> str:
        return paths.post_page(self.year, self.slug)


def newest_first(posts: list[Post]) -> list[Post]:
    """Posts by the day the activity was held, newest first (then by title, so the order is stable)."""
    return sorted(sorted(posts, key=lambda p: (p.title, p.slug)), key=lambda p: p.sort_key, reverse=True)


def is_post(page: str) -> bool:
    """Whether a path under docs/ is an activity post (`2026/hoat-dong/<slug>.md`)."""
    parts = page.split("/")
    return len(parts) == 3 and year_of(parts[0]) is not None and parts[1] == paths.NEWS_DIR and parts[2].endswith(".md")


@dataclass(frozen=True)
class YearFacts:
    """What a post is checked against in its year: the plans' ids and the observances' ids (None when
    the year's campaign.yaml has errors of its own, so its posts are not blamed for them)."""

    plan_ids: list[str]
    observance_ids: list[str] | None


def read_posts(docs: Path, display_root: str) -> tuple[list[PostFile], list[Problem]]:
    """Every post under docs/<year>/hoat-dong/ whose front matter has its shape, and what reading them found:
    front matter, body, file name, dates in the year, photos, and files beside the posts that none names.
    Each post is checked against its year's plans and observances by `check_against_year`."""
    found, problems = [], []
    for folder in sorted(p for p in docs.glob(f"*/{paths.NEWS_DIR}") if p.is_dir() and year_of(p.parent.name)):
        year = int(folder.parent.name)
        used: set[str] = set()
        for path in sorted(folder.glob("*.md")):
            display = f"{display_root}/{path.relative_to(docs).as_posix()}"
            if outside(path, docs.parent) or not path.is_file():
                continue  # reported once, by staff_markdown.check_docs
            post, post_problems = _read_post(path, display, year)
            problems += post_problems
            if post is not None:
                used.update(photo.path.name for photo in post.photos)
                found.append(post)
        problems += _unused_files(folder, display_root, docs, used)
    return found, problems


def _read_post(path: Path, display: str, year: int) -> tuple[PostFile | None, list[Problem]]:
    lines = staff_markdown.read_lines(path, display)
    if isinstance(lines, Problem):
        return None, [lines]
    front = staff_markdown.read_front_matter(lines, display, PostFrontMatter)
    problems = front.problems + staff_markdown.check_body(lines, front.body_start, display)
    slug = path.stem
    if not SLUG.match(slug) or RESERVED.match(slug):
        suggestion = ascii_slug(slug) or "hoat-dong"
        fixed = suggestion if not RESERVED.match(suggestion) else f"hoat-dong-{suggestion}"
        problems.append(Problem(display, 1, 1, "", plain("post.file_name", name=path.name, fixed=fixed)))
    if front.body_start == 0 and not front.problems:
        problems.append(Problem(display, 1, 1, "", plain("post.no_front_matter", year=year)))
    if front.value is None or front.source is None:
        return None, problems
    source, value = front.source, front.value
    problems += _dates(source, value, year)
    sources, photo_problems = _photos(source, value, path.parent, display)
    body = "\n".join(lines[front.body_start:])
    return PostFile(year, path.stem, display, source, value, body, sources), problems + photo_problems


def check_against_year(post: PostFile, facts: YearFacts | None) -> list[Problem]:
    """A post names a plan of its year and observances of its year (`facts`: None when the year has no data)."""
    source, value, year = post.source, post.front, post.year
    if facts is None:
        return [source.problem(("date",), "date", plain("post.year_without_data", year=year))]
    problems = id_checks.known_ids(source, [(("plan",), value.plan)], facts.plan_ids, plain("check.thing.plan"), f"campaigns/{year}/plans/")
    if facts.observance_ids is not None:
        problems += id_checks.known_ids(source, id_checks.indexed("observances", value.observances), facts.observance_ids,
                                        plain("check.thing.observance"), f"campaigns/{year}/campaign.yaml")
    return problems


def _dates(source: SourceFile, value: PostFrontMatter, year: int) -> list[Problem]:
    problems = []
    held = value.date if isinstance(value.date, PartialDate) else None
    for field, shown, day_year in (("date", held.short() if held else "", held.year if held else year),
                                   ("end_date", vn_dates.short(value.end_date) if value.end_date else "",
                                    value.end_date.year if value.end_date else year)):
        if day_year != year:
            problems.append(source.problem((field,), field, plain("post.date_year", date=shown, year=year, folder=paths.NEWS_DIR,
                                                                  other=day_year)))
    if value.end_date is None:
        return problems
    if held is None or not held.day:
        problems.append(source.problem(("end_date",), "end_date", plain("post.end_without_start")))
    elif value.end_date < date(held.year, held.month or 1, held.day):
        problems.append(source.problem(("end_date",), "end_date", plain("post.end_before_start", end=vn_dates.short(value.end_date),
                                                                        start=held.short())))
    return problems


def _photos(source: SourceFile, value: PostFrontMatter, folder: Path, display: str) -> tuple[tuple[PhotoSource, ...], list[Problem]]:
    found, problems = [], []
    for i, photo in enumerate(value.photos):
        loc: Loc = ("photos", i, "file")
        path = folder / photo.file
        severity = "error"
        if "/" in photo.file or "\\" in photo.file or photo.file.startswith("."):
            message = plain("post.photo_elsewhere", file=photo.file, folder=display.rsplit("/", 1)[0])
        elif odd := not_a_file(path):
            message = plain("post.photo_odd", odd=odd)
        elif not path.is_file() or outside(path, folder):
            nearby = sorted(p.name for p in folder.iterdir() if p.suffix.lower() != ".md" and p.is_file())
            close = suggest(photo.file, nearby)
            hint = " " + plain("problem.did_you_mean", word=close) if close else ""
            message = plain("post.photo_missing", file=photo.file, folder=display.rsplit("/", 1)[0], hint=hint)
        else:
            finding = photo_files.inspect(path)
            if finding is None or finding.severity == "warning":
                found.append(PhotoSource(photo, path, display, source.position(loc).line))
            if finding is None:
                continue
            message, severity = finding.message, finding.severity
        problems.append(source.problem(loc, format_loc(loc), message, severity))
    return tuple(found), problems


def _unused_files(folder: Path, display_root: str, docs: Path, used: set[str]) -> list[Problem]:
    """Files beside the posts that no post names: never published (a photo is published only
    through a post), which staff are told, in case a name was mistyped."""
    return [
        Problem(f"{display_root}/{path.relative_to(docs).as_posix()}", 1, 1, "",
                plain("post.unused_file"), "warning")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not (path.parent == folder and path.suffix == ".md") and not path.name.startswith(".")
        and not (path.parent == folder and path.name in used)
    ]


def withheld(docs: Path) -> list[str]:
    """Every file in the posts' folders that is not a post, as a path under docs/: the photos as the
    camera made them, which are never published themselves."""
    return sorted(
        path.relative_to(docs).as_posix()
        for path in docs.glob(f"*/{paths.NEWS_DIR}/**/*")
        if path.is_file() and year_of(path.relative_to(docs).parts[0])
        and not is_post(path.relative_to(docs).as_posix())
    )
