"""The web editor (`/admin/`, Decap CMS): its configuration against the model, the YAML it writes read back
as the same data, what the site publishes of it, and build messages in the form's words.

The configuration is checked by walking the model's JSON Schema here, independently of the generator:
every field of every file the editor opens has a form field at the same place, required exactly where the
model requires it, with the model's choices and patterns; every reference offers the values the shipped
data uses. The round trip runs the shipped `admin/editor.js` (the CMS's YAML format) in Node on every
shipped data file. The form itself, in Chromium against the local git back end, is in
`test_web_editor_in_browser.py`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, replace_in
from hypothesis import given
from hypothesis import strategies as st
from nginx_host import Nginx
from pydantic import BaseModel

from campaign_site.authoring import cms_config
from campaign_site.core.problems import DataError
from campaign_site.data import staff_markdown, vn_dates
from campaign_site.data.activities import PostFrontMatter
from campaign_site.data.loader import load_site
from campaign_site.data.model import CampaignFile, DocumentsFile, ObservancesFile, Plan, SiteFile
from campaign_site.data.staff_markdown import FrontMatter
from campaign_site.data.unknowns import NOT_KNOWN_SPELLING

MODELS: dict[tuple[str, str | None], type[BaseModel]] = {
    (cms_config.SHARED, "site"): SiteFile,
    (cms_config.SHARED, "documents"): DocumentsFile,
    (cms_config.SHARED, "observances"): ObservancesFile,
    (cms_config.YEARS, "2026"): CampaignFile,
    ("ke-hoach-2026", None): Plan,
    ("hoat-dong-2026", None): PostFrontMatter,
    ("trang", None): FrontMatter,
}
"""Each form (collection, and file for a collection of single files) and the model its file is read with."""
RELATIONS: dict[type[BaseModel], set[str]] = {
    Plan: {"legal_basis", "references", "observances", "linked_observances", "themes", "slogans", "messages",
           "document.registry"},
    DocumentsFile: {"documents.*.basis"},
    CampaignFile: {"observances.*.observance"},
    PostFrontMatter: {"observances", "plan"},
    SiteFile: set(), ObservancesFile: set(), FrontMatter: set(),
}
"""The fields that name a record of another file: the form offers that file's records to choose from."""


def site_config() -> dict[str, Any]:
    site = SiteFile.model_validate(yaml.safe_load((REPO / "campaigns/site.yaml").read_text(encoding="utf-8")))
    return cms_config.config([2025, 2026], site)


def form_of(config: Mapping[str, Any], collection: str, file: str | None) -> list[dict[str, Any]]:
    found = next(c for c in config["collections"] if c["name"] == collection)
    if file is None:
        return [f for f in found["fields"] if f["name"] != "body"]
    return next(f for f in found["files"] if f["name"] == file)["fields"]


def schema_fields(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Every field of the model's schema by path (`window.end`, `responsibilities.*.unit`): whether it is
    required where it is, whether it sits in an optional part, its choices, pattern and `chưa rõ`."""
    schema = model.model_json_schema(mode="validation", by_alias=True)
    defs = schema.get("$defs", {})
    found: dict[str, dict[str, Any]] = {}

    def one_form(node: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
        knowable = False
        while "anyOf" in node:
            kept = [o for o in node["anyOf"] if o.get("type") != "null" and o.get("const") != NOT_KNOWN_SPELLING]
            knowable |= any(o.get("const") == NOT_KNOWN_SPELLING for o in node["anyOf"])
            full = [o for o in kept if "$ref" in o or o.get("type") == "array"]
            node = (full or kept)[-1]
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        return node, knowable

    def walk(node: Mapping[str, Any], prefix: str, optional_part: bool) -> None:
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            shape, knowable = one_form(prop)
            path = prefix + name
            items, _ = one_form(shape["items"]) if shape.get("type") == "array" else ({}, False)
            found[path] = {"required": name in required, "optional_part": optional_part, "knowable": knowable,
                           "enum": shape.get("enum") or items.get("enum"), "pattern": shape.get("pattern") or items.get("pattern")}
            if shape.get("type") == "object":
                walk(shape, path + ".", optional_part or name not in required)
            if items.get("type") == "object":
                walk(items, path + ".*.", False)

    walk(schema, "", False)
    return found


def form_fields(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        if field["widget"] == "object":
            found |= form_fields(field["fields"], path + ".")
        if field["widget"] == "list" and "fields" in field:
            found |= form_fields(field["fields"], path + ".*.")
    return found


@pytest.mark.parametrize(("collection", "file"), list(MODELS))
def test_the_form_has_every_field_of_the_model_as_the_model_has_it(collection: str, file: str | None) -> None:
    model = MODELS[(collection, file)]
    expected, form = schema_fields(model), form_fields(form_of(site_config(), collection, file))
    assert set(form) == set(expected), "the form and the model disagree: run the generator after changing the model"
    for path, field in form.items():
        facts = expected[path]
        # What a part left empty needs once it is filled in is said in its hint; the build checks it.
        assert field["required"] is (facts["required"] and not facts["optional_part"]), path
        if facts["required"] and facts["optional_part"]:
            assert field["hint"].startswith("Đã điền mục"), path
        label = field["label"]
        assert label and label == unicodedata.normalize("NFC", label) and label != field["name"] and "_" not in label, path
        if facts["enum"]:
            assert [o["value"] for o in field["options"]] == facts["enum"], path
            assert all(o["label"] != o["value"] for o in field["options"]), path
        if facts["pattern"] and field["widget"] not in ("relation", "image", "file"):
            pattern = field.get("pattern") or field["field"]["pattern"]
            assert pattern[0] in (facts["pattern"], f"^(?:{NOT_KNOWN_SPELLING}|{facts['pattern'][1:-1]})$"), path
            assert pattern[1] and "`" not in pattern[1], path
        if facts["knowable"] and "pattern" in field:
            assert re.fullmatch(field["pattern"][0], NOT_KNOWN_SPELLING), path
    assert {path for path, field in form.items() if field["widget"] == "relation"} == RELATIONS[model]


def _values_at(data: Any, path: str) -> list[Any]:
    """What a relation's `value_field` (`observances.*.themes.*.id`) reaches in a file's data."""
    head, _, rest = path.partition(".")
    if head == "*":
        return [v for item in data for v in _values_at(item, rest)] if rest else list(data)
    if not isinstance(data, dict) or head not in data:
        return []
    return _values_at(data[head], rest) if rest else [data[head]]


def test_every_reference_offers_the_values_the_shipped_data_uses() -> None:
    """Each relation points at a list that holds every id the shipped files use in that field."""
    config = site_config()
    files = {f["name"]: yaml.safe_load((REPO / f["file"]).read_text(encoding="utf-8"))
             for c in config["collections"] if "files" in c and c["name"] == cms_config.SHARED for f in c["files"]}
    year = yaml.safe_load((REPO / "campaigns/2026/campaign.yaml").read_text(encoding="utf-8"))
    plans = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "campaigns/2026/plans").glob("*.yaml"))]
    relations = {path: f for path, f in form_fields(form_of(config, "ke-hoach-2026", None)).items() if f["widget"] == "relation"}
    assert set(relations) == {"legal_basis", "references", "observances", "linked_observances", "themes", "slogans",
                              "messages", "document.registry"}
    for path, field in relations.items():
        source = year if field["collection"] == cms_config.YEARS else files[field["file"]]
        offered = set(_values_at(source, field["value_field"]))
        used = {v for plan in plans for v in _values_at(plan, path + (".*" if field["multiple"] else ""))}
        assert used <= offered and (offered or path == "messages"), path  # no year has messages yet


def test_each_host_gets_the_back_end_its_login_and_review_need() -> None:
    site = yaml.safe_load((REPO / "campaigns/site.yaml").read_text(encoding="utf-8"))
    hosts = {
        "gitlab": {"app_id": "abc", "base_url": "https://git.example.gov.vn", "api_root": "https://git.example.gov.vn/api/v4"},
        "gitea": {"app_id": "abc", "base_url": "https://git.example.gov.vn", "api_root": "https://git.example.gov.vn/api/v1"},
        "forgejo": {"app_id": "abc", "api_root": "https://git.example.gov.vn/api/v1"},
        "github": {"base_url": "https://oauth.example.gov.vn"},
    }
    for host, settings in hosts.items():
        config = cms_config.config([2026], SiteFile.model_validate({**site, "editor": {"backend": host, "repo": "so/kho", **settings}}))
        assert config["backend"]["name"] == host and config["backend"]["repo"] == "so/kho"
        assert (config.get("publish_mode") == "editorial_workflow") is (host != "gitea"), host
        assert (config["backend"].get("auth_type") == "pkce") is (host == "gitlab"), host
        assert "Thêm" in config["backend"]["commit_messages"]["create"]
    local = cms_config.config([2026], SiteFile.model_validate(site))
    assert local["backend"]["name"] == "proxy" and local["publish_mode"] == "editorial_workflow"
    with pytest.raises(ValueError, match="cần thêm `api_root`"):
        SiteFile.model_validate({**site, "editor": {"backend": "forgejo", "repo": "so/kho", "app_id": "abc"}})


@given(st.dates(min_value=vn_dates.date(1900, 1, 1), max_value=vn_dates.date(2999, 12, 31)))
def test_every_date_the_model_reads_is_one_the_form_accepts(day: vn_dates.date) -> None:
    for written in (vn_dates.short(day), f"{day.day}/{day.month}/{day.year}", day.isoformat()):
        assert re.fullmatch(vn_dates.DATE_PATTERN, written), written
        assert re.fullmatch(vn_dates.PARTIAL_DATE_PATTERN, written), written
    assert re.fullmatch(vn_dates.PARTIAL_DATE_PATTERN, f"{day.month}/{day.year}")


@given(st.from_regex(vn_dates.DATE_PATTERN, fullmatch=True))
def test_every_date_the_form_accepts_is_one_the_model_reads_or_a_29_february(written: str) -> None:
    try:
        vn_dates.parse_date(written)
    except ValueError:
        assert re.match(r"^29/0?2/|^\d{4}-0?2-29$", written), written


@pytest.mark.parametrize("wrong", ["31/4/2026", "30/2/2026", "0/5/2026", "16/13/2026", "16/4/26", "16-4-2026", "ngày 16/4"])
def test_the_form_refuses_dates_that_do_not_exist_or_are_not_dates(wrong: str) -> None:
    assert not re.fullmatch(vn_dates.DATE_PATTERN, wrong)


# --- What the editor writes: the shipped admin/editor.js, run in Node --------------------------------------


@pytest.fixture(scope="module")
def editor_format(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped editor's script and YAML modules, as a Node ES module folder, with a runner that opens a
    file as the CMS does (fromFile) and saves it unchanged (toFile)."""
    folder = tmp_path_factory.mktemp("editor-format")
    shutil.copy(built_site / "admin/editor.js", folder / "editor.js")
    shutil.copytree(built_site / "admin/yaml", folder / "yaml")
    (folder / "package.json").write_text('{"type": "module"}')
    (folder / "round-trip.js").write_text(
        'import { campaignMarkdown, campaignYaml } from "./editor.js";\nimport fs from "fs";\n'
        'const format = process.argv[2] === "markdown" ? campaignMarkdown()\n'
        '  : campaignYaml(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));\n'
        'const texts = JSON.parse(fs.readFileSync(0, "utf8"));\n'
        'process.stdout.write(JSON.stringify(texts.map((text) => format.toFile(format.fromFile(text)))));\n')
    shutil.copy(built_site / "admin/short-forms.json", folder / "short-forms.json")
    return folder


def saved_by_the_editor(editor_format: Path, texts: list[str], markdown: bool = False) -> list[str]:
    kind = "markdown" if markdown else str(editor_format / "short-forms.json")
    result = subprocess.run(["node", str(editor_format / "round-trip.js"), kind],
                            input=json.dumps(texts), capture_output=True, text=True, timeout=60, check=True)
    return list(json.loads(result.stdout))


def data_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "campaigns").rglob("*.yaml") if "_schema" not in p.parts)


def test_every_shipped_file_saved_unchanged_in_the_editor_holds_the_same_data(editor_format: Path, tmp_path: Path) -> None:
    """Opened and saved as the CMS does, every data file reads back as the same records, keeps the comment it
    opens with, and writes the model's short forms short again (a task that is only its text)."""
    project = Path(shutil.copytree(REPO / "campaigns", tmp_path / "campaigns"))
    files = data_files(tmp_path)
    saved = saved_by_the_editor(editor_format, [p.read_text(encoding="utf-8") for p in files])
    for path, text in zip(files, saved, strict=True):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert text.startswith(first + "\n"), path
        path.write_text(text, encoding="utf-8")
    before, after = load_site(REPO / "campaigns"), load_site(project)
    assert after.settings == before.settings and after.documents == before.documents
    assert after.observances == before.observances
    for year, campaign in before.campaigns.items():
        assert [p.model_dump() for p in after.campaigns[year].plans] == [p.model_dump() for p in campaign.plans], year
        assert after.campaigns[year].spec == campaign.spec, year
    thanh_hoa = (project / "2025/plans/so-khcn-thanh-hoa.yaml").read_text(encoding="utf-8")
    assert "      - text: " in thanh_hoa and "        performers: " in thanh_hoa  # a task with its performers
    assert re.search(r"tasks:\n      - [^t]", thanh_hoa)  # and one that is only its text, short as before


def test_every_shipped_page_and_post_saved_unchanged_keeps_its_settings_and_its_text(editor_format: Path) -> None:
    """Staff pages, years' introductions and activity posts (the golden fixture's, with photos): the settings
    read back the same, the text is kept byte for byte."""
    pages = sorted((REPO / "docs").rglob("*.md")) + sorted((REPO / "tests/golden/docs").rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    for page, before, after in zip(pages, texts, saved_by_the_editor(editor_format, texts, markdown=True), strict=True):
        start = staff_markdown.front_matter_end(before.splitlines())
        settings_before = yaml.safe_load("\n".join(before.splitlines()[1:start])) if start else None
        end_after = staff_markdown.front_matter_end(after.splitlines())
        assert (yaml.safe_load("\n".join(after.splitlines()[1:end_after])) if end_after else None) == settings_before, page
        assert staff_markdown.body(after) == staff_markdown.body(before), page
    assert any("photos:" in text for text in texts)


TRICKY = ["yes", "No", "on", "OFF", "y", "~", "null", "1:20", "0b101", "010", "0x1F", "2026-04-16", "16/4/2026", "2026",
          "12.5", ".inf", "1e5", "1_000", "+12", "0o17", "=", "<<", "!tag", "&a", "*a", "? x", "- gạch đầu dòng", "a: b", "# không phải chú thích", "@ký tự", "`mã`", "'nháy'", '"kép"', "Ủy ban"]


TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), min_size=1, max_size=40)
"""Text a person types or pastes: no control characters (YAML cannot hold them unescaped, and the check
refuses them with the file's line)."""


@given(st.lists(st.one_of(st.sampled_from(TRICKY), TYPED), min_size=1, max_size=20))
def test_any_text_a_form_holds_is_read_back_as_the_same_text(editor_format: Path, texts: list[str]) -> None:
    """YAML 1.1, which the site reads, takes `yes` for true and `1:20` for 80: the editor writes them quoted."""
    documents = [yaml.safe_dump({"items": texts}, allow_unicode=True)]
    saved = saved_by_the_editor(editor_format, documents)[0]
    assert yaml.safe_load(saved) == {"items": [t for t in texts]}


# --- What the site publishes of it ---------------------------------------------------------------------


def test_admin_is_built_from_the_site_own_files_and_kept_out_of_search(built_site: Path) -> None:
    admin = built_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert scripts == ["start.js", "decap-cms.js", "editor.js"] and all((admin / s).is_file() for s in scripts)
    assert "<script>" not in page and not re.search(r'(?:src|href)="https?:', page)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "connect-src &#39;self&#39; http://127.0.0.1:8081" in policy[1]
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert len(list(admin.glob("*.decap-cms.js"))) > 10  # the bundle's parts, loaded from here
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "vi" and config["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert "Disallow: /admin/" in (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "/admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("admin") for doc in index["docs"])
    for script in admin.rglob("*.js"):  # no other host is named as a place to load code or fonts from
        text = script.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"https://(?:fonts\.googleapis|unpkg|cdn\.jsdelivr|cdnjs)", text), script


def test_nginx_leaves_the_admin_page_its_own_policy_and_keeps_every_other_header(hosted_site: Nginx) -> None:
    admin, public = hosted_site.get("/admin/")[1], hosted_site.get("/2026/")[1]
    assert "content-security-policy" not in admin and "default-src 'none'" in public["content-security-policy"]
    for name in ("strict-transport-security", "x-content-type-options", "x-frame-options", "permissions-policy"):
        assert admin[name] == public[name], name
    assert admin["x-robots-tag"] == "noindex, nofollow"
    assert hosted_site.get("/admin/config.yml")[1]["content-type"].startswith("text/yaml")


# --- Build messages in the form's words ------------------------------------------------------------------


def test_a_build_message_names_the_field_as_the_form_labels_it(project: Path) -> None:
    plan = project / "campaigns/2026/plans/so-khcn-lang-son.yaml"
    replace_in(plan, "end: 26/4/2026", "end: 31/4/2026")
    with pytest.raises(DataError) as raised:
        load_site(project / "campaigns")
    report = raised.value.report()
    assert re.search(r"so-khcn-lang-son\.yaml:\d+: window\.end: .*; trong trang biên tập: ô “Ngày kết thúc”\)$", report,
                     re.MULTILINE), report



def test_the_editor_speaks_vietnamese_everywhere() -> None:
    """Every phrase of Decap's English interface has a Vietnamese one, from Decap's own translation or ours
    (`scripts/editor/vi-phrases.json`), and none is left in English."""
    locales = REPO / "scripts/editor/node_modules/decap-cms-locales/src"
    script = (
        f'const en = (await import("{locales}/en/index.js")).default;\n'
        f'const vi = (await import("{locales}/vi/index.js")).default;\n'
        'const flat = (o, p = "") => Object.entries(o).flatMap(([k, v]) => typeof v === "object" ? flat(v, p + k + ".") : [[p + k, v]]);\n'
        'process.stdout.write(JSON.stringify([Object.fromEntries(flat(en)), Object.fromEntries(flat(vi))]));\n'
    )
    english, decap = json.loads(subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                                               check=True, timeout=60).stdout)

    def flat(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
        found: dict[str, str] = {}
        for key, value in tree.items():
            found |= flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key: value}
        return found

    ours = flat(json.loads((REPO / "scripts/editor/vi-phrases.json").read_text(encoding="utf-8")))
    assert set(ours) <= set(english), "a phrase Decap does not have"
    vietnamese = decap | ours
    assert set(english) <= set(vietnamese), sorted(set(english) - set(vietnamese))
    untranslated = {k for k, v in vietnamese.items() if re.fullmatch(r"[A-Za-z][A-Za-z ,.'!?-]*(?:%\{\w+\})?[A-Za-z ]*", v)}
    assert untranslated <= {"editor.editorWidgets.markdown.markdown"}, untranslated  # "Markdown" is its name
