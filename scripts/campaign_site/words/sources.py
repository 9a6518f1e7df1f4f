"""Where the facts on a page come from, in words: a record's source (a news summary or a page, its name,
address and the day it was read), its original document, and where each theme, slogan and message is
stated. Pages say "văn bản gốc" only where there is one."""

from __future__ import annotations

from collections.abc import Sequence

from campaign_site.core.encoders import html_attribute
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data.model import Origin, Plan
from campaign_site.words.phrasing import time


def source_note(origin: Origin | None) -> Markdown | None:
    """`Nguồn: bản tin của Cổng Thông tin điện tử tỉnh …, đọc ngày …: <address>`, the named source of a
    record, with the address it was read at as a link; None when the record names no source (none, or
    only the document itself: its file or its own address)."""
    if origin is None or not (origin.summary or origin.name):
        return None
    if origin.summary:
        what = f"bản tin của {escape(origin.name)}"  # a summary always names who published it (`Origin`)
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


def _is_summary(plan: Plan) -> bool:
    return plan.origin is not None and plan.origin.summary


def cited_by(plans: Sequence[Plan]) -> str:
    """Where a phrase of the year comes from, after `Chủ đề năm 2026`: `theo 4 kế hoạch trên trang`, `theo kế
    hoạch của Sở KH&CN Lạng Sơn`, or that no plan on the site states it."""
    if not plans:
        return "(chưa có kế hoạch nào trên trang nêu)"
    if len(plans) == 1:
        return f"theo kế hoạch của {plans[0].short_label}"
    return f"theo {len(plans)} kế hoạch trên trang"


def phrase_source_note(plans: Sequence[Plan]) -> str | None:
    """What to add where a phrase's plans are named, when some of them are known only from a news summary."""
    summaries = sum(1 for p in plans if _is_summary(p))
    if not summaries:
        return None
    if summaries == len(plans):
        who = "Kế hoạch này" if summaries == 1 else "Các kế hoạch này"
        return f"{who} chỉ được biết qua bản tin tóm tắt: nội dung chưa được đối chiếu với văn bản gốc."
    names = ", ".join(p.short_label for p in plans if _is_summary(p))
    return f"Trong đó {'kế hoạch' if summaries == 1 else f'{summaries} kế hoạch'} của {names} chỉ được biết qua bản tin tóm tắt."


def phrases_origin(kinds: str, year: int, cited: Sequence[Sequence[Plan]]) -> str:
    """Where the year's phrases are copied from, given the plans that state each one: the original
    documents only when every phrase is stated by a plan entered from its document."""
    from_documents = sum(1 for plans in cited if any(not _is_summary(p) for p in plans))
    from_summaries = sum(1 for plans in cited if plans and all(_is_summary(p) for p in plans))
    uncited = len(cited) - from_documents - from_summaries
    if from_documents == len(cited):
        return f"Nguyên văn các {kinds} năm {year} như trong văn bản gốc."
    if from_summaries == len(cited):
        return f"Các {kinds} năm {year} được chép từ bản tin tóm tắt, chưa đối chiếu với văn bản gốc."
    parts = [
        f"{from_documents} nội dung chép từ văn bản gốc" if from_documents else "",
        f"{from_summaries} nội dung chép từ bản tin tóm tắt, chưa đối chiếu với văn bản gốc" if from_summaries else "",
        f"{uncited} nội dung chưa có kế hoạch nào trong dữ liệu nêu" if uncited else "",
    ]
    return f"Các {kinds} năm {year}: {'; '.join(p for p in parts if p)}. Nguồn của mỗi nội dung ghi ngay dưới nội dung đó."
