"""A page per observance day of a year, in the order its reader asks: the day and whether it has passed (with
the year's calendar, and its feed while the day is ahead), what it is and who set it, the plans that respond to
it or link their activities to it, then the year's themes and slogans for it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths, vn_dates
from campaign_site.data.model import Observance, YearObservance
from campaign_site.data.site_data import Campaign, SiteData
from campaign_site.data.wording import LINK_MODALITIES, WEEKDAYS, link_lead
from campaign_site.pages.views.base import PhraseGroup, ShareImage, SiteContext, View, phrase_groups, plan_links
from campaign_site.pages.views.where import Crumb, here
from campaign_site.words.phrasing import time


@dataclass(frozen=True)
class ObservanceDay:
    """An observance day of one year (under its official name, `Observance.documents_name` quoting the year's): the page's subject."""

    campaign: Campaign
    observance: Observance
    phrases: YearObservance

    @property
    def day(self) -> date:
        return date(self.campaign.year, self.observance.month, self.observance.day)


def observance_days(data: SiteData) -> list[ObservanceDay]:
    """Every observance day of every entered year, in date order."""
    days = [ObservanceDay(c, o, y) for c in data.campaigns.values() for o, y in c.observances]
    return sorted(days, key=lambda d: d.day)


def day_page(day: ObservanceDay) -> str:
    """`2026/ngay-sang-tao.md`, served at `/2026/ngay-sang-tao/`."""
    return f"{day.campaign.year}/{day.observance.id}.md"


def link_text(day: ObservanceDay) -> str:
    """How other pages name the day's page: `21/4: Ngày Sáng tạo và Đổi mới sáng tạo thế giới`."""
    return plain("page.day.link", day=day.observance.label, name=day.observance.name)


LINKS_LEAD = say("page.day.links_lead")
"""What the year page and the year's calendar say before their links to the day pages."""


@dataclass(frozen=True)
class DayPlans:
    """Plans that name the day in one way, after the words that say how."""

    lead: Markdown
    plans: Markdown


@dataclass(frozen=True, kw_only=True)
class DayView(View):
    where: list[Crumb]
    """`Năm 2026 › Ngày Sở hữu trí tuệ thế giới`."""
    when: Markdown
    about: list[Markdown]
    """What the day is: its English name, the name it usually has when the year's documents use another, who set it."""
    phrases_heading: Markdown
    phrase_groups: list[PhraseGroup]
    cited_lead: Markdown
    no_phrases: Markdown | None
    banners_lead: Markdown
    banners_page: str
    banners_text: str
    plans_heading: Markdown
    plans: list[DayPlans]
    no_plans: Markdown | None
    calendar_page: str
    calendar_text: str
    feed: str | None
    """The year's citizens' feed while the day is ahead of the build's day; None once it has passed."""


def _plans(subject: ObservanceDay) -> list[DayPlans]:
    """The plans responding to the day, then those linking their activities to it, by how each words the link."""
    day_id, plans = subject.observance.id, subject.campaign.plans
    found = []
    if responding := [p for p in plans if day_id in p.observances]:
        found.append(DayPlans(say("page.day.plans_responding", year=subject.campaign.year), plan_links(day_page(subject), responding)))
    modalities: list[str | None] = [*LINK_MODALITIES, None]
    for modality in modalities:
        linking = [p for p in plans if day_id in p.linked_observances and p.linked_modality == modality]
        if linking:
            found.append(DayPlans(say("page.day.plans_linking", lead=link_lead(modality)), plan_links(day_page(subject), linking)))
    return found


def _share(ctx: SiteContext, subject: ObservanceDay) -> ShareImage | None:
    """The day's first banner, else the year's."""
    banners = [b for b in ctx.banners[subject.campaign.year].banners if b.entry.observance.id == subject.observance.id]
    return ShareImage(banners[0].share.path, banners[0].printed) if banners else ctx.share(subject.campaign.year)


def _when(day: date, today: date) -> Markdown:
    """The day's weekday and date; once it has passed, that it has and when it comes next (the same day and month)."""
    weekday, written = WEEKDAYS[day.weekday()][1], time(day, vn_dates.long(day))
    if day >= today:
        return say("page.day.when", weekday=weekday, date=written)
    year = day.year + 1
    while (day.month, day.day) == (2, 29) and not calendar.isleap(year):  # 29/2 comes back in a leap year
        year += 1
    upcoming = date(year, day.month, day.day)
    return say("page.day.passed", weekday=weekday, date=written, next_weekday=WEEKDAYS[upcoming.weekday()][1],
               next=time(upcoming, vn_dates.short(upcoming)))


def day_view(ctx: SiteContext, subject: ObservanceDay) -> DayView:
    observance, year, day = subject.observance, subject.campaign.year, subject.day
    about = [say("page.day.name_en", name=observance.name_en)] if observance.name_en else []
    if observance.documents_name:
        about.append(say("page.day.documents_name", year=year, name=observance.documents_name))
    about.append(say("page.year.observance_owner", owner=observance.owner))
    groups = phrase_groups(subject.campaign, subject.phrases, day_page(subject))
    plans = _plans(subject)
    return DayView(
        title=plain("page.day.title", date=vn_dates.short(day), name=observance.name),
        description=plain("page.day.description", name=observance.name, year=year),
        share=_share(ctx, subject),
        where=here([Crumb(plain("page.where.year", year=year), paths.year_page(year)), Crumb(observance.name, day_page(subject))]),
        when=_when(day, ctx.today),
        about=about,
        phrases_heading=say("page.day.phrases_heading", year=year),
        phrase_groups=groups,
        cited_lead=say("page.day.cited_lead"),
        no_phrases=None if groups else say("page.day.no_phrases", year=year),
        banners_lead=say("page.day.banners_lead"),
        banners_page=paths.year_banners(year),
        banners_text=plain("page.day.banners_link", year=year),
        plans_heading=say("page.day.plans_heading"),
        plans=plans,
        no_plans=None if plans else say("page.day.no_plans", year=year),
        calendar_page=paths.year_calendar(year),
        calendar_text=plain("page.day.calendar_link", year=year),
        feed=paths.year_feed(year) if day >= ctx.today and paths.year_feed(year) in ctx.feeds else None,
    )
