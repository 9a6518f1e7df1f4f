"""Abbreviations a reader may not know (`UBND`, `Sở KH&CN`), explained once on every page.

Applied to the HTML of every page's content, after it is cleaned: the first use of each abbreviation of
`domain.EXPLAINED_ABBREVIATIONS` becomes `<abbr class="explained" title="Ủy ban nhân dân">UBND</abbr>`, its long
form from the catalogue (`abbr.UBND`), and the stylesheet writes that long form after it in brackets, so a phone
shows it too. The words themselves never change: a document's text stays as it was printed.

Not explained: a part of a number and symbol (`4059/UBND-KGVX` is a code, and the document's type and
issuer are written beside it), and text in code, scripts, form controls, the trail of links a page opens with, text only a screen reader
reads (`sr-only`) or another `<abbr>`. A heading is explained only when the abbreviation appears nowhere else.
"""

from __future__ import annotations

import html
import re
from functools import cache

from campaign_site.core.catalogue import label
from campaign_site.data.domain import EXPLAINED_ABBREVIATIONS

CLASS = "explained"
"""The class of the `<abbr>` elements made here, which the stylesheet follows with their long form."""
_PARTS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
NEVER = frozenset({"script", "style", "code", "pre", "kbd", "samp", "abbr", "textarea", "select", "option", "button",
                   "svg", "title", "nav"})
"""Elements whose text is never explained: code, scripts, form controls, the trail of links a page opens with (its
names are the page's own, in full below), and what is already an abbreviation."""
LAST_RESORT = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""Headings: explained there only when the abbreviation is used nowhere else."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
"""Elements that have no end tag."""
_HIDDEN = re.compile(r"""\bclass=["'][^"']*\bsr-only\b""")


@cache
def _pattern() -> re.Pattern[str]:
    """Any explained abbreviation as page HTML writes it (`KH&amp;CN`), as a word of its own: not a part of a
    number and symbol (`/UBND-`) nor of a longer abbreviation."""
    forms = sorted((html.escape(short, quote=False) for short in EXPLAINED_ABBREVIATIONS), key=len, reverse=True)
    return re.compile(rf"(?<![\w/&;-])(?:{'|'.join(map(re.escape, forms))})(?![\w/&-])")


def _places(parts: list[str]) -> list[tuple[int, bool]]:
    """Each text part that may be explained (an odd index of `parts` is a tag) and whether it is a last resort:
    the open elements are followed on a stack, and text only a screen reader reads (`sr-only`) is passed over,
    as the reader who sees the page would miss its long form there."""
    open_elements: list[tuple[str, bool]] = []
    places = []
    for index, part in enumerate(parts):
        if index % 2:
            tag = _TAG.match(part)
            if not tag:
                continue  # a comment
            name = tag[2].lower()
            if tag[1]:
                while open_elements and open_elements.pop()[0] != name:
                    pass
            elif name not in VOID and not part.endswith("/>"):
                open_elements.append((name, name in NEVER or _HIDDEN.search(part) is not None))
        elif part and not any(never for _, never in open_elements):
            places.append((index, any(name in LAST_RESORT for name, _ in open_elements)))
    return places


def explain(content: str) -> str:
    """`content` (a page's HTML) with the first use of each abbreviation in an `<abbr>` giving its long form."""
    parts = _PARTS.split(content)
    first: dict[str, tuple[int, int]] = {}
    places = _places(parts)
    for last_resort in (False, True):
        for index, resort in places:
            if resort == last_resort:
                for match in _pattern().finditer(parts[index]):
                    first.setdefault(html.unescape(match[0]), (index, match.start()))
    for short, (index, start) in sorted(first.items(), key=lambda item: item[1], reverse=True):
        text, written = parts[index], html.escape(short, quote=False)
        title = html.escape(label("abbr", short), quote=True)
        parts[index] = f'{text[:start]}<abbr class="{CLASS}" title="{title}">{written}</abbr>{text[start + len(written):]}'
    return "".join(parts)
