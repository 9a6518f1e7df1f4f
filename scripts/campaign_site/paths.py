"""Where each generated file lives in the site (source paths, as MkDocs sees them)."""

from __future__ import annotations

from .model import Plan

HOME = "index.md"


def year_page(year: int) -> str:
    return f"{year}/index.md"


def plan_page(plan: Plan) -> str:
    """`2026/ke-hoach/so-khcn-lang-son.md`, served at `/2026/ke-hoach/so-khcn-lang-son/`."""
    return f"{plan.year}/ke-hoach/{plan.id}.md"


def year_data(year: int) -> str:
    """The year's open data, served at `/2026.json`."""
    return f"{year}.json"
