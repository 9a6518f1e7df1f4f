"""The body's numbered sections, each given to the plan field its heading names: `Mục đích`, `Yêu cầu`,
`Chủ đề và khẩu hiệu`, `Nội dung`, `Hình thức`, `Thời gian`, `Tổ chức thực hiện`, `Chế độ báo cáo`.

Headings are numbered (`I.`, `1.`, `1.1.`, `a)`, `*`), in capitals or in bold, short and without a
final stop (or a label ending in `:` with its text after it). Under `Nội dung` a deeper heading opens a
subsection; under `Tổ chức thực hiện` it names a unit, as does a bullet `- Unit: task`.

Only a heading that names one subject pins what is under it. Under a heading naming several
(`Chủ đề và thời gian tổ chức`, `Nội dung, hình thức`, `Thời gian, địa điểm`) each sentence goes where
what it says puts it (a date range to the window, a quoted phrase to the phrases, the rest to the first
list the heading names, an activity under `Nội dung, hình thức` to the forms), and everything reached
that way is marked for checking with its words. A deeper heading naming one subject pins again. Under
`Mục đích, yêu cầu` without subheadings the items are purposes until one says how the work is done (a
requirement, as are those after it), all marked.

A table of tasks (`tables`) pins by its columns: a row's lead cell is its unit, its task cell the task (with
no lead column, an activity of the content); what follows the table up to the next heading no column pins,
so it is marked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from campaign_site.data.model import Observance
from campaign_site.data.placeholders import REVIEW_PREFIX, review
from campaign_site.importing import dates, tables
from campaign_site.importing.phrases import Candidate, kind_of, observance_mentions, phrase_like, quotes
from campaign_site.importing.phrases import inner as quoted_text
from campaign_site.importing.text import Para, ends_phrase, ends_sentence, sentences
from campaign_site.importing.vn import capitalize, key

_KINDS = [
    ("window", ("thời gian",)),
    ("purposes", ("mục đích",)),
    ("targets", ("mục tiêu",)),
    ("requirements", ("yêu cầu",)),
    ("phrases", ("chủ đề", "khẩu hiệu", "thông điệp")),
    ("forms", ("hình thức",)),
    ("responsibilities", ("tổ chức thực hiện", "trách nhiệm", "phân công")),
    ("reports", ("chế độ báo cáo", "báo cáo kết quả")),
    ("budget", ("kinh phí",)),
    ("content", ("nội dung", "hoạt động", "nhiệm vụ")),
]
_LISTS = ("aims", "purposes", "targets", "requirements", "content", "forms", "responsibilities", "reports", "budget")
"""Sections whose items are a list of texts: where the rest of a section naming several subjects goes. A plan
has no field for `Mục tiêu` (targets, often figures to reach): its items are purposes, each marked."""
_OTHER_SUBJECTS = ("địa điểm", "đối tượng", "phạm vi", "quy mô", "thành phần")
"""Subjects a heading may name beside a plan field's (`Thời gian, địa điểm`): none is read, but each makes
the heading name more than one thing."""
_MANNER = re.compile(r"\b(?:phải|bảo đảm|đảm bảo|tránh|thiết thực|tiết kiệm|gọn nhẹ|tuân thủ|nghiêm túc|an toàn)\b",
                     re.IGNORECASE)
"""Words saying how the work is to be done: what makes an item under `Mục đích, yêu cầu` a requirement."""
_DOING = re.compile(r"^(?:Treo|Tổ chức|Phát động|Phát|Đăng|Đăng tải|Trưng bày|Lồng ghép|Tuyên truyền (?:trên|qua|trực|miệng)|"
                    r"Gặp mặt|Tọa đàm|Hội thảo|In|Phát hành|Chiếu|Phát sóng|Mở)\b")
"""The verbs opening an item that says what is done (`Treo băng rôn …`, `Tổ chức tọa đàm …`): under `Nội dung,
hình thức` such an item is a form, one naming what is told (`Lịch sử, ý nghĩa …`) content."""
_COORDINATED = re.compile(r"\s*(?:[,;&]|\bvà\b|\bhoặc\b)\s*")
_ASIDE = re.compile(r"^\([^()]*\)\.?$")
"""A paragraph wholly in brackets (`(Chi tiết tại Phụ lục kèm theo)`): a note on the list, not one of its items; marked."""
_LABEL = re.compile(r"^(?P<t>[^:“”\"]{2,80}):\s*(?P<r>.*)$")
_PERFORMERS = re.compile(r"^(?:Thực hiện|Đơn vị thực hiện|Chủ trì|Đơn vị chủ trì|Phối hợp|Đơn vị phối hợp)\s*:\s*(?P<p>.+)$")
_UNIT_LABEL = re.compile(r"^(?P<u>[^:;.“”\"]{2,120}):\s*(?P<t>\S.*)$")
_LOOSE_LABEL = re.compile(r"^(?P<u>[^:.“”\"]{2,160}):\s*(?P<t>\S.*)$")
"""A lead that may join several bodies with `;` (`Các trường đại học; Hiệp hội Doanh nghiệp tỉnh: …`)."""
_TASK_VERBS = (r"chủ trì|phối hợp|có trách nhiệm|tham mưu|triển khai|tổ chức|thực hiện|bảo đảm|đảm bảo|xây dựng|"
               r"hướng dẫn|chỉ đạo|tuyên truyền|treo|tăng cường|theo dõi|báo cáo|tổng hợp|chủ động|phát động|đăng tải|gửi")
"""What a unit does, as the verb after its name (`Sở Y tế chủ trì …`)."""
_BODY_KINDS = r"(?:Sở|Phòng|UBND|Ủy ban|Uỷ ban|Trung tâm|Văn phòng|Công an|Ban|Đài|Báo(?!\s+cáo)|Các)"
"""The words a body's name (or a group of bodies, `Các trường học`) opens with."""
_BODY_LEAD = re.compile(rf"^{_BODY_KINDS}\b")
UNIT_ACTOR = re.compile(
    rf"^(?P<u>(?:{_BODY_KINDS}|Đề nghị)\b"
    rf"(?!\s+(?:{_TASK_VERBS})\b)[^,;:.]{{2,80}}?"
    r"(?:,\s[^\W\d_][^,;:.\s]*(?:\s[^,;:.\s]+){0,4}?){0,2})\s+"
    rf"(?:{_TASK_VERBS})\b"
)
LEADING_VERB = re.compile(rf"^(?:{_TASK_VERBS})\b", re.IGNORECASE)
"""A task opening with what is done: its subject is the unit it is listed under."""
_UNIT_WORDS = 25
"""The longest unit name read from a heading or a label (`Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức
chính trị - xã hội tỉnh` has 19 words)."""
_ASKED = re.compile(r"^(?:Kính\s+)?[ĐđÐ]ề\s+nghị\s+(?=\S)")
"""`Đề nghị Ủy ban Mặt trận …: …` asks a body the issuer does not direct: the body is named after the request."""


def classify(title: str) -> str | None:
    """The plan field a heading names; `aims` for `Mục đích, yêu cầu` together."""
    folded = key(title)
    if "mục đích" in folded and "yêu cầu" in folded:
        return "aims"
    hits = [(folded.find(w), kind) for kind, words in _KINDS for w in words if w in folded]
    return min(hits)[1] if hits else None


def subjects(title: str) -> list[str]:
    """What a heading names, in order: the field each coordinated part names (`Chủ đề và thời gian tổ chức`
    → phrases, window; `Nội dung, hình thức` → content, forms). Themes, slogans and messages are one
    subject, `Mục đích, yêu cầu` is one; a part naming no subject (`các cơ quan, đơn vị`) adds none."""
    if classify(title) == "aims":
        return ["aims"]
    out: list[str] = []
    for part in _COORDINATED.split(key(title)):
        subject = classify(part) or ("other" if part.startswith(_OTHER_SUBJECTS) else None)
        if subject and subject not in out:
            out.append(subject)
    return out


def heading(p: Para) -> tuple[str, str] | None:
    """(title, text after `:`) when the paragraph is a heading."""
    text = p.text
    if p.kind == "plain" and (m := _LABEL.match(text)) and len(m["t"].split()) <= 6 and classify(m["t"]) \
            and m["r"] and not p.bold:
        return m["t"].strip(), m["r"].strip()  # `Thời gian thực hiện: từ ngày …` without a number
    if not (p.kind in ("roman", "number", "letter") or p.marker == "*" or p.bold or p.caps):
        return None
    if (m := _LABEL.match(text)) and (classify(m["t"]) or not m["r"]) and _title_like(m["t"]):
        return m["t"].strip(), m["r"].strip()
    if m and m["r"] and not p.caps:
        return None  # `a) Sở Y tế: chủ trì …`: a label naming no section, with its text: an item, whatever its end
    if not ends_sentence(text) and len(text.split()) <= 16:
        return text.strip(), ""
    return None


def _title_like(text: str) -> bool:
    """A heading's title is short, one phrase, and names its subject first (`Chủ đề và khẩu hiệu`, `Tuyên truyền
    chủ đề năm 2026`): `2. Treo băng rôn tại trụ sở với các khẩu hiệu sau:` is an item introducing a list."""
    folded = key(text)
    at = [len(folded[:folded.find(w)].split()) for _, words in _KINDS for w in words if w in folded]
    return len(text.split()) <= 16 and not re.search(r"[.;!?]\s", text) and (not at or min(at) <= 2)


def depth(p: Para) -> int:
    return 5 if p.marker == "*" else p.depth


@dataclass
class Unit:
    name: str
    certain: bool = True
    tasks: list[dict] = field(default_factory=list)
    from_label: bool = False
    from_table: bool = False
    listed_as: str = "plain"
    """How the paragraph naming the unit is listed (`Para.kind`): a `Unit: task` item of a list pins only what
    is listed with or under it."""
    item: Para | None = None
    """The `Unit: task` list item that named the unit: the next item at its level is not the unit's."""
    asked: bool = False
    """Named after a request (`Đề nghị Hội …`): the name is marked, what is listed under it is still its own."""


@dataclass
class Sections:
    intro: list[Para] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    content: list[dict] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    window: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    phrases: list[Candidate] = field(default_factory=list)
    window_read: list[str] = field(default_factory=list)
    """Sentences with a date range that no heading of one subject pins (under `Chủ đề và thời gian`, under a
    theme heading): the window, if any, is read from them and marked."""
    reports: list[str] = field(default_factory=list)
    other: list[tuple[str, list[str]]] = field(default_factory=list)
    aims_unsplit: bool = False
    """Whether items under `Mục đích, yêu cầu` itself were placed by their words (see `_MANNER`), marked."""
    found: set[str] = field(default_factory=set)
    """Kinds of section the document has."""
    dangling: list[str] = field(default_factory=list)
    """Last items of a list that end on `:` with nothing after them (`… cụ thể như sau:`): left out."""


class _Walker:
    def __init__(self, observances: Mapping[str, Observance]) -> None:
        self.out = Sections()
        self.observances = observances
        self.kind: str | None = None
        self.depth = -1
        self.subsection: dict | None = None
        self.sub_depth: int | None = None
        """Depth of the first heading under the section (a unit, a subsection): deeper ones are items."""
        self.phrase_kind: str | None = None
        self.phrase_observance: str | None = None
        self.mixed: list[str] = []
        """The subjects of the section's heading when it names several (see `split`)."""
        self.introduced: tuple[str, Para, str] | None = None
        """(kind, item, its text) of a list item ending `… các khẩu hiệu sau:`, over the items listed under it."""
        self.last_phrase_at = -2
        """Index of the paragraph the last unquoted phrase was read from."""
        self.introducing: set[str] = set()
        """Texts of items that introduced phrases: ending on `:` they are not fragments."""
        self.manner = False
        """Whether an item under `Mục đích, yêu cầu` has said how the work is done: it and the rest are requirements."""
        self.columns: list[str] | None = None
        """What each column of the task table being read holds (see `tables`)."""
        self.after_table = False
        """A task table was read in this section."""
        self.flattened = False
        """A task table's header row with its cells run together was met in this section (`tables.flat_header`)."""
        self.listed = False
        """An item of this section (or subsection) was numbered or bulleted: a plain paragraph after it is outside
        the list the heading pins (a note, a heading a PDF lost), so it is marked."""
        self.opened: Para | None = None
        """A list item ending `…:` with nothing read as listed under it yet: until an item below it (or a phrase it
        introduced) shows the nesting, items at its own level may be what it introduces (a Word file's numbering, a
        PDF), so they are marked."""
        self.label_only = False
        """The last paragraph was an unnumbered label (`Khẩu hiệu tuyên truyền: “…”.`) opening no list, outside any
        section: it pins its own line, not the plain paragraphs after it, which are the document's own again."""

    def switch(self, kind: str, p: Para, title: str, named: list[str] | None = None) -> None:
        self.kind, self.depth, self.subsection, self.sub_depth, self.opened = kind, depth(p), None, None, None
        self.mixed, self.manner, self.after_table, self.flattened, self.listed = named or [], False, False, False, False
        self.out.found.add("mixed" if self.mixed else kind)
        self.phrase_kind = kind_of(title) if kind == "phrases" or "phrases" in self.mixed else None
        self.phrase_observance = None
        if kind in ("budget", "other"):
            self.out.other.append((title, []))

    def close(self) -> None:
        """Out of the section: what follows is the document's own (an item of a dispatch without sections)."""
        self.kind, self.depth, self.subsection, self.sub_depth, self.mixed, self.opened = None, -1, None, None, [], None
        self.after_table = self.flattened = False
        self.phrase_kind = self.phrase_observance = None

    def walk(self, paras: list[Para]) -> Sections:
        for p in paras:
            if p.kind in ("table", "row"):
                self.table_row(p)
                continue
            self.columns = None
            if flat := tables.flat_header(p.text):
                self.flattened = True  # a table without its columns: what follows in the section, marked
                if len(flat) == len(key(p.text)):
                    continue
            found = heading(p)
            if (self.flattened or self.after_table) and self.kind == "responsibilities" and not found:
                self.unpinned(p.text)
                continue
            if self.flattened or self.after_table:
                p = replace(p, doubtful=True)  # a table's cell a PDF wrapped onto a line of its own, or a note under it
            label_only, self.label_only, before = self.label_only, False, self.kind
            if found and self.place_heading(p, *found):
                self.after_table, self.opened = False, None  # a heading pins what follows again
                self.label_only = before is None and _label_line(p, found[1])
                continue
            if label_only and p.kind == "plain":
                self.close()
            if self.kind is not None and p.kind in ("roman", "number") and depth(p) <= self.depth:
                self.close()  # `5. …` after `4. Phân công thực hiện` and its units: the document's item, not the section's
            self.item(p, review(p.text) if p.doubtful or _ASIDE.match(p.text) else p.text)
        self.drop_dangling()
        return self.out

    def table_row(self, p: Para) -> None:
        """A task table's header row or one of its rows. With a lead column each row is its lead unit's task,
        partners kept; without one, an activity of the content section. A lead cell that may name several
        bodies is marked; a row whose cells do not match the header's columns is marked whole."""
        if p.kind == "table":
            self.columns = tables.roles(list(p.cells))
            return
        self.after_table = True
        values = dict(zip(self.columns or [], p.cells, strict=False))
        if self.columns is None or len(p.cells) != len(self.columns) or "lead" not in values \
                and self.kind != "content":
            if self.kind == "responsibilities" or "lead" in values:
                self.unpinned(p.text)
            else:
                self.place(p, review(p.text))
            return
        if "lead" not in values:
            self.place(p, values["task"])
            return
        lead = values["lead"]
        unit = next((u for u in self.out.units if u.from_table and key(u.name) == key(lead)), None)
        if unit is None:
            unit = Unit(lead, certain=not tables.names_several(lead), from_table=True)
            self.out.units.append(unit)
        task = {"text": values["task"]}
        if values.get("partners"):
            # Who works with the lead is the column's, but staff keep partners in the task's words or leave
            # them out as often as in `performers`: kept, to check.
            task["performers"] = review(values["partners"])
        unit.tasks.append(task)

    def unpinned(self, text: str) -> None:
        """A paragraph after a table of units (or in a table without its columns): no column pins its unit,
        so it is a task of its own, marked, under the body it names as its subject (marked) or none."""
        actor = UNIT_ACTOR.match(text)
        self.out.units.append(Unit(_subject(actor), certain=False, tasks=[{"text": review(text)}]))

    def drop_dangling(self) -> None:
        """A list's last item ending on `:` has lost what it introduced: a fragment, left out and kept to be said."""
        lists = [self.out.purposes, self.out.requirements, self.out.forms, *(s["items"] for s in self.out.content)]
        for items in lists:
            while items and items[-1].removeprefix(REVIEW_PREFIX).rstrip().endswith(":") and items[-1] not in self.introducing:
                self.out.dangling.insert(0, items.pop())
        self.out.content = [s for s in self.out.content if s["items"]]

    def place_heading(self, p: Para, title: str, rest: str) -> bool:
        named = subjects(title)
        kind = "mixed" if len(named) > 1 else classify(title)
        deeper = self.kind is not None and depth(p) > self.depth
        if self.mixed and p.kind == "plain" and not (p.bold or p.caps):
            return False  # `Thời gian: …` under `Chủ đề và thời gian`: what the mixed heading holds, not a new section
        if kind == "mixed" or self.mixed and deeper and kind in self.mixed:
            # A heading naming several subjects opens a section of its own; a deeper one naming one of them pins it.
            if kind == "mixed":
                self.switch(next((s for s in named if s in _LISTS), "other"), p, title, named)
            else:
                self.switch(kind, p, title)
            if rest:
                self.item(p, rest)
            return True
        if deeper and self.sub_depth is not None and depth(p) > self.sub_depth and kind is None:
            return False  # under a unit or a subsection: an item
        if deeper and self.kind in ("content", "responsibilities"):
            self.sub_depth = self.sub_depth if self.sub_depth is not None else depth(p)
        if self.kind == "content" and deeper and kind == "phrases" and rest and quotes(rest) and ends_sentence(p.text):
            # `1. Tuyên truyền chủ đề năm 2026: “…”.`: a sentence of the content that quotes the year's phrases
            self.item(p, review(p.text) if p.doubtful else p.text)
            self.out.phrases += [Candidate(quoted_text(q), kind_of(title), None, True) for q in quotes(p.text)]
            return True
        if self.kind == "content" and deeper and kind in (None, "content"):
            self.subsection, self.listed = {"heading": title, "items": []}, False
            self.out.content.append(self.subsection)
        elif self.kind == "responsibilities" and deeper and kind not in ("window", "budget", "reports"):
            name, asked = _asked(title)
            self.out.units.append(Unit(name, asked=asked))
        elif self.kind == "phrases" and deeper and kind in (None, "phrases"):
            if kind == "phrases":
                self.phrase_kind, self.phrase_observance = kind_of(title), None
            elif mentioned := observance_mentions(title, self.observances):
                self.phrase_observance = mentioned[0]
            else:
                return False
        elif kind is not None:
            self.switch(kind, p, title)
        elif self.kind is None or not deeper:
            self.switch("other", p, title)
        else:
            return False
        if rest:
            self.item(p, rest)
        return True

    def item(self, p: Para, text: str) -> None:
        if self.mixed:
            self.split(p, text)
        else:
            self.place(p, text)

    def split(self, p: Para, text: str) -> None:
        """An item under a heading naming several subjects: a sentence with a date range to the window read, a
        quoted phrase to the phrases, the rest to the section's list; every value reached so, marked."""
        text = text.removeprefix(REVIEW_PREFIX)
        rest: list[str] = []
        for sentence in sentences(text):
            if "window" in self.mixed and dates.spans(sentence):
                self.out.window_read.append(sentence)
            elif "phrases" in self.mixed and (found := quotes(sentence)):
                label = kind_of(sentence[:found[0].start()])
                named = observance_mentions(sentence, self.observances)
                self.out.phrases += [Candidate(quoted_text(q), label or self.phrase_kind, named[0] if named else None,
                                               True, certain=False, source=sentence) for q in found]
            else:
                rest.append(sentence)
        if not rest:
            return
        left = text if len(rest) == len(sentences(text)) else " ".join(rest)
        if self.kind == "other" and "phrases" in self.mixed and phrase_like(left):
            self.out.phrases.append(Candidate(left.strip().rstrip(".;,").strip(), self.phrase_kind, self.phrase_observance,
                                              True, certain=False, source=left))
        elif self.kind == "responsibilities":
            self.task(p, left)  # a unit's task by its unit's label or heading
        elif self.kind == "content" and not (self.subsection or {}).get("heading") and "forms" in self.mixed and _DOING.match(left.lstrip()):
            # directly under the mixed heading: under a deeper one naming a topic, the item is that topic's
            self.place(p, review(left), "forms")
        else:
            self.place(p, review(left))

    def place(self, p: Para, text: str, into: str | None = None) -> None:
        """`text` into the list of the section (or of `into`)."""
        kind = into or self.kind
        if kind in (None, "purposes", "targets", "requirements", "forms", "content") and self.phrases_listed(p, text):
            return
        if kind in ("purposes", "targets", "requirements", "forms", "content", "aims"):
            if p.kind != "plain":
                self.listed = True
            elif self.listed:
                text = review(text)
            text = self.introduced_items(p, text)
        if kind is None:
            self.out.intro.append(p)
        elif kind == "purposes":
            self.out.purposes.append(text)
        elif kind == "targets":
            self.out.purposes.append(review(text))
        elif kind == "requirements":
            self.out.requirements.append(text)
        elif kind == "forms":
            self.out.forms.append(text)
        elif kind == "window":
            self.out.window.append(text)
        elif kind == "reports":
            self.out.reports.append(text)
        elif kind == "aims":
            self.manner = self.manner or bool(_MANNER.search(text))
            (self.out.requirements if self.manner else self.out.purposes).append(review(text))
            self.out.aims_unsplit = True
        elif kind == "content":
            if self.subsection is None:
                self.subsection = {"items": []}
                self.out.content.append(self.subsection)
            self.subsection["items"].append(text)
        elif kind == "phrases":
            self.phrase(p, text)
        elif kind == "responsibilities":
            self.task(p, text)
        else:
            self.out.other[-1][1].append(text)

    def introduced_items(self, p: Para, text: str) -> str:
        """`text` of a list item, marked when it is at the level of an item ending `…:` whose list no nesting has
        shown; an item ending so opens that doubt. Its last sentence when that only names the phrases it lists
        (`Treo băng rôn … . Nội dung khẩu hiệu:`) is left out, the form marked: staff keep it as often as not."""
        if self.opened is not None and _below(p, self.opened):
            self.opened = None  # nested as printed: the items after the list are the list's own again
        elif self.opened is not None and _beside(p, self.opened):
            text = review(text)
        if p.kind == "plain" or not text.rstrip().endswith(":"):
            return text
        self.opened = p
        said = sentences(text.removeprefix(REVIEW_PREFIX))
        if len(said) > 1 and len(said[-1].split()) <= 6 and kind_of(said[-1]):
            return review(" ".join(said[:-1]))
        return text

    def phrases_listed(self, p: Para, text: str) -> bool:
        """Phrases written as items of another list: `Thông điệp: …` (a label naming one kind) and the items
        listed under `… các khẩu hiệu sau:`. Read as phrases of that kind, marked (no heading of their one kind
        pins them), and not kept as items."""
        words = text.removeprefix(REVIEW_PREFIX)
        if (intro := self.introduced) and p.kind != "plain" and (_below(p, intro[1]) or _exclaims(words)):
            found = quotes(words)
            whole = len(found) == 1 and not words.replace(found[0][0], "").strip(" .;,!")
            if whole or intro[0] != "theme" and phrase_like(words):
                self.opened = None  # the item's list is read: the items after it are its siblings
                self.introducing.add(intro[2])
                self.out.phrases.append(Candidate(quoted_text(found[0]) if whole else words.strip().rstrip(".;,").strip(),
                                                  intro[0], None, True, certain=False, source=f"{intro[2]} {words}"))
                return True
        self.introduced = None
        if words.rstrip().endswith(":") and (kind := kind_of(sentences(words)[-1])):
            self.introduced = (kind, p, text)
        elif (m := _LABEL.match(words)) and (kind := kind_of(m["t"])) and len(m["t"].split()) <= 4 \
                and m["r"] and len(m["r"].split()) <= 40:
            found = quotes(m["r"])
            texts = [quoted_text(q) for q in found] or [m["r"].strip().rstrip(".;,").strip()]
            self.out.phrases += [Candidate(t, kind, None, True, certain=False, source=words) for t in texts]
            return True
        return False

    def phrase(self, p: Para, text: str) -> None:
        observance = self.phrase_observance
        doubtful = text.startswith(REVIEW_PREFIX)  # where the paragraph ends is uncertain: a phrase read from it, marked
        text = text.removeprefix(REVIEW_PREFIX)
        if (m := _LABEL.match(text)) and (named := observance_mentions(m["t"], self.observances)):
            observance, text = named[0], m["r"]
            if p.marker != "+":
                self.phrase_observance = None
        found = quotes(text)
        if found:
            for q in found:
                self.out.phrases.append(Candidate(quoted_text(q), self.phrase_kind, observance, True, certain=not doubtful))
            return
        named = observance_mentions(text, self.observances)
        if named and (not ends_sentence(text) or text.rstrip().endswith(":")) and len(text.split()) <= 16:
            self.phrase_observance = named[0]  # `- Ngày Sáng tạo … (21/4)` over the `+` items that follow
            return
        if dates.spans(text):
            self.out.window_read.append(text)  # a sentence giving dates is never a phrase
            return
        if text.rstrip().endswith(":"):
            return  # `Các chủ đề, khẩu hiệu như sau:` introduces the phrases
        last = self.out.phrases[-1] if self.out.phrases else None
        if p.kind == "plain" and last is not None and last.source and p.index == self.last_phrase_at + 1 \
                and not ends_phrase(last.source):
            # `3. Toàn dân … Nghị quyết số 57-NQ/TW của` then `Bộ Chính trị!`: a wrapped line, read as one, to check.
            last.text, last.source, last.certain = f"{last.text} {text.strip().rstrip('.;,').strip()}", f"{last.source} {text}", False
            self.last_phrase_at = p.index
            return
        if text.strip() and len(text.split()) <= 40:
            # A short line under a heading of its kind is that phrase; a whole sentence may be one, to check.
            self.out.phrases.append(Candidate(text.strip().rstrip(".;,").strip(), self.phrase_kind, observance, True,
                                              certain=phrase_like(text) and not doubtful, source=text))
            self.last_phrase_at = p.index

    def beside_labels(self, p: Para, text: str, doubtful: bool) -> None:
        """An item at the level of the `Unit: task` item before it that is no such item itself: a sibling, not that
        unit's task. A lead before `:` opening with a body's kind (one holding a `;`, which may join several) is its
        unit, marked; otherwise the subject the sentence opens with (marked) or none, and the whole item marked."""
        if (m := _LOOSE_LABEL.match(text)) and _BODY_LEAD.match(m["u"]) and len(m["u"].split()) <= _UNIT_WORDS:
            name = _asked(m["u"])[0]
            task = _without_name(name, m["t"].strip())
            self.out.units.append(Unit(name, False, [{"text": review(task) if doubtful else task}], from_label=True,
                                       listed_as=p.kind, item=p))
            return
        actor = UNIT_ACTOR.match(text)
        self.out.units.append(Unit(_subject(actor), False, [{"text": review(text)}]))

    def task(self, p: Para, text: str) -> None:
        units = self.out.units
        current = units[-1] if units else None
        doubtful = text.startswith(REVIEW_PREFIX)  # where the paragraph ends is uncertain: whatever it gives, marked
        text = text.removeprefix(REVIEW_PREFIX)
        if (m := _PERFORMERS.match(text)) and current and current.tasks:
            last = current.tasks[-1]
            performers = f"{last['performers']} {m['p']}" if last.get("performers") else m["p"]
            last["performers"] = review(performers) if doubtful else performers
            return
        sibling = self.sub_depth is not None and depth(p) <= self.sub_depth  # at the level of the unit headings
        if (current is None or current.from_label or sibling) and (m := _UNIT_LABEL.match(text)) \
                and len(m["u"].split()) <= _UNIT_WORDS and m["u"][:1].isupper():
            name, asked = _asked(m["u"])
            first = _without_name(name, m["t"].strip())
            units.append(Unit(name, not doubtful, [{"text": review(first) if doubtful else first}], from_label=True,
                              listed_as=p.kind, item=p, asked=asked))
            return
        if current is not None and current.item is not None and _beside(p, current.item):
            self.beside_labels(p, text, doubtful)
            return
        if sibling and p.kind in ("roman", "number", "letter") and not ends_sentence(text) \
                and len(text.split()) <= _UNIT_WORDS:
            name, asked = _asked(text)
            units.append(Unit(name, not doubtful, asked=asked))  # numbered like the unit headings beside it: a unit, however long its name
            return
        actor = UNIT_ACTOR.match(text)
        if sibling and doubtful and p.kind in ("roman", "number", "letter"):
            # Numbered like the unit headings, run into its next line (a heading and its first task, or a wrapped
            # item): a unit of its own whose name is to check, so that the lines under it are not the last unit's.
            units.append(Unit(_subject(actor), False, [{"text": review(text)}]))
            return
        if current is not None and not current.certain and not actor and _names_a_body(text):
            # After tasks read by their subject, a line whose subject is a body the rules cannot name: its own unit.
            current = Unit("", certain=False)
            units.append(current)
        elif current is None or (current.from_label or not current.certain) and actor and key(actor["u"]) != key(current.name):
            # No unit yet, or after `Unit: task` items or tasks read by their subject a paragraph with another
            # body as its subject: that body's words (its name marked), not the last unit's task.
            current = Unit(_subject(actor), certain=False)
            units.append(current)
        # A paragraph after a list of `Unit: task` items and outside it is not pinned to the last unit; nor is any
        # task of a unit read from a sentence's subject: the sentence, subject kept (staff keep it as often as not), marked.
        outside = current.from_label and current.listed_as != "plain" and p.kind == "plain"
        pinned = current.certain and not outside and not doubtful
        current.tasks.append({"text": _without_name(current.name, text) if pinned else review(text)})


def unit_label(text: str) -> tuple[str, str] | None:
    """(unit, task) of an item `Phòng …: task` whose whole lead before `:` names a body: a list item's lead pins its unit."""
    m = _UNIT_LABEL.match(text)
    if not m or len(m["u"].split()) > _UNIT_WORDS or not _BODY_LEAD.match(m["u"]):
        return None
    unit = m["u"].strip()
    return unit, _without_name(unit, m["t"].strip())


def _label_line(p: Para, rest: str) -> bool:
    """An unnumbered, unemphasised `Label: text` line whose text opens no list (`Thời gian thực hiện: từ …`)."""
    return p.kind == "plain" and not (p.bold or p.caps) and bool(rest) and not rest.rstrip().endswith(":")


def _names_a_body(text: str) -> bool:
    """Whether a line opens with a body's name rather than a task: not a task's verb, and a capitalised word
    among its next words (`Hội Nông dân huyện vận động …`, `Liên minh Hợp tác xã …`, not `Lồng ghép nội dung …`)."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and not LEADING_VERB.match(text) \
        and any(w[:1].isupper() for w in words[1:4])


def _exclaims(text: str) -> bool:
    """A line ending with `!`: a slogan's end, how a list printed at its introducing item's level (a Word file's
    numbering) still shows its phrases."""
    return text.rstrip(" ”\"").endswith("!")


def _beside(p: Para, item: Para) -> bool:
    """Whether list item `p` is at the level of list item `item`: numbered or bulleted alike, as deep."""
    return p.kind != "plain" and p.kind == item.kind and depth(p) == depth(item) and \
        (p.kind != "bullet" or p.marker == item.marker)


def _below(p: Para, above: Para) -> bool:
    """Whether `p` is an item listed under `above`: deeper numbering, another kind of marker, or another bullet."""
    return depth(p) > depth(above) or p.kind != above.kind or p.kind == "bullet" and p.marker != above.marker


def _subject(actor: re.Match[str] | None) -> str:
    """The body a sentence opens with (`UNIT_ACTOR`), without the request before it (`Đề nghị Sở Y tế phối hợp …`)."""
    return _asked(actor["u"])[0] if actor else ""


def _asked(lead: str) -> tuple[str, bool]:
    """(unit, whether the lead asks it) of a heading or a label: `Đề nghị Hội …` asks a body the issuer does not
    direct, and staff keep or drop the request word as often as not: the name after it, to check."""
    name = _ASKED.sub("", lead.strip())
    return name, name != lead.strip()


def _without_name(unit: str, task: str) -> str:
    """A unit's task without the unit's name repeated as its subject (`Sở Y tế: Sở Y tế chủ trì …` → `Chủ trì
    …`): only when a verb follows the name, so `Trung tâm Văn hóa tỉnh phối hợp …` keeps its words."""
    if not unit or not key(task).startswith(key(unit) + " "):
        return task
    after = task[len(unit):].lstrip()
    return capitalize(after) if LEADING_VERB.match(after) else task


def walk(paras: list[Para], observances: Mapping[str, Observance]) -> Sections:
    return _Walker(observances).walk(paras)
