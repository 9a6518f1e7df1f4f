"""What the year's plan filter compares with what a reader types: each plan's names as people type them
(no diacritics, `đ` as `d`, no `&`, lower case), with the site's short forms and their long forms both
present, so `so khcn`, `Sở KH&CN` and `so khoa hoc va cong nghe` find the same plans. The names are
apart (`NAME`), then come, each after `PLACE`, the other names of the plan's province (`data.provinces`:
`… / phu tho | vinh phuc | hoa binh` for a plan of Phú Thọ).

docs/assets/site.js folds the reader's words the same way (`typed`) and only compares: it keeps the plans
with a name that holds the words typed, in order, each starting a word (`son la` finds Sơn La's plans,
not Lạng Sơn's by `lang son`); only if none does, those of whose own names (not the other names of their
province) every word typed starts a word (`uy ban nhan dan hai phong`), so `ha giang` never finds Cần Thơ's
plans by `hau giang`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from campaign_site.core.slugs import without_marks
from campaign_site.data.domain import ABBREVIATIONS

FORMS = (*ABBREVIATIONS.items(), ("thành phố", "TP"))
"""Each long form with the short form the site or a reader writes for it."""
_WORD = re.compile(r"[^\W_]+")


def typed(text: str) -> str:
    """`Sở KH&CN Lạng Sơn` → `so khcn lang son`: as a reader types it without diacritics."""
    return " ".join(_WORD.findall(without_marks(text.replace("&", "")).casefold()))


NAME = " / "
"""What sets a plan's names apart, so that words typed in order are found within one name."""
PLACE = " | "
"""What sets each other name of the plan's province apart from the plan's own names and from each other."""


def search_text(*names: str, places: Sequence[str] = ()) -> str:
    """`names` typed, each once, then the other form of every short or long form they hold, apart (`NAME`);
    then each of `places` (other names of the plan's province) typed, after `PLACE`."""
    words = list(dict.fromkeys(t for t in map(typed, names) if t))
    held = f" {' '.join(words)} "
    for long, short in FORMS:
        for have, other in ((typed(long), typed(short)), (typed(short), typed(long))):
            if f" {have} " in held and other not in words:
                words.append(other)
    return NAME.join(words) + "".join(PLACE + typed(place) for place in places)
