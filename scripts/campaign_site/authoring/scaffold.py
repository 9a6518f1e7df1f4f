"""Start a new year, a new plan, a legal document or an activity post from templates with marked placeholders.

Every value the scaffold writes is a marker `scripts/dev check` blocks, so an untouched scaffold can never
be published: `CẦN ĐIỀN: ...` for a value nobody has written yet, `CẦN KIỂM TRA: ...` for last year's
value carried over (the issuer, the signer, the units), which staff compare with the new document. The
check's message for each names the honest choices for a value the document lacks (leave the line out:
the document does not state it; `chưa rõ`: not known yet). Only identifiers are written as they are: the
id staff gave the command, the days a year observes (observances.yaml fixes them) and the ids of the
year's phrases, which no page prints.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from campaign_site.core.yaml_source import YamlSyntaxProblem, load_yaml
from campaign_site.data.loader import SCHEMA_DIR
from campaign_site.data.model import Observance, ObservancesFile, Plan, PlanIdentity, ReportDeadline, Signer
from campaign_site.data.paths import NEWS_DIR
from campaign_site.data.placeholders import MARKER as PLACEHOLDER
from campaign_site.data.placeholders import in_data, review
from campaign_site.data.rules import PLAN_ID
from campaign_site.data.unknowns import held
from campaign_site.data.validation_messages import suggest
from campaign_site.data.year_folders import year_of


def fill(hint: str) -> str:
    """A placeholder value, quoted for YAML."""
    return json.dumps(f"{PLACEHOLDER}: {hint}", ensure_ascii=False)


def carried(value: str | None, hint: str) -> str:
    """Last year's value, marked to check against the new document; or, without one, a value to fill."""
    return _quoted(review(value)) if value else fill(hint)


def schema_comment(name: str, depth: int) -> str:
    """First line of a data file: tells the editor which JSON Schema describes it."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{name}.schema.json\n"


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(name: str, items: list[str], indent: str = "") -> str:
    return f"{indent}{name}:\n" + "".join(f"{indent}  - {item}\n" for item in items)


def campaign_text(year: int, observances: list[Observance]) -> str:
    """campaign.yaml for `year`: the days observed, each with a theme and a slogan to fill (or to delete:
    a day may have no theme, or no slogan, that year)."""
    lines = [schema_comment("campaign", 1), f"# Năm {year}: chủ đề và khẩu hiệu của từng ngày kỷ niệm.\n", "observances:\n"]
    for observance in observances:
        lines += [
            f"  - observance: {observance.id}\n",
            "    themes:\n",
            f"      - id: {observance.id}-{year}-chu-de-1\n",
            f"        text: {fill(f'chủ đề năm {year} của {observance.name}, chép nguyên văn; nếu văn bản năm nay không nêu chủ đề cho ngày này, xóa cả mục themes')}\n",
            "    slogans:\n",
            f"      - id: {observance.id}-{year}-khau-hieu-1\n",
            f"        text: {fill(f'khẩu hiệu năm {year}, ví dụ Nhiệt liệt chào mừng {observance.name} - {observance.label}/{year}; nếu không có, xóa cả mục slogans')}\n",
        ]
    return "".join(lines)


def plan_text(year: int, plan: Plan | None, observances: list[str]) -> str:
    """A plan file for `year`. Who issues and signs it, and its units, are carried over from `plan` when
    given, marked to check; every other value is to fill."""
    issuer = plan.issuer if plan else None
    doc = plan.document if plan else None
    out = [schema_comment("plan", 2), f"# Kế hoạch năm {year}. Thay mọi dòng CẦN ĐIỀN, CẦN KIỂM TRA bằng nội dung của văn bản.\n"]
    out.append("issuer:\n")
    out.append(f"  name: {carried(issuer.name if issuer and isinstance(issuer.name, str) else None, 'tên cơ quan ban hành')}\n")
    out.append(f"  short_name: {carried(issuer.short_name if issuer else None, 'tên ngắn, ví dụ Sở KH&CN Lạng Sơn; xóa dòng này thì trang dùng tên đầy đủ')}\n")
    if issuer and issuer.parent:
        out.append(f"  parent: {carried(issuer.parent, '')}\n")
    out.append(f"  level: {carried(issuer.level if issuer else None, 'national, province hoặc commune')}\n")
    if not issuer or issuer.province:
        out.append(f"  province: {carried(issuer.province if issuer else None, 'tỉnh, thành phố, ví dụ Lạng Sơn; xóa dòng này nếu level là national')}\n")
    out.append(f"place: {carried(plan.place if plan and isinstance(plan.place, str) else None, 'địa danh ghi trước ngày tháng')}\n")
    out += [
        "document:\n",
        f"  type: {carried(doc.type if doc and isinstance(doc.type, str) else None, 'Kế hoạch hoặc Công văn')}\n",
        f"  number: {fill('số văn bản, ví dụ 12')}\n",
        f"  symbol: {carried(doc.symbol if doc and isinstance(doc.symbol, str) else None, 'ký hiệu, ví dụ KH-UBND')}\n",
        f"  date: {fill(f'ngày ký, ví dụ 16/4/{year}; 4/{year} nếu văn bản để trống ngày')}\n",
        f"  subject: {fill('trích yếu của văn bản')}\n",
    ]
    if plan and held(plan.addressees):
        out.append(_list("addressees", [carried(a, "") for a in held(plan.addressees)]))
    out.append(_list("legal_basis", [fill("mã văn bản căn cứ trong documents.yaml")]))
    out.append(_list("observances", [carried(o, "") for o in observances]))
    first = observances[0] if observances else "ngay-sang-tao"
    out.append(_list("themes", [fill(f"mã chủ đề trong campaigns/{year}/campaign.yaml, ví dụ {first}-{year}-chu-de-1")]))
    out.append(_list("slogans", [fill(f"mã khẩu hiệu trong campaigns/{year}/campaign.yaml, ví dụ {first}-{year}-khau-hieu-1")]))
    out.append(_list("purposes", [fill("mục đích")]))
    out.append(_list("content", [fill("nội dung tuyên truyền")]))
    out.append(_list("forms", [fill("hình thức tổ chức")]))
    out += ["window:\n", f"  start: {fill(f'ngày bắt đầu, ví dụ 18/4/{year}')}\n", f"  end: {fill(f'ngày kết thúc, ví dụ 26/4/{year}')}\n"]
    # A new plan gets one deadline and one unit to fill; a carried-over plan keeps last year's shape.
    deadlines: list[ReportDeadline | None] = [*plan.dated_deadlines] if plan else [None]
    if deadlines:
        out.append("report_deadlines:\n")
    for deadline in deadlines:
        out += [
            f"  - date: {fill(f'hạn báo cáo, ví dụ 10/5/{year}')}\n",
            f"    rule: {carried(deadline.rule if deadline else None, 'before (trước ngày) hoặc no_later_than (chậm nhất ngày)')}\n",
            f"    reporter: {carried(deadline.reporter if deadline else None, 'ai báo cáo')}\n",
            f"    recipient: {carried(deadline.recipient if deadline else None, 'báo cáo cho ai')}\n",
        ]
    units = held(plan.responsibilities) if plan else [None]
    if units:
        out.append("responsibilities:\n")
    for unit in units:
        out += [f"  - unit: {carried(unit.unit if unit else None, 'đơn vị')}\n", f"    tasks:\n      - {fill('nhiệm vụ')}\n"]
    if plan and isinstance(plan.recipients, list) and plan.recipients:
        out.append(_list("recipients", [carried(r, "") for r in plan.recipients]))
    signer = plan.signer if plan and isinstance(plan.signer, Signer) else None
    out.append("signer:\n")
    if signer and signer.authority:
        lines = [carried(line, "") for line in signer.authority]
        out.append(f"  authority: {lines[0]}\n" if len(lines) == 1 else _list("authority", lines, "  "))
    out.append(f"  title: {carried(signer.title if signer else None, 'chức vụ người ký')}\n")
    out.append(f"  name: {carried(signer.name if signer and isinstance(signer.name, str) else None, 'họ tên người ký')}\n")
    return "".join(out)


def document_text(doc_id: str) -> str:
    """An entry to append to documents.yaml."""
    return (
        f"\n  - id: {doc_id}\n"
        f"    type: {fill('Công văn, Nghị quyết, Kế hoạch...')}\n"
        f"    number_symbol: {fill('số, ký hiệu, ví dụ 2341/BKHCN-ĐMST')}\n"
        f"    date: {fill('ngày ban hành, ví dụ 16/4/2026')}\n"
        f"    issuer: {fill('cơ quan ban hành')}\n"
        f"    level: {fill('party, government, ministry, province hoặc commune')}\n"
        f"    summary: {fill('trích yếu, bắt đầu bằng về việc ...')}\n"
    )


class ScaffoldError(Exception):
    """A scaffold request that cannot be carried out; the message is for staff."""


def _year_observances(campaigns: Path, year: int) -> list[str]:
    """The ids of the days a year observes, read without validating: the year may still have placeholders."""
    display = f"campaigns/{year}/campaign.yaml"
    try:
        spec = load_yaml(campaigns / str(year) / "campaign.yaml", display).data
    except YamlSyntaxProblem as exc:
        raise ScaffoldError(f"{display} chưa đọc được, hãy sửa trước:\n{exc}") from None
    listed = spec.get("observances") if isinstance(spec, dict) else None
    return [o["observance"] for o in listed or [] if isinstance(o, dict) and isinstance(o.get("observance"), str)]


def _finished_plan(path: Path, display: str, year: int) -> Plan:
    """A plan file as its model; a plan still to fill or with an error stops the scaffold."""
    try:
        source = load_yaml(path, display)
        plan = None if in_data(source) else Plan.model_validate(source.data).identified(PlanIdentity(path.stem, year, display))
    except (YamlSyntaxProblem, ValidationError):
        plan = None
    if plan is None:
        raise ScaffoldError(f"{display} còn lỗi hoặc chỗ chưa điền. Hãy chạy scripts/dev check và sửa tệp đó trước.")
    return plan


def _finished_plans(campaigns: Path, year: int) -> list[Plan]:
    """The plans of a finished year, as models."""
    return [_finished_plan(path, f"campaigns/{year}/plans/{path.name}", year)
            for path in sorted((campaigns / str(year) / "plans").glob("*.yaml")) if PLAN_ID.match(path.stem)]


def new_year(repo: Path, year: int) -> list[Path]:
    """Create campaigns/<year>/ (campaign and one plan per plan of the latest earlier year; for a year before
    every other, the days of the nearest year and no plan) and docs/<year>/index.md. Only the year copied
    from is read, so a new year can be started while another one is still being filled in."""
    campaigns = repo / "campaigns"
    target = campaigns / str(year)
    if target.exists():
        raise ScaffoldError(f"năm {year} đã có (thư mục campaigns/{year}/). Không tạo lại để tránh ghi đè.")
    years = [int(p.name) for p in campaigns.iterdir() if year_of(p.name) and (p / "campaign.yaml").is_file()]
    if not years:
        raise ScaffoldError("chưa có năm nào để lấy mẫu: hãy tạo campaigns/<năm>/campaign.yaml theo mẫu trong HUONG-DAN-BIEN-TAP.md (hướng dẫn cho biên tập viên).")
    earlier = [y for y in years if y < year]
    # A past year added late has no earlier year: its days come from the nearest later year, its plans
    # from nowhere (a later year's plans do not apply to it).
    template = max(earlier) if earlier else min(years, key=lambda y: abs(y - year))
    try:
        registry = ObservancesFile.model_validate(load_yaml(campaigns / "observances.yaml", "campaigns/observances.yaml").data)
    except (YamlSyntaxProblem, ValidationError, OSError):
        raise ScaffoldError("campaigns/observances.yaml còn lỗi. Hãy chạy scripts/dev check và sửa tệp đó trước.") from None
    days = {o.id: o for o in registry.observances}
    observances = [days[o] for o in _year_observances(campaigns, template) if o in days]
    observances.sort(key=lambda o: (o.month, o.day))
    plans = _finished_plans(campaigns, template) if earlier else []
    written = [target / "campaign.yaml"]
    (target / "plans").mkdir(parents=True)
    written[0].write_text(campaign_text(year, observances), encoding="utf-8")
    for plan in plans:
        path = target / "plans" / f"{plan.id}.yaml"
        path.write_text(plan_text(year, plan, [o.id for o in observances if o.id in plan.observances]), encoding="utf-8")
        written.append(path)
    intro = repo / "docs" / str(year) / "index.md"
    if intro.exists():
        return written  # staff already wrote the year's introduction: keep it
    intro.parent.mkdir(parents=True, exist_ok=True)
    intro.write_text(
        "<!-- Đoạn giới thiệu năm, chèn vào trang của năm. Không viết tiêu đề cấp 1 (#). -->\n\n"
        f"{PLACEHOLDER}: đoạn giới thiệu năm {year} (hoặc xóa tệp này nếu không cần).\n",
        encoding="utf-8",
    )
    return [*written, intro]


def add_plan(repo: Path, year: int, plan_id: str) -> Path:
    campaigns = repo / "campaigns"
    path = campaigns / str(year) / "plans" / f"{plan_id}.yaml"
    if not (campaigns / str(year) / "campaign.yaml").is_file():
        raise ScaffoldError(f"chưa có năm {year}: hãy chạy new-year {year} trước.")
    if path.exists():
        raise ScaffoldError(f"đã có kế hoạch {path.relative_to(repo)}.")
    observances = _year_observances(campaigns, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(year, None, observances), encoding="utf-8")
    return path


def add_document(repo: Path, doc_id: str) -> Path:
    path = repo / "campaigns" / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    if f"id: {doc_id}\n" in text:
        raise ScaffoldError(f"đã có văn bản mang mã `{doc_id}` trong documents.yaml.")
    path.write_text(text.rstrip("\n") + "\n" + document_text(doc_id), encoding="utf-8")
    return path


def activity_text(plan: Plan) -> str:
    """An activity post for `plan`: its plan named, the unit and days of the plan marked to check, the rest to fill."""
    window = plan.dated_window
    example = f"{window.start.day}/{window.start.month}/{window.start.year}" if window else f"21/4/{plan.year}"
    place = carried(plan.place if isinstance(plan.place, str) else None, "địa điểm tổ chức")
    return (
        "---\n"
        f"title: {fill('tiêu đề bài viết, ví dụ Hội thảo đổi mới sáng tạo trong doanh nghiệp')}\n"
        f"date: {fill(f'ngày tổ chức, ví dụ {example}; 4/{plan.year} nếu chỉ biết tháng')}\n"
        "# end_date: ngày kết thúc, nếu hoạt động kéo dài nhiều ngày\n"
        f"plan: {plan.id}\n"
        f"unit: {carried(plan.issuer.name if isinstance(plan.issuer.name, str) else None, 'đơn vị tổ chức')}\n"
        f"place: {place}\n"
        f"observances: [{', '.join(carried(o, '') for o in plan.observances)}]\n"
        "photos:\n"
        f"  - file: {fill('tên tệp ảnh đặt cạnh bài viết, ví dụ hoi-thao-1.jpg; xóa cả mục photos nếu không có ảnh')}\n"
        f"    alt: {fill('mô tả ảnh cho người không nhìn thấy: ai, đang làm gì, ở đâu')}\n"
        f"    caption: {fill('chú thích dưới ảnh (hoặc xóa dòng này)')}\n"
        f"    credit: {fill('người chụp, ví dụ Ảnh: ' + plan.issuer.short_label + ' (hoặc xóa dòng này)')}\n"
        "---\n\n"
        f"{PLACEHOLDER}: nội dung bài viết (không viết tiêu đề #; mỗi đoạn cách nhau một dòng trống).\n"
    )


def add_activity(repo: Path, year: int, plan_id: str) -> Path:
    """Write docs/<year>/hoat-dong/<plan id>-<n>.md, a post about an activity held under the plan. Only that
    plan is read, so a post can be started while other files are still being filled in."""
    plans = repo / "campaigns" / str(year) / "plans"
    if not (repo / "campaigns" / str(year) / "campaign.yaml").is_file():
        raise ScaffoldError(f"chưa có năm {year}: hãy chạy new-year {year} trước.")
    if not (plans / f"{plan_id}.yaml").is_file():
        close = suggest(plan_id, sorted(p.stem for p in plans.glob("*.yaml")))
        hint = f" Có phải bạn muốn viết `{close}`?" if close else ""
        raise ScaffoldError(f"năm {year} không có kế hoạch mang mã `{plan_id}`.{hint} Các mã có trong campaigns/{year}/plans/.")
    plan = _finished_plan(plans / f"{plan_id}.yaml", f"campaigns/{year}/plans/{plan_id}.yaml", year)
    folder = repo / "docs" / str(year) / NEWS_DIR
    number = 1
    while (folder / f"{plan_id}-{number}.md").exists():
        number += 1
    path = folder / f"{plan_id}-{number}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(activity_text(plan), encoding="utf-8")
    return path
