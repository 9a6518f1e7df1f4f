"""Each year's data as open JSON: the same facts the pages show, in one machine-readable file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from campaign_site.core.encoders import json_text
from campaign_site.data import citations, paths
from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.model import Plan
from campaign_site.data.site_data import Campaign, SiteData
from campaign_site.data.unknowns import absent_fields
from campaign_site.data.vn_dates import PartialDate
from campaign_site.stages.calendar.events import Event
from campaign_site.words.summaries import window_coverage

if TYPE_CHECKING:
    from campaign_site.stages.news.posts import PublishedPost


def _absent(record: BaseModel) -> dict[str, list[str]]:
    """`not_stated`: fields the document does not state; `not_known`: fields not known yet (null in the record).
    Of a record made from a summary, whatever the summary leaves out is not known: the document may state it."""
    not_stated, not_known = absent_fields(record)
    origin = getattr(record, "origin", None)
    if origin is not None and origin.summary:
        return {"not_stated": [], "not_known": not_stated + not_known}
    return {"not_stated": not_stated, "not_known": not_known}


def _activities(base: str, campaign: Campaign, posts: Mapping[str, PublishedPost]) -> list[dict[str, Any]]:
    """The year's activity posts: facts from their front matter, address, and each photo's published copies."""
    return [
        {
            "id": post.slug,
            "title": post.title,
            "date": post.held_on.iso() if post.held_on else None,
            "end": post.last.isoformat() if post.last else None,
            "plan": post.plan.id,
            "unit": post.front.unit,
            "place": post.front.place if isinstance(post.front.place, str) else None,
            "observances": list(post.front.observances),
            "summary": posts[post.page].summary,
            "url": paths.page_url(base, post.page),
            "source": post.source,
            **_absent(post.front),
            "photos": [
                {"alt": photo.entry.alt, "caption": photo.entry.caption, "credit": photo.entry.credit,
                 "files": [{"url": base.rstrip("/") + "/" + c.path, "type": f"image/{c.format}", "width": c.width,
                            "height": c.height} for c in photo.copies]}
                for photo in posts[post.page].photos
            ],
        }
        for post in campaign.posts
    ]


def _plan_record(plan: Plan) -> dict[str, Any]:
    """The plan's record, each report deadline with its `due` day (the day before the date written for `trước ngày`)."""
    record = plan.model_dump(mode="json")
    if plan.dated_deadlines:
        record["report_deadlines"] = [written | {"due": deadline.due.isoformat()}
                                      for written, deadline in zip(record["report_deadlines"], plan.dated_deadlines, strict=True)]
    return record


def year_json(data: SiteData, campaign: Campaign, events: list[Event], posts: Mapping[str, PublishedPost] | None = None) -> str:
    """Observances with themes and slogans, cited documents, plans and activity posts of one year, as JSON text."""
    base = data.settings.site.base_url
    observances: list[dict[str, Any]] = []
    for observance, year_obs in campaign.observances:
        observances.append(
            {
                "id": observance.id,
                "date": date(campaign.year, observance.month, observance.day).isoformat(),
                "name": observance.name,
                "documents_name": observance.documents_name,
                "name_en": observance.name_en,
                "owner": observance.owner,
                **{
                    name: [p.model_dump(mode="json") | {"plans": [c.id for c in campaign.plans_citing(p.id)]} for p in getattr(year_obs, name)]
                    for name in PHRASE_LISTS.values()
                },
            }
        )
    own_plans = {p.document.registry: p.id for p in campaign.plans if p.document.registry}
    documents = [doc.model_dump(mode="json") | {"citation": citations.full(doc), "plan": own_plans.get(doc.id)} | _absent(doc)
                 for doc in data.year_documents(campaign)]
    plans = [
        {"id": plan.id, "title": plan.title, "url": paths.page_url(base, paths.plan_page(plan)), "source": plan.source}
        | _plan_record(plan) | _absent(plan)
        for plan in campaign.plans
    ]
    coverage = window_coverage(campaign.plans)
    span = coverage.span
    payload = {
        "year": campaign.year,
        "title": campaign.title,
        "url": paths.page_url(base, paths.year_page(campaign.year)),
        "publisher": data.settings.organisation.model_dump(mode="json", exclude_none=True),
        "license": data.settings.site.license.model_dump(mode="json"),
        "window": {
            "start": span[0].isoformat() if span else None,
            "end": span[1].isoformat() if span else None,
            "plans": coverage.total,
            "plans_stating": coverage.stated,
            "plans_not_stating": coverage.not_stated,
            "plans_not_known": coverage.not_known,
        },
        "observances": observances,
        "documents": documents,
        "plans": plans,
        "activities": _activities(base, campaign, posts or {}),
        "dates": [
            {
                "uid": e.uid,
                "kind": e.kind,
                "start": e.start.isoformat(),
                "end": e.last.isoformat(),
                "title": e.title,
                "plan": e.plan.id if e.plan else None,
                "url": e.url,
            }
            for e in events
        ],
        "calendar": paths.page_url(base, paths.year_feed(campaign.year)),
    }
    # Compact: with thousands of plans, indenting makes the file bigger and its writing ten times slower.
    return json_text(payload) + "\n"


def legislation_jsonld(data: SiteData) -> str:
    """schema.org `Legislation` for every registered document, as JSON safe inside a <script> element."""
    registry = paths.page_url(data.settings.site.base_url, paths.LEGAL_BASIS)
    graph = []
    for doc in data.documents.values():
        item: dict[str, Any] = {
            "@type": "Legislation",
            "@id": f"{registry}#van-ban-{doc.id}",
            "name": citations.full(doc),
            "legislationType": doc.kind,
            "legislationPassedBy": {"@type": "Organization", "name": doc.issuer},
            "legislationJurisdiction": "VN",
            "inLanguage": "vi",
        }
        if isinstance(doc.number_symbol, str):
            item["legislationIdentifier"] = doc.number_symbol
        if isinstance(doc.date, PartialDate):
            item["legislationDate"] = doc.date.iso()
        if doc.url:
            item["url"] = doc.url
        if doc.basis:
            item["isBasedOn"] = [{"@id": f"{registry}#van-ban-{b}"} for b in doc.basis]
        graph.append(item)
    return json_text({"@context": "https://schema.org", "@graph": graph}, indent=1, in_script=True)
