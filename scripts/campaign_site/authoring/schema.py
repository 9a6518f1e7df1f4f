"""JSON Schemas generated from the model, for editors (VS Code with the YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from campaign_site.data.model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "site": (SiteFile, "Thông tin trang và cơ quan quản lý (campaigns/site.yaml)"),
    "documents": (DocumentsFile, "Danh mục văn bản căn cứ (campaigns/documents.yaml)"),
    "observances": (ObservancesFile, "Các ngày kỷ niệm (campaigns/observances.yaml)"),
    "campaign": (CampaignFile, "Chủ đề, khẩu hiệu của một năm (campaigns/<năm>/campaign.yaml)"),
    "plan": (Plan, "Một kế hoạch hoặc công văn (campaigns/<năm>/plans/<mã>.yaml)"),
}


def _vietnamese_only(schema: dict[str, Any]) -> None:
    """Drop what pydantic writes in English (class docstrings, titles made from field names):
    editors then show only the Vietnamese field descriptions."""
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("description", None)
        definition.pop("title", None)
        for field in definition.get("properties", {}).values():
            field.pop("title", None)


def generate(name: str) -> str:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(mode="validation")
    _vietnamese_only(schema)
    schema["title"] = title
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = directory / f"{name}.schema.json"
        path.write_text(generate(name), encoding="utf-8")
        written.append(path)
    return written
