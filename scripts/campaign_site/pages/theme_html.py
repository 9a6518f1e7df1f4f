"""Corrections to the HTML Material's templates write, applied to every finished page.

Each one matches Material's markup exactly and reports when it no longer does (after a theme
upgrade), instead of silently leaving the page uncorrected:
- the search dialog gets an accessible name (Lighthouse's `aria-dialog-name`);
- the two menu checkboxes lose `autocomplete`, which HTML does not allow on checkboxes (Nu HTML checker);
- on pages outside the navigation, the table of contents' title stops pointing at a toggle that
  is not there (`for="__toc"`, also an HTML error);
- the theme's own inline scripts move into files named by their content, so the
  Content-Security-Policy can be `script-src 'self'`, with no hash list to keep in step with the
  theme. Only scripts recognised exactly as Material's move: any other inline script (one that
  reached a page some other way) stays inline, where the policy blocks it, and is reported.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from campaign_site.core.catalogue import plain
from campaign_site.core.content_names import content_name

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off">')
TOC_TITLE = '<label class="md-nav__title" for="__toc">'
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
THEME_SCRIPT_DIGESTS = {
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "palette",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "content tabs from the address's #anchor",
}
"""SHA-256 of the inline scripts Material 9.8 writes the same on every page."""
THEME_SCOPE_SCRIPT = re.compile(
    r'__md_scope=new URL\("[A-Za-z0-9_./~%-]*",location\),' + re.escape('__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
)
"""Material's storage scope: the same code with the page's way back to the site's root."""
SCRIPT_FOLDER = "assets/javascripts/"

Warn = Callable[[str], None]


def name_search_dialog(html: str, warn: Warn) -> str:
    """Give Material's search dialog the accessible name "Tìm kiếm"."""
    if SEARCH_DIALOG not in html:
        warn(plain("theme.search_changed"))
        return html
    label = plain("theme.search_label")
    return html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)


def drop_checkbox_autocomplete(html: str, warn: Warn) -> str:
    """Remove `autocomplete="off"` from Material's drawer and search checkboxes."""
    html, count = CHECKBOX_AUTOCOMPLETE.subn(r"\1>", html)
    if count != 2:
        warn(plain("theme.checkbox_changed", count=count))
    return html


def drop_dangling_toc_label(html: str) -> str:
    """Unlink the table of contents' title from `__toc` when the page has no such toggle."""
    if 'id="__toc"' in html:
        return html
    return html.replace(TOC_TITLE, '<label class="md-nav__title">')


def script_file_name(code: str) -> str:
    """Where an inline script's code is published: `assets/javascripts/inline.<hash>.js`."""
    return content_name(f"{SCRIPT_FOLDER}inline.js", code.encode())


def is_theme_script(code: str) -> bool:
    """True for exactly the inline scripts Material's templates write."""
    return hashlib.sha256(code.encode()).hexdigest() in THEME_SCRIPT_DIGESTS or THEME_SCOPE_SCRIPT.fullmatch(code) is not None


def externalise_scripts(html: str, root: str, scripts: dict[str, str], warn: Warn) -> str:
    """Replace each of the theme's bare `<script>code</script>` by `<script src="…">`; add the files to `scripts`.

    `root` is the page's way back to the site's root ("../.." or "/"). A script without a `src`
    runs in place in both forms, so the page behaves the same. Data blocks
    (`<script type="application/json">`) carry attributes and are left as they are.
    """

    def to_file(match: re.Match[str]) -> str:
        if not is_theme_script(match.group(1)):
            warn(plain("theme.foreign_script", code=repr(match.group(1)[:60])))
            return match.group(0)
        name = script_file_name(match.group(1))
        scripts[name] = match.group(1)
        return f'<script src="{root.rstrip("/")}/{name}"></script>'

    return INLINE_SCRIPT.sub(to_file, html)


def correct(html: str, root: str, scripts: dict[str, str], warn: Warn) -> str:
    """Every correction above, in order."""
    html = drop_dangling_toc_label(drop_checkbox_autocomplete(name_search_dialog(html, warn), warn))
    return externalise_scripts(html, root, scripts, warn)
