"""`scripts/dev campaign import FILE`: a dispatch's file to a draft plan in campaigns/, in one call.

Reads the file (`readers`, in a child process with limits: `sandbox`), takes the registries and the year's phrases from the data as it is,
extracts the draft (`extract`) and writes it (`write`). A file that is not a dispatch, or that cannot
be read faithfully, writes nothing and says why; a dispatch read only in part is written as a draft whose
gaps are marked.
"""

from __future__ import annotations

from pathlib import Path

from campaign_site.authoring.scaffold import ScaffoldError
from campaign_site.core.catalogue import plain
from campaign_site.data.loader import load_site
from campaign_site.data.placeholders import is_marked, to_fill
from campaign_site.importing.extract import Draft, document_year, extract
from campaign_site.importing.readers import UnreadableFile
from campaign_site.importing.sandbox import read_bounded
from campaign_site.importing.write import Written, write_draft

_HEADER_PARTS = 2
"""Parts of a Decree 30 header that make a text an administrative document: any two of its number and
symbol, its place and date line, its type, its subject, its issuing body, its addressees, the list of
recipients and the signature at its end."""


def is_dispatch(draft: Draft) -> bool:
    """Whether the text is an administrative document at all: two parts of a Decree 30 header read (however
    little else was), or, for a body copied without its header, its kind or issuer found and an observance
    named. Only a text that is neither is refused; anything else is a draft whose gaps carry markers."""
    plan = draft.plan
    document, issuer = plan.get("document", {}), plan.get("issuer", {})
    kind, name = _read(document.get("type")), _read(issuer.get("name"))
    parts = [document.get("symbol"), document.get("date") or plan.get("place"), kind, _read(document.get("subject")), name,
             plan.get("addressees"), plan.get("recipients"), plan.get("signer")]
    return sum(map(bool, parts)) >= _HEADER_PARTS or (kind or name) and bool(plan.get("observances"))


def _read(value: object) -> bool:
    """Whether the importer read a value and is sure of it."""
    return bool(value) and not is_marked(value)


def _asking_for_observance(plan: dict) -> dict:
    """The plan with `observances` to fill (in its place, after the cited documents) when the document names
    none of the days observances.yaml declares."""
    if plan.get("observances"):
        return plan
    before = ("issuer", "place", "document", "addressees", "legal_basis", "references")
    head = {k: v for k, v in plan.items() if k in before}
    return {**head, "observances": [to_fill(plain("import.hint_observance"))], **{k: v for k, v in plan.items() if k not in before}}


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
    written = write_draft(repo, target_year, target_id, _asking_for_observance(draft.plan), draft.new_documents,
                          draft.new_phrases, path.name)
    return written, draft
