"""The end of a document: the closing sentence (`Trên đây là …`, or the paragraph ending `./.`), `Nơi nhận`
and the signature (`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` / name), in whichever order the reader gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .header import clean_item
from .text import Para
from .vn import squash

RECIPIENTS = re.compile(r"^Nơi nhận\s*[:.]?\s*(?P<rest>.*)$")
AUTHORITY = re.compile(r"^(?:KT|TM|TL|TUQ|Q|PP)\s*\.", re.IGNORECASE)
_CLOSING = re.compile(r"^Trên đây\b")
_NOT_A_NAME = re.compile(r"[\d:;()/]")


@dataclass
class Ending:
    closing: str | None = None
    after_closing: list[str] = field(default_factory=list)
    """Paragraphs between the closing and `Nơi nhận` (a report request after `Trên đây là …`)."""
    recipients: list[str] | None = None
    signer: dict | None = None
    notes: list[str] = field(default_factory=list)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and not _NOT_A_NAME.search(text) and all(w[:1].isupper() for w in words)


def tail_start(paras: list[Para], begin: int) -> int:
    """Index of the first paragraph of `Nơi nhận` and the signature (the end if there are none)."""
    for i in range(begin, len(paras)):
        if RECIPIENTS.match(paras[i].full):
            # A signature a reader put before `Nơi nhận`: capital lines just above it, after the closing.
            j = i
            while j - 1 >= begin and (paras[j - 1].caps or _is_name(paras[j - 1].text) and paras[j - 2].caps):
                j -= 1
            return j
    j = len(paras)
    while j - 1 >= begin and (paras[j - 1].caps or (j == len(paras) and _is_name(paras[j - 1].text))):
        j -= 1
    return j


def closing_start(paras: list[Para], begin: int, end: int) -> int:
    """Index of the closing paragraph: the last `Trên đây …`, else the last one ending in `./.`."""
    for i in range(end - 1, begin - 1, -1):
        if _CLOSING.match(paras[i].full):
            return i
    for i in range(end - 1, begin - 1, -1):
        if paras[i].full.rstrip().endswith("./.") and paras[i].kind == "plain":
            return i
    return end


def parse(paras: list[Para], closing_at: int, tail_at: int) -> Ending:
    ending = Ending()
    if closing_at < tail_at:
        ending.closing = squash(paras[closing_at].full)
        ending.after_closing = [squash(p.full) for p in paras[closing_at + 1:tail_at]]
    titles: list[str] = []
    name: str | None = None
    recipients: list[str] | None = None
    collecting = False
    for p in paras[tail_at:]:
        if m := RECIPIENTS.match(p.full):
            recipients = [m["rest"]] if m["rest"].strip() else []
            collecting = True
            continue
        if collecting and p.kind == "bullet":
            recipients.append(p.text)  # type: ignore[union-attr]
            continue
        collecting = False
        if p.caps:
            titles.append(squash(p.full))
        elif _is_name(p.text) and titles:
            name = squash(p.text)
        elif p.text.startswith("(") and p.text.endswith(")"):
            continue  # (Đã ký), (ký, đóng dấu)
    if recipients is not None:
        ending.recipients = [c for c in (clean_item(r) for r in recipients) if c]
    if titles and name:
        signer: dict = {}
        if len(titles) > 1:
            signer["authority"] = " ".join(titles[:-1])
        signer["title"] = titles[-1]
        signer["name"] = name
        ending.signer = signer
    elif titles:
        ending.notes.append("Văn bản có chức vụ người ký nhưng chưa có tên người ký: chưa ghi `signer`.")
    return ending
