"""Plans of one issuer in one year told apart: wherever a plan is listed by its issuer's name, a second
plan of that issuer that year would read the same, so both are named with their number and date when
the records hold them, else with their subject: `UBND xã Bình Thành (Thái Nguyên), số 69/KH-UBND, ngày
25/3/2026`, `…, về treo băng rôn` (`Plan.named`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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


def tell_apart(plans: Sequence[Plan]) -> list[Plan]:
    """`plans` (one year's), each whose issuer has another plan among them given the words that tell it apart:
    number and date, or the subject where those are not known or are the same for two of them."""
    by_issuer: dict[tuple[str, str | None], list[int]] = {}
    for i, plan in enumerate(plans):  # wards of one name in two provinces are two issuers
        by_issuer.setdefault((plan.issuer.label, plan.issuer.province), []).append(i)
    words = [""] * len(plans)
    for namesakes in by_issuer.values():
        if len(namesakes) < 2:
            continue
        written = [_number_and_date(plans[i]) for i in namesakes]
        for i, held in zip(namesakes, written, strict=True):
            subject = plans[i].document.subject
            subject = subject if isinstance(subject, str) else ""  # a subject may be not known
            words[i] = held if held and written.count(held) == 1 else plain("phrase.plan_about", subject=subject) if subject else held
    return [plan.identified(replace(plan.identity, distinction=told)) if told else plan for plan, told in zip(plans, words, strict=True)]
