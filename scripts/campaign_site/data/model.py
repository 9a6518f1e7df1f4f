"""The campaign data model: what each YAML file under `campaigns/` may contain.

One class per kind of thing; field descriptions are in Vietnamese because staff read them
(in error messages and, later, in their editor). Relations between files (ids that must
exist, dates that must be in order across objects) are checked in `checks.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from campaign_site.core.slugs import ascii_slug
from campaign_site.data import vn_dates
from campaign_site.data.domain import DocumentLevel, InferredField, IssuerLevel, LinkModality, PhraseKind
from campaign_site.data.unknowns import NOT_KNOWN, Knowable, NotKnown, held
from campaign_site.data.validation_messages import suggest
from campaign_site.data.vn_dates import PartialDate
from campaign_site.data.wording import (
    DAY_BEFORE_RULES,
    DEADLINE_RULES,
    DEADLINE_RULES_HELP,
    GENERIC_DOCUMENT,
    PEAK_NAME,
    DeadlineRule,
    absent,
    capitalised,
    due_aside,
)

Day = date
"""`datetime.date` under a name no field shadows (`ReportDeadline.date` is a field)."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Decree 30/2020/NĐ-CP: number, "/", symbol groups joined by "-" (state documents, e.g.
# 2341/BKHCN-ĐMST) or number "-" type "/" issuer (Party documents, e.g. 57-NQ/TW). No spaces.
_NUMBER_SYMBOL = re.compile(r"^\d+(?:/[^\s/,&-]+(?:-[^\s/,&-]+)*|-[^\s/,&-]+(?:-[^\s/,&-]+)*/[^\s/,&-]+(?:-[^\s/,&-]+)*)$")
_URL = re.compile(r"^https?://[^\s/$.?#\"'<>][^\s\"'<>]*$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"mã `{value}` chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (không dấu cách). "
            f"Gợi ý: `{ascii_slug(value) or 'ma-moi'}`."
        )
    return value


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        valid = bool(_URL.match(value) and parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:  # an unclosed "[" or a port that is not a number
        valid = False
    if not valid:
        raise ValueError(f"`{value}` không phải địa chỉ web. Hãy viết đầy đủ, bắt đầu bằng https://, ví dụ https://dmst.langson.gov.vn/")
    return value


def _check_folder_url(value: str) -> str:
    if not value.endswith("/"):
        raise ValueError(f"`{value}` phải kết thúc bằng `/`, vì đường dẫn tệp được nối ngay sau nó")
    return value


def _check_color(value: str) -> str:
    if not _COLOR.match(value):
        raise ValueError(f"màu `{value}` không đúng dạng: viết # và 6 chữ số hệ 16, ví dụ #DA251D (đỏ) hoặc #FFFF00 (vàng)")
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
        raise ValueError(
            f"`{value}` không phải số, ký hiệu văn bản: số, ký hiệu bắt đầu bằng số văn bản, rồi `/` hoặc `-`; "
            "ví dụ `2341/BKHCN-ĐMST`, hoặc với văn bản của Đảng `57-NQ/TW`. Nếu văn bản không ghi số, ký hiệu, "
            "hãy xóa dòng này; nếu chưa biết, hãy viết `chưa rõ`."
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A paragraph: line breaks inside it are kept in the data and read as spaces on pages."""
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
Id = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_id)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_url)]
FolderUrl = Annotated[Url, AfterValidator(_check_folder_url)]
Date = Annotated[
    date,
    BeforeValidator(vn_dates.parse_date),
    WithJsonSchema({"type": "string", "description": "ngày/tháng/năm, ví dụ 16/4/2026"}),
]
DocumentDate = Annotated[
    PartialDate,
    PlainValidator(vn_dates.parse_partial_date),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {"type": ["string", "integer"], "description": "16/4/2026; hoặc 4/2026 nếu chưa có ngày; hoặc 2026"}
    ),
]


class Record(BaseModel):
    """Base for every YAML object: unknown fields are errors, text is stripped, objects immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- site.yaml -------------------------------------------------------------------------


class Contact(Record):
    address: Line | None = Field(None, description="Địa chỉ trụ sở")
    phone: Line | None = Field(None, description="Số điện thoại")
    email: Line | None = Field(None, description="Thư điện tử")
    website: Url | None = Field(None, description="Trang thông tin điện tử của cơ quan")


class Organisation(Record):
    name: Line = Field(description="Tên cơ quan, đơn vị quản lý trang")
    locality: Line = Field(description="Địa phương, ví dụ: tỉnh Lạng Sơn")
    contact: Contact = Field(default_factory=Contact, description="Thông tin liên hệ")


class SiteSettings(Record):
    title: Annotated[Line, StringConstraints(max_length=MAX_TITLE_CHARS)] = Field(
        description=f"Tên trang, hiện ở đầu mọi trang và trên ảnh chia sẻ (tối đa {MAX_TITLE_CHARS} ký tự)"
    )
    description: Line = Field(description="Mô tả ngắn của trang (cho công cụ tìm kiếm)")
    base_url: Url = Field(description="Địa chỉ công khai của trang, ví dụ https://dmst.example.gov.vn/")
    edit_url: FolderUrl | None = Field(
        None,
        description=(
            "Địa chỉ sửa tệp trong kho mã nguồn, đến trước đường dẫn tệp, ví dụ "
            "https://github.com/to-chuc/kho/edit/main/ (GitHub) hoặc https://gitlab.com/to-chuc/kho/-/edit/main/ (GitLab). "
            "Mỗi trang có liên kết “Sửa trang này” tới tệp tạo ra trang. Bỏ trống thì không có liên kết, "
            "trừ khi trang được dựng trên GitHub Actions (khi đó địa chỉ lấy từ kho đang dựng)."
        ),
    )


Color = Annotated[str, AfterValidator(_check_color)]

MAX_PAGE_MM = 5080
"""PDF pages may not be wider or taller than 200 inches; larger banners are printed from a scaled file."""


class BannerSize(Record):
    id: Id = Field(description="Mã khổ, dùng trong tên tệp tải về, ví dụ ngang-80x500")
    name: Line = Field(description="Tên khổ cho người đọc, ví dụ Băng rôn ngang 0,8 × 5 m")
    width_mm: int = Field(ge=50, le=MAX_PAGE_MM, description="Chiều rộng, tính bằng milimét (tối đa 5080)")
    height_mm: int = Field(ge=50, le=MAX_PAGE_MM, description="Chiều cao, tính bằng milimét (tối đa 5080)")


def _default_sizes() -> list[BannerSize]:
    return [
        BannerSize(id="ngang-80x500", name="Băng rôn ngang 0,8 × 5 m", width_mm=5000, height_mm=800),
        BannerSize(id="ngang-60x300", name="Băng rôn ngang 0,6 × 3 m", width_mm=3000, height_mm=600),
        BannerSize(id="a3-ngang", name="Tờ in khổ A3 ngang", width_mm=420, height_mm=297),
    ]


class BannerStyle(Record):
    background: Color = Field("#DA251D", description="Màu nền, dạng #RRGGBB; mặc định đỏ #DA251D")
    text_color: Color = Field("#FFFF00", description="Màu chữ, dạng #RRGGBB; mặc định vàng #FFFF00")
    uppercase: bool = Field(True, description="In chữ hoa (true) hay giữ nguyên chữ như văn bản (false)")
    margin_percent: int = Field(8, ge=2, le=30, description="Lề mỗi bên, tính theo phần trăm cạnh ngắn (2 đến 30)")
    sizes: list[BannerSize] = Field(
        default_factory=_default_sizes, min_length=1, description="Các khổ in; tệp SVG và PDF được tạo cho mỗi khổ"
    )


class SiteFile(Record):
    """campaigns/site.yaml"""

    site: SiteSettings = Field(description="Thông tin về trang")
    organisation: Organisation = Field(description="Cơ quan quản lý trang")
    banners: BannerStyle = Field(default_factory=BannerStyle, description="Kiểu và khổ băng rôn tải về")


# --- documents.yaml --------------------------------------------------------------------


ORIGINAL_SUFFIXES = (".pdf", ".docx", ".doc", ".odt")
"""Original files the site publishes as they are."""


class Origin(Record):
    """Where a record's facts come from, when that is not only the document as the editor holds it."""

    file: Line | None = Field(
        None, description="Tệp văn bản gốc (PDF, DOCX, DOC, ODT) lưu trong kho, đường dẫn tính từ thư mục campaigns/, ví dụ van-ban/kh-123-ubnd.pdf"
    )
    url: Url | None = Field(None, description="Địa chỉ chính thức của văn bản hoặc của bản tin tóm tắt")
    summary: bool = Field(
        False, description="true nếu thông tin lấy từ bản tin, bài tóm tắt (ví dụ trên cổng thông tin), không phải từ chính văn bản"
    )
    name: Line | None = Field(None, description="Tên nguồn, ví dụ Cổng Thông tin điện tử tỉnh Lạng Sơn")
    read_on: Date | None = Field(None, description="Ngày đọc nguồn, ví dụ 20/4/2026")

    @model_validator(mode="after")
    def _points_somewhere(self) -> Origin:
        if not (self.file or self.url or self.name):
            raise ValueError("nguồn cần ít nhất một trong các trường `file:` (tệp gốc), `url:` (địa chỉ) hoặc `name:` (tên nguồn).")
        if self.file and not self.file.lower().endswith(ORIGINAL_SUFFIXES):
            raise ValueError(f"tệp gốc `{self.file}` phải là PDF, DOCX, DOC hoặc ODT.")
        missing = [f"`{key}:` ({what})" for key, what, value in (("name", "ai đăng bản tin", self.name), ("read_on", "ngày đọc", self.read_on))
                   if value is None]
        if self.summary and missing:
            raise ValueError(
                f"thông tin lấy từ bản tin (`summary: true`) cần {' và '.join(missing)}, để trang ghi rõ nguồn, ví dụ "
                "`name: Cổng Thông tin điện tử tỉnh Tuyên Quang` và `read_on: 20/4/2026`."
            )
        return self



class LegalDocument(Record):
    """A document in the legal basis, described once and cited by id."""

    id: Id = Field(description="Mã văn bản để trích dẫn, ví dụ cv-2341-bkhcn-2026")
    type: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Loại văn bản: Nghị quyết, Công văn, Kế hoạch, Quyết định...; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    number_symbol: Annotated[Annotated[Line, AfterValidator(_check_number_symbol)] | NotKnown | None, Knowable()] = Field(
        None, description="Số, ký hiệu như văn bản ghi, ví dụ 2341/BKHCN-ĐMST hoặc 57-NQ/TW; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    date: Annotated[DocumentDate | NotKnown | None, Knowable()] = Field(
        None, description="Ngày ban hành: 16/4/2026; 4/2026 hoặc 2026 nếu chỉ biết tháng, năm; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    issuer: Line = Field(description="Cơ quan ban hành, ví dụ Bộ Khoa học và Công nghệ")
    level: DocumentLevel = Field(description="Cấp ban hành: party, government, ministry, province, commune")
    summary: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Trích yếu, viết như sau tên cơ quan: về việc ...; `chưa rõ` nếu chưa biết"
    )
    url: Url | None = Field(None, description="Đường dẫn tới văn bản gốc (nếu có)")
    basis: list[Id] = Field(default_factory=list, description="Mã các văn bản mà văn bản này thực hiện")
    origin: Origin | None = Field(None, alias="source", description="Nguồn của thông tin về văn bản (nếu không lấy từ chính văn bản)")

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

    documents: list[LegalDocument] = Field(min_length=1, description="Mỗi văn bản một mục, bắt đầu bằng `- id:`")


# --- observances.yaml ------------------------------------------------------------------


class Observance(Record):
    """A day observed every year, e.g. 21/4. On a year's pages `name` is the name that year's documents use."""

    id: Id = Field(description="Mã ngày kỷ niệm, ví dụ ngay-sang-tao")
    day: int = Field(ge=1, le=31, description="Ngày trong tháng")
    month: int = Field(ge=1, le=12, description="Tháng")
    name: Line = Field(description="Tên tiếng Việt")
    name_en: Line | None = Field(None, description="Tên tiếng Anh")
    owner: Line = Field(description="Tổ chức hoặc văn bản xác lập ngày kỷ niệm")
    _usual_name: str | None = PrivateAttr(default=None)

    def named(self, name: str | None) -> Observance:
        """This day under the name a year's documents use (`YearObservance.name`), keeping the usual one."""
        if not name or name == self.name:
            return self
        copy = self.model_copy(update={"name": name})
        copy._usual_name = self.name
        return copy

    @property
    def usual_name(self) -> str | None:
        """The name in observances.yaml, when this year's documents use another; else None."""
        return self._usual_name

    @property
    def label(self) -> str:
        return vn_dates.day_month(self.day, self.month)


class ObservancesFile(Record):
    """campaigns/observances.yaml"""

    observances: list[Observance] = Field(min_length=1, description="Mỗi ngày kỷ niệm một mục")


# --- <year>/campaign.yaml --------------------------------------------------------------


class Phrase(Record):
    """A theme (chủ đề), slogan (khẩu hiệu) or message (thông điệp), with a stable id."""

    id: Id = Field(description="Mã cố định, dùng trong kế hoạch và địa chỉ tải về, ví dụ dmst-hanh-dong-dot-pha")
    text: Annotated[Line, StringConstraints(max_length=MAX_PHRASE_CHARS)] = Field(
        description=f"Nguyên văn, không kèm dấu ngoặc kép (tối đa {MAX_PHRASE_CHARS} ký tự)"
    )
    text_en: Line | None = Field(None, description="Bản tiếng Anh (nếu văn bản có)")


class YearObservance(Record):
    observance: Id = Field(description="Mã ngày kỷ niệm trong observances.yaml")
    name: Line | None = Field(
        None, description="Tên ngày kỷ niệm mà văn bản năm nay dùng, nếu khác tên trong observances.yaml (ví dụ Ngày Đổi mới sáng tạo thế giới)"
    )
    themes: list[Phrase] = Field(default_factory=list, description="Các chủ đề năm nay")
    slogans: list[Phrase] = Field(default_factory=list, description="Các khẩu hiệu năm nay")
    messages: list[Phrase] = Field(default_factory=list, description="Các thông điệp năm nay")


class CampaignFile(Record):
    """campaigns/<year>/campaign.yaml"""

    title: Line | None = Field(None, description="Tên đợt hưởng ứng của năm (tùy chọn)")
    observances: list[YearObservance] = Field(min_length=1, description="Các ngày kỷ niệm của năm, mỗi ngày kèm chủ đề, khẩu hiệu")


# --- <year>/plans/<id>.yaml ------------------------------------------------------------


def _shorthand(model: type, expand: Callable[[str], dict[str, Any]]) -> BeforeValidator:
    """Allow a plain string where a `model` mapping is meant; `expand` builds the mapping."""
    return BeforeValidator(
        lambda value: expand(value) if isinstance(value, str) else value,
        json_schema_input_type=str | model,
    )


def _one_or_list(item: Any) -> BeforeValidator:
    """Allow one text where a list of texts is meant (`authority: KT. GIÁM ĐỐC`, a list of one line)."""
    return BeforeValidator(lambda value: [value] if isinstance(value, str) else value, json_schema_input_type=item | list[item])


class Issuer(Record):
    name: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Tên đầy đủ, ví dụ Sở Khoa học và Công nghệ tỉnh Lạng Sơn; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    short_name: Line | None = Field(None, description="Tên ngắn, ví dụ Sở KH&CN Lạng Sơn; bỏ dòng thì trang dùng tên đầy đủ")
    parent: Line | None = Field(None, description="Cơ quan chủ quản ghi ở đầu văn bản (nếu có)")
    level: IssuerLevel = Field(
        description="Cấp: national (cơ quan trung ương: Đảng, Chính phủ, bộ, ngành và các cục, vụ), province (tỉnh, thành phố, sở) "
        "hoặc commune (xã, phường)"
    )
    province: Line | None = Field(
        None,
        description="Tỉnh, thành phố trực thuộc trung ương của cơ quan, viết như tên gọi chính thức, ví dụ Lạng Sơn, Hải Phòng. "
        "Trang xếp các kế hoạch của năm theo tỉnh, thành phố này. Không ghi với cơ quan trung ương (level: national).",
    )

    @model_validator(mode="after")
    def _province_matches_level(self) -> Issuer:
        if self.level == "national" and self.province:
            raise ValueError("cơ quan trung ương (level: national) không thuộc tỉnh, thành phố nào: hãy xóa dòng `province:`.")
        if self.level != "national" and not self.province:
            raise ValueError(
                f"thiếu trường `province` (tỉnh, thành phố của cơ quan cấp {self.level}). Hãy thêm dòng `province: ...`, "
                "ví dụ `province: Lạng Sơn`; nếu là cơ quan trung ương, hãy viết `level: national`."
            )
        return self

    @property
    def label(self) -> str:
        """The issuer's name; without it, the short name; without either, what the record does hold
        (`một cơ quan ở Lạng Sơn`, `một cơ quan trung ương`), never an invented name."""
        if isinstance(self.name, str):
            return self.name
        return self.short_name or (f"một cơ quan ở {self.province}" if self.province else "một cơ quan trung ương")

    @property
    def display_name(self) -> str:
        """`label` as a list or a title starts it (`Một cơ quan ở Lạng Sơn`)."""
        return capitalised(self.label)

    @property
    def short_label(self) -> str:
        """The short name; else `display_name`."""
        return self.short_name or self.display_name


_REGISTRY_FACTS = ("type", "number", "symbol", "date", "subject")
"""What a plan's document takes from the registry when it is a document of the registry."""
_NUMBER_AND_SYMBOL = re.compile(r"^(\d+)\s*[-/\s]\s*(.*)$")


def _registered(value: Any, info: ValidationInfo) -> Any:
    """`{registry: id}`: the registry's type, number, symbol, date and subject of that document."""
    if not isinstance(value, dict) or value.get("registry") is None:
        return value
    repeated = [f"`{key}`" for key in _REGISTRY_FACTS if key in value]
    if repeated:
        raise ValueError(
            f"đã ghi `registry: {value['registry']}` nên không ghi lại {', '.join(repeated)}: loại, số, ký hiệu, ngày và "
            "trích yếu lấy từ văn bản đó trong documents.yaml, để mọi trang ghi cùng một giá trị. Hãy xóa các dòng này "
            "(sửa trong documents.yaml nếu cần)."
        )
    doc = _registry_entry(value["registry"], info)
    subject = re.sub(r"^về việc\s+", "", doc.summary, flags=re.IGNORECASE) if isinstance(doc.summary, str) else doc.summary
    number: Any = doc.number_symbol
    symbol: Any = doc.number_symbol
    if isinstance(doc.number_symbol, str) and (m := _NUMBER_AND_SYMBOL.match(doc.number_symbol)):
        number, symbol = int(m[1]), m[2] or None
    return value | {"type": doc.type, "number": number, "symbol": symbol, "date": doc.date, "subject": subject}


def _registry_entry(doc_id: object, info: ValidationInfo) -> LegalDocument:
    """The registry's document `doc_id`, from the validation context the loader gives (`{"documents": {...}}`)."""
    documents = (info.context or {}).get("documents")
    if documents is None:
        raise ValueError("chưa đọc được documents.yaml (tệp đó có lỗi), nên chưa lấy được thông tin của văn bản. Hãy sửa lỗi ở đó trước.")
    if not isinstance(doc_id, str) or doc_id not in documents:
        close = suggest(str(doc_id), list(documents))
        hint = f" Có phải bạn muốn viết `{close}`?" if close else ""
        raise ValueError(
            f"không có văn bản nào mang mã `{doc_id}` trong documents.yaml.{hint} Hãy dùng mã của văn bản đó trong "
            "documents.yaml, hoặc khai báo văn bản ở đó trước."
        )
    entry: LegalDocument = documents[doc_id]
    return entry


def _registry_schema(schema: dict[str, Any]) -> None:
    """Editors accept either the document's facts or only `registry:`."""
    schema["anyOf"] = [{"required": schema.pop("required", [])}, {"required": ["registry"]}]


class PlanDocument(Record):
    model_config = ConfigDict(json_schema_extra=_registry_schema)

    registry: Id | None = Field(
        None,
        description="Mã văn bản trong documents.yaml khi kế hoạch này chính là văn bản đó, ví dụ cv-2341-bkhcn-2026: "
        "loại, số, ký hiệu, ngày và trích yếu lấy từ danh mục, không ghi lại ở đây",
    )
    type: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Kế hoạch, Công văn...; bỏ dòng nếu văn bản không ghi loại; `chưa rõ` nếu chưa biết"
    )
    number: Annotated[Annotated[int, Field(ge=1)] | NotKnown | None, Knowable()] = Field(
        None, description="Số văn bản; bỏ dòng nếu văn bản không ghi số (để trống chờ cấp số); `chưa rõ` nếu chưa biết"
    )
    symbol: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Ký hiệu sau dấu /, ví dụ KH-UBND; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    date: Annotated[DocumentDate | NotKnown | None, Knowable()] = Field(
        None, description="Ngày ký: 16/4/2026; 4/2026 nếu văn bản để trống ngày; bỏ dòng nếu văn bản không ghi ngày; `chưa rõ` nếu chưa biết"
    )
    subject: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Trích yếu (tên kế hoạch hoặc nội dung V/v); bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
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
        return f"{self.number if isinstance(self.number, int) else '…'}/{self.symbol}"


class Section(Record):
    heading: Line | None = Field(None, description="Tiêu đề mục (không kèm số thứ tự)")
    items: list[Text] = Field(min_length=1, description="Các ý trong mục")


class Period(Record):
    start: Date = Field(description="Ngày bắt đầu")
    end: Date = Field(description="Ngày kết thúc (tính cả ngày này)")


class Peak(Period):
    """A period inside the window under the name the document gives it."""

    name: Line | None = Field(
        None,
        description=f"Tên văn bản gọi khoảng thời gian này, chép nguyên văn, ví dụ `thời gian tổ chức các hoạt động chính`; "
        f"bỏ dòng nếu văn bản gọi là {PEAK_NAME}",
    )

    @property
    def label(self) -> str:
        """The document's name for the period, in the middle of a sentence."""
        return self.name or PEAK_NAME


class Window(Period):
    note: Text | None = Field(None, description="Ghi chú về thời gian (nếu văn bản có)")
    peak: Peak | None = Field(
        None,
        description="Một khoảng thời gian trong thời gian thực hiện mà văn bản nêu riêng (thời gian cao điểm, thời gian tổ chức "
        "các hoạt động chính), ví dụ 15/5/2026 đến 19/5/2026, kèm `name:` nếu văn bản không gọi là cao điểm",
    )


class ReportDeadline(Record):
    date: Date = Field(description="Ngày ghi trong văn bản")
    rule: DeadlineRule = Field(description=f"Cách văn bản ghi hạn: {DEADLINE_RULES_HELP}")
    reporter: Line = Field(description="Ai báo cáo")
    recipient: Line = Field(description="Báo cáo cho ai")
    note: Text | None = Field(None, description="Ví dụ: để tổng hợp, báo cáo Bộ Khoa học và Công nghệ")

    @property
    def wording(self) -> str:
        """The deadline in the document's words: `trước ngày 10/5/2026`."""
        return f"{DEADLINE_RULES[self.rule]} {vn_dates.short(self.date)}"

    @property
    def due(self) -> Day:
        """The last day a report is on time: the day before the date written for `trước ngày`, else that date."""
        return self.date - timedelta(days=1) if self.rule in DAY_BEFORE_RULES else self.date

    @property
    def due_wording(self) -> str:
        """`trước ngày 10/5/2026 (hạn chót: ngày 09/5/2026)`; the document's words alone where the day is the due day."""
        if self.due == self.date:
            return self.wording
        return f"{self.wording} {due_aside(vn_dates.short(self.due))}"


class Task(Record):
    text: Text = Field(description="Nhiệm vụ, chép nguyên văn")
    performers: Text | None = Field(None, description="Đơn vị thực hiện (nếu văn bản ghi riêng)")


class Responsibility(Record):
    unit: Line = Field(description="Đơn vị")
    tasks: list[Annotated[Task, _shorthand(Task, lambda text: {"text": text})]] = Field(
        min_length=1, description="Các nhiệm vụ của đơn vị; mỗi nhiệm vụ một dòng"
    )


class Signer(Record):
    """The signature block as printed, line by line: `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` (authority),
    `PHÓ CHỦ TỊCH` (title), then the name. A published copy may print only some of them."""

    authority: Annotated[list[Line], _one_or_list(Line)] = Field(
        default_factory=list,
        description="Các dòng thẩm quyền ký, mỗi dòng như in trong văn bản: một dòng (KT. GIÁM ĐỐC) hoặc danh sách "
        "(TM. ỦY BAN NHÂN DÂN, rồi KT. CHỦ TỊCH); cả các dòng TL., TUQ.",
    )
    title: Line | None = Field(None, description="Chức vụ, ví dụ PHÓ GIÁM ĐỐC hoặc Q. GIÁM ĐỐC; bỏ dòng nếu văn bản không in chức vụ")
    name: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Họ và tên người ký; bỏ dòng nếu văn bản không in tên; `chưa rõ` nếu bản đăng tải không cho biết tên"
    )

    @model_validator(mode="after")
    def _some_line(self) -> Signer:
        if not self.authority and self.title is None and self.name is None:
            raise ValueError(
                "khối chữ ký cần ít nhất một dòng như in trong văn bản: `authority:` (ví dụ KT. GIÁM ĐỐC), `title:` (ví dụ "
                "PHÓ GIÁM ĐỐC) hoặc `name:`. Nếu văn bản không có chữ ký, hãy xóa cả mục `signer:`; nếu chưa biết, "
                "hãy viết `signer: chưa rõ`."
            )
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

    issuer: Issuer = Field(description="Cơ quan ban hành")
    place: Annotated[Line | NotKnown | None, Knowable()] = Field(
        None, description="Địa danh ghi trước ngày tháng; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    document: PlanDocument = Field(description="Loại, số, ký hiệu, ngày và trích yếu của văn bản")
    addressees: Annotated[list[Line] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Kính gửi; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    legal_basis: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Mã các văn bản được thực hiện (Thực hiện/Căn cứ); bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    references: list[Id] = Field(default_factory=list, description="Mã các văn bản được nhắc tới trong nội dung")
    observances: list[Id] = Field(min_length=1, description="Các ngày kỷ niệm được hưởng ứng")
    linked_observances: list[Id] = Field(
        default_factory=list, description="Các ngày kỷ niệm khác mà hoạt động kết nối, hướng tới (ví dụ kết nối với 26/4 và 18/5)"
    )
    linked_modality: LinkModality | None = Field(
        None,
        description="Văn bản nói việc kết nối thế nào: may (có thể), encouraged (khuyến khích), requested (đề nghị), "
        "stated (nêu là việc làm, không kèm các từ đó)",
    )
    themes: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Mã các chủ đề được tuyên truyền; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    slogans: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Mã các khẩu hiệu được tuyên truyền; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    messages: Annotated[list[Id] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Mã các thông điệp được tuyên truyền; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    units_choose: list[PhraseKind] = Field(
        default_factory=list,
        description="Loại nội dung văn bản để mỗi đơn vị tự chọn, không quy định chung: theme (chủ đề), slogan (khẩu hiệu), message (thông điệp)",
    )
    context: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Đoạn mở đầu, bối cảnh; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    purposes: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Mục đích; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    requirements: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Yêu cầu; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    content: Annotated[list[Annotated[Section, _shorthand(Section, lambda text: {"items": [text]})]] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Nội dung; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    forms: Annotated[list[Text] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Hình thức tổ chức; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    window: Annotated[Window | NotKnown | None, Knowable()] = Field(
        None, description="Thời gian tổ chức các hoạt động; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    report_deadlines: Annotated[list[ReportDeadline] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Các hạn báo cáo kết quả; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    responsibilities: Annotated[list[Responsibility] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Tổ chức thực hiện; bỏ dòng nếu văn bản không nêu; `chưa rõ` nếu chưa biết"
    )
    closing: Annotated[list[Text], _one_or_list(Text)] = Field(
        default_factory=list,
        description="Lời kết của văn bản, sau nhiệm vụ cuối và trước nơi nhận (Trên đây là …; đoạn kết thúc bằng ./.): "
        "một đoạn, hoặc danh sách nếu có nhiều đoạn",
    )
    recipients: Annotated[list[Line] | NotKnown, Knowable()] = Field(
        default_factory=list, description="Nơi nhận; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    signer: Annotated[Signer | NotKnown | None, Knowable()] = Field(
        None, description="Người ký; bỏ dòng nếu văn bản không ghi; `chưa rõ` nếu chưa biết"
    )
    origin: Origin | None = Field(None, alias="source", description="Nguồn của thông tin (tệp gốc, địa chỉ, hoặc bản tin tóm tắt)")
    inferred: list[InferredField] = Field(
        default_factory=list,
        description="Các trường biên tập viên suy ra từ nguồn (ví dụ bản tin), chưa đối chiếu văn bản, ví dụ "
        "[issuer.name, issuer.province]; trang ghi kèm “suy ra từ nguồn, chưa đối chiếu văn bản”",
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
        """`số 12/KH-UBND, ngày 16/4/2026`, or the subject, where the issuer has another plan that year; else empty."""
        return self._identity.distinction

    def named(self, name: str) -> str:
        """`name` as lists print it: `UBND xã Bình Thành (số 69/KH-UBND, ngày 25/3/2026)` where the issuer has
        two plans that year, `name` alone otherwise."""
        return f"{name} ({self.distinction})" if self.distinction else name

    @property
    def short_label(self) -> str:
        """The issuer's short name, told apart from the issuer's other plans of the year."""
        return self.named(self.issuer.short_label)

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
        return self.named(f"{self.document.kind} của {self.issuer.label}")

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
