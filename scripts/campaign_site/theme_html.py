"""Corrections to the HTML Material's templates write, applied to every finished page.

Each one matches Material's markup exactly and reports when it no longer does (after a theme
upgrade), instead of silently leaving the page uncorrected:
- the search dialog gets an accessible name (Lighthouse's `aria-dialog-name`);
- the two menu checkboxes lose `autocomplete`, which HTML does not allow on checkboxes (Nu HTML checker);
- on pages outside the navigation, the table of contents' title stops pointing at a toggle that
  is not there (`for="__toc"`, also an HTML error);
- inline scripts move into files named by their content, so the Content-Security-Policy can be
  `script-src 'self'`, with no hash list to keep in step with the theme.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .content_names import content_name

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off">')
TOC_TITLE = '<label class="md-nav__title" for="__toc">'
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
SCRIPT_FOLDER = "assets/javascripts/"

Warn = Callable[[str], None]


def name_search_dialog(html: str, warn: Warn) -> str:
    """Give Material's search dialog the accessible name "Tìm kiếm"."""
    if SEARCH_DIALOG not in html:
        warn("Khung tìm kiếm của Material đã đổi cấu trúc: chưa đặt được tên cho trình đọc màn hình.")
        return html
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Tìm kiếm">', 1)


def drop_checkbox_autocomplete(html: str, warn: Warn) -> str:
    """Remove `autocomplete="off"` from Material's drawer and search checkboxes."""
    html, count = CHECKBOX_AUTOCOMPLETE.subn(r"\1>", html)
    if count != 2:
        warn(f"Material đã đổi cấu trúc hộp chọn của trình đơn: sửa được {count}/2 thuộc tính autocomplete.")
    return html


def drop_dangling_toc_label(html: str) -> str:
    """Unlink the table of contents' title from `__toc` when the page has no such toggle."""
    if 'id="__toc"' in html:
        return html
    return html.replace(TOC_TITLE, '<label class="md-nav__title">')


def script_file_name(code: str) -> str:
    """Where an inline script's code is published: `assets/javascripts/inline.<hash>.js`."""
    return content_name(f"{SCRIPT_FOLDER}inline.js", code.encode())


def externalise_scripts(html: str, root: str, scripts: dict[str, str]) -> str:
    """Replace each bare `<script>code</script>` by `<script src="…">`; add the files to `scripts`.

    `root` is the page's way back to the site's root ("../.." or "/"). A script without a `src`
    runs in place in both forms, so the page behaves the same. Data blocks
    (`<script type="application/json">`) carry attributes and are left as they are.
    """

    def to_file(match: re.Match[str]) -> str:
        name = script_file_name(match.group(1))
        scripts[name] = match.group(1)
        return f'<script src="{root.rstrip("/")}/{name}"></script>'

    return INLINE_SCRIPT.sub(to_file, html)


def correct(html: str, root: str, scripts: dict[str, str], warn: Warn) -> str:
    """Every correction above, in order."""
    html = drop_dangling_toc_label(drop_checkbox_autocomplete(name_search_dialog(html, warn), warn))
    return externalise_scripts(html, root, scripts)
