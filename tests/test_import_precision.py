"""Precision by construction in the body of a document: a value is written unmarked only when the
document's structure pins it (a heading naming one subject, a quoted phrase under it); what a weaker
rule reads (a heading naming two subjects, a whole sentence under a theme heading, a date without its
year, a signature without a name) is marked for checking with the words it came from, and what is
not a unit's task (the repeated name of the unit, the issuer's closing words) is not written as one.

Each behaviour is tried on invented, real-shaped documents from a ministry, a department, a district
before the 2025 merger and a commune after it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import pytest
from bench_import import pdf_like
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_site.data.loader import load_site
from campaign_site.data.placeholders import MARKER, REVIEW_PREFIX, without_review
from campaign_site.data.site_data import SiteData
from campaign_site.data.wording import DAY_BEFORE_RULES
from campaign_site.importing.extract import Draft, extract
from campaign_site.importing.vn import squash


@functools.cache
def shipped() -> SiteData:
    return load_site(REPO / "campaigns")


@pytest.fixture(scope="module")
def site() -> SiteData:
    return shipped()


@dataclass(frozen=True)
class Issuer:
    lines: str
    place: str
    year: int
    number: str
    who: str
    """How the body names the issuer as the subject of its sentences."""


ISSUERS = [
    Issuer("ỦY BAN NHÂN DÂN\nHUYỆN KỲ SƠN", "Kỳ Sơn", 2024, "45/KH-UBND", "Ủy ban nhân dân huyện"),
    Issuer("UBND TỈNH NGHỆ AN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", "Nghệ An", 2026, "812/KH-SKHCN", "Sở Khoa học và Công nghệ"),
    Issuer("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Hà Nội", 2025, "1021/KH-BKHCN", "Bộ Khoa học và Công nghệ"),
    Issuer("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "Tân Lập", 2026, "38/KH-UBND", "Ủy ban nhân dân xã"),
]
ISSUER_IDS = ["district-2024", "department-2026", "ministry-2025", "commune-2026"]

ENDING = """\
Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Hùng
"""


def document(issuer: Issuer, body: str, ending: str = ENDING) -> str:
    """A plan with a Decree 30 header, an opening citing its basis, `body` and `ending`."""
    y = issuer.year
    return f"""\
{issuer.lines}

Số: {issuer.number}

{issuer.place}, ngày 05 tháng 4 năm {y}

KẾ HOẠCH
Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm {y}

Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/{y} của Ủy ban nhân dân tỉnh về công tác tuyên truyền năm {y}, {issuer.who} xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH

Nâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.

{body}

{ending}"""


def draft_of(site: SiteData, text: str, year: int) -> Draft:
    phrases = site.campaigns[year].phrases() if year in site.campaigns else {}
    return extract(text, site.documents, site.observances, phrases, year)


def phrase_texts(site: SiteData, draft: Draft) -> dict[str, str]:
    """Phrase id (unmarked) → its text, from the registry and the draft's new phrases."""
    texts = {pid: e.phrase.text for c in site.campaigns.values() for pid, e in c.phrases().items()}
    texts.update({p["id"]: p["text"] for _, _, p in draft.new_phrases})
    return texts


def phrase_ids(draft: Draft) -> list[str]:
    return [i for name in ("themes", "slogans", "messages") for i in draft.plan.get(name, [])]


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def marked(value: str) -> bool:
    return value.startswith(REVIEW_PREFIX)


# --- 1. a heading naming two subjects ---------------------------------------------------------------

THEME = "Đổi mới sáng tạo vì cộng đồng"


@pytest.mark.parametrize("reading", ["txt", "pdf"])
@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", ["II. CHỦ ĐỀ VÀ THỜI GIAN TỔ CHỨC", "II. Thời gian và chủ đề hưởng ứng",
                                   "II. CHỦ ĐỀ, THỜI GIAN THỰC HIỆN"])
def test_a_heading_naming_a_theme_and_a_time_decides_neither(site: SiteData, issuer: Issuer, title: str, reading: str) -> None:
    """The issue's case: the window sentence under `Chủ đề và thời gian tổ chức` became a theme and the
    window was lost. Each sentence goes where what it says puts it, marked, with its words in a note."""
    y = issuer.year
    window_sentence = f"Các hoạt động hưởng ứng được tổ chức từ ngày 15/4/{y} đến hết ngày 26/4/{y} trên địa bàn."
    body = f"{title}\n\n{window_sentence}\n\nChủ đề năm {y}: “{THEME}”."
    text = document(issuer, body)
    draft = draft_of(site, pdf_like(text) if reading == "pdf" else text, y)

    assert draft.plan["window"] == {"start": f"{REVIEW_PREFIX}15/4/{y}", "end": f"{REVIEW_PREFIX}26/4/{y}"}
    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in phrase_ids(draft)] == [THEME]
    assert all(marked(i) for i in phrase_ids(draft))
    assert any(window_sentence[:20] in note for note in draft.notes)
    assert any(THEME in note for note in draft.notes)


ONE_SUBJECT_EACH = {
    "headings": "II. CHỦ ĐỀ\n\n“{theme}”.\n\nIII. THỜI GIAN THỰC HIỆN\n\nTừ ngày 15/4/{y} đến hết ngày 26/4/{y}.",
    "subheadings": ("II. CHỦ ĐỀ VÀ THỜI GIAN TỔ CHỨC\n\n1. Chủ đề\n\n“{theme}”.\n\n2. Thời gian tổ chức\n\n"
                    "Từ ngày 15/4/{y} đến ngày 26/4/{y}."),
}
"""The same words under headings (or subheadings of a mixed heading) of one subject each."""


@pytest.mark.parametrize("layout", ONE_SUBJECT_EACH)
@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_heading_naming_one_subject_pins_its_values(site: SiteData, issuer: Issuer, layout: str) -> None:
    """Under headings of one subject each, even below a mixed one: nothing to check."""
    y = issuer.year
    draft = draft_of(site, document(issuer, ONE_SUBJECT_EACH[layout].format(theme=THEME, y=y)), y)

    assert draft.plan["window"] == {"start": f"15/4/{y}", "end": f"26/4/{y}"}
    assert [phrase_texts(site, draft)[i] for i in draft.plan["themes"]] == [THEME]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_content_and_forms_subheadings_under_a_mixed_heading_pin_their_items(site: SiteData, issuer: Issuer) -> None:
    body = ("II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN\n\n1. Nội dung\n\n- Tuyên truyền về vai trò của đổi mới sáng tạo.\n\n"
            "2. Hình thức\n\n- Treo băng rôn tại trụ sở.")
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert (draft.plan["content"], draft.plan["forms"]) == (["Tuyên truyền về vai trò của đổi mới sáng tạo."],
                                                            ["Treo băng rôn tại trụ sở."])


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", ["II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", "II. Hình thức và nội dung hoạt động"])
def test_items_under_content_and_forms_together_are_marked(site: SiteData, issuer: Issuer, title: str) -> None:
    body = f"{title}\n\n- Treo băng rôn, khẩu hiệu tại trụ sở.\n\n- Tuyên truyền về vai trò của sở hữu trí tuệ."
    draft = draft_of(site, document(issuer, body), issuer.year)

    items = strings(draft.plan.get("content", [])) + strings(draft.plan.get("forms", []))
    assert sorted(without_review(i) for i in items) == ["Treo băng rôn, khẩu hiệu tại trụ sở.",
                                                          "Tuyên truyền về vai trò của sở hữu trí tuệ."]
    assert all(marked(i) for i in items)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_time_and_place_heading_marks_the_window(site: SiteData, issuer: Issuer) -> None:
    y = issuer.year
    body = f"II. THỜI GIAN, ĐỊA ĐIỂM\n\nTừ ngày 18/4/{y} đến ngày 25/4/{y} tại Hội trường {issuer.place}."
    draft = draft_of(site, document(issuer, body), y)

    assert draft.plan["window"]["start"] == f"{REVIEW_PREFIX}18/4/{y}"
    assert draft.plan["window"]["end"] == f"{REVIEW_PREFIX}25/4/{y}"


# --- 2. a theme is a phrase, not a sentence ------------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_sentence_under_a_theme_heading_is_not_an_unmarked_theme(site: SiteData, issuer: Issuer) -> None:
    y = issuer.year
    window_sentence = f"Các hoạt động được tổ chức từ ngày 16/4/{y} đến ngày 21/4/{y}."
    long_sentence = ("Các cơ quan, đơn vị căn cứ tình hình thực tế lựa chọn chủ đề phù hợp, bảo đảm thiết thực, "
                     "hiệu quả, gắn với nhiệm vụ chính trị của đơn vị.")
    body = f"II. CHỦ ĐỀ\n\n{window_sentence}\n\n{long_sentence}\n\nSáng tạo vì cuộc sống tốt đẹp hơn"
    draft = draft_of(site, document(issuer, body), y)

    texts = phrase_texts(site, draft)
    themes = {texts[without_review(i)]: i for i in draft.plan["themes"]}
    assert not any("16/4" in t for t in themes)  # never a window sentence as a theme
    assert marked(themes[long_sentence.rstrip(".")])
    assert not marked(themes["Sáng tạo vì cuộc sống tốt đẹp hơn"])  # a short line under its own heading
    assert draft.plan["window"] == {"start": f"{REVIEW_PREFIX}16/4/{y}", "end": f"{REVIEW_PREFIX}21/4/{y}"}


_WORDS = ["đơn vị", "tổ chức", "tuyên truyền", "cán bộ", "Nhân dân", "đổi mới", "sáng tạo", "hiệu quả", "thiết thực",
          "trên địa bàn", "các hoạt động", "hưởng ứng", "nâng cao", "nhận thức", "phong trào", "thi đua"]


@st.composite
def sentences_not_phrases(draw: st.DrawFn) -> str:
    """A whole sentence: clauses ended by a stop, more than 25 words, or a span of days."""
    clause = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6).map(" ".join)
    shape = draw(st.sampled_from(["clauses", "long", "dates"]))
    if shape == "clauses":
        text = ", ".join(draw(st.lists(clause, min_size=2, max_size=4))) + "."
    elif shape == "long":
        text = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=14, max_size=19)))
    else:
        day = draw(st.integers(1, 20))
        text = f"{draw(clause)} từ ngày {day}/4/2026 đến ngày {day + draw(st.integers(1, 8))}/4/2026"
    return text[:1].upper() + text[1:]


@settings(max_examples=60, deadline=None)
@given(sentence=sentences_not_phrases(), heading=st.sampled_from(["II. CHỦ ĐỀ", "II. KHẨU HIỆU", "2. Thông điệp"]))
def test_no_whole_sentence_is_an_unmarked_phrase(sentence: str, heading: str) -> None:
    site, issuer = shipped(), ISSUERS[1]
    draft = draft_of(site, document(issuer, f"{heading}\n\n{sentence}"), issuer.year)

    texts = phrase_texts(site, draft)
    for phrase_id in phrase_ids(draft):
        assert marked(phrase_id) or texts[phrase_id] not in sentence, (phrase_id, sentence)
    assert "từ ngày" not in " ".join(texts[without_review(i)] for i in phrase_ids(draft))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("intro", ["Các chủ đề, khẩu hiệu tuyên truyền năm nay như sau:", "Cụ thể:",
                                   "Tuyên truyền các khẩu hiệu sau đây:"])
def test_a_line_introducing_the_phrases_is_not_one(site: SiteData, issuer: Issuer, intro: str) -> None:
    body = f"II. CHỦ ĐỀ, KHẨU HIỆU\n\n{intro}\n\n- “{THEME}”"
    draft = draft_of(site, document(issuer, body), issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in phrase_ids(draft)] == [THEME]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("width", [60, 75, 90])
def test_a_numbered_phrase_wrapped_in_a_pdf_stays_one_phrase(site: SiteData, issuer: Issuer, width: int) -> None:
    """A PDF wraps `3. Toàn dân … Nghị quyết số 57-NQ/TW của` / `Bộ Chính trị!`: one slogan, never two."""
    slogans = ["Toàn Đảng, toàn dân, toàn quân quyết tâm thực hiện thắng lợi Nghị quyết số 57-NQ/TW của Bộ Chính trị!",
               "Đẩy mạnh ứng dụng khoa học, công nghệ vì sự phát triển nhanh và bền vững của quê hương, đất nước!"]
    body = "IV. KHẨU HIỆU TUYÊN TRUYỀN\n" + "\n".join(f"{n}. {t}" for n, t in enumerate(slogans, 1))
    draft = draft_of(site, pdf_like(document(issuer, body), width=width), issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in draft.plan["slogans"]] == slogans


# --- the property: nothing unmarked from under a heading naming two subjects --------------------------

_SUBJECT_WORDS = {
    "window": ["thời gian", "thời gian tổ chức", "thời gian thực hiện"],
    "phrases": ["chủ đề", "khẩu hiệu", "thông điệp", "chủ đề, khẩu hiệu"],
    "content": ["nội dung", "nội dung tuyên truyền", "hoạt động hưởng ứng"],
    "forms": ["hình thức", "hình thức tổ chức"],
    "place": ["địa điểm"],
}
_UNDER = [
    "Các hoạt động diễn ra từ ngày 14/4/2026 đến ngày 24/4/2026.",
    "Từ ngày 10 - 20/4/2026, cao điểm từ ngày 15/4 đến 18/4/2026.",
    "Chủ đề: “Sáng tạo vì cộng đồng bền vững”.",
    "- Khẩu hiệu: “Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2026”",
    "“Đổi mới để phát triển”",
    "- Treo băng rôn tại trụ sở và nơi công cộng.",
    "Tổ chức tọa đàm về đổi mới sáng tạo trong trường học.",
]


@st.composite
def mixed_headings(draw: st.DrawFn) -> str:
    first, second = draw(st.lists(st.sampled_from(sorted(_SUBJECT_WORDS)), min_size=2, max_size=2, unique=True))
    words = [draw(st.sampled_from(_SUBJECT_WORDS[first])), draw(st.sampled_from(_SUBJECT_WORDS[second]))]
    title = draw(st.sampled_from([", ", " và "])).join(words)
    title = title.upper() if draw(st.booleans()) else title[:1].upper() + title[1:]
    return draw(st.sampled_from(["II. ", "2. ", "b) "])) + title if draw(st.booleans()) else f"**{title}**"


@settings(max_examples=60, deadline=None)
@given(title=mixed_headings(), under=st.lists(st.sampled_from(_UNDER), min_size=1, max_size=4, unique=True))
def test_no_unmarked_value_comes_from_under_a_heading_naming_two_subjects(title: str, under: list[str]) -> None:
    site, issuer = shipped(), ISSUERS[3]
    body = title + "\n\n" + "\n\n".join(under) + "\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác thôn: Treo băng rôn."
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert all(marked(v) for v in strings(draft.plan.get("window", {})))
    known = site.campaigns[issuer.year].phrases()
    assert all(marked(i) or i in known for i in phrase_ids(draft))  # a phrase of the year is itself wherever printed
    for name in ("content", "forms", "purposes", "requirements", "context"):
        for item in strings(draft.plan.get(name, [])):
            assert marked(item) or not any(without_review(item) in u for u in under), (name, item)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("intro", "items", "kind"), [
    ("- Treo băng rôn tại trụ sở với một trong các khẩu hiệu sau:", ["“Sáng tạo vì cộng đồng”", "“Đổi mới để phát triển”"], "slogans"),
    ("2. Treo băng rôn, pa-nô tại trụ sở. Khẩu hiệu tham khảo:", ["Sáng tạo vì cộng đồng!", "Đổi mới để phát triển!"], "slogans"),
    ("- Tuyên truyền các thông điệp sau:", ["“Sáng tạo vì cộng đồng”", "“Đổi mới để phát triển”"], "messages"),
])
def test_phrases_listed_after_an_item_naming_their_kind_are_marked_phrases(site: SiteData, issuer: Issuer, intro: str,
                                                                          items: list[str], kind: str) -> None:
    """An item of the forms or content ending `… các khẩu hiệu sau:` and the phrases listed under it: phrases
    of that kind, marked (no heading of their one kind pins them), no longer items of the list."""
    listed = "\n".join(("+ " if intro.startswith("-") else "- ") + i for i in items)
    following = "- " if intro.startswith("-") else "3. "  # the next item at the introducing item's level
    body = f"II. HÌNH THỨC\n\n{intro}\n{listed}\n\n{following}Đăng tin trên trang thông tin điện tử."
    draft = draft_of(site, document(issuer, body), issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in draft.plan[kind]] == [i.strip("“”") for i in items]
    assert all(marked(i) for i in draft.plan[kind])
    assert len(draft.plan["forms"]) == 2


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("intro", "items", "marker"), [
    ("- Treo băng rôn tại trụ sở. Khẩu hiệu tham khảo:", ["Sáng tạo vì cộng đồng!", "Đổi mới để phát triển!"], "- "),
    ("- Treo pa-nô, áp phích với các khẩu hiệu sau:", ["Sáng tạo hôm nay, phát triển ngày mai!",
                                                      "Khoa học và công nghệ - nền tảng phát triển!"], "- "),
    ("• Căng băng rôn tại nhà văn hóa các thôn với khẩu hiệu:", ["Toàn dân đổi mới sáng tạo!",
                                                                 "Chung tay xây dựng xã thông minh!"], "• "),
])
def test_exclaimed_phrases_listed_at_their_introducing_items_level_are_marked_phrases(
        site: SiteData, issuer: Issuer, intro: str, items: list[str], marker: str) -> None:
    """A Word file's automatic numbering may print the phrases an item introduces with the item's own bullet:
    the following items ending with `!` are still the phrases (marked); the first that does not ends them."""
    listed = "\n".join(marker + i for i in items)
    body = f"II. HÌNH THỨC\n\n{intro}\n{listed}\n{marker}Đăng tin trên trang thông tin điện tử."
    draft = draft_of(site, document(issuer, body), issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in draft.plan["slogans"]] == items
    assert all(marked(i) for i in draft.plan["slogans"])
    assert draft.plan["forms"][-1] == "Đăng tin trên trang thông tin điện tử."
    assert len(draft.plan["forms"]) == 2


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_phrases_listed_in_a_dispatch_without_sections_are_marked_phrases(site: SiteData, issuer: Issuer) -> None:
    """A dispatch of numbered requests with no section headings: the same list of slogans."""
    text = document(issuer, "").replace(
        "I. MỤC ĐÍCH\n\nNâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.",
        "1. Tuyên truyền về ý nghĩa của ngày kỷ niệm.\n\n2. Treo băng rôn tại trụ sở với một trong các khẩu hiệu sau:\n"
        "- \"Sáng tạo vì cộng đồng\"\n- \"Đổi mới để phát triển quê hương, đất nước\"\n\n3. Đăng tin trên trang thông tin điện tử.")
    draft = draft_of(site, text, issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in draft.plan["slogans"]] == [
        "Sáng tạo vì cộng đồng", "Đổi mới để phát triển quê hương, đất nước"]
    assert all(marked(i) for i in draft.plan["slogans"])


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("item", "kind", "text"), [
    ("- Tuyên truyền về chủ đề năm nay và thông điệp “Sở hữu trí tuệ - nền tảng của đổi mới sáng tạo”;", "messages",
     "Sở hữu trí tuệ - nền tảng của đổi mới sáng tạo"),
    ("- Thông điệp: Khoa học, công nghệ và đổi mới sáng tạo là động lực phát triển nhanh.", "messages",
     "Khoa học, công nghệ và đổi mới sáng tạo là động lực phát triển nhanh"),
    ("- Khẩu hiệu: Khoa học và công nghệ - động lực phát triển quê hương!", "slogans",
     "Khoa học và công nghệ - động lực phát triển quê hương!"),
])
def test_a_phrase_in_the_content_takes_the_kind_that_introduces_it_marked(site: SiteData, issuer: Issuer, item: str,
                                                                         kind: str, text: str) -> None:
    body = f"II. NỘI DUNG\n\n- Tuyên truyền về vai trò của đổi mới sáng tạo.\n\n{item}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    texts = phrase_texts(site, draft)
    assert [texts[without_review(i)] for i in draft.plan[kind]] == [text]
    assert all(marked(i) for i in draft.plan[kind])


PARTY = Issuer("TỈNH ỦY QUẢNG NAM", "Quảng Nam", 2025, "241-KH/TU", "Ban Thường vụ Tỉnh ủy")


@pytest.mark.parametrize("numbering", [("I- ", "1- ", "2- "), ("I. ", "1. ", "2. ")])
def test_a_party_plans_dash_numbering_gives_its_sections(site: SiteData, numbering: tuple[str, str, str]) -> None:
    """Party documents number `I-`, `1-`: the same sections as `I.`, `1.`."""
    roman, one, two = numbering
    body = (f"{roman}NỘI DUNG, HÌNH THỨC\n{one}Nội dung\n- Lịch sử, ý nghĩa Ngày Khoa học và Công nghệ Việt Nam.\n"
            f"{two}Hình thức\n- Treo băng rôn tại trụ sở.\n\n{roman.replace('I', 'III')}THỜI GIAN\n"
            "Thực hiện từ tháng 4 đến hết tháng 5/2025; cao điểm từ ngày 10/5 đến ngày 20/5/2025.")
    text = document(PARTY, body).replace("I. MỤC ĐÍCH", f"{roman}MỤC ĐÍCH")
    draft = draft_of(site, text, 2025)

    assert draft.plan["content"] == ["Lịch sử, ý nghĩa Ngày Khoa học và Công nghệ Việt Nam."]
    assert draft.plan["forms"] == ["Treo băng rôn tại trụ sở."]
    assert draft.plan["window"] == {"start": f"{REVIEW_PREFIX}1/4/2025", "end": f"{REVIEW_PREFIX}31/5/2025",
                                    "peak": {"start": "10/5/2025", "end": "20/5/2025"}}


# --- 3. a window or a deadline without its year --------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("written", "start", "end"), [
    ("Từ ngày 15-21/4.", "15/4", "21/4"),
    ("Từ ngày 15/4 đến ngày 21/4.", "15/4", "21/4"),
    ("Từ 15/4 - 21/4 hằng năm", "15/4", "21/4"),
    ("Từ ngày 15 đến ngày 21 tháng 4.", "15/4", "21/4"),
    ("Trong tháng 4.", "1/4", "30/4"),
    ("Các hoạt động được triển khai trong tháng 4, tập trung vào tuần lễ 21/4.", "1/4", "30/4"),
    ("Từ tháng 4 đến hết tháng 5.", "1/4", "31/5"),
])
def test_a_window_without_a_year_takes_the_documents_year_marked(site: SiteData, issuer: Issuer, written: str,
                                                                 start: str, end: str) -> None:
    y = issuer.year
    draft = draft_of(site, document(issuer, f"II. THỜI GIAN THỰC HIỆN\n\n{written}"), y)

    window = draft.plan["window"]
    assert (window["start"], window["end"]) == (f"{REVIEW_PREFIX}{start}/{y}", f"{REVIEW_PREFIX}{end}/{y}")
    assert any(str(y) in note and "năm" in note for note in draft.notes)


@st.composite
def yearless_spans(draw: st.DrawFn) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """A span written without its year, and its first and last (day, month)."""
    month = draw(st.integers(3, 10))
    first = draw(st.integers(1, 20))
    last = draw(st.integers(first + 1, 28))
    forms = [f"Từ ngày {first}-{last}/{month}", f"Từ ngày {first:02d} - {last:02d}/{month:02d}",
             f"Từ {first}/{month} đến {last}/{month}", f"Từ ngày {first}/{month} đến hết ngày {last}/{month}",
             f"Từ ngày {first} đến ngày {last} tháng {month}"]
    if last <= 10:  # across the end of the month
        return (f"Từ ngày {first + 18}/{month} đến ngày {last}/{month + 1}", (first + 18, month), (last, month + 1))
    return draw(st.sampled_from(forms)) + draw(st.sampled_from([".", " trên địa bàn.", ""])), (first, month), (last, month)


@settings(max_examples=80, deadline=None)
@given(span=yearless_spans(), issuer=st.sampled_from(ISSUERS))
def test_every_span_without_a_year_is_read_in_the_documents_year_and_marked(
        span: tuple[str, tuple[int, int], tuple[int, int]], issuer: Issuer) -> None:
    written, (d1, m1), (d2, m2) = span
    y = issuer.year
    draft = draft_of(shipped(), document(issuer, f"II. THỜI GIAN THỰC HIỆN\n\n{written}"), y)

    window = draft.plan["window"]
    assert (window["start"], window["end"]) == (f"{REVIEW_PREFIX}{d1}/{m1}/{y}", f"{REVIEW_PREFIX}{d2}/{m2}/{y}")


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("item", "start", "end"), [
    ("3. Các hoạt động được tổ chức trong tháng 4/{y}, bảo đảm thiết thực, tiết kiệm.", "1/4", "30/4"),
    ("1. Đồng ý chủ trương tổ chức các hoạt động. Các hoạt động tổ chức trong tháng 5 năm {y}, bảo đảm hiệu quả.", "1/5", "31/5"),
    ("- Các hoạt động hưởng ứng diễn ra từ ngày 15/4/{y} đến ngày 26/4/{y}.", "15/4", "26/4"),
])
def test_a_window_in_a_sentence_saying_when_the_activities_are_held_is_read_marked(
        site: SiteData, issuer: Issuer, item: str, start: str, end: str) -> None:
    y = issuer.year
    draft = draft_of(site, document(issuer, f"II. NỘI DUNG\n\n{item.format(y=y)}"), y)

    assert draft.plan["window"] == {"start": f"{REVIEW_PREFIX}{start}/{y}", "end": f"{REVIEW_PREFIX}{end}/{y}"}


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_window_with_its_year_is_not_marked(site: SiteData, issuer: Issuer) -> None:
    y = issuer.year
    draft = draft_of(site, document(issuer, f"II. THỜI GIAN THỰC HIỆN\n\nTừ ngày 15/4/{y} đến hết ngày 26/4/{y}."), y)

    assert draft.plan["window"] == {"start": f"15/4/{y}", "end": f"26/4/{y}"}


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("written", "start", "end"), [
    ("Trong tháng 4/{y}.", "1/4", "30/4"), ("Trong tháng 5 năm {y}.", "1/5", "31/5"),
    ("Từ tháng 4 đến hết tháng 5/{y}.", "1/4", "31/5"),
])
def test_a_window_of_whole_months_is_marked_as_the_days_are_not_written(site: SiteData, issuer: Issuer, written: str,
                                                                       start: str, end: str) -> None:
    """The window holds days; `trong tháng 4` gives the month's first and last, which the document does not write."""
    y = issuer.year
    draft = draft_of(site, document(issuer, f"II. THỜI GIAN THỰC HIỆN\n\n{written.format(y=y)}"), y)

    assert draft.plan["window"] == {"start": f"{REVIEW_PREFIX}{start}/{y}", "end": f"{REVIEW_PREFIX}{end}/{y}"}
    assert any("tháng" in note and written.format(y=y).rstrip(".")[1:] in note for note in draft.notes)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("written", "date", "rule", "inferred"), [
    ("trước ngày 10/5", "10/5", "before", True),
    ("trước ngày 10/5/{y}", "10/5", "before", False),
    ("chậm nhất ngày 10/5", "10/5", "no_later_than", True),
    ("trước 10/5/{y}", "10/5", "before", False),
])
def test_a_deadline_keeps_its_wording_and_marks_a_year_it_lacks(site: SiteData, issuer: Issuer, written: str, date: str,
                                                               rule: str, inferred: bool) -> None:
    """`Trước ngày 10/5` is stored as the date written with the rule `before` (due the day before, as
    the model says), never as a claim that 10/5 is the last day."""
    y = issuer.year
    body = (f"II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Văn hóa - Xã hội: Tổng hợp, báo cáo kết quả về {issuer.who} "
            f"{written.format(y=y)}.")
    draft = draft_of(site, document(issuer, body), y)

    (deadline,) = draft.plan["report_deadlines"]
    assert deadline["date"] == (REVIEW_PREFIX if inferred else "") + f"{date}/{y}"
    assert deadline["rule"] == rule
    assert (rule in DAY_BEFORE_RULES) == written.startswith("trước")


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("sentence", "reporter"), [
    ("Kết quả thực hiện đề nghị gửi về Văn phòng trước ngày 10/5/{y} để tổng hợp, báo cáo.", None),
    ("Đề nghị gửi báo cáo về Văn phòng trước ngày 10/5/{y}.", None),
    ("Báo cáo kết quả (kèm ảnh) gửi về Văn phòng trước ngày 10/5/{y}.", None),
    # Who is asked, cut from the sentence at the verb after it: read, marked.
    ("Đề nghị các cơ quan, đơn vị báo cáo kết quả về Văn phòng trước ngày 10/5/{y}.", REVIEW_PREFIX + "các cơ quan, đơn vị"),
    ("Đề nghị Quý cơ quan tổng hợp, báo cáo kết quả về Văn phòng trước ngày 10/5/{y}.", REVIEW_PREFIX + "Quý cơ quan"),
    # The sentence's subject may be who reports, or may not: read, marked.
    ("Các đơn vị gửi báo cáo kết quả về Văn phòng trước ngày 10/5/{y}.", REVIEW_PREFIX + "Các đơn vị"),
    ("UBND các phường, xã gửi kết quả thực hiện về Văn phòng, hạn cuối ngày 10/5/{y} để tổng hợp.",
     REVIEW_PREFIX + "UBND các phường, xã"),
])
def test_who_reports_is_a_name_the_sentence_gives_or_asked_for(site: SiteData, issuer: Issuer, sentence: str,
                                                               reporter: str | None) -> None:
    """`đề nghị gửi về …` names nobody: the reporter is asked for, never the words after `đề nghị`."""
    body = f"II. NỘI DUNG\n\n- Treo băng rôn.\n\n- {sentence.format(y=issuer.year)}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    (deadline,) = draft.plan["report_deadlines"]
    assert deadline["reporter"] == reporter if reporter else deadline["reporter"].startswith(MARKER)


# --- 4. fragments -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("unit_line", "unit", "task"), [
    ("1. Phòng Văn hóa và Thông tin: Phòng Văn hóa và Thông tin chủ trì tuyên truyền trên hệ thống truyền thanh.",
     "Phòng Văn hóa và Thông tin", "Chủ trì tuyên truyền trên hệ thống truyền thanh."),
    ("- Sở Y tế: Sở Y tế chủ trì, phối hợp với các đơn vị treo băng rôn.",
     "Sở Y tế", "Chủ trì, phối hợp với các đơn vị treo băng rôn."),
    ("1. Công an xã\n\nCông an xã bảo đảm an ninh, trật tự tại các điểm tổ chức hoạt động.",
     "Công an xã", "Bảo đảm an ninh, trật tự tại các điểm tổ chức hoạt động."),
    ("1. Trung tâm Văn hóa: Trung tâm Văn hóa tỉnh phối hợp treo băng rôn.",
     "Trung tâm Văn hóa", "Trung tâm Văn hóa tỉnh phối hợp treo băng rôn."),
])
def test_a_task_does_not_repeat_its_units_name(site: SiteData, issuer: Issuer, unit_line: str, unit: str, task: str) -> None:
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n{unit_line}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    (responsibility,) = draft.plan["responsibilities"]
    assert (responsibility["unit"], responsibility["tasks"]) == (unit, [task])


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_numbered_unit_label_beside_unit_headings_is_a_unit_of_its_own(site: SiteData, issuer: Issuer) -> None:
    """`1. Sở A` with its tasks below, then `2. Sở B: task` at the same level: Sở B's task, not Sở A's."""
    body = ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n- Chủ trì triển khai Kế hoạch.\n- Tổng hợp kết quả.\n"
            "2. Sở Văn hóa, Thể thao và Du lịch: hướng dẫn treo băng rôn, khẩu hiệu.\n3. Sở Tài chính: bố trí kinh phí.\n"
            "4. Ủy ban nhân dân các xã, phường\n- Tuyên truyền trên hệ thống truyền thanh.")
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert [(r["unit"], r["tasks"]) for r in draft.plan["responsibilities"]] == [
        ("Sở Khoa học và Công nghệ", ["Chủ trì triển khai Kế hoạch.", "Tổng hợp kết quả."]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["hướng dẫn treo băng rôn, khẩu hiệu."]),
        ("Sở Tài chính", ["bố trí kinh phí."]),
        ("Ủy ban nhân dân các xã, phường", ["Tuyên truyền trên hệ thống truyền thanh."]),
    ]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_tasks_each_naming_their_body_first_are_each_that_bodys(site: SiteData, issuer: Issuer) -> None:
    """`- Ủy ban nhân dân các huyện chỉ đạo …` / `- Các trường … tổ chức …`: no unit heading, each line names its
    body as its subject: one unit each, the names read from sentences, marked, and so are the tasks (whether the
    subject belongs in the task's words is the staff's call)."""
    lines = ["Ủy ban nhân dân các huyện, thành phố chỉ đạo tuyên truyền trên hệ thống truyền thanh cơ sở.",
             "Các trường Cao đẳng, Trung học phổ thông tổ chức cho học sinh tìm hiểu về sở hữu trí tuệ.",
             "Các trường Cao đẳng, Trung học phổ thông tổ chức cho sinh viên đăng ký sáng chế."]
    body = "II. TỔ CHỨC THỰC HIỆN\n\n" + "\n".join(f"- {line}" for line in lines)
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert [(r["unit"], r["tasks"]) for r in draft.plan["responsibilities"]] == [
        (REVIEW_PREFIX + "Ủy ban nhân dân các huyện, thành phố", [REVIEW_PREFIX + line for line in lines[:1]]),
        (REVIEW_PREFIX + "Các trường Cao đẳng, Trung học phổ thông", [REVIEW_PREFIX + line for line in lines[1:]]),
    ]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("paragraph", "actor"), [
    ("Các đơn vị báo cáo kết quả về {who} trước ngày 30/4/{y}.", "Các đơn vị"),
    ("UBND các xã, phường tổ chức treo băng rôn tại trụ sở và báo cáo kết quả trước ngày 30/4/{y}.", "UBND các xã, phường"),
    ("Phòng Tài chính - Kế hoạch bảo đảm kinh phí; tổng hợp, báo cáo kết quả chậm nhất ngày 30/4/{y}.",
     "Phòng Tài chính - Kế hoạch"),
])
def test_a_paragraph_with_its_own_subject_is_not_the_last_labelled_units_task(site: SiteData, issuer: Issuer,
                                                                              paragraph: str, actor: str) -> None:
    """`2. Trung tâm Văn hóa: …` then a paragraph whose subject is another body: that body's words, not the
    centre's task, and the centre does not become who reports."""
    y = issuer.year
    body = ("II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Văn hóa - Xã hội: Chủ trì tổ chức các hoạt động.\n\n"
            "2. Trung tâm Văn hóa: Phối hợp treo băng rôn.\n\n" + paragraph.format(who=issuer.who, y=y))
    draft = draft_of(site, document(issuer, body), y)

    units = {r["unit"]: r["tasks"] for r in draft.plan["responsibilities"]}
    assert units["Trung tâm Văn hóa"] == ["Phối hợp treo băng rôn."]
    written = paragraph.format(who=issuer.who, y=y)
    # The body's words (its name marked), or, a request for reports ending the body, the issuer's closing words.
    assert units.get(REVIEW_PREFIX + actor) == [REVIEW_PREFIX + written] or draft.plan.get("closing") == written
    assert all(d["reporter"] != "Trung tâm Văn hóa" for d in draft.plan["report_deadlines"])


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("closing", [
    ["Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Văn phòng để tổng hợp, báo cáo.",
     "Trên đây là Kế hoạch hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới năm nay./."],
    ["Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện."],
    ["Yêu cầu Thủ trưởng các cơ quan, đơn vị triển khai thực hiện./."],
    ["Trong quá trình tổ chức thực hiện, nếu có vướng mắc, đề nghị phản ánh về cơ quan thường trực để được hướng dẫn.",
     "Đề nghị các đơn vị nghiêm túc thực hiện."],
])
@pytest.mark.parametrize("reading", ["txt", "pdf"])
def test_the_issuers_closing_words_are_not_the_last_units_task(site: SiteData, issuer: Issuer, closing: list[str],
                                                               reading: str) -> None:
    body = ("II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Văn hóa - Xã hội: Chủ trì tổ chức các hoạt động.\n\n"
            "2. Trung tâm Văn hóa: Phối hợp treo băng rôn.\n\n" + "\n\n".join(closing))
    text = document(issuer, body)
    draft = draft_of(site, pdf_like(text) if reading == "pdf" else text, issuer.year)

    assert draft.plan["responsibilities"][-1]["tasks"] == ["Phối hợp treo băng rôn."]
    assert strings(draft.plan["closing"]) == closing


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("request_", "closing", "date"), [
    ("Kết quả thực hiện đề nghị gửi về Văn phòng (qua bộ phận tổng hợp) trước ngày 10/5/{y} để tổng hợp, báo cáo.",
     ["Trân trọng./."], "10/5"),
    ("Báo cáo kết quả gửi về Văn phòng trước ngày 05/5/{y} để tổng hợp.",
     ["Trong quá trình thực hiện, nếu có vướng mắc xin liên hệ Văn phòng để được hướng dẫn.", "Trân trọng./."], "5/5"),
    ("Các thôn, tổ dân phố gửi kết quả thực hiện về Ủy ban nhân dân (qua công chức văn hóa), hạn cuối ngày 08/5/{y}.",
     ["Trên đây là Kế hoạch hưởng ứng năm nay, đề nghị các đơn vị triển khai thực hiện./."], "8/5"),
])
@pytest.mark.parametrize("reading", ["txt", "pdf"])
def test_a_request_for_reports_after_the_list_is_not_a_task_and_a_marked_part_of_the_closing(
        site: SiteData, issuer: Issuer, request_: str, closing: list[str], date: str, reading: str) -> None:
    """A plain paragraph asking for reports after the last numbered item: its deadline is read; it is not
    the last unit's task; whether it opens the closing the document does not say (staff differ): marked."""
    y = issuer.year
    written = request_.format(y=y)
    body = ("II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Văn hóa - Xã hội: Chủ trì tổ chức các hoạt động.\n\n"
            "2. Trung tâm Văn hóa: Phối hợp treo băng rôn.\n\n" + "\n\n".join([written, *closing]))
    text = document(issuer, body)
    draft = draft_of(site, pdf_like(text) if reading == "pdf" else text, y)

    assert draft.plan["responsibilities"][-1]["tasks"] == ["Phối hợp treo băng rôn."]
    assert strings(draft.plan["closing"]) == [REVIEW_PREFIX + squash(written), *closing]
    assert [without_review(d["date"]) for d in draft.plan["report_deadlines"]] == [f"{date}/{y}"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("opening", [
    "Nhằm nâng cao nhận thức về đổi mới sáng tạo, {who} xây dựng Kế hoạch như sau:",
    "Để hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới, cụ thể như sau:",
    "Nhằm lan tỏa tinh thần đổi mới sáng tạo trong cán bộ, Nhân dân, như sau:",
])
def test_no_item_dangles_on_as_follows(site: SiteData, issuer: Issuer, opening: str) -> None:
    """`… như sau:` introduces the sections: no list item ends on it with nothing after."""
    y = issuer.year
    text = document(issuer, "II. NỘI DUNG\n\n- Tuyên truyền trên hệ thống truyền thanh.").replace(
        "I. MỤC ĐÍCH\n\nNâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.\n\n",
        opening.format(who=issuer.who) + "\n\n")
    draft = draft_of(site, text, y)

    for name in ("context", "purposes", "content"):
        for item in strings(draft.plan.get(name, [])):
            assert not without_review(item).rstrip().endswith(("sau:", "sau", ":")), (name, item)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("opening", "context"), [
    ("Để hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới, {who} ban hành Kế hoạch tổ chức các hoạt động như sau:",
     "Để hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới, {who} ban hành Kế hoạch tổ chức các hoạt động."),
    ("Nhằm lan tỏa tinh thần đổi mới sáng tạo trong Nhân dân, {who} xây dựng Kế hoạch, cụ thể như sau:",
     "Nhằm lan tỏa tinh thần đổi mới sáng tạo trong Nhân dân, {who} xây dựng Kế hoạch."),
])
def test_an_opening_purpose_beside_a_purposes_section_is_kept_whole(site: SiteData, issuer: Issuer, opening: str,
                                                                    context: str) -> None:
    """The purposes are listed in their section: the opening sentence is context, whole, not its first clause."""
    text = document(issuer, "II. NỘI DUNG\n\n- Tuyên truyền trên hệ thống truyền thanh.").replace(
        "xây dựng Kế hoạch như sau:\n\n", "xây dựng Kế hoạch như sau:\n\n" + opening.format(who=issuer.who) + "\n\n")
    draft = draft_of(site, text, issuer.year)

    assert draft.plan["context"] == [context.format(who=issuer.who)]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("section", "last"), [
    ("II. NỘI DUNG", "- Tổ chức các hoạt động hưởng ứng, cụ thể như sau:"),
    ("II. HÌNH THỨC", "- Treo băng rôn tại các địa điểm sau:"),
    ("II. YÊU CẦU", "Các hoạt động phải bảo đảm các yêu cầu sau đây:"),
])
def test_an_item_ending_on_a_colon_with_nothing_after_is_not_written(site: SiteData, issuer: Issuer, section: str,
                                                                      last: str) -> None:
    body = f"{section}\n\n- Tuyên truyền trên hệ thống truyền thanh.\n\n{last}\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác thôn: Treo băng rôn."
    draft = draft_of(site, document(issuer, body), issuer.year)

    items = [i for name in ("content", "forms", "requirements") for i in strings(draft.plan.get(name, []))]
    assert items == ["Tuyên truyền trên hệ thống truyền thanh."]
    assert any(last.lstrip("- ") in note for note in draft.notes)


# --- 5. the signature -------------------------------------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("block", "authority", "title"), [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH", "TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    # A reader that ran the block's lines together: each printed line is still its own.
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ("KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"),
])
def test_a_printed_signature_without_a_name_asks_for_the_name(site: SiteData, issuer: Issuer, block: str,
                                                              authority: str | list[str], title: str) -> None:
    """The document prints who signs (the authority, the title): the draft says so, and asks for the name
    instead of saying the document names nobody."""
    ending = f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{block}\n"
    draft = draft_of(site, document(issuer, "II. NỘI DUNG\n\n- Treo băng rôn.", ending), issuer.year)

    signer = draft.plan["signer"]
    assert (signer["authority"], signer["title"]) == (authority, title)
    assert signer["name"].startswith(MARKER)
    assert any(title in note for note in draft.notes)


def _two_columns(left: list[str], right: list[str], gap: str) -> str:
    """`Nơi nhận` on the left and the signature on the right, as a PDF's text or a copy of a table gives them."""
    rows = [f"{a}{gap}{b}" if b else a for a, b in zip(left, right + [""] * len(left), strict=False)]
    return "\n".join(rows) + "".join(f"\n{gap}{b}" for b in right[len(left):]) + "\n"


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("gap", [" " * 40, "\t"], ids=["spaces", "tab"])
@pytest.mark.parametrize(("right", "expected"), [
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn Hùng"],
     {"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Hùng"}),
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "", "", "Nguyễn Đức Tâm"],
     {"authority": "T/M BAN THƯỜNG VỤ", "title": "PHÓ BÍ THƯ THƯỜNG TRỰC", "name": "Nguyễn Đức Tâm"}),
    (["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
     {"authority": "K/T TRƯỞNG BAN", "title": "PHÓ TRƯỞNG BAN", "name": "CẦN ĐIỀN: họ tên người ký"}),
])
def test_a_signature_printed_beside_the_recipients_is_read(site: SiteData, issuer: Issuer, gap: str, right: list[str],
                                                           expected: dict) -> None:
    ending = _two_columns(["Nơi nhận:", "- Như trên;", "- Sở Khoa học và Công nghệ (b/c);", "- Lưu: VT."], right, gap)
    draft = draft_of(site, document(issuer, "II. NỘI DUNG\n\n- Treo băng rôn.", ending), issuer.year)

    assert draft.plan["signer"] == expected
    assert draft.plan["recipients"] == ["Như trên", "Sở Khoa học và Công nghệ (b/c)", "Lưu: VT"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("block", "expected"), [
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(đã ký)\n\nQuách Thị Lan",
     {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Quách Thị Lan"}),
    ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG\nVỤ KHOA HỌC, CÔNG NGHỆ VÀ MÔI TRƯỜNG\n\nPhạm Quốc Hưng",
     {"authority": "TL. BỘ TRƯỞNG", "title": "VỤ TRƯỞNG VỤ KHOA HỌC, CÔNG NGHỆ VÀ MÔI TRƯỜNG", "name": "Phạm Quốc Hưng"}),
])
def test_a_signature_title_is_read_whole(site: SiteData, issuer: Issuer, block: str, expected: dict) -> None:
    """A title printed over two lines is one title (every line that is not signed on someone's behalf is
    the signer's own); `(đã ký)` under it is not part of it."""
    ending = f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{block}\n"
    draft = draft_of(site, document(issuer, "II. NỘI DUNG\n\n- Treo băng rôn.", ending), issuer.year)

    assert draft.plan["signer"] == expected


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_printed_name_is_read(site: SiteData, issuer: Issuer) -> None:
    draft = draft_of(site, document(issuer, "II. NỘI DUNG\n\n- Treo băng rôn."), issuer.year)

    assert draft.plan["signer"] == {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Hùng"}


# --- header: the issuer's cells ---------------------------------------------------------------------

PARTY_ENDING = """\
Nơi nhận:
- Như trên;
- Lưu Văn phòng.

{authority}
{title}

Lê Văn Thành
"""


@pytest.mark.parametrize(("cells", "number", "name", "parent", "province", "year"), [
    ("TỈNH ỦY HÀ TĨNH    ĐẢNG CỘNG SẢN VIỆT NAM\n*", "Số 118-KH/TU", "Tỉnh ủy Hà Tĩnh", None, "Hà Tĩnh", 2024),
    ("THÀNH ỦY CẦN THƠ    ĐẢNG CỘNG SẢN VIỆT NAM\n*", "Số 75-KH/TU", "Thành ủy Cần Thơ", None, "Cần Thơ", 2026),
    ("TỈNH ỦY BẮC GIANG    ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\n*", "Số 31-HD/BTGTU",
     "Ban Tuyên giáo Tỉnh ủy Bắc Giang", "TỈNH ỦY BẮC GIANG", "Bắc Giang", 2023),
    ("TỈNH ỦY ĐỒNG NAI\nBAN TUYÊN GIÁO VÀ DÂN VẬN", "Số 12-HD/BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Nai",
     "TỈNH ỦY ĐỒNG NAI", "Đồng Nai", 2026),
])
def test_a_party_header_names_its_committee_and_province(site: SiteData, cells: str, number: str, name: str,
                                                         parent: str | None, province: str, year: int) -> None:
    """A Party header (`TỈNH ỦY …`, `*`, `Số 118-KH/TU`) gives the committee, or the committee's body named with it,
    at the provincial level: never `tỉnh Ủy …`, never a central body for a provincial `Ban Tuyên giáo`."""
    text = document(Issuer(cells, province, year, "", ""), "II. NỘI DUNG\n\nTuyên truyền về đổi mới sáng tạo.",
                    PARTY_ENDING.format(authority="T/M BAN THƯỜNG VỤ", title="PHÓ BÍ THƯ"))
    text = text.replace("Số: \n", f"{number}\n")
    issuer = draft_of(site, text, year).plan["issuer"]
    assert (issuer["name"], issuer.get("parent"), issuer["level"], issuer["province"]) == (name, parent, "province", province)


@pytest.mark.parametrize("cells", ["BỘ KHOA HỌC VÀ CÔNG NGHỆ\nCỤC SỞ HỮU TRÍ TUỆ", "UBND TỈNH NINH BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO",
                                   "TỈNH ỦY LÀO CAI\nBAN TUYÊN GIÁO VÀ DÂN VẬN"])
def test_the_superior_body_is_written_as_the_header_prints_it(site: SiteData, cells: str) -> None:
    """The superior body's cell is kept as printed (`parent`, as the shipped plans hold it)."""
    issuer = draft_of(site, document(Issuer(cells, "Hà Nội", 2024, "12/KH-X", "Cơ quan"), "II. NỘI DUNG\n\nTuyên truyền."),
                      2024).plan["issuer"]
    assert issuer["parent"] == cells.split("\n")[0]


@pytest.mark.parametrize(("cells", "place", "level", "province"), [
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ NAM ĐỊNH", "Nam Định", "commune", "Nam Định"),
    ("UBND THÀNH PHỐ VINH", "Vinh", "commune", None),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", "Đà Nẵng", "province", "Đà Nẵng"),
])
def test_a_city_of_a_province_is_not_a_province(site: SiteData, cells: str, place: str, level: str, province: str | None) -> None:
    """`thành phố Nam Định` is a city of a province (the site's local level), `thành phố Đà Nẵng` a province-level
    city: only a city on the province lists is one."""
    issuer = draft_of(site, document(Issuer(cells, place, 2021, "45/KH-UBND", "Ủy ban nhân dân thành phố"),
                                     "II. NỘI DUNG\n\nTuyên truyền."), 2021).plan["issuer"]
    assert issuer["level"] == level
    if province:
        assert without_review(issuer["province"]) == province


@pytest.mark.parametrize("cells", ["UBND TỈNH NGHỆ AN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP",
                                   "BỘ Y TẾ"])
def test_a_short_name_the_document_does_not_print_is_not_written(site: SiteData, cells: str) -> None:
    """`Sở KH&CN Nghệ An` is the importer's abbreviation, not the document's: staff write a short name."""
    issuer = draft_of(site, document(Issuer(cells, "Nghệ An", 2026, "12/KH-X", "Cơ quan"), "II. NỘI DUNG\n\nTuyên truyền."),
                      2026).plan["issuer"]
    assert "short_name" not in issuer


def test_a_short_name_the_document_prints_is_written(site: SiteData) -> None:
    text = document(Issuer("UBND TỈNH NGHỆ AN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", "Nghệ An", 2026, "12/KH-SKHCN",
                           "Sở KH&CN Nghệ An"), "II. NỘI DUNG\n\nTuyên truyền.")
    assert draft_of(site, text, 2026).plan["issuer"]["short_name"] == "Sở KH&CN Nghệ An"


@pytest.mark.parametrize(("title", "kind", "subject"), [
    ("KẾ HOẠCH\ntuyên truyền kỷ niệm Ngày Khoa học và Công nghệ Việt Nam\n(18/5/2024)\n-----", "Kế hoạch",
     "tuyên truyền kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5/2024)"),
    ("HƯỚNG DẪN\ntổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2024\n*", "Hướng dẫn",
     "tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2024"),
    ("CHƯƠNG TRÌNH\nhành động thực hiện Nghị quyết số 57-NQ/TW\n---", "Chương trình",
     "hành động thực hiện Nghị quyết số 57-NQ/TW"),
])
def test_a_title_in_small_letters_under_the_type_is_the_subject(site: SiteData, title: str, kind: str, subject: str) -> None:
    """Party documents write their title in small letters under the type (`KẾ HOẠCH` / `tuyên truyền …`) and a
    rule below: the type and the subject, not a paragraph of context."""
    text = document(Issuer("TỈNH ỦY HÀ TĨNH", "Hà Tĩnh", 2024, "118-KH/TU", "Ban Thường vụ Tỉnh ủy"), "II. NỘI DUNG\n\nTuyên truyền.")
    text = text.replace("KẾ HOẠCH\nHưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm 2024", title)
    plan = draft_of(site, text, 2024).plan
    assert (plan["document"]["type"], plan["document"]["subject"]) == (kind, subject)
    assert not any(kind.upper() in c for c in strings(plan.get("context", [])))


@pytest.mark.parametrize(("subject", "days"), [
    ("Hưởng ứng Ngày hội Đổi mới sáng tạo quốc gia năm 2025", ["Ngày hội Đổi mới sáng tạo quốc gia"]),
    ("Tổ chức Ngày Chuyển đổi số quốc gia (10/10) năm 2024 trên địa bàn xã", ["Ngày Chuyển đổi số quốc gia (10/10)"]),
    ("Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm 2026", ["Ngày Sách và Văn hóa đọc Việt Nam"]),
    ("Hưởng ứng Ngày Đổi mới sáng tạo Việt Nam (01/10) và Ngày Chuyển đổi số quốc gia (10/10) năm 2025",
     ["Ngày Đổi mới sáng tạo Việt Nam (01/10)", "Ngày Chuyển đổi số quốc gia (10/10)"]),
])
@pytest.mark.parametrize("issuer", ISSUERS[1:3], ids=ISSUER_IDS[1:3])
def test_a_day_the_registry_does_not_hold_is_named_in_its_to_fill_marker(site: SiteData, issuer: Issuer, subject: str,
                                                                          days: list[str]) -> None:
    """A subject naming a day observances.yaml lacks: its `observances` say which day to add, in the subject's words."""
    text = document(issuer, "II. NỘI DUNG\n\nTuyên truyền.").replace(
        f"Hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới (21/4) năm {issuer.year}", subject)
    observances = draft_of(site, text, issuer.year).plan["observances"]
    assert len(observances) == len(days)
    for marker, day in zip(observances, days, strict=True):
        assert marker.startswith(MARKER) and day in marker


@pytest.mark.parametrize(("ending", "authority", "title", "recipients"), [
    ("Nơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\nPhạm Thị Lan", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
     ["Như trên", "Lưu: VT, VP"]),
    ("Nơi nhận: TL. BỘ TRƯỞNG\n- Như trên; CỤC TRƯỞNG CỤC THÔNG TIN\n- Bộ trưởng (để b/c);\n- Lưu: VT, TT.\nPhạm Thị Lan",
     "TL. BỘ TRƯỞNG", "CỤC TRƯỞNG CỤC THÔNG TIN", ["Như trên", "Bộ trưởng (để b/c)", "Lưu: VT, TT"]),
    ("Nơi nhận: T/M BAN THƯỜNG VỤ\n- Thường trực Tỉnh ủy, PHÓ BÍ THƯ\n- Lưu Văn phòng, VP UBND.\nPhạm Thị Lan",
     "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", ["Thường trực Tỉnh ủy", "Lưu Văn phòng, VP UBND"]),
    ("Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ (b/c); KT. CHỦ TỊCH\n- Lưu: VT. PHÓ CHỦ TỊCH\n\nPhạm Thị Lan",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", ["Sở Nội vụ (b/c)", "Lưu: VT"]),
])
@pytest.mark.parametrize("issuer", ISSUERS[:2], ids=ISSUER_IDS[:2])
def test_a_signature_beside_the_recipients_on_the_same_lines_is_the_signers(site: SiteData, issuer: Issuer, ending: str,
                                                                            authority: str | list[str], title: str,
                                                                            recipients: list[str]) -> None:
    """A reader that lost the gap between the two columns (a tab a PDF prints as a space) runs the signature's lines
    into the recipients': a line signed on behalf after `Nơi nhận:`, a title after an item's `;` are the signer's."""
    plan = draft_of(site, document(issuer, "II. NỘI DUNG\n\nTuyên truyền.", ending), issuer.year).plan
    assert plan["recipients"] == recipients
    assert (plan["signer"]["authority"], plan["signer"]["title"], plan["signer"]["name"]) == (authority, title, "Phạm Thị Lan")


@pytest.mark.parametrize("rule", ["______________________", "-----------", "————"])
@pytest.mark.parametrize("issuer", ISSUERS[1:3], ids=ISSUER_IDS[1:3])
def test_the_rule_under_a_subject_is_no_part_of_it(site: SiteData, issuer: Issuer, rule: str) -> None:
    """The short rule printed under `V/v …` (a PDF reads it onto the subject's line) is not in the subject."""
    text = f"""{issuer.lines}
Số: {issuer.number.replace("KH", "CV")}
V/v hưởng ứng Ngày Chuyển đổi số quốc gia năm {issuer.year} {rule}

{issuer.place}, ngày 02 tháng 10 năm {issuer.year}

Kính gửi: Các cơ quan, đơn vị.

Đề nghị các cơ quan, đơn vị tổ chức tuyên truyền./.

{ENDING}"""
    assert draft_of(site, text, issuer.year).plan["document"]["subject"] == f"hưởng ứng Ngày Chuyển đổi số quốc gia năm {issuer.year}"


@pytest.mark.parametrize("cells", ["ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nXÃ TÂN LẬP",
                                   "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM",
                                   "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nĐỘC LẬP - TỰ DO\n- HẠNH PHÚC"])
def test_a_motto_a_narrow_box_wrapped_is_no_part_of_the_issuer(site: SiteData, cells: str) -> None:
    issuer = draft_of(site, document(Issuer(cells, "Tân Lập", 2026, "38/KH-UBND", "Ủy ban nhân dân xã"),
                                     "II. NỘI DUNG\n\nTuyên truyền."), 2026).plan["issuer"]
    assert without_review(issuer["name"]) == "Ủy ban nhân dân xã Tân Lập"


@pytest.mark.parametrize(("cells", "place"), [("ỦY BAN NHÂN DÂN", "Tân Lập"), ("UBND", "Hòa Bình"),
                                              ("HỘI ĐỒNG NHÂN DÂN", "Bình An"), ("ĐẢNG ỦY", "Minh Xuân")])
def test_a_kind_of_body_without_its_place_is_never_an_unmarked_issuer(site: SiteData, cells: str, place: str) -> None:
    """A header cell that lost its second line (a box too small, a cut page) names a kind of body, not a body."""
    issuer = draft_of(site, document(Issuer(cells, place, 2026, "38/KH-UBND", "Cơ quan"), "II. NỘI DUNG\n\nTuyên truyền."),
                      2026).plan["issuer"]
    assert marked(issuer["name"]) or MARKER in issuer["name"]
    assert "short_name" not in issuer or marked(issuer["short_name"]) or MARKER in issuer["short_name"]


@pytest.mark.parametrize(("ending", "title", "name"), [
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTrịnh Văn Nam\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trịnh Văn Nam"),
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT, QLKH.\nLò Thị Mai Anh\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lò Thị Mai Anh"),
    ("Nơi nhận:\n- Các đảng ủy trực thuộc;\n- Lưu Văn phòng.\nHà Văn Tú\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ", "BÍ THƯ", "Hà Văn Tú"),
])
@pytest.mark.parametrize("issuer", ISSUERS[1:], ids=ISSUER_IDS[1:])
def test_a_name_read_before_its_signature_lines_is_the_signers(site: SiteData, issuer: Issuer, ending: str, title: str,
                                                               name: str) -> None:
    """Text copied from a PDF gives the recipients' column first, the signer's name at its foot, then the
    signature's column: the name after the recipients is the signer's, whichever column comes first."""
    signer = draft_of(site, document(issuer, "II. NỘI DUNG\n\nTuyên truyền.", ending), issuer.year).plan["signer"]
    assert (signer["title"], signer["name"]) == (title, name)


@pytest.mark.parametrize(("line", "kind", "subject"), [
    ("Hà Tĩnh, ngày 12 tháng 3 năm 2024    KẾ HOẠCH Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2024", "Kế hoạch",
     "Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2024"),
    ("Cần Thơ, ngày 02 tháng 10 năm 2026    HƯỚNG DẪN tuyên truyền Ngày Chuyển đổi số quốc gia năm 2026", "Hướng dẫn",
     "tuyên truyền Ngày Chuyển đổi số quốc gia năm 2026"),
    ("Tân Lập, ngày 15 tháng 4 năm 2025    THÔNG BÁO Lịch tổ chức Ngày hội khoa học", "Thông báo",
     "Lịch tổ chức Ngày hội khoa học"),
])
def test_a_type_and_title_run_onto_the_place_and_date_line_are_read(site: SiteData, line: str, kind: str, subject: str) -> None:
    """Text copied from a PDF runs the type and the title onto the place-and-date line, after a column gap."""
    text = f"""ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 38/UBND-VP
{line}
Căn cứ Kế hoạch số 12/KH-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã thực hiện như sau:

I. NỘI DUNG

Tuyên truyền.

{ENDING}"""
    document_ = draft_of(site, text, 2024).plan["document"]
    assert (document_["type"], document_["subject"]) == (kind, subject)


DEPARTMENTS = ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
               "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
               "SỞ DÂN TỘC VÀ TÔN GIÁO", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "CỤC THÔNG TIN KHOA HỌC VÀ CÔNG NGHỆ QUỐC GIA"]


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from(DEPARTMENTS), data=st.data())
def test_a_name_wrapped_anywhere_in_a_header_cell_is_read_whole(name: str, data: st.DataObject) -> None:
    """Wherever a narrow cell wraps a body's name (after its second word or later), the header reads one name
    under the superior body, never two bodies."""
    from campaign_site.importing import header
    from campaign_site.importing.text import paragraphs

    words = name.split()
    at = data.draw(st.integers(min_value=2, max_value=len(words) - 1))
    cell = f"UBND TỈNH NGHỆ AN\n{' '.join(words[:at])}\n{' '.join(words[at:])}\nSố: 12/KH-SKHCN\n"
    assert header.parse(paragraphs(cell)).agencies == ["UBND TỈNH NGHỆ AN", name]


# --- 5. whom a report goes to, and what a window's note is ---------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("sentence", "recipient"), [
    # A name, with the office it goes through in brackets or after `qua`, up to the deadline's words: whole, and
    # marked, since a preposition and the deadline's words cut it (no list names the span as one body).
    ("Các đơn vị gửi báo cáo kết quả về Sở Khoa học và Công nghệ (qua Phòng Quản lý chuyên ngành) trước ngày 10/5/{y} "
     "để tổng hợp.", REVIEW_PREFIX + "Sở Khoa học và Công nghệ (qua Phòng Quản lý chuyên ngành)"),
    ("Đề nghị các cơ quan báo cáo kết quả về Sở Văn hóa, Thể thao và Du lịch (qua Phòng Gia đình) chậm nhất ngày 10/5/{y}.",
     REVIEW_PREFIX + "Sở Văn hóa, Thể thao và Du lịch (qua Phòng Gia đình)"),
    ("Kết quả thực hiện gửi về Ủy ban nhân dân huyện qua Văn phòng HĐND và UBND huyện trước ngày 10/5/{y}.",
     REVIEW_PREFIX + "Ủy ban nhân dân huyện qua Văn phòng HĐND và UBND huyện"),
    ("Báo cáo kết quả gửi về Bộ (qua Vụ Kế hoạch - Tài chính; bản điện tử gửi qua hộp thư vukh@example.gov.vn) "
     "chậm nhất ngày 10/5/{y} để tổng hợp.",
     REVIEW_PREFIX + "Bộ (qua Vụ Kế hoạch - Tài chính; bản điện tử gửi qua hộp thư vukh@example.gov.vn)"),
    ("Đề nghị các đơn vị gửi báo cáo về Trung tâm Văn hóa tỉnh trước ngày 10/5/{y}.", REVIEW_PREFIX + "Trung tâm Văn hóa tỉnh"),
    # A name a reference list pins whole: unmarked.
    ("Các đơn vị gửi báo cáo kết quả về Ủy ban nhân dân tỉnh Lào Cai trước ngày 10/5/{y}.", "Ủy ban nhân dân tỉnh Lào Cai"),
    # Words that are not a name between the recipient and the date: the whole span, marked.
    ("Báo cáo kết quả gửi về Phòng Giáo dục, địa chỉ thư điện tử: pgd@example.gov.vn, hạn cuối ngày 10/5/{y}.",
     REVIEW_PREFIX + "Phòng Giáo dục, địa chỉ thư điện tử: pgd@example.gov.vn"),
    ("Các thôn gửi báo cáo về Ủy ban nhân dân xã, kèm hình ảnh hoạt động, trước ngày 10/5/{y}.",
     REVIEW_PREFIX + "Ủy ban nhân dân xã, kèm hình ảnh hoạt động"),
])
def test_a_report_goes_to_the_whole_name_the_sentence_gives(site: SiteData, issuer: Issuer, sentence: str,
                                                            recipient: str) -> None:
    """The recipient is what `về` names up to the deadline's words, with the office a report goes through,
    never a name cut at its first comma or bracket; words that are no name make it marked."""
    body = f"II. NỘI DUNG\n\n- Treo băng rôn.\n\n- {sentence.format(y=issuer.year)}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    (deadline,) = draft.plan["report_deadlines"]
    assert deadline["recipient"] == recipient


@given(name=st.sampled_from(["Sở Nội vụ", "Ủy ban nhân dân phường", "Bộ", "Văn phòng Tỉnh ủy"]),
       words=st.lists(st.sampled_from(["kèm", "ảnh", "văn bản", "địa chỉ", "thư", "hoặc", "điện tử"]),
                      min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_a_recipient_followed_by_words_that_are_no_name_is_never_unmarked(name: str, words: list[str]) -> None:
    """Whatever lower-case words (not the deadline's or the purpose's) come after the name, the recipient is marked."""
    issuer = ISSUERS[1]
    sentence = f"Các đơn vị gửi báo cáo về {name}, {' '.join(words)} trước ngày 10/5/{issuer.year}."
    draft = draft_of(shipped(), document(issuer, f"II. NỘI DUNG\n\n- Treo băng rôn.\n\n- {sentence}"), issuer.year)

    (deadline,) = draft.plan["report_deadlines"]
    assert marked(deadline["recipient"]) and without_review(deadline["recipient"]).startswith(name)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("section", "note"), [
    # A clause of the span's own sentence is its note; a clause holding the peak is the peak, no note.
    ("III. THỜI GIAN\n\nTừ ngày 15/4/{y} đến ngày 30/4/{y}; trong đó cao điểm từ ngày 19/4 đến ngày 21/4/{y}.", None),
    ("III. THỜI GIAN\n\nTừ ngày 15/4/{y} đến ngày 30/4/{y}; các hoạt động chính tổ chức trong tuần từ ngày 19/4 đến "
     "ngày 23/4/{y}.", None),
    ("III. THỜI GIAN\n\nTừ ngày 15/4/{y} đến ngày 30/4/{y}; có thể kết nối với Ngày Sở hữu trí tuệ thế giới 26/4.",
     REVIEW_PREFIX + "Có thể kết nối với Ngày Sở hữu trí tuệ thế giới 26/4."),
    # Another paragraph or another numbered item is not the window's note, unmarked.
    ("3. Thời gian: từ ngày 15/4 đến ngày 30/4/{y}.\n\n4. Đề nghị Ủy ban nhân dân các xã chỉ đạo các thôn treo băng rôn.",
     None),
    ("Thời gian thực hiện: từ ngày 15/4 đến hết ngày 30/4/{y}.\n\nTài liệu tuyên truyền được đăng tải trên Cổng thông "
     "tin điện tử của Sở; các đơn vị có thể sử dụng.", None),
    ("III. THỜI GIAN\n\nTrong tháng 4/{y}. Khuyến khích các đơn vị kết nối các hoạt động với Ngày Khoa học và Công "
     "nghệ Việt Nam 18/5.", None),
])
def test_a_windows_note_is_a_clause_of_its_own_sentence(site: SiteData, issuer: Issuer, section: str,
                                                        note: str | None) -> None:
    """What follows a window in its own sentence after `;` is its note, marked (a clause cut from the sentence);
    another sentence or paragraph is kept out of it unless marked, and a clause holding the peak adds no note."""
    draft = draft_of(site, document(issuer, section.format(y=issuer.year)), issuer.year)

    got = draft.plan["window"].get("note")
    if note is None:
        assert got is None or marked(got)
    else:
        assert got == note


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("peak", ["trong đó cao điểm từ ngày 19/4 đến ngày 21/4/{y}",
                                  "các hoạt động chính tổ chức trong tuần từ ngày 19/4 đến ngày 21/4/{y}",
                                  "tuần cao điểm từ ngày 19 - 21/4/{y}"])
def test_a_peak_inside_the_window_is_read(site: SiteData, issuer: Issuer, peak: str) -> None:
    y = issuer.year
    section = f"III. THỜI GIAN\n\nTừ ngày 15/4/{y} đến ngày 30/4/{y}; {peak.format(y=y)}."
    draft = draft_of(site, document(issuer, section), y)

    window = draft.plan["window"]
    assert (window["start"], window["end"]) == (f"15/4/{y}", f"30/4/{y}")
    assert (without_review(window["peak"]["start"]), without_review(window["peak"]["end"])) == (f"19/4/{y}", f"21/4/{y}")


# --- 6. the opening: what is context, what is the basis ---------------------------------------------------

def dispatch(issuer: Issuer, opening: str, items: list[str]) -> str:
    """A dispatch (`V/v …`) with no sections: an opening paragraph, then numbered items."""
    y = issuer.year
    numbered = "\n\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))
    return f"""\
{issuer.lines}

Số: {issuer.number.replace("KH", "CV")}
V/v hưởng ứng Ngày Khoa học và Công nghệ Việt Nam năm {y}

{issuer.place}, ngày 05 tháng 4 năm {y}

Kính gửi: Các cơ quan, đơn vị.

{opening}

{numbered}

{ENDING}"""


ITEMS = [
    "Đồng ý chủ trương tổ chức các hoạt động kỷ niệm trong tháng 5, bảo đảm thiết thực, tiết kiệm.",
    "Sở Y tế chủ trì, phối hợp với các đơn vị liên quan tổ chức hội thảo khoa học.",
    "Các cơ quan, đơn vị căn cứ tình hình thực tế tổ chức các hoạt động hưởng ứng phù hợp.",
]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("opening", [
    "Nhằm lan tỏa tinh thần đổi mới sáng tạo, {who} có ý kiến như sau:",
    "Để các hoạt động kỷ niệm được tổ chức thiết thực, {who} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
    "Năm nay là năm đầu tiên tổ chức hưởng ứng sau khi sắp xếp đơn vị hành chính, {who} thông báo như sau:",
])
def test_numbered_items_of_a_dispatch_without_a_basis_are_never_unmarked_context(site: SiteData, issuer: Issuer,
                                                                                  opening: str) -> None:
    """Without a `Thực hiện …` paragraph, the context is the plain opening only: the numbered items after it
    are what the dispatch asks, never its context."""
    draft = draft_of(site, dispatch(issuer, opening.format(who=issuer.who), ITEMS), issuer.year)

    context = draft.plan.get("context", [])
    assert not any(item[:30] in without_review(c) for c in context for item in ITEMS)
    assert all(not any(item[:30] in s for item in ITEMS) or marked(s) for s in strings(draft.plan.get("content", [])))


@given(items=st.lists(st.sampled_from(ITEMS + ["Treo băng rôn, khẩu hiệu tại trụ sở cơ quan.",
                                               "Đài Phát thanh và Truyền hình xây dựng chuyên mục tuyên truyền."]),
                      min_size=1, max_size=4, unique=True))
@settings(max_examples=25, deadline=None)
def test_no_numbered_item_is_unmarked_context(items: list[str]) -> None:
    issuer = ISSUERS[0]
    draft = draft_of(shipped(), dispatch(issuer, "Về việc tổ chức các hoạt động hưởng ứng, có ý kiến như sau:", items),
                     issuer.year)

    assert not any(item[:30] in c for c in draft.plan.get("context", []) if not marked(c) for item in items)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("opening", "number"), [
    ("Xét đề nghị của Sở Y tế tại Tờ trình số 45/TTr-SYT ngày 02/4/{y}, {who} có ý kiến như sau:", "45/TTr-SYT"),
    ("Xét đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số 12/TTr-VHXH ngày 01/4/{y} về việc tổ chức các hoạt động "
     "hưởng ứng, {who} thống nhất như sau:", "12/TTr-VHXH"),
    ("Xét Công văn số 318/SKHCN-QLCN ngày 28/3/{y} của Sở Khoa học và Công nghệ, {who} có ý kiến như sau:",
     "318/SKHCN-QLCN"),
])
def test_a_document_considered_in_the_opening_is_the_basis(site: SiteData, issuer: Issuer, opening: str,
                                                           number: str) -> None:
    """`Xét đề nghị … tại Tờ trình số …` (Decree 30's opening for what a decision answers) cites the basis."""
    y = issuer.year
    draft = draft_of(site, dispatch(issuer, opening.format(who=issuer.who, y=y), ITEMS), y)

    numbers = {d["id"]: d["number_symbol"] for d in draft.new_documents}
    assert [numbers[without_review(i)] for i in draft.plan["legal_basis"]] == [number]
    assert draft.plan.get("references", []) == []


# --- 7. units and their tasks -------------------------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("line", [
    "Liên minh Hợp tác xã tỉnh giới thiệu đến các hợp tác xã về đăng ký nhãn hiệu tập thể.",
    "Hội Nông dân huyện vận động hội viên ứng dụng tiến bộ kỹ thuật trong sản xuất.",
    "Đoàn Thanh niên xã phát động phong trào thanh niên sáng tạo.",
])
def test_a_line_naming_another_body_is_not_the_task_of_the_body_read_before(site: SiteData, issuer: Issuer,
                                                                            line: str) -> None:
    """Tasks read by their subject (`- Ủy ban nhân dân … chỉ đạo …`), then a line whose subject is a body the rules
    cannot name: not the first body's task; a unit of its own whose name is asked for."""
    first = "Ủy ban nhân dân các xã, phường chỉ đạo tuyên truyền trên hệ thống truyền thanh cơ sở."
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n- {first}\n- {line}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    units = draft.plan["responsibilities"]
    assert units[0]["tasks"] == [REVIEW_PREFIX + first]
    assert [t for u in units[1:] for t in u["tasks"]] == [REVIEW_PREFIX + line]
    assert all(marked(u["unit"]) or u["unit"].startswith(MARKER) for u in units)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("task", ["Tăng cường tuyên truyền trên mạng xã hội.", "tổ chức treo băng rôn tại trụ sở."])
def test_a_line_without_a_subject_stays_the_task_of_the_body_read_before(site: SiteData, issuer: Issuer, task: str) -> None:
    first = "Ủy ban nhân dân các xã, phường chỉ đạo tuyên truyền trên hệ thống truyền thanh cơ sở."
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n- {first}\n- {task}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert [u["tasks"] for u in draft.plan["responsibilities"]] == [[REVIEW_PREFIX + first, REVIEW_PREFIX + task]]


LONG_UNITS = ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
              "Ban Chỉ huy Quân sự huyện, Công an huyện và các đơn vị lực lượng vũ trang đóng quân trên địa bàn huyện",
              "Các cơ quan báo chí, Đài Phát thanh - Truyền hình và Cổng Thông tin điện tử của tỉnh"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("unit", LONG_UNITS)
@pytest.mark.parametrize("numbering", ["{i}.", "{i}-"])
def test_a_long_unit_name_numbered_beside_the_other_units_is_a_unit(site: SiteData, issuer: Issuer, unit: str,
                                                                    numbering: str) -> None:
    """A unit heading numbered like its siblings, without a final stop, is a unit however long its name."""
    task = "Tuyên truyền, vận động đoàn viên, hội viên hưởng ứng các hoạt động."
    one, two, three = (numbering.format(i=i) for i in (1, 2, 3))
    body = (f"II. TỔ CHỨC THỰC HIỆN\n\n{one} Phòng Văn hóa - Xã hội\n- Chủ trì tổ chức các hoạt động.\n"
            f"{two} {unit}\n{task}\n{three} Trung tâm Văn hóa\n- Treo băng rôn.")
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert [(r["unit"], r["tasks"]) for r in draft.plan["responsibilities"]] == [
        ("Phòng Văn hóa - Xã hội", ["Chủ trì tổ chức các hoạt động."]), (unit, [task]), ("Trung tâm Văn hóa", ["Treo băng rôn."])]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("unit", LONG_UNITS)
@pytest.mark.parametrize("asked", ["", "Đề nghị "])
def test_a_long_unit_label_is_a_unit_and_a_request_names_it_without_the_asking_word(
        site: SiteData, issuer: Issuer, unit: str, asked: str) -> None:
    """`5. Đề nghị Ủy ban Mặt trận …: tuyên truyền …` names the body asked (the request is the document's
    modality, not the body's name)."""
    body = (f"II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Văn hóa - Xã hội: chủ trì tổ chức các hoạt động.\n\n"
            f"2. {asked}{unit}: tuyên truyền, vận động hội viên tích cực hưởng ứng.")
    draft = draft_of(site, document(issuer, body), issuer.year)

    units = draft.plan["responsibilities"]
    assert [without_review(u["unit"]) for u in units] == ["Phòng Văn hóa - Xã hội", unit]
    assert [t.lower() for t in units[1]["tasks"]] == ["tuyên truyền, vận động hội viên tích cực hưởng ứng."]


# --- 8. documents the body cites ------------------------------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("sentence", "number", "certain"), [
    ("Các hoạt động gắn với thực hiện Nghị quyết số 09-NQ/TU của Tỉnh ủy.", "09-NQ/TU", False),
    ("Lồng ghép tuyên truyền Chỉ thị số 15/CT-UBND của Ủy ban nhân dân tỉnh.", "15/CT-UBND", False),
    # Documents the registry holds, named by their number only.
    ("Đẩy mạnh phổ biến Nghị quyết số 57-NQ/TW trong cán bộ, đảng viên.", "57-NQ/TW", False),
    ("Lồng ghép nội dung Nghị quyết số 71/NQ-CP của Chính phủ vào các buổi sinh hoạt.", "71/NQ-CP", False),
    ("Tiếp tục quán triệt Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về công tác tuyên truyền.",
     "123-KL/TW", True),
    ("Phổ biến Quyết định số 569/QĐ-TTg ngày 11/5/2022 của Thủ tướng Chính phủ về Chiến lược phát triển khoa học.",
     "569/QĐ-TTg", True),
])
def test_a_document_the_body_names_without_its_date_is_a_marked_reference(site: SiteData, issuer: Issuer, sentence: str,
                                                                          number: str, certain: bool) -> None:
    """A document cited in full in the body (type, number, date, issuer) is a reference; one only named by its
    number (`gắn với thực hiện Nghị quyết số …`) may be a mention staff do not list: marked."""
    body = f"II. NỘI DUNG\n\n- Treo băng rôn tại trụ sở.\n- {sentence}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    numbers = {d["id"]: d["number_symbol"] for d in draft.new_documents}
    numbers.update({d.id: d.number_symbol for d in site.documents.values()})
    (ref,) = [r for r in draft.plan["references"] if numbers.get(without_review(r)) == number]
    assert marked(ref) != certain


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("opening", "context"), [
    ("Nhằm nâng cao nhận thức của Nhân dân về sở hữu trí tuệ, {who} đề nghị các cơ quan, đơn vị thực hiện một số nội "
     "dung sau:", "Nhằm nâng cao nhận thức của Nhân dân về sở hữu trí tuệ, {who} đề nghị các cơ quan, đơn vị thực hiện "
     "một số nội dung sau:"),
    ("Để các hoạt động hưởng ứng được triển khai đồng bộ, {who} đề nghị các đơn vị quan tâm thực hiện như sau:",
     "Để các hoạt động hưởng ứng được triển khai đồng bộ, {who} đề nghị các đơn vị quan tâm thực hiện."),
    ("Nhằm lan tỏa tinh thần đổi mới sáng tạo trong thanh niên, {who} hướng dẫn tổ chức các hoạt động như sau:",
     "Nhằm lan tỏa tinh thần đổi mới sáng tạo trong thanh niên, {who} hướng dẫn tổ chức các hoạt động."),
])
def test_a_purpose_opening_a_paragraph_of_its_own_is_marked_context_and_marked_purpose(
        site: SiteData, issuer: Issuer, opening: str, context: str) -> None:
    """`Nhằm …, Sở … đề nghị …:` after the basis paragraph and with no purposes section: staff keep the sentence
    as the context, or its first clause as the purpose; both are written, marked."""
    written = opening.format(who=issuer.who)
    text = document(issuer, "II. NỘI DUNG\n\n- Tuyên truyền trên hệ thống truyền thanh.").replace(
        "I. MỤC ĐÍCH\n\nNâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.\n\n", written + "\n\n")
    draft = draft_of(site, text, issuer.year)

    assert draft.plan["context"] == [REVIEW_PREFIX + context.format(who=issuer.who)]
    (purpose,) = draft.plan["purposes"]
    assert marked(purpose) and written.startswith(without_review(purpose))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("heading", "under", "after"), [
    ("4. Phân công thực hiện", "a) Văn phòng: đầu mối theo dõi, đôn đốc.\nb) Trung tâm Văn hóa: treo băng rôn.",
     "5. Các đơn vị gửi báo cáo kết quả về Văn phòng trước ngày 05/5/{y} để tổng hợp."),
    ("4. Trách nhiệm thực hiện", "4.1. Phòng Văn hóa: chủ trì tổ chức.\n4.2. Công an xã: bảo đảm an ninh.",
     "5. Đề nghị các thôn thông tin đến Nhân dân qua hệ thống loa truyền thanh."),
    ("4. Thời gian: từ ngày 15/4 đến hết ngày 30/4/{y}.", "",
     "5. Đề nghị Ủy ban nhân dân các xã chỉ đạo các thôn treo băng rôn, khẩu hiệu."),
])
def test_an_item_numbered_at_its_sections_level_is_not_in_that_section(site: SiteData, issuer: Issuer, heading: str,
                                                                       under: str, after: str) -> None:
    """`4. Phân công thực hiện` then its units, then `5. …` a sentence: the fifth item is the dispatch's own, not
    the last unit's task nor the window's words; it is kept, marked, and a deadline in it is read."""
    y = issuer.year
    items = "1. Tuyên truyền về ý nghĩa của Ngày Sở hữu trí tuệ thế giới.\n\n2. Treo băng rôn tại trụ sở."
    text = dispatch(issuer, "Để hưởng ứng Ngày Sở hữu trí tuệ thế giới, đề nghị các đơn vị thực hiện như sau:", []).replace(
        "\n\n\n\nNơi nhận", f"\n\n{items}\n\n{heading.format(y=y)}\n{under}\n\n{after.format(y=y)}\n\nNơi nhận")
    draft = draft_of(site, text, y)

    written = after.format(y=y).split(" ", 1)[1]
    assert all(written not in t for u in draft.plan.get("responsibilities", []) for t in strings(u["tasks"]))
    assert written not in draft.plan.get("window", {}).get("note", "")
    assert REVIEW_PREFIX + written in strings(draft.plan.get("content", []))
    if "báo cáo" in written:
        assert [without_review(d["date"]) for d in draft.plan["report_deadlines"]] == [f"5/5/{y}"]


# --- 6. lists under a heading naming two of them ------------------------------------------------------

AIMS_TITLES = ["II. MỤC ĐÍCH, YÊU CẦU", "II- Mục đích và yêu cầu", "**II. Mục đích, yêu cầu**"]
AIM = "Khơi dậy tinh thần sáng tạo trong đoàn viên, thanh niên và học sinh trên địa bàn."
MANNER = "Các hoạt động phải bảo đảm an toàn, tiết kiệm, tránh phô trương, hình thức."


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", AIMS_TITLES)
@pytest.mark.parametrize("marker", ["- ", "1. ", "+ "])
def test_items_under_purposes_and_requirements_together_are_each_placed_marked(site: SiteData, issuer: Issuer, title: str,
                                                                               marker: str) -> None:
    """`Mục đích, yêu cầu` without subheadings pins neither list: an item saying how the work is done (`phải`,
    `bảo đảm`, `tiết kiệm`, `tránh`) and any after it are requirements, the ones before purposes, all marked."""
    numbered = marker == "1. "
    first, second = (f"{marker}{AIM}", f"{'2. ' if numbered else marker}{MANNER}")
    body = f"{title}\n\n{first}\n\n{second}\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác phòng: Treo băng rôn."
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert draft.plan["purposes"][1:] == [f"{REVIEW_PREFIX}{AIM}"]
    assert draft.plan["requirements"] == [f"{REVIEW_PREFIX}{MANNER}"]
    assert any("Mục đích, yêu cầu" in note for note in draft.notes)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", AIMS_TITLES)
def test_purposes_and_requirements_subheadings_pin_their_items(site: SiteData, issuer: Issuer, title: str) -> None:
    body = f"{title}\n\n1. Mục đích\n\n- {AIM}\n\n2. Yêu cầu\n\n- {MANNER}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert (draft.plan["purposes"][1:], draft.plan["requirements"]) == ([AIM], [MANNER])


@settings(max_examples=40, deadline=None)
@given(title=st.sampled_from(AIMS_TITLES), under=st.lists(st.sampled_from([AIM, MANNER, *_UNDER[5:]]), min_size=1,
                                                           max_size=3, unique=True))
def test_no_unmarked_purpose_or_requirement_comes_from_under_purposes_and_requirements_together(
        title: str, under: list[str]) -> None:
    site, issuer = shipped(), ISSUERS[1]
    body = title + "\n\n" + "\n\n".join(f"- {u.removeprefix('- ')}" for u in under)
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert all(marked(i) for i in draft.plan.get("purposes", [])[1:] + draft.plan.get("requirements", []))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", ["II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", "II- Nội dung và hình thức hưởng ứng",
                                   "**2. Nội dung, hình thức tổ chức**"])
def test_an_activity_under_content_and_forms_together_is_a_marked_form(site: SiteData, issuer: Issuer, title: str) -> None:
    """Under `Nội dung, hình thức` an item opening on what is done (`Treo`, `Tổ chức`, `Phát động`, `Đăng tải`) is
    a form, one naming what is told (`Lịch sử, ý nghĩa …`) content: both marked, neither pinned."""
    activities = ["Treo băng rôn, pa-nô tại trụ sở và các tuyến phố chính.",
                  "Tổ chức tọa đàm “Sáng tạo trong trường học” tại hội trường.",
                  "Đăng tải tin, bài trên trang thông tin điện tử của đơn vị."]
    told = "Lịch sử, ý nghĩa của Ngày Sáng tạo và Đổi mới sáng tạo thế giới."
    body = f"{title}\n\n- {told}\n\n" + "\n\n".join(f"- {a}" for a in activities)
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert draft.plan["forms"] == [f"{REVIEW_PREFIX}{a}" for a in activities]
    assert draft.plan["content"] == [f"{REVIEW_PREFIX}{told}"]


# --- tables of tasks ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TaskRow:
    task: str
    lead: str
    partners: str
    time: str


TASK_ROWS = [
    TaskRow("Tổ chức hội thi sáng tạo kỹ thuật dành cho thanh thiếu niên", "Sở Khoa học và Công nghệ",
            "Tỉnh đoàn, Sở Giáo dục và Đào tạo", "Tháng 4"),
    TaskRow("Treo băng rôn, khẩu hiệu tại trụ sở và các tuyến đường chính", "Văn phòng", "Các phòng chuyên môn", "Trước ngày 15/4"),
    TaskRow("Đưa tin về các hoạt động hưởng ứng trên trang thông tin điện tử", "Trung tâm Văn hóa - Thông tin và Thể thao",
            "Đài truyền thanh", "Cả tháng 4"),
    TaskRow("Tổng hợp kết quả, báo cáo cấp trên", "Văn phòng", "Các đơn vị liên quan", "Trước ngày 30/4"),
    TaskRow("Vận động doanh nghiệp tham gia trưng bày sản phẩm đổi mới sáng tạo", "Phòng Kinh tế và Hội Doanh nghiệp",
            "Các hợp tác xã", "Ngày 21/4"),
]
"""Invented rows: the fourth has the second's lead (one unit, two tasks), the fifth a lead cell naming two units."""


def task_table(header: list[str], rows: list[TaskRow], gap: str = "\t") -> str:
    cells = {"TT": None, "STT": None}
    lines = [gap.join(header)]
    for n, row in enumerate(rows, start=1):
        by_heading = [str(n) if h in cells else row.task if any(w in h for w in ("Nội dung", "Công việc", "Nhiệm vụ"))
                      else row.lead if ("chủ trì" in h or "thực hiện" in h) and "Thời" not in h
                      else row.partners if "phối hợp" in h else row.time for h in header]
        lines.append(gap.join(by_heading))
    return "\n".join(lines)


TABLE_HEADERS = [
    ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
    ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện"],
]


@pytest.mark.parametrize("gap", ["\t", "     "], ids=["tabs", "pdf-gap"])
@pytest.mark.parametrize("header", TABLE_HEADERS, ids=["with-time", "without-time", "lead-and-time"])
@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_table_of_tasks_gives_each_lead_unit_its_tasks(site: SiteData, issuer: Issuer, header: list[str], gap: str) -> None:
    """A header row naming the columns pins each cell: the lead cell is the unit (rows of one lead are its tasks,
    in order), the task cell its task; partners kept, marked; a lead cell naming two bodies marked; the paragraph
    after the table, which no column pins, marked."""
    after = "Các đơn vị gửi báo cáo kết quả về Văn phòng trước ngày 05/5 để tổng hợp."
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n{task_table(header, TASK_ROWS, gap)}\n\n{after}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    got = draft.plan["responsibilities"]
    tasks = [[t if isinstance(t, str) else t["text"] for t in u["tasks"]] for u in got]
    assert [u["unit"] for u in got][:4] == ["Sở Khoa học và Công nghệ", "Văn phòng", "Trung tâm Văn hóa - Thông tin và Thể thao",
                                            REVIEW_PREFIX + "Phòng Kinh tế và Hội Doanh nghiệp"]
    assert tasks[:4] == [[TASK_ROWS[0].task], [TASK_ROWS[1].task, TASK_ROWS[3].task], [TASK_ROWS[2].task], [TASK_ROWS[4].task]]
    partners = [t["performers"] for u in got[:4] for t in u["tasks"] if isinstance(t, dict)]
    assert partners == ([REVIEW_PREFIX + r.partners for r in (TASK_ROWS[0], TASK_ROWS[1], TASK_ROWS[3], TASK_ROWS[2],
                                                               TASK_ROWS[4])] if any("phối hợp" in h for h in header) else [])
    assert [t for u in got[4:] for t in u["tasks"]] == [REVIEW_PREFIX + after]
    assert all(marked(s) or MARKER in s or s in {c for r in TASK_ROWS for c in (r.task, r.lead)} for s in strings(got))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_table_of_activities_gives_the_content(site: SiteData, issuer: Issuer) -> None:
    """Under `Nội dung`, a table naming the activity and its time but no lead unit: each activity is a content item."""
    table = task_table(["TT", "Nội dung hoạt động", "Thời gian"], TASK_ROWS[:3])
    draft = draft_of(site, document(issuer, f"II. NỘI DUNG HOẠT ĐỘNG\n\n{table}"), issuer.year)

    assert draft.plan["content"] == [r.task for r in TASK_ROWS[:3]]
    assert "responsibilities" not in draft.plan or not draft.plan["responsibilities"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("wrapped", [False, True], ids=["one-line", "pdf-wrapped"])
def test_a_table_whose_columns_are_lost_gives_only_marked_tasks(site: SiteData, issuer: Issuer, wrapped: bool) -> None:
    """A PDF that keeps no gap between cells runs a row together (`1 Treo băng rôn … Văn phòng Các phòng …`): no cell
    is pinned, so every task is marked and no unit is written unmarked."""
    table = task_table(TABLE_HEADERS[0], TASK_ROWS, " ")
    text = document(issuer, f"II. TỔ CHỨC THỰC HIỆN\n\n{table}")
    draft = draft_of(site, pdf_like(text) if wrapped else text, issuer.year)

    got = strings(draft.plan["responsibilities"])
    assert got and all(marked(s) or MARKER in s for s in got)


@st.composite
def tables_of_tasks(draw: st.DrawFn) -> tuple[list[str], list[TaskRow]]:
    header = draw(st.sampled_from(TABLE_HEADERS))
    leads = st.sampled_from(["Sở Y tế", "Phòng Văn hóa và Thông tin", "Công an xã", "Sở Tài chính, Sở Nội vụ",
                             "Ủy ban nhân dân các xã; các thôn", "Văn phòng Bộ"])
    row = st.builds(TaskRow, st.sampled_from([r.task for r in TASK_ROWS]), leads,
                    st.sampled_from(["Các sở, ngành", "Đoàn Thanh niên", ""]), st.sampled_from(["Tháng 5", "Quý II"]))
    return header, draw(st.lists(row, min_size=3, max_size=6))


@settings(max_examples=30, deadline=None)
@given(tables_of_tasks(), st.sampled_from(["\t", "    "]))
def test_no_unmarked_unit_or_task_that_is_not_its_columns_cell(table: tuple[list[str], list[TaskRow]], gap: str) -> None:
    """Whatever the rows: an unmarked unit is a row's lead cell naming one body, an unmarked task is the task cell
    of a row with that lead."""
    header, rows = table
    issuer = ISSUERS[1]
    draft = draft_of(shipped(), document(issuer, f"II. TỔ CHỨC THỰC HIỆN\n\n{task_table(header, rows, gap)}"), issuer.year)

    for unit in draft.plan.get("responsibilities", []):
        texts = [t if isinstance(t, str) else t["text"] for t in unit["tasks"]]
        if not marked(unit["unit"]):
            assert not any(c in unit["unit"] for c in ",;")
            assert {t for t in texts if not marked(t)} <= {r.task for r in rows if r.lead == unit["unit"]}
        for task in unit["tasks"]:
            assert isinstance(task, str) or not task.get("performers") or marked(task["performers"])


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
def test_a_line_a_pdf_wrapped_out_of_an_activities_table_is_marked(site: SiteData, issuer: Issuer) -> None:
    """A cell's words a PDF puts on a line of their own under the table: no column pins them, so they are marked;
    the next heading pins its items again."""
    table = "\n".join(["STT\tHoạt động\tThời gian\tKinh phí", f"1\t{TASK_ROWS[0].task}\tTháng 4\t5 triệu đồng",
                       f"2\t{TASK_ROWS[1].task}\tTrước ngày 15/4\t3 triệu đồng"])
    body = f"II. NỘI DUNG\n\n{table}\nvà các tuyến phố\n\nIII. HÌNH THỨC\n\nTuyên truyền trên loa truyền thanh."
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert draft.plan["content"] == [TASK_ROWS[0].task, TASK_ROWS[1].task, REVIEW_PREFIX + "và các tuyến phố"]
    assert draft.plan["forms"] == ["Tuyên truyền trên loa truyền thanh."]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("request_words", ["Đề nghị {who} gửi báo cáo về Văn phòng trước ngày 10/5/{y}.",
                                           "Yêu cầu {who} báo cáo kết quả chậm nhất ngày 12/5/{y}."])
def test_a_deadline_in_a_table_that_lost_its_columns_names_no_unmarked_reporter(site: SiteData, issuer: Issuer,
                                                                                  request_words: str) -> None:
    """A table a PDF ran together with the request for reports after it: who reports is read from words no rule
    pins, so it is marked."""
    rows = task_table(TABLE_HEADERS[0], TASK_ROWS[:3], " ").replace("\n", " ")
    request = request_words.format(who="các đơn vị", y=issuer.year)
    draft = draft_of(site, document(issuer, f"II. TỔ CHỨC THỰC HIỆN\n\n{rows} {request}"), issuer.year)

    assert draft.plan["report_deadlines"]
    assert all(marked(d["reporter"]) or MARKER in d["reporter"] for d in draft.plan["report_deadlines"])


# --- round 4: what a list or a signature does not pin ----------------------------------------------------

@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("items", "after"), [
    (["a) Phòng Văn hóa - Xã hội: chủ trì tổ chức các hoạt động.", "b) Trung tâm Truyền thông: đưa tin các hoạt động."],
     "Bên cạnh đó, các trường học lồng ghép nội dung sở hữu trí tuệ vào hoạt động ngoại khóa trước ngày 20/10 hằng năm."),
    (["1. Văn phòng: tổng hợp kết quả.", "2. Đoàn Thanh niên: phát động phong trào sáng tạo trẻ."],
     "Ngoài ra, khuyến khích các hợp tác xã tham gia trưng bày sản phẩm."),
    (["- Hội Nông dân: vận động hội viên ứng dụng tiến bộ kỹ thuật.", "- Hội Phụ nữ: tuyên truyền đến hội viên."],
     "Đồng thời, các thôn, tổ dân phố thông báo trên loa truyền thanh."),
])
def test_a_paragraph_after_a_list_of_unit_labels_is_not_pinned_to_the_last_unit(
        site: SiteData, issuer: Issuer, items: list[str], after: str) -> None:
    """`a) Unit: task` items, then a paragraph with no marker: outside the list, so no unit's task for certain;
    kept with its words, marked. The items themselves stay pinned."""
    body = "II. TỔ CHỨC THỰC HIỆN\n\n" + "\n".join(items) + f"\n\n{after}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    tasks = [t for r in draft.plan["responsibilities"] for t in r["tasks"]]
    assert REVIEW_PREFIX + after in tasks or draft.plan.get("closing") == after
    assert [r["unit"] for r in draft.plan["responsibilities"]] == [i.split(" ", 1)[1].split(":")[0] for i in items]
    assert all(not marked(t) for t in tasks if t != REVIEW_PREFIX + after)


UNIT_SUBJECTS = ["Sở Y tế", "Phòng Giáo dục và Đào tạo huyện", "Ủy ban nhân dân các xã, phường", "Trung tâm Văn hóa tỉnh",
                 "Ban Quản lý khu kinh tế", "Các trường Trung học phổ thông"]
TASK_VERBS = ["chủ trì", "phối hợp", "tuyên truyền", "tổ chức", "hướng dẫn", "theo dõi"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(UNIT_SUBJECTS), st.sampled_from(TASK_VERBS),
                          st.sampled_from(["các hoạt động hưởng ứng.", "treo băng rôn tại trụ sở.", "báo cáo kết quả."])),
                min_size=1, max_size=4),
       st.sampled_from(["- ", "+ ", ""]))
def test_no_unmarked_task_under_a_unit_read_from_a_sentence(lines: list[tuple[str, str, str]], bullet: str) -> None:
    """Property: under `Tổ chức thực hiện` without unit headings or labels, a unit is read from a sentence's subject,
    so it and every task given to it are marked."""
    issuer = ISSUERS[1]
    body = "II. TỔ CHỨC THỰC HIỆN\n\n" + "\n".join(f"{bullet}{u} {v} {rest}" for u, v, rest in lines)
    draft = draft_of(shipped(), document(issuer, body), issuer.year)

    for r in draft.plan.get("responsibilities", []):
        assert marked(r["unit"]) or r["unit"].startswith(MARKER)
        assert all(marked(t if isinstance(t, str) else t["text"]) for t in r["tasks"])


TARGET_HEADINGS = ["II. MỤC TIÊU", "II. MỤC TIÊU ĐẾN NĂM 2030", "2. Mục tiêu cụ thể"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", TARGET_HEADINGS)
def test_items_under_targets_are_marked_purposes(site: SiteData, issuer: Issuer, title: str) -> None:
    """A plan has no field for `Mục tiêu` (figures to reach): its items are kept as purposes, each marked; the
    purpose under `Mục đích` stays pinned."""
    targets = ["100% cơ quan, đơn vị treo băng rôn hưởng ứng.", "Ít nhất 05 sáng kiến được công nhận trong năm."]
    body = f"{title}\n\n" + "\n".join(f"- {t}" for t in targets) + "\n\nIII. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở."
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert draft.plan["purposes"] == ["Nâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.",
                                      *(REVIEW_PREFIX + t for t in targets)]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("aside", ["(Chi tiết tại Phụ lục kèm theo)", "(Có danh mục kèm theo).",
                                   "(Nội dung cụ thể theo hướng dẫn của Sở Thông tin và Truyền thông)"])
def test_a_paragraph_in_brackets_is_a_marked_note_not_an_item(site: SiteData, issuer: Issuer, aside: str) -> None:
    body = f"II. NỘI DUNG\n\n- Tuyên truyền về vai trò của sở hữu trí tuệ.\n- Tổ chức tọa đàm về khởi nghiệp.\n\n{aside}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert strings(draft.plan["content"]) == ["Tuyên truyền về vai trò của sở hữu trí tuệ.", "Tổ chức tọa đàm về khởi nghiệp.",
                                              REVIEW_PREFIX + aside]


APPENDICES = ["PHỤ LỤC\nDANH MỤC CÁC HOẠT ĐỘNG HƯỞNG ỨNG\n(Kèm theo Kế hoạch số {number})",
              "PHỤ LỤC I\nBẢNG PHÂN CÔNG NHIỆM VỤ\nSTT\tNội dung\tĐơn vị chủ trì\n1\tTreo băng rôn\tVăn phòng",
              "PHỤ LỤC 02\nMẪU BÁO CÁO KẾT QUẢ"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("appendix", APPENDICES)
@pytest.mark.parametrize("order", ["signature-first", "column-read-after"])
def test_an_appendix_after_the_signature_is_no_part_of_it(site: SiteData, issuer: Issuer, appendix: str, order: str) -> None:
    """An appendix printed after the signature (Decree 30): its title and table are not signature lines, the
    signature is kept when a reader gives its column after the appendix, and staff are told it was not imported."""
    signature = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Thị Hoa"
    tail = appendix.format(number=issuer.number)
    recipients = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    ending = (f"{recipients}\n\n{signature}\n\n\n{tail}" if order == "signature-first"
              else f"{recipients}\n\n\n{tail}\n\n{signature}")
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.", ending), issuer.year)

    assert draft.plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Thị Hoa"}
    assert draft.plan["recipients"] == ["Như trên", "Lưu: VT"]
    assert any(tail.split("\n")[0] in note for note in draft.notes)


WRAPPED_UNITS = [
    ("Phòng Văn hóa - Xã hội", "chủ trì, phối hợp Phòng Tài chính - Kế hoạch, Trung tâm Văn hóa - Thể thao tổ chức "
                               "Ngày hội Sáng tạo trẻ tại Nhà Văn hóa trung tâm."),
    ("Hội Liên hiệp Phụ nữ xã", "vận động hội viên tham gia Cuộc thi Ý tưởng khởi nghiệp và Hội thi Sáng tạo kỹ thuật "
                                "năm nay."),
    ("Đoàn Thanh niên xã", "phát động phong trào Thanh niên tình nguyện, hướng dẫn Câu lạc bộ Khởi nghiệp đăng ký nhãn "
                           "hiệu Gạo Tân Phú."),
]
"""Invented `Unit: task` items whose tasks hold capitalised names and dashes a wrap may put first on a line."""


def hard_wrapped(text: str, width: int) -> str:
    """`text` with every line longer than `width` wrapped at spaces, as a PDF's text layer gives it."""
    import textwrap

    return "\n".join(textwrap.fill(line, width, break_on_hyphens=False) if len(line) > width else line
                     for line in text.split("\n"))


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=56, max_value=96), st.sampled_from(["{l})", "{n}.", "3.{n}."]))
def test_a_unit_label_wrapped_at_any_width_gives_no_unmarked_wrong_unit_or_task(width: int, numbering: str) -> None:
    """Property: `a) Unit: task` items hard-wrapped at any width (a line may open with a capitalised name or a
    dash) give each unit and its whole task, or mark what the wrap left uncertain."""
    issuer = ISSUERS[0]
    items = "\n".join(f"{numbering.format(l='abc'[i], n=i + 1)} {unit}: {task}" for i, (unit, task) in enumerate(WRAPPED_UNITS))
    text = hard_wrapped(document(issuer, f"II. TỔ CHỨC THỰC HIỆN\n\n{items}"), width)
    draft = draft_of(shipped(), text, issuer.year)

    names, tasks = {u for u, _ in WRAPPED_UNITS}, {t for _, t in WRAPPED_UNITS}
    for r in draft.plan["responsibilities"]:
        assert marked(r["unit"]) or r["unit"].startswith(MARKER) or r["unit"] in names
        assert all(marked(t) or t in tasks for t in strings(r["tasks"]))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("unit", "task"), WRAPPED_UNITS)
def test_a_numbered_unit_label_is_an_item_even_without_a_final_stop(site: SiteData, issuer: Issuer, unit: str, task: str) -> None:
    """`b) Unit: task` with no final stop (a wrap or a typing slip) is the unit's item, not a heading naming the
    whole line as a unit."""
    cut = task.rstrip(".")
    body = f"II. TỔ CHỨC THỰC HIỆN\n\na) Văn phòng: tổng hợp kết quả.\n\nb) {unit}: {cut}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert [(r["unit"], r["tasks"]) for r in draft.plan["responsibilities"]] == [
        ("Văn phòng", ["tổng hợp kết quả."]), (unit, [cut])]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("authority", "first", "rest"), [
    ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "THƯỜNG TRỰC"),
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG", "TRỰC"),
    ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
])
def test_a_signature_title_the_narrow_column_wrapped_stays_the_signatures(site: SiteData, issuer: Issuer, authority: str,
                                                                          first: str, rest: str) -> None:
    """A PDF's text: the signature's column beside the recipients, its title wrapped onto a line of its own with no
    gap before it. The rest of the title is the title's, not the recipient's."""
    gap = "      "
    ending = (f"Nơi nhận:{gap}{authority}\n\n- Ban Dân vận Trung ương (b/c),{gap}{first}\n{rest}\n\n"
              f"- Các đồng chí ủy viên,\n\n- Lưu: VT.{gap}Phạm Thu Hà")
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.", ending), issuer.year)

    assert draft.plan["signer"] == {"authority": authority, "title": f"{first} {rest}", "name": "Phạm Thu Hà"}
    assert draft.plan["recipients"] == ["Ban Dân vận Trung ương (b/c)", "Các đồng chí ủy viên", "Lưu: VT"]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("last", "name"), [
    ("Lưu: VT, VX.", "Trịnh Thị Lan"),
    ("Lưu: VT, KGVX (2). HN", "Đỗ Văn Khải"),
    ("UBND các xã, thị trấn;", "Vi Văn Sáng"),
])
def test_a_name_run_onto_the_last_recipient_is_the_marked_signer(site: SiteData, issuer: Issuer, last: str, name: str) -> None:
    """A PDF whose gap between the recipients and the signature is lost: the name at the end of a recipient's line
    is read as the signer's, and both it and the recipient are marked (either reading may be wrong)."""
    ending = f"Nơi nhận:\n- Như trên;\n- {last} {name}\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.", ending), issuer.year)

    assert draft.plan["signer"]["name"] == REVIEW_PREFIX + name
    assert draft.plan["recipients"] == ["Như trên", REVIEW_PREFIX + last.rstrip(";.")]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["Như trên;", "Sở Nội vụ;", "UBND các phường;", "Phòng Văn hóa - Xã hội;", "Lưu: VT, VP.",
                                 "Báo Nhân dân;", "Đài Phát thanh và Truyền hình tỉnh;", "Ban Tuyên giáo Tỉnh ủy (b/c);"]),
                min_size=1, max_size=6))
def test_no_recipient_without_a_name_beside_it_is_cut_or_marked(items: list[str]) -> None:
    """Property: recipients written as organisations are never cut into a signer's name, nor marked."""
    issuer = ISSUERS[1]
    ending = "Nơi nhận:\n" + "\n".join(f"- {i}" for i in items) + "\n\nGIÁM ĐỐC\n\nNguyễn Văn Hùng"
    draft = draft_of(shipped(), document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.", ending), issuer.year)

    assert draft.plan["recipients"] == [i.rstrip(";.") for i in items]
    assert draft.plan["signer"]["name"] == "Nguyễn Văn Hùng"


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("addressees", ["Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương",
                                        "Ủy ban nhân dân các xã, phường, đặc khu", "Các trường Trung học phổ thông trên địa bàn"])
@pytest.mark.parametrize("layout", ["pasted", "pdf"])
def test_the_addressee_line_without_a_stop_does_not_take_the_first_sentence(site: SiteData, issuer: Issuer, addressees: str,
                                                                            layout: str) -> None:
    """`Kính gửi: …` printed without a stop, then the body's first sentence starting with a capital: pasted with no
    blank line, or a PDF's layout whose blank lines the reader keeps. The addressees end with their line."""
    opening = ("Ngày Khoa học và Công nghệ Việt Nam được tổ chức hằng năm nhằm tôn vinh đội ngũ trí thức, nhà khoa học "
               "trong cả nước. Để hưởng ứng, đề nghị các đơn vị thực hiện một số nội dung sau:")
    text = dispatch(issuer, opening, ITEMS).replace("Kính gửi: Các cơ quan, đơn vị.", f"Kính gửi: {addressees}")
    text = text.replace("\n\n", "\n") if layout == "pasted" else hard_wrapped(text, 84)
    draft = draft_of(site, text, issuer.year)

    assert draft.plan["addressees"] == [addressees]


@pytest.mark.parametrize(("before", "symbol", "after"), [
    ("Thực hiện Chương trình hành động số", "07-CTr/TU", "của Tỉnh ủy về phát triển khoa học."),
    ("Căn cứ Kế hoạch số", "112-KH/TU", "ngày 03/3/2025 của Ban Thường vụ Huyện ủy."),
    ("Thực hiện Hướng dẫn số", "21-HD/BTGDVTW", "của Ban Tuyên giáo và Dân vận Trung ương."),
])
def test_a_party_symbol_a_wrap_broke_at_its_hyphen_is_rejoined(before: str, symbol: str, after: str) -> None:
    """`số 07-` / `CTr/TU …`: a Party document's number and symbol broken at the hyphen by a wrap read as one code,
    whatever the case of the symbol's letters."""
    from campaign_site.importing.text import paragraphs

    number, rest = symbol.split("-", 1)
    (para,) = paragraphs(f"{before} {number}-\n{rest} {after}")
    assert para.text == f"{before} {symbol} {after}"


@pytest.mark.parametrize(("cell", "symbol", "place", "year"), [
    ("UBND TỈNH HÀ GIANG", "SKHCN-QLKH", "Hà Giang", 2024),
    ("UBND TỈNH LÂM ĐỒNG", "KHCN-VP", "Lâm Đồng", 2026),
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "SVHTTDL-QLVH", "Quảng Ngãi", 2023),
])
def test_a_committee_cell_without_ubnd_in_the_symbol_is_a_marked_issuer(site: SiteData, cell: str, symbol: str, place: str,
                                                                        year: int) -> None:
    """Decree 30: a People's Committee signs with `UBND` in its symbol. A header whose only cell is a committee's,
    with a department's symbol, lost the department's line (a text box, a cut cell): the issuer is marked."""
    issuer = Issuer(cell, place, year, f"215/{symbol}", "Sở")
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở."), year)

    assert marked(draft.plan["issuer"]["name"])
    assert any(symbol in note for note in draft.notes)


@pytest.mark.parametrize(("cell", "place", "year"), [("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "Nghệ An", 2026),
                                                   ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN", "Bắc Kạn", 2024)])
@pytest.mark.parametrize("symbol", ["KH-UBND", "UBND-VX", "UBND-KGVX"])
def test_a_committee_with_ubnd_in_its_symbol_stays_unmarked(site: SiteData, cell: str, place: str, year: int,
                                                            symbol: str) -> None:
    issuer = Issuer(cell, place, year, f"45/{symbol}", "Ủy ban nhân dân tỉnh")
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở."), year)

    assert not marked(draft.plan["issuer"]["name"])


@pytest.mark.parametrize(("cells", "place", "year", "subject", "cut"), [
    ("BỘ Y TẾ", "Hà Nội", 2021, "hưởng ứng Ngày Sáng tạo và Đổi mới sáng tạo thế giới, Ngày Sở hữu trí tuệ thế giới năm 2021", 13),
    ("UBND TỈNH THÁI BÌNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", "Thái Bình", 2024,
     "tổ chức các hoạt động kỷ niệm Ngày Khoa học và Công nghệ Việt Nam năm 2024", 8),
    ("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", "Hòa Bình", 2026, "triển khai hưởng ứng Ngày Đổi mới sáng tạo Việt Nam năm 2026", 5),
])
def test_a_subject_wrapped_beside_the_place_and_date_is_whole_and_marked(site: SiteData, cells: str, place: str, year: int,
                                                                         subject: str, cut: int) -> None:
    """A PDF without its column gap: the `V/v` line's end, opening with a capital, wrapped onto the place and date
    line. The subject is read whole and marked (where it ends and the place begins is not certain), the rest is not context."""
    words = subject.split()
    head = f"{cells}\n\nSố: 77/CV-XX\nV/v {' '.join(words[:cut])}\n{' '.join(words[cut:])} {place}, ngày 02 tháng 4 năm {year}"
    text = f"{head}\n\nKính gửi: Các cơ quan, đơn vị.\n\nĐề nghị các đơn vị tổ chức treo băng rôn tại trụ sở.\n\n{ENDING}"
    draft = draft_of(site, text, year)

    assert draft.plan["document"]["subject"] == REVIEW_PREFIX + subject
    assert not any(place in c for c in strings(draft.plan.get("context", [])))


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize("title", ["GIÁM ĐỐC", "CHỦ TỊCH", "CỤC TRƯỞNG"])
def test_a_title_beside_the_recipients_label_is_the_signatures(site: SiteData, issuer: Issuer, title: str) -> None:
    """`Nơi nhận: GIÁM ĐỐC` (a PDF ran the signature's first line beside the label): the title, not a recipient."""
    ending = f"Nơi nhận: {title}\n- Như trên;\n- Lưu: VT.\n\nTrần Quốc Bảo"
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.", ending), issuer.year)

    assert draft.plan["recipients"] == ["Như trên", "Lưu: VT"]
    assert draft.plan["signer"]["title"] == title


@pytest.mark.parametrize(("committee", "body", "place", "year"), [
    ("TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Lạng Sơn", 2026),
    ("HUYỆN ỦY ĐÔNG HẢI", "BAN TUYÊN GIÁO", "Đông Hải", 2023),
    ("THÀNH ỦY CẦN THƠ", "BAN DÂN VẬN", "Cần Thơ", 2025),
])
def test_the_partys_motto_run_onto_a_committees_line_is_no_part_of_it(site: SiteData, committee: str, body: str, place: str,
                                                                     year: int) -> None:
    issuer = Issuer(f"{committee} ĐẢNG CỘNG SẢN VIỆT NAM\n{body}", place, year, "45-HD/BTG", "Ban")
    draft = draft_of(site, document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở."), year)

    assert draft.plan["issuer"]["parent"] == committee


@pytest.mark.parametrize("issuer", [i for i in ISSUERS if i.year == 2026], ids=["department-2026", "commune-2026"])
@pytest.mark.parametrize(("printed", "phrase_id"), [
    ("Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4!", "chao-mung-ngay-so-huu-tri-tue"),
    ("Nhiệt liệt chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5!", "chao-mung-ngay-khcn-viet-nam"),
    ("Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2026!", "chao-mung-ngay-sang-tao-2026"),
])
def test_a_slogan_printed_with_an_exclamation_mark_is_the_years_phrase(site: SiteData, issuer: Issuer, printed: str,
                                                                        phrase_id: str) -> None:
    """A banner's slogan ends with `!`; the year's phrase is written without it: the same phrase, not a close one."""
    body = f"II. KHẨU HIỆU TUYÊN TRUYỀN\n\n- {printed}"
    draft = draft_of(site, document(issuer, body), issuer.year)

    assert draft.plan["slogans"] == [phrase_id]
    assert not draft.new_phrases


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("item", "phrase", "field"), [
    ("Treo băng rôn tại cổng trụ sở với khẩu hiệu: Sáng tạo hôm nay - Phát triển ngày mai.",
     "Sáng tạo hôm nay - Phát triển ngày mai", "slogans"),
    ("Phát trên hệ thống loa truyền thanh thông điệp: Tôn trọng sáng tạo là tôn trọng tương lai",
     "Tôn trọng sáng tạo là tôn trọng tương lai", "messages"),
    ("Các đơn vị trang trí pa nô với khẩu hiệu: Khoa học công nghệ - Nền tảng của thịnh vượng!",
     "Khoa học công nghệ - Nền tảng của thịnh vượng!", "slogans"),
])
def test_an_unquoted_phrase_ending_an_item_after_its_kind_is_read_marked(site: SiteData, issuer: Issuer, item: str,
                                                                        phrase: str, field: str) -> None:
    """`… với khẩu hiệu: Sáng tạo hôm nay …` at an item's end, unquoted: the words after the kind and its colon are
    the phrase, read by a weak rule: marked, with a new phrase of its text."""
    draft = draft_of(site, document(issuer, f"II. HÌNH THỨC\n\n- {item}"), issuer.year)

    (found,) = draft.plan[field]
    assert marked(found)
    assert [p["text"] for _, _, p in draft.new_phrases] == [phrase]


UNIT_HEADINGS = [
    ("Sở Giáo dục và Đào tạo", ["Chỉ đạo các trường tổ chức cho học sinh tìm hiểu về sở hữu trí tuệ.",
                                "Tổng hợp kết quả gửi về cơ quan thường trực."]),
    ("Các trường đại học, cao đẳng, các tổ chức khoa học và công nghệ, doanh nghiệp trên địa bàn",
     ["Phát động phong trào thi đua sáng tạo trong cán bộ, giảng viên.", "Tổ chức giao lưu giữa nhà khoa học và doanh nhân."]),
    ("Đài Phát thanh và Truyền hình, Cổng Thông tin điện tử và các cơ quan báo chí của địa phương",
     ["Mở chuyên mục tuyên truyền về đổi mới sáng tạo.", "Đưa tin các hoạt động hưởng ứng."]),
]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=60, max_value=100))
def test_no_unmarked_task_lands_under_another_unit_when_headings_wrap(width: int) -> None:
    """Property: numbered unit headings (some long) with their tasks below, hard-wrapped at any width (a long heading
    may run into its first task): every unmarked task stays under its own unmarked unit."""
    issuer = ISSUERS[1]
    body = "II. TỔ CHỨC THỰC HIỆN\n\n" + "\n".join(
        f"{i}. {unit}\n" + "\n".join(f"- {t}" for t in tasks) for i, (unit, tasks) in enumerate(UNIT_HEADINGS, start=1))
    draft = draft_of(shipped(), hard_wrapped(document(issuer, body), width), issuer.year)

    owner = {t: unit for unit, tasks in UNIT_HEADINGS for t in tasks}
    for r in draft.plan["responsibilities"]:
        for t in strings(r["tasks"]):
            assert marked(t) or owner.get(t) == r["unit"], (r["unit"], t)


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("signed", "written", "day", "expected_year"), [
    ("ngày 24 tháng 9", "trước ngày 10/6 hằng năm", "10/6", 1),
    ("ngày 20 tháng 12", "chậm nhất ngày 15/01", "15/1", 1),
    ("ngày 05 tháng 4", "trước ngày 10/5", "10/5", 0),
])
def test_a_deadline_without_its_year_is_the_first_such_day_after_signing(site: SiteData, issuer: Issuer, signed: str,
                                                                        written: str, day: str, expected_year: int) -> None:
    """A report day written without its year cannot come before the document: the first such day on or after the
    signing date, marked (the year is not written)."""
    y = issuer.year
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng: tổng hợp, báo cáo kết quả về {issuer.who} {written}."
    text = document(issuer, body).replace("ngày 05 tháng 4", signed, 1)
    draft = draft_of(site, text, y)

    (deadline,) = draft.plan["report_deadlines"]
    assert deadline["date"] == f"{REVIEW_PREFIX}{day}/{y + expected_year}"


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("item", "unit"), [
    ("Phòng Văn hóa - Xã hội chủ trì tổ chức tọa đàm về khởi nghiệp sáng tạo.", "Phòng Văn hóa - Xã hội"),
    ("Trung tâm Văn hóa - Thể thao huyện phối hợp treo băng rôn trên các tuyến phố.", "Trung tâm Văn hóa - Thể thao huyện"),
    ("Đài Truyền thanh xã tuyên truyền trên hệ thống loa vào buổi sáng.", "Đài Truyền thanh xã"),
])
def test_a_dispatch_item_naming_its_body_is_that_bodys_marked_task(site: SiteData, issuer: Issuer, item: str, unit: str) -> None:
    """A dispatch without sections, an item whose subject is a body: a responsibility (name and task read from the
    sentence, both marked), never dropped as the opening's words nor written unmarked."""
    draft = draft_of(site, dispatch(issuer, "Để hưởng ứng, đề nghị các đơn vị thực hiện một số nội dung sau:",
                                    ["Treo băng rôn tại trụ sở các cơ quan.", item]), issuer.year)

    assert [(r["unit"], r["tasks"]) for r in draft.plan["responsibilities"]] == [(REVIEW_PREFIX + unit, [REVIEW_PREFIX + item])]


@pytest.mark.parametrize("issuer", ISSUERS, ids=ISSUER_IDS)
@pytest.mark.parametrize(("basis_line", "paragraph", "mentioned"), [
    ("Thực hiện Công văn số 311/BKHCN-VP ngày 02/3/{y} của Bộ Khoa học và Công nghệ về việc hưởng ứng các ngày kỷ niệm,",
     "Ngày 18 tháng 5 hằng năm là Ngày Khoa học và Công nghệ Việt Nam (Quyết định số 2146/QĐ-TTg của Thủ tướng "
     "Chính phủ). Đề nghị các đơn vị thực hiện một số nội dung sau:", "2146/QĐ-TTg"),
    ("Căn cứ Kế hoạch số 27/KH-UBND ngày 10/3/{y} của Ủy ban nhân dân tỉnh về tuyên truyền năm {y},",
     "Năm nay là năm đầu triển khai Chương trình số 09-CTr/TU của Tỉnh ủy. Các đơn vị thực hiện như sau:", "09-CTr/TU"),
    ("Thực hiện Hướng dẫn số 14-HD/BTG ngày 20/2/{y} của Ban Tuyên giáo về công tác tuyên truyền,",
     "Hưởng ứng Ngày Sở hữu trí tuệ thế giới (theo Công văn số 85/SHTT-VP của Cục Sở hữu trí tuệ), các đơn vị "
     "thực hiện một số nội dung sau:", "85/SHTT-VP"),
])
def test_a_basis_ending_with_a_comma_does_not_take_the_next_paragraph(site: SiteData, issuer: Issuer, basis_line: str,
                                                                       paragraph: str, mentioned: str) -> None:
    """`Thực hiện Công văn số …,` then a blank line and a paragraph of its own: the basis ends at its paragraph (its
    summary holds no words of the next one, nor the document that paragraph names as its own basis); the paragraph
    is the context."""
    y = issuer.year
    text = document(issuer, "II. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.")
    opening = text[text.index("Thực hiện Kế hoạch số 12"):text.index("\n", text.index("Thực hiện Kế hoạch số 12"))]
    text = text.replace(opening, f"{basis_line.format(y=y)}\n\n{paragraph}")
    draft = draft_of(site, text, y)

    assert all(paragraph[:20] not in (d.get("summary") or "") and not d.get("basis") for d in draft.new_documents)
    assert any(mentioned in without_review(c) for c in strings(draft.plan.get("context", [])))


@pytest.mark.parametrize(("sentence", "outer", "nested"), [
    ("Thực hiện Công văn số 1207/BKHCN-VP ngày 03/4/2024 của Bộ Khoa học và Công nghệ về việc hưởng ứng Ngày Sáng tạo "
     "và Công văn số 96/SHTT-VP ngày 11/3/2024 của Cục Sở hữu trí tuệ về việc hưởng ứng Ngày Sở hữu trí tuệ thế giới;",
     ["1207/BKHCN-VP", "96/SHTT-VP"], []),
    ("Căn cứ Kế hoạch số 51/KH-UBND ngày 02/02/2022 của UBND tỉnh về tuyên truyền năm 2022 và Hướng dẫn số 08-HD/BTG "
     "ngày 15/01/2022 của Ban Tuyên giáo Tỉnh ủy về công tác tuyên truyền,",
     ["51/KH-UBND", "08-HD/BTG"], []),
    ("Thực hiện Kế hoạch số 140/KH-SKHCN ngày 20/3/2026 của Sở Khoa học và Công nghệ về việc thực hiện Nghị quyết số "
     "57-NQ/TW và Nghị quyết số 71/NQ-CP trên địa bàn tỉnh,",
     ["140/KH-SKHCN"], ["57-NQ/TW", "71/NQ-CP"]),
])
def test_a_second_document_cited_with_and_is_not_inside_the_first(sentence: str, outer: list[str], nested: list[str]) -> None:
    """`… về việc hưởng ứng … và Công văn số …`: a second document the sentence cites, not one the first implements;
    a summary that itself cites documents (`về việc thực hiện Nghị quyết … và Nghị quyết …`) keeps them."""
    from campaign_site.importing import basis

    found = basis.citations(sentence)
    assert [c.number_symbol for c in found] == outer
    assert [n.number_symbol for c in found for n in c.nested] == nested


LONG_SLOGANS = ["Toàn dân tích cực hưởng ứng Ngày Khoa học và Công nghệ Việt Nam, Ngày Sáng tạo và Đổi mới Sáng tạo Thế Giới",
                "Cán bộ, Đảng viên và Nhân dân Tỉnh Nhà quyết tâm thực hiện thắng lợi Chương trình Hành động của Ban Thường vụ Tỉnh ủy",
                "Khoa học, Công nghệ, Đổi mới Sáng tạo và Chuyển đổi Số là Động lực Chính để Phát triển Nhanh và Bền vững"]
"""Invented long slogans with many capitalised words, so that a wrap often leaves a capital first on a line."""


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=100), st.sampled_from(["1. ", "a) ", "- "]))
def test_no_phrase_text_carries_a_marker(width: int, numbering: str) -> None:
    """Property: long slogans listed under their heading and hard-wrapped at any width (a numbered line the wrap filled
    then a capital leaves where the paragraph ends uncertain): such a phrase is marked, its text never is."""
    issuer = ISSUERS[1]
    body = "II. KHẨU HIỆU TUYÊN TRUYỀN\n\n" + "\n".join(f"{numbering}{s}!" for s in LONG_SLOGANS)
    draft = draft_of(shipped(), hard_wrapped(document(issuer, body), width), issuer.year)

    assert all(REVIEW_PREFIX.strip(": ") not in p["text"] and not p["id"].startswith("can-kiem-tra")
               for _, _, p in draft.new_phrases)


PLAIN_PARAGRAPHS = [
    "Tuyên truyền về vai trò của đổi mới sáng tạo trong phát triển kinh tế địa phương. Giới thiệu các mô hình hay.",
    "Phổ biến kiến thức về sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa, hợp tác xã và hộ kinh doanh trên địa bàn.",
    "Biểu dương các tập thể, cá nhân có sáng kiến được công nhận. Nhân rộng các cách làm sáng tạo trong cơ quan.",
    "Đưa tin về các hoạt động hưởng ứng trên trang thông tin điện tử và mạng xã hội của cơ quan, đơn vị.",
]
"""Invented paragraphs of a content section, with no list markers, some of two sentences."""


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=110))
def test_no_unmarked_item_joins_two_paragraphs_a_pdf_ran_together(width: int) -> None:
    """Property: plain paragraphs hard-wrapped at any width with the blank lines between them lost (a PDF's text
    layer): an item read unmarked is one paragraph's words, never two paragraphs run together."""
    issuer = ISSUERS[1]
    body = "II. NỘI DUNG\n" + "\n".join(PLAIN_PARAGRAPHS) + "\nIII. HÌNH THỨC\n- Treo băng rôn tại trụ sở."
    text = hard_wrapped(document(issuer, body), width).replace("\n\n", "\n")
    draft = draft_of(shipped(), text, issuer.year)

    for item in strings(draft.plan.get("content", [])):
        assert marked(item) or sum(p[:30] in item for p in PLAIN_PARAGRAPHS) <= 1, item


ACRONYM_ITEMS = ["Nâng cao nhận thức của cán bộ và Nhân dân về vai trò của khoa học trong phục hồi kinh tế sau đại dịch COVID-19.",
                 "Phổ biến các hoạt động của Tổ chức Sở hữu trí tuệ thế giới tới doanh nghiệp nhỏ và vừa theo khuyến nghị của WIPO.",
                 "Hướng dẫn các doanh nghiệp trên địa bàn áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001."]
"""Invented items ending with an abbreviation in capitals, which a wrap may put first on a line of its own."""


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=110))
def test_an_abbreviation_a_wrap_put_first_on_a_line_stays_in_its_item(width: int) -> None:
    """Property: items hard-wrapped at any width: a line holding only `COVID-19.` or `WIPO.` goes on the item above,
    so every unmarked purpose is a whole item."""
    issuer = ISSUERS[1]
    filler = "\n".join(f"- {p}" for p in PLAIN_PARAGRAPHS * 2)  # enough wrapped lines to tell the width
    text = document(issuer, f"II. YÊU CẦU\n\n- Bảo đảm thiết thực, tiết kiệm.\n\nIII. NỘI DUNG\n\n{filler}").replace(
        "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về đổi mới sáng tạo.", "\n".join(f"- {i}" for i in ACRONYM_ITEMS))
    draft = draft_of(shipped(), hard_wrapped(text, width), issuer.year)

    purposes = draft.plan["purposes"]
    assert all(marked(p) or p in ACRONYM_ITEMS for p in purposes)
    assert len(purposes) == len(ACRONYM_ITEMS)


CLOSINGS = ["Trên đây là Kế hoạch hưởng ứng các ngày kỷ niệm về khoa học, công nghệ và đổi mới sáng tạo của cơ quan trong năm nay.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Văn phòng để tổng hợp, "
            "báo cáo lãnh đạo xem xét, giải quyết./."]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=110), st.booleans())
def test_no_unmarked_closing_joins_or_cuts_the_issuers_words(width: int, one_paragraph: bool) -> None:
    """Property: the closing and the issuer's words after it, as one paragraph or two, hard-wrapped at any width with
    the blank lines lost: a closing paragraph written unmarked is as the document printed it."""
    issuer = ISSUERS[1]
    filler = "\n".join(f"- {p}" for p in PLAIN_PARAGRAPHS * 2)
    printed = [" ".join(CLOSINGS)] if one_paragraph else CLOSINGS
    text = document(issuer, f"II. NỘI DUNG\n\n{filler}\n\n" + "\n\n".join(printed))
    draft = draft_of(shipped(), hard_wrapped(text, width).replace("\n\n", "\n"), issuer.year)

    assert all(marked(c) or c in printed for c in strings(draft.plan.get("closing", [])))


CONTEXTS = ["Ngày 18 tháng 5 hằng năm là dịp tôn vinh đội ngũ trí thức, nhà khoa học và những người làm công tác khoa học "
            "trên cả nước. Năm nay đánh dấu nhiều kết quả nổi bật của ngành.",
            "Đây cũng là dịp để các cơ quan, đơn vị nhìn lại những đóng góp của khoa học và công nghệ đối với sự phát "
            "triển kinh tế, xã hội của địa phương trong những năm qua.",
            "Nhiều sáng kiến đã được công nhận.", "Các doanh nghiệp ngày càng quan tâm đến đổi mới công nghệ và đăng ký nhãn hiệu.",
            "Phong trào thi đua sáng tạo lan tỏa rộng khắp trong cán bộ, công chức, viên chức và người lao động của tỉnh."]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=110))
def test_no_unmarked_context_joins_two_paragraphs_a_pdf_ran_together(width: int) -> None:
    """Property: two opening paragraphs of context before the basis, hard-wrapped at any width with the blank lines
    lost: a context paragraph written unmarked is one the document printed."""
    issuer = ISSUERS[1]
    filler = "\n".join(f"- {p}" for p in PLAIN_PARAGRAPHS * 2)
    text = document(issuer, f"II. NỘI DUNG\n\n{filler}")
    opening = text.index("Thực hiện Kế hoạch số 12")
    text = text[:opening] + "\n\n".join(CONTEXTS) + "\n\n" + text[opening:]
    draft = draft_of(shipped(), hard_wrapped(text, width).replace("\n\n", "\n"), issuer.year)

    assert all(marked(c) or c in CONTEXTS for c in strings(draft.plan.get("context", [])))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=60, max_value=110),
       st.sampled_from(["Ngoài ra, các đơn vị chủ động lồng ghép nội dung tuyên truyền vào các hội nghị thường kỳ.",
                        "(Chi tiết các hoạt động tại Phụ lục kèm theo Kế hoạch này)",
                        "Báo cáo kết quả gửi về Văn phòng trước ngày 30 của tháng cuối quý để tổng hợp.",
                        "Địa điểm tổ chức: tại hội trường của cơ quan và các điểm sinh hoạt cộng đồng."]))
def test_a_paragraph_of_its_own_after_a_list_is_never_an_unmarked_part_of_the_last_item(width: int, after: str) -> None:
    """Property: a list, then a paragraph that opens as one of its own (`Ngoài ra, …`, a note in brackets, a report
    request, a short label), hard-wrapped at any width with the blank lines lost: no unmarked item holds its words."""
    issuer = ISSUERS[1]
    filler = "\n".join(f"- {p}" for p in PLAIN_PARAGRAPHS * 2)
    text = document(issuer, f"II. NỘI DUNG\n\n{filler}\n\n{after}\n\nIII. HÌNH THỨC\n\n- Treo băng rôn tại trụ sở.")
    draft = draft_of(shipped(), hard_wrapped(text, width).replace("\n\n", "\n"), issuer.year)

    assert all(marked(i) or i == after or after[:25] not in i for i in strings(draft.plan.get("content", [])))
