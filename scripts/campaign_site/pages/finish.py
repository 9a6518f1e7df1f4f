"""Work on each finished page, MkDocs aside: text values the theme prints raw, and the page's HTML.

`page_text_meta` makes the front-matter values Material prints without escaping safe to print;
`content_html` (the HTML policy on input, tables for phones) and `page_html` are the corrections applied to a
page's content and to the whole page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, MutableMapping
from typing import Any

from markupsafe import Markup, escape

from campaign_site.data import html_policy
from campaign_site.pages import abbreviations, stacked_tables, theme_html

TEXT_META = ("description", "subtitle", "author")
"""Front-matter values Material prints into the page as they are: escaped here once."""


def page_text_meta(meta: MutableMapping[str, Any], title: str | None) -> None:
    """Escape the page's title and text values once (`Markup` tells the theme they are safe now).

    A title MkDocs took from the page's first heading is HTML text with its tags stripped: its entities
    are read and it is escaped again, so a quote in it cannot end the attribute the theme prints it in
    (`aria-label` of the footer's links) and add one of its own.
    """
    if title is not None and not isinstance(title, Markup):
        meta["title"] = Markup(escape(title if "title" in meta else html.unescape(title)))
    for key in TEXT_META:
        value = meta.get(key)
        if value is not None and not isinstance(value, Markup):
            meta[key] = Markup(escape(value))


def content_html(html: str, staff_page: bool) -> str:
    """A page's content, input cleaned by the HTML policy, tables labelled for phones and abbreviations explained:
    a staff page (`staff_page`) is input through and through; a generated page's input is its staff regions."""
    cleaned = html_policy.clean(html) if staff_page else html_policy.clean_regions(html)
    return abbreviations.explain(stacked_tables.label_cells(cleaned))


def page_html(html: str, root: str, scripts: dict[str, str], warn: Callable[[str], None]) -> str:
    """A whole page: the theme's markup corrected and its own inline scripts moved into `scripts`."""
    return theme_html.correct(html, root, scripts, warn)
