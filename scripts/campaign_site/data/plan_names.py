"""Plans of one issuer in one year told apart: wherever a plan is listed by its issuer's name, a second
plan of that issuer that year would read the same, so both are named with their number and date when
the records hold them, else with their subject."""

from __future__ import annotations

from collections.abc import Sequence

from campaign_site.core.catalogue import plain
from campaign_site.data.model import Plan
from campaign_site.data.vn_dates import PartialDate


def _number_and_date(plan: Plan) -> str:
    """`số 69/KH-UBND, ngày 25/3/2026`, `tháng 4/2026`: what the record holds of both, or nothing."""
    document = plan.document
    parts = [plain("source.number", number=document.number_symbol)] if document.number_symbol else []
    if isinstance(document.date, PartialDate):
        parts.append(document.date.in_sentence())
    return ", ".join(parts)


def tell_apart(plans: Sequence[Plan]) -> None:
    """Give each plan whose issuer has another plan among `plans` (one year's) the words that tell it apart:
    number and date, or the subject where those are not known or are the same for two of them."""
    by_issuer: dict[str, list[Plan]] = {}
    for plan in plans:
        by_issuer.setdefault(plan.issuer.label, []).append(plan)
    for namesakes in by_issuer.values():
        if len(namesakes) < 2:
            continue
        written = [_number_and_date(plan) for plan in namesakes]
        for plan, words in zip(namesakes, written, strict=True):
            subject = plan.document.subject if isinstance(plan.document.subject, str) else ""  # a subject may be not known
            plan.tell_apart(words if words and written.count(words) == 1 else subject or words)
