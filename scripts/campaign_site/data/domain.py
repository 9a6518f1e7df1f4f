"""The domain's fixed lists, each defined once: a `Literal` for the model and types, and its values in order.

Model, rules, views, banners, calendar and importer take the lists from here; the words for each value
are in the catalogue, group by group (`label("phrase_kind", "theme")`; see `words/catalogue.py`).
"""

from __future__ import annotations

from typing import Any, Literal, get_args

PhraseKind = Literal["theme", "slogan", "message"]
"""What a year's phrase is: a theme (chủ đề), a slogan (khẩu hiệu) or a message (thông điệp)."""
ALL_PHRASE_KINDS: tuple[PhraseKind, ...] = get_args(PhraseKind)
PHRASE_LISTS: dict[str, str] = {
    "theme": "themes", "slogan": "slogans", "message": "messages",
}
"""The list each kind is written in, in a year's campaign.yaml (`YearObservance`) and in a plan (`Plan`)."""


def phrases_by_kind(holder: object) -> list[tuple[PhraseKind, Any]]:
    """Each phrase kind with the list `holder` (a plan, a year's observance) writes it in, in order."""
    return [(kind, getattr(holder, PHRASE_LISTS[kind])) for kind in ALL_PHRASE_KINDS]


DocumentLevel = Literal["party", "government", "ministry", "province", "commune"]
"""Levels of the legal chain a registry document sits at: Party, Government, ministry (and its agencies),
province, ward/commune."""
ALL_DOCUMENT_LEVELS: tuple[DocumentLevel, ...] = get_args(DocumentLevel)

IssuerLevel = Literal["national", "province", "commune"]
"""Where a plan's issuer sits: a central body (no province), a province or city, a commune or ward."""
ALL_ISSUER_LEVELS: tuple[IssuerLevel, ...] = get_args(IssuerLevel)
ISSUER_LEVEL_OF: dict[DocumentLevel, IssuerLevel] = {
    "party": "national", "government": "national", "ministry": "national", "province": "province", "commune": "commune",
}
"""The plan issuer level of each document level."""

EventKind = Literal["observance", "deadline", "window", "activity"]
"""The kinds of date on the calendar and in the feeds, in the order a day lists them."""
ALL_EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)

LinkModality = Literal["may", "encouraged", "requested", "stated"]
"""How a document words linking its activities to other days (`có thể`, `khuyến khích`, `đề nghị`, or plainly)."""
ALL_LINK_MODALITIES: tuple[LinkModality, ...] = get_args(LinkModality)

DeadlineRule = Literal["before", "no_later_than", "until", "within", "final_day", "deadline_day", "latest", "not_after"]
"""How a report deadline is worded (`trước ngày`, `chậm nhất ngày`…)."""
ALL_DEADLINE_RULES: tuple[DeadlineRule, ...] = get_args(DeadlineRule)

GitHost = Literal["gitlab", "gitea", "forgejo", "github"]
"""The git hosts the web editor (`/admin/`) logs in to: GitLab, Gitea and Forgejo (often run by the authority
itself) and GitHub. Each is one of Decap CMS's back ends, named as Decap names it."""
REVIEWED_GIT_HOSTS: frozenset[GitHost] = frozenset({"gitlab", "forgejo", "github"})
"""Hosts on which Decap's editorial workflow works (a branch and a merge request per change); its `gitea` back end
refuses it, so there every save goes to the configured branch."""
ALL_GIT_HOSTS: tuple[GitHost, ...] = get_args(GitHost)

InferredField = Literal["issuer.name", "issuer.province", "place"]
"""The facts of a plan staff may record as inferred from a source rather than read in the document."""
ALL_INFERRED_FIELDS: tuple[InferredField, ...] = get_args(InferredField)

ABBREVIATIONS = {
    "Ủy ban nhân dân": "UBND", "Uỷ ban nhân dân": "UBND", "Hội đồng nhân dân": "HĐND",
    "Khoa học và Công nghệ": "KH&CN", "Giáo dục và Đào tạo": "GD&ĐT", "Văn hóa, Thể thao và Du lịch": "VHTTDL",
    "Nông nghiệp và Môi trường": "NN&MT", "Thông tin và Truyền thông": "TT&TT", "Kế hoạch và Đầu tư": "KH&ĐT",
    "Tài nguyên và Môi trường": "TN&MT", "Lao động - Thương binh và Xã hội": "LĐTB&XH",
}
"""Long forms of agency names and the short forms the site writes (`Sở KH&CN Lạng Sơn`, `UBND xã Bình Thành`)."""
EXPLAINED_ABBREVIATIONS: tuple[str, ...] = (*dict.fromkeys(ABBREVIATIONS.values()), "KHCN", "ĐMST", "CĐS", "SHTT", "MTTQ", "UBMTTQ")
"""Abbreviations a reader may not know, which every page explains where it first uses them (`pages/abbreviations`):
the site's own short forms, and those the documents print in their text. Their long forms are the catalogue's
`abbr` labels (`label("abbr", "UBND")`)."""
