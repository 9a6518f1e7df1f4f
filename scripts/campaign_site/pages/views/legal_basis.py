"""The legal-basis page: every registered document with who cites it, and each plan's chain."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import citations, paths
from campaign_site.data.domain import ALL_DOCUMENT_LEVELS, ISSUER_LEVEL_OF
from campaign_site.data.model import LegalDocument
from campaign_site.data.site_data import SiteData
from campaign_site.data.unknowns import NOT_KNOWN
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import ISSUER_LEVELS, absent
from campaign_site.pages.views.base import PlanChain, SiteContext, View, chains, link, plan_links
from campaign_site.stages import open_data
from campaign_site.stages.banners.artwork import Download
from campaign_site.words.phrasing import time
from campaign_site.words.sources import original_url, source_note


@dataclass(frozen=True)
class RegistryRow:
    """A document on the legal-basis page with the plans and documents that cite it."""

    anchor: str
    """The row's id, which `paths.document_anchor` links to."""
    level_value: str
    """The issuer's level as the level filter reads it."""
    kind: str
    """The document's type in words (`Công văn`)."""
    issuer: str
    level: str
    """The issuer's level in words (`Cấp ban hành: Bộ, ngành trung ương`)."""
    level_rank: int
    """Its place in the legal chain, from the Party down: the level column sorts by it."""
    number: str
    """The number and symbol, or why there is none."""
    has_number: bool
    """Whether `number` is the document's number and symbol (printed bold and never split)."""
    issued: str
    """The date of issue as a `<time>`, or why there is none."""
    issued_sort: str
    summary: str
    own_plan: Markdown | None
    """A link to the plan that is this very document (`document.registry`), if there is one."""
    cited: Markdown
    """The plans, then the documents, that cite it, each linked."""
    original: Download | None
    """The original file kept with the site, if the registry names one."""
    original_url: str | None
    """The address of the document itself, if the registry gives one (never a news summary's)."""
    source: Markdown | None
    """The named source the entry was made from (`Nguồn: bản tin của …, đọc ngày …`)."""
    no_original: Markdown | None
    """That there is neither an original nor a source to link, if so."""


@dataclass(frozen=True)
class LevelChoice:
    """An issuer level in the page's level filter."""

    value: str
    label: str


@dataclass(frozen=True)
class YearChains:
    """A year's plans with their chains, or (`note`) where each plan's chain is instead."""

    heading: str
    chains: list[PlanChain]
    note: Markdown | None


@dataclass(frozen=True, kw_only=True)
class LegalBasisView(View):
    intro: Markdown
    """What the legal basis is: the chain of documents a plan implements."""
    main: list[Markdown]
    """The national documents (Party, Government, ministries), highest first, each linked to its row."""
    registry_lead: Markdown
    levels: list[LevelChoice]
    rows: list[RegistryRow]
    years: list[YearChains]
    jsonld: Markdown


def _cited(page: str, data: SiteData, doc: LegalDocument) -> Markdown:
    """The plans of every year citing `doc`, then the documents implementing it, linked and joined by `; `."""
    plans = [p for year in sorted(data.campaigns) for p in data.campaigns[year].plans if doc.id in p.cited_documents]
    documents = [link(page, paths.document_anchor(d.id), citations.full(d, summary=False)) for d in data.documents.values() if doc.id in d.basis]
    return Markdown("; ".join(filter(None, [plan_links(page, plans, "short_year"), *documents])))


def registry_rows(data: SiteData, originals: Mapping[str, Download], page: str) -> list[RegistryRow]:
    """Every registered document, oldest first, with who cites it."""
    plans = [p for year in sorted(data.campaigns) for p in data.campaigns[year].plans]
    rows = []
    for doc in sorted(data.documents.values(), key=lambda d: d.sort_key):
        own = next((p for p in plans if p.document.registry == doc.id), None)
        original = originals.get(doc.origin.file) if doc.origin and doc.origin.file else None
        url, source = original_url(doc.url, doc.origin), source_note(doc.origin)
        rows.append(RegistryRow(
            paths.document_anchor(doc.id).split("#", 1)[1],
            doc.level,
            doc.type_text,
            doc.issuer,
            plain("page.legal.level", level=ISSUER_LEVELS[doc.level]),
            list(ISSUER_LEVELS).index(doc.level),
            doc.number_symbol if isinstance(doc.number_symbol, str) else absent("number", doc.number_symbol is NOT_KNOWN),
            isinstance(doc.number_symbol, str),
            time(doc.date.iso(), doc.date.short()) if isinstance(doc.date, PartialDate) else absent("issued", doc.date is NOT_KNOWN),
            doc.date.iso() if isinstance(doc.date, PartialDate) else "",
            doc.summary if isinstance(doc.summary, str) else absent("summary", doc.summary is NOT_KNOWN),
            link(page, paths.plan_page(own), plain("page.legal.own_plan")) if own else None,
            _cited(page, data, doc),
            original,
            url,
            source,
            None if original or url or source else say("page.legal.no_original"),
        ))
    return rows


def main_documents(data: SiteData, page: str) -> list[Markdown]:
    """The documents at the top of every chain, from the Party down, oldest first within a level: each named
    by its type, number and issuer (`citations.named`), linked to its row of the registry."""
    national = [d for d in sorted(data.documents.values(), key=lambda d: d.sort_key) if ISSUER_LEVEL_OF[d.level] == "national"]
    national.sort(key=lambda d: ALL_DOCUMENT_LEVELS.index(d.level))
    return [link(page, paths.document_anchor(d.id), citations.named(d)) for d in national]


def year_chains(data: SiteData, year: int, page: str) -> YearChains:
    """The year's plans with their chains; where the year's pages do not name every plan, a note that sends
    the reader to each plan's page."""
    campaign = data.campaigns[year]
    listed = link(page, paths.year_plans(year), plain("page.legal.year_plans_link", year=year))
    return YearChains(plain("page.legal.year_heading", year=year), chains(data, campaign, page),
                      None if campaign.lists_plans else say("page.legal.chains_elsewhere", year=year, count=len(campaign.plans), listed=listed))


def legal_basis_view(ctx: SiteContext, _: None) -> LegalBasisView:
    page = paths.LEGAL_BASIS
    rows = registry_rows(ctx.data, ctx.origin_files, page)
    return LegalBasisView(
        title=plain("page.legal.title"),
        description=plain("page.legal.description", count=len(rows)),
        intro=say("page.legal.intro"),
        main=main_documents(ctx.data, page),
        registry_lead=say("page.legal.registry_lead", count=len(rows)),
        levels=[LevelChoice(value, label) for value, label in ISSUER_LEVELS.items()],
        rows=rows,
        years=[year_chains(ctx.data, year, page) for year in ctx.data.years()],
        jsonld=Markdown(open_data.legislation_jsonld(ctx.data)),
    )
