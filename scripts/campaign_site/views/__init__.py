"""What each page shows, worked out from the data: one typed view per page type, a module per page.

A view function takes the site's stages (`SiteContext`) and the page's subject (a year, a plan, a
province's plans, a post, or nothing) and returns a frozen view; the page's template only lays it
out. Counting, filtering, numbering and choosing words happen here, not in templates.
"""

from .banners import banners_view
from .base import SiteContext, View
from .calendar import calendar_view, year_calendar_view
from .home import home_view
from .legal_basis import legal_basis_view
from .news import news_pages, news_view, post_view
from .open_data import open_data_view
from .plan import plan_view
from .plans import plans_view, province_view
from .year import year_view

__all__ = [
    "SiteContext", "View", "banners_view", "calendar_view", "home_view", "legal_basis_view", "news_pages", "news_view",
    "open_data_view", "plan_view", "plans_view", "post_view", "province_view", "year_calendar_view", "year_view",
]
