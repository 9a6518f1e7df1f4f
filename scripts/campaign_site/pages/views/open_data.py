"""The open-data page: each year's JSON and calendar files with their sizes."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_site.data import paths
from campaign_site.pages.views.base import SiteContext, View
from campaign_site.stages.calendar.feeds import Feed


@dataclass(frozen=True)
class YearData:
    """A year's files for reuse: its JSON with its size, its citizens' feed and its agencies' feed if any."""

    year: int
    json_path: str
    json_size: int
    feed: Feed
    staff_feed: Feed | None


@dataclass(frozen=True, kw_only=True)
class OpenDataView(View):
    years: list[YearData]
    all_feed: Feed
    staff_all_feed: Feed | None


def open_data_view(ctx: SiteContext, _: None) -> OpenDataView:
    return OpenDataView(
        title="Dữ liệu mở",
        description="Tệp dữ liệu JSON của từng năm và tệp lịch ICS, để tải về và dùng lại: cùng nội dung với các trang.",
        years=[YearData(y, paths.year_data(y), ctx.data_sizes[y], ctx.feeds[paths.year_feed(y)],
                        ctx.feeds.get(paths.staff_feed(paths.year_feed(y)))) for y in ctx.data.years()],
        all_feed=ctx.feeds[paths.ALL_FEED],
        staff_all_feed=ctx.feeds.get(paths.staff_feed(paths.ALL_FEED)),
    )
