"""The activity posts as a stage every page draws on: their photos' published copies, their text as
HTML and as a summary, and the Atom feeds (the whole site's and each year's).

Plain functions: data in, files out. Pages (`views/`) only pick from what this returns.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from datetime import datetime

from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.data import html_policy, paths
from campaign_site.data.activities import Post
from campaign_site.data.site_data import SiteData
from campaign_site.stages.news import atom
from campaign_site.stages.news.photos import PhotoMaker, PublishedPhoto
from campaign_site.words.phrasing import post_when

FEED_ENTRIES = 50
"""Newest posts in each feed; older ones stay on the news pages."""
SUMMARY_CHARS = 220
_LINK = re.compile(r'\b(href|src)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@dataclass(frozen=True)
class PublishedPost:
    """A post with its published photos and its text for lists and feeds."""

    post: Post
    photos: tuple[PublishedPhoto, ...]
    summary: str
    html: str


@dataclass(frozen=True)
class AtomLink:
    """A feed as pages link it."""

    label: str
    path: str


@dataclass(frozen=True)
class News:
    """Every file of the stage, the posts by page path, and the feeds: the site's (key None) and each year's."""

    files: tuple[GeneratedFile, ...]
    posts: dict[str, PublishedPost]
    feeds: dict[int | None, AtomLink]


def post_html(post: Post, base_url: str) -> str:
    """The post's body as HTML, cleaned by the HTML policy, with every link absolute: MkDocs resolves a post's relative links
    (`../index.md`) from its file's folder, and a feed reader needs the page's public address."""
    folder = posixpath.dirname(post.page)

    def absolute(match: re.Match[str]) -> str:
        target = html.unescape(match[2])
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", target, re.IGNORECASE):
            return match[0]
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(folder, path))
        url = paths.page_url(base_url, resolved) if resolved.endswith(".md") else base_url.rstrip("/") + "/" + resolved
        return f'{match[1]}="{html.escape(url + ("#" + anchor if anchor else ""))}"'

    return _LINK.sub(absolute, html_policy.clean(html_policy.render(post.body)))


def summary(post: Post, body_html: str) -> str:
    """The post's description, else its first paragraph as plain text, cut at a word near `SUMMARY_CHARS`."""
    if post.front.description:
        return post.front.description
    first = next((text for p in _PARAGRAPH.findall(body_html) if (text := " ".join(html.unescape(_TAG.sub("", p)).split()))), "")
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _entry(item: PublishedPost, base_url: str) -> atom.Entry:
    post = item.post
    url = paths.page_url(base_url, post.page)
    lead = ""
    if item.photos:
        photo = item.photos[0]
        src = base_url.rstrip("/") + "/" + photo.fallback.path
        lead = (f'<p><img src="{html.escape(src)}" width="{photo.fallback.width}" height="{photo.fallback.height}" '
                f'alt="{html.escape(photo.entry.alt)}"></p>')
    # An entry needs a day (`Post.feed_day`); when the post gives none, its text says what it does give.
    when = "" if post.start else f"{post_when(post)} · "
    facts = f"<p>{when}{html.escape(post.front.unit)}, {html.escape(post.place_text)}.</p>"
    return atom.Entry(url, post.title, url, post.feed_day, post.front.unit, item.summary, lead + facts + item.html, post.plan.id)


def news_stage(data: SiteData, maker: PhotoMaker, stamp: datetime) -> News:
    """Every post's photos, summary and HTML, and the Atom feeds of the site and of each year with posts
    (none before the first post)."""
    base = data.settings.site.base_url
    files: list[GeneratedFile] = []
    posts: dict[str, PublishedPost] = {}
    for year in sorted(data.campaigns):
        for post in data.campaigns[year].posts:
            photo_files, shown = maker.post(post)
            files += photo_files
            body = post_html(post, base)
            posts[post.page] = PublishedPost(post, tuple(shown), summary(post, body), body)
    title, author = data.settings.site.title, data.settings.organisation.name
    # Feeds exist once there is a post to read: the site's, and each year's with posts.
    scopes: list[tuple[int | None, str, list[PublishedPost]]] = [(None, paths.SITE_ATOM, list(posts.values()))] if posts else []
    scopes += [(y, paths.year_atom(y), [posts[p.page] for p in data.campaigns[y].posts]) for y in data.years()
               if data.campaigns[y].posts]
    feeds: dict[int | None, AtomLink] = {}
    for key, path, items in scopes:
        newest = sorted(items, key=lambda i: (i.post.sort_key, i.post.title), reverse=True)[:FEED_ENTRIES]
        span = plain("news.all_years") if key is None else plain("feed.year", year=key)
        home = paths.page_url(base, paths.news_page(key) if key is not None else paths.HOME)
        content = atom.feed(paths.page_url(base, path), plain("news.feed_title", title=title, span=span),
                            plain("news.feed_subtitle", span=span), paths.page_url(base, path), home,
                            author, [_entry(i, base) for i in newest], stamp)
        source = "docs/" if key is None else f"docs/{key}/{paths.NEWS_DIR}/"
        files.append(GeneratedFile(path, content, source))
        label = plain("feed.all_years_label") if key is None else plain("feed.year_label", year=key)
        feeds[key] = AtomLink(label, path)
    return News(tuple(files), posts, feeds)
