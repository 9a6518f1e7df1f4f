"""A post page opens with the text's first paragraph, then the photo (issue 27: what happened, when, where
in a phone's first screen). `staff_markdown.lead_paragraph` takes that paragraph off the staff's Markdown:
rendered, it is one paragraph, and it and the rest render to the very HTML the whole text did."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign_site.data.html_policy import render
from campaign_site.data.staff_markdown import lead_paragraph

WORDS = st.sampled_from(["Sáng", "21/4,", "hội", "thảo", "**đổi", "mới**", "sáng", "tạo", "[trang](../index.md)", "ở",
                         "Lạng", "Sơn.", "*", "-", "#", "1.", ">", "===", "---", "`mã`", "<b>", "|", "```", "    "])
LINE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
BLOCK = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
TEXT = st.tuples(st.sampled_from(["", "\n", "\n  \n"]), st.lists(BLOCK, min_size=1, max_size=4),
                 st.sampled_from(["\n\n", "\n \n", "\n\n\n"])).map(lambda t: t[0] + t[2].join(t[1]) + "\n")


def _same(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


@given(TEXT)
def test_the_opening_and_the_rest_render_as_the_whole_text_did(text: str) -> None:
    opening, rest = lead_paragraph(text)
    if not opening:
        assert rest == text
        return
    assert _same(render(opening) + "\n" + render(rest)) == _same(render(text))
    assert re.fullmatch(r"<p>.*</p>", render(opening).strip(), re.DOTALL)
    assert render(opening).count("<p>") == 1


@pytest.mark.parametrize("text, opening", [
    ("Sáng 21/4, hội thảo.\nDòng hai.\n\nĐoạn hai.\n", "Sáng 21/4, hội thảo.\nDòng hai."),
    ("\n  \nMột đoạn.\n", "Một đoạn.\n"),
    ("- một mục\n\nĐoạn.\n", ""),
    ("Tiêu đề\n===\n\nĐoạn.\n", ""),
    ("```\nmã\n\nmã\n```\n", ""),
    ("    thụt lề\n\nĐoạn.\n", ""),
    ("> trích dẫn\n\nĐoạn.\n", ""),
])
def test_only_a_plain_paragraph_opens_the_post(text: str, opening: str) -> None:
    assert lead_paragraph(text)[0] == opening
