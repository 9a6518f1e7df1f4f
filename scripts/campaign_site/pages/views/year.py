"""A year's page: its window, days with their phrases, plans, legal chains and open data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths
from campaign_site.data.model import Phrase
from campaign_site.data.site_data import Campaign
from campaign_site.data.wording import PHRASE_KINDS, places_text
from campaign_site.pages.views.base import (
    LATEST_POSTS,
    CitedPhrase,
    ObservancePhrases,
    PhraseGroup,
    PlanChain,
    PlanRow,
    PostList,
    ProvinceCount,
    SiteContext,
    View,
    chains,
    listed_plans,
    post_list,
    province_counts,
)
from campaign_site.words.sources import phrase_source_note
from campaign_site.words.summaries import window_coverage, window_sentence


@dataclass(frozen=True, kw_only=True)
class YearView(View):
    campaign: Campaign
    window: Markdown | None
    """How long the year's plans run, from the windows they state (see `summaries`)."""
    has_deadlines: bool
    intro: str | None
    observances: list[ObservancePhrases]
    has_phrases: bool
    plan_count: int
    plan_rows: list[PlanRow]
    provinces: list[ProvinceCount]
    places: str
    """Where the year's plans come from (`ở trung ương và 3 tỉnh, thành phố`)."""
    chains: list[PlanChain]
    data_size: int
    posts: PostList


def _cited(campaign: Campaign, phrase: Phrase) -> CitedPhrase:
    cited = campaign.plans_citing(phrase.id)
    return CitedPhrase(phrase, cited, phrase_source_note(cited))


def _observance_phrases(campaign: Campaign) -> list[ObservancePhrases]:
    return [
        ObservancePhrases(obs, date(campaign.year, obs.month, obs.day), [
            PhraseGroup(PHRASE_KINDS[kind], [_cited(campaign, p) for p in phrases])
            for kind, phrases in (("theme", year_obs.themes), ("slogan", year_obs.slogans), ("message", year_obs.messages))
            if phrases
        ])
        for obs, year_obs in campaign.observances
    ]


def year_view(ctx: SiteContext, campaign: Campaign) -> YearView:
    return YearView(
        title=f"Năm {campaign.year}",
        description=f"{campaign.title}: thời gian, chủ đề, khẩu hiệu, kế hoạch của các địa phương và căn cứ pháp lý.",
        share=ctx.share(campaign.year),
        campaign=campaign,
        window=window_sentence(window_coverage(campaign.plans), f"năm {campaign.year}"),
        has_deadlines=any(p.report_deadlines for p in campaign.plans),
        intro=ctx.intros.get(campaign.year),
        observances=_observance_phrases(campaign),
        has_phrases=bool(campaign.phrases()),
        plan_count=len(campaign.plans),
        plan_rows=listed_plans(campaign, paths.year_page(campaign.year)),
        provinces=province_counts(campaign),
        places=places_text(campaign.province_count, any(g.central for g in campaign.provinces)),
        chains=chains(ctx.data, campaign, paths.year_page(campaign.year)),
        data_size=ctx.data_sizes[campaign.year],
        posts=post_list(campaign.posts, LATEST_POSTS),
    )
