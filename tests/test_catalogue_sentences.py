"""Sentences put together from catalogue entries say what the hand-written f-strings they replaced said."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from campaign_site.core.catalogue import sentences
from campaign_site.data import citations
from campaign_site.data.model import LegalDocument
from campaign_site.data.vn_dates import PartialDate

WORDS = st.text(alphabet="abcđêơư ĐÂ-/0123456789", min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.lists(st.one_of(st.just(""), WORDS), max_size=6))
def test_sentences_join_what_is_said_with_one_space(parts: list[str]) -> None:
    joined = sentences(*parts)
    assert joined == " ".join(part for part in parts if part)
    assert not joined.startswith(" ") and not joined.endswith(" ")


def _old_full(doc: LegalDocument) -> str:
    """The first-mention citation as it was written before the catalogue."""
    when = f" {doc.date.in_sentence()}" if isinstance(doc.date, PartialDate) else ""
    about = f" {doc.summary}" if isinstance(doc.summary, str) else ""
    number = f" số {doc.number_symbol}" if isinstance(doc.number_symbol, str) else ""
    return f"{doc.kind}{number}{when} của {doc.issuer}{about}"


def _old_short(doc: LegalDocument) -> str:
    if isinstance(doc.number_symbol, str):
        return f"{doc.kind} số {doc.number_symbol}"
    return f"{doc.kind} của {doc.issuer}"


@given(
    kind=st.one_of(st.none(), st.just("chưa rõ"), st.sampled_from(["Công văn", "Kế hoạch", "Nghị quyết"])),
    number=st.one_of(st.none(), st.just("chưa rõ"), st.sampled_from(["2341/BKHCN-ĐMST", "57-NQ/TW", "69/KH-UBND"])),
    day=st.one_of(st.none(), st.just("chưa rõ"), st.sampled_from(["16/4/2026", "4/2026", "2026"])),
    summary=st.one_of(st.none(), st.just("chưa rõ"), WORDS.map(lambda w: f"về việc {w}")),
    issuer=WORDS,
)
def test_citations_read_as_before(kind: str | None, number: str | None, day: str | None, summary: str | None,
                                  issuer: str) -> None:
    fields = {"type": kind, "number_symbol": number, "date": day, "summary": summary}
    doc = LegalDocument.model_validate({"id": "van-ban", "issuer": issuer, "level": "ministry",
                                        **{key: value for key, value in fields.items() if value is not None}})
    assert citations.full(doc) == _old_full(doc)
    assert citations.short(doc) == _old_short(doc)
