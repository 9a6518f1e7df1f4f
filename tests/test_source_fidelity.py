"""The shipped data quotes the source documents word for word.

Every text in a plan file must occur in its source document (markup removed, whitespace folded),
except the few fields that by nature are not quotations (short names, ids, fixed values).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import REPO, SEEDS

PLAN_SOURCES = {
    "2026/plans/so-khcn-lang-son.yaml": "000_",
    "2026/plans/so-khcn-lai-chau.yaml": "001_",
    "2026/plans/ubnd-phuong-tran-hung-dao.yaml": "002_",
    "2026/plans/ubnd-xa-binh-thanh.yaml": "003_",
    "2025/plans/so-khcn-thanh-hoa.yaml": "004_",
}
# Fields that hold ids, fixed values, or names the document implies but does not print in full.
NOT_QUOTED = {"legal_basis", "references", "observances", "themes", "slogans", "level", "rule", "type", "short_name", "name"}


def fold(text: str) -> str:
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def texts(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, key)]
    if isinstance(value, str) and key not in NOT_QUOTED and not re.fullmatch(r"[\d/]+", value):
        return [(key, value)]
    return []


def seed_text(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("the source documents (shared/seeds) are not beside this checkout")
    return fold(next(SEEDS.glob(f"{prefix}*.txt")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("plan_file", PLAN_SOURCES)
def test_plan_text_is_quoted_from_its_source_document(plan_file: str) -> None:
    seed = seed_text(PLAN_SOURCES[plan_file])
    data = yaml.safe_load((REPO / "campaigns" / plan_file).read_text(encoding="utf-8"))
    quoted = texts(data)
    assert len(quoted) > 20
    # The first letter may be capitalised where a clause became a list item.
    missing = [(k, t) for k, t in quoted if fold(t) not in seed and fold(t)[0].lower() + fold(t)[1:] not in seed]
    assert not missing, missing


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_theme_and_slogan_is_in_some_source_document(year: int) -> None:
    seeds = " ".join(seed_text(prefix) for prefix in PLAN_SOURCES.values())
    data = yaml.safe_load((REPO / f"campaigns/{year}/campaign.yaml").read_text(encoding="utf-8"))
    phrases = [p["text"] for o in data["observances"] for kind in ("themes", "slogans") for p in o.get(kind, [])]
    assert phrases
    for phrase in phrases:
        assert f"“{fold(phrase)}”" in seeds, phrase
