"""Citations of legal documents as Decree 30/2020/NĐ-CP prescribes, generated from the registry."""

from __future__ import annotations

from . import vn_dates
from .model import LegalDocument


def full(doc: LegalDocument) -> str:
    """First mention: `Công văn số 2341/BKHCN-ĐMST ngày 16/4/2026 của Bộ Khoa học và Công nghệ về việc ...`."""
    return f"{doc.type} số {doc.number_symbol} ngày {vn_dates.short(doc.date)} của {doc.issuer} {doc.summary}"


def short(doc: LegalDocument) -> str:
    """Later mentions: `Công văn số 2341/BKHCN-ĐMST`."""
    return f"{doc.type} số {doc.number_symbol}"
