"""Banners: exact text files, print artwork that fits its margins, self-contained SVG, embedded fonts.

The PDFs are checked with poppler (`pdffonts`, `pdftoppm`), the SVGs in Chromium, the text files
against the source documents' wording in seed_facts.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from fractions import Fraction
from pathlib import Path
from xml.etree import ElementTree

import hypothesis
import pytest
import seed_facts
from bs4 import BeautifulSoup
from conftest import REPO, copy_project, replace_in
from hypothesis import strategies as st
from PIL import Image, ImageChops
from playwright.sync_api import Page

from campaign_site.data.loader import load_site
from campaign_site.data.model import BannerStyle
from campaign_site.pages.renderer import SiteRenderer, human_size
from campaign_site.stages.banners import layout as banner_layout
from campaign_site.stages.banners.artwork import (
    PREVIEW_SMALL_WIDTH_PX,
    PREVIEW_WIDTH_PX,
    BannerMaker,
    artwork_box,
    colour_words,
    share_layouts,
    upper,
)
from campaign_site.stages.banners.cache import BannerCache
from campaign_site.stages.banners.font import BannerFont, banner_font
from campaign_site.stages.banners.layout import (
    PHRASE_TOLERANCE,
    WORD_TOLERANCE,
    Box,
    Measure,
    ends_phrase,
    evenness,
    fit,
    inside_share,
    largest_size,
    phrase_breaks,
    split_size,
    words,
)
from campaign_site.stages.banners.pdf import banner_pdf
from campaign_site.stages.banners.vi_words import WORDS_FILE, dictionary
from campaign_site.stages.collect import collect

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
STYLE = BannerStyle()
SEED_TEXTS = {
    2026: [*seed_facts.THEMES_2026_21_4, seed_facts.SLOGAN_2026_21_4, seed_facts.THEME_2026_IP, seed_facts.THEME_2026_ST, *seed_facts.SLOGANS_2026_LOCAL],
    2025: [*seed_facts.THEMES_2025, seed_facts.SLOGAN_2025],
}
# 200 characters of Vietnamese words, as a long slogan pasted from a dispatch might be.
SYNTHETIC = " ".join(itertools.islice(itertools.cycle(
    "Toàn dân tích cực hưởng ứng khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia vì một Việt Nam hùng cường".split()
), 60))[:200].rstrip()


def banner_dir(site: Path, year: int) -> Path:
    return site / str(year) / "bang-ron"


def plain_texts(site: Path, year: int) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in banner_dir(site, year).glob("*.txt") if not p.stem.endswith("-chu-hoa")}


def ink_box(image: Image.Image, background: str) -> tuple[int, int, int, int]:
    """Bounding box of every pixel that is not the background colour.

    The outermost 2 pixels are left out: a rasteriser rounds the page to whole pixels and leaves
    a blank edge, which is not ink.
    """
    rgb = image.convert("RGB")
    diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, background)).convert("L")
    inner = diff.point(lambda v: 255 if v > 48 else 0).crop((2, 2, rgb.width - 2, rgb.height - 2))
    box = inner.getbbox()
    assert box is not None, "nothing drawn"
    return box[0] + 2, box[1] + 2, box[2] + 2, box[3] + 2


def assert_ink_fills_margins(image: Image.Image, width_mm: float, height_mm: float) -> None:
    """Ink inside the margins, and reaching them on two opposite sides (the largest size that fits).

    Vertically the text's block keeps room for the tallest and deepest Vietnamese marks of the
    whole text, which a given first or last line may not use: 2 % of the height is allowed for that.
    """
    scale = image.width / width_mm
    area = artwork_box(width_mm, height_mm, STYLE)
    left, top, right, bottom = ink_box(image, STYLE.background)
    tolerance = 2
    assert left >= area.x * scale - tolerance and top >= area.y * scale - tolerance, (left, top, area)
    assert right <= (area.x + area.width) * scale + tolerance, (right, area)
    assert bottom <= (area.y + area.height) * scale + tolerance, (bottom, area)
    fills_width = right - left >= area.width * scale - 2 * tolerance - 2
    fills_height = bottom - top >= area.height * scale * 0.98 - 2 * tolerance
    assert fills_width or fills_height, ((left, top, right, bottom), area, scale)


def render_pdf(pdf: Path, width_mm: float, workdir: Path) -> Image.Image:
    """The PDF's page as pdftoppm draws it, about 1600 pixels wide."""
    dpi = 1600 / (width_mm / 25.4)
    out = workdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", f"{dpi:.4f}", "-png", "-singlefile", str(pdf), str(out)], check=True)
    with Image.open(out.with_suffix(".png")) as image:
        return image.copy()


# --- layout, without any file ----------------------------------------------------------


@pytest.mark.parametrize("text", [upper(SYNTHETIC), SYNTHETIC, upper(seed_facts.THEME_2026_ST), "ĐỔI", "ĐỔIMỚISÁNGTẠOKHOAHỌCCÔNGNGHỆCHUYỂNĐỔISỐ " * 2])
@pytest.mark.parametrize("size", [(5000, 800), (3000, 600), (420, 297), (600, 2400)])
def test_layout_breaks_at_spaces_and_keeps_ink_inside_the_box(text: str, size: tuple[int, int]) -> None:
    box = artwork_box(*size, STYLE)
    layout = fit(text, banner_font(), box)
    assert " ".join(line.text for line in layout.lines) == " ".join(text.split())
    ink = layout.ink
    assert ink.x >= box.x - 1e-6 and ink.y >= box.y - 1e-6
    assert ink.x + ink.width <= box.x + box.width + 1e-6 and ink.y + ink.height <= box.y + box.height + 1e-6
    assert ink.width >= box.width * 0.999 or ink.height >= box.height * 0.98


def test_no_line_starts_with_a_dash_or_colon() -> None:
    text = upper(seed_facts.THEME_2026_IP)
    for width in range(200, 3000, 50):
        layout = fit(text, banner_font(), Box(0, 0, width, 400))
        assert not any(re.match(r"[-:]", line.text) for line in layout.lines)
    assert words("A - B: C") == ["A -", "B:", "C"]


def every_split(units: list[str]) -> list[list[str]]:
    """All 2^(n-1) ways to break the units into lines."""
    splits = []
    for cuts in itertools.product([False, True], repeat=len(units) - 1):
        lines, current = [], [units[0]]
        for unit, cut in zip(units[1:], cuts, strict=True):
            if cut:
                lines.append(" ".join(current))
                current = []
            current.append(unit)
        lines.append(" ".join(current))
        splits.append(lines)
    return splits


class RememberingMeasure(Measure):
    """`Measure` that keeps each run of text's extents: the brute force below measures the same few
    hundred lines in each of its thousands of splits. The same numbers, each worked out once."""

    def __init__(self, font: BannerFont) -> None:
        super().__init__(font)
        self.ink_width = functools.cache(super().ink_width)
        self.top = functools.cache(super().top)
        self.bottom = functools.cache(super().bottom)


def brute_force_best(text: str, box: Box, max_size: float | None = None) -> tuple[float, list[list[str]]]:
    """The largest size of any split, and every split that wins by the rules of `banner_layout`,
    written out again over all splits (no dynamic programming): within the tolerance of the
    largest size, the smallest share of breaks inside phrases, then the largest size (0.01 % counts
    as equal; then fewer lines), then the narrowest widest line, then the most even lines."""
    measure = RememberingMeasure(banner_font())
    rows = []
    for split in every_split(words(text)):
        size = split_size(measure, split, box)
        rows.append((min(size, max_size) if max_size else size, split))
    largest = max(size for size, _ in rows)
    eligible = [(size, split) for size, split in rows if size >= largest * (1 - PHRASE_TOLERANCE) * (1 - 1e-9)]
    share = min(inside_share(split) for _, split in eligible)
    eligible = [(size, split) for size, split in eligible if inside_share(split) == share]
    top = max(size for size, _ in eligible)
    lines = min(len(split) for size, split in eligible if size * 1.0001 >= top)
    eligible = [(size, split) for size, split in eligible if len(split) == lines]
    widest = min(max(measure.ink_width(line) for line in split) for _, split in eligible)
    eligible = [split for _, split in eligible if max(measure.ink_width(line) for line in split) <= widest * (1 + 1e-9)]
    even = min(evenness(split, measure.ink_width) for split in eligible)
    return largest, [split for split in eligible if evenness(split, measure.ink_width) <= even * (1 + 1e-9)]


@pytest.mark.parametrize("text", [
    seed_facts.SLOGAN_2026_21_4, seed_facts.THEME_2026_IP, seed_facts.THEMES_2025[2], seed_facts.THEMES_2026_21_4[0],
    seed_facts.SLOGANS_2026_LOCAL[1],  # no punctuation: the largest split wins, as before phrases were weighed
    "Một hai ba bốn năm sáu bảy tám, chín mười",  # a late comma: worth it on the 5 m banner, not on the 3 m
    "Xanh, đỏ, tím, vàng: cam lam chàm - trắng đen",
])
@pytest.mark.parametrize("size", [(5000, 800), (3000, 600), (420, 297), (600, 900)])
def test_the_chosen_split_is_the_best_of_every_possible_split(text: str, size: tuple[int, int]) -> None:
    """Brute force over all 2^(n-1) ways to break the words into lines: none beats `fit` under the
    rules, and its letters are within the tolerance of the largest any split reaches."""
    text = upper(text)
    box = artwork_box(*size, STYLE)
    layout = fit(text, banner_font(), box)
    largest, winners = brute_force_best(text, box)
    assert [line.text for line in layout.lines] in winners
    assert layout.font_size >= largest * (1 - PHRASE_TOLERANCE) * (1 - 1e-9)
    assert layout.font_size == pytest.approx(split_size(Measure(banner_font()), winners[0], box), rel=1e-9)


def test_a_capped_size_is_chosen_by_the_same_rules() -> None:
    """The sharing image's caption line is capped (`max_size`): sizes are compared after the cap."""
    text, box = "Chủ đề năm 2026 · Hưởng ứng Ngày Sáng tạo, Đổi mới sáng tạo", Box(56, 530, 1088, 44)
    layout = fit(text, banner_font(), box, max_size=30)
    _, winners = brute_force_best(text, box, max_size=30)
    assert [line.text for line in layout.lines] in winners and layout.font_size <= 30


def test_breaks_after_punctuation_end_phrases_and_others_fall_inside_them() -> None:
    assert [ends_phrase(u) for u in ["TẠO -", "THAO:", "PHÁ,", "HƠN.", "(26/4),", "MỚI”", "HÀNH", "21/4/2026", "A-B"]] == [
        True, True, True, True, True, False, False, False, False,
    ]
    assert ends_phrase("“ĐỔI MỚI,”")
    split = ["ĐỔI MỚI SÁNG TẠO -", "HÀNH ĐỘNG", "ĐỘT PHÁ,", "LAN TỎA KẾT QUẢ"]
    assert phrase_breaks(split) == 1 and inside_share(split) == Fraction(1, 3)
    assert inside_share(["MỘT DÒNG"]) == 0


def test_a_break_at_punctuation_wins_within_the_tolerance_and_loses_beyond_it(monkeypatch: pytest.MonkeyPatch) -> None:
    font = banner_font()
    text = upper(seed_facts.THEMES_2026_21_4[0])
    box = artwork_box(5000, 800, STYLE)
    phrased = fit(text, font, box)
    monkeypatch.setattr(banner_layout, "PHRASE_TOLERANCE", 0.0)
    by_size_alone = fit(text, font, box)
    assert [line.text for line in by_size_alone.lines] == ["ĐỔI MỚI SÁNG TẠO - HÀNH ĐỘNG", "ĐỘT PHÁ, LAN TỎA KẾT QUẢ"]
    # 9 % smaller: within 12 %, so the break after the dash wins ...
    assert [line.text for line in phrased.lines] == ["ĐỔI MỚI SÁNG TẠO -", "HÀNH ĐỘNG ĐỘT PHÁ, LAN TỎA KẾT QUẢ"]
    assert 0.88 < phrased.font_size / by_size_alone.font_size < 0.92
    # ... and with a tolerance below its cost, the largest split is back.
    monkeypatch.setattr(banner_layout, "PHRASE_TOLERANCE", 0.08)
    assert fit(text, font, box).lines == by_size_alone.lines
    # A late comma: on the 5 m banner, whose height sets the size, a long first line costs 2 % and
    # wins; on the 3 m banner it costs 22 % and the largest split stays.
    monkeypatch.setattr(banner_layout, "PHRASE_TOLERANCE", 0.12)
    late = "MỘT HAI BA BỐN NĂM SÁU BẢY TÁM, CHÍN MƯỜI"
    assert [line.text for line in fit(late, font, box).lines] == ["MỘT HAI BA BỐN NĂM SÁU BẢY TÁM,", "CHÍN MƯỜI"]
    assert [line.text for line in fit(late, font, artwork_box(3000, 600, STYLE)).lines] == [
        "MỘT HAI BA BỐN NĂM", "SÁU BẢY TÁM, CHÍN MƯỜI",
    ]


def shipped_layouts() -> list[tuple[str, str, Box, list[str], float]]:
    """(text, box name, box, lines, size) of every shipped theme and slogan in every box it is drawn in."""
    data = load_site(REPO / "campaigns")
    style = data.settings.banners
    width, height = PREVIEW_WIDTH_PX, round(PREVIEW_WIDTH_PX * style.sizes[0].height_mm / style.sizes[0].width_mm)
    boxes = {s.id: artwork_box(s.width_mm, s.height_mm, style) for s in style.sizes}
    boxes["preview"] = artwork_box(width, height, style)
    font = banner_font()
    rows = []
    for campaign in data.campaigns.values():
        for entry in campaign.phrases().values():
            text = upper(entry.phrase.text)
            for name, box in boxes.items():
                layout = fit(text, font, box)
                rows.append((text, name, box, [line.text for line in layout.lines], layout.font_size))
            share = share_layouts(text, "x", style, font)[0][0]
            rows.append((text, "share", Box(0, 0, 0, 0), [line.text for line in share.lines], share.font_size))
    return rows


def test_shipped_texts_keep_the_phrases_their_banners_used_to_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """campaigns/2026 and 2025: the 5 m banner (and its preview) no longer breaks "HÀNH ĐỘNG / ĐỘT
    PHÁ", no banner breaks "GIÀU / MẠNH", and no layout is more than 12 % smaller than the largest."""
    rows = shipped_layouts()
    assert len(rows) == 11 * 5
    for text, name, _, lines, _ in rows:
        if "GIÀU MẠNH" in text:
            assert any("GIÀU MẠNH," in line for line in lines), (name, lines)
        if "HÀNH ĐỘNG ĐỘT PHÁ" in text and name in ("ngang-80x500", "preview"):
            assert any("HÀNH ĐỘNG ĐỘT PHÁ," in line for line in lines), (name, lines)
    monkeypatch.setattr(banner_layout, "PHRASE_TOLERANCE", 0.0)
    font = banner_font()
    for text, name, box, lines, size in rows:
        if name != "share":
            assert size >= fit(text, font, box).font_size * (1 - PHRASE_TOLERANCE) * (1 - 1e-9), (name, lines)


# Words the issue found split, or named: none may be broken across two lines (lower case, NFC).
NAMED_WORDS = {
    "đất nước", "kỷ nguyên", "sáng tạo", "đổi mới", "khoa học", "công nghệ", "chuyển đổi", "hành động", "đột phá",
    "lan tỏa", "kết quả", "giá trị", "hiện thực", "khát vọng", "ý tưởng", "sở hữu", "trí tuệ", "phát triển",
    "chào mừng", "bắt đầu", "nhiệt liệt", "thế giới", "việt nam", "thịnh vượng", "giàu mạnh",
}


def breaks_at_word_boundaries(lines: list[str], units: list[str]) -> bool:
    """Whether every line is a run of whole units (so no break falls inside one)."""
    ends, count = set(), 0
    for unit in units:
        count += len(unit.split())
        ends.add(count)
    count, line_ends = 0, set()
    for line in lines:
        count += len(line.split())
        line_ends.add(count)
    return line_ends <= ends


def split_pairs(lines: list[str]) -> set[str]:
    """The last syllable of each line with the first of the next, bare and lower case."""
    bare = [[s.strip("“”«»()\"'-–—:;,.!?").lower() for s in line.split()] for line in lines]
    return {f"{a[-1]} {b[0]}" for a, b in itertools.pairwise(bare)}


def test_the_issues_two_examples_keep_their_words_whole_on_a3_and_the_5_m_banner() -> None:
    """Issue 27: "ĐẤT / NƯỚC" and "KỶ / NGUYÊN" were split on the A3 sheet and the 5 m banner."""
    text, font = upper(seed_facts.THEME_2026_ST), banner_font()
    five_m = fit(text, font, artwork_box(5000, 800, STYLE))
    assert [line.text for line in five_m.lines] == [
        "KHOA HỌC, CÔNG NGHỆ,",
        "ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ: ĐỘT PHÁ ĐƯA",
        "ĐẤT NƯỚC BƯỚC VÀO KỶ NGUYÊN GIÀU MẠNH, THỊNH VƯỢNG",
    ]
    a3 = fit(text, font, artwork_box(420, 297, STYLE))
    assert [line.text for line in a3.lines] == [
        "KHOA HỌC, CÔNG NGHỆ,", "ĐỔI MỚI SÁNG TẠO", "VÀ CHUYỂN ĐỔI SỐ:", "ĐỘT PHÁ ĐƯA",
        "ĐẤT NƯỚC BƯỚC VÀO", "KỶ NGUYÊN GIÀU MẠNH,", "THỊNH VƯỢNG",
    ]


def test_every_shipped_text_breaks_only_between_words_in_every_box() -> None:
    """Every theme and slogan of campaigns/, at every print size, the preview and the sharing
    image: each line holds whole dictionary words, and no word the issue named is split."""
    for text, name, _, lines, _ in shipped_layouts():
        assert breaks_at_word_boundaries(lines, words(text)), (name, lines)
        assert not split_pairs(lines) & NAMED_WORDS, (name, lines)


def test_words_join_the_syllables_of_dictionary_words_and_stop_at_punctuation() -> None:
    assert words("KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ: ĐỘT PHÁ") == [
        "KHOA HỌC,", "CÔNG NGHỆ,", "ĐỔI MỚI", "SÁNG TẠO", "VÀ", "CHUYỂN ĐỔI", "SỐ:", "ĐỘT PHÁ",
    ]
    assert words("“Đổi mới” - sáng, tạo") == ["“Đổi mới” -", "sáng,", "tạo"]
    assert words("Ngày Sở hữu trí tuệ thế giới 26/4") == ["Ngày", "Sở hữu", "trí tuệ", "thế giới", "26/4"]
    assert NAMED_WORDS <= {" ".join(word) for word in dictionary()}


def test_the_dictionary_file_holds_distinct_lower_case_nfc_words_of_several_syllables() -> None:
    lines = [line for line in WORDS_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) == len(set(lines)) == len(dictionary())
    for line in lines:
        assert line == unicodedata.normalize("NFC", line).lower() == " ".join(line.split()) and len(line.split()) >= 2, line


# Syllables that belong to no word of the dictionary, so a sequence of them and of dictionary words
# has exactly one reading.
LONE_SYLLABLES = [s for s in ["VÀ", "CỦA", "ĐỂ", "CHO", "VỚI", "ĐƯA", "BƯỚC", "VÀO", "HƠN", "NHANH", "BIẾN", "LÀM", "NGÀY"]
                  if all(s.lower() not in word for word in dictionary())]


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(
    sequence=st.lists(st.one_of(st.sampled_from(sorted(" ".join(w).upper() for w in dictionary())),
                                st.sampled_from(LONE_SYLLABLES)), min_size=1, max_size=9),
    width=st.integers(60, 5000),
    height=st.integers(60, 2400),
)
def test_random_texts_of_words_and_syllables_break_only_between_words(sequence: list[str], width: int, height: int) -> None:
    """Any box, any text: lines break between words, or inside a word that alone is wider than the
    box at letters `WORD_TOLERANCE` smaller than the largest any split between syllables reaches."""
    text, box, measure = " ".join(sequence), Box(0, 0, width, height), Measure(banner_font())
    assert words(text) == sequence
    lines = [line.text for line in fit(text, banner_font(), box).lines]
    assert " ".join(lines) == text
    floor = largest_size(measure, text.split(), box) * (1 - WORD_TOLERANCE)
    whole = [word for word in sequence if measure.ink_width(word) * floor <= box.width]
    units = [piece for word in sequence for piece in ([word] if word in whole else word.split())]
    assert breaks_at_word_boundaries(lines, units), lines


def test_only_a_word_too_wide_for_an_upright_banner_breaks_between_its_syllables() -> None:
    font, text = banner_font(), "CHÀO MỪNG PHƯỜNG TRẦN HƯNG ĐẠO"
    upright = fit(text, font, Box(0, 0, 300, 3000))
    assert [line.text for line in upright.lines] == ["CHÀO", "MỪNG", "PHƯỜNG", "TRẦN", "HƯNG", "ĐẠO"]
    assert [line.text for line in fit(text, font, artwork_box(420, 297, STYLE)).lines] == [
        "CHÀO MỪNG", "PHƯỜNG", "TRẦN HƯNG ĐẠO",
    ]


# --- the shipped site ------------------------------------------------------------------


@pytest.mark.parametrize("year", [2026, 2025])
def test_text_files_equal_the_source_documents_byte_for_byte(built_site: Path, year: int) -> None:
    texts = plain_texts(built_site, year)
    assert sorted(texts.values()) == sorted((t + "\n").encode() for t in SEED_TEXTS[year])
    for stem, content in texts.items():
        upper_text = (banner_dir(built_site, year) / f"{stem}-chu-hoa.txt").read_bytes().decode()
        assert upper_text == unicodedata.normalize("NFC", content.decode().upper())
        assert unicodedata.is_normalized("NFC", upper_text)
    assert "ĐỔI MỚI SÁNG TẠO - HÀNH ĐỘNG ĐỘT PHÁ, LAN TỎA KẾT QUẢ\n" in {
        p.read_text(encoding="utf-8") for p in banner_dir(built_site, 2026).glob("*-chu-hoa.txt")
    }


def test_every_pdf_embeds_its_font_and_has_the_configured_page_size(built_site: Path) -> None:
    pdfs = sorted(built_site.glob("*/bang-ron/*.pdf"))
    assert len(pdfs) == 3 * (7 + 4)
    sizes = {s.id: s for s in STYLE.sizes}
    for pdf in pdfs:
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), (pdf.name, fonts)
        assert any("NotoSans-Bold" in line or "NotoSansBold" in line for line in fonts)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        width_pt, height_pt = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        size = next(s for sid, s in sizes.items() if pdf.stem.endswith(sid))
        assert abs(width_pt / 72 * 25.4 - size.width_mm) < 0.5 and abs(height_pt / 72 * 25.4 - size.height_mm) < 0.5


def longest(site: Path) -> tuple[int, str]:
    """The year and id of the longest theme or slogan in the data."""
    candidates = [(len(content), year, stem) for year in SEED_TEXTS for stem, content in plain_texts(site, year).items()]
    _, year, stem = max(candidates)
    return year, stem


def test_longest_text_in_the_data_fits_its_margins_in_every_pdf(built_site: Path, tmp_path: Path) -> None:
    year, stem = longest(built_site)
    assert (banner_dir(built_site, year) / f"{stem}.txt").read_text(encoding="utf-8").strip() == seed_facts.THEME_2026_ST
    for size in STYLE.sizes:
        image = render_pdf(banner_dir(built_site, year) / f"{stem}-{size.id}.pdf", size.width_mm, tmp_path)
        assert_ink_fills_margins(image, size.width_mm, size.height_mm)


@pytest.mark.parametrize("size", STYLE.sizes, ids=lambda s: s.id)
def test_synthetic_200_character_slogan_fits_its_margins(tmp_path: Path, size) -> None:
    assert len(SYNTHETIC) == 200
    text = upper(SYNTHETIC)
    font = banner_font()
    layout = fit(text, font, artwork_box(size.width_mm, size.height_mm, STYLE))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(banner_pdf(text, layout, size.width_mm, size.height_mm, STYLE.background, STYLE.text_color, font))
    assert_ink_fills_margins(render_pdf(pdf, size.width_mm, tmp_path), size.width_mm, size.height_mm)
    extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert " ".join(extracted.split()) == " ".join(text.split())


def test_svgs_need_no_font_and_no_other_file(built_site: Path) -> None:
    svgs = sorted(built_site.glob("*/bang-ron/*.svg"))
    assert len(svgs) == 3 * (7 + 4)
    for path in svgs:
        source = path.read_text(encoding="utf-8")
        assert "@font-face" not in source and "url(" not in source and "font-family" not in source
        root = ElementTree.fromstring(source)
        assert root.tag == f"{SVG}svg" and root.get("width", "").endswith("mm")
        assert not [e for name in ("text", "image", "style", "font") for e in root.iter(f"{SVG}{name}")]
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        for element in root.iter():
            for name, value in element.attrib.items():
                if name in (XLINK_HREF, "href"):
                    assert value.startswith("#") and value[1:] in ids, (path.name, value)
        uses = list(root.iter(f"{SVG}use"))
        title = root.findtext(f"{SVG}title")
        assert len(uses) == sum(1 for c in title if not c.isspace())


def test_svg_draws_the_text_inside_its_margins_in_chromium(built_site: Path, served_site: str, page: Page) -> None:
    year, stem = longest(built_site)
    for size in STYLE.sizes:
        width = 1400
        height = round(width * size.height_mm / size.width_mm)
        page.set_viewport_size({"width": width, "height": max(height, 200)})
        page.set_content(f'<body style="margin:0"><img id="b" src="{served_site}{year}/bang-ron/{stem}-{size.id}.svg" width="{width}" height="{height}"></body>')
        page.wait_for_function("document.getElementById('b').complete && document.getElementById('b').naturalWidth > 0")
        image = Image.open(io.BytesIO(page.locator("#b").screenshot()))
        assert_ink_fills_margins(image, size.width_mm, size.height_mm)


def test_zip_holds_every_banner_file_and_its_link_states_its_size(built_site: Path) -> None:
    folder = banner_dir(built_site, 2026)
    archive_path = folder / "bang-ron-2026.zip"
    with zipfile.ZipFile(archive_path) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        site_files = {p.name for p in folder.iterdir() if p.name not in ("index.html", archive_path.name)}
        page_only = {p.name for p in folder.glob(f"*-{PREVIEW_SMALL_WIDTH_PX}.png")}
        assert len(page_only) == 7  # the small previews are for the page, not for the print shop
        site_files -= page_only
        assert names == site_files | {"HUONG-DAN.txt", "OFL.txt"}
        for name in site_files:
            assert archive.read(name) == (folder / name).read_bytes(), name
        guide = archive.read("HUONG-DAN.txt").decode()
        assert "Noto Sans Bold" in guide and seed_facts.THEME_2026_ST in guide
        assert "Nền đỏ (#DA251D), chữ vàng (#FFFF00)" in guide  # the print shop gets the exact colours
    html = (folder / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").find("a", href="bang-ron-2026.zip")
    assert link is not None and link.get_text().endswith(f"ZIP, {human_size(archive_path.stat().st_size)}")


def test_images_have_their_sizes_and_the_sharing_image_is_the_pages_picture(built_site: Path) -> None:
    folder = banner_dir(built_site, 2026)
    smalls = list(folder.glob(f"*-{PREVIEW_SMALL_WIDTH_PX}.png"))
    shares = list(folder.glob("*-chia-se.png"))
    previews = [p for p in folder.glob("*.png") if p not in smalls and p not in shares]
    assert len(previews) == len(shares) == len(smalls) == 7
    assert {Image.open(p).size for p in previews} == {(1600, 256)}
    assert {Image.open(p).size for p in smalls} == {(800, 128)}
    assert {Image.open(p).size for p in shares} == {(1200, 630)}
    for page_dir in ("2026/bang-ron", "2026", ""):
        soup = BeautifulSoup((built_site / page_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith("https://doimoisangtao.example/2026/bang-ron/") and image.endswith("-chia-se.png")
        assert (built_site / image.removeprefix("https://doimoisangtao.example/")).is_file()
        assert soup.find("meta", property="og:image:alt")["content"].isupper()
        assert soup.find("meta", property="og:title")["content"]


def test_banners_page_gives_each_text_its_count_source_and_downloads(built_site: Path) -> None:
    folder = banner_dir(built_site, 2026)
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    blocks = soup.select("div.banner")
    assert len(blocks) == 7
    texts = [b.select_one(".banner__text").get_text() for b in blocks]
    assert sorted(texts) == sorted(SEED_TEXTS[2026])
    for block, text in zip(blocks, texts, strict=True):
        heading = block.find_previous_sibling(["h3"])
        assert heading["id"] and block.select_one(".banner__text")["id"] == f"noi-dung-{heading['id']}"
        assert f"{len(text)} ký tự (kể cả dấu cách)" in block.get_text()
        assert heading["id"] not in block.get_text() and "Mã:" not in block.get_text()  # no internal id for citizens
        assert block.select('a[href^="../ke-hoach/"]'), text
        hrefs = {a["href"] for a in block.find_all("a", download=True)}
        assert len(hrefs) == 4 + 2 * len(STYLE.sizes)
        for href in hrefs:
            assert (folder / href).is_file()
        button = block.find("button", attrs={"data-copy": True})
        assert button.has_attr("hidden")  # shown by the script only, since it needs it
    nav = BeautifulSoup((built_site / "2026/index.html").read_text(encoding="utf-8"), "html.parser")
    assert nav.find("a", href="bang-ron/")


def test_the_texts_and_their_pdfs_come_first_and_the_print_details_after_them(built_site: Path) -> None:
    """The reader asks "which file for which size?": each text's PDFs follow the text at once (before the
    preview, counts and sources); the print details (margins, font, its licence, the ZIP) come after every
    text, in their own part."""
    article = BeautifulSoup((banner_dir(built_site, 2026) / "index.html").read_text(encoding="utf-8"), "html.parser").article
    h1 = article.find("h1")
    intro = h1.find_next_sibling("p").get_text()
    assert "lề" not in intro and "phông" not in intro and "License" not in intro
    assert h1.find_next_sibling("h2").get_text(strip=True).startswith("21/4")
    for block in article.select("div.banner"):
        parts = [c for c in block.children if getattr(c, "name", None)]
        assert "banner__text" in parts[0]["class"] and "banner__print" in parts[1]["class"]
        stem = parts[0]["id"].removeprefix("noi-dung-")
        assert [a["href"] for a in parts[1].find_all("a")] == [f"{stem}-{s.id}.pdf" for s in STYLE.sizes]
    printing = article.find_all("h2")[-1]
    assert printing.get_text(strip=True).rstrip("¶") == "Thông tin cho nhà in"
    assert not printing.find_next_siblings("div", class_="banner")
    details = " ".join(p.get_text(" ") for p in printing.find_next_siblings("p"))
    assert "lề 8%" in details and "SIL Open Font License" in details and "ZIP" in details


def test_each_text_offers_one_pdf_per_size_and_folds_the_other_files(built_site: Path) -> None:
    """For the print shop: one PDF per print size, named for what it is; the rest behind "Tệp khác",
    whose Markdown is rendered (a real table, real links), closed until opened."""
    folder = banner_dir(built_site, 2026)
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    for block in soup.select("div.banner"):
        stem = block.select_one(".banner__text")["id"].removeprefix("noi-dung-")
        more = block.find("details")
        assert more is not None and not more.has_attr("open")
        assert more.find("summary").get_text(strip=True) == "Tệp khác"
        primary = [a for a in block.find_all("a", download=True) if more not in a.parents]
        assert [a["href"] for a in primary] == [f"{stem}-{size.id}.pdf" for size in STYLE.sizes]
        for a, size in zip(primary, STYLE.sizes, strict=True):
            size_text = human_size((folder / a["href"]).stat().st_size)
            assert a.get_text() == f"{size.name}: PDF, {size_text}"
        assert "|" not in more.get_text()  # the table inside is Markdown rendered, not pipes
        rows = more.select("table tbody tr")
        assert [r.find("a")["href"] for r in rows] == [f"{stem}-{size.id}.svg" for size in STYLE.sizes]
        assert [r.find("td").get_text() for r in rows] == [f"{s.name} (rộng {s.width_mm} mm, cao {s.height_mm} mm)" for s in STYLE.sizes]
        others = {a["href"] for a in more.select("ul a[download]")}
        assert others == {f"{stem}.txt", f"{stem}-chu-hoa.txt", f"{stem}.png", f"{stem}-chia-se.png"}
        assert "chữ đã chuyển thành hình vẽ, máy in không cần cài phông" in more.get_text()


def test_citizens_read_colours_and_pictures_in_words(built_site: Path) -> None:
    html = (banner_dir(built_site, 2026) / "index.html").read_text(encoding="utf-8")
    content = BeautifulSoup(html, "html.parser").select_one("article")
    text = content.get_text(" ")
    assert "nền đỏ, chữ vàng" in text
    assert not re.search(r"#[0-9A-Fa-f]{6}\b", text)
    assert "chuyển nét" not in text and "đường nét" not in text
    assert "băng rôn băng rôn" not in html.lower()
    alts = {img["alt"] for img in content.select("img.banner__preview")}
    assert alts == {"Hình xem trước: băng rôn ngang 0,8 × 5 m với dòng chữ như trên"}


def test_colours_without_a_vietnamese_name_are_left_out_rather_than_printed_as_codes(tmp_path: Path) -> None:
    assert colour_words(STYLE) == "nền đỏ, chữ vàng"
    assert colour_words(STYLE.model_copy(update={"background": "#da251d", "text_color": "#FFFFFF"})) == "nền đỏ"
    assert colour_words(STYLE.model_copy(update={"background": "#003366", "text_color": "#FFFFFF"})) == ""
    data = load_site(REPO / "campaigns")
    # One print size instead of three: every banner is drawn anew in these colours, and the sizes do not
    # change the words.
    style = data.settings.banners.model_copy(update={"background": "#003366", "text_color": "#FFFFFF",
                                                     "sizes": data.settings.banners.sizes[:1]})
    data = dataclasses.replace(data, settings=data.settings.model_copy(update={"banners": style}))
    renderer = SiteRenderer(collect(data, date(2025, 4, 1), banner_cache=BannerCache(tmp_path / "cache")))
    page = renderer.page("banners", data.campaigns[2025]).content
    printing = page.split("\n## Thông tin cho nhà in\n", 1)[1]
    assert "003366" not in page and "FFFFFF" not in page.upper()
    assert "nền" not in printing and "chữ in hoa" in printing


def test_one_text_fits_two_phone_screens_and_its_preview_comes_in_the_phone_size(served_site: str, page: Page) -> None:
    """At 360 × 740 each text's block (text, button, counts, sources, preview, PDFs, "Tệp khác"
    closed) is at most two screens tall; the preview is the 800 px file, and its box is sized
    before the image arrives (width and height attributes), so nothing below it moves."""
    page.goto(f"{served_site}2026/bang-ron/")
    assert page.viewport_size == {"width": 360, "height": 740}
    heights = page.eval_on_selector_all(".banner", "blocks => blocks.map(b => b.getBoundingClientRect().height)")
    assert len(heights) == 7 and max(heights) <= 2 * 740, heights
    assert page.locator(".banner details").first.evaluate("d => !d.open")
    image = page.locator(".banner__preview").first
    assert image.get_attribute("width") == str(PREVIEW_WIDTH_PX) and image.get_attribute("height") == "256"
    assert image.get_attribute("srcset") == "dmst-hanh-dong-dot-pha-800.png 800w, dmst-hanh-dong-dot-pha.png 1600w"
    assert image.get_attribute("sizes")
    box_before = image.evaluate("i => i.getBoundingClientRect().height")
    assert box_before == pytest.approx(image.evaluate("i => i.getBoundingClientRect().width") * 256 / 1600, abs=1)
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => { const i = document.querySelector('.banner__preview'); return i.complete && i.naturalWidth > 0; }")
    assert image.evaluate("i => i.currentSrc.split('/').pop()") == "dmst-hanh-dong-dot-pha-800.png"
    # `sizes` states the width the picture takes: the browser scales the chosen file to it.
    slot, shown = image.evaluate("i => [i.naturalWidth, i.getBoundingClientRect().width]")
    assert slot == pytest.approx(shown, rel=0.03)
    assert image.evaluate("i => i.getBoundingClientRect().height") == pytest.approx(box_before, abs=0.5)


def test_every_preview_appears_once_scrolled_to(served_site: str, page: Page) -> None:
    """The previews load lazily: each one, scrolled into view as a reader does, is a real picture (a full-page
    screenshot taken without scrolling shows them blank)."""
    page.goto(f"{served_site}2026/bang-ron/")
    previews = page.locator(".banner__preview")
    assert previews.count() == 7
    for index in range(previews.count()):
        preview = previews.nth(index)
        preview.scroll_into_view_if_needed()
        preview.evaluate("i => new Promise(done => i.complete ? done() : i.addEventListener('load', done))")
        assert preview.evaluate("i => i.naturalWidth > 0 && i.currentSrc.endsWith('-800.png')"), index


def test_copy_button_works_from_the_keyboard_and_is_announced(served_site: str, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    page.goto(f"{served_site}2026/bang-ron/")
    button = page.locator('button[data-copy="noi-dung-khcn-dot-pha-ky-nguyen-moi"]')
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == seed_facts.THEME_2026_ST
    status = page.locator("[data-copy-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "Đã sao chép Chủ đề vào bộ nhớ tạm."
    assert button.inner_text() == "Đã sao chép"
    second = page.locator('button[data-copy="noi-dung-chao-mung-ngay-khcn-viet-nam"]')
    second.focus()
    page.keyboard.press("Space")
    assert page.evaluate("navigator.clipboard.readText()") == seed_facts.SLOGANS_2026_LOCAL[1]
    assert status.inner_text() == "Đã sao chép Khẩu hiệu vào bộ nhớ tạm."


def test_without_javascript_the_text_is_there_and_no_dead_button_shows(served_site: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{served_site}2026/bang-ron/")
        assert tab.locator("button[data-copy]").first.is_hidden()
        assert tab.get_by_text(seed_facts.THEME_2026_ST, exact=True).is_visible()
    finally:
        context.close()


# --- drawing only what changed -----------------------------------------------------------


def test_unchanged_banners_are_reused_and_a_changed_text_is_redrawn(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"

    def draw() -> tuple[BannerCache, dict[str, bytes]]:
        data = load_site(project / "campaigns")
        counter = BannerCache(cache)
        maker = BannerMaker(data.settings.banners, data.settings.site.title, counter)
        files = {f.path: f.content for c in data.campaigns.values() for f in maker.year(c).files}
        counter.prune()
        return counter, files

    first, files = draw()
    drawn_per_text = 2 * len(STYLE.sizes) + 3  # SVG and PDF per size, two previews, the sharing image
    assert first.misses == 11 * drawn_per_text and first.hits == 0
    second, again = draw()
    assert second.misses == 0 and second.hits == first.misses
    assert again == files
    replace_in(project / "campaigns/2026/campaign.yaml", "Ngày Sở hữu trí tuệ thế giới 26/4", "Ngày Sở hữu trí tuệ thế giới (26/4)")
    third, changed = draw()
    assert third.misses == drawn_per_text and third.hits == first.misses - drawn_per_text
    assert changed["2026/bang-ron/chao-mung-ngay-so-huu-tri-tue.txt"] == "Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới (26/4)\n".encode()
    assert sum(1 for p in cache.rglob("*") if p.is_file()) == first.misses


def test_shipped_site_yaml_states_the_default_style() -> None:
    data = load_site(REPO / "campaigns")
    assert data.settings.banners == BannerStyle()


def test_benchmark_prints_cold_and_warm_numbers_side_by_side(tmp_path: Path) -> None:
    """On the data without 2026 (its folder argument): the same table for a third of the drawing,
    which the benchmark does three times and its cold build a fourth."""
    campaigns = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns", ignore=shutil.ignore_patterns("2026")))
    result = subprocess.run([sys.executable, str(REPO / "scripts/bench_banners.py"), str(campaigns)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    cold = re.search(r"cold cache \(first build\)\s+([\d.]+)\s+(\d+)\s+0\n", result.stdout)
    warm = re.search(r"warm cache \(text unchanged\)\s+([\d.]+)\s+0\s+(\d+)\n", result.stdout)
    assert cold and warm and cold[2] == warm[2] == "36", result.stdout  # 4 texts of 2025, 9 drawn files each
    assert re.search(r"total\s+45\s+[\d,]+", result.stdout) and "warm banner cache" in result.stdout  # and 8 .txt, 1 ZIP
