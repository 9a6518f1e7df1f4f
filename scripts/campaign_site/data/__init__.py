"""YAML under campaigns/ and Markdown under docs/ in; one validated, immutable SiteData out."""
