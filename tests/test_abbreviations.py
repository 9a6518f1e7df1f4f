"""Abbreviations a reader may not know are explained once on every page: the first use of each is an
`<abbr class="explained">` with its long form, which the stylesheet writes after it; numbers and symbols, code
and the words themselves are left as they are."""

from __future__ import annotations

import re
from pathlib import Path

import hypothesis
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import page_paths
from hypothesis import strategies as st
from playwright.sync_api import Page

from campaign_site.core.catalogue import label
from campaign_site.data.domain import ABBREVIATIONS, EXPLAINED_ABBREVIATIONS
from campaign_site.pages.abbreviations import explain

UNREAD = ("script", "style", "code", "pre", "button", "select", "option", "textarea", "svg", "nav")
LAST = ("h1", "h2", "h3", "h4", "h5", "h6")


def uses(text: str, short: str) -> int:
    """How many times `short` stands as a word of its own in `text` (not inside `4059/UBND-KGVX` or `UBMTTQ`)."""
    return len(re.findall(rf"(?<![\w/&-]){re.escape(short)}(?![\w/&-])", text))


def _read_strings(article: Tag) -> list[NavigableString]:
    """The article's text a sighted reader reads: not code or controls, nor what only a screen reader reads."""
    return [s for s in article.find_all(string=True)
            if not any(p.name in UNREAD or "sr-only" in (p.get("class") or []) for p in s.parents)]


def test_every_abbreviation_on_every_page_is_explained_once_at_its_first_use(built_site: Path) -> None:
    explained_somewhere = set()
    for path in page_paths(built_site):
        article = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser").article
        if article is None:
            continue
        strings = _read_strings(article)
        marked = article.select("abbr.explained")
        for short in EXPLAINED_ABBREVIATIONS:
            used = sum(uses(s, short) for s in strings)
            mine = [a for a in marked if a.get_text() == short]
            assert len(mine) == (1 if used else 0), f"/{path}: {short} used {used} times, explained {len(mine)} times"
            if not used:
                continue
            explained_somewhere.add(short)
            assert mine[0]["title"] == label("abbr", short)
            in_text = [s for s in strings if uses(s, short) and not any(p.name in LAST for p in s.parents)]
            first = in_text[0] if in_text else next(s for s in strings if uses(s, short))
            assert first.parent is mine[0], f"/{path}: {short} is explained at a later use than its first"
    assert {"UBND", "KH&CN", "HĐND", "ĐMST"} <= explained_somewhere


def test_the_long_form_is_written_after_the_abbreviation_on_a_phone(served_site: str, page: Page) -> None:
    page.goto(f"{served_site}2026/")
    abbr = page.locator("article abbr.explained", has_text="UBND").first
    assert abbr.evaluate("a => getComputedStyle(a, '::after').content") == '" (Ủy ban nhân dân)"'
    assert abbr.is_visible()


def test_text_only_a_screen_reader_reads_is_passed_over() -> None:
    content = '<td><time>16</time><span class="sr-only">Sở KH&amp;CN Thanh Hóa.</span></td><br><p>Sở KH&amp;CN Lai Châu</p>'
    assert explain(content) == ('<td><time>16</time><span class="sr-only">Sở KH&amp;CN Thanh Hóa.</span></td><br>'
                                '<p>Sở <abbr class="explained" title="Khoa học và Công nghệ">KH&amp;CN</abbr> Lai Châu</p>')


def test_numbers_and_symbols_code_and_longer_abbreviations_are_left_alone() -> None:
    content = ('<p>Công văn số 4059/UBND-KGVX, 2341/BKHCN-ĐMST; UBMTTQ phường; <code>UBND</code></p>'
               '<h1>UBND xã</h1><p>Lãnh đạo UBND phường, Sở KH&amp;CN và UBND tỉnh</p>')
    out = explain(content)
    assert out.count("<abbr") == 3
    assert '<abbr class="explained" title="Ủy ban Mặt trận Tổ quốc">UBMTTQ</abbr>' in out
    assert "4059/UBND-KGVX" in out and "BKHCN-ĐMST" in out and "<code>UBND</code>" in out and "<h1>UBND xã</h1>" in out
    assert 'Lãnh đạo <abbr class="explained" title="Ủy ban nhân dân">UBND</abbr> phường' in out
    assert '<abbr class="explained" title="Khoa học và Công nghệ">KH&amp;CN</abbr>' in out
    assert explain("<h2>Sở KH&amp;CN</h2><p>Không viết tắt</p>") == (
        '<h2>Sở <abbr class="explained" title="Khoa học và Công nghệ">KH&amp;CN</abbr></h2><p>Không viết tắt</p>')


def test_the_site_explains_every_short_form_it_writes_for_an_agency() -> None:
    assert set(ABBREVIATIONS.values()) <= set(EXPLAINED_ABBREVIATIONS)
    assert all(label("abbr", short).strip() for short in EXPLAINED_ABBREVIATIONS)


WORDS = st.sampled_from([*EXPLAINED_ABBREVIATIONS, "xã", "Sở", "tỉnh", "4059/UBND-KGVX", "57-NQ/TW", "Bình Thành", ",", "và"])


@hypothesis.given(st.lists(st.lists(WORDS, max_size=8), min_size=1, max_size=5))
def test_explaining_keeps_every_word_and_marks_each_abbreviation_once(paragraphs: list[list[str]]) -> None:
    content = "".join(f"<p>{' '.join(words).replace('&', '&amp;')}</p>" for words in paragraphs)
    out = BeautifulSoup(explain(content), "html.parser")
    assert out.get_text() == BeautifulSoup(content, "html.parser").get_text()
    text = out.get_text(" ")
    for short in EXPLAINED_ABBREVIATIONS:
        marked = [a for a in out.select("abbr.explained") if a.get_text() == short]
        assert len(marked) == (1 if uses(text, short) else 0)
        if marked:
            assert uses(" ".join(marked[0].find_all_previous(string=True)), short) == 0
