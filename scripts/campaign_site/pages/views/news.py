"""Activities held: the year's news pages (ten posts a page, by month) and each post."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.data import paths
from campaign_site.data.activities import Post
from campaign_site.data.model import Observance
from campaign_site.data.site_data import Campaign
from campaign_site.pages.views.base import NEWS_PER_PAGE, SiteContext, View, campaign_observance, feed_links
from campaign_site.stages.news.photos import PublishedPhoto
from campaign_site.stages.news.posts import PublishedPost


@dataclass(frozen=True)
class MonthPosts:
    """The posts of one month on a news page, newest first."""

    label: str
    posts: list[PublishedPost]


@dataclass(frozen=True)
class PageNumber:
    number: int
    path: str
    current: bool


@dataclass(frozen=True, kw_only=True)
class NewsView(View):
    campaign: Campaign
    months: list[MonthPosts]
    total: int
    number: int
    page_count: int
    pages: list[PageNumber]
    """Every page of the year's news, when there is more than one."""
    newer: str | None
    older: str | None
    first: str
    """The page path of the post whose photo is the page's first (loaded at once, not lazily)."""


def news_pages(campaign: Campaign) -> int:
    """How many pages the year's news takes."""
    return max(1, -(-len(campaign.posts) // NEWS_PER_PAGE))


def news_view(ctx: SiteContext, campaign: Campaign, number: int = 1) -> NewsView:
    year, count = campaign.year, news_pages(campaign)
    shown = campaign.posts[(number - 1) * NEWS_PER_PAGE:number * NEWS_PER_PAGE]
    months: list[MonthPosts] = []
    for post in shown:
        # A post without its month is of its folder's year, as the check makes sure; its card says the rest.
        held = post.held_on
        label = f"Tháng {held.month}/{held.year}" if held and held.month else f"Năm {post.year}"
        if not months or months[-1].label != label:
            months.append(MonthPosts(label, []))
        months[-1].posts.append(ctx.posts[post.page])
    suffix = f" (trang {number}/{count})" if count > 1 else ""
    return NewsView(
        title=f"Hoạt động năm {year}{suffix}",
        description=f"Tin và ảnh về {len(campaign.posts)} hoạt động hưởng ứng đã tổ chức năm {year}, mới nhất trước.",
        share=ctx.share(year), campaign=campaign, months=months, total=len(campaign.posts), number=number, page_count=count,
        pages=[PageNumber(n, paths.news_page(year, n), n == number) for n in range(1, count + 1)] if count > 1 else [],
        newer=paths.news_page(year, number - 1) if number > 1 else None,
        older=paths.news_page(year, number + 1) if number < count else None,
        atom=feed_links(ctx, year),
        first=next((p.page for p in shown if ctx.posts[p.page].photos), ""),
    )


@dataclass(frozen=True, kw_only=True)
class PostView(View):
    post: Post
    published: PublishedPost
    lead: PublishedPhoto | None
    """The first photo, shown under the title; the others follow the text."""
    more_photos: list[PublishedPhoto]
    observances: list[Observance]
    news_page: str


def post_view(ctx: SiteContext, post: Post) -> PostView:
    published = ctx.posts[post.page]
    return PostView(
        title=post.title, description=published.summary or f"Hoạt động của {post.front.unit}.", share=ctx.share(post.year),
        post=post, published=published, lead=published.photos[0] if published.photos else None,
        more_photos=list(published.photos[1:]),
        observances=[campaign_observance(ctx.data, post.year, o) for o in post.front.observances],
        atom=feed_links(ctx, post.year), news_page=paths.news_page(post.year),
    )
