"""From the text of a dispatch or plan to a draft plan: `extract(text, registry, observances, year_phrases)`.

The text is read as paragraphs (`text`), then the header (`header`), the closing and signature
(`signature`), and the sections between them (`sections`). The legal basis is the documents cited in
the opening `Thực hiện …`/`Căn cứ …` paragraphs (`basis`); themes and slogans are matched to the
year's phrases by their text (`phrases`); dates and deadlines come from `deadlines`.

Nothing is guessed. A field the document does not hold is left out. A value read but not certain
(an issuer's name completed from the place, a province inferred from the documents cited, a phrase
whose kind the document does not say) is written `CẦN KIỂM TRA: …`; a required value the document does
not give is `CẦN ĐIỀN: …`. Both block the build until staff have dealt with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from campaign_site.core.catalogue import plain
from campaign_site.data.domain import PHRASE_LISTS
from campaign_site.data.model import LegalDocument, Observance
from campaign_site.data.placeholders import MARKER, REVIEW_PREFIX, is_marked, review, to_fill, without_review
from campaign_site.importing import basis, deadlines, header, issuer, names, phrases, sections, signature
from campaign_site.importing.text import Para, paragraphs, sentences
from campaign_site.importing.vn import capitalize, squash

_BASIS_OPENING = re.compile(r"^(?:Thực hiện|Căn cứ|Triển khai|Theo|Xét)\b")
"""How the paragraph citing the basis opens; `Xét đề nghị … tại Tờ trình số …` answers the document it names."""
_AS_FOLLOWS = re.compile(r"[\s,;]*(?:(?:cụ thể|chi tiết)\s+)?(?:như sau|sau đây)\s*:\s*$", re.IGNORECASE)
"""`…, cụ thể như sau:` ending an opening paragraph: it introduces the sections, which are not in its text."""
_PURPOSE_OPENING = re.compile(r"^(?:nhằm|hưởng ứng|để|với mục đích|mục đích)\b", re.IGNORECASE)
_BASIS_START = re.compile(r"^Căn cứ\b")
_TIME_WORDS = re.compile(r"thời gian|hoạt động[^.;]{0,40}?(?:tổ chức|diễn ra|triển khai)\s+(?:trong|từ)", re.IGNORECASE)
"""A sentence saying when things happen: `thời gian …`, `các hoạt động (được) tổ chức trong tháng 4`."""
_LINKING = re.compile(r"kết nối|hướng tới|hướng đến|gắn với|phối hợp với các hoạt động", re.IGNORECASE)
_LINK_MODALITIES = (("may", re.compile(r"\bcó thể\b", re.IGNORECASE)),
                    ("encouraged", re.compile(r"\bkhuyến khích\b", re.IGNORECASE)),
                    ("requested", re.compile(r"\bđề nghị\b", re.IGNORECASE)))
"""The words that make a link a possibility, an encouragement or a request rather than a task (`linked_modality`)."""
_UNITS_CHOOSE = re.compile(r"(?:tự|chủ động)\s+(?:lựa\s+)?(?:chọn|xây dựng)[^.;]{0,60}?(?:chủ đề|khẩu hiệu|thông điệp)"
                           r"(?:\s*(?:,|và|hoặc)\s*(?:các\s+)?(?:chủ đề|khẩu hiệu|thông điệp))*", re.IGNORECASE)
_PLAN_ORDER = (
    "issuer", "place", "document", "addressees", "legal_basis", "references", "observances", "linked_observances",
    "linked_modality", "themes", "slogans", "messages", "units_choose", "context", "purposes", "requirements", "content", "forms",
    "window", "report_deadlines", "responsibilities", "closing", "recipients", "signer",
)



@dataclass(frozen=True)
class Draft:
    """A draft plan and what it needs added to the registries."""

    plan: dict
    """YAML-ready, keys in the order and under the names of the plan files."""
    year: int | None
    plan_id: str | None
    new_documents: list[dict]
    """Cited documents documents.yaml lacks, as its entries."""
    new_phrases: list[tuple[str, str, dict]]
    """(observance id, theme|slogan|message, {id, text}) the year's campaign.yaml lacks."""
    notes: list[str]
    """What staff should check, in Vietnamese."""


def document_year(text: str) -> int | None:
    """The year of the signing date in the header, to pick the year's phrases before `extract`."""
    return header.parse(paragraphs(text)).year


def extract(text: str, registry: Mapping[str, LegalDocument], observances: Mapping[str, Observance],
            year_phrases: Mapping[str, Any], default_year: int | None = None) -> Draft:
    """The draft plan that the document's text holds."""
    return _Extraction(text, registry, observances, year_phrases, default_year).run()


class _Extraction:
    def __init__(self, text: str, registry: Mapping[str, LegalDocument], observances: Mapping[str, Observance],
                 year_phrases: Mapping[str, Any], default_year: int | None) -> None:
        self.registry = registry
        self.observances = observances
        self.known = phrases.known_from(year_phrases)
        self.paras = signature.split_closing(paragraphs(text))
        self.body_text = "\n".join(p.full for p in self.paras)
        self.notes: list[str] = []
        self.new_documents: dict[str, dict] = {}
        self.header = header.parse(self.paras)
        self.year = self.header.year or default_year
        if self.header.year is None:
            self.notes.append(plain("import.no_year_default", year=default_year) if default_year else plain("import.no_signing_year"))

    def run(self) -> Draft:
        tail_at = signature.tail_start(self.paras, self.header.end)
        closing_at = signature.closing_start(self.paras, self.header.end, tail_at)
        self.ending = signature.parse(self.paras, closing_at, tail_at)
        self.notes += self.ending.notes
        self.sections = sections.walk(self.paras[self.header.end:closing_at], self.observances)
        plan: dict[str, Any] = {}
        self._intro()
        plan["issuer"] = who = self._issuer()
        if self.header.place:
            plan["place"] = self._place(who)
        plan["document"] = self._document(plan.get("place"))
        plan["addressees"] = self.header.addressees
        plan["legal_basis"] = self.legal_basis
        plan["references"] = self._references()
        plan["observances"], plan["linked_observances"], plan["linked_modality"] = self._observances()
        found = self._phrases(plan["observances"])
        for kind, name in PHRASE_LISTS.items():
            plan[name] = found.ids[kind]
        plan["units_choose"] = self._units_choose(plan)
        plan["context"] = self.context
        plan["purposes"] = self.sections.purposes or self.intro_purposes
        plan["requirements"] = self.sections.requirements
        plan["content"] = self._content()
        plan["forms"] = self.sections.forms
        window = self._window()
        if window:
            plan["window"] = window
        plan["report_deadlines"] = self._deadlines(issuer.own_names(who))
        plan["responsibilities"] = self._responsibilities()
        if self.ending.closing:
            plan["closing"] = self._closing(self.ending.closing, closing_at)
        if self.ending.recipients:
            plan["recipients"] = self.ending.recipients
        if self.ending.signer:
            plan["signer"] = self.ending.signer
        for text in self.sections.dangling:
            self.notes.append(plain("import.dangling", text=squash(without_review(text))))
        for title, items in self.sections.other:
            if items:
                self.notes.append(plain("import.unknown_section", title=title, count=len(items)))
        ordered = {k: plan[k] for k in _PLAN_ORDER if k in plan and plan[k] not in ([], None, {})}
        short = issuer.id_name(who)
        plan_id = names.slug(without_review(short)) if short and MARKER not in short else None
        return Draft(ordered, self.year, plan_id or None, list(self.new_documents.values()), found.new,
                     self.notes + found.notes)

    # --- the opening paragraphs: context, legal basis, purpose ------------------------------------

    def _intro(self) -> None:
        intro = self.sections.intro
        basis_at = [i for i, p in enumerate(intro) if _BASIS_OPENING.match(p.text) and basis.citations(p.text)]
        self.basis_paras: list[Para] = [intro[i] for i in basis_at]
        self.context: list[str] = []
        self.intro_purposes: list[str] = []
        self.legal_basis: list[str] = []
        # The context is the plain opening before the basis; without one, before the first numbered item (what a
        # dispatch without sections asks is never its context).
        first = basis_at[0] if basis_at else next((i for i, p in enumerate(intro) if p.kind != "plain"), len(intro))
        # Where a flagged paragraph ends is uncertain; one citing a document (`Sở … nhận được Công văn số …`) answers
        # it, in words no basis rule reads; a header's part (`Số: …`, `V/v …`) is a header read in part: all marked.
        self.context = [review(t) if p.doubtful or basis.citations(p.text) or header.part_of_header(p.full) else t
                        for p in intro[:first] if not self._uncited_basis(p) and (t := _AS_FOLLOWS.sub("", p.text))]
        after: list[tuple[str, Para, bool]] = []
        for i, p in enumerate(intro[first:], start=first):
            if self._uncited_basis(p):
                continue
            if i in basis_at:
                cited = basis.citations(p.text)
                for citation in cited:
                    self._add_id(self.legal_basis, citation)
                after.append((p.text[cited[-1].end:], p, True))
            else:
                after.append((p.text, p, False))
        self.intro_items: list[str] = []
        labelled_units = 0
        for text, para, continues in after:
            text = _AS_FOLLOWS.sub("", re.sub(r"^[\s,.;:]+", "", text))
            if not text:
                continue
            actor = next((m for m in basis.ACTOR.finditer(text) if m.start("actor") > 0), None)
            first_actor = next(iter(basis.ACTOR.finditer(text)), None)
            if _PURPOSE_OPENING.match(text) and self.sections.purposes:
                # The purposes are listed below: the sentence as the context; after a citation, the rest of the
                # citing sentence, which is a cut of it: marked.
                self.context.append(review(_whole(text)) if continues else _whole(text))
            elif _PURPOSE_OPENING.match(text) and not continues and actor:
                # `Nhằm …, Sở … đề nghị …:` opening a paragraph of its own, no purposes section: staff keep either the
                # sentence as the context or its first clause as the purpose; the document does not say: both, marked.
                self.context.append(review(_whole(text)))
                self.intro_purposes.append(review(capitalize(text[:actor.start()].strip().rstrip(" ,;"))))
            elif _PURPOSE_OPENING.match(text):
                # `Thực hiện …; nhằm …, Sở … đề nghị`: the purpose the basis sentence goes on to give, cut where a
                # body and its verb begin (or read from a sentence by its first word): marked.
                purpose = text[:actor.start()] if actor else text
                self.intro_purposes.append(review(capitalize(purpose.strip().rstrip(" ,;"))))
            elif para.kind != "plain" and not continues and (labelled := sections.unit_label(text)):
                # `1. Phòng …: task`, an item of a dispatch whose whole lead names a body: that body's task, pinned
                # (unless where the paragraph ends is uncertain: a PDF line run on).
                task = review(labelled[1]) if para.doubtful else labelled[1]
                self.sections.units.insert(labelled_units, sections.Unit(labelled[0], not para.doubtful, [{"text": task}],
                                                                         from_label=True, listed_as=para.kind))
                labelled_units += 1  # before the units of the sections below
            elif para.kind != "plain" and not self.sections.found and (unit := sections.UNIT_ACTOR.match(text)):
                # An item of a dispatch without sections whose subject is a body (`2. Trung tâm … xây dựng tin, bài …`):
                # that body's task; the name read from the sentence and the task, marked.
                self.sections.units.append(sections.Unit(unit["u"].strip(), False, [{"text": review(squash(text))}]))
            elif first_actor and first_actor.start("actor") == 0:
                continue  # `Sở … trân trọng đề nghị …, cụ thể như sau:` introduces the sections
            elif para.kind != "plain" or not self.sections.found:
                # Items of a dispatch without numbered sections: what it asks for, not its context.
                self.intro_items.append(review(squash(text)))
            else:
                self.context.append(review(squash(text)))
                self.notes.append(plain("import.intro_as_context"))
        if self.intro_items:
            self.notes.append(plain("import.intro_as_content", count=len(self.intro_items)))

    def _uncited_basis(self, p: Para) -> bool:
        """`Căn cứ Luật … ngày …;` names a document without its number: noted, not guessed."""
        if _BASIS_START.match(p.text) and not basis.citations(p.text):
            self.notes.append(plain("import.basis_without_number", text=p.text))
            return True
        return False

    def _add_id(self, ids: list[str], citation: basis.Citation) -> None:
        """The citation's id added to `ids` (once), marked when not certain."""
        value = self._cite(citation)
        if without_review(value) not in [without_review(i) for i in ids]:
            ids.append(value)

    def _cite(self, citation: basis.Citation) -> str:
        """The registry's id of a cited document, or the id of a new entry described from the citation
        (with the documents it cites in turn as its `basis`)."""
        resolved = basis.resolve(citation, self.registry, self.year, self.new_documents)
        if resolved.note:
            self.notes.append(resolved.note)
        if resolved.new is not None:
            nested: list[str] = []
            for inner in citation.nested:
                self._add_id(nested, inner)
            if nested and "basis" not in resolved.new:
                resolved.new["basis"] = [without_review(n) for n in nested]
            if not resolved.certain:
                self.notes.append(plain("import.basis_incomplete", number=citation.number_symbol))
        return resolved.id if resolved.certain else review(resolved.id)

    # --- issuer -----------------------------------------------------------------------------------

    def _issuer(self) -> dict:
        cited = " ".join([p.text for p in self.basis_paras] + [self.body_text])
        found, notes = issuer.issuer(self.header, self._actors(), self.body_text, cited)
        self.notes += notes
        return found

    def _actors(self) -> list[str]:
        """Bodies the opening and closing sentences name as their subject (`…, Sở … trân trọng đề nghị`):
        from the legal-basis paragraph on, then the closing, then what comes before the basis."""
        intro = self.sections.intro
        first = intro.index(self.basis_paras[0]) if self.basis_paras else 0
        texts = [p.text for p in intro[first:]] + ([self.ending.closing] if self.ending.closing else [])
        texts += [p.text for p in intro[:first]]
        return [a for t in texts for a in basis.actors(t)]

    # --- document ---------------------------------------------------------------------------------

    def _place(self, who: dict) -> str:
        """The place Decree 30 prints before the date: a province, or the issuer's locality. Another name when the
        issuer's name ends with a district's or commune's, or after a symbol ending in small letters (`UBND-VHXHĐông`
        / `Hà`, words a PDF glued), is marked; a province's body may print its capital (`Quy Nhơn`)."""
        place = self.header.place or ""
        name = without_review(who.get("name", ""))
        own = names.own_locality(name)
        if is_marked(place) or names.province(place) or own and names.same_place(place, own[1]):
            return place
        return review(place) if names.lower_locality(name) or _glued(self.header.symbol) else place

    def _document(self, place: str | None) -> dict:
        """The document's type, number, symbol, date and subject; a symbol ending in small letters before a marked
        place may hold the place's first word (a PDF's glued words): marked too."""
        h = self.header
        doc: dict[str, Any] = {"type": h.type if h.type and h.type_certain else review(h.type) if h.type
                               else to_fill(plain("staff.new_plan_type"))}
        if h.type and not h.type_certain:
            self.notes.append(plain("import.type_assumed"))
        if h.number:
            doc["number"] = h.number
        if h.symbol:
            doc["symbol"] = review(h.symbol) if place is not None and is_marked(place) and _glued(h.symbol) else h.symbol
        if h.date:
            doc["date"] = h.date
        doc["subject"] = squash(h.subject) if h.subject else to_fill(plain("staff.new_subject"))
        return doc

    # --- what the body cites ------------------------------------------------------------------------

    def _body_texts(self) -> list[str]:
        s = self.sections
        texts = [*s.purposes, *s.requirements, *s.forms, *s.window, *s.reports, *self.context]
        texts += [item for section in s.content for item in section["items"]]
        texts += [t["text"] for unit in s.units for t in unit.tasks]
        texts += [item for _, items in s.other for item in items]
        texts += [p.text for p in s.intro if p not in self.basis_paras]
        if self.ending.closing:
            texts.append(self.ending.closing)
        texts += self.ending.after_closing
        return list(dict.fromkeys(t.removeprefix(REVIEW_PREFIX) for t in texts))

    def _references(self) -> list[str]:
        refs: list[str] = []
        own = f"{self.header.number}/{self.header.symbol}" if self.header.number and self.header.symbol else None
        implemented = {without_review(i) for i in self.legal_basis}
        for text in self._body_texts():
            for citation in basis.citations(text):
                if citation.number_symbol == own:
                    continue
                value = self._cite(citation)
                if without_review(value) not in implemented | {without_review(r) for r in refs}:
                    # Named by its number only (no date), a document may be a mention staff do not list: marked.
                    refs.append(value if citation.date else review(without_review(value)))
        return refs

    def _observances(self) -> tuple[list[str], list[str], str | None]:
        """The observances of the subject, the days the body links the activities to, and how it words that link."""
        subject = self.header.subject or ""
        found = phrases.observance_mentions(subject, self.observances)
        if not found and (days := header.named_days(subject)):
            found = [to_fill(plain("import.observance_not_listed", day=day)) for day in days]  # a day to add first
            self.notes.append(plain("import.observance_to_add", days=", ".join(days)))
        elif not found:
            counts: dict[str, int] = {}
            for text in self._body_texts():
                for obs in phrases.observance_mentions(text, self.observances):
                    counts[obs] = counts.get(obs, 0) + 1
            if counts:
                best = max(counts, key=lambda o: counts[o])
                found = [review(best)]
                self.notes.append(plain("import.observance_guessed"))
            else:
                self.notes.append(plain("import.no_observance"))
        linked: list[str] = []
        linking: list[str] = []
        for text in self._body_texts():
            for sentence in re.split(r"(?<=[.;])\s+", text):
                if not _LINKING.search(sentence):
                    continue
                for obs in phrases.observance_mentions(sentence, self.observances):
                    if obs not in found and review(obs) not in linked:
                        linked.append(review(obs))
                        linking.append(sentence)
        if not linked:
            return found, linked, None
        self.notes.append(plain("import.linked"))
        modality = next((name for name, words in _LINK_MODALITIES if any(words.search(s) for s in linking)), None)
        if modality is None:
            self.notes.append(plain("import.linked_modality"))
        return found, linked, review(modality) if modality else None

    def _phrases(self, plan_observances: list[str]) -> phrases.Result:
        candidates = list(self.sections.phrases)
        for text in self._body_texts():
            candidates += phrases.in_running_text(text, self.observances)
        plain_observances = [without_review(o) for o in plan_observances]
        return phrases.resolve(candidates, self.known, self.observances, plain_observances)

    def _units_choose(self, plan: dict) -> list[str]:
        """Kinds of phrase the document leaves to each unit (`các đơn vị chủ động lựa chọn chủ đề, khẩu
        hiệu`), when it sets none of that kind itself."""
        given = {kind: plan[name] for kind, name in PHRASE_LISTS.items()}
        kinds = {word: kind for kind, word in phrases.KINDS.items()}
        chosen: list[str] = []
        for text in self._body_texts():
            for m in _UNITS_CHOOSE.finditer(text):
                for word in phrases.KIND_WORDS.findall(m[0]):
                    kind = kinds[word.lower()]
                    if not given[kind] and review(kind) not in chosen:
                        chosen.append(review(kind))
        if chosen:
            self.notes.append(plain("import.units_choose"))
        return chosen

    # --- sections ---------------------------------------------------------------------------------

    def _content(self) -> list[Any]:
        out: list[Any] = list(self.intro_items)
        for section in self.sections.content:
            if section.get("heading"):
                out.append({"heading": section["heading"], "items": section["items"]})
            elif any(s.get("heading") for s in self.sections.content):
                out.append({"items": section["items"]})
            else:
                out += section["items"]
        if self.sections.aims_unsplit:
            self.notes.append(plain("import.purpose_mixed"))
        return [item for item in out if item]

    def _window(self) -> dict | None:
        """The window a `Thời gian` section pins; else the first read from a sentence (one with a date range
        under a heading naming several subjects or a phrase heading, else one speaking of `thời gian`), marked."""
        window, notes = deadlines.window(self.sections.window, self.year)
        self.notes += notes
        if window is not None or "window" in self.sections.found:
            if window is None:
                self.notes.append(plain("import.window_unreadable"))
            return window
        read = self.sections.window_read or [s for t in self._body_texts() for s in sentences(t) if _TIME_WORDS.search(s)]
        for text in read:
            window, notes = deadlines.window([text], self.year)
            if window:
                self.notes += notes
                self.notes.append(plain("import.window_from_sentence", text=squash(text)))
                return _marked(window)
        return None

    def _deadlines(self, own: frozenset[str]) -> list[dict]:
        """Report deadlines wherever the body sets them: a unit's task (the unit reports), the closing, a
        report section or any other paragraph; not the activity window. `own`: the issuer's names (a recipient)."""
        found: list[deadlines.Deadline] = []
        tasks = set()
        signed = issuer.signed_on(self.header.date)
        for unit in self.sections.units:
            for task in unit.tasks:
                tasks.add(task["text"])
                read = deadlines.find(task["text"], unit.name, self.year, signed, own)
                if task["text"].startswith(REVIEW_PREFIX) or not unit.certain or unit.asked:  # who reports: to check
                    read = [replace(d, reporter=d.reporter if MARKER in d.reporter else review(d.reporter)) for d in read]
                found += read
        window = set(self.sections.window)
        for text in self._body_texts():
            if text not in tasks and text not in window:
                found += deadlines.find(text, None, self.year, signed, own)
        out: list[dict] = []
        seen = set()
        for d in found:
            if (d.date, d.rule, d.recipient) in seen:
                continue
            seen.add((d.date, d.rule, d.recipient))
            if MARKER in d.reporter or MARKER in d.recipient:
                self.notes.append(plain("import.deadline_unclear", date=d.date))
            out.append(deadlines.as_data(d))
        return out

    def _closing(self, closing: str, at: int) -> str | list[str]:
        """The closing paragraphs; a request for reports just after the last list item and before the closing
        words, which some staff keep as the closing's first paragraph and others only as the deadline, marked."""
        texts = [closing, *self.ending.after_closing]
        last = at + len(texts) - 1
        texts = [review(t) if i < last and signature.asks_for_reports(self.paras, i, self.header.end) else t
                 for i, t in enumerate(texts, start=at)]
        return texts if len(texts) > 1 else texts[0]

    def _responsibilities(self) -> list[dict]:
        out = []
        for unit in self.sections.units:
            if not unit.tasks:
                continue
            name = unit.name if unit.certain and not unit.asked else review(unit.name) if unit.name \
                else to_fill(plain("import.hint_unit"))
            tasks = [t["text"] if not t.get("performers") else {"text": t["text"], "performers": t["performers"]}
                     for t in unit.tasks]
            out.append({"unit": name, "tasks": tasks})
        return out


def _glued(symbol: str | None) -> bool:
    """Whether a symbol ends in a word's small letters (`UBND-VHXHĐông`): a code ends in capitals or a short `Ng`."""
    return bool(symbol and re.search(r"[^\W\d_]{2}$", symbol) and not symbol[-2:].isupper())


def _whole(text: str) -> str:
    """An opening sentence as a sentence of its own: capitalised, ending with a stop (or the colon of `… một số
    nội dung sau:`, which introduces what follows)."""
    text = capitalize(squash(text).rstrip(" ,;"))
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def _marked(value: Any) -> Any:
    """Every text of a value read by a weak rule, marked for checking."""
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    return review(value) if isinstance(value, str) else value
