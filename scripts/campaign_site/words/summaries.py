"""Sentences that sum up several plans' activity windows (a year's, a province's, the home page's).

Each is a function of the plans alone: a span is taken only from the windows the records hold (never
from observance days), and when not every plan states one the sentence says how many do, how many do
not state it and how many are not known yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from campaign_site.core.catalogue import plain
from campaign_site.core.markdown_text import Markdown
from campaign_site.data import vn_dates
from campaign_site.data.model import Plan
from campaign_site.data.unknowns import NOT_KNOWN
from campaign_site.data.wording import absent, capitalised
from campaign_site.words.phrasing import span_text, time


@dataclass(frozen=True)
class WindowCoverage:
    """How many of a set of plans state their activity window, and the span of the windows stated."""

    total: int
    stated: int
    not_stated: int
    not_known: int
    span: tuple[date, date] | None
    """From the earliest stated start to the latest stated end; None when no plan states a window."""

    @property
    def complete(self) -> bool:
        """Whether there are plans and every one of them states its window."""
        return self.stated == self.total > 0


def window_coverage(plans: Iterable[Plan]) -> WindowCoverage:
    """The coverage of `plans`' windows: their counts by state and the span of the stated ones."""
    plans = list(plans)
    windows = [w for w in (p.dated_window for p in plans) if w]
    not_known = sum(1 for p in plans if p.window is NOT_KNOWN)
    span = (min(w.start for w in windows), max(w.end for w in windows)) if windows else None
    return WindowCoverage(len(plans), len(windows), len(plans) - len(windows) - not_known, not_known, span)


def _others(coverage: WindowCoverage) -> str:
    """`1 kế hoạch không nêu, 2 kế hoạch chưa có thông tin`: the plans without a stated window."""
    parts = [plain("page.year.window_not_stated", count=coverage.not_stated)] if coverage.not_stated else []
    parts += [plain("page.year.window_not_known", count=coverage.not_known)] if coverage.not_known else []
    return ", ".join(parts)


def _span(coverage: WindowCoverage, span: tuple[date, date]) -> Markdown:
    """`từ ngày … đến hết ngày …`; over several windows `trong khoảng từ ngày … đến hết ngày …`, which does
    not claim that every plan runs the whole span."""
    return Markdown(plain("page.year.window_within", span=span_text(span)) if coverage.stated > 1 else span_text(span))


def _one(coverage: WindowCoverage) -> str:
    """Why the one plan has no span, in lower case: `văn bản không nêu thời gian thực hiện`, or not known."""
    return absent("window", coverage.not_known == 1).lower()


def _partial(coverage: WindowCoverage, whose: str) -> Markdown:
    """What an incomplete coverage of several plans says, in lower case: how many state a window, their
    span, and the others."""
    if coverage.span is None:
        return Markdown(plain("page.year.window_none_of", total=coverage.total, whose=whose, others=_others(coverage)))
    return Markdown(plain("page.year.window_some_of", stated=coverage.stated, total=coverage.total, whose=whose,
                          span=_span(coverage, coverage.span), others=_others(coverage)))


def window_sentence(coverage: WindowCoverage, whose: str) -> Markdown | None:
    """The sentence a year's or a province's page opens with, `whose` naming the plans (`năm 2026`,
    `của Lạng Sơn năm 2026`); None when there is no plan."""
    if not coverage.total:
        return None
    if coverage.complete and coverage.span:
        span = _span(coverage, coverage.span)
        if coverage.total == 1:
            return Markdown(plain("page.year.window_one", whose=whose, span=span))
        return Markdown(plain("page.year.window_all", whose=whose, span=span))
    if coverage.total == 1:
        return Markdown(plain("page.year.window_one_absent", whose=whose, why=_one(coverage)))
    return Markdown(capitalised(_partial(coverage, f" {whose}")) + ".")


def years_item(coverage: WindowCoverage) -> Markdown:
    """A year in the home page's list of years, after its name: `5 kế hoạch, từ ngày … đến hết ngày …`; when not
    every plan states a window, the kicker's short span and how many plans it is from."""
    if not coverage.total:
        return Markdown(plain("page.home.year_no_plans"))
    if coverage.complete and coverage.span:
        return Markdown(plain("page.home.year_plans_span", total=coverage.total, span=_span(coverage, coverage.span)))
    if coverage.total == 1:
        return Markdown(plain("page.home.year_plan_absent", why=_one(coverage)))
    return Markdown(plain("page.home.year_plans_partial", total=coverage.total, partial=kicker(coverage) or _partial(coverage, "")))


def kicker(coverage: WindowCoverage) -> Markdown | None:
    """The span in the home page's kicker, short (`15/4 – 26/4/2026`), naming how many plans it is from
    when not every plan states a window; None when no plan does."""
    if coverage.span is None:
        return None
    start, end = coverage.span
    text = f"{time(start, vn_dates.day_month(start.day, start.month))} – {time(end)}"
    return Markdown(text if coverage.complete else plain("page.home.kicker_partial", span=text, stated=coverage.stated,
                                                             total=coverage.total))
