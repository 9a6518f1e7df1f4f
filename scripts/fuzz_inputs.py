"""Property-based fuzzing of everything staff can write or import: mutations of every shipped data and
Markdown file (data fields and bodies with Markdown and HTML payloads), odd year folders, pages at
generated addresses, non-files where files belong, photo bombs beside a post, and every hostile
importer file shape (`hostile_files.py`), each run through the checker and the renderer in-process, or
through `scripts/campaign.py import` in a child process with a memory limit.

The property, for every input: it is either accepted and everything renders safely (every calendar
feed parses with exactly its events, every JSON file parses, and no page, staff page, Atom feed or JSON
file has a live foreign element: a script our templates did not write, an event handler, a frame or
object, or a link or source whose scheme, however encoded, is not http, https, mailto or tel), or
refused with Vietnamese messages that each name a file and a line and no Python word or exception
name. Never an uncaught exception, never more than 2 s of processor time (10 s for an import) or
300 MB (1 GB for an import) for one input. MkDocs' search index is made from the pages checked here.

Every input that once failed is kept in tests/fuzz_corpus/ (one JSON file each, see `Case`; one input
per way of failing) and runs first, here and in the test suite.

Usage: python scripts/fuzz_inputs.py [--examples 10000] [--seed 2026]
The test suite runs forty examples of the same property (tests/test_fuzz_inputs.py).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markdown
import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from hostile_files import IMPORTS, PHOTOS
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from icalendar import Calendar
from project_copy import copy_banner_cache

from campaign_site.core.generated import GeneratedFile
from campaign_site.core.problems import Problem
from campaign_site.site_build import SiteBuild, build_site

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fuzz_corpus"
TODAY = date(2026, 11, 22)
STAMP = datetime(2026, 11, 22, tzinfo=UTC)
MAX_SECONDS = 2.0
BANNER_SECONDS = 0.1
"""A style change in site.yaml redraws every banner file (about 35 ms each): that work is allowed on top."""
MAX_GROWTH_MB = 300
IMPORT_SECONDS, IMPORT_MB = 10.0, 1024

PAYLOADS = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "x\rBEGIN:VEVENT\rUID:injected\rEND:VEVENT\r",
    "x\r\nBEGIN:VEVENT\r\nUID:injected\r\nEND:VEVENT\r\n",
    "line one\nline two",
    "Lạng\x00Sơn\x1b[2J\x07",
    "zero\u200bwidth\u202eright-to-left\u2066",
    "line\u2028separator\u2029para\x85next",
    "\ud800",
    "🎉中文",
    "{{ 7*7 }}{% raw %}",
    "| a | b |\n|---|---|",
    "**đậm** [x](javascript:alert(1))",
    "</script><!--",
    " ",
    "",
    "CẦN ĐIỀN: chỗ trống",
    "x" * 5000,
    "dài " * 3000,
    "Đổi mới sáng tạo",
    "Ngày Sáng tạo",
    "9999",
    "１６/4/2026",
    "31/2/2026",
    "2026-13-01",
    "4/2026",
    "https://[x/",
    "https://example.org:99999/",
    # Markdown and HTML that must stay text in a data field and never become live in a body (issue 25).
    "Sở KH&CN ![x](data:,){onerror=alert(1)} [l](javascript:alert(2))",
    "![x](data:,){onerror=alert(1)}",
    "[l](javascript:alert(2))",
    "<img/src/onerror=alert(3)>",
    "<details/open/ontoggle=alert(4)>",
    "<input/autofocus/onfocus=alert(5)>",
    '<a href="jav&#x61;script:alert(6)">x</a>',
    "[x](javascript&colon;alert(7))",
    "[x](jav&#x61;script:alert(8))",
    "## Tiêu đề {: onclick=alert(9) }",
    "<img\nsrc=x\nonerror=alert(10)>",
    '<a\nhref="javascript:alert(11)">x</a>',
    "<svg><script>alert(12)</script></svg>",
    "[x](JaVaScRiPt:alert(13))",
    '<iframe src="https://example.org/"></iframe>',
    '<form action="javascript:alert(14)"><button>x</button></form>',
    "<x onmouseover=alert(15)>di chuột</x>",
    "[" * 2000,
]
SCALARS = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just([]),
    st.just({}),
    st.lists(st.sampled_from(PAYLOADS), max_size=3),
    st.dictionaries(st.sampled_from(["id", "text", "start", "end", "x"]), st.sampled_from(PAYLOADS), max_size=3),
)
RAW_SNIPPETS = [
    "!!bool maybe", "!!float eight", "!!binary aGVsbG8=", "!!set {a: null}", "!!python/object/apply:os.system ['true']",
    "!!str", "!!int 12", "&a", "*a", "*undefined", "&a [*a]", "1" * 5000, "\t", '"', "'", "[", "{", "]", "}", ": ", "- ",
    "---", "...", "%YAML 1.1", "# comment", "\\x00", "\x0c", "\u2028", "\ufeff", "\x85",
]
LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n" for i in range(9)
)
FRONT_MATTER_VALUES = ['"><script>alert(1)</script>', "redirect.html", "javascript:alert(1)", "[navigation, toc]", "{exclude: true}", "x: y: z"]
FRONT_MATTER_KEYS = ["title", "description", "author", "subtitle", "template", "location", "hide", "search", "icon", "status"]
YEAR_NAMES = ["0000", "9999", "1899", "3000", "٢٠٢٧", "２０２６", "20266"]
TAKEN_ADDRESSES = ["lich.md", "2026.md", "2026/README.md", "can-cu-phap-ly/index.md", "2026/ke-hoach.md", "2026.json",
                   "hoat-dong.xml", "du-lieu-mo/index.md", "lich/tat-ca.ics", "sitemap.xml", "gioi-thieu/index.md"]
DATA_FILES = ["campaigns/site.yaml", "campaigns/2026/campaign.yaml", "campaigns/2026/plans/so-khcn-moi.yaml", "docs/trang.md"]
POST = """---
title: Ngày hội đổi mới sáng tạo
date: 21/4/2026
plan: so-khcn-lang-son
unit: Sở Khoa học và Công nghệ tỉnh Lạng Sơn
place: Thành phố Lạng Sơn
observances: [ngay-sang-tao]
photos:
  - file: {photo}
    alt: {alt}
---

{body}
"""
POSTS = "docs/2026/hoat-dong"


@dataclass(frozen=True)
class Case:
    """One input, as a corpus file keeps it: what is written into a copy of the project (text over or
    beside its files, hostile files by name, folders, named pipes, copies of folders), or the importer
    file shape to import (`importer`, with `import_args`)."""

    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Path → name of a file of `hostile_files.PHOTOS`."""
    folders: tuple[str, ...] = ()
    pipes: tuple[str, ...] = ()
    copies: dict[str, str] = field(default_factory=dict)
    """New folder → the folder it is a copy of."""
    importer: str | None = None
    import_args: tuple[str, ...] = ()
    import_cut: int | None = None
    """Import only the first bytes of the file (a copy cut short)."""

    def in_place(self, project: Path) -> bool:
        """Only text over files of `project`: written in place and put back, without copying the project."""
        over = all((project / rel).is_file() for rel in self.texts)
        return over and not (self.files or self.folders or self.pipes or self.copies or self.importer)

    def describe(self) -> str:
        parts = [*self.texts, *self.files, *self.folders, *self.pipes, *self.copies, *([self.importer] if self.importer else [])]
        return ", ".join(parts)

    @classmethod
    def load(cls, data: dict[str, Any]) -> Case:
        return cls(data.get("texts", {}), data.get("files", {}), tuple(data.get("folders", ())), tuple(data.get("pipes", ())),
                   data.get("copies", {}), data.get("importer"), tuple(data.get("import_args", ())), data.get("import_cut"))


@dataclass(frozen=True)
class Failure:
    """How one input broke the property: its kind (`uncaught`, `slow`, `memory`, `message`, `silent`,
    `unsafe`, `feed`) and what was seen."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail[:300]}"


# Inputs -----------------------------------------------------------------------------------------


def data_files(root: Path) -> list[Path]:
    """The files staff edit, relative to the project: every data file and every Markdown page."""
    campaigns = sorted(p for p in (root / "campaigns").rglob("*.yaml") if "_schema" not in p.parts)
    return [p.relative_to(root) for p in [*campaigns, *sorted((root / "docs").rglob("*.md"))]]


def _locations(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in parsed YAML where a value sits."""
    found = [loc]
    if isinstance(value, dict):
        found += [sub for key, item in value.items() for sub in _locations(item, (*loc, key))]
    elif isinstance(value, list):
        found += [sub for i, item in enumerate(value) for sub in _locations(item, (*loc, i))]
    return found


def _set(value: Any, loc: tuple[Any, ...], new: Any) -> Any:
    if not loc:
        return new
    value[loc[0]] = _set(value[loc[0]], loc[1:], new)
    return value


def _delete(value: Any, loc: tuple[Any, ...]) -> None:
    parent = value
    for part in loc[:-1]:
        parent = parent[part]
    del parent[loc[-1]]


@st.composite
def mutations(draw: st.DrawFn, text: str, markdown: bool) -> str:
    """One mutated version of a file's text."""
    lines = text.split("\n")
    kind = draw(st.sampled_from(["value", "value", "delete", "raw", "truncate", "lines", "laughs", "front"] if markdown is False
                                else ["raw", "truncate", "lines", "front", "body", "body"]))
    if kind in ("value", "delete"):
        data = yaml.safe_load(text)
        places = [loc for loc in _locations(data) if loc]
        loc = draw(st.sampled_from(places))
        if kind == "delete":
            _delete(data, loc)
        else:
            data = _set(data, loc, draw(SCALARS))
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if kind == "raw":
        number = draw(st.integers(0, len(lines) - 1))
        line = lines[number]
        at = draw(st.integers(0, len(line)))
        lines[number] = line[:at] + draw(st.sampled_from(RAW_SNIPPETS) | st.text(max_size=5)) + " " + line[at:]
        return "\n".join(lines)
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "lines":
        number = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["duplicate", "remove", "indent", "dedent"]))
        if action == "duplicate":
            lines.insert(number, lines[number])
        elif action == "remove":
            del lines[number]
        elif action == "indent":
            lines[number] = "  " + lines[number]
        else:
            lines[number] = lines[number].lstrip()
        return "\n".join(lines)
    if kind == "laughs":
        return LAUGHS + text
    if kind == "front":
        key = draw(st.sampled_from(FRONT_MATTER_KEYS))
        value = draw(st.sampled_from(FRONT_MATTER_VALUES) | st.sampled_from(PAYLOADS))
        closing = draw(st.sampled_from(["---\n", "...\n", ""]))
        return f"---\n{key}: {value}\n{closing}{text}"
    # A Markdown body: a payload on a new line, or inside a line (a tag split across lines stays split).
    number = draw(st.integers(0, len(lines)))
    lines.insert(number, draw(st.sampled_from(PAYLOADS)))
    return "\n".join(lines)


def _yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


@st.composite
def tree_cases(draw: st.DrawFn) -> Case:
    """An input that changes the project's folders: an odd year folder, a page at a taken address, a
    non-file where a file belongs, or a post with a payload in its alt text or body and a hostile photo."""
    kind = draw(st.sampled_from(["year", "docs-year", "address", "folder", "pipe", "post"]))
    if kind == "year":
        return Case(copies={f"campaigns/{draw(st.sampled_from(YEAR_NAMES))}": "campaigns/2026"})
    if kind == "docs-year":
        name = draw(st.sampled_from(YEAR_NAMES))
        return Case(texts={f"docs/{name}/hoat-dong/ngay-hoi.md": POST.format(photo="anh.jpg", alt="Ảnh", body="Bài.")},
                    files={f"docs/{name}/hoat-dong/anh.jpg": "png-small"})
    if kind == "address":
        return Case(texts={f"docs/{draw(st.sampled_from(TAKEN_ADDRESSES))}": "# Trang của biên tập viên\n"})
    if kind == "folder":
        return Case(folders=(draw(st.sampled_from([*DATA_FILES, f"{POSTS}/bai.md"])),))
    if kind == "pipe":
        return Case(pipes=(draw(st.sampled_from([*DATA_FILES, "docs/assets/anh.png"])),))
    photo = draw(st.sampled_from(["png-small", *PHOTOS]))
    alt, body = draw(st.sampled_from(PAYLOADS + ["Học sinh xem sản phẩm"])), draw(st.sampled_from(PAYLOADS))
    return Case(texts={f"{POSTS}/ngay-hoi.md": POST.format(photo="anh.jpg", alt=_yaml_text(alt), body=body)},
                files={f"{POSTS}/anh.jpg": photo})


# Running one input ------------------------------------------------------------------------------


@cache
def hostile_file(name: str) -> bytes:
    """The bytes of a named photo (`png-small`: a good one)."""
    if name == "png-small":
        from hostile_files import png
        return png(64, 48, 8, 2)
    return PHOTOS[name]()


def _write(project: Path, case: Case) -> None:
    for rel, text in case.texts.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
    for rel, name in case.files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_bytes(hostile_file(name))
    for rel in case.folders:
        if (project / rel).is_file():
            (project / rel).unlink()
        (project / rel).mkdir(parents=True, exist_ok=True)
    for rel in case.pipes:
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        if (project / rel).exists():
            (project / rel).unlink()
        os.mkfifo(project / rel)
    for rel, source in case.copies.items():
        shutil.copytree(project / source, project / rel)


@contextmanager
def applied(project: Path, case: Case) -> Iterator[Path]:
    """The project with the case written into it: in place and put back for text over shipped files,
    else in a copy that shares the banner cache."""
    if case.in_place(project):
        originals = {rel: (project / rel).read_bytes() for rel in case.texts}
        try:
            _write(project, case)
            yield project
        finally:
            for rel, data in originals.items():
                (project / rel).write_bytes(data)
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for name in ("campaigns", "docs"):
            shutil.copytree(project / name, copy / name)
        (copy / ".cache").mkdir()
        (copy / ".cache" / "banners").symlink_to(project / ".cache" / "banners")  # photos are made anew: a bomb always goes off
        _write(copy, case)
        yield copy


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Outcome:
    """What one input did."""

    accepted: bool
    failures: list[Failure] = field(default_factory=list)


class Runner:
    """Runs inputs against one project folder, comparing each build with the build of the shipped files."""

    def __init__(self, project: Path) -> None:
        self.project = project
        warm = build_site(project, TODAY, STAMP, {})  # draws every banner once, as a warm build cache would
        assert warm.ok, warm.report()
        self.baseline = {f.path: f.content for f in warm.files}
        self.memory = peak_mb()

    def run(self, case: Case) -> Outcome:
        if case.importer:
            return run_import(case)
        with applied(self.project, case) as project:
            started = time.process_time()  # CPU time: a loop or a bomb burns it; a busy machine does not add to it
            try:
                build = build_site(project, TODAY, STAMP, {})
            except Exception as exc:  # the property: this never happens
                return Outcome(False, [Failure("uncaught", f"{type(exc).__name__}: {exc}")])
            seconds = time.process_time() - started
            failures = self._bounds(seconds, build.banners_drawn)
            errors = [p for p in build.problems if p.severity == "error"]
            failures += [Failure(kind, f"{p}") for p in build.problems if (kind := message_failure(p))]
            if not build.ok and not errors:
                failures.append(Failure("silent", "refused without an error"))
            if build.ok:
                failures += self._rendered(project, build, case)
            return Outcome(build.ok, failures)

    def _bounds(self, seconds: float, drawn: int) -> list[Failure]:
        failures = []
        if seconds > MAX_SECONDS + BANNER_SECONDS * drawn:
            failures.append(Failure("slow", f"{seconds:.1f} s of processor time"))
        if peak_mb() - self.memory > MAX_GROWTH_MB:
            failures.append(Failure("memory", f"peak memory {peak_mb():.0f} MB"))
            self.memory = peak_mb()  # one failure per input that grew it
        return failures

    def _rendered(self, project: Path, build: SiteBuild, case: Case) -> list[Failure]:
        """Every generated file that differs from the shipped build, and every staff page the case wrote."""
        changed = [f for f in build.files if self.baseline.get(f.path) != f.content]
        failures = [failure for generated in changed for failure in check_generated(generated)]
        for rel in case.texts:
            page = rel.removeprefix("docs/")
            if rel.startswith("docs/") and rel.endswith(".md") and page not in build.replaced:
                failures += [Failure(f.kind, f"{rel}: {f.detail}") for f in check_html(render_markdown((project / rel).read_text()))]
        return failures


# The property -----------------------------------------------------------------------------------

_PYTHON_WORDS = re.compile(r"\b(None|True|False|Traceback|\w*Error|\w*Exception|\w*Warning|BadZipFile|object at 0x|<class)\b")
_QUOTED = re.compile(r"`[^`]*`|«[^»]*»|“[^”]*”")
_VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.IGNORECASE)


def message_failure(problem: Problem) -> str | None:
    """The kind of failure a problem shows, or None: it names a file and a line, in Vietnamese, without a programmer's word."""
    own_words = _QUOTED.sub("", problem.message)
    if "không mong đợi" in problem.message:
        return "uncaught"  # an uncaught exception, reported as a problem
    if not problem.file.startswith(("campaigns", "docs")) or problem.line < 1 or problem.column < 1:
        return "message"
    if not _VIETNAMESE.search(own_words) or _PYTHON_WORDS.search(own_words):
        return "message"
    return None


_FOREIGN_SCRIPT = re.compile(r"<script(?![^>]*type=\"application/(?:ld\+)?json\")", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)
_LIVE_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset", "ping", "cite"}
_SAFE_SCHEMES = {"http", "https", "mailto", "tel", "webcal"}
"""webcal: our own calendar subscription links (the same feeds, opened in a calendar app)."""
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_MARKDOWN = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"])
"""The Markdown extensions of mkdocs.yml, which turn every page into HTML."""


def unsafe_url(value: str, image: bool = False) -> bool:
    """Whether a browser would follow `value` to a scheme other than http(s), mailto and tel (`data:image/` in an image)."""
    text = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value)).lower()  # browsers drop these before the scheme
    scheme = _SCHEME.match(text)
    if scheme is None:
        return False
    return scheme[1] not in _SAFE_SCHEMES and not (image and text.startswith("data:image/"))


def render_markdown(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") and "\n---\n" in text else text
    _MARKDOWN.reset()
    return _MARKDOWN.convert(body)


def check_html(markup: str) -> list[Failure]:
    """Live foreign elements in HTML: scripts that are not data, event handlers, frames and objects, unsafe URLs."""
    failures = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # an SVG banner is XML; the HTML parser reads it the way a browser would
        tags = BeautifulSoup(markup, "html.parser").find_all(True)
    for tag in tags:
        if tag.name == "script" and tag.get("type") not in ("application/json", "application/ld+json"):
            failures.append(Failure("unsafe", f"<script> {str(tag)[:120]}"))
        if tag.name in _LIVE_TAGS or tag.name == "svg" and tag.find("script"):
            failures.append(Failure("unsafe", f"<{tag.name}> {str(tag)[:120]}"))
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                failures.append(Failure("unsafe", f"event handler {str(tag)[:120]}"))
            elif name.lower() in _URL_ATTRIBUTES and any(unsafe_url(v, tag.name == "img" and name == "src") for v in values):
                failures.append(Failure("unsafe", f"URL {str(tag)[:120]}"))
    return failures


_URL_KEYS = re.compile(r"url|href|link|calendar|website|feed|image|photo|src", re.IGNORECASE)


def _json_failures(value: Any, key: str = "") -> list[Failure]:
    if isinstance(value, dict):
        return [f for k, v in value.items() for f in _json_failures(v, str(k))]
    if isinstance(value, list):
        return [f for v in value for f in _json_failures(v, key)]
    if not isinstance(value, str):
        return []
    # Text is text in JSON (nothing puts it into a page as HTML); what is followed as a link must be safe.
    if _URL_KEYS.search(key) and unsafe_url(value):
        return [Failure("unsafe", f"{key}: {value[:120]}")]
    return []


def _atom_failures(content: bytes | str) -> list[Failure]:
    failures = []
    for element in ElementTree.fromstring(content).iter():
        if unsafe_url(element.get("href", "")):
            failures.append(Failure("unsafe", f"Atom link {element.get('href', '')[:120]}"))
        if element.get("type") == "html" and element.text:
            failures += check_html(element.text)
    return failures


def check_generated(generated: GeneratedFile) -> list[Failure]:
    """A generated file's failures: feeds parse with exactly their events, JSON parses, nothing live and foreign."""
    content, path = generated.content, generated.path
    failures: list[Failure] = []
    try:
        if path.endswith(".ics"):
            assert isinstance(content, bytes)
            if b"\r\r" in content or re.search(rb"\r(?!\n)", content):
                failures.append(Failure("feed", f"{path}: a lone carriage return"))
            uids = [str(event["UID"]) for event in Calendar.from_ical(content).walk("VEVENT")]
            # Only a whole line starts an event: the same words escaped inside a text value are text.
            if len(uids) != len(set(uids)) or any("injected" in uid for uid in uids) or \
                    content.split(b"\r\n").count(b"BEGIN:VEVENT") != len(uids):
                failures.append(Failure("feed", f"{path}: injected or repeated events"))
        elif path.endswith(".json"):
            failures += _json_failures(json.loads(content))
        elif path.endswith(".xml"):
            failures += _atom_failures(content)
        elif path.endswith(".svg"):
            failures += check_html(content if isinstance(content, str) else content.decode())
        elif path.endswith(".md"):
            assert isinstance(content, str)
            # The page's body; front-matter values are text, escaped where the page prints them.
            body = content.split("\n---\n", 1)[1] if content.startswith("---\n") else content
            if _FOREIGN_SCRIPT.search(body) or _HANDLER.search(body):
                failures.append(Failure("unsafe", f"{path}: a script or event handler in the Markdown"))
            failures += check_html(render_markdown(content))
    except (ValueError, ElementTree.ParseError) as exc:
        failures.append(Failure("feed", f"{path}: does not parse ({type(exc).__name__}: {exc})"))
    return [Failure(f.kind, f"{path}: {f.detail}") if not f.detail.startswith(path) else f for f in failures]


# The importer, in a child process ---------------------------------------------------------------


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * IMPORT_MB * 1024 * 1024,) * 2)  # address space: twice the budget
    resource.setrlimit(resource.RLIMIT_CPU, (int(IMPORT_SECONDS) * 3,) * 2)


def run_import(case: Case) -> Outcome:
    """`scripts/campaign.py import` on one hostile file, in a scratch copy of the data, bounded."""
    assert case.importer is not None
    suffix, make = IMPORTS[case.importer]
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder)
        shutil.copytree(REPO / "campaigns", repo / "campaigns")
        document = repo / f"van-ban{suffix}"
        document.write_bytes(make()[: case.import_cut])
        env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
        command = [sys.executable, str(REPO / "scripts/campaign.py"), "--repo", folder, "import", str(document), *case.import_args]
        with open(repo / "out", "w+") as out, open(repo / "err", "w+") as err:
            child = subprocess.Popen(command, stdout=out, stderr=err, env=env, preexec_fn=_limits)
            timer = threading.Timer(IMPORT_SECONDS * 6, child.kill)
            timer.start()
            _, status, usage = os.wait4(child.pid, 0)
            timer.cancel()
            child.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
    failures = []
    seconds, megabytes = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    if child.returncode < 0:
        failures.append(Failure("slow", f"killed by {signal.Signals(-child.returncode).name} after {seconds:.0f} s"))
    elif seconds > IMPORT_SECONDS:
        failures.append(Failure("slow", f"{seconds:.1f} s of processor time"))
    if megabytes > IMPORT_MB:
        failures.append(Failure("memory", f"{megabytes:.0f} MB"))
    # 0: imported, 1: the file refused, 2: the arguments refused (argparse's convention); all in words
    if "Traceback" in stderr or child.returncode not in (0, 1, 2) and child.returncode >= 0:
        failures.append(Failure("uncaught", stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {child.returncode}"))
    else:
        for line in filter(None, (stdout + stderr).splitlines()):
            if _PYTHON_WORDS.search(_QUOTED.sub("", line)) or line in stderr and not _VIETNAMESE.search(line):
                failures.append(Failure("message", line))
    return Outcome(child.returncode == 0, failures)


# The corpus -------------------------------------------------------------------------------------

def corpus() -> dict[str, dict[str, Any]]:
    """Every input that once failed, by name: `case`, `found` (seed and date), and `failure`."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.json"))}


def signature(case: Case, failure: str) -> str:
    """How an input failed, without numbers, quoted names and tags, and with what hostile file: the corpus keeps one of each."""
    shape = case.importer or ",".join(sorted(case.files.values()))
    return shape + ": " + re.sub(r"\d+|`[^`]*`|'[^']*'|<[^>]*>|/tmp/\S*", "", failure)[:100]


def keep(case: Case, failures: list[Failure], found: str) -> Path | None:
    """Add a failing input to the corpus, unless it holds one that failed the same way (then None)."""
    import hashlib

    known = {signature(Case.load(entry["case"]), entry["failure"][0]) for entry in corpus().values() if "failure" in entry}
    if signature(case, str(failures[0])) in known:
        return None
    text = json.dumps(asdict(case), ensure_ascii=False, sort_keys=True)
    path = CORPUS / f"{failures[0].kind}-{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"
    if not path.exists():
        CORPUS.mkdir(exist_ok=True)
        entry = {"case": json.loads(text), "found": found, "failure": [str(f) for f in failures[:3]]}
        path.write_text(json.dumps(entry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def copy_inputs(dest: Path) -> Path:
    """The data and Markdown of the project (the only inputs), in a folder of their own, with the
    banners a build of the project drew (`.cache/banners`, if any): the first build reuses them."""
    for folder in ("campaigns", "docs"):
        shutil.copytree(REPO / folder, dest / folder)
    return copy_banner_cache(dest, REPO)


def fuzz(project: Path, examples: int, seed_value: int, keep_going: bool = False,
         found: Callable[[Case, list[Failure]], object] = lambda case, failures: None,
         ) -> tuple[Counter[str], list[tuple[Case, list[Failure]]]]:
    """Run `examples` inputs. Without `keep_going`, raise AssertionError (with the input Hypothesis
    shrank it to) on the first failure; with it, collect every failing input (and tell `found`) and go on."""
    files = data_files(project)
    texts = {f: (project / f).read_text(encoding="utf-8") for f in files}
    runner = Runner(project)
    tally: Counter[str] = Counter()
    failed: list[tuple[Case, list[Failure]]] = []
    imports = sorted(IMPORTS)

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        shape = data.draw(st.sampled_from(["text"] * 16 + ["tree"] * 3 + ["import"]), label="shape")
        if shape == "text":
            relative = data.draw(st.sampled_from(files), label="file")
            case = Case(texts={relative.as_posix(): data.draw(mutations(texts[relative], relative.suffix == ".md"), label="text")})
        elif shape == "tree":
            case = data.draw(tree_cases(), label="case")
        else:
            case = Case(importer=data.draw(st.sampled_from(imports), label="importer"),
                        import_args=data.draw(st.sampled_from([(), ("--id", "a" * 300)]), label="args"),
                        import_cut=data.draw(st.none() | st.integers(0, 4000), label="cut"))
        outcome = runner.run(case)
        if outcome.failures and keep_going:
            failed.append((case, outcome.failures))
            found(case, outcome.failures)
            tally["failed"] += 1
            return
        assert not outcome.failures, f"{case.describe()}: {'; '.join(map(str, outcome.failures))}"
        tally[("imported" if outcome.accepted else "refused by the importer") if case.importer else
              "accepted and rendered" if outcome.accepted else "refused with messages"] += 1

    one()
    return tally, failed


def replay(project: Path) -> dict[str, list[Failure]]:
    """Every corpus input, run again: the failures of each (none once it is fixed)."""
    runner = Runner(project)
    return {name: runner.run(Case.load(entry["case"])).failures for name, entry in corpus().items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Thử dữ liệu hỏng ngẫu nhiên qua bước kiểm tra, tạo trang và nhập văn bản.")
    parser.add_argument("--examples", type=int, default=10_000, help="số đầu vào thử (mặc định 10000)")
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30), help="hạt giống ngẫu nhiên (để chạy lại)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        project = copy_inputs(Path(folder))
        still = {name: failures for name, failures in replay(project).items() if failures}
        print(f"kho đầu vào từng lỗi (tests/fuzz_corpus): {len(corpus())}, còn lỗi: {len(still)}")
        for name in sorted(still):
            print(f"  {name}: {still[name][0]}")
        tally, failed = fuzz(project, args.examples, args.seed, keep_going=True, found=lambda case, failures: print(
            f"  {getattr(keep(case, failures, f'seed {args.seed}, {date.today()}'), 'name', 'đã có loại lỗi này')}: {failures[0]}",
            flush=True))
    seconds = time.perf_counter() - started
    print(f"seed {args.seed}: {sum(tally.values())} inputs in {seconds:.0f} s ({seconds / max(1, sum(tally.values())) * 1000:.0f} ms each), "
          f"peak memory {peak_mb():.0f} MB")
    for outcome, count in tally.most_common():
        print(f"  {outcome}: {count}")
    kinds = Counter(f.kind for _, failures in failed for f in failures[:1])
    print("by kind: " + (", ".join(f"{kind} {count}" for kind, count in kinds.most_common()) or "none"))
    return 1 if failed or still else 0


if __name__ == "__main__":
    sys.exit(main())
