"""The sentences `wording.py` builds from the catalogue's words, for every input they take."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from campaign_site.data import domain
from campaign_site.data.wording import inferred_notice, places_text, units_choose_text

INFERRED_WORDS = {"issuer.name": "tên cơ quan ban hành", "issuer.province": "tỉnh, thành phố của cơ quan ban hành",
                  "place": "địa danh"}
KIND_WORDS = {"theme": "chủ đề", "slogan": "khẩu hiệu", "message": "thông điệp"}


@given(st.integers(0, 3400), st.booleans())
def test_places_name_the_centre_and_the_provinces_that_have_plans(count: int, central: bool) -> None:
    text = places_text(count, central)
    provinces = f"{count} tỉnh, thành phố"
    if central and count:
        assert text == f"ở trung ương và {provinces}"
    elif central:
        assert text == "ở trung ương"
    elif count:
        assert text == f"ở {provinces}"
    assert ("trung ương" in text) == central and (provinces in text) == bool(count)


@given(st.lists(st.sampled_from(domain.ALL_INFERRED_FIELDS), unique=True))
def test_the_inferred_notice_names_each_inferred_fact_once_in_order(paths: list[str]) -> None:
    notice = inferred_notice(paths)
    if not paths:
        assert notice is None
        return
    assert notice is not None
    names = [INFERRED_WORDS[p] for p in paths]
    listed = "; ".join(names[:-1]) + " và " + names[-1] if len(names) > 1 else names[0]
    assert notice == listed[0].upper() + listed[1:] + " được suy ra từ nguồn, chưa đối chiếu văn bản."


@given(st.lists(st.sampled_from(domain.ALL_PHRASE_KINDS), unique=True))
def test_the_kinds_left_to_each_unit_are_named_in_the_order_given(kinds: list[str]) -> None:
    text = units_choose_text(kinds)
    if not kinds:
        assert text is None
    else:
        assert text == f"Văn bản không quy định {', '.join(KIND_WORDS[k] for k in kinds)} chung: mỗi đơn vị tự chọn."
