"""Views finish the sentences (issue 26): the plan, plans, province and legal-basis views hand their templates
finished text and small frozen items, never a model object (a plan, a phrase, a campaign), so no template
can reword a fact or decide a rule. The views are built from the golden fixture and walked field by field."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from campaign_site.data.activities import Post
from campaign_site.data.loader import load_site
from campaign_site.data.site_data import Campaign, PhraseEntry, ProvincePlans
from campaign_site.pages.views.base import PostList
from campaign_site.pages.views.legal_basis import legal_basis_view
from campaign_site.pages.views.plan import plan_view
from campaign_site.pages.views.plans import plans_view, province_view
from campaign_site.stages.collect import collect

GOLDEN = Path(__file__).parent / "golden"
MODEL_TYPES = (BaseModel, Campaign, ProvincePlans, PhraseEntry, Post)
"""What a finished view never holds: records of the data model and the site data's groupings."""


def model_objects(value: Any, where: str) -> list[str]:
    """Where in `value` a model object is, looking through dataclass fields, lists, tuples and dicts. The posts of a
    `PostList` are left to the post-list partial, which the news pages' part of issue 26 finishes."""
    if isinstance(value, MODEL_TYPES):
        return [f"{where}: {type(value).__name__}"]
    if isinstance(value, PostList):
        return []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [found for f in dataclasses.fields(value) for found in model_objects(getattr(value, f.name), f"{where}.{f.name}")]
    if isinstance(value, list | tuple):
        return [found for i, item in enumerate(value) for found in model_objects(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in model_objects(item, f"{where}[{key!r}]")]
    return []


@pytest.fixture(scope="module")
def views() -> dict[str, Any]:
    data = load_site(GOLDEN / "campaigns", docs=GOLDEN / "docs")
    ctx = collect(data, date(2026, 4, 1))
    campaign = data.campaigns[2026]
    found: dict[str, Any] = {"legal_basis": legal_basis_view(ctx, None), "plans": plans_view(ctx, campaign)}
    found |= {f"plan {p.id}": plan_view(ctx, p) for p in campaign.plans}
    found |= {f"province {g.slug}": province_view(ctx, (campaign, g)) for g in campaign.provinces}
    return found


def test_the_walk_finds_a_model_object() -> None:
    data = load_site(GOLDEN / "campaigns")
    assert model_objects([{"x": data.campaigns[2026].plans[0]}], "view") == ["view[0]['x']: Plan"]


def test_no_view_of_these_pages_holds_a_model_object(views: dict[str, Any]) -> None:
    assert len(views) >= 5
    found = [where for name, view in views.items() for where in model_objects(view, name)]
    assert not found, found
