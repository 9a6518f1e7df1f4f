"""Report deadlines (`báo cáo kết quả về Sở … trước ngày 10/5/2026 để tổng hợp …`, each wording kept as its
rule) and the activity window (`từ ngày 15/4/2026 đến hết ngày 26/4/2026`, a peak `cao điểm`, the rest of the
sentence as a note)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain
from campaign_site.data.placeholders import MARKER, review, to_fill
from campaign_site.data.wording import DEADLINE_RULES, DeadlineRule, in_sentence
from campaign_site.importing import dates, names
from campaign_site.importing.sections import LEADING_VERB, UNIT_ACTOR
from campaign_site.importing.text import sentences
from campaign_site.importing.vn import capitalize, key, squash

_THEN = r"(?:\s+là)?(?:\s+vào)?\s+ngày"
RULE = re.compile(rf"(?P<rule>trước\s+ngày|chậm\s+nhất{_THEN}|chậm\s+nhất|hạn\s+chót{_THEN}|hạn\s+cuối{_THEN}|"
                  rf"không\s+muộn\s+hơn{_THEN}|muộn\s+nhất{_THEN}|đến\s+ngày|trong\s+ngày|trước)\s+(?P<d>{dates.DAY})",
                  re.IGNORECASE)
_REPORT = re.compile(r"\b(?:báo\s+cáo|gửi)\b", re.IGNORECASE)
_REPORT_NAMED = re.compile(r"\b(?:báo\s+cáo|kết\s+quả)\b", re.IGNORECASE)
"""What makes a clause's deadline a report's: `gửi` alone sends entries, lists or products as well."""
_ALSO_ACTIVITIES: frozenset[DeadlineRule] = frozenset({"until", "within"})
"""Wordings that date activities too (`treo băng rôn trong ngày 21/4`): a deadline only after `báo cáo` or `gửi`
in the same clause."""
_VERBS = (r"quan tâm|tổ chức|báo cáo|gửi|triển khai|thực hiện|chủ động|phối hợp|tổng hợp|khẩn trương|nghiêm túc|"
          r"căn cứ|xây dựng|rà soát|kịp thời")
_REQUESTED = re.compile(rf"\bđề\s+nghị\s+(?P<who>(?!{_VERBS})(?:các|quý|[A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9]).+?)\s+(?={_VERBS})",
                        re.IGNORECASE)
"""`đề nghị các cơ quan, đơn vị báo cáo …`: who is asked, a name (`đề nghị gửi về …` names nobody)."""
_ADVISED = re.compile(r"\btham\s+mưu\s+(?P<who>.+?)\s+(?=báo\s+cáo|gửi)", re.IGNORECASE)
_RECIPIENT = re.compile(r"\b(?:[Bb]áo\s+cáo|[Gg]ửi)\b[^;]*?\svề\s+(?=[A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9])")
"""Where the recipient's name starts: after `về` in a clause that reports or sends (opening the sentence or not)."""
_RECIPIENT_END = re.compile(r",?\s+(?:trước|chậm\s+nhất|hạn|muộn|không\s+muộn|đến\s+ngày|để|trong|theo|bằng)\b|[.;](?:\s|$)|\*|$")
"""What ends it, outside brackets: the deadline's or the purpose's words, the clause's end."""
_PURPOSE = re.compile(r"\s(?P<note>để\s+[^;]+?)(?=\s*(?:\./\.|[.;]\s|[.;]?$))")


@dataclass
class Deadline:
    date: str
    rule: DeadlineRule
    reporter: str
    recipient: str
    note: str | None
    certain: bool
    reported: bool = True
    """Whether the clause names a report (`báo cáo`, `kết quả`); else what is due is not said to be one: all marked."""


def _rule(words: str) -> DeadlineRule:
    """The model's rule for a wording RULE found (`chậm nhất là ngày` → `chậm nhất ngày`), which pages print."""
    written = squash(words).lower()
    return next(rule for rule, printed in DEADLINE_RULES.items() if written.startswith(printed.removesuffix(" ngày")))


def find(text: str, unit: str | None, year: int | None, signed: date | None = None,
         own: frozenset[str] = frozenset()) -> list[Deadline]:
    """The report deadlines a paragraph sets; `unit` is the responsibility it is a task of (who reports when the
    sentence opens with what is done or with the unit's name; another opening is marked); `own` the keys of the
    names the document gives its own issuer (`issuer.own_names`), a recipient it pins. A day written
    without its year is in `year`, or the year after when that day comes before the document was `signed`
    (`trước ngày 10/6 hằng năm` in a plan of September: the first such day after it); marked either way."""
    out = []
    for sentence in sentences(text):
        if not _REPORT.search(sentence):
            continue
        spans = [r.span() for r in dates.RANGE.finditer(sentence)]
        for m in RULE.finditer(sentence):
            when, inferred = dates.parse(m["d"], year)
            if when is not None and inferred and signed is not None and when < signed:
                when = dates.real(when.day, when.month, when.year + 1) or when
            if when is None or any(start <= m.start() < end for start, end in spans):
                continue  # `đến ngày` ending a span of days (`từ ngày 15/4 đến ngày 26/4`) is no deadline
            rule = _rule(m["rule"])
            if rule in _ALSO_ACTIVITIES and not _REPORT.search(sentence[:m.start()].rsplit(";", 1)[-1]):
                continue
            certain = not inferred
            reporter = None
            subject = UNIT_ACTOR.match(sentence)
            if cut := _ADVISED.search(sentence) or _REQUESTED.search(sentence):
                # Cut at the verb that follows: no structure says where the name ends, unless it is the issuer's.
                reporter = cut["who"] if key(cut["who"]) in own else review(cut["who"])
            elif unit and (LEADING_VERB.match(sentence) or subject and key(subject["u"]) == key(unit)):
                reporter = unit  # the task says what its unit does: the unit reports
            elif subject:
                reporter = review(subject["u"])  # the sentence's subject, which may or may not be who reports
            elif unit:
                reporter = review(unit)  # the sentence opens with other words than the unit's task (another body?)
            recipient, after = _recipient(sentence, signed, own)
            note_match = _PURPOSE.search(sentence, after or m.end())
            note = review(squash(note_match["note"]).rstrip(" ./")) if note_match else None  # cut at `để`
            out.append(Deadline(
                dates.short(when), rule,
                squash(reporter) if reporter else to_fill(plain("staff.new_reporter")),
                recipient or to_fill(plain("staff.new_recipient")),
                note, certain, bool(_REPORT_NAMED.search(_clause(sentence, m.start(), m.end()))),
            ))
    return out


def _clause(sentence: str, start: int, end: int) -> str:
    """The `;` clause of `sentence` holding `start:end`, a `;` inside brackets not ending it."""
    depth, stops = 0, []
    for i, c in enumerate(sentence):
        depth += (c == "(") - (c == ")")
        if c == ";" and depth <= 0:
            stops.append(i)
    return sentence[max((i + 1 for i in stops if i < start), default=0):min((i for i in stops if i >= end), default=len(sentence))]


def _recipient(sentence: str, signed: date | None, own: frozenset[str]) -> tuple[str | None, int | None]:
    """Whom the report goes to and where its name ends: what `về` names up to the deadline's words, with
    the office it goes through (`Sở … (qua Phòng …)`, `Ủy ban … qua Văn phòng …`). A preposition and the
    deadline's words cut it from the sentence, so it is pinned only when a reference list names the whole
    span as one body (`names.agency`: `Bộ Khoa học và Công nghệ`, `Ủy ban nhân dân tỉnh Lào Cai`) or the span is
    a name of the issuer the header pins (`own`: `Sở Khoa học và Công nghệ` in the Sở's own dispatch); anything
    else (a name without its place, an office after `qua`, `…, kèm ảnh`) is the whole span, marked."""
    start = _RECIPIENT.search(sentence)
    if not start:
        return None, None
    rest = sentence[start.end():]
    end = next(e for e in _RECIPIENT_END.finditer(rest)
               if rest.count("(", 0, e.start()) <= rest.count(")", 0, e.start()) or e.start() == len(rest))
    span = squash(rest[:end.start()]).rstrip(" ,;")
    if not span:
        return None, None
    listed, on_list = names.agency(span, signed)
    pinned = key(span) in own or on_list and key(listed) == key(span)
    return span if pinned else review(span), start.end() + end.start()


def as_data(deadline: Deadline) -> dict:
    """The deadline as the plan writes it; one whose clause names no report, every field marked."""
    data = {
        "date": deadline.date if deadline.certain and deadline.reported else review(deadline.date),
        "rule": deadline.rule if deadline.reported else review(deadline.rule),
        "reporter": deadline.reporter,
        "recipient": deadline.recipient,
    }
    if not deadline.reported:
        data.update({k: review(data[k]) for k in ("reporter", "recipient") if MARKER not in data[k]})
    if deadline.note:
        data["note"] = deadline.note
    return data


_PEAK = re.compile(r"cao\s+điểm|(?P<named>(?:thời\s+gian|tuần)[^,.;:()]{0,40}?hoạt\s+động\s+chính)|hoạt\s+động\s+chính",
                   re.IGNORECASE)
"""A period inside the window: `cao điểm`, one the document names itself (`thời gian tổ chức các hoạt động chính`),
or the days of the main activities (`các hoạt động chính tổ chức trong tuần từ …`)."""


_OWN_CLAUSE = re.compile(r"\s*;")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9]|\s*$)|\n")


def window(texts: list[str], year: int | None) -> tuple[dict | None, list[str]]:
    """The window of a `Thời gian` section: its first range, a peak (`cao điểm`) inside it, and the rest
    of the sentence as a note. The range is pinned only when it is the section's one range and writes its
    year; the note, a clause cut at `;`, is marked. Notes for staff come second."""
    notes: list[str] = []
    text = "\n".join(texts)
    found = sorted(dates.ranges(text, year) + dates.months(text, year), key=lambda r: r.begin)
    if not found:
        return None, notes
    peaks = [r for r in found if _PEAK.search(text[max(0, r.begin - 60):r.begin])]
    main = next((r for r in found if r not in peaks), None)
    if main is None:
        return None, notes
    data: dict = {"start": dates.short(main.start), "end": dates.short(main.end)}
    several = len([r for r in found if r not in peaks]) > 1  # which one is the window, the section does not say
    if main.inferred_year or main.whole_months or several:
        data = {k: review(v) for k, v in data.items()}
        written = squash(text[main.begin:main.finish])
        if main.inferred_year:
            notes.append(plain("import.window_no_year", text=written, year=main.start.year))
        if main.whole_months:
            notes.append(plain("import.window_months", text=written))
    if note := _note(text, main, found):
        data["note"] = review(note)
    if peaks:
        p = peaks[0]
        if main.start <= p.start and p.end <= main.end:
            data["peak"] = {"start": dates.short(p.start), "end": dates.short(p.end)}
            named = [m["named"] for m in _PEAK.finditer(text[max(0, p.begin - 60):p.begin])][-1]
            if named:  # the document's own name for the period, not "cao điểm"
                data["peak"]["name"] = review(squash(in_sentence(named)))
        else:
            notes.append(plain("import.peak_outside"))
    if several:
        notes.append(plain("import.many_spans"))
    return data, notes


def _note(text: str, main: dates.Range, found: list[dates.Range]) -> str | None:
    """What the window's own sentence adds after `;` (`…; có thể kết nối …`): never the end of the span's
    clause (`… đến ngày 26/4 trên địa bàn.`), another sentence or paragraph, or a clause holding another
    span (the peak)."""
    if not _OWN_CLAUSE.match(text, main.finish):
        return None
    end = m.start() if (m := _SENTENCE_END.search(text, main.finish)) else len(text)
    clauses = []
    at = text.index(";", main.finish) + 1
    for clause in text[at:end].split(";"):
        begin, at = at, at + len(clause) + 1
        if not any(begin <= r.begin < at for r in found):
            clauses.append(squash(clause).strip(" ,."))
    rest = "; ".join(c for c in clauses if c)
    return capitalize(rest) + "." if rest and len(rest.split()) >= 3 and not _PEAK.match(rest) else None
