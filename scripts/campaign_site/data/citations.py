"""Citations of legal documents as Decree 30/2020/NĐ-CP prescribes, generated from the registry."""

from __future__ import annotations

from campaign_site.core.catalogue import plain, sentences
from campaign_site.data.model import LegalDocument
from campaign_site.data.vn_dates import PartialDate


def full(doc: LegalDocument, summary: bool = True) -> str:
    """First mention: `Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về việc ...`
    (without `về việc ...` when not `summary`).

    What the registry does not hold (number, day, summary) is left out of the sentence, never filled in;
    the legal-basis page says, for each document, what is not stated and what is not known.
    """
    number = plain("source.number", number=doc.number_symbol) if isinstance(doc.number_symbol, str) else ""
    when = doc.date.in_sentence() if isinstance(doc.date, PartialDate) else ""
    about = doc.summary if summary and isinstance(doc.summary, str) else ""
    return sentences(plain("source.of", what=sentences(doc.kind, number, when), issuer=doc.issuer), about)


def short(doc: LegalDocument) -> str:
    """Later mentions: `Công văn số 2341/BKHCN-ĐMST`; without a number, `Kế hoạch của UBND tỉnh Lạng Sơn`."""
    if isinstance(doc.number_symbol, str):
        return sentences(doc.kind, plain("source.number", number=doc.number_symbol))
    return plain("source.of", what=doc.kind, issuer=doc.issuer)


def named(doc: LegalDocument) -> str:
    """A list of documents: `Nghị quyết số 57-NQ/TW của Bộ Chính trị`, its type, number and issuer."""
    if isinstance(doc.number_symbol, str):
        return plain("source.of", what=short(doc), issuer=doc.issuer)
    return short(doc)
