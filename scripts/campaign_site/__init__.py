"""Campaign site generator: YAML campaign data and staff Markdown in; pages, feeds, banners and JSON out.

The packages follow the data, and each imports only the ones above it in this list:

- `core`: foundations with no campaign knowledge (safe text, source lines, problems, caches).
- `data`: campaigns/ and docs/ in, one validated `SiteData` out (model, loading, rules).
- `authoring`, `words`: staff's starting files and editor schemas; sentences made from the data.
- `stages`, `importing`: `SiteData` in, each stage's files and values out (calendar, banners, news,
  open data, originals); a document in, a draft plan out.
- `pages`: stage values in, Markdown pages, navigation and finished HTML out.
- `site_build`: the façade that runs them in order; `publishing`: a built folder in, a release out.
"""
