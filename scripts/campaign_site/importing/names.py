"""Names of agencies and places: provinces, the case of a name printed in capitals, short names, the
level of an issuer, and ids built the way the shipped data builds them.

A name is taken from a reference list, never from the words a sentence happens to put after it: the
provinces before and after the 2025 merger (`data.provinces`), the central bodies (`data.agencies`),
and the kinds of local agency. What is on no list is kept whole and said to be uncertain."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from campaign_site.core.slugs import ascii_slug
from campaign_site.data.agencies import Body, central_bodies
from campaign_site.data.domain import ABBREVIATIONS
from campaign_site.data.provinces import arrangement
from campaign_site.importing.vn import key, title_name

# Kinds of agency, as running text writes them (the key is the folded form).
_ORGS = [
    "Ủy ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Sở", "Bộ", "Cục", "Tổng cục", "Vụ",
    "Chi cục", "Ban", "Phòng", "Trung tâm", "Văn phòng", "Đài", "Báo", "Viện", "Trường", "Hội", "Đảng ủy",
    "Công an", "Bộ Chỉ huy Quân sự", "Liên hiệp các Hội Khoa học và Kỹ thuật",
]
# Fields of ministries and provincial departments, as running text writes them.
_FIELDS = [
    "Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch", "Giáo dục và Đào tạo", "Nội vụ", "Tài chính",
    "Tư pháp", "Xây dựng", "Công Thương", "Y tế", "Nông nghiệp và Môi trường", "Ngoại vụ", "Dân tộc và Tôn giáo",
    "Thông tin và Truyền thông", "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường", "Giao thông vận tải",
    "Lao động - Thương binh và Xã hội", "Sở hữu trí tuệ", "Quốc phòng", "Công an", "Ngoại giao",
    "Tuyên giáo và Dân vận", "Tuyên giáo", "Dân vận", "Tổ chức", "Kiểm tra", "Nội chính", "Thường vụ",
]
LOCALITY = re.compile(r"\b(?P<word>tỉnh|thành phố|TP\.|xã|phường|đặc khu|thành(?=\s+(?:ủy|uỷ)\s))(?:\s+(?:ủy|uỷ)(?=\s))?\s+(?P<name>[^\W\d_](?:[\w ]| - )*?)"
                      r"(?=$|[,;.()]|\s+(?:về|và|theo|để|trước|chậm|đề|ngày)\b)", re.IGNORECASE)
_NATIONAL = re.compile(
    r"^(?:Bộ|Cục|Tổng cục|Vụ|Chính phủ|Thủ tướng|Văn phòng Chính phủ|Quốc hội|Ban Chấp hành Trung ương|Ban Bí thư|"
    r"Ban Tuyên giáo Trung ương|Ban Tuyên giáo và Dân vận Trung ương|Viện Hàn lâm|Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam)\b",
    re.IGNORECASE,
)


def province(name: str) -> str | None:
    """The province or city a name is (`Thanh Hoá`, `tỉnh Hòa Bình`, `TP. Hồ Chí Minh`), on the list before
    the 2025 merger or after it, as the data writes it."""
    bare = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", name.strip(), flags=re.IGNORECASE)
    return arrangement().known(bare)


def province_held(name: str, signed: date | None) -> bool:
    """Whether the province `name` was one on the day a document was `signed` (unknown day: either list)."""
    return signed is None or name in arrangement().provinces_on(signed)


def called(province_name: str) -> str:
    """`thành phố` or `tỉnh`, as a name puts it before `province_name`."""
    return "thành phố" if arrangement().is_city(province_name) else "tỉnh"


def localities(text: str) -> list[tuple[str, str]]:
    """(`tỉnh`/`thành phố`/`xã`/`phường`/`đặc khu`, name) of every place named with its kind in `text`."""
    found = []
    for m in LOCALITY.finditer(text):
        word = "thành phố" if m["word"].lower() in ("tp.", "thành") else m["word"].lower()
        listed = _listed_province(text[m.start("name"):]) if word in ("tỉnh", "thành phố") else None
        if listed:
            found.append((word, listed))
            continue
        words = m["name"].replace(" - ", " ").split()
        # A place name is a few capitalised syllables: stop at the first small word.
        name_words = []
        for w in words:
            if not w[:1].isupper():
                break
            name_words.append(w)
        if name_words:
            found.append((word, " ".join(name_words)))
    return found


PARTY_COMMITTEE = re.compile(r"^(?P<kind>TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)\s+(?P<place>\S.*)$", re.IGNORECASE)
"""A Party committee named by its place (`TỈNH ỦY QUẢNG NAM`, `Thành ủy Cần Thơ`, `HUYỆN ỦY KỲ SƠN`)."""


def _listed_province(text: str) -> str | None:
    """The longest listed province `text` starts with (`Bà Rịa - Vũng Tàu và …` → `Bà Rịa - Vũng Tàu`); None
    when the capitalised words go on past every listed name (`Hà Giang Mới` is not `Hà Giang`)."""
    words = text.split()
    for size in range(min(6, len(words)), 0, -1):
        last, following = words[size - 1], words[size] if size < len(words) else ""
        if not re.search(r"[,;.()]$", last) and (following[:1].isupper() or following == "-"):
            continue  # the name goes on
        if found := arrangement().known(" ".join(words[:size]).rstrip(",;.()")):
            return found
    return None


def provinces_named(text: str) -> list[str]:
    """Provinces and cities named as such (`tỉnh X`, `thành phố X`) in `text`, in order, each once."""
    out: list[str] = []
    for word, name in localities(text):
        if word in ("tỉnh", "thành phố") and (found := province(name)) and found not in out:
            out.append(found)
    return out


def _cased(words_upper: str, lexicon: list[str]) -> tuple[str, str] | None:
    """The lexicon entry the capitalised text starts with, and the rest."""
    for entry in sorted(lexicon, key=len, reverse=True):
        if key(words_upper).startswith(key(entry)) and (
            len(words_upper) == len(entry) or not words_upper[len(entry):len(entry) + 1].isalpha()
        ):
            return entry, words_upper[len(entry):].strip(" ,")
    return None


_JOINING = re.compile(r"(?:\s(?:và|của|các|với|về|cho|trong|tại|theo|hoặc|những)|[,&-])\s*$", re.IGNORECASE)


def _cut_short(name: str) -> bool:
    """Whether a name read from a cell ends where it cannot (`Sở Khoa học và`, a joining word, a comma) or stops
    inside a field of the list (`Sở Văn hóa, Thể`): a cell that lost the rest of its line."""
    if _JOINING.search(name):
        return True
    org = _cased(name, _ORGS)
    field = key(org[1]) if org else ""
    return bool(field) and not any(field.startswith(key(f)) for f in _FIELDS) \
        and any(key(f).startswith(field + " ") for f in _FIELDS)


_LOCALITY_WORDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)"
_OWN_LOCALITY = re.compile(rf"(?<!và )(?<!- )\b(?P<word>{_LOCALITY_WORDS})\s+(?P<name>[^,;()\s][^,;()]*)$", re.IGNORECASE)
"""A locality a name ends with; not the `Xã hội` of a field (`Văn hóa - Xã hội`, `… và Xã hội`)."""
_LEADING_LOCALITY_WORD = re.compile(rf"^{_LOCALITY_WORDS}\s+", re.IGNORECASE)
_LOWER = ("huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu")
_ABBREVIATED = re.compile(r"^(?:Bộ|Sở|Cục)\s")
"""The kinds of body whose symbols Decree 30 builds from their names' initials (`BKHCN`, `SKHCN`; a `Cục` drops its `C`)."""


def own_locality(name: str) -> tuple[str, str] | None:
    """(word, name) of the locality a body's name ends with (`Ủy ban nhân dân huyện Chợ Mới` → huyện, Chợ Mới), in
    capitals or not."""
    m = _OWN_LOCALITY.search(name.strip())
    return (m["word"].lower(), m["name"].strip()) if m else None


def same_place(place: str, locality: str) -> bool:
    """Whether a place as printed (`Chợ Mới`, `Phường Trần Hưng Đạo`) is the locality's name."""
    return key(_LEADING_LOCALITY_WORD.sub("", place.strip())) == key(locality)


def lower_locality(name: str) -> tuple[str, str] | None:
    """(word, name as running text writes it) of a district or commune a superior cell ends with (`UBND HUYỆN QUẾ
    PHONG` → huyện, Quế Phong)."""
    found = own_locality(name)
    return (found[0], title_name(found[1])) if found and found[0] in _LOWER else None


def initials(name: str) -> str | None:
    """`Bộ Khoa học và Công nghệ` → `BKHCN`, the province left out; None for a body of another kind."""
    if not _ABBREVIATED.match(name):
        return None
    words = re.split(r"[\s,]+", re.sub(r"\s+(?:tỉnh|thành phố)\s.*$", "", name))
    return "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in ("và", "của")).upper()


def case_name(upper: str, body: str) -> tuple[str, bool]:
    """An agency name printed in capitals (`SỞ KHOA HỌC VÀ CÔNG NGHỆ`) as running text writes it, and
    whether that is certain. The body's own spelling wins (a ministry only when the list of central bodies has
    it: `BỘ NÔNG NGHIỆP` is the start of a longer name whose cell lost its line); then the list of central bodies;
    then known kinds of agency, fields and localities; anything else is written as a sentence and flagged."""
    wanted = key(upper)
    size = len(upper.strip())
    for m in re.finditer(r"(?<!\w)\w", body):
        segment = body[m.start():m.start() + size]
        if key(segment) == wanted and not body[m.start() + size:m.start() + size + 1].isalpha() and not segment.isupper():
            listed = central_body(segment)
            whole = not wanted.startswith("bộ ") or listed is not None and listed[1] == len(segment)
            return segment, whole and not _cut_short(segment)
    rest = upper.strip()
    if (listed := central_body(rest)) and listed[1] == len(rest):
        return listed[0].name, True
    if party := PARTY_COMMITTEE.match(rest):
        provincial = party["kind"].upper() in ("TỈNH", "THÀNH")
        known = province(party["place"]) if provincial else None
        return f"{party['kind'].capitalize()} ủy {known or title_name(party['place'])}", known is not None or not provincial
    out: list[str] = []
    certain = True
    org = _cased(rest, _ORGS)
    if org:
        out.append(org[0])
        rest = org[1]
        field = _cased(rest, _FIELDS)
        if field:
            out.append(field[0])
            rest = field[1]
    if rest:
        located = re.match(r"^(TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$", rest, re.IGNORECASE)
        if located:
            place = located[2]
            provincial = located[1].lower() in ("tỉnh", "thành phố")
            known = province(place) if provincial else None
            out.append(f"{located[1].lower()} {known or title_name(place)}")
            certain = certain and (known is not None or not provincial)  # a province on neither list: marked
        else:
            out.append(rest.lower() if out else rest.capitalize())
            certain = False
    return " ".join(out), certain and bool(org)


_KINDS = "|".join(re.escape(k) for k in sorted(_ORGS, key=len, reverse=True))
_ANOTHER = re.compile(rf"^\s*(?:,|;|và|cùng|với)\s*(?:{_KINDS}|Chính phủ|Thủ tướng|Quốc hội|Ngân hàng|Thanh tra)\b")
"""Words after a name that name another body: the document would be attributed to two."""


@cache
def _bodies_by_first_word() -> dict[str, list[tuple[Body, str]]]:
    """The listed bodies (longest first) by the key of their first word, each with its name's key."""
    out: dict[str, list[tuple[Body, str]]] = {}
    for body in central_bodies():
        out.setdefault(key(body.name.split()[0]), []).append((body, key(body.name)))
    return out


def central_body(text: str) -> tuple[Body, int] | None:
    """The longest listed central body `text` starts with, and where its name ends in `text`."""
    first = text[:40].split(maxsplit=1)
    for body, wanted in _bodies_by_first_word().get(key(first[0]), []) if first else []:
        size = len(body.name)
        if key(text[:size]) == wanted and not text[size:size + 1].isalnum():
            return body, size
    return None


def agency(text: str, on: date | None = None) -> tuple[str, bool]:
    """The body a citation's issuer words name, and whether a reference list pins it: a listed central body
    (`Bộ Khoa học và Công nghệ đề nghị các bộ, …` → `Bộ Khoa học và Công nghệ`), or a kind of local agency
    with its field and a listed province, spelled as the list spells it (`Sở Khoa học và Công nghệ tỉnh Hòa Bình`
    for a printed `Hoà Bình`), or its commune. Words
    that name a second body, or a name on no list, give the words whole and uncertain; a listed body that
    did not exist `on` the document's date (`Bộ Thông tin và Truyền thông` in 2026) is uncertain too."""
    text = text.strip(" ,;")
    if listed := central_body(text):
        rest = text[listed[1]:]
        return (text, False) if _ANOTHER.match(rest) else (text[:listed[1]], on is None or listed[0].issued_on(on))
    local = re.match(rf"^(?:{_KINDS})(?:\s+(?:{'|'.join(map(re.escape, sorted(_FIELDS, key=len, reverse=True)))}))?\s+"
                     r"(?P<word>tỉnh|thành phố|xã|phường|đặc khu)\s+(?P<rest>.+)$", text)
    if local:
        begin = local.start("rest")
        if local["word"] in ("tỉnh", "thành phố"):
            place = _listed_province(local["rest"])
            end = begin + len(place) if place and key(text[begin:begin + len(place)]) == key(place) else None
            if end is not None and place:
                text = text[:begin] + place + text[end:]  # the list's spelling (`Thanh Hóa` for a printed `Thanh Hoá`)
        else:
            name = re.match(r"[^\W\d_]\w*(?:(?:\s+| - )[^\W\d_a-zđ]\w*)*", local["rest"])
            end = begin + name.end() if name else None
        if end is not None and not _ANOTHER.match(text[end:]):
            return text[:end], not text[end:].strip(" ,;") or not text[end:].strip()[:1].isupper()
    return text, False


def bare_kind(name: str) -> bool:
    """Whether `name` is only a kind of body (`Ủy ban nhân dân`, `UBND`, `Đảng ủy`): the body's place is missing."""
    cased = _cased(name.upper(), _ORGS)
    return cased is not None and not cased[1]


def level(name: str) -> str | None:
    """national, province or commune for a plan's issuer; None when the name does not tell."""
    for word, place in localities(name):
        if word in ("xã", "phường", "đặc khu"):
            return "commune"
        if (found := province(place)) and (word == "tỉnh" or arrangement().is_city(found)):
            return "province"
        if word == "thành phố":
            return "commune"  # a city of a province (`thành phố Nam Định`, `thành phố Vinh`): the local level
    if _NATIONAL.match(name) or central_body(name):
        return "national"
    if re.match(r"^(?:Sở|Ban Quản lý|Báo|Đài Phát thanh|Liên hiệp các Hội)\b", name):
        return "province"
    return None


def document_level(issuer: str) -> str | None:
    """party, government, ministry, province or commune for a cited document's issuer."""
    if listed := central_body(issuer):
        return listed[0].level
    if re.search(r"\b(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Trung ương Đảng)\b", issuer):
        return "party"
    if re.match(r"^(?:Chính phủ|Thủ tướng)", issuer):
        return "government"
    found = level(issuer)
    return "ministry" if found == "national" else found


def short_name(name: str, level_: str | None) -> tuple[str, bool]:
    """`Sở Khoa học và Công nghệ tỉnh Lạng Sơn` → `Sở KH&CN Lạng Sơn`; `Ủy ban nhân dân xã Bình Thành` →
    `UBND xã Bình Thành`. A province-level name drops `tỉnh`, `thành phố`; a commune keeps `xã`, `phường`.
    The second value says a known abbreviation was used (otherwise the name is kept whole)."""
    out = name
    used = False
    for long, short in sorted(ABBREVIATIONS.items(), key=lambda item: len(item[0]), reverse=True):
        if long in out:
            out = out.replace(long, short)
            used = True
    if level_ == "province" and not re.match(r"^(?:UBND|HĐND)\b", out):
        out = re.sub(r"\s+(?:tỉnh|thành phố)\s+", " ", out)  # `Sở KH&CN Lạng Sơn`, but `UBND tỉnh Lạng Sơn`
    return out, used


def slug(text: str) -> str:
    """An id part: `Sở KH&CN Lạng Sơn` → `so-khcn-lang-son`."""
    return ascii_slug(text.replace("&", ""))


TYPE_CODES = {
    "công văn": "cv", "kế hoạch": "kh", "nghị quyết": "nq", "quyết định": "qd", "chỉ thị": "ct", "thông báo": "tb",
    "hướng dẫn": "hd", "thông tư": "tt", "thông tư liên tịch": "ttlt", "nghị định": "nd", "luật": "luat",
    "bộ luật": "bo-luat", "kết luận": "kl", "chương trình": "ctr", "công điện": "cd", "báo cáo": "bc", "tờ trình": "ttr",
    "pháp lệnh": "pl", "quy định": "qdi", "đề án": "da", "văn bản": "vb",
}
"""A document type's short code, as ids begin (`cv-2341-bkhcn-2026`)."""
SYMBOL_TYPES = {"KH", "NQ", "QĐ", "CT", "TB", "HD", "TT", "TTLT", "NĐ", "KL", "CTR", "CTr", "CĐ", "BC", "TTR", "TTr", "PL",
                "QĐi", "ĐA", "HĐ"}
"""Type codes inside a number and symbol (`69/KH-UBND`, `57-NQ/TW`), skipped when looking for the issuer's code."""


def document_id(doc_type: str, number_symbol: str, locality: str | None, year: int | None) -> str:
    """`cv-2341-bkhcn-2026`, `nq-57-tw-2024`, `cv-1456-skhcn-hai-phong-2026`, `kh-69-ubnd-binh-thanh-2026`:
    type code, number, the issuer's code in the symbol, the locality of a local issuer, the year."""
    split = re.match(r"^(\d+)[/-](.*)$", number_symbol)
    number, rest = (split[1], split[2]) if split else ("", number_symbol)
    groups = [g for g in re.split(r"[/-]", rest) if g and not re.fullmatch(r"\d{4}", g) and g not in SYMBOL_TYPES]
    code = groups[0] if groups else ""
    parts = [TYPE_CODES.get(doc_type.lower(), slug(doc_type)), number, slug(code)]
    if locality:
        parts.append(slug(locality))
    if year:
        parts.append(str(year))
    return "-".join(p for p in parts if p)
