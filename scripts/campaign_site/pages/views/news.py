"""Activities held: the year's news pages (ten posts a page, by month) and each post."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths, staff_markdown
from campaign_site.data.activities import Post
from campaign_site.data.site_data import Campaign
from campaign_site.pages.views.base import (
    NEWS_PER_PAGE,
    LinkItem,
    SiteContext,
    View,
    atom_items,
    campaign_observance,
    feed_links,
    staff_text,
)
from campaign_site.pages.views.where import Crumb, plan_trail
from campaign_site.stages.news.photos import PublishedPhoto
from campaign_site.stages.news.posts import PublishedPost
from campaign_site.words.phrasing import observance_line, post_when


@dataclass(frozen=True)
class PostCard:
    """A post on a news page: its page and title, its first photo, when and where, its summary."""

    page: str
    title: str
    photo: PublishedPhoto | None
    eager: bool
    """Whether its photo is the page's first, loaded at once rather than lazily."""
    meta: Markdown
    summary: str


@dataclass(frozen=True)
class MonthPosts:
    """The posts of one month on a news page, newest first."""

    label: str
    posts: list[PostCard]


@dataclass(frozen=True)
class PageNumber:
    number: int
    path: str
    text: str
    current: bool


@dataclass(frozen=True, kw_only=True)
class NewsView(View):
    intro: Markdown
    feeds: list[LinkItem]
    months: list[MonthPosts]
    pages: list[PageNumber]
    """Every page of the year's news, when there is more than one."""
    newer: str | None
    older: str | None


def news_pages(campaign: Campaign) -> int:
    """How many pages the year's news takes."""
    return max(1, -(-len(campaign.posts) // NEWS_PER_PAGE))


def _card(published: PublishedPost, first: str) -> PostCard:
    post = published.post
    return PostCard(post.page, post.title, published.photos[0] if published.photos else None, post.page == first,
                    say("page.news.card_meta", when=post_when(post), place=post.place_text),
                    published.summary)


def news_view(ctx: SiteContext, campaign: Campaign, number: int = 1) -> NewsView:
    year, count = campaign.year, news_pages(campaign)
    shown = campaign.posts[(number - 1) * NEWS_PER_PAGE:number * NEWS_PER_PAGE]
    first = next((p.page for p in shown if ctx.posts[p.page].photos), "")
    months: list[MonthPosts] = []
    for post in shown:
        # A post without its month is of its folder's year, as the check makes sure; its card says the rest.
        held = post.held_on
        label = plain("page.news.month", month=held.month, year=held.year) if held and held.month else plain("page.year.title", year=post.year)
        if not months or months[-1].label != label:
            months.append(MonthPosts(label, []))
        months[-1].posts.append(_card(ctx.posts[post.page], first))
    atom = feed_links(ctx, year)
    return NewsView(
        title=plain("page.news.title_page", year=year, number=number, count=count) if count > 1 else plain("page.news.title", year=year),
        description=plain("page.news.description", count=len(campaign.posts), year=year),
        share=ctx.share(year), intro=say("page.news.intro", count=len(campaign.posts), year=year), feeds=atom_items(atom),
        months=months,
        pages=[PageNumber(n, paths.news_page(year, n), plain("page.news.page", number=n), n == number)
               for n in range(1, count + 1)] if count > 1 else [],
        newer=paths.news_page(year, number - 1) if number > 1 else None,
        older=paths.news_page(year, number + 1) if number < count else None,
        atom=atom,
    )


@dataclass(frozen=True, kw_only=True)
class PostView(View):
    where: list[Crumb]
    """Year, province, the plan the activity carries out: the first line of the page."""
    when_where: Markdown
    organiser: Markdown
    opening: Markdown
    """The text's first paragraph, under the title: what happened, before the photo."""
    lead: PublishedPhoto | None
    """The first photo, after the opening; the others follow the text."""
    body: Markdown
    """The rest of the text."""
    more_photos: list[PublishedPhoto]
    plan_page: str
    plan_title: str
    observances: Markdown
    """The days the activity answers (`21/4: Ngày …; 26/4: Ngày …`)."""
    news_page: str
    news_title: str
    feeds: list[LinkItem]


def post_view(ctx: SiteContext, post: Post) -> PostView:
    published = ctx.posts[post.page]
    atom = feed_links(ctx, post.year)
    opening, rest = staff_markdown.lead_paragraph(post.body)
    days = [observance_line(campaign_observance(ctx.data, post.year, o), post.year) for o in post.front.observances]
    return PostView(
        title=post.title, description=published.summary or plain("page.post.description", unit=post.front.unit),
        share=ctx.share(post.year),
        where=plan_trail(ctx.data.campaigns[post.year], post.plan),
        when_where=say("page.post.when_where", when=post_when(post), place=post.place_text),
        organiser=say("page.post.organiser", unit=post.front.unit),
        opening=staff_text(opening) if opening else Markdown(""),
        lead=published.photos[0] if published.photos else None, body=staff_text(rest) if rest.strip() else Markdown(""),
        more_photos=list(published.photos[1:]),
        plan_page=paths.plan_page(post.plan), plan_title=post.plan.title,
        observances=Markdown("; ".join(days)),
        news_page=paths.news_page(post.year), news_title=plain("page.news.title", year=post.year),
        atom=atom, feeds=atom_items(atom),
    )
