"""SiteData in; each stage's files and values out (calendar, banners, news, open data, originals), all of
them collected once into one `collect.Collected`."""
