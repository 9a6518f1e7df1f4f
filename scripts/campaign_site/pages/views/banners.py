"""The year's banners page: every theme, slogan and message numbered, with the plans that state it."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.glyphs import BANNER_FONT_LABEL
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.model import BannerSize
from campaign_site.data.site_data import Campaign
from campaign_site.data.wording import PHRASE_KINDS, in_sentence
from campaign_site.pages.views.base import SiteContext, View, plan_links
from campaign_site.stages.banners.artwork import Banner, Download
from campaign_site.words.phrasing import time
from campaign_site.words.sources import phrase_source_note, phrases_origin


@dataclass(frozen=True)
class SizeFile:
    """A print size in words (`Băng rôn ngang 0,8 × 5 m (800 × 5000 mm)`) and its file of one format."""

    size: Markdown
    file: Download


@dataclass(frozen=True)
class BannerItem:
    """A banner numbered within its kind on its observance (`Khẩu hiệu 2`), its text to copy, what it
    takes (`42 ký tự…`), the plans that state it, and its files."""

    id: str
    name: str
    text: str
    counts: Markdown
    cited: Markdown
    cited_note: str | None
    """That some or all of those plans are known only from a news summary, if so."""
    preview_sources: list[tuple[Download, int]]
    preview_height: int
    preview_alt: str
    pdfs: list[Download]
    """One PDF per print size, each named for its size alone (`Băng rôn ngang 0,8 × 5 m: PDF`)."""
    svgs: list[SizeFile]
    texts: list[Download]
    preview: Download
    preview_label: str
    share: Download


@dataclass(frozen=True)
class BannerGroup:
    heading: Markdown
    items: list[BannerItem]


@dataclass(frozen=True, kw_only=True)
class BannersView(View):
    ended: Markdown | None
    """That the year's activities are over (its last day), once they are: a print shop must not take them for this year's."""
    intro: Markdown
    """Where the texts are copied from, to copy rather than retype them, and where the print details are."""
    print_note: Markdown
    """For the print shop, after the texts: colours, case, margins, font."""
    archive: Download | None
    """Every file of the year in one ZIP, when the year has banners."""
    archive_label: str
    sizes: Markdown
    groups: list[BannerGroup]
    empty: Markdown
    kinds: str
    """What the year's texts are, in words: `chủ đề, khẩu hiệu` (and `thông điệp` when the year has any)."""


def word_count(text: str) -> int:
    """Words as a reader counts them: a dash or other mark standing alone between spaces is not a word."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def _size(size: BannerSize) -> Markdown:
    return say("page.banners.size", name=size.name, width=size.width_mm, height=size.height_mm)


def _item(campaign: Campaign, banner: Banner, number: int | None) -> BannerItem:
    text, cited = banner.entry.phrase.text, campaign.plans_citing(banner.id)
    preview_size = in_sentence(banner.preview_size)
    return BannerItem(
        id=banner.id, name=plain("page.banners.item_name", kind=banner.kind, number=number) if number else banner.kind, text=text,
        counts=say("page.banners.counts", characters=len(text), words=word_count(text)),
        cited=plan_links(paths.year_banners(campaign.year), cited, "short"), cited_note=phrase_source_note(cited),
        preview_sources=banner.preview_sources, preview_height=banner.preview_height,
        preview_alt=plain("page.banners.preview_alt", size=preview_size),
        pdfs=[Download(plain("page.banners.pdf", size=size.name), pdf.path, pdf.size) for size, _, pdf in banner.artwork], svgs=[SizeFile(_size(size), svg) for size, svg, _ in banner.artwork],
        texts=banner.texts, preview=banner.preview,
        preview_label=plain("page.banners.preview", width=banner.preview_width, height=banner.preview_height),
        share=banner.share,
    )


def _banner_groups(campaign: Campaign, banners: list[Banner]) -> list[BannerGroup]:
    groups = []
    for obs, _ in campaign.observances:
        items, numbers = [], {kind: 0 for kind in PHRASE_KINDS}
        own = [b for b in banners if b.entry.observance.id == obs.id]
        alone = {kind for kind in PHRASE_KINDS if sum(b.entry.kind == kind for b in own) == 1}
        for banner in own:  # numbered within its kind, unless it is the only one ("Chủ đề", not "Chủ đề 1")
            numbers[banner.entry.kind] += 1
            items.append(_item(campaign, banner, None if banner.entry.kind in alone else numbers[banner.entry.kind]))
        if items:
            groups.append(BannerGroup(say("page.year.observance_heading", label=obs.label, name=obs.name), items))
    return groups


def banners_view(ctx: SiteContext, campaign: Campaign) -> BannersView:
    year = campaign.year
    style = ctx.data.settings.banners
    year_banners = ctx.banners[year]
    has_messages = any(e.kind == "message" for e in campaign.phrases().values())
    kinds = plain("page.banners.kinds_with_messages") if has_messages else plain("page.banners.kinds")
    traits = [year_banners.colours] if year_banners.colours else []
    traits += [plain("page.banners.uppercase")] if style.uppercase else []
    origin = phrases_origin(kinds, year, [campaign.plans_citing(i) for i in campaign.phrases()])
    return BannersView(
        title=plain("page.banners.title", year=year),
        description=plain("page.banners.description", kinds=kinds, year=year),
        kinds=kinds,
        ended=say("page.banners.ended", year=year, last=time(campaign.last_day())) if campaign.last_day() < ctx.today else None,
        intro=say("page.banners.intro", origin=origin),
        print_note=say("page.banners.print", traits=Markdown("".join(f"{escape(t)}, " for t in traits)),
                       margin=style.margin_percent, font=BANNER_FONT_LABEL),
        archive=year_banners.archive if year_banners.banners else None,
        archive_label=plain("page.banners.archive", year=year),
        sizes=say("page.banners.sizes", sizes=Markdown("; ".join(_size(s) for s in style.sizes))),
        share=ctx.share(year),
        groups=_banner_groups(campaign, year_banners.banners),
        empty=say("page.banners.empty", year=year),
    )
