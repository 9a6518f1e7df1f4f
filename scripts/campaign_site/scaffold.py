"""Start a new year, a new plan or a new legal document from templates with marked placeholders.

Every value staff must fill reads `CẦN ĐIỀN: ...`; validation rejects a file while any remains,
so a half-filled year can never be published.
"""

from __future__ import annotations

import json
from pathlib import Path

from .loader import SCHEMA_DIR, load_site
from .messages import suggest
from .model import Plan, ReportDeadline, Signer
from .paths import NEWS_DIR
from .placeholders import MARKER as PLACEHOLDER
from .site_data import Campaign
from .yaml_source import YamlSyntaxProblem, load_yaml


def fill(hint: str) -> str:
    """A placeholder value, quoted for YAML."""
    return json.dumps(f"{PLACEHOLDER}: {hint}", ensure_ascii=False)


def schema_comment(name: str, depth: int) -> str:
    """First line of a data file: tells the editor which JSON Schema describes it."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{name}.schema.json\n"


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(name: str, items: list[str], indent: str = "") -> str:
    return f"{indent}{name}:\n" + "".join(f"{indent}  - {item}\n" for item in items)


def campaign_text(year: int, previous: Campaign) -> str:
    """campaign.yaml for `year`: the previous year's observances, themes and slogans to fill."""
    lines = [schema_comment("campaign", 1), f"# Năm {year}: chủ đề và khẩu hiệu của từng ngày kỷ niệm.\n", "observances:\n"]
    for observance, _ in previous.observances:
        lines += [
            f"  - observance: {observance.id}\n",
            "    themes:\n",
            f"      - id: {observance.id}-{year}-chu-de-1\n",
            f"        text: {fill(f'chủ đề năm {year} của {observance.name}, chép nguyên văn')}\n",
            "    slogans:\n",
            f"      - id: {observance.id}-{year}-khau-hieu-1\n",
            f"        text: {fill(f'khẩu hiệu năm {year}, ví dụ Nhiệt liệt chào mừng {observance.name} - {observance.label}/{year}')}\n",
        ]
    return "".join(lines)


def plan_text(year: int, plan: Plan | None, observances: list[str]) -> str:
    """A plan file for `year`; who issues and signs it is carried over from `plan` when given."""
    issuer = plan.issuer if plan else None
    out = [schema_comment("plan", 2), f"# Kế hoạch năm {year}. Thay mọi dòng CẦN ĐIỀN bằng nội dung của văn bản.\n"]
    out.append("issuer:\n")
    out.append(f"  name: {_quoted(issuer.name) if issuer else fill('tên cơ quan ban hành')}\n")
    out.append(f"  short_name: {_quoted(issuer.short_name) if issuer else fill('tên ngắn, ví dụ Sở KH&CN Lạng Sơn')}\n")
    if issuer and issuer.parent:
        out.append(f"  parent: {_quoted(issuer.parent)}\n")
    out.append(f"  level: {issuer.level if issuer else fill('national, province hoặc commune')}\n")
    if not issuer or issuer.province:
        province = issuer.province if issuer else None
        out.append(f"  province: {_quoted(province) if province else fill('tỉnh, thành phố, ví dụ Lạng Sơn; xóa dòng này nếu level là national')}\n")
    place = plan.place if plan else None
    out.append(f"place: {_quoted(place) if isinstance(place, str) else fill('địa danh')}\n")
    out += [
        "document:\n",
        f"  type: {_quoted(plan.document.type) if plan else fill('Kế hoạch hoặc Công văn')}\n",
        "  number: null\n",
        f"  symbol: {_quoted(symbol) if isinstance(symbol := plan.document.symbol if plan else None, str) else fill('ký hiệu, ví dụ KH-UBND')}\n",
        f'  date: "{year}"\n',
        f"  subject: {fill('trích yếu của văn bản')}\n",
    ]
    if plan and plan.addressees:
        out.append(_list("addressees", [_quoted(a) for a in plan.addressees]))
    out.append(_list("legal_basis", [fill("mã văn bản căn cứ trong documents.yaml")]))
    out.append(_list("observances", observances))
    out.append(_list("themes", [f"{o}-{year}-chu-de-1" for o in observances]))
    out.append(_list("slogans", [f"{o}-{year}-khau-hieu-1" for o in observances]))
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
            f"    rule: {deadline.rule if deadline else 'before'}\n",
            f"    reporter: {_quoted(deadline.reporter) if deadline else fill('ai báo cáo')}\n",
            f"    recipient: {_quoted(deadline.recipient) if deadline else fill('báo cáo cho ai')}\n",
        ]
    units = plan.responsibilities if plan else [None]
    if units:
        out.append("responsibilities:\n")
    for unit in units:
        out += [f"  - unit: {_quoted(unit.unit) if unit else fill('đơn vị')}\n", f"    tasks:\n      - {fill('nhiệm vụ')}\n"]
    if plan and isinstance(plan.recipients, list) and plan.recipients:
        out.append(_list("recipients", [_quoted(r) for r in plan.recipients]))
    signer = plan.signer if plan and isinstance(plan.signer, Signer) else None
    out.append("signer:\n")
    if signer and len(signer.authority) == 1:
        out.append(f"  authority: {_quoted(signer.authority[0])}\n")
    elif signer and signer.authority:
        out.append(_list("authority", [_quoted(line) for line in signer.authority], "  "))
    out.append(f"  title: {_quoted(signer.title) if signer and signer.title else fill('chức vụ người ký')}\n")
    out.append(f"  name: {_quoted(signer.name) if signer and isinstance(signer.name, str) else fill('họ tên người ký')}\n")
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


def new_year(repo: Path, year: int) -> list[Path]:
    """Create campaigns/<year>/ (campaign and one plan per plan of the latest earlier year; for a year before
    every other, the days of the nearest year and no plan) and docs/<year>/index.md."""
    campaigns = repo / "campaigns"
    target = campaigns / str(year)
    if target.exists():
        raise ScaffoldError(f"năm {year} đã có (thư mục campaigns/{year}/). Không tạo lại để tránh ghi đè.")
    data = load_site(campaigns)
    earlier = [y for y in data.campaigns if y < year]
    # A past year added late has no earlier year: its days come from the nearest later year, its plans
    # from nowhere (a later year's plans do not apply to it).
    template = data.campaigns[max(earlier) if earlier else min(data.campaigns, key=lambda y: abs(y - year))]
    observances = [o.id for o, _ in template.observances]
    written = [target / "campaign.yaml"]
    (target / "plans").mkdir(parents=True)
    written[0].write_text(campaign_text(year, template), encoding="utf-8")
    for plan in template.plans if earlier else []:
        path = target / "plans" / f"{plan.id}.yaml"
        path.write_text(plan_text(year, plan, [o for o in plan.observances if o in observances]), encoding="utf-8")
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
    # Read the year's observances without validating: the year may still have placeholders.
    try:
        spec = load_yaml(campaigns / str(year) / "campaign.yaml", f"campaigns/{year}/campaign.yaml").data
    except YamlSyntaxProblem as exc:
        raise ScaffoldError(f"campaigns/{year}/campaign.yaml chưa đọc được, hãy sửa trước:\n{exc}") from None
    listed = spec.get("observances") if isinstance(spec, dict) else None
    observances = [o["observance"] for o in listed or [] if isinstance(o, dict) and isinstance(o.get("observance"), str)]
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
    """An activity post for `plan`: its plan, unit, observances and place filled in, the rest to fill."""
    window = plan.dated_window
    example = f"{window.start.day}/{window.start.month}/{window.start.year}" if window else f"21/4/{plan.year}"
    place = _quoted(plan.place) if isinstance(plan.place, str) else fill("địa điểm tổ chức")
    return (
        "---\n"
        f"title: {fill('tiêu đề bài viết, ví dụ Hội thảo đổi mới sáng tạo trong doanh nghiệp')}\n"
        f"date: {fill(f'ngày tổ chức, ví dụ {example}')}\n"
        "# end_date: ngày kết thúc, nếu hoạt động kéo dài nhiều ngày\n"
        f"plan: {plan.id}\n"
        f"unit: {_quoted(plan.issuer.name)}\n"
        f"place: {place}\n"
        f"observances: [{', '.join(plan.observances)}]\n"
        "photos:\n"
        f"  - file: {fill('tên tệp ảnh đặt cạnh bài viết, ví dụ hoi-thao-1.jpg')}\n"
        f"    alt: {fill('mô tả ảnh cho người không nhìn thấy: ai, đang làm gì, ở đâu')}\n"
        f"    caption: {fill('chú thích dưới ảnh (hoặc xóa dòng này)')}\n"
        f"    credit: {fill('người chụp, ví dụ Ảnh: ' + plan.issuer.short_name + ' (hoặc xóa dòng này)')}\n"
        "---\n\n"
        f"{PLACEHOLDER}: nội dung bài viết (không viết tiêu đề #; mỗi đoạn cách nhau một dòng trống).\n"
    )


def add_activity(repo: Path, year: int, plan_id: str) -> Path:
    """Write docs/<year>/hoat-dong/<plan id>-<n>.md, a post about an activity held under the plan."""
    data = load_site(repo / "campaigns")
    if year not in data.campaigns:
        raise ScaffoldError(f"chưa có năm {year}: hãy chạy new-year {year} trước.")
    plans = {p.id: p for p in data.campaigns[year].plans}
    if plan_id not in plans:
        close = suggest(plan_id, list(plans))
        hint = f" Có phải bạn muốn viết `{close}`?" if close else ""
        raise ScaffoldError(f"năm {year} không có kế hoạch mang mã `{plan_id}`.{hint} Các mã có trong campaigns/{year}/plans/.")
    folder = repo / "docs" / str(year) / NEWS_DIR
    number = 1
    while (folder / f"{plan_id}-{number}.md").exists():
        number += 1
    path = folder / f"{plan_id}-{number}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(activity_text(plans[plan_id]), encoding="utf-8")
    return path
