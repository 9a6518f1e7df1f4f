"""Shared fixtures: the repository, real MkDocs builds in temporary directories, page text."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from local_server import free_port, serve
from nginx_host import Nginx, deploy, nginx
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from project_copy import copy_project
from xdist.remote import Producer
from xdist.scheduler import LoadGroupScheduling

from campaign_site.site_build import build_site

pytest_plugins = ["deploy_fixtures"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
TODAY = "2026-11-22"
BUILDER = os.environ.get("SITE_BUILDER", "mkdocs")
"""The generator that builds sites in tests: `mkdocs`, or `properdocs` (the maintained MkDocs 1.x fork)."""

settings.register_profile("suite", deadline=None)
settings.load_profile("suite")
"""Hypothesis with its usual number of examples but no time limit per example: on two cores shared by
four workers (and, on a development machine, by other people), a first example that waits for the
processor took 260 ms against the 200 ms default and failed a property that holds. Processor time is
bounded where it is the point (`tests/child_usage.py`)."""


def pytest_sessionstart(session: pytest.Session) -> None:
    """Fill the repository's banner and photo caches (`.cache/`, as every build does) once, before the
    workers start: tests copy the project with its cache, and a copy made before a build had filled it
    drew all 99 banners again (about 4 s of processor time each). What the data's problems are is the
    tests' to report, not this."""
    if not hasattr(session.config, "workerinput"):
        today = date.fromisoformat(TODAY)
        build_site(REPO, today, datetime.combine(today, datetime.min.time(), UTC), {})


LONGEST_FIRST = (
    "test_performance_budget.py", "test_scale.py", "test_deploy_faults.py", "test_fuzz_inputs.py", "test_quality_gates.py",
    "test_csp_in_browser.py", "test_web_editor_in_browser.py", "test_hosting.py", "test_news_posts.py", "test_staff_workflow.py", "test_accessibility.py",
    "test_banners.py", "test_search_generators.py", "test_pages_in_browser.py", "test_search.py", "test_page_structure.py",
    "test_bad_inputs.py", "test_import_bounds.py", "test_calendar.py", "test_hardening.py", "test_precompress.py", "test_build_failure.py",
    "test_generate.py", "test_page_facts.py", "test_site_content.py", "test_legal_basis.py", "test_validation.py",
)
"""Files whose tests take longest, roughly longest first. xdist (`--dist loadgroup --no-loadscope-reorder`
in pyproject.toml) hands tests out in collection order, one by one (the files of ONE_WORKER whole),
so long tests start first and the many short ones fill in at the end, instead of one worker finishing
a long file alone. Other files follow in their usual order. Only the order of files changes: each
file's tests keep their order."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: same order within a file


ONE_WORKER = {"test_hosting.py", "test_web_editor_in_browser.py", "test_csp_in_browser.py", "test_search_generators.py", "test_news_posts.py",
              "test_page_registry.py", "test_real_documents.py", "test_golden_pages.py", "test_one_record.py",
              "test_all_year.py", "test_deadlines.py", "test_modality.py", "test_unknowns.py", "test_collect_render.py",
              "test_page_views.py"}
"""Files whose tests all go to one worker: each worker that runs one of their tests starts their
module's fixtures (nginx with a deployed site and an ssh server, generated projects built twice,
in-process builds and renders, which no other worker can reuse), which cost more than their short tests.
A module's fixture that is a folder is shared by all workers instead (`shared_build`)."""


class _Scheduler(LoadGroupScheduling):
    """xdist's `loadgroup`, with the files of ONE_WORKER as groups. (Under pytest 9.2 xdist's own
    `xdist_group` marks are silently ignored: pytest-dev/pytest-xdist#1386.)"""

    def _split_scope(self, nodeid: str) -> str:
        scope = super()._split_scope(nodeid)
        file = nodeid.split("::", 1)[0]
        return file if scope == nodeid and file.rsplit("/", 1)[-1] in ONE_WORKER else scope


def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> LoadGroupScheduling | None:
    return _Scheduler(config, log) if config.getvalue("dist") == "loadgroup" else None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for `-n auto`. For the whole suite, twice the processors (at most 8): much of it waits
    (pages loading in Chromium, deploys and servers starting, sleeps between kills), so one worker per
    processor leaves processors idle. For the files named on the command line, one per processor, as
    xdist does: every worker first imports and collects, which a short run does not win back.
    PYTEST_XDIST_AUTO_NUM_WORKERS still sets the number."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    processors = len(os.sched_getaffinity(0))
    whole_suite = config.args_source is not pytest.Config.ArgsSource.ARGS
    return max(2, min(8, 2 * processors)) if whole_suite else processors


def run_build(
    config: Path, site_dir: Path, today: str = TODAY, env: dict[str, str] | None = None, builder: str = BUILDER
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or `builder`'s) as staff and CI run it, with the build date fixed (and `env` added)."""
    env = os.environ | {"CAMPAIGN_SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", builder, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=300,
    )


def fetch_text(url: str) -> str:
    """The page at `url`, or "" while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for_text(url: str, text: str, seconds: float = 30) -> str:
    """The page at `url` once it contains `text`; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch_text(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


@contextmanager
def mkdocs_serve(project: Path) -> Iterator[str]:
    """`mkdocs serve` of a project copy, as staff preview it; fails if it printed a traceback."""
    port = free_port()
    env = {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        stderr = server.communicate(timeout=30)[1]
    assert "Traceback" not in stderr


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file, failing loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line where `needle` first occurs."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def page_text(site: Path, url_path: str) -> str:
    """The article text of a built page, whitespace collapsed; an explained abbreviation (`<abbr>`) is read
    as the word it wraps, joined to the text around it as written."""
    html = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert article is not None, f"no article in {url_path}"
    for abbr in article.select("abbr.explained"):
        abbr.unwrap()
    article.smooth()
    return re.sub(r"\s+", " ", article.get_text(" ")).strip()


def page_paths(site: Path) -> list[str]:
    """URL paths of every page of a built site (`""` for home, `2026/` style without the slash), 404 excluded, and
    the web editor's `/admin/` too: the CMS's page, not the site's (`test_web_editor*.py`)."""
    pages = (p.parent.relative_to(site) for p in site.rglob("index.html"))
    return sorted(page.as_posix().removeprefix(".") for page in pages if page.parts[:1] != ("admin",))


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site with its SHA-256, to prove a failed build changed nothing."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test session that every xdist worker sees (the session's own under -n 0)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"


@contextmanager
def _lock(path: Path, wait: bool = True) -> Iterator[bool]:
    """An exclusive lock on `path` between the workers; yields False if `wait` is off and it is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True  # closing the file releases the lock


def _make_once(folder: Path, make: Callable[[Path], None]) -> None:
    """Run `make(folder)` unless a worker already finished it; call with the folder's lock held."""
    done = folder / ".done"
    if done.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
    folder.mkdir(parents=True)
    make(folder)
    done.touch()


def shared_builds(tmp_path_factory: pytest.TempPathFactory, makers: dict[str, Callable[[Path], None]]) -> dict[str, Path]:
    """Folders made once per test session for all workers: `makers[name](folder)` fills each.

    Each is made by the first worker that needs it, while the others wait for it rather than make
    their own; a worker first makes those no other worker is making, so two workers that need the
    same two folders make one each. A maker that fails leaves no finished folder: the next worker
    that needs it tries again (and reports the same failure). Only for folders the tests never change.
    """
    root = shared_folder(tmp_path_factory)
    folders = {name: root / name for name in makers}
    for wait in (False, True):
        for name, make in makers.items():
            with _lock(root / f"{name}.lock", wait=wait) as held:
                if held:
                    _make_once(folders[name], make)
    return folders


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """One folder of `shared_builds`."""
    return shared_builds(tmp_path_factory, {name: make})[name]


def _build_shipped_site(folder: Path) -> None:
    result = run_build(REPO / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site, built once for the whole session (by one worker, for all of them). Read only:
    a test that changes files works on its own copy."""
    return shared_build(tmp_path_factory, f"shipped-{BUILDER}", _build_shipped_site) / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project for tests that change data."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The shipped site over real HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


BEFORE = "2026-04-10"
"""A build day before the 2026 days and windows (TODAY is after them all): what pages offer while they are ahead."""


def _build_shipped_site_before(folder: Path) -> None:
    result = run_build(REPO / "mkdocs.yml", folder / "site", today=BEFORE)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def built_site_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site built on `BEFORE`, once for the session. Read only."""
    return shared_build(tmp_path_factory, f"shipped-before-{BUILDER}", _build_shipped_site_before) / "site"


@pytest.fixture(scope="session")
def served_site_before(built_site_before: Path) -> Iterator[str]:
    """`built_site_before` over real HTTP on 127.0.0.1."""
    with serve(built_site_before) as url:
        yield url


@pytest.fixture(scope="session")
def hosted_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """The shipped site published with the deploy command to a real nginx running our configuration."""
    site = Path(shutil.copytree(built_site, tmp_path_factory.mktemp("hosted") / "site"))
    target = tmp_path_factory.mktemp("srv")
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site))
    with nginx(tmp_path_factory.mktemp("nginx"), target) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, never reaching the network."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield chromium
        chromium.close()


def keep_on_this_machine(context: BrowserContext, outside: list[str]) -> None:
    """Let the context's pages reach 127.0.0.1 (and data:, blob:) only; any other address is refused and listed."""

    def guard(route: Route) -> None:
        if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    outside: list[str] = []
    keep_on_this_machine(context, outside)
    tab = context.new_page()
    yield tab
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
