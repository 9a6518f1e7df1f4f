"""What each page shows: the site's stages and one subject in, one typed view out; a module per page type.

A view function takes the site's stages (`SiteContext`) and the page's subject (a year, a plan, a
province's plans, a post, or nothing) and returns a frozen view; the page's template only lays it
out. Counting, filtering, numbering and choosing words happen here, not in templates. The page registry
(`registry.PAGE_TYPES`) names each page type's view function in its module.
"""

from campaign_site.pages.views.base import SiteContext, View

__all__ = ["SiteContext", "View"]
