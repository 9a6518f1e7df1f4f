"""What each page shows: the site's stages and one subject in, one typed view out; a module per page type.

A view function takes the site's stages (`SiteContext`) and the page's subject (a year, a plan, a
province's plans, a post, or nothing) and returns a frozen view; the page's template only lays it
out. Counting, filtering, numbering and choosing words happen here, not in templates.
"""

from campaign_site.pages.views.banners import banners_view
from campaign_site.pages.views.base import SiteContext, View, link, plan_links
from campaign_site.pages.views.calendar import calendar_view, year_calendar_view
from campaign_site.pages.views.home import home_view
from campaign_site.pages.views.legal_basis import legal_basis_view
from campaign_site.pages.views.news import news_pages, news_view, post_view
from campaign_site.pages.views.open_data import open_data_view
from campaign_site.pages.views.plan import plan_view
from campaign_site.pages.views.plans import plans_view, province_view
from campaign_site.pages.views.year import year_view

__all__ = [
    "SiteContext", "View", "banners_view", "link", "plan_links", "calendar_view", "home_view", "legal_basis_view", "news_pages", "news_view",
    "open_data_view", "plan_view", "plans_view", "post_view", "province_view", "year_calendar_view", "year_view",
]
