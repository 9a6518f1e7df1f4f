"""Staff workflow: a new year from the latest one, placeholders that block publishing, editor schemas,
live preview that shows errors, and data text that can never run as code in the browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from conftest import REPO, mkdocs_serve, replace_in, run_build, serve, wait_for_text
from playwright.sync_api import Page

from campaign_site.authoring import schema
from campaign_site.core.problems import DataError
from campaign_site.data.loader import load_site

FILLED = {
    "chủ đề năm 2027": "Đổi mới sáng tạo năm 2027",
    "khẩu hiệu năm 2027": "Nhiệt liệt chào mừng năm 2027",
    "trích yếu": "hưởng ứng các ngày kỷ niệm năm 2027",
    "mã văn bản căn cứ": "cv-2341-bkhcn-2026",
    "mục đích": "Mục đích năm 2027.",
    "nội dung tuyên truyền": "Nội dung năm 2027.",
    "hình thức tổ chức": "Hình thức năm 2027.",
    "số văn bản": "12",
    "ngày ký": "10/4/2027",
    "mã chủ đề": "ngay-sang-tao-2027-chu-de-1",
    "mã khẩu hiệu": "ngay-sang-tao-2027-khau-hieu-1",
    "ngày bắt đầu": "15/4/2027",
    "ngày kết thúc": "20/5/2027",
    "hạn báo cáo": "25/5/2027",
    "nhiệm vụ": "Nhiệm vụ năm 2027.",
    "đoạn giới thiệu năm 2027": "Năm 2027 có các kế hoạch dưới đây.",
}


def campaign_command(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(project / "scripts/campaign.py"), *args], capture_output=True, text=True)


def check_command(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(project / "scripts/check_campaigns.py"), str(project / "campaigns")], capture_output=True, text=True)


def fill_placeholders(path: Path) -> None:
    def value(match: re.Match[str]) -> str:
        hint = match.group(1)
        key = next(k for k in FILLED if hint.startswith(k))
        return json.dumps(FILLED[key], ensure_ascii=False) if path.suffix == ".yaml" else FILLED[key]

    text = re.sub(r'"?CẦN ĐIỀN: ([^"\n]*)"?', value, path.read_text(encoding="utf-8"))
    path.write_text(text.replace("CẦN KIỂM TRA: ", ""), encoding="utf-8")  # last year's values, checked


def test_new_year_is_rejected_until_every_placeholder_is_filled(project: Path) -> None:
    result = campaign_command(project, "new-year", "2027")
    assert result.returncode == 0, result.stderr
    created = sorted(p.relative_to(project).as_posix() for p in (project / "campaigns/2027").rglob("*.yaml"))
    assert created == [
        "campaigns/2027/campaign.yaml",
        "campaigns/2027/plans/so-khcn-lai-chau.yaml",
        "campaigns/2027/plans/so-khcn-lang-son.yaml",
        "campaigns/2027/plans/ubnd-phuong-tran-hung-dao.yaml",
        "campaigns/2027/plans/ubnd-xa-binh-thanh.yaml",
    ]
    campaign = yaml.safe_load((project / "campaigns/2027/campaign.yaml").read_text(encoding="utf-8"))
    assert [o["observance"] for o in campaign["observances"]] == ["ngay-sang-tao", "ngay-so-huu-tri-tue", "ngay-khoa-hoc-cong-nghe"]

    checked = check_command(project)
    assert checked.returncode == 1
    unfilled = [line for line in checked.stderr.splitlines() if "chưa điền" in line]
    placeholders = sum(p.read_text(encoding="utf-8").count('"CẦN ĐIỀN') for p in (project / "campaigns/2027").rglob("*.yaml"))
    # The year's staff introduction (docs/2027/index.md) is checked in the same run.
    placeholders += (project / "docs/2027/index.md").read_text(encoding="utf-8").count("CẦN ĐIỀN")
    assert len(unfilled) == placeholders > 20
    assert any(line.startswith("campaigns/2027/plans/so-khcn-lang-son.yaml:") and "window.start: chưa điền: «CẦN ĐIỀN: ngày bắt đầu" in line for line in unfilled)
    assert run_build(project / "mkdocs.yml", project / "site").returncode != 0


def test_filled_new_year_builds_a_site_with_that_year(project: Path) -> None:
    assert campaign_command(project, "new-year", "2027").returncode == 0
    for path in [*(project / "campaigns/2027").rglob("*.yaml"), project / "docs/2027/index.md"]:
        fill_placeholders(path)
    checked = check_command(project)
    assert checked.returncode == 0, checked.stderr
    result = run_build(project / "mkdocs.yml", project / "site", today="2027-01-10")
    assert result.returncode == 0, result.stderr
    year_page = (project / "site/2027/index.html").read_text(encoding="utf-8")
    assert "Đổi mới sáng tạo năm 2027" in year_page and "Năm 2027 có các kế hoạch dưới đây." in year_page
    assert (project / "site/2027/ke-hoach/so-khcn-lang-son/index.html").is_file()
    assert "Năm 2027" in (project / "site/index.html").read_text(encoding="utf-8")


def test_new_year_refuses_to_overwrite_and_add_commands_create_placeholders(project: Path) -> None:
    refused = campaign_command(project, "new-year", "2026")
    assert refused.returncode == 1 and "năm 2026 đã có" in refused.stderr
    assert campaign_command(project, "add-plan", "2026", "so-khcn-moi").returncode == 0
    assert campaign_command(project, "add-document", "cv-1-bkhcn-2026").returncode == 0
    with pytest.raises(DataError) as info:
        load_site(project / "campaigns")
    files = {p.file for p in info.value.problems if "chưa điền" in p.message}
    assert files == {"campaigns/2026/plans/so-khcn-moi.yaml", "campaigns/documents.yaml"}
    bad_id = campaign_command(project, "add-plan", "2026", "Sở mới")
    assert bad_id.returncode == 2 and "chữ thường không dấu" in bad_id.stderr


@pytest.mark.parametrize("name", schema.SCHEMAS)
def test_committed_schemas_are_generated_from_the_model(name: str) -> None:
    committed = (REPO / "campaigns/_schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.generate(name), "run: scripts/dev campaign schema"
    document = json.loads(committed)
    assert document["additionalProperties"] is False
    descriptions = re.findall(r'"description": "([^"]+)"', committed)
    assert descriptions and all(not re.search(r"\b(the|and|of)\b", d) for d in descriptions)


def test_every_data_file_has_its_schema_in_the_editors_settings() -> None:
    """The schema of each data file is named in VS Code's settings, not in the file: the web editor rewrites
    files and would drop a comment."""
    settings = json.loads((REPO / schema.EDITOR_SETTINGS).read_text(encoding="utf-8"))
    assert settings == json.loads(schema.editor_settings()), "run: scripts/dev campaign schema"
    patterns = {target: globs for target, globs in settings["yaml.schemas"].items()}
    for path in (REPO / "campaigns").rglob("*.yaml"):
        relative = path.relative_to(REPO)
        described = [target for target, globs in patterns.items() if any(relative.match(g) for g in globs)]
        assert len(described) == 1 and (REPO / described[0]).is_file(), relative
        assert "yaml-language-server" not in path.read_text(encoding="utf-8"), relative


def test_schema_accepts_the_shipped_plans_shorthand() -> None:
    plan = json.loads(schema.generate("plan"))
    listed, not_known = plan["properties"]["content"]["anyOf"]
    assert {"type": "string"} in listed["items"]["anyOf"] and not_known["const"] == "chưa rõ"


def test_live_preview_shows_errors_as_a_page_and_recovers(project: Path) -> None:
    with mkdocs_serve(project) as url:
        wait_for_text(url, "Năm 2026")
        plan = project / "campaigns/2026/plans/so-khcn-lai-chau.yaml"
        replace_in(plan, "end: 26/4/2026", "end: 14/4/2026")
        page = wait_for_text(url, "Dữ liệu có lỗi")
        assert "ngày kết thúc 14/4/2026 trước ngày bắt đầu 18/4/2026" in page and "so-khcn-lai-chau.yaml" in page
        replace_in(plan, "end: 14/4/2026", "end: 20/4/2026")
        wait_for_text(f"{url}2026/ke-hoach/so-khcn-lai-chau/", "đến hết ngày <time datetime=\"2026-04-20\">20/4/2026</time>")


PAYLOAD = '<!--<script>window.__pwned=0</script>--><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">![y](x){onerror=window.__pwned=3}*đậm*'


def _inject_everywhere(value: object) -> object:
    """Append the payload to every free-text value, keeping ids, dates and fixed values valid."""
    if isinstance(value, dict):
        return {k: v if k in {"id", "level", "rule", "observance", "date", "start", "end", "number", "number_symbol", "base_url", "url", "day", "month", "symbol", "background", "text_color"} else _inject_everywhere(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inject_everywhere(v) for v in value]
    if isinstance(value, str) and not re.fullmatch(r"[a-z0-9-]+", value):
        return value + " " + PAYLOAD
    return value


def test_script_in_every_text_field_shows_as_text_and_never_runs(project: Path, page: Page) -> None:
    for path in (project / "campaigns").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_inject_everywhere(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = run_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        pages = ["", "lich/", "2026/", "2026/lich/", "2026/bang-ron/", "2026/ke-hoach/so-khcn-lai-chau/", "2025/ke-hoach/so-khcn-thanh-hoa/", "can-cu-phap-ly/"]
        for path in pages:
            page.goto(base + path)
            assert page.evaluate("window.__pwned") is None, path
            assert "<script>window.__pwned=1</script>" in page.locator("article").inner_text(), path
            assert page.locator('article a[href^="javascript:"]').count() == 0
            assert page.title().count("<script>") >= (1 if path else 0)
    svg = ElementTree.parse(site / "2026/bang-ron/chao-mung-ngay-khcn-viet-nam-a3-ngang.svg").getroot()
    assert PAYLOAD.upper() in svg.findtext("{http://www.w3.org/2000/svg}title")


def test_script_payload_does_not_break_the_next_date_panel(project: Path, page: Page) -> None:
    """A title with `<!--<script>` inside the panel's JSON must not swallow the page's own script."""
    replace_in(project / "campaigns/observances.yaml",
               "name: Ngày Sáng tạo và Đổi mới sáng tạo thế giới", 'name: "Ngày <!--<script> Sáng tạo"')
    site = project / "site"
    assert run_build(project / "mkdocs.yml", site).returncode == 0
    with serve(site) as base:
        page.clock.set_fixed_time("2026-04-01T09:00:00+07:00")
        page.goto(base)
        assert "Ngày <!--<script> Sáng tạo: 21/4/2026 (còn 20 ngày)." == page.locator("[data-next-date-text]").inner_text()


def test_staff_heading_title_is_escaped_once(project: Path) -> None:
    (project / "docs/lien-he.md").write_text("# Sở KH&CN và Báo Thanh Hoá\n\nNội dung.\n", encoding="utf-8")
    assert run_build(project / "mkdocs.yml", project / "site").returncode == 0
    html = (project / "site/lien-he/index.html").read_text(encoding="utf-8")
    assert "<title>Sở KH&amp;CN và Báo Thanh Hoá - " in html
    assert "&amp;amp;" not in html


def test_unreadable_staff_markdown_is_reported_not_crashed(project: Path) -> None:
    (project / "docs/2026/cu.md").write_bytes(b"# N\xf4i dung c\xfb\n")  # Latin-1, not UTF-8
    result = run_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/2026/cu.md:1: (toàn tệp): tệp không phải mã UTF-8" in result.stderr


def test_new_year_keeps_an_existing_introduction(project: Path) -> None:
    intro = project / "docs/2027/index.md"
    intro.parent.mkdir(parents=True)
    intro.write_text("Đã viết sẵn.\n", encoding="utf-8")
    assert campaign_command(project, "new-year", "2027").returncode == 0
    assert intro.read_text(encoding="utf-8") == "Đã viết sẵn.\n"


def test_add_plan_to_an_unreadable_year_explains_instead_of_crashing(project: Path) -> None:
    (project / "campaigns/2026/campaign.yaml").write_text('observances: ["ngay-sang-tao"\n', encoding="utf-8")
    result = campaign_command(project, "add-plan", "2026", "so-khcn-moi")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "campaigns/2026/campaign.yaml chưa đọc được" in result.stderr


LEAVE_OUT = "hãy xóa cả"
NOT_KNOWN = "hãy viết `"


def _leaves(value: object, loc: str = "") -> list[tuple[str, object]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{loc}.{k}".lstrip("."))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, f"{loc}[{i}]")]
    return [(loc, value)]


def test_an_untouched_add_plan_scaffold_holds_only_markers_and_check_names_both_honest_choices(project: Path) -> None:
    assert campaign_command(project, "add-plan", "2026", "so-khcn-moi").returncode == 0
    path = project / "campaigns/2026/plans/so-khcn-moi.yaml"
    leaves = _leaves(yaml.safe_load(path.read_text(encoding="utf-8")))
    # Every value is a marker: nothing the scaffold writes can be published as a fact (no `number: null`,
    # no `date: "2026"` that the page would print as "văn bản để trống số").
    assert leaves and [(loc, v) for loc, v in leaves if not (isinstance(v, str) and v.startswith(("CẦN ĐIỀN: ", "CẦN KIỂM TRA: ")))] == []

    checked = check_command(project)
    assert checked.returncode == 1
    lines = [line for line in checked.stderr.splitlines() if line.startswith("campaigns/2026/plans/so-khcn-moi.yaml:")]
    assert len(lines) == len(leaves)
    by_field = {line.split(": ", 2)[1]: line for line in lines}
    # A fact a document may lack: both choices, for the field itself or for the part it is in.
    for field in ("place", "document.number", "document.date", "document.subject", "document.type", "issuer.name"):
        assert "Nếu văn bản không ghi điều này, hãy xóa cả dòng; nếu chưa biết, hãy viết `chưa rõ`." in by_field[field], field
    for field, part in (("window.start", "window"), ("signer.title", "signer"), ("legal_basis[0]", "legal_basis"),
                        ("themes[0]", "themes"), ("forms[0]", "forms"), ("responsibilities[0].tasks[0]", "responsibilities")):
        assert f"Nếu văn bản không nêu cả mục `{part}`, hãy xóa cả mục đó; nếu chưa biết, hãy viết `{part}: chưa rõ`" in by_field[field], field
    # Facts every plan has: no choice offered that the check would then refuse.
    assert LEAVE_OUT not in by_field["issuer.level"] and NOT_KNOWN not in by_field["issuer.level"]


def test_add_document_and_add_activity_write_only_markers_besides_the_id_staff_gave(project: Path) -> None:
    assert campaign_command(project, "add-document", "cv-1-bkhcn-2026").returncode == 0
    assert campaign_command(project, "add-activity", "2026", "so-khcn-lang-son").returncode == 0
    registry = yaml.safe_load((project / "campaigns/documents.yaml").read_text(encoding="utf-8"))["documents"]
    post = (project / "docs/2026/hoat-dong/so-khcn-lang-son-1.md").read_text(encoding="utf-8").split("---\n")[1]
    for leaves, given in ((_leaves(registry[-1]), "id"), (_leaves(yaml.safe_load(post)), "plan")):
        written = [(loc, v) for loc, v in leaves if loc != given]
        assert written and all(isinstance(v, str) and v.startswith(("CẦN ĐIỀN: ", "CẦN KIỂM TRA: ")) for _, v in written), written
    checked = check_command(project)
    summary = next(line for line in checked.stderr.splitlines() if line.startswith("campaigns/documents.yaml:") and "summary" in line)
    assert "hãy xóa cả dòng; nếu chưa biết, hãy viết `chưa rõ`" in summary


def test_new_year_for_an_earlier_year_while_a_later_one_is_being_filled_in(project: Path) -> None:
    assert campaign_command(project, "new-year", "2027").returncode == 0  # 2027: placeholders everywhere
    result = campaign_command(project, "new-year", "2024")
    assert result.returncode == 0, result.stderr
    observed = [[o["observance"] for o in yaml.safe_load((project / f"campaigns/{year}/campaign.yaml").read_text(encoding="utf-8"))["observances"]]
                for year in (2024, 2025)]
    assert observed[0] == observed[1]  # the days of the nearest year, 2025
    assert not list((project / "campaigns/2024/plans").glob("*.yaml"))  # a later year's plans do not apply to it
    # An observance may have no theme that year: the placeholder says so, and deleting the part is valid.
    text = (project / "campaigns/2024/campaign.yaml").read_text(encoding="utf-8")
    assert "xóa cả mục themes" in text
    filled = re.sub(r"    themes:\n(?:      .*\n)+", "", text)
    filled = re.sub(r'"CẦN ĐIỀN: khẩu hiệu năm 2024[^"]*"', '"Nhiệt liệt chào mừng năm 2024"', filled)
    (project / "campaigns/2024/campaign.yaml").write_text(filled, encoding="utf-8")
    shutil.rmtree(project / "campaigns/2027")
    (project / "docs/2024/index.md").unlink()
    (project / "docs/2027/index.md").unlink()
    checked = check_command(project)
    assert checked.returncode == 0, checked.stderr
