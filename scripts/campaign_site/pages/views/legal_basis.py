"""The legal-basis page: every registered document with who cites it, and each plan's chain."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from campaign_site.core.markdown_text import Markdown
from campaign_site.data.model import LegalDocument, Plan
from campaign_site.data.site_data import Campaign, SiteData
from campaign_site.data.unknowns import NOT_KNOWN
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import ISSUER_LEVELS, absent
from campaign_site.pages.views.base import PlanChain, SiteContext, View, chains
from campaign_site.stages import open_data
from campaign_site.stages.banners.artwork import Download
from campaign_site.words.phrasing import time
from campaign_site.words.sources import original_url, source_note


@dataclass(frozen=True)
class RegistryRow:
    """A document on the legal-basis page with the plans and documents that cite it."""

    doc: LegalDocument
    plans: list[Plan]
    cited_by: list[LegalDocument]
    level: str
    """The issuer's level in words (`Bộ, ngành trung ương`)."""
    level_rank: int
    """Its place in the legal chain, from the Party down: the level column sorts by it."""
    number: str
    issued: str
    """The date of issue as a `<time>`, or why there is none."""
    issued_sort: str
    summary: str
    original: Download | None
    """The original file kept with the site, if the registry names one."""
    original_url: str | None
    """The address of the document itself, if the registry gives one (never a news summary's)."""
    source: Markdown | None
    """The named source the entry was made from (`Nguồn: bản tin của …, đọc ngày …`)."""
    own_plan: Plan | None
    """The plan that is this very document (`document.registry`), whose page it links to."""


@dataclass(frozen=True)
class YearChains:
    """A year's plans with their chains, or (`chains` empty) how many plans it has."""

    campaign: Campaign
    plan_count: int
    chains: list[PlanChain]


@dataclass(frozen=True, kw_only=True)
class LegalBasisView(View):
    rows: list[RegistryRow]
    document_count: int
    years: list[YearChains]
    jsonld: str


def registry_rows(data: SiteData, originals: Mapping[str, Download]) -> list[RegistryRow]:
    """Every registered document, oldest first, with who cites it."""
    plans = [p for year in sorted(data.campaigns) for p in data.campaigns[year].plans]
    return [
        RegistryRow(
            doc,
            [p for p in plans if doc.id in p.cited_documents],
            [d for d in data.documents.values() if doc.id in d.basis],
            ISSUER_LEVELS[doc.level],
            list(ISSUER_LEVELS).index(doc.level),
            doc.number_symbol if isinstance(doc.number_symbol, str) else absent("number", doc.number_symbol is NOT_KNOWN),
            time(doc.date.iso(), doc.date.short()) if isinstance(doc.date, PartialDate) else absent("issued", doc.date is NOT_KNOWN),
            doc.date.iso() if isinstance(doc.date, PartialDate) else "",
            doc.summary if isinstance(doc.summary, str) else absent("summary", doc.summary is NOT_KNOWN),
            originals.get(doc.origin.file) if doc.origin and doc.origin.file else None,
            original_url(doc.url, doc.origin),
            source_note(doc.origin),
            next((p for p in plans if p.document.registry == doc.id), None),
        )
        for doc in sorted(data.documents.values(), key=lambda d: d.sort_key)
    ]


def legal_basis_view(ctx: SiteContext, _: None) -> LegalBasisView:
    rows = registry_rows(ctx.data, ctx.origin_files)
    return LegalBasisView(
        title="Căn cứ pháp lý",
        description=f"Danh mục {len(rows)} văn bản làm căn cứ cho các kế hoạch: số, ký hiệu, ngày ban hành, cơ quan "
                    "ban hành, trích yếu và chuỗi văn bản thực hiện.",
        rows=rows,
        document_count=len(rows),
        years=[YearChains(c, len(c.plans), chains(ctx.data, c)) for c in (ctx.data.campaigns[y] for y in ctx.data.years())],
        jsonld=open_data.legislation_jsonld(ctx.data),
    )
