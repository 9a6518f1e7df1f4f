"""JSON Schemas generated from the model, for editors (VS Code with the YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from campaign_site.core.catalogue import plain
from campaign_site.data.model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {  # name: model, title
    "site": (SiteFile, plain("schema.site")),
    "documents": (DocumentsFile, plain("schema.documents")),
    "observances": (ObservancesFile, plain("schema.observances")),
    "campaign": (CampaignFile, plain("schema.campaign")),
    "plan": (Plan, plain("schema.plan")),
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


FILES: dict[str, str] = {
    "site": "campaigns/site.yaml",
    "documents": "campaigns/documents.yaml",
    "observances": "campaigns/observances.yaml",
    "campaign": "campaigns/*/campaign.yaml",
    "plan": "campaigns/*/plans/*.yaml",
}
"""The data files each schema describes (glob patterns from the project's root)."""
EDITOR_SETTINGS = ".vscode/settings.json"


def editor_settings() -> str:
    """VS Code's settings for the YAML extension: which schema describes which data file. The files carry no
    `$schema` comment: the web editor rewrites files and would drop it."""
    schemas = {f"./campaigns/_schema/{name}.schema.json": [FILES[name]] for name in SCHEMAS}
    return json.dumps({"yaml.schemas": schemas}, ensure_ascii=False, indent=2) + "\n"


def write_editor_settings(root: Path) -> Path:
    path = root / EDITOR_SETTINGS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(editor_settings(), encoding="utf-8")
    return path
