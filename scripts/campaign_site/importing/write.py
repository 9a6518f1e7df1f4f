"""Write an imported draft into campaigns/: the plan file, the registry's missing documents, the year's
missing phrases. Nothing existing is overwritten or reordered: new entries are added at the end of
their list, with the files' comments kept, and every step is reported in Vietnamese.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from campaign_site.authoring.scaffold import ScaffoldError, imported_campaign_text
from campaign_site.core.catalogue import plain
from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.placeholders import MARKER, REVIEW_MARKER, without_review


@dataclass(frozen=True)
class Written:
    """What an import did: the files it wrote or extended, and one Vietnamese line per step."""

    files: list[Path]
    report: list[str]


def _yaml(value: Any, indent: int = 0) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return "".join(" " * indent + line + "\n" if line else "\n" for line in text.rstrip("\n").split("\n"))


def plan_text(plan: Mapping[str, Any], source_name: str) -> str:
    """The plan file: its schema line, where it came from, then the draft."""
    note = plain("import.draft_header", source=source_name, review=REVIEW_MARKER, fill=MARKER)
    return "".join(f"# {line}\n" for line in note.split("\n")) + _yaml(dict(plan))


def add_documents(path: Path, documents: Sequence[Mapping[str, Any]]) -> list[str]:
    """Registry entries whose id documents.yaml lacks, appended at its end; the ids added."""
    text = path.read_text(encoding="utf-8")
    present = set(re.findall(r"^\s*-\s*id:\s*(\S+)\s*$", text, re.MULTILINE))
    new = [doc for doc in documents if doc["id"] not in present]
    if new:
        path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(_yaml([dict(d)], 2) for d in new), encoding="utf-8")
    return [str(doc["id"]) for doc in new]


def add_phrases(path: Path, phrases: Sequence[tuple[str, str, Mapping[str, Any]]]) -> list[str]:
    """Themes, slogans and messages campaign.yaml lacks, added at the end of their observance's list
    (the observance's block is added if the year does not list it yet); the ids added."""
    lines = path.read_text(encoding="utf-8").split("\n")
    present = {m[1] for line in lines if (m := re.match(r"^\s*-\s*id:\s*(\S+)\s*$", line))}
    added = []
    for observance, kind, phrase in phrases:
        if phrase["id"] in present:
            continue
        key = PHRASE_LISTS[kind]
        item = _yaml([dict(phrase)], 6).rstrip("\n").split("\n")
        start = next((i for i, line in enumerate(lines) if re.match(rf"^  - observance:\s*{re.escape(observance)}\s*$", line)), None)
        if start is None:
            lines = [*_trimmed(lines), f"  - observance: {observance}", f"    {key}:", *item, ""]
        else:
            end = next((i for i in range(start + 1, len(lines)) if re.match(r"^  - ", lines[i])), len(lines))
            header = next((i for i in range(start + 1, end) if lines[i].rstrip() == f"    {key}:"), None)
            if header is None:
                at = _last_content(lines, start, end) + 1
                lines[at:at] = [f"    {key}:", *item]
            else:
                at = next((i for i in range(header + 1, end) if re.match(r"^ {0,5}\S", lines[i])), end)
                at = _last_content(lines, header, at) + 1
                lines[at:at] = item
        present.add(phrase["id"])
        added.append(str(phrase["id"]))
    if added:
        path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return added


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _last_content(lines: list[str], start: int, end: int) -> int:
    """The last non-blank line in [start, end)."""
    return max(i for i in range(start, end) if lines[i].strip()) if any(lines[i].strip() for i in range(start, end)) else start


def write_draft(repo: Path, year: int, plan_id: str, plan: Mapping[str, Any], documents: Sequence[Mapping[str, Any]],
                phrases: Sequence[tuple[str, str, Mapping[str, Any]]], source_name: str) -> Written:
    """Write the draft; refuses (ScaffoldError) rather than overwrite a plan. A year the data does not have yet
    is started with the days the document names (`imported_campaign_text`), and nothing to fill."""
    campaigns = repo / "campaigns"
    year_file = campaigns / str(year) / "campaign.yaml"
    target = campaigns / str(year) / "plans" / f"{plan_id}.yaml"
    if target.exists():
        raise ScaffoldError(plain("import.plan_exists", path=target.relative_to(repo)))
    report: list[str] = []
    files: list[Path] = []
    if not year_file.is_file():
        days = [without_review(o) for o in plan.get("observances", []) if not o.startswith(MARKER)]  # a guessed day is marked in the plan
        year_file.parent.mkdir(parents=True, exist_ok=True)
        year_file.write_text(imported_campaign_text(year, days, source_name), encoding="utf-8")
        report.append(plain("import.year_written", path=year_file.relative_to(repo), year=year))
        files.append(year_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(plan_text(plan, source_name), encoding="utf-8")
    report.insert(0, plain("import.written", path=target.relative_to(repo), year=year, plan=plan_id))
    files.insert(0, target)
    if added := add_documents(campaigns / "documents.yaml", documents):
        files.append(campaigns / "documents.yaml")
        report.append(plain("import.documents_added", count=len(added), ids=', '.join(added)))
    if added := add_phrases(year_file, phrases):
        files += [year_file] if year_file not in files else []
        report.append(plain("import.phrases_added", year=year, count=len(added), ids=', '.join(added)))
    return Written(files, report)

