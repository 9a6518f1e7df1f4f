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

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.yaml_source import YamlSyntaxProblem, load_yaml
from campaign_site.data.model import Observance, ObservancesFile, Plan, PlanIdentity, ReportDeadline, Signer
from campaign_site.data.paths import NEWS_DIR
from campaign_site.data.placeholders import MARKER as PLACEHOLDER
from campaign_site.data.placeholders import in_data, review
from campaign_site.data.rules import PLAN_ID
from campaign_site.data.unknowns import held
from campaign_site.data.validation_messages import did_you_mean
from campaign_site.data.year_folders import year_of


def fill(hint: str) -> str:
    """A placeholder value, quoted for YAML."""
    return json.dumps(f"{PLACEHOLDER}: {hint}", ensure_ascii=False)


def carried(value: str | None, hint: str) -> str:
    """Last year's value, marked to check against the new document; or, without one, a value to fill."""
    return _quoted(review(value)) if value else fill(hint)


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(name: str, items: list[str], indent: str = "") -> str:
    return f"{indent}{name}:\n" + "".join(f"{indent}  - {item}\n" for item in items)


def _line(key: str, value: str) -> str:
    """One `key: value` line of a data file (`key` with its indent)."""
    return f"{key}: {value}\n"


def campaign_text(year: int, observances: list[Observance]) -> str:
    """campaign.yaml for `year`: the days observed, each with a theme and a slogan to fill (or to delete:
    a day may have no theme, or no slogan, that year)."""
    lines = ["# " + plain("staff.new_campaign_header", year=year) + "\n", "observances:\n"]
    for observance in observances:
        lines += [
            f"  - observance: {observance.id}\n",
            "    themes:\n",
            f"      - id: {observance.id}-{year}-chu-de-1\n",
            _line("        text", fill(plain("staff.new_theme", year=year, name=observance.name))),
            "    slogans:\n",
            f"      - id: {observance.id}-{year}-khau-hieu-1\n",
            _line("        text", fill(plain("staff.new_slogan", year=year, name=observance.name, day=observance.label))),
        ]
    return "".join(lines)


def imported_campaign_text(year: int, observances: list[str], source_name: str) -> str:
    """campaign.yaml for a year an imported document starts: the days it names and nothing to fill (its
    themes and slogans are added by the import, as the document quotes them)."""
    lines = ["# " + plain("import.year_started", year=year, source=source_name) + "\n",
             "observances:\n"]
    return "".join(lines + [f"  - observance: {observance}\n" for observance in observances])


def plan_text(year: int, plan: Plan | None, observances: list[str]) -> str:
    """A plan file for `year`. Who issues and signs it, and its units, are carried over from `plan` when
    given, marked to check; every other value is to fill."""
    issuer = plan.issuer if plan else None
    doc = plan.document if plan else None
    out = ["# " + plain("staff.new_plan_header", year=year) + "\n"]
    out.append("issuer:\n")
    out.append(_line("  name", carried(issuer.name if issuer and isinstance(issuer.name, str) else None,
                                       plain("staff.new_issuer_name"))))
    out.append(_line("  short_name", carried(issuer.short_name if issuer else None, plain("staff.new_short_name"))))
    if issuer and issuer.parent:
        out.append(f"  parent: {carried(issuer.parent, '')}\n")
    out.append(_line("  level", carried(issuer.level if issuer else None, plain("staff.new_plan_level"))))
    if not issuer or issuer.province:
        out.append(_line("  province", carried(issuer.province if issuer else None, plain("staff.new_province"))))
    out.append(_line("place", carried(plan.place if plan and isinstance(plan.place, str) else None, plain("staff.new_place"))))
    out += [
        "document:\n",
        _line("  type", carried(doc.type if doc and isinstance(doc.type, str) else None, plain("staff.new_plan_type"))),
        _line("  number", fill(plain("staff.new_number"))),
        _line("  symbol", carried(doc.symbol if doc and isinstance(doc.symbol, str) else None, plain("staff.new_symbol"))),
        _line("  date", fill(plain("staff.new_signed_on", year=year))),
        _line("  subject", fill(plain("staff.new_subject"))),
    ]
    if plan and held(plan.addressees):
        out.append(_list("addressees", [carried(a, "") for a in held(plan.addressees)]))
    out.append(_list("legal_basis", [fill(plain("staff.new_legal_basis"))]))
    out.append(_list("observances", [carried(o, "") for o in observances]))
    first = observances[0] if observances else "ngay-sang-tao"
    out.append(_list("themes", [fill(plain("staff.new_theme_id", year=year, first=first))]))
    out.append(_list("slogans", [fill(plain("staff.new_slogan_id", year=year, first=first))]))
    out.append(_list("purposes", [fill(plain("staff.new_purposes"))]))
    out.append(_list("content", [fill(plain("staff.new_content"))]))
    out.append(_list("forms", [fill(plain("staff.new_forms"))]))
    out += ["window:\n", _line("  start", fill(plain("staff.new_start", year=year))),
            _line("  end", fill(plain("staff.new_end", year=year)))]
    # A new plan gets one deadline and one unit to fill; a carried-over plan keeps last year's shape.
    deadlines: list[ReportDeadline | None] = [*plan.dated_deadlines] if plan else [None]
    if deadlines:
        out.append("report_deadlines:\n")
    for deadline in deadlines:
        out += [
            _line("  - date", fill(plain("staff.new_deadline", year=year))),
            _line("    rule", carried(deadline.rule if deadline else None, plain("staff.new_rule"))),
            _line("    reporter", carried(deadline.reporter if deadline else None, plain("staff.new_reporter"))),
            _line("    recipient", carried(deadline.recipient if deadline else None, plain("staff.new_recipient"))),
        ]
    units = held(plan.responsibilities) if plan else [None]
    if units:
        out.append("responsibilities:\n")
    for unit in units:
        out += [_line("  - unit", carried(unit.unit if unit else None, plain("staff.new_unit"))),
                "    tasks:\n", "      - " + fill(plain("staff.new_task")) + "\n"]
    if plan and isinstance(plan.recipients, list) and plan.recipients:
        out.append(_list("recipients", [carried(r, "") for r in plan.recipients]))
    signer = plan.signer if plan and isinstance(plan.signer, Signer) else None
    out.append("signer:\n")
    if signer and signer.authority:
        lines = [carried(line, "") for line in signer.authority]
        out.append(f"  authority: {lines[0]}\n" if len(lines) == 1 else _list("authority", lines, "  "))
    out.append(_line("  title", carried(signer.title if signer else None, plain("staff.new_signer_title"))))
    out.append(_line("  name", carried(signer.name if signer and isinstance(signer.name, str) else None,
                                       plain("staff.new_signer_name"))))
    return "".join(out)


def document_text(doc_id: str) -> str:
    """An entry to append to documents.yaml."""
    return "".join([
        f"\n  - id: {doc_id}\n",
        _line("    type", fill(plain("staff.new_document_type"))),
        _line("    number_symbol", fill(plain("staff.new_number_symbol"))),
        _line("    date", fill(plain("staff.new_issued_on"))),
        _line("    issuer", fill(plain("staff.new_issuer"))),
        _line("    level", fill(plain("staff.new_document_level"))),
        _line("    summary", fill(plain("staff.new_summary"))),
    ])


class ScaffoldError(Exception):
    """A scaffold request that cannot be carried out; the message is for staff."""


def _year_observances(campaigns: Path, year: int) -> list[str]:
    """The ids of the days a year observes, read without validating: the year may still have placeholders."""
    display = f"campaigns/{year}/campaign.yaml"
    try:
        spec = load_yaml(campaigns / str(year) / "campaign.yaml", display).data
    except YamlSyntaxProblem as exc:
        raise ScaffoldError(plain("staff.unreadable", display=display, problem=exc)) from None
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
        raise ScaffoldError(plain("staff.plan_unfinished", display=display))
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
        raise ScaffoldError(plain("staff.year_exists", year=year))
    years = [int(p.name) for p in campaigns.iterdir() if year_of(p.name) and (p / "campaign.yaml").is_file()]
    if not years:
        raise ScaffoldError(plain("staff.no_year_to_copy"))
    earlier = [y for y in years if y < year]
    # A past year added late has no earlier year: its days come from the nearest later year, its plans
    # from nowhere (a later year's plans do not apply to it).
    template = max(earlier) if earlier else min(years, key=lambda y: abs(y - year))
    try:
        registry = ObservancesFile.model_validate(load_yaml(campaigns / "observances.yaml", "campaigns/observances.yaml").data)
    except (YamlSyntaxProblem, ValidationError, OSError):
        raise ScaffoldError(plain("staff.observances_broken")) from None
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
    comment, hint = plain("staff.new_intro_comment"), plain("staff.new_intro", year=year)
    intro.write_text(f"<!-- {comment} -->\n\n{PLACEHOLDER}: {hint}\n", encoding="utf-8")
    return [*written, intro]


def add_plan(repo: Path, year: int, plan_id: str) -> Path:
    campaigns = repo / "campaigns"
    path = campaigns / str(year) / "plans" / f"{plan_id}.yaml"
    if not (campaigns / str(year) / "campaign.yaml").is_file():
        raise ScaffoldError(plain("staff.year_missing", year=year))
    if path.exists():
        raise ScaffoldError(plain("staff.plan_exists", path=path.relative_to(repo)))
    observances = _year_observances(campaigns, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(year, None, observances), encoding="utf-8")
    return path


def add_document(repo: Path, doc_id: str) -> Path:
    path = repo / "campaigns" / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    if f"id: {doc_id}\n" in text:
        raise ScaffoldError(plain("staff.document_exists", id=doc_id))
    path.write_text(text.rstrip("\n") + "\n" + document_text(doc_id), encoding="utf-8")
    return path


def activity_text(plan: Plan) -> str:
    """An activity post for `plan`: its plan named, the unit and days of the plan marked to check, the rest to fill."""
    window = plan.dated_window
    example = f"{window.start.day}/{window.start.month}/{window.start.year}" if window else f"21/4/{plan.year}"
    place = carried(plan.place if isinstance(plan.place, str) else None, plain("staff.new_post_place"))
    return "".join([
        "---\n",
        _line("title", fill(plain("staff.new_post_title"))),
        _line("date", fill(plain("staff.new_post_date", example=example, year=plan.year))),
        _line("# end_date", plain("staff.new_post_end_date")),
        f"plan: {plan.id}\n",
        _line("unit", carried(plan.issuer.name if isinstance(plan.issuer.name, str) else None, plain("staff.new_post_unit"))),
        f"place: {place}\n",
        f"observances: [{', '.join(carried(o, '') for o in plan.observances)}]\n",
        "photos:\n",
        _line("  - file", fill(plain("staff.new_photo_file"))),
        _line("    alt", fill(plain("staff.new_photo_alt"))),
        _line("    caption", fill(plain("staff.new_photo_caption"))),
        _line("    credit", fill(plain("staff.new_photo_credit", issuer=plan.issuer.short_label))),
        "---\n\n",
        _line(PLACEHOLDER, plain("staff.new_post_body")),
    ])


def add_activity(repo: Path, year: int, plan_id: str) -> Path:
    """Write docs/<year>/hoat-dong/<plan id>-<n>.md, a post about an activity held under the plan. Only that
    plan is read, so a post can be started while other files are still being filled in."""
    plans = repo / "campaigns" / str(year) / "plans"
    if not (repo / "campaigns" / str(year) / "campaign.yaml").is_file():
        raise ScaffoldError(plain("staff.year_missing", year=year))
    if not (plans / f"{plan_id}.yaml").is_file():
        raise ScaffoldError(sentences(plain("staff.no_such_plan", year=year, plan=plan_id),
                                      did_you_mean(plan_id, sorted(p.stem for p in plans.glob("*.yaml"))),
                                      plain("staff.plan_ids_in", year=year)))
    plan = _finished_plan(plans / f"{plan_id}.yaml", f"campaigns/{year}/plans/{plan_id}.yaml", year)
    folder = repo / "docs" / str(year) / NEWS_DIR
    number = 1
    while (folder / f"{plan_id}-{number}.md").exists():
        number += 1
    path = folder / f"{plan_id}-{number}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(activity_text(plan), encoding="utf-8")
    return path
