"""The page registry is the one list of page types: rendering, navigation, the pages kept out of the
navigation and the links a page gets from other types all follow it; its entries are type-checked. Mostly
rendered in-process from the shipped data; the observance-day pages are also read in a real MkDocs build."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TODAY
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from mypy import api as mypy_api
from project_copy import copy_project

from campaign_site import site_build
from campaign_site.core.catalogue import say
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import paths
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import human_size, link_lead
from campaign_site.pages import nav
from campaign_site.pages.registry import DAY, PAGE_TYPES, links_to, not_in_nav, pages
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.pages.views.base import View, plan_links
from campaign_site.pages.views.day import ObservanceDay, day_page, day_view, observance_days
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

TEMPLATES = REPO / "scripts" / "campaign_site" / "pages" / "templates"


@pytest.fixture(scope="module")
def renderer() -> SiteRenderer:
    data = load_site(REPO / "campaigns")
    return SiteRenderer(collect(data, date(2026, 11, 22), {}, datetime(2026, 11, 22, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))


@pytest.fixture(scope="module")
def shipped(renderer: SiteRenderer) -> tuple[SiteData, dict[str, GeneratedFile]]:
    return renderer.collected.data, {f.path: f for f in renderer.render()}


def flat(entries: list[Any]) -> list[str]:
    """Every page path in a MkDocs nav, in order."""
    found: list[str] = []
    for entry in entries:
        inside = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += [inside] if isinstance(inside, str) else flat(inside)
    return found


def test_every_page_of_every_type_is_rendered_once_from_its_template(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    names = [t.name for t in PAGE_TYPES]
    assert len(names) == len(set(names))
    pages = [t.path(s) for t in PAGE_TYPES for s in t.subjects(data)]
    assert len(pages) == len(set(pages))
    assert set(pages) == {p for p in files if p.endswith(".md")}
    assert {t.template for t in PAGE_TYPES} == {p.name for p in TEMPLATES.glob("[!_]*.j2")}, "a template no type uses"


def test_navigation_and_pages_kept_out_of_it_follow_the_registry(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    staff = ["gioi-thieu.md", "2026/hoat-dong.md"]
    entries = nav.build(data, [*(p for p in files if p.endswith(".md")), *staff])
    listed = flat(entries)
    hidden = set(not_in_nav(data))
    assert hidden and not hidden & set(listed)
    assert set(listed) == {t.path(s) for t, s in pages(data)} - hidden | set(staff)
    sections = [e for e in entries if isinstance(e, dict) and isinstance(next(iter(e.values())), list)]
    assert [next(iter(s)) for s in sections] == [f"Năm {y}" for y in data.years()]
    newest = data.campaigns[data.years()[0]]
    # Each type with a year entry, in the registry's order; a type may have no page in a year (the news
    # page: only a year with posts has one).
    own = [t.path(s) for t, s in pages(data) if t.nav and t.nav.year and t.nav.year(s) == newest.year]
    assert sections[0][f"Năm {newest.year}"] == own + (["2026/hoat-dong.md"] if newest.year == 2026 else [])
    assert listed[0] == paths.HOME and listed[-1] == "gioi-thieu.md"
    top = [e for e in entries if e not in sections]
    assert flat(top[:len(top) - 1]) == [t.path(s) for t, s in pages(data) if t.nav and t.nav.year is None]
    # The home is named in the navigation by fixed words, not by the site's name again.
    assert entries[0] == {"Trang chủ": paths.HOME}


def test_search_front_matter_comes_from_the_registry(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    for page_type in PAGE_TYPES:
        for subject in page_type.subjects(data):
            head = str(files[page_type.path(subject)].content).split("\n---\n", 1)[0]
            assert head.startswith("---\ntitle: ")
            assert ("  exclude: true" in head) == (page_type.name in {"plan", "province"} and "search:" in head)
            assert ("hide:\n  - toc" in head) == page_type.hide_toc


def test_open_data_page_links_every_year_file_with_its_true_size(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    data, files = shipped
    page = str(files["du-lieu-mo.md"].content)
    links = dict((target, text) for text, target in re.findall(r"\[([^\]]+)\]\(([^)]+)\)", page))
    for year in data.years():
        content = files[paths.year_data(year)].content
        assert links[paths.year_data(year)] == f"Tải về, {human_size(len(content if isinstance(content, bytes) else content.encode()))}"
        feed = files[paths.year_feed(year)].content
        assert links[paths.year_feed(year)] == f"Cho người dân, {human_size(len(feed))}"
    assert all(target in files or target.endswith(".md") for target in links)


def test_templates_only_lay_out() -> None:
    """No filtering, counting or numbering in a template: views do that (`views/`)."""
    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"selectattr|rejectattr|\|\s*length|loop\.index", text), template.name


def test_adding_a_page_type_needs_no_other_list(tmp_path: Path) -> None:
    """The navigation has no list of its own: a page type declared with a place appears there."""
    source = (REPO / "scripts" / "campaign_site" / "pages" / "nav.py").read_text(encoding="utf-8")
    assert "paths." not in source, "nav.py names pages itself instead of reading the registry"
    assert "not_in_nav" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_each_page_types_parts_agree(renderer: SiteRenderer, shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    """Each page's path, source, view, nav entry and links fit its subject, and what links it exists."""
    data, files = shipped
    for page_type in PAGE_TYPES:
        assert (TEMPLATES / page_type.template).is_file(), page_type.name
        for subject in page_type.subjects(data):
            path = page_type.path(subject)
            assert path.endswith(".md") and not path.startswith("/") and path in files, (page_type.name, path)
            assert (REPO / page_type.source(subject)).exists(), (page_type.name, page_type.source(subject))
            assert files[path].source == page_type.source(subject)
            view = page_type.view(renderer.collected, subject)
            assert isinstance(view, View) and view.title, page_type.name
            if page_type.nav and page_type.nav.year:
                assert page_type.nav.year(subject) in data.campaigns
            for link in page_type.linked_from:
                assert link.page in PAGE_TYPES and link.subject(subject) in list(link.page.subjects(data))
                assert f"]({os.path.relpath(path, os.path.dirname(link.page.path(link.subject(subject))))})" in str(
                    files[link.page.path(link.subject(subject))].content), (page_type.name, path)


def test_mypy_refuses_an_entry_whose_parts_disagree(tmp_path: Path) -> None:
    """`PageType` is generic in its subject: a plan page placed in a year's section (whose entry reads a
    year) is a type error, the same entry out of the navigation is not."""
    entries = tmp_path / "entries.py"
    entries.write_text(
        "from campaign_site.data import paths\n"
        "from campaign_site.data.model import Plan\n"
        "from campaign_site.data.site_data import SiteData\n"
        "from campaign_site.pages.registry import IN_YEAR, PageType\n"
        "from campaign_site.pages.views.plan import plan_view\n\n\n"
        "def plans(data: SiteData) -> list[Plan]:\n"
        "    return [p for c in data.campaigns.values() for p in c.plans]\n\n\n"
        'GOOD = PageType("good", "plan.md.j2", plans, paths.plan_page, plan_view, lambda p: p.source, None)\n'
        'BAD = PageType("bad", "plan.md.j2", plans, paths.plan_page, plan_view, lambda p: p.source, IN_YEAR)\n',
        encoding="utf-8",
    )
    os.environ.setdefault("MYPYPATH", str(REPO / "scripts"))
    out, _, status = mypy_api.run([str(entries), "--follow-imports=silent", "--config-file", str(REPO / "pyproject.toml"),
                                   "--cache-dir", str(REPO / ".mypy_cache")])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1 and errors, out
    assert all(re.match(r".*entries\.py:13: error", line) for line in errors), out  # the BAD line only
    assert any('expected "Callable[[SiteData], Iterable[Campaign]]"' in line for line in errors), out


def _links(html_file: Path, base: str) -> set[str]:
    """Every link of a built page's article, as site paths."""
    article = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").find("article")
    assert article is not None
    return {urljoin(base, str(a["href"])).split("#")[0] for a in article.find_all("a", href=True)}


def test_day_pages_state_what_the_data_says(built_site: Path) -> None:
    """Each observance day of each year: its date, name, owner, phrases, the plans naming it and the feed
    holding its event, read in the built HTML; the year page and the year's calendar link it."""
    data = load_site(REPO / "campaigns")
    days = observance_days(data)
    assert {d.campaign.year for d in days} == set(data.campaigns)
    for day in days:
        year, observance = day.campaign.year, day.observance
        base = f"/{year}/{observance.id}/"
        html = built_site / str(year) / observance.id / "index.html"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        assert article is not None
        text = re.sub(r"\s+", " ", article.get_text(" "))
        h1 = article.find("h1")
        assert h1 is not None and h1.get_text(" ", strip=True).removesuffix(" ¶") == f"{day.day.day}/{day.day.month}/{year}: {observance.name}"
        assert article.find("time", attrs={"datetime": day.day.isoformat()}) is not None
        assert f"do {observance.owner} xác lập" in text
        for phrase in [*day.phrases.themes, *day.phrases.slogans, *day.phrases.messages]:
            assert f"“{phrase.text}”" in text
        others = [p for o, y in day.campaign.observances if o.id != observance.id for p in [*y.themes, *y.slogans]]
        assert not [p.text for p in others if f"“{p.text}”" in text], "another day's phrase on this day's page"
        naming = {f"/{year}/ke-hoach/{p.id}/" for p in day.campaign.plans
                  if observance.id in p.observances or observance.id in p.linked_observances}
        links = _links(html, base)
        assert {link for link in links if "/ke-hoach/" in link and link.count("/") == 4} == naming
        feed = f"/lich/{year}.ics"
        assert (feed in links) == (day.day >= date.fromisoformat(TODAY))  # offered only while the day is ahead
        assert f"/{year}/lich/" in links
        events = Calendar.from_ical((built_site / feed.lstrip("/")).read_bytes()).walk("VEVENT")
        assert any(e.decoded("DTSTART") == day.day and str(e["SUMMARY"]) == observance.name for e in events)
        for linking in (f"{year}/index.html", f"{year}/lich/index.html"):
            assert base in _links(built_site / linking, "/" + linking.removesuffix("index.html")), (linking, base)


def test_a_day_the_documents_say_little_about(tmp_path: Path) -> None:
    """A day a year lists without phrases, named by no plan and under another name than usual: its page
    says what the documents do not state, invents nothing, and prints no banner link."""
    project = copy_project(tmp_path / "project")
    campaign = project / "campaigns" / "2025" / "campaign.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace(
        "  - observance: ngay-sang-tao\n", "  - observance: ngay-sang-tao\n    name: Ngày Đổi mới sáng tạo thế giới\n", 1)
        + "\n  - observance: ngay-so-huu-tri-tue\n", encoding="utf-8")
    built = site_build.build_site(project, date(2025, 4, 1), datetime(2025, 4, 1, tzinfo=UTC), {})
    assert built.ok, built.report()
    pages_built = {f.path: str(f.content) for f in built.files}
    quiet = pages_built["2025/ngay-so-huu-tri-tue.md"]
    assert "Các văn bản năm 2025 đã đưa lên trang chưa nêu chủ đề, khẩu hiệu nào cho ngày này." in quiet
    assert "Chưa có kế hoạch nào năm 2025 trên trang này nêu ngày này." in quiet
    assert "bang-ron" not in quiet.split("\n---\n", 1)[1] and "Nêu tại" not in quiet
    renamed = pages_built["2025/ngay-sang-tao.md"]
    assert "# 21/4/2025: Ngày Sáng tạo và Đổi mới sáng tạo thế giới" in renamed  # one name per day: the official one
    assert "Các văn bản năm 2025 gọi ngày này là “Ngày Đổi mới sáng tạo thế giới”." in renamed  # the documents' words, quoted
    assert "2025/ngay-so-huu-tri-tue.md" in built.not_in_nav


def test_a_site_without_day_pages_renders(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    """No observance day in the data: no day page, and the year page and calendars render without the links."""
    data, files = shipped
    bare = dataclasses.replace(data, campaigns={y: dataclasses.replace(c, observances=[]) for y, c in data.campaigns.items()})
    assert observance_days(bare) == []
    renderer = SiteRenderer(collect(bare, date(2026, 11, 22), {}, datetime(2026, 11, 22, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    lead = str(say("page.day.links_lead"))
    for year, campaign in bare.campaigns.items():
        for name, page in (("year", paths.year_page(year)), ("year_calendar", paths.year_calendar(year))):
            assert lead in str(files[page].content)
            rendered = renderer.page(name, campaign)
            assert rendered.path == page and lead not in str(rendered.content) and "(ngay-sang-tao.md)" not in str(rendered.content)
    assert lead not in str(renderer.page("calendar").content)


MODALITIES = st.sampled_from([None, "may", "encouraged", "requested", "stated"])


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_day_page_names_each_plan_naming_the_day_under_how_it_names_it(renderer: SiteRenderer, data: st.DataObject) -> None:
    """Whatever days plans respond to or link to, a day's page lists exactly the plans responding to it
    first, then those linking to it by the modality each document uses; a day no plan names says so."""
    site = renderer.collected.data
    campaign = site.campaigns[2026]
    ids = [o.id for o, _ in campaign.observances]
    plans = [p.model_copy(update={
        "observances": data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)),
        "linked_observances": data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)),
        "linked_modality": data.draw(MODALITIES),
    }) for p in campaign.plans]
    changed = dataclasses.replace(campaign, plans=plans)
    for observance, phrases in changed.observances:
        day = ObservanceDay(changed, observance, phrases)
        view = day_view(renderer.collected, day)
        responding = [p for p in plans if observance.id in p.observances]
        expected = [(say("page.day.plans_responding", year=2026), plan_links(day_page(day), responding))] if responding else []
        for modality in ("may", "encouraged", "requested", "stated", None):
            linking = [p for p in plans if observance.id in p.linked_observances and p.linked_modality == modality]
            expected += [(say("page.day.plans_linking", lead=link_lead(modality)), plan_links(day_page(day), linking))] if linking else []
        assert [(g.lead, g.plans) for g in view.plans] == expected
        assert (view.no_plans is None) == bool(expected)


def test_links_come_from_the_declaring_type_only(shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    """The year page gets the day links from the registry; a page type nobody declares gets none."""
    data, _ = shipped
    year = data.campaigns[2026]
    [group] = links_to(data, PAGE_TYPES[[t.name for t in PAGE_TYPES].index("year")], year)
    assert [link.path for link in group.links] == [DAY.path(d) for d in observance_days(data) if d.campaign is year]
    assert links_to(data, PAGE_TYPES[[t.name for t in PAGE_TYPES].index("plans")], year) == []


def test_the_year_addresses_the_checks_keep_from_observance_ids_are_every_address_of_a_year(
        shipped: tuple[SiteData, dict[str, GeneratedFile]]) -> None:
    """An observance day's page is `<year>/<id>.md`: `paths.YEAR_SECTIONS`, which the checks refuse as ids,
    must name every other address the site's own files take under a year."""
    data, files = shipped
    days = {o.id for campaign in data.campaigns.values() for o, _ in campaign.observances}
    taken = {p.split("/")[1].removesuffix(".md") for p in files if p.split("/")[0].isdigit() and "/" in p}
    assert taken - days <= paths.YEAR_SECTIONS, "a year's address the checks do not keep from observance ids"
    assert paths.YEAR_SECTIONS - taken <= {paths.NEWS_DIR}, "YEAR_SECTIONS names an address no file of a year takes"


@pytest.mark.parametrize(("today", "said"), [
    (date(2026, 4, 21), "Thứ Ba, <time datetime=\"2026-04-21\">ngày 21 tháng 4 năm 2026</time>."),
    (date(2026, 4, 22), "Thứ Ba, <time datetime=\"2026-04-21\">ngày 21 tháng 4 năm 2026</time>: đã diễn ra; "
                        "lần tới: Thứ Tư, <time datetime=\"2027-04-21\">21/4/2027</time>."),
])
def test_a_day_page_says_when_its_day_has_passed_and_when_it_comes_next(
        shipped: tuple[SiteData, dict[str, GeneratedFile]], today: date, said: str) -> None:
    data, _ = shipped
    day = next(d for d in observance_days(data) if d.campaign.year == 2026 and d.day == date(2026, 4, 21))
    assert day_view(collect(data, today), day).when == said
