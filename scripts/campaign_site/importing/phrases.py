"""Themes, slogans and messages: quoted in a `Chủ đề và khẩu hiệu` section, or quoted in running text
after the words `chủ đề`, `khẩu hiệu`, `thông điệp`; matched to the year's phrases by their text, or
added as new phrases of the year. A new phrase is written unmarked only when the document's structure
pins it (quoted, or a short line, under a heading of its one kind); one read from running text, from a
whole sentence or from under a heading naming several subjects is marked, its words in a note. Which observance a phrase belongs to comes from its label
(`Ngày Sở hữu trí tuệ thế giới (26/4): “…”`), its own words, or the sentence around it."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.core.slugs import ascii_slug
from campaign_site.data.domain import ALL_PHRASE_KINDS
from campaign_site.data.model import Observance
from campaign_site.data.placeholders import review
from campaign_site.importing.vn import key, phrase_key, squash

KINDS = {"theme": "chủ đề", "slogan": "khẩu hiệu", "message": "thông điệp"}
KIND_WORDS = re.compile(r"chủ đề|khẩu hiệu|thông điệp", re.IGNORECASE)
QUOTED = re.compile(r"“([^“”]{3,400})”|\"([^\"]{3,400})\"")
_CLAUSE_END = re.compile(r"[;.]\s")
_INTRODUCED = re.compile(r"(?:chủ đề|khẩu hiệu|thông điệp)(?:\s+năm\s+\d{4})?\s*(?:là|:)?\s*$", re.IGNORECASE)
"""The kind word just before a quoted phrase, which names it."""
SIMILAR = 0.9
"""Texts this close to a phrase of the year are that phrase misprinted (`Sản sàng` for `Sẵn sàng`)."""


@dataclass(frozen=True)
class Known:
    id: str
    kind: str
    text: str
    observance: str


def known_from(year_phrases: Mapping[str, Any]) -> list[Known]:
    """The year's phrases from `Campaign.phrases()` (PhraseEntry) or `(kind, text, observance id)` tuples."""
    out = []
    for phrase_id, entry in year_phrases.items():
        if isinstance(entry, tuple):
            kind, text, observance = entry
        else:
            kind, text, observance = entry.kind, entry.phrase.text, entry.observance.id
        out.append(Known(phrase_id, kind, text, observance))
    return out


def kind_of(text: str) -> str | None:
    """The kind a heading or label names, if it names exactly one."""
    kinds = {k for k, word in KINDS.items() if word in key(text)}
    return kinds.pop() if len(kinds) == 1 else None


def quotes(text: str) -> list[re.Match[str]]:
    return list(QUOTED.finditer(text))


def inner(m: re.Match[str]) -> str:
    return (m[1] or m[2]).strip()


def observance_mentions(text: str, observances: Mapping[str, Observance]) -> list[str]:
    """Ids of the observances `text` names, by name or by day (`26/4`, not `26/4/2026`), in order."""
    folded = key(text)
    hits: list[tuple[int, str]] = []
    for obs in observances.values():
        names = {key(obs.name)}
        if obs.documents_name:
            names.add(key(obs.documents_name))
        for name in names:
            if (at := folded.find(name)) >= 0:
                hits.append((at, obs.id))
        if m := re.search(rf"(?<![\d/]){obs.day}\s*/\s*0?{obs.month}(?![\d/])", folded):
            hits.append((m.start(), obs.id))
    out: list[str] = []
    for _, obs_id in sorted(hits):
        if obs_id not in out:
            out.append(obs_id)
    return out


@dataclass
class Candidate:
    text: str
    kind: str | None
    observance: str | None
    from_section: bool
    certain: bool = True
    """Pinned by the document's structure (a quoted phrase or a short line under a heading of one kind)."""
    source: str | None = None
    """The words it was read from, quoted in the note when it is not certain."""


_UNQUOTED_AFTER_KIND = re.compile(r"(?P<k>khẩu hiệu|thông điệp|chủ đề)(?:\s+năm\s+\d{4})?\s*:\s*"
                                  r"(?P<p>[^“”\":;]{3,200}?)\s*\.?\s*$", re.IGNORECASE)
"""An item ending `… với khẩu hiệu: Nhiệt liệt hưởng ứng …`: the unquoted words after the kind word and its colon, to
the item's end, are the phrase the item names; read, marked."""
_CLAUSES = re.compile(r"[,;]\s|[.;!?]\s+\S")


def phrase_like(text: str) -> bool:
    """Whether an unquoted line reads as a theme or slogan rather than a sentence: at most 25 words, not
    clauses ended by a stop (`Các đơn vị căn cứ …, lựa chọn …, bảo đảm ….`), not introducing a list (`…:`)."""
    stripped = text.strip()
    words = [w for w in stripped.split() if any(c.isalnum() for c in w)]  # `-` between parts is no word
    return len(words) <= 25 and not stripped.endswith(":") \
        and not (stripped.endswith((".", ";")) and _CLAUSES.search(stripped))


@dataclass
class Result:
    ids: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in ALL_PHRASE_KINDS})
    new: list[tuple[str, str, dict]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def slogan_like(text: str) -> bool:
    """Banners' slogans greet the day: `Nhiệt liệt chào mừng …`, `Chào mừng …`."""
    return bool(re.match(r"^(?:nhiệt liệt )?chào mừng\b", key(text)))


def in_running_text(text: str, observances: Mapping[str, Observance]) -> list[Candidate]:
    """Quoted phrases that a clause introduces as `chủ đề`, `khẩu hiệu`, `thông điệp` (`… gồm: “A”, “B”`), or with
    none quoted the unquoted words ending the text after `khẩu hiệu:`. The clause runs back from the quote to the
    last `;` or `.` outside quotes; linear in the text."""
    out = []
    masked = QUOTED.sub(lambda q: "“" + "x" * (len(q[0]) - 2) + "”", text)  # earlier quotes neither split nor name
    stops = [m.end() for m in _CLAUSE_END.finditer(masked)]
    for m in quotes(text):
        at = m.start()
        start = stops[bisect.bisect_right(stops, at) - 1] if stops and stops[0] <= at else 0
        if at and masked[at - 1] in ";.":
            start = at
        clause = masked[max(start, at - 400):at]
        words = KIND_WORDS.findall(clause)
        if not words:
            continue
        kinds = {k for k, w in KINDS.items() if any(key(x) == w for x in words)}
        if introducing := _INTRODUCED.search(clause):  # `… chủ đề năm nay và thông điệp “…”`: the word before it
            kinds = {k for k in [kind_of(introducing[0])] if k}
        kind = kinds.pop() if len(kinds) == 1 else None
        named = observance_mentions(clause, observances)
        out.append(Candidate(inner(m), kind, named[-1] if named else None, False, certain=False,
                             source=text[max(start, at - 400):m.end()]))
    if not out and (after := _UNQUOTED_AFTER_KIND.search(text)) and phrase_like(after["p"]) and after["p"][:1].isupper():
        named = observance_mentions(after["p"], observances)
        out.append(Candidate(after["p"].strip(), kind_of(after["k"]), named[0] if named else None, False, certain=False,
                             source=text))
    return out


def resolve(candidates: list[Candidate], known: list[Known], observances: Mapping[str, Observance],
            plan_observances: list[str]) -> Result:
    """Each candidate as an id of the year's phrases, or a new phrase; each phrase once."""
    result = Result()
    by_key = {phrase_key(k.text): k for k in known}
    taken: set[str] = set()
    new_keys: dict[str, str] = {}
    used_ids = {k.id for k in known}
    for cand in candidates:
        ck = phrase_key(cand.text)
        if not ck:
            continue
        if ck in new_keys:
            continue
        if ck in by_key:  # a phrase of the year, wherever it is printed: the registry says what it is
            hit = by_key[ck]
            if hit.id not in taken:
                taken.add(hit.id)
                result.ids[hit.kind].append(hit.id)
            continue
        if not cand.certain:
            result.notes.append(plain("import.phrase_from_sentence", text=cand.text, source=squash(cand.source or cand.text)))
        close = _closest(ck, [*by_key, *new_keys])
        if close is not None:
            close_id = by_key[close].id if close in by_key else new_keys[close]
            if close_id not in taken:
                kind = by_key[close].kind if close in by_key else cand.kind or "theme"
                taken.add(close_id)
                result.ids[kind].append(review(close_id))
            result.notes.append(plain("import.phrase_close", text=cand.text, id=close_id))
            continue
        if cand.kind is None:
            kind, kind_certain = ("slogan" if slogan_like(cand.text) else "theme"), False
        else:
            kind, kind_certain = cand.kind, cand.certain
        observance = cand.observance or next(iter(observance_mentions(cand.text, observances)), None)
        if observance is None:
            observance = plan_observances[0] if plan_observances else next(iter(observances), "")
            result.notes.append(plain("import.phrase_observance_guessed", text=cand.text, observance=observance))
        phrase_id = _new_id(cand.text, used_ids)
        used_ids.add(phrase_id)
        new_keys[ck] = phrase_id
        taken.add(phrase_id)
        result.new.append((observance, kind, {"id": phrase_id, "text": cand.text}))
        result.ids[kind].append(phrase_id if kind_certain else review(phrase_id))
        if cand.kind is None:
            result.notes.append(plain("import.phrase_kind_guessed", text=cand.text, kind=KINDS[kind]))
    return result


def _closest(wanted: str, keys: list[str]) -> str | None:
    best, score = None, 0.0
    for k in keys:
        ratio = difflib.SequenceMatcher(None, wanted, k).ratio()
        if ratio > score:
            best, score = k, ratio
    return best if score >= SIMILAR else None


def _new_id(text: str, used: set[str]) -> str:
    words = ascii_slug(text).split("-")
    base = "-".join(words[:8]) or "cau-moi"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
