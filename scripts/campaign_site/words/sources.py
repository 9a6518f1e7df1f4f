"""Where the facts on a page come from, in words: a record's source (a news summary or a page, its name,
address and the day it was read), its original document, and where each theme, slogan and message is
stated. Pages say "văn bản gốc" only where there is one."""

from __future__ import annotations

from collections.abc import Sequence

from campaign_site.core.catalogue import plain, say
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
        what = say("source.summary_by", name=origin.name)  # a summary always names who published it (`Origin`)
    else:
        what = say("source.original_on", name=origin.name) if origin.url else Markdown(escape(origin.name))
    note = say("source.note_read", what=what, day=time(origin.read_on)) if origin.read_on else say("source.note", what=what)
    address = ""
    if origin.url:
        shown = escape(origin.url.split("://", 1)[1].rstrip("/"))
        address = f': <a href="{html_attribute(origin.url)}" rel="external">{shown}</a>'
    return Markdown(f"{note}{address}")


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
        return plain("source.no_plan")
    if len(plans) == 1:
        return plain("source.one_plan", plan=plans[0].short_label)
    return plain("source.plans", count=len(plans))


def phrase_source_note(plans: Sequence[Plan]) -> str | None:
    """What to add where a phrase's plans are named, when some of them are known only from a news summary."""
    summaries = sum(1 for p in plans if _is_summary(p))
    if not summaries:
        return None
    if summaries == len(plans):
        return plain("source.summary_only_one") if summaries == 1 else plain("source.summary_only_all")
    names = ", ".join(p.short_label for p in plans if _is_summary(p))
    return (plain("source.summary_only_of_one", names=names) if summaries == 1
            else plain("source.summary_only_of", count=summaries, names=names))


def phrases_origin(kinds: str, year: int, cited: Sequence[Sequence[Plan]]) -> str:
    """Where the year's phrases are copied from, given the plans that state each one: the original
    documents only when every phrase is stated by a plan entered from its document."""
    from_documents = sum(1 for plans in cited if any(not _is_summary(p) for p in plans))
    from_summaries = sum(1 for plans in cited if plans and all(_is_summary(p) for p in plans))
    uncited = len(cited) - from_documents - from_summaries
    if from_documents == len(cited):
        return plain("source.phrases_from_documents", kinds=kinds, year=year)
    if from_summaries == len(cited):
        return plain("source.phrases_from_summaries", kinds=kinds, year=year)
    parts = [
        plain("source.count_from_documents", count=from_documents) if from_documents else "",
        plain("source.count_from_summaries", count=from_summaries) if from_summaries else "",
        plain("source.count_uncited", count=uncited) if uncited else "",
    ]
    return plain("source.phrases_mixed", kinds=kinds, year=year, parts="; ".join(p for p in parts if p))
