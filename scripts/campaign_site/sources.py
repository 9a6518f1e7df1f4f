"""Where the facts on a page come from, in words: a record's source (a news summary or a page, its name,
address and the day it was read), its original document, and where each theme, slogan and message is
stated. Pages say "văn bản gốc" only where there is one."""

from __future__ import annotations

from collections.abc import Iterable

from .encoders import html_attribute
from .markdown_text import Markdown, escape
from .model import Origin, Plan
from .phrasing import time


def source_note(origin: Origin | None) -> Markdown | None:
    """`Nguồn: bản tin của Cổng Thông tin điện tử tỉnh …, đọc ngày …: <address>`, the named source of a
    record, with the address it was read at as a link; None when the record names no source (none, or
    only the document itself: its file or its own address)."""
    if origin is None or not (origin.summary or origin.name):
        return None
    if origin.summary:
        what = f"bản tin của {escape(origin.name)}" if origin.name else "bản tin tóm tắt"
    else:
        what = f"văn bản gốc trên {escape(origin.name)}" if origin.url else escape(origin.name)
    read = f", đọc ngày {time(origin.read_on)}" if origin.read_on else ""
    address = ""
    if origin.url:
        shown = escape(origin.url.split("://", 1)[1].rstrip("/"))
        address = f': <a href="{html_attribute(origin.url)}" rel="external">{shown}</a>'
    return Markdown(f"Nguồn: {what}{read}{address}")


def original_url(url: str | None, origin: Origin | None) -> str | None:
    """The address of the document itself where no source note gives it: the record's own `url`, or its
    source's address when that source is neither a summary nor named; never a news summary's address."""
    if origin is not None and (origin.summary or origin.name):
        return url if url and url != origin.url else None
    return url or (origin.url if origin else None)


def from_summaries(plans: Iterable[Plan]) -> bool:
    """Whether every plan given is known only from a news summary (False when there is none)."""
    plans = list(plans)
    return bool(plans) and all(p.origin is not None and p.origin.summary for p in plans)
