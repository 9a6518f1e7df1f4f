"""Sentences that sum up several plans' windows (issue 24, item 1): for any set of plans whose windows are
stated, not stated or not known, the year's, province's and home page's sentences name no date that is
not the start or end of a stated window, start at the earliest stated start, end at the latest stated
end, and count every plan once."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan, Window
from campaign_site.data.unknowns import NOT_KNOWN
from campaign_site.words.summaries import kicker, window_coverage, window_sentence, years_item

GOLDEN = Path(__file__).parent / "golden" / "campaigns"
PLAN = load_site(GOLDEN).campaigns[2026].plans[0]
TIME = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})">')


@st.composite
def windows(draw: st.DrawFn) -> Window | object | None:
    """A stated window in 2026 (start on or before end), no window (not stated), or NOT_KNOWN."""
    kind = draw(st.sampled_from(["stated", "not_stated", "not_known"]))
    if kind == "not_stated":
        return None
    if kind == "not_known":
        return NOT_KNOWN
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300)))
    return Window(start=start, end=start + timedelta(days=draw(st.integers(0, 60))))


def plans_with(states: list[Window | object | None]) -> list[Plan]:
    return [PLAN.model_copy(update={"window": state}) for state in states]


def named_dates(text: str) -> list[date]:
    return [date.fromisoformat(d) for d in TIME.findall(text)]


@given(st.lists(windows(), max_size=12))
def test_the_span_comes_from_the_stated_windows_only_and_counts_add_up(states: list[Window | object | None]) -> None:
    plans = plans_with(states)
    stated = [s for s in states if isinstance(s, Window)]
    coverage = window_coverage(plans)
    assert coverage.stated + coverage.not_stated + coverage.not_known == coverage.total == len(plans)
    assert (coverage.stated, coverage.not_known) == (len(stated), sum(1 for s in states if s is NOT_KNOWN))
    ends = {w.start for w in stated} | {w.end for w in stated}
    texts = [window_sentence(coverage, "năm 2026"), years_item(coverage), kicker(coverage)]
    for text in filter(None, texts):
        named = named_dates(text)
        assert set(named) <= ends, text
        if named:
            assert named == [min(w.start for w in stated), max(w.end for w in stated)], text
    if not stated:
        assert all(not named_dates(t) for t in filter(None, texts))


@given(st.lists(windows(), min_size=1, max_size=12))
def test_the_year_sentence_says_how_many_plans_state_a_window_when_not_all_do(states: list[Window | object | None]) -> None:
    coverage = window_coverage(plans_with(states))
    sentence = window_sentence(coverage, "năm 2026")
    assert sentence is not None
    if coverage.complete:
        # over several windows the span is a range the plans fall in, never a window each plan runs
        assert sentence.startswith("Các kế hoạch năm 2026 được thực hiện trong khoảng từ ngày" if coverage.total > 1
                                   else "Kế hoạch năm 2026 được thực hiện từ ngày")
        return
    if coverage.total == 1:
        assert sentence in ("Kế hoạch năm 2026: văn bản không nêu thời gian thực hiện.",
                            "Kế hoạch năm 2026: chưa có thông tin về thời gian thực hiện.")
        return
    counts = {"stated": coverage.stated, "không nêu": 0, "chưa có thông tin": 0}
    if coverage.stated:
        lead = "trong khoảng từ ngày" if coverage.stated > 1 else "từ ngày"
        assert sentence.startswith(f"{coverage.stated} trong {coverage.total} kế hoạch năm 2026 nêu thời gian thực hiện, {lead}")
    else:
        assert sentence.startswith(f"Không kế hoạch nào trong {coverage.total} kế hoạch năm 2026 nêu thời gian thực hiện: ")
    for number, what in re.findall(r"(\d+) kế hoạch (không nêu|chưa có thông tin)", sentence):
        counts[what] = int(number)
    assert counts == {"stated": coverage.stated, "không nêu": coverage.not_stated, "chưa có thông tin": coverage.not_known}
    assert coverage.stated + coverage.not_stated + coverage.not_known == len(states)


def test_the_sentences_read_as_written() -> None:
    """Four plans of 2024 where one states 15/4 – 21/4, two are not known and one states none (the issue's case)."""
    coverage = window_coverage(plans_with([Window(start=date(2024, 4, 15), end=date(2024, 4, 21)), NOT_KNOWN, NOT_KNOWN, None]))
    assert window_sentence(coverage, "năm 2024") == (
        '1 trong 4 kế hoạch năm 2024 nêu thời gian thực hiện, từ ngày <time datetime="2024-04-15">15/4/2024</time> '
        'đến hết ngày <time datetime="2024-04-21">21/4/2024</time>; 1 kế hoạch không nêu, 2 kế hoạch chưa có thông tin.')
    assert years_item(coverage) == f"4 kế hoạch; {kicker(coverage)}"
    assert kicker(coverage) == ('<time datetime="2024-04-15">15/4</time> – <time datetime="2024-04-21">21/4/2024</time> '
                                "(theo 1 trong 4 kế hoạch)")
    none = window_coverage(plans_with([None, NOT_KNOWN]))
    assert window_sentence(none, "năm 2024") == ("Không kế hoạch nào trong 2 kế hoạch năm 2024 nêu thời gian thực hiện: "
                                                 "1 kế hoạch không nêu, 1 kế hoạch chưa có thông tin.")
    assert kicker(none) is None and window_sentence(window_coverage([]), "năm 2024") is None
