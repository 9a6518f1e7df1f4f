"""Sentences and phrases the pages build from the data, in Vietnamese: a date a machine can read too,
a span of days, a report deadline, a plan's facts or why a record does not hold them, the next date.

The fixed words they use (kinds, levels, deadline rules, what "not stated" and "not known" say) are in
`wording.py`, which the model reads too; this module reads the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Literal, overload

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import vn_dates
from campaign_site.data.activities import Post
from campaign_site.data.model import Observance, Phrase, Plan, PlanDocument, ReportDeadline, Signer, Window
from campaign_site.data.unknowns import NOT_KNOWN
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import (
    DEADLINE_RULES,
    INFERRED,
    absent,
    and_joined,
    capitalised,
    in_sentence,
    inferred_text,
)


def time(day: date | str, label: str | None = None) -> Markdown:
    """A date readable by people and machines; `day` may be an ISO string of reduced precision (`2026-04`)."""
    iso = day if isinstance(day, str) else day.isoformat()
    shown = label or (day if isinstance(day, str) else vn_dates.short(day))
    return Markdown(f'<time datetime="{iso}">{escape(shown)}</time>')


@overload
def span_text(span: tuple[date, date]) -> Markdown: ...
@overload
def span_text(span: tuple[date, date], feed: Literal[True]) -> str: ...
def span_text(span: tuple[date, date], feed: bool = False) -> str:
    """The days from the first to the last, both included: on a page `từ ngày 15/4/2026 đến hết ngày 26/4/2026`
    (each day a `<time>`); in a calendar feed (`feed`), plain and shorter: `từ 15/4/2026 đến hết 26/4/2026`."""
    if feed:
        return plain("phrase.span_feed", start=vn_dates.short(span[0]), end=vn_dates.short(span[1]))
    return say("phrase.span", start=time(span[0]), end=time(span[1]))


def finished(last: date | None, today: date) -> str:
    """` (đã kết thúc)` after a window that ended before `today` (the build's day); else nothing."""
    return " " + plain("phrase.finished") if last and last < today else ""


def window_text(window: Window) -> Markdown:
    return span_text((window.start, window.end))


def window_sentence(window: Window) -> Markdown:
    """`window_text` starting a sentence."""
    return Markdown(capitalised(window_text(window)))


def deadline_written(deadline: ReportDeadline, shown: Callable[[date], str] = vn_dates.short) -> str:
    """`trước ngày 05/5/2026`: the deadline in the document's words, its day as `shown` writes it."""
    return f"{DEADLINE_RULES[deadline.rule]} {shown(deadline.date)}"


def deadline_words(deadline: ReportDeadline, shown: Callable[[date], str] = vn_dates.short) -> str:
    """The deadline said once: the document's words where they name the last day on time (`chậm nhất ngày
    03/5/2026`), else that day, marked as derived from the words quoted after it (`chậm nhất ngày 04/5/2026
    (văn bản ghi: trước ngày 05/5/2026)`); each day as `shown` writes it (`time` on a page)."""
    written = deadline_written(deadline, shown)
    if deadline.due == deadline.date:
        return written
    return plain("phrase.deadline_derived", due=f"{DEADLINE_RULES['no_later_than']} {shown(deadline.due)}", written=written)


def deadline_party(name: str) -> str:
    """Who reports, or to whom, in plain words: the honorific a letter addresses its recipients with (`Quý Cơ
    quan`) becomes who they are (`các cơ quan nhận văn bản`); any other name stays as the document writes it."""
    first, _, rest = name.partition(" ")
    if rest and first.casefold() == plain("phrase.deadline_honorific").casefold():
        return plain("phrase.deadline_addressees", who=in_sentence(rest))
    return name


def deadline_parties(deadline: ReportDeadline) -> dict[str, str]:
    """Who reports, starting a sentence, and to whom (`deadline_party`): the fields `reporter` and `recipient`
    of every sentence about a deadline."""
    return {"reporter": capitalised(deadline_party(deadline.reporter)), "recipient": deadline_party(deadline.recipient)}


def deadline_sentence(deadline: ReportDeadline, shown: Callable[[date], str] = vn_dates.short) -> str:
    """`Các cơ quan nhận văn bản báo cáo Sở Khoa học và Công nghệ chậm nhất ngày 09/5/2026 (văn bản ghi: trước
    ngày 10/5/2026)`, as plain text (for calendars) or with each day as `shown` writes it."""
    return plain("phrase.deadline", **deadline_parties(deadline), deadline=deadline_words(deadline, shown))


def deadline_text(deadline: ReportDeadline) -> Markdown:
    """`deadline_sentence` on a page, each day a `<time>`."""
    return say("phrase.deadline", **deadline_parties(deadline), deadline=Markdown(deadline_words(deadline, time)))


def observance_line(observance: Observance, year: int) -> Markdown:
    """`21/4: Ngày Khoa học và Công nghệ Việt Nam`."""
    return Markdown(f"{time(date(year, observance.month, observance.day), observance.label)}: {escape(observance.name)}")


def quoted(text: str) -> Markdown:
    """A theme, slogan or message quoted on a page: every page and feed quotes one with `phrase.quoted`."""
    return say("phrase.quoted", text=text)


def quoted_plain(text: str) -> str:
    """`quoted` as plain text, for calendars, feeds and attributes."""
    return plain("phrase.quoted", text=text)


def phrase_item(phrase: Phrase) -> Markdown:
    """A theme or slogan in quotes, with its English version if it has one."""
    english = f" ({escape(phrase.text_en)})" if phrase.text_en else ""
    return Markdown(quoted(phrase.text) + english)


def issuer_name(plan: Plan) -> str:
    """The issuer's name as pages list it, a ward or commune with its province (`Issuer.placed`), each part staff
    inferred (`inferred:`) said to be inferred:
    `Ủy ban nhân dân xã Bình Thành, thuộc Thái Nguyên (suy ra từ nguồn, chưa đối chiếu văn bản)`."""
    name, province = plan.is_inferred("issuer.name"), plan.is_inferred("issuer.province")
    if province and not name:
        return plain("phrase.issuer_province_inferred", issuer=plan.issuer.label, province=plan.issuer.province, inferred=INFERRED)
    in_province = plain("phrase.issuer_province", issuer=plan.issuer.label, province=plan.issuer.province)
    return inferred_text(in_province if province else plan.issuer.placed(plan.issuer.label), name)


def listed_name(plan: Plan) -> str:
    """The issuer's name starting a row of a list: `issuer_name`, capitalised where the record has no name
    (`Một cơ quan ở Lạng Sơn`), told apart from the issuer's other plans of the year."""
    return plan.named(capitalised(issuer_name(plan)))


def documents_count(plans: Sequence[Plan]) -> str:
    """`5 kế hoạch và 2 công văn`: the plans counted by the type each document gives, most first; `7 văn bản`
    where a record does not hold its type."""
    kinds: dict[str, int] = {}
    for plan in plans:
        kind = plan.document.type
        if not isinstance(kind, str):
            return plain("phrase.plan_documents", count=len(plans))
        kind = in_sentence(kind)
        kinds[kind] = kinds.get(kind, 0) + 1
    counted = sorted(kinds.items(), key=lambda item: -item[1])
    return and_joined([plain("phrase.plan_count", count=count, kind=kind) for kind, count in counted])


def issuers_count(plans: Sequence[Plan], central: bool = False) -> str:
    """`1 cơ quan`, `3 cơ quan`; `2 cơ quan trung ương` (`central`): how many issuers the plans have."""
    count = len({(p.issuer.label, p.issuer.province) for p in plans})
    return plain("phrase.plan_issuers_central", count=count) if central else plain("phrase.plan_issuers", count=count)


def plan_window(plan: Plan) -> Markdown:
    """The plan's activity window, or that it is not stated or not known."""
    window = plan.dated_window
    return window_text(window) if window else Markdown(absent("window", plan.not_known(plan.window)))


def plan_deadlines(plan: Plan) -> Markdown:
    """Every report deadline of the plan, or that there is none stated, or that they are not known."""
    if plan.dated_deadlines:
        return Markdown("; ".join(deadline_text(d) for d in plan.dated_deadlines))
    return Markdown(absent("report_deadlines", plan.not_known(plan.report_deadlines)))


def number_text(document: PlanDocument) -> str:
    """`123/KH-UBND`; `…/KH-UBND (văn bản để trống số)` for a document awaiting its number; else why there is none."""
    if document.number is NOT_KNOWN or document.symbol is NOT_KNOWN:
        return absent("number", True)
    if not document.number_symbol:
        return absent("number", False)
    return document.number_symbol if document.number else plain("phrase.number_blank", number=document.number_symbol)


def document_name(document: PlanDocument) -> str:
    """`Kế hoạch số 123/KH-UBND`; `Kế hoạch số …/KH-UBND (văn bản để trống số)`; or `Kế hoạch (chưa có thông tin
    về số, ký hiệu)`."""
    if document.number_symbol:
        return plain("phrase.document_numbered", kind=document.kind, number=number_text(document))
    reason = number_text(document)
    return plain("phrase.document_unnumbered", kind=document.kind, reason=in_sentence(reason))


def signed_date_text(document: PlanDocument) -> str:
    """`16/4/2026`; `tháng 4/2026 (văn bản để trống ngày)`; else why there is none."""
    signed = document.date
    if not isinstance(signed, PartialDate):
        return absent("date", signed is NOT_KNOWN)
    if signed.day:
        return signed.short()
    when = capitalised(signed.in_sentence())
    return plain("phrase.day_blank", when=when) if signed.month else plain("phrase.day_month_blank", when=when)


def dateline(place: object, signed: object) -> str:
    """Place and date under the number as far as the record holds them: `Lạng Sơn, ngày 16 tháng 4 năm 2026`,
    `Lạng Sơn, tháng 4 năm 2026`; nothing is filled in."""
    parts = [place] if isinstance(place, str) else []
    if isinstance(signed, PartialDate):
        parts.append(signed.long() if signed.day else plain("date.month_year", month=signed.month, year=signed.year)
                     if signed.month else plain("date.in_year", year=signed.year))
    return ", ".join(parts)


def signer_name(signer: Signer) -> str:
    """The signer's name as printed, or that the copy does not print it, or that it is not known."""
    return signer.name if isinstance(signer.name, str) else absent("signer_name", signer.name is NOT_KNOWN)


def days_text(start: date, last: date) -> Markdown:
    """A day, or a first and last day."""
    if start == last:
        return time(start)
    return Markdown(f"{time(start)} – {time(last)}")


def post_when(post: Post) -> Markdown:
    """When an activity was held, as far as its post says: its days, `Tháng 4/2026`, `Năm 2026`, or that it is not known."""
    if post.start and post.last:
        return days_text(post.start, post.last)
    held = post.held_on
    return time(held.iso(), capitalised(held.in_sentence())) if held else Markdown(absent("date_held", post.front.date is NOT_KNOWN))
