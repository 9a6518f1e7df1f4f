"""The words the web editor's form shows for each field (`form.<Record>.<field>` in the catalogue), read
from the model's JSON Schema, and build messages that name them (`… trong trang biên tập: ô “Ngày kết thúc”`), so
staff who edit in the form find the field a message is about.

`ModelSchema` walks a model's schema as the form is made from it (`authoring.cms_config`): of the forms a
value may take, the one the form edits (not null; the full form of a short one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from campaign_site.core.catalogue import label
from campaign_site.core.problems import Problem
from campaign_site.data import paths
from campaign_site.data.activities import PostFrontMatter
from campaign_site.data.model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING
from campaign_site.data.year_folders import year_of

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class ModelSchema:
    """One model's JSON Schema (by YAML names), and the way through it the form takes."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.schema = _json_schema(model)  # read only: one per model, however many forms and years use it
        self.defs: Mapping[str, Any] = self.schema.get("$defs", {})
        self.root = model.__name__

    def resolve(self, node: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
        """The record a `$ref` names (None for other nodes) and the node it stands for."""
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return name, self.defs[name]
        return None, node

    @staticmethod
    def branches(node: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
        """The one form a value takes in the form, and whether `chưa rõ` may stand for it: null is left
        out, and of a short form and a full form (`text` or `{text, performers}`) the full form is kept."""
        knowable = False
        while "anyOf" in node:
            options = []
            for option in node["anyOf"]:
                if option.get("const") == NOT_KNOWN_SPELLING:
                    knowable = True
                elif option.get("type") != "null":
                    options.append(option)
            fuller = [o for o in options if "$ref" in o or o.get("type") == "array"]
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **(fuller or options)[-1]}
        return node, knowable

    def label_at(self, field: str) -> str | None:
        """The form's label of the field a message names (`report_deadlines[0].date`); a list item's is its
        list's. None when the path leaves the schema."""
        record, node, found = self.root, self.schema, None
        for name, index in _STEP.findall(field):
            shape, _ = self.branches(node)
            ref, shape = self.resolve(shape)
            if index:
                if shape.get("type") != "array":
                    return None
                node = shape["items"]
                continue
            record = ref or record
            if name not in shape.get("properties", {}):
                return None
            found, node = label("form", f"{record}.{name}"), shape["properties"][name]
        return found


@cache
def _json_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="validation", by_alias=True)


@cache
def _schema(model: type[BaseModel]) -> ModelSchema:
    return ModelSchema(model)


def model_of(file: str, display_root: str) -> type[BaseModel] | None:
    """The model a data file or activity post is read with, from where it is."""
    path = PurePosixPath(file)
    if path.parent == PurePosixPath(display_root):
        shared: dict[str, type[BaseModel]] = {"site.yaml": SiteFile, "documents.yaml": DocumentsFile,
                                              "observances.yaml": ObservancesFile}
        return shared.get(path.name)
    if path.name == "campaign.yaml" and year_of(path.parent.name) is not None:
        return CampaignFile
    if path.suffix == ".yaml" and path.parent.name == "plans" and year_of(path.parent.parent.name) is not None:
        return Plan
    if path.suffix == ".md" and path.parent.name == paths.NEWS_DIR and year_of(path.parent.parent.name) is not None:
        return PostFrontMatter
    return None


def labelled(problems: list[Problem], display_root: str) -> list[Problem]:
    """Each problem with the form's label of its field, where the form has one."""
    found = []
    for problem in problems:
        model = model_of(problem.file, display_root) if problem.field else None
        words = _schema(model).label_at(problem.field) if model else None
        found.append(problem if words is None else replace(problem, label=words))
    return found
