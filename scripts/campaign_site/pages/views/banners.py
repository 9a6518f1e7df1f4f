"""The year's banners page: every theme, slogan and message numbered, with the plans that state it."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.data.model import BannerSize, Observance, Plan
from campaign_site.data.site_data import Campaign
from campaign_site.data.wording import PHRASE_KINDS
from campaign_site.pages.views.base import SiteContext, View
from campaign_site.stages.banners.artwork import Banner, YearBanners
from campaign_site.words.sources import phrase_source_note, phrases_origin


@dataclass(frozen=True)
class BannerItem:
    """A banner numbered within its kind on its observance (`Khẩu hiệu 2`), with the plans that state it."""

    banner: Banner
    name: str
    cited: list[Plan]
    cited_note: str | None
    """That some or all of those plans are known only from a news summary, if so."""
    characters: int
    words: int
    preview_alt: str


@dataclass(frozen=True)
class BannerGroup:
    observance: Observance
    items: list[BannerItem]


@dataclass(frozen=True, kw_only=True)
class BannersView(View):
    campaign: Campaign
    banners: YearBanners
    groups: list[BannerGroup]
    sizes: list[BannerSize]
    uppercase: bool
    margin_percent: float
    kinds: str
    """What the year's texts are, in words: `chủ đề, khẩu hiệu` (and `thông điệp` when the year has any)."""
    origin: str
    """Where the year's texts are copied from: the original documents, news summaries, or how many of each."""


def _banner_groups(campaign: Campaign, banners: list[Banner]) -> list[BannerGroup]:
    groups = []
    for obs, _ in campaign.observances:
        items, numbers = [], {kind: 0 for kind in PHRASE_KINDS}
        for banner in (b for b in banners if b.entry.observance.id == obs.id):
            numbers[banner.entry.kind] += 1
            text, cited = banner.entry.phrase.text, campaign.plans_citing(banner.id)
            items.append(BannerItem(
                banner, f"{banner.kind} {numbers[banner.entry.kind]}", cited, phrase_source_note(cited), len(text),
                len(text.split()),
                f"Hình xem trước: {banner.preview_size[0].lower()}{banner.preview_size[1:]} với dòng chữ như trên",
            ))
        if items:
            groups.append(BannerGroup(obs, items))
    return groups


def banners_view(ctx: SiteContext, campaign: Campaign) -> BannersView:
    year = campaign.year
    style = ctx.data.settings.banners
    kinds = "chủ đề, khẩu hiệu, thông điệp" if any(e.kind == "message" for e in campaign.phrases().values()) else "chủ đề, khẩu hiệu"
    return BannersView(
        title=f"Khẩu hiệu và băng rôn năm {year}",
        description=f"Nguyên văn các {kinds} năm {year} để sao chép, và tệp in băng rôn SVG, PDF, PNG tải về.",
        kinds=kinds,
        origin=phrases_origin(kinds, year, [campaign.plans_citing(i) for i in campaign.phrases()]),
        share=ctx.share(year), campaign=campaign, banners=ctx.banners[year],
        groups=_banner_groups(campaign, ctx.banners[year].banners), sizes=style.sizes, uppercase=style.uppercase,
        margin_percent=style.margin_percent,
    )
