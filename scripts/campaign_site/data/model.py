"""The campaign data model: what each YAML file under `campaigns/` may contain.

One class per kind of thing; field descriptions are in Vietnamese because staff read them
(in error messages and, later, in their editor). Relations between files (ids that must
exist, dates that must be in order across objects) are checked in `checks.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from campaign_site.core.catalogue import plain, sentences
from campaign_site.core.slugs import ascii_slug
from campaign_site.data import vn_dates
from campaign_site.data.domain import DocumentLevel, GitHost, InferredField, IssuerLevel, LinkModality, PhraseKind
from campaign_site.data.unknowns import NOT_KNOWN, Knowable, NotKnown, held
from campaign_site.data.validation_messages import did_you_mean
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import (
    DAY_BEFORE_RULES,
    DEADLINE_RULES_HELP,
    GENERIC_DOCUMENT,
    PEAK_NAME,
    DeadlineRule,
    absent,
    capitalised,
)

Day = date
"""`datetime.date` under a name no field shadows (`ReportDeadline.date` is a field)."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
# Decree 30/2020/NĐ-CP: number, "/", symbol groups joined by "-" (state documents, e.g.
# 2341/BKHCN-ĐMST) or number "-" type "/" issuer (Party documents, e.g. 57-NQ/TW). No spaces.
_NUMBER_SYMBOL = re.compile(r"^\d+(?:/[^\s/,&-]+(?:-[^\s/,&-]+)*|-[^\s/,&-]+(?:-[^\s/,&-]+)*/[^\s/,&-]+(?:-[^\s/,&-]+)*)$")
_URL = re.compile(r"^https?://[^\s/$.?#\"'<>][^\s\"'<>]*$")
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
_COLOR = re.compile(COLOR_PATTERN)
REPO_PATTERN = r"^[^\s/]+(?:/[^\s/]+)+$"
"""A repository on a git host: group (or account) and name, `so-khcn/chien-dich`; GitLab allows subgroups."""


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(plain("model.bad_id", value=value, hint=ascii_slug(value) or "ma-moi"))
    return value


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        valid = bool(_URL.match(value) and parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:  # an unclosed "[" or a port that is not a number
        valid = False
    if not valid:
        raise ValueError(plain("model.bad_url", value=value))
    return value


def _check_folder_url(value: str) -> str:
    if not value.endswith("/"):
        raise ValueError(plain("model.bad_folder_url", value=value))
    return value


def _check_color(value: str) -> str:
    if not _COLOR.match(value):
        raise ValueError(plain("model.bad_colour", value=value))
    return value.upper()


_POSSIBLE_NUMBER_SYMBOL = re.compile(r"^\d+\s*[-/\s]\s*\S*[^\W\d_]")
"""A number, a separator, and a symbol with at least one letter: anything else cannot be a number and symbol."""


def follows_decree_30(number_symbol: str) -> bool:
    """Number, "/", symbol groups joined by "-", no spaces (Decree 30/2020/NĐ-CP)."""
    return bool(_NUMBER_SYMBOL.match(number_symbol))


def _check_number_symbol(value: str) -> str:
    """Refuse only what cannot be a number and symbol at all; other departures from Decree 30 are
    printed as the document prints them, with a warning (`checks.number_symbol_warnings`)."""
    if not _POSSIBLE_NUMBER_SYMBOL.match(value):
        raise ValueError(plain("model.bad_number_symbol", value=value))
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(json_schema_extra={"x-multiline": True})]
"""A paragraph: line breaks inside it are kept in the data and read as spaces on pages. Its schema says so
(`x-multiline`), for the web editor's form (a text box, not a line)."""
_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)]
"""A name, title or heading: one line wherever it is printed (a page title, a calendar's name, an
image), so line breaks typed inside it, as in a `|` block, become single spaces."""
MAX_TITLE_CHARS = 200
"""The site's title is printed under every share image; a longer one would not fit."""
MAX_PHRASE_CHARS = 300
"""The longest theme or slogan in real documents has about 120 characters; a banner cannot print far more."""
Id = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_id), Field(json_schema_extra={"pattern": ID_PATTERN})]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_url)]
FolderUrl = Annotated[Url, AfterValidator(_check_folder_url)]
Date = Annotated[
    date,
    BeforeValidator(vn_dates.parse_date),
    WithJsonSchema({"type": "string", "description": plain("model.date"), "pattern": vn_dates.DATE_PATTERN}),
]
DocumentDate = Annotated[
    PartialDate,
    PlainValidator(vn_dates.parse_partial_date),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {"type": ["string", "integer"], "description": plain("model.document_date"), "pattern": vn_dates.PARTIAL_DATE_PATTERN}
    ),
]


class Record(BaseModel):
    """Base for every YAML object: unknown fields are errors, text is stripped, objects immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- site.yaml -------------------------------------------------------------------------


class Contact(Record):
    address: Line | None = Field(None, description=plain("model.contact.address"))
    phone: Line | None = Field(None, description=plain("model.contact.phone"))
    email: Line | None = Field(None, description=plain("model.contact.email"))
    website: Url | None = Field(None, description=plain("model.contact.website"))


class Organisation(Record):
    name: Line = Field(description=plain("model.organisation.name"))
    locality: Line = Field(description=plain("model.organisation.locality"))
    contact: Contact = Field(default_factory=Contact, description=plain("model.organisation.contact"))


class License(Record):
    """The licence the site's open data is published under."""

    name: Line = Field("CC BY 4.0", description=plain("model.site.license_name"))
    url: Url = Field("https://creativecommons.org/licenses/by/4.0/", description=plain("model.site.license_url"))


class SiteSettings(Record):
    title: Annotated[Line, StringConstraints(max_length=MAX_TITLE_CHARS)] = Field(
        description=plain("model.site_settings.title", max_title_chars=MAX_TITLE_CHARS)
    )
    description: Line = Field(description=plain("model.site_settings.description"))
    base_url: Url = Field(description=plain("model.site_settings.base_url"))
    edit_url: FolderUrl | None = Field(
        None,
        description=plain("model.site_settings.edit_url"),
    )
    issue_url: Url | None = Field(None, description=plain("model.site.issue_url"))
    license: License = Field(default_factory=License, description=plain("model.site.license"))


Color = Annotated[str, AfterValidator(_check_color), Field(json_schema_extra={"pattern": COLOR_PATTERN})]

MAX_PAGE_MM = 5080
"""PDF pages may not be wider or taller than 200 inches; larger banners are printed from a scaled file."""


class BannerSize(Record):
    id: Id = Field(description=plain("model.banner_size.id"))
    name: Line = Field(description=plain("model.banner_size.name"))
    width_mm: int = Field(ge=50, le=MAX_PAGE_MM, description=plain("model.banner_size.width_mm"))
    height_mm: int = Field(ge=50, le=MAX_PAGE_MM, description=plain("model.banner_size.height_mm"))


def _default_sizes() -> list[BannerSize]:
    return [
        BannerSize(id="ngang-80x500", name=plain("model.size_80x500"), width_mm=5000, height_mm=800),
        BannerSize(id="ngang-60x300", name=plain("model.size_60x300"), width_mm=3000, height_mm=600),
        BannerSize(id="a3-ngang", name=plain("model.size_a3"), width_mm=420, height_mm=297),
    ]


class BannerStyle(Record):
    background: Color = Field("#DA251D", description=plain("model.banner_style.background"))
    text_color: Color = Field("#FFFF00", description=plain("model.banner_style.text_color"))
    uppercase: bool = Field(True, description=plain("model.banner_style.uppercase"))
    margin_percent: int = Field(8, ge=2, le=30, description=plain("model.banner_style.margin_percent"))
    sizes: list[BannerSize] = Field(
        default_factory=_default_sizes, min_length=1, description=plain("model.banner_style.sizes")
    )


class EditorSettings(Record):
    """The git host the web editor (`/admin/`) logs in to and commits to."""

    backend: GitHost = Field(description=plain("model.editor.backend"))
    repo: Annotated[Line, StringConstraints(pattern=REPO_PATTERN)] = Field(description=plain("model.editor.repo"))
    branch: Line = Field("main", description=plain("model.editor.branch"))
    base_url: Url | None = Field(None, description=plain("model.editor.base_url"))
    api_root: Url | None = Field(None, description=plain("model.editor.api_root"))
    app_id: Line | None = Field(None, description=plain("model.editor.app_id"))
    auth_endpoint: Line | None = Field(None, description=plain("model.editor.auth_endpoint"))

    @model_validator(mode="after")
    def _host_needs(self) -> EditorSettings:
        """What each host cannot log in without: its application's id (GitLab, Gitea, Forgejo), the address of
        its API (Forgejo, whose login address Decap takes from it), the OAuth server (GitHub)."""
        needed = {"gitlab": ["app_id"], "gitea": ["app_id", "base_url"], "forgejo": ["app_id", "api_root"],
                  "github": ["base_url"]}[self.backend]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(plain("model.editor.missing", host=self.backend, fields=", ".join(f"`{m}`" for m in missing)))
        return self


class SiteFile(Record):
    """campaigns/site.yaml"""

    site: SiteSettings = Field(description=plain("model.site_file.site"))
    organisation: Organisation = Field(description=plain("model.site_file.organisation"))
    banners: BannerStyle = Field(default_factory=BannerStyle, description=plain("model.site_file.banners"))
    editor: EditorSettings | None = Field(None, description=plain("model.site_file.editor"))


# --- documents.yaml --------------------------------------------------------------------


ORIGINAL_SUFFIXES = (".pdf", ".docx", ".doc", ".odt")
"""Original files the site publishes as they are."""


class Origin(Record):
    """Where a record's facts come from, when that is not only the document as the editor holds it."""

    file: Line | None = Field(
        None, description=plain("model.origin.file")
    )
    url: Url | None = Field(None, description=plain("model.origin.url"))
    summary: bool = Field(
        False, description=plain("model.origin.summary")
    )
    name: Line | None = Field(None, description=plain("model.origin.name"))
    read_on: Date | None = Field(None, description=plain("model.origin.read_on"))

    @model_validator(mode="after")
    def _points_somewhere(self) -> Origin:
        if not (self.file or self.url or self.name):
            raise ValueError(plain("model.origin_empty"))
        if self.file and not self.file.lower().endswith(ORIGINAL_SUFFIXES):
            raise ValueError(plain("model.origin_bad_file", file=self.file))
        missing = [f"`{key}:` ({what})" for key, what, value in (("name", plain("model.origin_who"), self.name),
                                                                 ("read_on", plain("model.origin_when"), self.read_on))
                   if value is None]
        if self.summary and missing:
            both = plain("model.and")
            joined = f" {both} ".join(missing)
            raise ValueError(plain("model.origin_summary", missing=joined))
        return self



class LegalDocument(Record):
    """A document in the legal basis, described once and cited by id."""

    id: Id = Field(description=plain("model.legal_document.id"))
    type: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.legal_document.type")
    )
    number_symbol: Annotated[Annotated[Line, AfterValidator(_check_number_symbol)] | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.legal_document.number_symbol")
    )
    date: Annotated[DocumentDate | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.legal_document.date")
    )
    issuer: Line = Field(description=plain("model.legal_document.issuer"))
    level: DocumentLevel = Field(description=plain("model.legal_document.level"))
    summary: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.legal_document.summary")
    )
    url: Url | None = Field(None, description=plain("model.legal_document.url"))
    basis: list[Id] = Field(default_factory=list, description=plain("model.legal_document.basis"))
    origin: Origin | None = Field(None, alias="source", description=plain("model.legal_document.origin"))

    @property
    def kind(self) -> str:
        """The document's type, or `Văn bản` when the record does not hold it."""
        return self.type if isinstance(self.type, str) else GENERIC_DOCUMENT

    @property
    def type_text(self) -> str:
        """The type, or why the record does not hold it."""
        return self.type if isinstance(self.type, str) else absent("type", self.type is NOT_KNOWN)

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        """Oldest first; documents whose date is not held come last."""
        issued = self.date.sort_key() if isinstance(self.date, PartialDate) else (9999, 0, 0)
        return issued, self.number_symbol if isinstance(self.number_symbol, str) else ""


class DocumentsFile(Record):
    """campaigns/documents.yaml"""

    documents: list[LegalDocument] = Field(min_length=1, description=plain("model.documents_file.documents"))


# --- observances.yaml ------------------------------------------------------------------


class Observance(Record):
    """A day observed every year, e.g. 21/4, under its official name (`name`) on every page and feed."""

    id: Id = Field(description=plain("model.observance.id"))
    day: int = Field(ge=1, le=31, description=plain("model.observance.day"))
    month: int = Field(ge=1, le=12, description=plain("model.observance.month"))
    name: Line = Field(description=plain("model.observance.name"))
    name_en: Line | None = Field(None, description=plain("model.observance.name_en"))
    owner: Line = Field(description=plain("model.observance.owner"))
    _documents_name: str | None = PrivateAttr(default=None)

    def named(self, name: str | None) -> Observance:
        """This day with the name a year's documents use (`YearObservance.name`), if it is another; `name` stays
        the official one."""
        if not name or name == self.name:
            return self
        copy = self.model_copy()
        copy._documents_name = name
        return copy

    @property
    def documents_name(self) -> str | None:
        """The name this year's documents use, when it is not the official one; else None. Pages quote it only."""
        return self._documents_name

    @property
    def label(self) -> str:
        return vn_dates.day_month(self.day, self.month)


class ObservancesFile(Record):
    """campaigns/observances.yaml"""

    observances: list[Observance] = Field(min_length=1, description=plain("model.observances_file.observances"))


# --- <year>/campaign.yaml --------------------------------------------------------------


class Phrase(Record):
    """A theme (chủ đề), slogan (khẩu hiệu) or message (thông điệp), with a stable id."""

    id: Id = Field(description=plain("model.phrase.id"))
    text: Annotated[Line, StringConstraints(max_length=MAX_PHRASE_CHARS)] = Field(
        description=plain("model.phrase.text", max_phrase_chars=MAX_PHRASE_CHARS)
    )
    text_en: Line | None = Field(None, description=plain("model.phrase.text_en"))


class YearObservance(Record):
    observance: Id = Field(description=plain("model.year_observance.observance"))
    name: Line | None = Field(
        None, description=plain("model.year_observance.name")
    )
    themes: list[Phrase] = Field(default_factory=list, description=plain("model.year_observance.themes"))
    slogans: list[Phrase] = Field(default_factory=list, description=plain("model.year_observance.slogans"))
    messages: list[Phrase] = Field(default_factory=list, description=plain("model.year_observance.messages"))


class CampaignFile(Record):
    """campaigns/<year>/campaign.yaml"""

    title: Line | None = Field(None, description=plain("model.campaign_file.title"))
    observances: list[YearObservance] = Field(min_length=1, description=plain("model.campaign_file.observances"))


# --- <year>/plans/<id>.yaml ------------------------------------------------------------


SHORT_FORM = "x-short-form"
"""The JSON Schema keyword that says where a short form's text goes in the full form: `["text"]` for a
task written as its text alone, `["items", 0]` for a section of one item, `[0]` for a list of one line.
The web editor opens short forms as full ones (`admin/editor.js`)."""


def _short_form(item: Any, full: Any, where: tuple[str | int, ...]) -> tuple[BeforeValidator, Any]:
    """Allow a plain string where `full` (a mapping, or a list) is meant: the string stands for the value
    with it at `where`, and nothing else."""
    def expand(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        for key in reversed(where):
            value = [value] if isinstance(key, int) else {key: value}
        return value

    return BeforeValidator(expand, json_schema_input_type=item | full), _ShortFormSchema(where)


@dataclass(frozen=True)
class _ShortFormSchema:
    """Pydantic marker: writes `SHORT_FORM` into the schema of the value it annotates."""

    where: tuple[str | int, ...]

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {**handler(schema), SHORT_FORM: list(self.where)}


class Issuer(Record):
    name: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.issuer.name")
    )
    short_name: Line | None = Field(None, description=plain("model.issuer.short_name"))
    parent: Line | None = Field(None, description=plain("model.issuer.parent"))
    level: IssuerLevel = Field(
        description=plain("model.issuer.level")
    )
    province: Line | None = Field(
        None,
        description=plain("model.issuer.province"),
    )

    @model_validator(mode="after")
    def _province_matches_level(self) -> Issuer:
        if self.level == "national" and self.province:
            raise ValueError(plain("model.national_province"))
        if self.level != "national" and not self.province:
            raise ValueError(plain("model.province_missing", level=self.level))
        return self

    @property
    def label(self) -> str:
        """The issuer's name; without it, the short name; without either, what the record does hold
        (`một cơ quan ở Lạng Sơn`, `một cơ quan trung ương`), never an invented name."""
        if isinstance(self.name, str):
            return self.name
        return self.short_name or (plain("model.issuer_in", province=self.province) if self.province
                                   else plain("model.issuer_national"))

    @property
    def display_name(self) -> str:
        """`label` as a list or a title starts it (`Một cơ quan ở Lạng Sơn`)."""
        return capitalised(self.label)

    @property
    def short_label(self) -> str:
        """The short name; else `display_name`."""
        return self.short_name or self.display_name

    def placed(self, name: str) -> str:
        """`name` with the province of a ward or commune, since many share a name in different provinces:
        `UBND phường Trần Hưng Đạo (Hải Phòng)`; any other issuer's `name` as it is, and a nameless one's, whose
        `label` names its province already (`một cơ quan ở Hải Phòng`)."""
        named = isinstance(self.name, str) or bool(self.short_name)
        return plain("phrase.issuer_placed", issuer=name, province=self.province) if self.level == "commune" and self.province and named else name


_REGISTRY_FACTS = ("type", "number", "symbol", "date", "subject")
"""What a plan's document takes from the registry when it is a document of the registry."""
_NUMBER_AND_SYMBOL = re.compile(r"^(\d+)\s*[-/\s]\s*(.*)$")
_PARTY_SYMBOL = re.compile(r"^[^\W\d_][^/]*/")
"""A Party document's type and issuer (`KH/BCĐTW` of `01-KH/BCĐTW`), joined to its number by `-`."""
_SUBJECT_LEAD = re.compile(r"^về việc\s+", re.IGNORECASE)
"""The `về việc` a registry's summary starts with, left out of a plan's subject."""


def _registered(value: Any, info: ValidationInfo) -> Any:
    """`{registry: id}`: the registry's type, number, symbol, date and subject of that document."""
    if not isinstance(value, dict) or value.get("registry") is None:
        return value
    repeated = [f"`{key}`" for key in _REGISTRY_FACTS if key in value]
    if repeated:
        raise ValueError(plain("model.registry_repeated", id=value["registry"], fields=", ".join(repeated)))
    doc = _registry_entry(value["registry"], info)
    subject = _SUBJECT_LEAD.sub("", doc.summary) if isinstance(doc.summary, str) else doc.summary
    number: Any = doc.number_symbol
    symbol: Any = doc.number_symbol
    if isinstance(doc.number_symbol, str) and (m := _NUMBER_AND_SYMBOL.match(doc.number_symbol)):
        number, symbol = int(m[1]), m[2] or None
    return value | {"type": doc.type, "number": number, "symbol": symbol, "date": doc.date, "subject": subject}


def _registry_entry(doc_id: object, info: ValidationInfo) -> LegalDocument:
    """The registry's document `doc_id`, from the validation context the loader gives (`{"documents": {...}}`)."""
    documents = (info.context or {}).get("documents")
    if documents is None:
        raise ValueError(plain("model.registry_unread"))
    if not isinstance(doc_id, str) or doc_id not in documents:
        raise ValueError(sentences(plain("model.registry_unknown", id=doc_id), did_you_mean(str(doc_id), list(documents)),
                                   plain("model.registry_unknown_fix")))
    entry: LegalDocument = documents[doc_id]
    return entry


def _registry_schema(schema: dict[str, Any]) -> None:
    """Editors accept either the document's facts or only `registry:`."""
    schema["anyOf"] = [{"required": schema.pop("required", [])}, {"required": ["registry"]}]


class PlanDocument(Record):
    model_config = ConfigDict(json_schema_extra=_registry_schema)

    registry: Id | None = Field(
        None,
        description=plain("model.plan_document.registry"),
    )
    type: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan_document.type")
    )
    number: Annotated[Annotated[int, Field(ge=1)] | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan_document.number")
    )
    symbol: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan_document.symbol")
    )
    date: Annotated[DocumentDate | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan_document.date")
    )
    subject: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan_document.subject")
    )
    _printed: str | None = PrivateAttr(default=None)
    """The registry's number and symbol as printed, when the document is one of the registry's."""

    @model_validator(mode="before")
    @classmethod
    def _from_registry(cls, value: Any, info: ValidationInfo) -> Any:
        return _registered(value, info)

    @model_validator(mode="after")
    def _keep_printed(self, info: ValidationInfo) -> PlanDocument:
        if self.registry is not None:
            printed = _registry_entry(self.registry, info).number_symbol
            self._printed = printed if isinstance(printed, str) else None
        return self

    @property
    def kind(self) -> str:
        """The document's type, or `Văn bản` when the record does not hold it."""
        return self.type if isinstance(self.type, str) else GENERIC_DOCUMENT

    @property
    def number_symbol(self) -> str:
        """`123/KH-UBND`; `…/KH-UBND` while the document awaits its number; empty when the document has
        neither, or when either is not known. A registry document's as the registry prints it."""
        if self._printed is not None:
            return self._printed
        if isinstance(self.number, NotKnown) or not isinstance(self.symbol, str):
            return str(self.number) if isinstance(self.number, int) else ""
        joiner = "-" if _PARTY_SYMBOL.match(self.symbol) else "/"
        return f"{self.number if isinstance(self.number, int) else '…'}{joiner}{self.symbol}"


class Section(Record):
    heading: Line | None = Field(None, description=plain("model.section.heading"))
    items: list[Text] = Field(min_length=1, description=plain("model.section.items"))


class Period(Record):
    start: Date = Field(description=plain("model.period.start"))
    end: Date = Field(description=plain("model.period.end"))


class Peak(Period):
    """A period inside the window under the name the document gives it."""

    name: Line | None = Field(
        None,
        description=plain("model.peak.name", peak_name=PEAK_NAME),
    )

    @property
    def label(self) -> str:
        """The document's name for the period, in the middle of a sentence."""
        return self.name or PEAK_NAME


class Window(Period):
    note: Text | None = Field(None, description=plain("model.window.note"))
    peak: Peak | None = Field(
        None,
        description=plain("model.window.peak"),
    )


class ReportDeadline(Record):
    date: Date = Field(description=plain("model.report_deadline.date"))
    rule: DeadlineRule = Field(description=plain("model.report_deadline.rule", deadline_rules_help=DEADLINE_RULES_HELP))
    reporter: Line = Field(description=plain("model.report_deadline.reporter"))
    recipient: Line = Field(description=plain("model.report_deadline.recipient"))
    note: Text | None = Field(None, description=plain("model.report_deadline.note"))

    @property
    def due(self) -> Day:
        """The last day a report is on time: the day before the date written for `trước ngày`, else that date."""
        return self.date - timedelta(days=1) if self.rule in DAY_BEFORE_RULES else self.date


class Task(Record):
    text: Text = Field(description=plain("model.task.text"))
    performers: Text | None = Field(None, description=plain("model.task.performers"))


class Responsibility(Record):
    unit: Line = Field(description=plain("model.responsibility.unit"))
    tasks: list[Annotated[Task, *_short_form(str, Task, ("text",))]] = Field(
        min_length=1, description=plain("model.responsibility.tasks")
    )


class Signer(Record):
    """The signature block as printed, line by line: `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` (authority),
    `PHÓ CHỦ TỊCH` (title), then the name. A published copy may print only some of them."""

    authority: Annotated[list[Line], *_short_form(Line, list[Line], (0,))] = Field(
        default_factory=list,
        description=plain("model.signer.authority"),
    )
    title: Line | None = Field(None, description=plain("model.signer.title"))
    name: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.signer.name")
    )

    @model_validator(mode="after")
    def _some_line(self) -> Signer:
        if not self.authority and self.title is None and self.name is None:
            raise ValueError(plain("model.signer_empty"))
        return self

    @property
    def roles(self) -> list[str]:
        """The printed lines above the name: authority lines, then the title."""
        return [*self.authority, *([self.title] if self.title else [])]


@dataclass(frozen=True)
class PlanIdentity:
    """What the loader knows of a plan besides its record: its id (the file's name), year (the folder's),
    file, and what tells it apart from its issuer's other plans that year (`plan_names.tell_apart`)."""

    id: str
    year: int
    source: str
    distinction: str = ""


class Plan(Record):
    """campaigns/<year>/plans/<id>.yaml: one authority's plan or dispatch for one year. A plan pages show
    carries its identity (`identified`); the record as parsed has none."""

    issuer: Issuer = Field(description=plain("model.plan.issuer"))
    place: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan.place")
    )
    document: PlanDocument = Field(default_factory=PlanDocument, description=plain("model.plan.document"))
    addressees: Annotated[list[Line] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.addressees")
    )
    legal_basis: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.legal_basis")
    )
    references: list[Id] = Field(default_factory=list, description=plain("model.plan.references"))
    observances: list[Id] = Field(min_length=1, description=plain("model.plan.observances"))
    linked_observances: list[Id] = Field(
        default_factory=list, description=plain("model.plan.linked_observances")
    )
    linked_modality: LinkModality | None = Field(
        None,
        description=plain("model.plan.linked_modality"),
    )
    themes: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.themes")
    )
    slogans: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.slogans")
    )
    messages: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.messages")
    )
    units_choose: list[PhraseKind] = Field(
        default_factory=list,
        description=plain("model.plan.units_choose"),
    )
    context: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.context")
    )
    purposes: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.purposes")
    )
    requirements: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.requirements")
    )
    content: Annotated[list[Annotated[Section, *_short_form(str, Section, ("items", 0))]] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.content")
    )
    forms: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.forms")
    )
    window: Annotated[Window | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan.window")
    )
    report_deadlines: Annotated[list[ReportDeadline] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.report_deadlines")
    )
    responsibilities: Annotated[list[Responsibility] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.responsibilities")
    )
    closing: Annotated[list[Text], *_short_form(Text, list[Text], (0,))] = Field(
        default_factory=list,
        description=plain("model.plan.closing"),
    )
    recipients: Annotated[list[Line] | NotKnown, Knowable()] = Field(
        default_factory=list, description=plain("model.plan.recipients")
    )
    signer: Annotated[Signer | NotKnown | None, Knowable()] = Field(
        None, description=plain("model.plan.signer")
    )
    origin: Origin | None = Field(None, alias="source", description=plain("model.plan.origin"))
    inferred: list[InferredField] = Field(
        default_factory=list,
        description=plain("model.plan.inferred"),
    )

    def field_value(self, path: str) -> object:
        """The value at a dotted path such as `issuer.name`."""
        value: object = self
        for part in path.split("."):
            value = getattr(value, part)
        return value

    def is_inferred(self, path: str) -> bool:
        """Whether staff recorded the value at `path` as inferred from a source (`inferred:`)."""
        return path in self.inferred

    _identity: PlanIdentity = PrivateAttr(default_factory=lambda: PlanIdentity("", 0, ""))

    def identified(self, identity: PlanIdentity) -> Plan:
        """This record as the plan `identity` names: a new value, the record itself unchanged."""
        plan = self.model_copy()
        plan._identity = identity
        return plan

    @property
    def identity(self) -> PlanIdentity:
        return self._identity

    @property
    def distinction(self) -> str:
        """`số 12/KH-UBND, ngày 16/4/2026`, or `về` and the subject, where the issuer has another plan that year; else
        empty."""
        return self._identity.distinction

    def named(self, name: str) -> str:
        """`name` as lists print it: `UBND xã Bình Thành (Thái Nguyên), số 69/KH-UBND, ngày 25/3/2026` where the
        issuer has two plans that year (after a comma, as `name` may end in a bracket), `name` alone otherwise."""
        return plain("phrase.plan_named", name=name, distinction=self.distinction) if self.distinction else name

    @property
    def short_label(self) -> str:
        """The issuer's short name with a ward's or commune's province, told apart from the issuer's other plans
        of the year."""
        return self.named(self.issuer.placed(self.issuer.short_label))

    @property
    def id(self) -> str:
        return self._identity.id

    @property
    def year(self) -> int:
        return self._identity.year

    @property
    def source(self) -> str:
        """Path of the YAML file, relative to the repository."""
        return self._identity.source

    @property
    def title(self) -> str:
        """`Kế hoạch của Ủy ban nhân dân xã Bình Thành`; `Văn bản của một cơ quan ở Lạng Sơn` when the record lacks
        both; told apart from the issuer's other plans of the year."""
        return self.named(plain("source.of", what=self.document.kind, issuer=self.issuer.placed(self.issuer.label)))

    @property
    def cited_documents(self) -> list[str]:
        """Ids of the documents the plan implements (its legal basis) or mentions, in that order."""
        return [*held(self.legal_basis), *self.references]

    @property
    def phrase_ids(self) -> list[str]:
        """Ids of the themes, slogans and messages the plan promotes."""
        return [*held(self.themes), *held(self.slogans), *held(self.messages)]

    @property
    def from_summary(self) -> bool:
        """Whether the record was made from a summary (a news item), not from the document itself."""
        return bool(self.origin and self.origin.summary)

    def not_known(self, value: object) -> bool:
        """Whether a fact the record lacks is not known (`chưa rõ`) rather than not stated: on a record made
        from a summary, what the summary leaves out is not known, since the document itself may state it."""
        return value is NOT_KNOWN or (self.from_summary and value in (None, []))

    @property
    def dated_window(self) -> Window | None:
        """The activity window, if the record holds one (not when unstated or not known)."""
        return self.window if isinstance(self.window, Window) else None

    @property
    def dated_deadlines(self) -> list[ReportDeadline]:
        """The report deadlines the record holds (none when unstated or not known)."""
        return self.report_deadlines if isinstance(self.report_deadlines, list) else []
