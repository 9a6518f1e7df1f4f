"""One route per fact (issue 26): how a phrase is quoted, how a span of days is said and how a report deadline
is worded are each written once, so changing that one place changes every page and feed. Each test changes
the one place (a catalogue entry, a deadline wording), renders the golden fixture in-process and reads the
pages and calendar feeds: the change shows everywhere and the old form nowhere."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.core import catalogue
from campaign_site.core.markdown_text import escape
from campaign_site.data import paths
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan, PlanIdentity
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import DEADLINE_RULES
from campaign_site.pages.renderer import SiteRenderer
from campaign_site.pages.views.base import NAMED_PLANS, plan_links
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.collect import collect

GOLDEN = Path(__file__).parent / "golden"
PHRASE_PAGES = ["index.md", "2026/index.md", "2026/bang-ron.md"]
"""The pages that show the year's themes and slogans, besides each plan's page."""


def golden() -> SiteData:
    return load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")


def rendered(data: SiteData) -> dict[str, str]:
    """Every generated page and calendar feed of `data`, by path."""
    renderer = SiteRenderer(collect(data, date(2026, 4, 1), {}, datetime(2026, 4, 1, tzinfo=UTC), BannerCache(REPO / ".cache" / "banners")))
    return {f.path: f.content.decode("utf-8") if isinstance(f.content, bytes) else f.content
            for f in renderer.render() if f.path.endswith((".md", ".ics"))}


def descriptions(feed: str) -> list[str]:
    """Each event's summary and description, read with icalendar."""
    calendar = icalendar.Calendar.from_ical(feed)
    return [f"{e.get('SUMMARY')}\n{e.get('DESCRIPTION')}" for e in calendar.walk("VEVENT")]


def test_changing_the_quotes_of_one_entry_changes_every_page_and_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(catalogue._table(), "phrase.quoted", "«{text}»")
    data = golden()
    files = rendered(data)
    campaign = data.campaigns[2026]
    phrases = campaign.phrases()
    themes = [e.phrase.text for e in phrases.values() if e.kind == "theme"]
    assert themes and len(phrases) > len(themes)  # the fixture has themes and slogans

    pages = {path: files[path] for path in PHRASE_PAGES} | {paths.plan_page(p): files[paths.plan_page(p)] for p in campaign.plans}
    for path, text in pages.items():
        for entry in phrases.values():
            assert f"“{escape(entry.phrase.text)}”" not in text, (path, entry.phrase.text)
    for entry in phrases.values():  # the year page quotes every theme and slogan of the year
        assert f"«{escape(entry.phrase.text)}»" in files["2026/index.md"], entry.phrase.text
    for plan in campaign.plans:  # each plan page quotes the ones its plan states
        for phrase_id in [*plan.themes, *plan.slogans]:
            assert f"«{escape(phrases[phrase_id].phrase.text)}»" in files[paths.plan_page(plan)], (plan.id, phrase_id)
    assert f"«{escape(themes[0])}»" in files["index.md"]  # the home page's theme line
    assert f"«{themes[0]}»" in files["index.md"]  # the banner's alt text, plain (no Markdown markup in the fixture's theme)

    feed_text = "\n".join(d for path, text in files.items() if path.endswith(".ics") for d in descriptions(text))
    for theme in themes:
        assert f"«{theme}»" in feed_text and f"“{theme}”" not in feed_text


PAGE_SPAN = re.compile(r"từ ngày <time[^>]*>[^<]*</time> đến hết ngày <time")
FEED_SPAN = re.compile(r"từ \d{1,2}/\d{1,2}/\d{4} đến hết \d")


def test_changing_the_span_entries_changes_every_span_of_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(catalogue._table(), "phrase.span", "[{start} ⟶ {end}]")
    monkeypatch.setitem(catalogue._table(), "phrase.span_feed", "[{start} ⟶ {end}]")
    data = golden()
    files = rendered(data)
    for path, text in files.items():
        assert not PAGE_SPAN.search(text), path
        assert not FEED_SPAN.search("\n".join(descriptions(text)) if path.endswith(".ics") else text), path
    windows = [p for p in data.campaigns[2026].plans if p.dated_window]
    assert windows
    for plan in windows:  # the plan's window reaches its page, the year's table and its feed by the one route
        start = f'<time datetime="{plan.dated_window.start.isoformat()}">'
        for page in (paths.plan_page(plan), paths.year_page(2026), paths.year_plans(2026)):
            assert re.search(rf"\[{re.escape(start)}[^\]]* ⟶ <time", files[page]), (plan.id, page)
        assert " ⟶ " in "\n".join(descriptions(files[paths.plan_feed(plan)]))


def test_changing_a_deadline_wording_changes_the_page_and_the_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(DEADLINE_RULES, "before", "hạn cuối là trước ngày")
    data = golden()
    files = rendered(data)
    plans = [p for p in data.campaigns[2026].plans if any(d.rule == "before" for d in p.dated_deadlines)]
    assert plans
    for plan in plans:
        assert "hạn cuối là trước ngày <time" in files[paths.plan_page(plan)]
        events = icalendar.Calendar.from_ical(files[paths.staff_feed(paths.plan_feed(plan))]).walk("VEVENT")
        before = sum(d.rule == "before" for d in plan.dated_deadlines)
        assert sum("(văn bản ghi: hạn cuối là trước ngày " in str(e.get("SUMMARY")) for e in events) == before
        assert sum(" hạn cuối là trước ngày " in str(e.get("DESCRIPTION")) for e in events) == before


PLAN = golden().campaigns[2026].plans[0]
PAGE = "can-cu-phap-ly.md"


@given(count=st.integers(0, 3 * NAMED_PLANS), years=st.integers(1, 2))
def test_plan_links_name_the_first_plans_and_count_the_rest(count: int, years: int) -> None:
    plans: list[Plan] = [PLAN.identified(PlanIdentity(f"ke-hoach-{i}", 2026 - i % years, "x")) for i in range(count)]
    text = plan_links(PAGE, plans)
    named = min(count, NAMED_PLANS)
    assert text.count("](") == named + (1 if count > NAMED_PLANS and len({p.year for p in plans}) == 1 else 0)
    for plan in plans[:named]:
        assert f"]({plan.year}/ke-hoach/{plan.id}.md)" in text
    more = count - named
    assert (f"và {more} kế hoạch khác" in text) == (more > 0)
    if more and len({p.year for p in plans}) == 1:
        assert text.endswith(f"; và {more} kế hoạch khác ([danh sách]({paths.year_plans(plans[0].year)}))")
