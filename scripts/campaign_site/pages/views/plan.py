"""A plan's page: the document's facts (or why the record lacks them), its phrases, sections and sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from campaign_site.core.markdown_text import Markdown
from campaign_site.data import paths
from campaign_site.data.model import Observance, Origin, Plan, ReportDeadline, Signer, Window
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
from campaign_site.stages.banners.artwork import Download
from campaign_site.words.phrasing import dateline, issuer_name, number_text, signed_date_text, signer_name, signer_text
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
    """A titled list of the plan's text (context, purposes, requirements), or why the record lacks it."""

    heading: str
    items: list[str]
    missing: str = ""


@dataclass(frozen=True)
class PlanPhrases:
    """The plan's themes, or its slogans, under their label."""

    label: str
    entries: list[PhraseEntry]


@dataclass(frozen=True)
class Fact:
    """A row of a plan's summary: what it is and what the record says, or that it does not hold it."""

    label: str
    text: str


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
    plan: Plan
    observances: list[Observance]
    linked: list[Observance]
    """Other observances the plan links its activities to."""
    linked_lead: str
    """How the document words that link (`Có thể kết nối các hoạt động với`), without the days."""
    peak_label: str | None
    """The document's name for the period inside the window (`Thời gian cao điểm`), if it gives one."""
    inferred: str | None
    """Which values staff inferred from a source rather than read in the document, as a notice."""
    issuer_name: str
    """The issuer's name, with the qualifier when it is inferred."""
    basis: list[BasisLine]
    sections: list[PlanSection]
    phrases: list[PlanPhrases]
    phrases_heading: str
    units_choose: str | None
    """What the plan leaves each unit to choose (`Văn bản không quy định chủ đề, khẩu hiệu chung; ...`)."""
    dateline: str
    """Place and date under the number, as far as the record holds them."""
    subject_line: str
    """The document's kind and subject: `Kế hoạch: …`, or `Công văn — V/v …`."""
    facts: list[Fact]
    """Number, date, place and signer, each stated, not stated or not known."""
    window: Window | None
    deadlines: list[ReportDeadline]
    signature: Signature | None
    recipients: list[str]
    recipients_absent: str
    origin: OriginView | None
    posts: PostList
    citizens_feed: bool
    """Whether the plan has a citizens' calendar (only a calendar with events is written and offered)."""
    staff_feed: bool
    """Whether the plan has an agencies' calendar of report deadlines."""
    missing: dict[str, str]
    """For each part of the plan (`legal_basis`, `phrases`, `content`, `forms`, `responsibilities`, `addressees`,
    and the text sections): `Chưa có thông tin về …` when the record lacks it and must say so, else empty. A part
    a full document does not state has no section, as the about page explains; on a record made from a summary
    every part it lacks is not known."""


SECTIONS = {"context": "Bối cảnh", "purposes": "Mục đích", "requirements": "Yêu cầu"}
"""The plan's text sections, by field, under their headings."""


def missing_parts(plan: Plan) -> dict[str, str]:
    """`Chưa có thông tin về …` for each list of the plan that is not known (`chưa rõ`, or left out of a
    record made from a summary); parts a full document does not state are left out, never said twice."""
    missing = {name: absent(name, True) if plan.not_known(value := getattr(plan, name)) and not (name == "addressees" and value == []) else ""
               for name in ("addressees", "legal_basis", *SECTIONS, "content", "forms", "responsibilities")}
    kinds = [kind for kind, ids in (("theme", plan.themes), ("slogan", plan.slogans), ("message", plan.messages))
             if plan.not_known(ids) and kind not in plan.units_choose and not (kind == "message" and ids == [])]
    return missing | {"phrases": phrases_absent(kinds, True) if kinds else ""}


def plan_view(ctx: SiteContext, plan: Plan) -> PlanView:
    campaign = ctx.data.campaigns[plan.year]
    known = campaign.phrases()
    doc = plan.document
    subject = doc.subject if isinstance(doc.subject, str) else ""
    lead = plan.named(f"{doc.kind} của {issuer_name(plan)}")
    missing = missing_parts(plan)
    return PlanView(
        title=f"{plan.short_label}: {doc.kind} năm {plan.year}",
        description=f"{lead}: {subject}" if subject else f"{lead} năm {plan.year}.",
        share=ctx.share(plan.year),
        plan=plan,
        observances=[campaign_observance(ctx.data, plan.year, o) for o in plan.observances],
        basis=basis_lines(ctx.data, plan),
        sections=[PlanSection(heading, held(getattr(plan, name)), missing[name]) for name, heading in SECTIONS.items()
                  if getattr(plan, name) or missing[name]],
        phrases=[PlanPhrases(PHRASE_KINDS[kind], [known[i] for i in held(ids)]) for kind, ids in
                 (("theme", plan.themes), ("slogan", plan.slogans), ("message", plan.messages)) if ids],
        phrases_heading="Chủ đề, khẩu hiệu và thông điệp" if plan.messages or "thông điệp" in missing["phrases"] else "Chủ đề và khẩu hiệu",
        units_choose=units_choose_text(plan.units_choose),
        linked=[campaign_observance(ctx.data, plan.year, o) for o in plan.linked_observances],
        linked_lead=link_lead(plan.linked_modality),
        peak_label=capitalised(window.peak.label) if (window := plan.dated_window) and window.peak else None,
        inferred=inferred_notice(plan.inferred),
        issuer_name=issuer_name(plan) if isinstance(plan.issuer.name, str) else absent("issuer", plan.not_known(plan.issuer.name)),
        dateline=dateline(plan.place, doc.date),
        subject_line=(f"{doc.kind}{' — V/v ' if doc.kind == 'Công văn' else ': '}{subject}" if subject
                      else f"{doc.kind} ({absent('summary', plan.not_known(doc.subject)).lower()})"),
        facts=[
            # What a summary leaves out of the number or date is not known, not left blank by the document.
            Fact("Số, ký hiệu", absent("number", True) if plan.not_known(doc.number) and not doc.number_symbol else number_text(doc)),
            Fact("Ngày ký", absent("date", True) if plan.not_known(doc.date) else signed_date_text(doc)),
            Fact("Địa danh", inferred_text(plan.place, plan.is_inferred("place")) if isinstance(plan.place, str) else absent("place", plan.not_known(plan.place))),
            Fact("Người ký", absent("signer", True) if plan.not_known(plan.signer) else signer_text(plan.signer)),
        ],
        window=plan.dated_window,
        deadlines=plan.dated_deadlines,
        signature=signature(plan.signer if isinstance(plan.signer, Signer) else None),
        recipients=plan.recipients if isinstance(plan.recipients, list) else [],
        recipients_absent=absent("recipients", plan.not_known(plan.recipients)),
        origin=origin_view(plan.origin, ctx.origin_files),
        posts=post_list(campaign.posts_of(plan), LISTED_POSTS),
        citizens_feed=paths.plan_feed(plan) in ctx.feeds,
        staff_feed=paths.staff_feed(paths.plan_feed(plan)) in ctx.feeds,
        missing=missing,
    )
