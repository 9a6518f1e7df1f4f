"""The loaded, validated data of the whole site, with the lookups renderers need."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem
from campaign_site.core.slugs import ascii_slug
from campaign_site.data.activities import Post
from campaign_site.data.domain import ALL_ISSUER_LEVELS, ALL_PHRASE_KINDS, PHRASE_LISTS, PhraseKind
from campaign_site.data.model import CampaignFile, LegalDocument, Observance, Phrase, Plan, SiteFile, YearObservance
from campaign_site.data.unknowns import NOT_KNOWN, held

CENTRAL = plain("load.central")
"""Where plans of central bodies (ministries, the Government, Party bodies) are listed: not a province."""

INLINE_PLANS = 12
"""Up to this many plans in a year, year, calendar and legal-basis pages name every plan; above it
they give counts and link to the year's plan listing, so no page grows with the number of plans."""


@dataclass(frozen=True)
class ProvincePlans:
    """The plans of one province in one year."""

    name: str
    slug: str
    plans: list[Plan]
    central: bool = False
    """The group of central bodies' plans (`CENTRAL`), which no province count includes."""


@dataclass(frozen=True)
class PhraseEntry:
    """A theme or slogan with the observance it belongs to."""

    phrase: Phrase
    kind: PhraseKind
    observance: Observance


@dataclass(frozen=True)
class Campaign:
    """One year: its observances with themes and slogans, the local plans and the activity posts, built
    complete by the loader (nothing is added later)."""

    year: int
    spec: CampaignFile
    source: str
    observances: list[tuple[Observance, YearObservance]]
    """The year's observances in date order."""
    plans: tuple[Plan, ...] = ()
    posts: tuple[Post, ...] = ()
    """Activity posts of the year (docs/<year>/hoat-dong/), newest first."""
    provinces: list[ProvincePlans] = field(init=False)
    """Plans grouped by place: central bodies first as one group ("Trung ương", not a province), then
    provinces in alphabetical order; in each, province-level issuers first."""

    _group_of: dict[str, ProvincePlans] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "provinces", _by_province(self.plans))
        object.__setattr__(self, "_group_of", {plan.id: group for group in self.provinces for plan in group.plans})

    def group_of(self, plan: Plan) -> ProvincePlans:
        """The place group (province, or the central bodies) the plan is listed under."""
        return self._group_of[plan.id]

    def posts_of(self, plan: Plan) -> list[Post]:
        """The posts about activities the plan's issuer held under it, newest first."""
        return [p for p in self.posts if p.plan.id == plan.id]

    @property
    def title(self) -> str:
        return self.spec.title or plain("load.campaign_title", year=self.year)

    def phrases(self) -> dict[str, PhraseEntry]:
        """Every theme and slogan of the year by id."""
        return {
            phrase.id: PhraseEntry(phrase, kind, observance)
            for observance, year_obs in self.observances
            for kind in ALL_PHRASE_KINDS
            for phrase in getattr(year_obs, PHRASE_LISTS[kind])
        }

    def observance_days(self) -> list[tuple[date, Observance]]:
        """The year's observance days, in date order."""
        return sorted(((date(self.year, o.month, o.day), o) for o, _ in self.observances), key=lambda pair: pair[0])

    def last_day(self) -> date:
        """The campaign's last day: its last observance or the end of its last stated plan window."""
        ends = [w.end for w in (p.dated_window for p in self.plans) if w]
        return max([day for day, _ in self.observance_days()] + ends)

    @property
    def lists_plans(self) -> bool:
        """Whether pages about the whole year name each plan (see INLINE_PLANS)."""
        return len(self.plans) <= INLINE_PLANS

    @property
    def province_count(self) -> int:
        """How many provinces have plans this year (central bodies are not a province)."""
        return sum(1 for group in self.provinces if not group.central)

    def plans_citing(self, phrase_id: str) -> list[Plan]:
        return [p for p in self.plans if phrase_id in p.phrase_ids]

    def documents_cited(self) -> list[str]:
        """Ids of the legal documents the year's plans are (`document.registry`), implement or mention, in
        first-cited order."""
        ids: list[str] = []
        for plan in self.plans:
            for doc_id in [*filter(None, [plan.document.registry]), *plan.cited_documents]:
                if doc_id not in ids:
                    ids.append(doc_id)
        return ids


def _by_province(plans: Sequence[Plan]) -> list[ProvincePlans]:
    """`Campaign.provinces` of these plans."""
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        groups.setdefault(plan.issuer.province or CENTRAL, []).append(plan)
    return [
        ProvincePlans(name, ascii_slug(name), sorted(plans, key=lambda p: (ALL_ISSUER_LEVELS.index(p.issuer.level), ascii_slug(p.issuer.label))),
                      central=name == CENTRAL and plans[0].issuer.province is None)
        for name, plans in sorted(groups.items(), key=lambda item: (item[0] != CENTRAL, ascii_slug(item[0])))
    ]


@dataclass
class SiteData:
    """Everything under campaigns/, validated."""

    settings: SiteFile
    documents: dict[str, LegalDocument]
    observances: dict[str, Observance]
    campaigns: dict[int, Campaign]
    warnings: list[Problem] = field(default_factory=list)
    root: Path | None = None
    """The campaigns/ folder, where original documents named by a record's `source.file` are kept."""

    def years(self) -> list[int]:
        """Newest first."""
        return sorted(self.campaigns, reverse=True)

    def featured_year(self, today: date) -> int:
        """The current or next campaign: the earliest one not over yet (a later year's data, once it
        exists, takes over as soon as the current campaign's last day has passed), else the latest."""
        coming = [y for y in sorted(self.campaigns) if self.campaigns[y].last_day() >= today]
        return coming[0] if coming else max(self.campaigns)

    def year_documents(self, campaign: Campaign) -> list[LegalDocument]:
        """Documents the year's plans cite, followed by the documents those implement."""
        ids = campaign.documents_cited()
        for doc_id in list(ids):
            ids += [d.id for d in self.chain(doc_id) if d.id not in ids]
        return [self.documents[i] for i in ids]

    def legal_basis(self, plan: Plan) -> list[str]:
        """The documents a plan implements: its own `legal_basis`, or, for a plan that is a registry
        document and lists none, that document's `basis`."""
        if held(plan.legal_basis) or plan.legal_basis is NOT_KNOWN or plan.document.registry is None:
            return held(plan.legal_basis)
        return self.documents[plan.document.registry].basis

    def chain(self, doc_id: str) -> list[LegalDocument]:
        """The documents `doc_id` implements, directly or not, nearest first (each once)."""
        seen: list[str] = []
        queue = list(self.documents[doc_id].basis)
        while queue:
            current = queue.pop(0)
            if current not in seen and current in self.documents:
                seen.append(current)
                queue.extend(self.documents[current].basis)
        return [self.documents[i] for i in seen]
