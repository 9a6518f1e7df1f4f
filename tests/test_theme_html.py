"""Corrections to Material's HTML (campaign_site.pages.theme_html), on the real theme's output and on changed markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaign_site.pages import theme_html


def test_built_pages_carry_no_inline_code_and_every_moved_script_exists(built_site: Path) -> None:
    pages = [*built_site.rglob("index.html"), built_site / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script>", html), page
        assert not re.search(r"<[^>]+\son[a-z]+=", html), page  # no inline event handlers either
        for src in re.findall(r'<script src="([^"]+inline\.[0-9a-f]{8}\.js)"', html):
            target = (built_site / "404.html").parent / src.lstrip("/") if src.startswith("/") else page.parent / src
            assert target.resolve().is_file(), (page, src)
    assert len(list((built_site / "assets" / "javascripts").glob("inline.*.js"))) >= 3


SCOPE = theme_html.THEME_SCOPE_SCRIPT.pattern.replace('\\("[A-Za-z0-9_./~%-]*",', '("../..",').replace("\\", "")


def test_theme_scripts_move_in_order_and_data_blocks_stay() -> None:
    tabs = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    assert theme_html.is_theme_script(SCOPE) and theme_html.is_theme_script(tabs)
    scripts: dict[str, str] = {}
    html = f'<script>{SCOPE}</script><script type="application/json">{{"x": 1}}</script><script>{tabs}</script>'
    out = theme_html.externalise_scripts(html, "../..", scripts, pytest.fail)
    first, second = theme_html.script_file_name(SCOPE), theme_html.script_file_name(tabs)
    assert out == f'<script src="../../{first}"></script><script type="application/json">{{"x": 1}}</script><script src="../../{second}"></script>'
    assert scripts == {first: SCOPE, second: tabs}


@pytest.mark.parametrize("code", ["alert(1)", SCOPE + ";alert(1)", SCOPE.replace('"../.."', '"x\\",alert(1),\\""')])
def test_a_script_the_theme_did_not_write_stays_inline_and_is_reported(code: str) -> None:
    """Under the site's Content-Security-Policy an inline script cannot run: moving an injected one
    into a same-origin file would let it run, so only Material's own scripts move."""
    scripts: dict[str, str] = {}
    warnings: list[str] = []
    html = f"<p>x</p><script>{code}</script>"
    assert theme_html.externalise_scripts(html, "..", scripts, warnings.append) == html
    assert scripts == {} and len(warnings) == 1 and "không phải của giao diện" in warnings[0]


def test_changed_theme_markup_is_reported_not_silently_left() -> None:
    warnings: list[str] = []
    html = '<div class="md-search" role="dialog"><input type="checkbox" id="__drawer" autocomplete="off">'
    assert theme_html.correct(html, ".", {}, warnings.append) == html
    assert len(warnings) == 2
    assert "tìm kiếm" in warnings[0] and "0/2" in warnings[1]


def test_toc_title_keeps_its_toggle_only_where_the_toggle_exists() -> None:
    label = '<label class="md-nav__title" for="__toc">'
    assert theme_html.drop_dangling_toc_label(label) == '<label class="md-nav__title">'
    with_toggle = '<input type="checkbox" id="__toc">' + label
    assert theme_html.drop_dangling_toc_label(with_toggle) == with_toggle
