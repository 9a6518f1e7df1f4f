"""A PDF's text layer as the paragraphs a person reads (`read_pdf`): words in the order written, grouped in
lines; a line going back up the page starts a paragraph; words far apart on a line are two header columns
(`COLUMN_GAP`); a name a narrow header cell wrapped is one line again; struck-out letters (tracked changes
printed with their markup) left out; a two-column row a page break cuts read column by column; lines joined
into paragraphs, a hyphen at a line's end healed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.importing import tables
from campaign_site.importing.header import number_line, wrapped
from campaign_site.importing.text import COLUMN_GAP
from campaign_site.importing.unreadable import UnreadableFile

MAX_PAGES = 80
"""A plan is 2 to 40 pages; reading a PDF costs about 0.06 s of processor time a page."""

BULLET_GLYPH = re.compile(r"^([* \t]*)[\uf000-\uf0ff][ \t]*", re.MULTILINE)
"""A bullet drawn from a symbol font (Symbol's , Wingdings' ): a private-use character where a PDF or
a text copied from one has Word's automatic bullet."""


def read_pdf(path: Path, name: str) -> str:
    """The PDF's text layer as paragraphs, or `UnreadableFile` for a PDF without pages, with too many, or scanned."""
    import pdfplumber

    paragraphs: list[str] = []
    with pdfplumber.open(path) as pdf:
        if not pdf.pages:
            raise UnreadableFile(plain("import.no_page", name=name))
        if len(pdf.pages) > MAX_PAGES:
            raise UnreadableFile(plain("import.too_many_pages", name=name, pages=len(pdf.pages), max=MAX_PAGES))
        if not any(page.chars for page in pdf.pages):
            raise UnreadableFile(
                plain("import.scanned", name=name)
            )
        pages = [(_page_lines(kept), struck, _task_tables(kept)) for kept, struck in map(_without_struck_out, pdf.pages)]
    for (lines, _, _), (following, _, _) in zip(pages, pages[1:], strict=False):
        _carry_row(lines, following)
    for lines, struck, found in pages:
        for top, bottom, rows in found:
            paragraphs += _page_paragraphs([line for line in lines if _middle(line) < top], struck) + rows
            lines = [line for line in lines if _middle(line) > bottom]
        paragraphs += _page_paragraphs(lines, struck)
    return "\n\n".join(paragraphs)


def _middle(line: list[dict]) -> float:
    """Half-way down a line's first word: a word's box may reach above the border of the cell it is in."""
    return float(line[0]["top"] + line[0]["bottom"]) / 2


def _task_tables(page: Any) -> list[tuple[float, float, list[str]]]:
    """(top, bottom, rows) of each ruled table of the page whose first row names a task table's columns (see
    `tables.roles`), top to bottom: each row one line, its cells apart by a tab, as a Word table reads."""
    if not page.rects and not page.lines:
        return []
    found = []
    for table in page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        if len(rows) > 1 and len(rows[0]) > 2 and tables.roles(rows[0]):
            found.append((table.bbox[1], table.bbox[3], ["\t".join(row) for row in rows]))
    return sorted(found)


def _page_lines(page: Any) -> list[list[dict]]:
    """The page's words in the order they were written, grouped in lines; page numbers dropped."""
    words = page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False, use_text_flow=True)
    lines: list[list[dict]] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    lines = [line for line in lines if not (len(line) == 1 and re.fullmatch(r"\d{1,3}", line[0]["text"]))]
    return _boxes_above_first(lines)


def _boxes_above_first(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines with each box the page draws after its text but places above all of it (a text box holding the
    issuer's name in the header) moved to the head of the page, where it is read. A box is a run of lines the text
    goes back up the page to, or jumps down over blank space to (more than three lines' height)."""
    runs: list[list[list[dict]]] = []
    for line in lines:
        if runs:
            step, height = line[0]["top"] - runs[-1][-1][0]["top"], line[0]["bottom"] - line[0]["top"]
        if not runs or step < -1 or step > 3 * height:
            runs.append([])
        runs[-1].append(line)
    if len(runs) < 2:
        return lines
    first = runs[0][0][0]["top"]
    above = [i for i, run in enumerate(runs) if i and max(line[0]["bottom"] for line in run) < first]
    return [line for i in above + [i for i in range(len(runs)) if i not in above] for line in runs[i]]


def _cells(line: list[dict]) -> list[list[dict]]:
    """A line's words in the columns a wide gap separates (see `_line_text`)."""
    cells = [[line[0]]]
    for before, word in zip(line, line[1:], strict=False):
        if word["x0"] - before["x1"] > 2 * (word["bottom"] - word["top"]):
            cells.append([])
        cells[-1].append(word)
    return cells


def _carry_row(lines: list[list[dict]], following: list[list[dict]]) -> None:
    """A two-column row a page break cut (`Nơi nhận:` beside `KT. GIÁM ĐỐC`, their lists on the next page):
    the next page goes on with the left column, then back up with the right one. The row's two cells are
    moved to the head of their columns there, so each column reads in one piece."""
    if not lines or not following or len(cells := _cells(lines[-1])) != 2:
        return
    up = next((i for i in range(1, len(following)) if following[i][0]["top"] < following[i - 1][0]["top"] - 1), None)
    if up is None or following[up][0]["x0"] <= cells[0][-1]["x1"] or following[0][0]["x0"] >= cells[1][0]["x0"]:
        return
    lines.pop()

    def placed(words: list[dict], above: list[dict]) -> list[dict]:
        height = above[0]["bottom"] - above[0]["top"]
        return [w | {"top": above[0]["top"] - 1.5 * height, "bottom": above[0]["top"] - 0.5 * height} for w in words]

    following.insert(up, placed(cells[1], following[up]))
    following.insert(0, placed(cells[0], following[0]))


def _without_struck_out(page: Any) -> tuple[Any, list[dict]]:
    """The page without the letters a line strikes through, and those letters: text a PDF shows as deleted
    (tracked changes printed with their markup), not text the document says. An underline runs below the
    letters, a table's border beside them: neither is a strike."""
    strikes: dict[int, list[tuple[float, float, float]]] = {}
    for edge in [*page.lines, *page.rects]:
        if edge["bottom"] - edge["top"] < 1.5 and edge["x1"] - edge["x0"] > 2:
            y = (edge["top"] + edge["bottom"]) / 2
            strikes.setdefault(int(y), []).append((edge["x0"], edge["x1"], y))
    struck: list[dict] = []

    def kept(thing: dict) -> bool:
        if thing.get("object_type") != "char":
            return True
        top, bottom, middle = thing["top"], thing["bottom"], (thing["x0"] + thing["x1"]) / 2
        low, high = top + 0.3 * (bottom - top), bottom - 0.1 * (bottom - top)
        if any(x0 <= middle <= x1 and low <= y <= high for row in range(int(low), int(high) + 1) for x0, x1, y in strikes.get(row, ())):
            struck.append(thing)
            return False
        return True

    return (page.filter(kept), struck) if strikes else (page, struck)


_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_LIST_START = re.compile(r"^(?:\d+\.|[IVX]+\.|[a-zđ]\)|[-+•])\s")
_TERMINAL = (".", ";", ":", "!", "?")


def _page_paragraphs(lines: list[list[dict]], struck: list[dict]) -> list[str]:
    """Lines of a page joined into paragraphs: a new one where the gap between lines is larger than
    usual, a line starts a numbered or bulleted item, or the text goes back up the page (the next column
    of a header table, a text box); bold words as `**…**`. Where `struck` letters were taken out, the
    words beside them are as close as the text without them."""
    if not lines:
        return []
    tops = [line[0]["top"] for line in lines]
    gaps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b > a]
    usual = sorted(gaps)[len(gaps) // 10] if gaps else 0  # the spacing of lines inside a paragraph
    right = max(line[-1]["x1"] for line in lines)  # the right margin full lines reach
    paragraphs: list[list[str]] = []
    previous: list[dict] | None = None
    for line in lines:
        text = _line_text(line, [c for c in struck if abs(c["top"] - line[0]["top"]) < 2])
        step = line[0]["top"] - previous[0]["top"] if previous else 0
        new = previous is None or step > usual * 1.4 or step < -1 or bool(_LIST_START.match(text)) and not (
            previous[-1]["x1"] > right - 2 * (previous[-1]["bottom"] - previous[-1]["top"])
            and not paragraphs[-1][-1].rstrip(" *”\"’)").endswith(_TERMINAL))  # a dash a full line pushed down
        if new or not paragraphs:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = line
    return [_join_lines(_names_unwrapped(p)) for p in paragraphs]


def _names_unwrapped(lines: list[str]) -> list[str]:
    """The lines of a header cell (capitals above a number line) with each name a narrow cell wrapped on one line
    again (`SỞ KHOA HỌC VÀ CÔNG` / `NGHỆ`), as the Word file holds it; any other paragraph as it is."""
    plain_lines = [line.replace("*", "").strip() for line in lines]
    if not any(number_line(line) for line in plain_lines[1:]):
        return lines
    out, plain_out = lines[:1], plain_lines[:1]
    for line, plain_line in zip(lines[1:], plain_lines[1:], strict=True):
        if wrapped(plain_out[-1], plain_line):
            out[-1], plain_out[-1] = f"{out[-1]} {line}".replace("** **", " "), f"{plain_out[-1]} {plain_line}"
        else:
            out.append(line)
            plain_out.append(plain_line)
    return out


def _line_text(line: list[dict], struck: list[dict]) -> str:
    """A line's words, bold runs as `**…**`; words that touch (a comma after a bold quote) stay together;
    words two letter-heights apart or more are in two columns of a header (`COLUMN_GAP` between them). The
    width of `struck` letters between two words does not count."""
    text = ""
    bold = False
    for i, word in enumerate(line):
        word_bold = "Bold" in word.get("fontname", "")
        space = word["x0"] - line[i - 1]["x1"] if i else 0
        space -= sum(c["x1"] - c["x0"] for c in struck if line[i - 1]["x1"] - 0.5 <= c["x0"] and c["x1"] <= word["x0"] + 0.5) if i else 0
        gap = "" if i == 0 or space < 1 else COLUMN_GAP if space > 2 * (word["bottom"] - word["top"]) else " "
        if word_bold != bold:
            text += "**" + gap if bold else gap + "**"
            bold = word_bold
        else:
            text += gap
        text += word["text"]
    return BULLET_GLYPH.sub(r"\1- ", text + ("**" if bold else ""))


def _join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one: a word hyphenated at a line end is joined again. Linear in its length."""
    pieces = [lines[0]]
    for line in lines[1:]:
        if _HYPHEN_END.search("".join(pieces[-2:])[-2:]):  # "sáng-" + "tạo": a hyphenated word; "KH-" + "UBND": a symbol
            if line[:1].islower():
                pieces[-1] = pieces[-1][:-1]
            pieces.append(line)
        else:
            pieces.append(f"\n{line}")  # a wrap or a line break: the extractor's paragraph rules tell them apart
    return "".join(pieces).replace("** **", " ").replace("**\n**", "\n")  # a bold run across a wrap stays one run
