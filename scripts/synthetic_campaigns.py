"""Valid synthetic campaign data of any size, for the scale benchmark and scale tests.

`write(dest, plans, history_years, seed)` copies the shipped `campaigns/` to `dest` and adds, in the
latest year, `plans` commune and ward plans modelled on the shipped ones (same sections, documents
and phrases; new issuer, place and province), plus `history_years` earlier years with their themes
and slogans. The same seed always gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml
from project_copy import copy_project

REPO = Path(__file__).resolve().parent.parent
PROVINCES = [
    "An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng", "Hồ Chí Minh", "Huế", "Hưng Yên", "Khánh Hòa",
    "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
]
"""The 34 provinces and centrally governed cities (names as the data writes them)."""
_SYLLABLES = [
    "An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Kim", "Lạc", "Long", "Minh", "Mỹ", "Nam", "Phú", "Phúc",
    "Quang", "Sơn", "Tân", "Thạnh", "Thành", "Thuận", "Tiến", "Trung", "Vĩnh", "Xuân", "Yên", "Đức", "Hải",
]


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _history(campaigns: Path, first_year: int, count: int) -> None:
    """Earlier years with the themes and slogans of the earliest shipped year, renumbered."""
    model = min(int(p.name) for p in campaigns.iterdir() if p.name.isdigit())
    text = (campaigns / str(model) / "campaign.yaml").read_text(encoding="utf-8")
    for year in range(first_year - count, first_year):
        (campaigns / str(year)).mkdir()
        (campaigns / str(year) / "campaign.yaml").write_text(text.replace(str(model), str(year)), encoding="utf-8")


def write(dest: Path, plans: int, history_years: int = 10, seed: int = 2026) -> Path:
    """Write the data to `dest/campaigns` (the rest of the project is copied too) and return `dest`."""
    copy_project(dest, leave_out=(".cache",))
    campaigns = dest / "campaigns"
    years = sorted(int(p.name) for p in campaigns.iterdir() if p.name.isdigit())
    latest = campaigns / str(years[-1]) / "plans"
    models = [plan for plan in map(_load, sorted(latest.glob("*.yaml"))) if plan["issuer"]["level"] == "commune"]
    rng = random.Random(seed)
    used: set[str] = set()
    for number in range(plans):
        place = " ".join(rng.sample(_SYLLABLES, 2))
        while place in used:
            place = " ".join(rng.sample(_SYLLABLES, 2)) + f" {rng.randint(1, 99)}"
        used.add(place)
        kind = rng.choice(["xã", "phường"])
        plan = dict(models[number % len(models)])
        plan["issuer"] = {
            "name": f"Ủy ban nhân dân {kind} {place}",
            "short_name": f"UBND {kind} {place}",
            "level": "commune",
            "province": rng.choice(PROVINCES),
        }
        plan["place"] = place
        _dump(latest / f"tong-hop-{number + 1:05d}.yaml", plan)
    _history(campaigns, years[0], history_years)
    return dest
