"""The web editor's configuration (Decap CMS, `/admin/`), made from the data model, never by hand.

Every form field comes from the model's JSON Schema (`authoring.schema`): its Vietnamese label (the
catalogue's `form.<Record>.<field>`), its hint (the field's description), `required` exactly where
the model requires it, the pattern of ids and dates, the choices of a fixed list, and, for a reference
to another file, where its choices come from (`_relations`). A field the model gains without a form
field, or a label, fails the tests. The result is one plain dict, written as `admin/config.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from campaign_site.core.catalogue import has_label, label, plain, sentences
from campaign_site.data import domain, paths, vn_dates
from campaign_site.data.activities import PostFrontMatter
from campaign_site.data.form_labels import ModelSchema
from campaign_site.data.model import (
    COLOR_PATTERN,
    ID_PATTERN,
    REPO_PATTERN,
    SHORT_FORM,
    CampaignFile,
    DocumentsFile,
    EditorSettings,
    ObservancesFile,
    Plan,
    SiteFile,
)
from campaign_site.data.staff_markdown import FrontMatter
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING

LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
"""Where `scripts/dev edit` runs the CMS's local git back end (`decap-server`)."""
EXPANDED = "campaign-yaml"
"""The name of the YAML format `admin/editor.js` registers: YAML read and written as the site reads it (PyYAML),
with the model's short forms (a task written as its text alone) opened as the full form and saved back short."""

MARKDOWN = "campaign-markdown"
"""The format `admin/editor.js` registers for pages and posts: their settings as `EXPANDED` writes YAML, then
their text as written."""

CHOICE_GROUPS: dict[tuple[str, ...], str] = {
    domain.ALL_ISSUER_LEVELS: "issuer_level",
    domain.ALL_DOCUMENT_LEVELS: "document_level",
    domain.ALL_DEADLINE_RULES: "deadline_rule",
    domain.ALL_LINK_MODALITIES: "link_modality",
    domain.ALL_PHRASE_KINDS: "phrase_kind",
    domain.ALL_INFERRED_FIELDS: "inferred_field",
    domain.ALL_GIT_HOSTS: "git_host",
    ("navigation", "toc", "footer", "path", "tags", "feedback"): "page_part",
    ("new", "deprecated"): "page_status",
}
"""The catalogue's words for each fixed list a form offers (`label(group, value)`)."""


KNOWABLE_NUMBER = f"^(?:{NOT_KNOWN_SPELLING}|[1-9][0-9]*)$"
"""A whole number from 1, or `chưa rõ`: what a number the model allows `chưa rõ` for is written as."""
PATTERN_MESSAGES: dict[str, str] = {
    KNOWABLE_NUMBER: plain("form.pattern.number"),
    vn_dates.DATE_PATTERN: plain("form.pattern.date"),
    vn_dates.PARTIAL_DATE_PATTERN: plain("form.pattern.document_date"),
    ID_PATTERN: plain("form.pattern.id"),
    COLOR_PATTERN: plain("form.pattern.colour"),
    REPO_PATTERN: plain("form.pattern.repo"),
}
"""What the form says under a value that does not have the shape its pattern asks for."""


@dataclass(frozen=True)
class Relation:
    """Where the choices of a reference come from: a list inside one file, or the files of a folder."""

    collection: str
    value_field: str
    display_fields: tuple[str, ...]
    file: str | None = None

    def widget(self) -> dict[str, Any]:
        found = {"widget": "relation", "collection": self.collection, "value_field": self.value_field,
                 "search_fields": list(self.display_fields), "display_fields": list(self.display_fields)}
        return {**found, "file": self.file} if self.file else found


SHARED = "du-lieu-chung"
YEARS = "nam"


def plans_collection(year: int) -> str:
    return f"ke-hoach-{year}"


def _relations(year: int | None) -> dict[tuple[str, str], Relation]:
    """The references of each record, by (record, field); a year's phrases and plans for records of that year."""
    document = Relation(SHARED, "documents.*.id", ("documents.*.number_symbol", "documents.*.summary"), "documents")
    observance = Relation(SHARED, "observances.*.id", ("observances.*.name",), "observances")
    found = {
        ("Plan", "legal_basis"): document, ("Plan", "references"): document, ("LegalDocument", "basis"): document,
        ("PlanDocument", "registry"): document,
        ("Plan", "observances"): observance, ("Plan", "linked_observances"): observance,
        ("YearObservance", "observance"): observance, ("PostFrontMatter", "observances"): observance,
    }
    if year is not None:
        for field in domain.PHRASE_LISTS.values():
            found[("Plan", field)] = Relation(YEARS, f"observances.*.{field}.*.id", (f"observances.*.{field}.*.text",), str(year))
        found[("PostFrontMatter", "plan")] = Relation(plans_collection(year), "{{slug}}", ("issuer.name",))
    return found


class FormFields(ModelSchema):
    """The form fields of one model, from its JSON Schema, with the references of one year."""

    def __init__(self, model: type[BaseModel], year: int | None = None) -> None:
        super().__init__(model)
        self.relations = _relations(year)
        self.short_forms: list[dict[str, Any]] = []
        """Where a short form may stand for a value (`SHORT_FORM`): its path in the data, `*` for any item."""

    def fields(self) -> list[dict[str, Any]]:
        self.short_forms.clear()
        return self._object_fields(self.root, self.schema, "")

    def _object_fields(self, record: str, node: Mapping[str, Any], path: str) -> list[dict[str, Any]]:
        required = set(node.get("required", []))
        return [self._field(record, name, prop, name in required, path + name)
                for name, prop in node.get("properties", {}).items()]

    def _note_short_form(self, node: Mapping[str, Any], path: str) -> None:
        if SHORT_FORM in node:
            self.short_forms.append({"path": path, "where": node[SHORT_FORM]})

    def _field(self, record: str, name: str, node: Mapping[str, Any], required: bool, path: str) -> dict[str, Any]:
        self._note_short_form(node, path)
        shape, knowable = self.branches(node)
        field: dict[str, Any] = {"name": name, "label": label("form", f"{record}.{name}"), "required": required}
        relation = self.relations.get((record, name))
        if relation is not None:
            field |= {**relation.widget(), "multiple": shape.get("type") == "array",
                      **({"min": shape["minItems"]} if "minItems" in shape else {})}
        else:
            field |= self._widget(record, name, shape, knowable, path)
        if hint := form_hint(f"{record}.{name}", node.get("description"), field):
            field["hint"] = hint
        if field["widget"] == "object" and not required:
            _required_with(field["fields"], field["label"])
        return field

    def _widget(self, record: str, name: str, node: Mapping[str, Any], knowable: bool, path: str) -> dict[str, Any]:
        ref, node = self.resolve(node)
        if ref is not None or node.get("type") == "object":
            return {"widget": "object", "collapsed": False, "fields": self._object_fields(ref or record, node, path + ".")}
        if node.get("type") == "array":
            return self._list(record, name, node, path)
        if "enum" in node:
            return _select(node["enum"])
        if node.get("type") == "boolean":
            return {"widget": "boolean"}
        if node.get("type") == "integer" and knowable:  # a number box cannot hold `chưa rõ`
            return {"widget": "string", "pattern": [KNOWABLE_NUMBER, PATTERN_MESSAGES[KNOWABLE_NUMBER]]}
        if node.get("type") in ("integer", "number"):
            bounds = {key: node[source] for key, source in (("min", "minimum"), ("max", "maximum")) if source in node}
            return {"widget": "number", "value_type": "int" if node["type"] == "integer" else "float", **bounds}
        widget: dict[str, Any] = {"widget": "text" if node.get("x-multiline") else "string"}
        if "pattern" in node:
            pattern = node["pattern"]
            if knowable:
                pattern = f"^(?:{NOT_KNOWN_SPELLING}|{pattern.removeprefix('^').removesuffix('$')})$"
            widget["pattern"] = [pattern, PATTERN_MESSAGES[node["pattern"]]]
        return widget

    def _list(self, record: str, name: str, node: Mapping[str, Any], path: str) -> dict[str, Any]:
        self._note_short_form(node["items"], path + ".*")
        items, _ = self.branches(node["items"])
        ref, resolved = self.resolve(items)
        bounds = {"min": node["minItems"]} if "minItems" in node else {}
        if "enum" in resolved:
            return {**_select(resolved["enum"]), "multiple": True, **bounds}
        if ref is not None:
            fields = self._object_fields(ref, resolved, path + ".*.")
            return {"widget": "list", "collapsed": False, "fields": fields, "summary": _summary(fields), **bounds}
        item = {"name": "item", "label": label("form", f"{record}.{name}"),
                **self._widget(record, name, resolved, False, path + ".*")}
        return {"widget": "list", "collapsed": False, "field": item, **bounds}


def _summary(fields: list[dict[str, Any]]) -> str:
    """What a list item's bar shows: its first text fields (a deadline's day and who reports, a unit's name)."""
    texts = [f["name"] for f in fields if f["widget"] in ("string", "text")][:2]
    return " — ".join(f"{{{{fields.{name}}}}}" for name in texts)


FORM_HINTS = "form_hint"
"""Catalogue group of the hints the form words apart from the model's description (a reference chosen from a
list, not written as an id; a field whose description names keys of the file)."""


def form_hint(key: str, description: str | None, field: Mapping[str, Any]) -> str | None:
    """What the form says under a field: the catalogue's own hint for it if it has one, else the model's
    description in the form's words (leaving a field out of the file is leaving it empty; `chưa rõ` is typed
    where a text can hold it, and not offered where it cannot). None when it only repeats the label, or
    explains the values a fixed list spells in the file (the form shows their words)."""
    if has_label(FORM_HINTS, key):
        return label(FORM_HINTS, key)
    if not description or description.casefold() == field["label"].casefold() or _names_values(description, field):
        return None
    hint = description.replace(plain("form.file_left_out"), plain("form.form_left_empty"))
    hint = hint.replace(plain("form.file_left_out").capitalize(), plain("form.form_left_empty").capitalize())
    if field["widget"] in ("string", "text"):
        replacement = plain("form.type_not_known")
    elif field["widget"] == "list" and "field" in field:  # a list of lines: one line `chưa rõ`
        replacement = plain("form.line_not_known")
    else:
        replacement = ""
    not_known = plain("form.file_not_known")
    hint = hint.replace("; " + not_known, f"; {replacement}" if replacement else "").replace(not_known, replacement)
    if field.get("pattern", [""])[0] == vn_dates.DATE_PATTERN and "/20" not in hint:  # how to write it, before an error says
        hint = sentences(hint.rstrip(".") + ".", plain("form.date_how"))
    return hint


def _names_values(description: str, field: Mapping[str, Any]) -> bool:
    """Whether a description explains a fixed list by the values the file spells (`national (…)`, `before: …`)."""
    return field["widget"] == "select" and any(re.search(rf"\b{re.escape(o['value'])}\s*[(:]", description)
                                               for o in field["options"])


def _required_with(fields: list[dict[str, Any]], parent: str) -> None:
    """In a part of the form that may stay empty (a plan's window), what the model requires once the part
    is filled in is not required in the form (the CMS would refuse the empty part), and its hint says when
    it is: the build's check still refuses a part filled in halfway."""
    for field in fields:
        if field["required"]:
            field["required"] = False
            field["hint"] = " ".join(filter(None, [plain("form.required_with", parent=parent), field.get("hint")]))


def _select(values: list[str]) -> dict[str, Any]:
    group = next(group for listed, group in CHOICE_GROUPS.items() if set(listed) == set(values))
    return {"widget": "select", "options": [{"label": label(group, v), "value": v} for v in values]}


def _at(fields: list[dict[str, Any]], *names: str) -> dict[str, Any]:
    """The form field at a path of names (`"source", "file"`), inside objects and lists of objects."""
    field = next(f for f in fields if f["name"] == names[0])
    return _at(field["fields"], *names[1:]) if names[1:] else field


def _yaml_file(name: str, title: str, path: str, model: type[BaseModel], year: int | None = None) -> dict[str, Any]:
    return {"name": name, "label": title, "file": path, "fields": FormFields(model, year).fields()}


YAML_MODELS: tuple[type[BaseModel], ...] = (SiteFile, DocumentsFile, ObservancesFile, CampaignFile, Plan)


def short_forms() -> list[dict[str, Any]]:
    """Where a short form may stand in any YAML file the editor opens (`admin/short-forms.json`)."""
    found: list[dict[str, Any]] = []
    for model in YAML_MODELS:
        forms = FormFields(model)
        forms.fields()
        found += [form for form in forms.short_forms if form not in found]
    return found


def _markdown_body() -> dict[str, Any]:
    """The text of a page, edited as the Markdown staff write (never rewritten by a rich-text editor)."""
    return {"name": "body", "label": plain("form.body"), "hint": plain("form.body_hint"), "widget": "markdown",
            "modes": ["raw"], "required": False}


def collections(years: list[int]) -> list[dict[str, Any]]:
    """Every collection the editor offers: shared files, each year's file, plans, posts and introduction,
    and the staff pages."""
    shared: dict[str, Any] = {"name": SHARED, "label": plain("form.collection.shared"), "format": EXPANDED, "editor": {"preview": False},
              "files": [_yaml_file("site", plain("form.file.site"), "campaigns/site.yaml", SiteFile),
                        _yaml_file("documents", plain("form.file.documents"), "campaigns/documents.yaml", DocumentsFile),
                        _yaml_file("observances", plain("form.file.observances"), "campaigns/observances.yaml", ObservancesFile)]}
    found: list[dict[str, Any]] = [shared, {
        "name": YEARS, "label": plain("form.collection.years"), "format": EXPANDED, "editor": {"preview": False},
        "files": [_yaml_file(str(year), plain("form.file.year", year=year), f"campaigns/{year}/campaign.yaml", CampaignFile)
                  for year in years]}]
    for year in years:
        found.append({
            "name": plans_collection(year), "label": plain("form.collection.plans", year=year),
            "label_singular": plain("form.collection.plan"), "folder": f"campaigns/{year}/plans", "extension": "yaml",
            "format": EXPANDED, "create": True, "identifier_field": "issuer.name", "slug": "{{issuer.name}}",
            "summary": "{{issuer.name}} ({{issuer.province}})", "editor": {"preview": False}, "fields": _plan_fields(year),
        })
    for year in years:
        found.append({
            "name": f"hoat-dong-{year}", "label": plain("form.collection.posts", year=year),
            "label_singular": plain("form.collection.post"), "folder": f"docs/{year}/{paths.NEWS_DIR}", "extension": "md",
            "format": MARKDOWN, "create": True, "slug": "{{title}}", "media_folder": "", "public_folder": "",
            "editor": {"preview": False},
            "fields": _post_fields(year),
        })
    found.append({
        "name": "gioi-thieu-nam", "label": plain("form.collection.introductions"), "format": MARKDOWN,
        "editor": {"preview": False},
        "files": [{"name": str(year), "label": plain("form.file.introduction", year=year), "file": f"docs/{year}/index.md",
                   "fields": [_markdown_body()]} for year in years]})
    found.append({
        "name": "trang", "label": plain("form.collection.pages"), "label_singular": plain("form.collection.page"),
        "folder": "docs", "extension": "md", "format": MARKDOWN, "create": True, "slug": "{{title}}",
        "identifier_field": "title", "editor": {"preview": False},
        "fields": [*FormFields(FrontMatter).fields(), _markdown_body()],
    })
    for collection in found:  # a published entry deleted in Decap is gone at once, without review (decap-cms#5650)
        collection["delete"] = False
    return found


def _post_fields(year: int) -> list[dict[str, Any]]:
    """A post's settings, its photos being files beside it (chosen or uploaded with an image field), and its text."""
    fields = FormFields(PostFrontMatter, year).fields()
    photo = _at(fields, "photos", "file")
    photo.update(widget="image", choose_url=False)
    photo.pop("pattern", None)
    return [*fields, _markdown_body()]


def _plan_fields(year: int) -> list[dict[str, Any]]:
    """A plan's fields, its original document attached from the form (saved under campaigns/van-ban/)."""
    fields = FormFields(Plan, year).fields()
    _at(fields, "source", "file").update(widget="file", choose_url=False, media_folder="/campaigns/van-ban",
                                         public_folder="van-ban")
    return fields


def backend(editor: EditorSettings | None) -> dict[str, Any]:
    """The git host the editor commits to, as Decap's back end of that name reads it; with none set, the
    local back end only (`scripts/dev edit`). GitLab logs in from the browser with PKCE when told to; Gitea
    and Forgejo always do; GitHub needs the authority's OAuth server (`base_url`)."""
    messages = {key: plain(f"form.commit.{key}") for key in COMMIT_MESSAGES}
    if editor is None:
        return {"name": "proxy", "proxy_url": LOCAL_BACKEND, "branch": "main", "commit_messages": messages}
    found: dict[str, Any] = {"name": editor.backend, "repo": editor.repo, "branch": editor.branch, "commit_messages": messages}
    for key in ("base_url", "api_root", "app_id", "auth_endpoint"):
        if getattr(editor, key):
            found[key] = getattr(editor, key)
    if editor.backend == "gitlab":
        found["auth_type"] = "pkce"
    return found


def publish_mode(editor: EditorSettings | None) -> dict[str, Any]:
    """Each change on its own branch and merge request, reviewed and checked before it is published, where
    the host's back end allows it (not Decap's `gitea`)."""
    reviewed = editor is None or editor.backend in domain.REVIEWED_GIT_HOSTS
    return {"publish_mode": "editorial_workflow"} if reviewed else {}


COMMIT_MESSAGES = ("create", "update", "delete", "uploadMedia", "deleteMedia")


def config(years: list[int], site: SiteFile) -> dict[str, Any]:
    """The whole configuration of `/admin/`, for the years that have a folder."""
    return {
        "locale": "vi",
        "backend": backend(site.editor),
        "local_backend": {"url": LOCAL_BACKEND, "allowed_hosts": ["127.0.0.1", "localhost"]},
        **publish_mode(site.editor),
        "media_folder": "docs/assets/tep",
        "public_folder": "/assets/tep",
        "site_url": site.site.base_url,
        "display_url": site.site.base_url,
        "show_preview_links": False,
        "logo_url": "../assets/favicon.svg",
        "search": True,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(sorted(years, reverse=True)),
    }
