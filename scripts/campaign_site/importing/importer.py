"""`scripts/dev campaign import FILE`: a dispatch's file to a draft plan in campaigns/, in one call.

Reads the file (`readers`, in a child process with limits: `sandbox`), takes the registries and the year's phrases from the data as it is,
extracts the draft (`extract`) and writes it (`write`). A file that is not a dispatch, or that cannot
be read faithfully, writes nothing and says why.
"""

from __future__ import annotations

from pathlib import Path

from campaign_site.authoring.scaffold import ScaffoldError
from campaign_site.core.catalogue import plain
from campaign_site.data.loader import load_site
from campaign_site.data.placeholders import is_marked
from campaign_site.importing.extract import Draft, document_year, extract
from campaign_site.importing.readers import UnreadableFile
from campaign_site.importing.sandbox import read_bounded
from campaign_site.importing.write import Written, write_draft


def is_dispatch(draft: Draft) -> bool:
    """Whether the text reads as an administrative document about an observance: its kind or its
    issuer found, and at least one observance day named."""
    document, issuer = draft.plan.get("document", {}), draft.plan.get("issuer", {})
    found_kind = not is_marked(str(document.get("type", ""))) or not is_marked(str(issuer.get("name", "")))
    return found_kind and bool(draft.plan.get("observances"))


def import_file(repo: Path, path: Path, year: int | None = None, plan_id: str | None = None) -> tuple[Written, Draft]:
    """Write the draft of the dispatch in `path`; `year` and `plan_id` override what the document says.

    Raises `ScaffoldError` (a Vietnamese sentence) when the file cannot be read, is not a dispatch,
    or the plan exists already; nothing is written then."""
    try:
        text = read_bounded(path)
    except UnreadableFile as exc:
        raise ScaffoldError(str(exc)) from exc
    site = load_site(repo / "campaigns")
    guessed = year or document_year(text)
    phrases = site.campaigns[guessed].phrases() if guessed in site.campaigns else {}
    draft = extract(text, site.documents, site.observances, phrases, guessed)
    if not is_dispatch(draft):
        raise ScaffoldError(
            plain("import.not_a_plan", name=path.name)
        )
    target_year = year or draft.year
    target_id = plan_id or draft.plan_id
    if target_year is None:
        raise ScaffoldError(plain("import.no_year"))
    if not target_id:
        raise ScaffoldError(plain("import.no_id"))
    written = write_draft(repo, target_year, target_id, draft.plan, draft.new_documents, draft.new_phrases, path.name)
    return written, draft
