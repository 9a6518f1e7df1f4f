"""A plan's page: the document's facts (or why the record lacks them), its phrases, sections and sources."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data import paths
from campaign_site.data.domain import phrases_by_kind
from campaign_site.data.model import Origin, Plan, Signer
from campaign_site.data.site_data import PhraseEntry
from campaign_site.data.unknowns import held
from campaign_site.data.wording import (
    PHRASE_KINDS,
    absent,
    capitalised,
    inferred_notice,
    inferred_text,
    link_lead,
    phrases_absent,
    units_choose_text,
)
from campaign_site.pages.views.base import (
    LISTED_POSTS,
    BasisLine,
    PostList,
    SiteContext,
    View,
    basis_lines,
    campaign_observance,
    post_list,
)
from campaign_site.pages.views.where import Crumb, here, plan_trail
from campaign_site.stages.banners.artwork import Download
from campaign_site.words.phrasing import (
    dateline,
    deadline_text,
    finished,
    issuer_name,
    number_text,
    observance_line,
    phrase_item,
    plan_deadlines,
    plan_window,
    signed_date_text,
    signer_name,
    span_text,
    window_sentence,
)
from campaign_site.words.signer import signer_text
from campaign_site.words.sources import original_url, source_note


@dataclass(frozen=True)
class OriginView:
    """Where a record comes from: its original file as published, the document's own address, a named source."""

    summary: bool
    file: Download | None
    original_url: str | None
    note: Markdown | None
    """The named source: `Nguồn: bản tin của …, đọc ngày …: <address>`."""


def origin_view(origin: Origin | None, files: Mapping[str, Download]) -> OriginView | None:
    if origin is None:
        return None
    return OriginView(origin.summary, files.get(origin.file) if origin.file else None, original_url(None, origin), source_note(origin))


@dataclass(frozen=True)
class PlanSection:
    """A titled list of the plan's text (context, purposes, requirements)."""

    heading: str
    items: list[str]


@dataclass(frozen=True)
class PlanPhrases:
    """The plan's themes, or its slogans, under their label, each quoted with the day it is for."""

    label: str
    items: list[Markdown]


@dataclass(frozen=True)
class Fact:
    """A row of a plan's summary: what it is and what the record says, or that it does not hold it."""

    label: str
    text: str


@dataclass(frozen=True)
class ContentSection:
    """A part of the plan's content, under its heading if the document gives one."""

    heading: str | None
    items: list[str]


@dataclass(frozen=True)
class UnitTask:
    text: str
    performers: str | None


@dataclass(frozen=True)
class UnitTasks:
    """A unit named in the plan's responsibilities, with its tasks."""

    unit: str
    tasks: list[UnitTask]


@dataclass(frozen=True)
class Signature:
    """The signature block as printed, each line its own line: authority lines and title, then the name,
    or why the record has no name (`name_printed` is false)."""

    roles: list[str]
    name: str
    name_printed: bool


def signature(signer: Signer | None) -> Signature | None:
    if signer is None:
        return None
    return Signature(signer.roles, signer_name(signer), isinstance(signer.name, str))


@dataclass(frozen=True, kw_only=True)
class PlanView(View):
    where: list[Crumb]
    """Year, province, plan: the first line of the page."""
    heading: str
    issuer_parent: str | None
    issuer_line: str | None
    """The issuer's name at the head of the document, if the record holds it."""
    number: str | None
    """The number and symbol at the head of the document, as far as they are printed."""
    dateline: str
    """Place and date under the number, as far as the record holds them."""
    subject_line: str
    """The document's kind and subject: `Kế hoạch: …`, or `Công văn — V/v …`."""
    summary_notice: Markdown | None
    """That the page is made from a news summary, linked to its source, if so."""
    inferred: str | None
    """Which values staff inferred from a source rather than read in the document, as a notice."""
    addressees: list[str]
    glance: list[Fact]
    """What the reader needs first: window, peak, days, linked days, issuer, themes and report deadlines, each
    stated, not stated or not known."""
    facts: list[Fact]
    """The document's own particulars for the `Thông tin văn bản` part: number, date, place and signer."""
    headings: dict[str, str]
    """Each part of the document's text under its heading, numbered as in `section_numbers`."""
    citizens_feed: str | None
    """The plan's citizens' calendar, if it has one (only a calendar with events is written and offered)."""
    staff_feed: str | None
    """The same path, if the plan also has an agencies' calendar of report deadlines."""
    basis_lead: Markdown
    basis: list[BasisLine]
    sections: list[PlanSection]
    units_choose: str | None
    """What the plan leaves each unit to choose (`Văn bản không quy định chủ đề, khẩu hiệu chung; ...`)."""
    phrases: list[PlanPhrases]
    content: list[ContentSection]
    forms: list[str]
    window: Markdown | None
    """The window section's sentence with the document's note on it, where the record holds a window."""
    peak_label: str | None
    """The document's name for the period inside the window (`Thời gian cao điểm`), if it gives one."""
    peak: Markdown | None
    linked_lead: str
    """How the document words the link to other days (`Có thể kết nối các hoạt động với`), without the days."""
    linked: Markdown | None
    """The other observances the plan links its activities to, if any."""
    deadlines: list[Markdown]
    """Each report deadline with its note."""
    responsibilities: list[UnitTasks]
    closing: list[str]
    signature: Signature | None
    recipients: list[str]
    recipients_absent: str
    origin: OriginView | None
    posts: PostList
    unknown: list[str]
    """`Chưa có thông tin về …` for each part of the text the record does not know, in the document's order, said
    together once instead of a heading over each: the parts shown are those the record holds."""
    missing: dict[str, str]
    """For each part of the plan (`legal_basis`, `phrases`, `content`, `forms`, `responsibilities`, `addressees`,
    and the text sections): `Chưa có thông tin về …` when the record lacks it and must say so, else empty. A part
    a full document does not state has no section, as the about page explains; on a record made from a summary
    every part it lacks is not known."""


SECTIONS = {"context": plain("page.plan.context_heading"), "purposes": plain("page.plan.purposes_heading"),
            "requirements": plain("page.plan.requirements_heading")}
"""The plan's text sections, by field, under their headings."""

TEXT_PARTS = ("legal_basis", *SECTIONS, "phrases", "content", "forms", "responsibilities")
"""The parts of the plan's text in the document's order, as `missing_parts` names them."""

NUMBERED_PARTS = ("purposes", "requirements", "phrases", "content", "forms", "window", "responsibilities")
"""The parts of a plan's text that the ministry's template numbers (1. Mục đích … 7. Tổ chức thực hiện), in
its order; the context before them and the report deadlines inside the window or the closing are not numbered."""

_CITES_PART = re.compile(r"\b" + re.escape(plain("page.plan.part_word")) + r" \d")
"""A reference to a numbered part of the same document (`theo chủ đề nêu tại Mục 3`)."""


def section_numbers(plan: Plan, shown: list[str]) -> dict[str, str]:
    """`{part: "3"}` for each numbered part the page shows, counted in page order, only where the plan's text
    cites a part by its number, so that `Mục 3` finds `3. Chủ đề và khẩu hiệu`; an empty mapping otherwise
    (the page adds no number a document does not need)."""
    if not _CITES_PART.search(str(plan.model_dump())):
        return {}
    return {part: str(n) for n, part in enumerate((p for p in NUMBERED_PARTS if p in shown), start=1)}


def _headings(plan: Plan, shown: list[str], names: dict[str, str]) -> dict[str, str]:
    """Each part's heading, `3. Chủ đề và khẩu hiệu` where `section_numbers` numbers it."""
    numbers = section_numbers(plan, shown)
    return {part: plain("page.plan.numbered_heading", number=numbers[part], heading=heading) if part in numbers else heading
            for part, heading in names.items()}


def missing_parts(plan: Plan) -> dict[str, str]:
    """`Chưa có thông tin về …` for each list of the plan that is not known (`chưa rõ`, or left out of a
    record made from a summary); parts a full document does not state are left out, never said twice."""
    missing = {name: absent(name, True) if plan.not_known(value := getattr(plan, name)) and not (name == "addressees" and value == []) else ""
               for name in ("addressees", "legal_basis", *SECTIONS, "content", "forms", "responsibilities")}
    kinds = missing_phrase_kinds(plan)
    return missing | {"phrases": phrases_absent(kinds, True) if kinds else ""}


def missing_phrase_kinds(plan: Plan) -> list[str]:
    """The kinds of phrase (`theme`, `slogan`, `message`) the record does not know and the plan does not leave to units."""
    return [kind for kind, ids in phrases_by_kind(plan)
            if plan.not_known(ids) and kind not in plan.units_choose and not (kind == "message" and ids == [])]


def _subject_line(plan: Plan) -> str:
    doc = plan.document
    if not isinstance(doc.subject, str) or not doc.subject:
        return plain("page.plan.subject_absent", kind=doc.kind, absent=absent("summary", plan.not_known(doc.subject)).lower())
    if doc.kind == "Công văn":
        return plain("page.plan.subject_dispatch", kind=doc.kind, subject=doc.subject)
    return plain("page.plan.subject", kind=doc.kind, subject=doc.subject)


def _glance(ctx: SiteContext, plan: Plan, linked: Fact | None, peak: Fact | None) -> list[Fact]:
    """The lines under the title: when (window, its peak, the days), where (the issuer), the themes it carries
    and the report deadlines, with the rows of the linked days and the peak, if any."""
    year, themes = plan.year, plan.themes if isinstance(plan.themes, list) else []
    known = ctx.data.campaigns[year].phrases()
    window = plan.dated_window
    return [
        Fact(plain("page.plan.fact_window"), Markdown(plan_window(plan) + finished(window.end if window else None, ctx.today))),
        *([peak] if peak else []),
        Fact(plain("page.plan.fact_observances"),
             Markdown("; ".join(observance_line(campaign_observance(ctx.data, year, o), year) for o in plan.observances))),
        *([linked] if linked else []),
        Fact(plain("page.plan.fact_issuer"),
             issuer_name(plan) if isinstance(plan.issuer.name, str) else absent("issuer", plan.not_known(plan.issuer.name))),
        *([Fact(PHRASE_KINDS["theme"], Markdown("; ".join(phrase_item(known[t].phrase) for t in themes)))] if themes else []),
        Fact(plain("page.plan.fact_deadlines"), plan_deadlines(plan)),
    ]


def _names(plan: Plan) -> list[str]:
    """The issuer's name as the record spells it, which the signature's printed capitals take (`ỦY BAN NHÂN DÂN` is
    `Ủy ban nhân dân`); not its parent, which records keep in the header's capitals."""
    return [plan.issuer.name] if isinstance(plan.issuer.name, str) else []


def _facts(plan: Plan) -> list[Fact]:
    """The rows of the `Thông tin văn bản` table: number, date, place and signer."""
    doc = plan.document
    return [
        # What a summary leaves out of the number or date is not known, not left blank by the document.
        Fact(plain("page.plan.fact_number"), absent("number", True) if plan.not_known(doc.number) and not doc.number_symbol else number_text(doc)),
        Fact(plain("page.plan.fact_date"), absent("date", True) if plan.not_known(doc.date) else signed_date_text(doc)),
        Fact(plain("page.plan.fact_place"), inferred_text(plan.issuer.placed(plan.place), plan.is_inferred("place")) if isinstance(plan.place, str)
             else absent("place", plan.not_known(plan.place))),
        Fact(plain("page.plan.fact_signer"), absent("signer", True) if plan.not_known(plan.signer) else signer_text(plan.signer, _names(plan))),
    ]


def _phrase_line(entry: PhraseEntry) -> Markdown:
    """`“Chủ đề” — Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4)`."""
    return say("page.plan.phrase", phrase=phrase_item(entry.phrase), observance=entry.observance.name, day=entry.observance.label)


def plan_view(ctx: SiteContext, plan: Plan) -> PlanView:
    campaign = ctx.data.campaigns[plan.year]
    page, year = paths.plan_page(plan), plan.year
    known = campaign.phrases()
    doc = plan.document
    subject = doc.subject if isinstance(doc.subject, str) else ""
    lead = plan.named(plain("page.plan.lead", kind=doc.kind, issuer=issuer_name(plan)))
    missing = missing_parts(plan)
    window = plan.dated_window
    linked_days = [observance_line(campaign_observance(ctx.data, year, o), year) for o in plan.linked_observances]
    linked = Markdown("; ".join(linked_days)) if linked_days else None
    peak_label, peak = (capitalised(window.peak.label), span_text((window.peak.start, window.peak.end))) if window and window.peak else (None, None)
    lead_words = link_lead(plan.linked_modality)
    feed = paths.plan_feed(plan)
    see_source = plain("page.plan.see_source")
    source_link = Markdown(f"[{escape(see_source)}](#nguon)")
    sections = [name for name in SECTIONS if held(getattr(plan, name))]
    phrases = [PlanPhrases(PHRASE_KINDS[kind], [_phrase_line(known[i]) for i in held(ids)]) for kind, ids in phrases_by_kind(plan) if ids]
    shown = [*sections,
             *(["phrases"] if phrases or plan.units_choose else []),
             *(["content"] if held(plan.content) else []),
             *(["forms"] if held(plan.forms) else []),
             *(["window"] if window else []),
             *(["responsibilities"] if held(plan.responsibilities) else [])]
    phrases_heading = plain("page.plan.phrases_heading_messages") if plan.messages or "message" in missing_phrase_kinds(plan) \
        else plain("page.plan.phrases_heading")
    headings = _headings(plan, shown, {**SECTIONS, "phrases": phrases_heading, "content": plain("page.plan.content_heading"),
                                       "forms": plain("page.plan.forms_heading"), "window": plain("page.plan.window_heading"),
                                       "responsibilities": plain("page.plan.responsibilities_heading")})
    return PlanView(
        title=plain("page.plan.title", plan=plan.short_label, kind=doc.kind, year=year),
        description=plain("page.plan.description", lead=lead, subject=subject) if subject
        else plain("page.plan.description_no_subject", lead=lead, year=year),
        share=ctx.share(year),
        where=here(plan_trail(campaign, plan)),
        heading=plan.title,
        issuer_parent=plan.issuer.parent,
        issuer_line=plan.issuer.name if isinstance(plan.issuer.name, str) and plan.issuer.name else None,
        number=doc.number_symbol or None,
        dateline=dateline(plan.place, doc.date),
        subject_line=_subject_line(plan),
        summary_notice=say("page.plan.summary_notice", source=source_link) if plan.origin and plan.origin.summary else None,
        inferred=inferred_notice(plan.inferred),
        addressees=plan.addressees if isinstance(plan.addressees, list) else [],
        glance=_glance(ctx, plan, Fact(lead_words, linked) if linked else None, Fact(peak_label, peak) if peak_label and peak else None),
        facts=_facts(plan),
        headings=headings,
        citizens_feed=feed if feed in ctx.feeds else None,
        staff_feed=feed if paths.staff_feed(feed) in ctx.feeds else None,
        basis_lead=say("page.plan.basis_lead", kind=doc.kind),
        basis=basis_lines(ctx.data, plan, page),
        sections=[PlanSection(headings[name], held(getattr(plan, name))) for name in sections],
        units_choose=units_choose_text(plan.units_choose),
        phrases=phrases,
        content=[ContentSection(section.heading, section.items) for section in held(plan.content)],
        forms=held(plan.forms),
        window=Markdown(f"{window_sentence(window)}." + (f" {escape(window.note)}" if window.note else "")) if window else None,
        peak_label=peak_label,
        peak=peak,
        linked_lead=lead_words,
        linked=linked,
        deadlines=[Markdown(deadline_text(d) + (f" {escape(d.note)}" if d.note else "")) for d in plan.dated_deadlines],
        responsibilities=[UnitTasks(r.unit, [UnitTask(t.text, t.performers) for t in r.tasks]) for r in held(plan.responsibilities)],
        closing=plan.closing,
        signature=signature(plan.signer if isinstance(plan.signer, Signer) else None),
        recipients=plan.recipients if isinstance(plan.recipients, list) else [],
        recipients_absent=absent("recipients", plan.not_known(plan.recipients)),
        origin=origin_view(plan.origin, ctx.origin_files),
        posts=post_list(campaign.posts_of(plan), LISTED_POSTS),
        unknown=[missing[part] for part in TEXT_PARTS if missing[part]],
        missing=missing,
    )
