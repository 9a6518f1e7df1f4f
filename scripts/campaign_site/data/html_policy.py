"""The one policy for HTML that comes from input: what an officer may write, enforced by a real HTML
parser and sanitiser (nh3, the binding of the Rust `ammonia`), never by a pattern over the source.

Design. Input becomes HTML in two ways, and each is closed where it happens:

- **Text fields of the data** (names, themes, alt texts…) are never HTML: every value is escaped as
  text before it enters a generated page (`markdown_text.escape`, `markdown_text.attribute`), so it
  cannot open an element, an attribute list or a link at all.
- **Staff Markdown** (pages under `docs/`, a year's introduction, news post bodies) is rendered by
  Markdown, then *the rendered HTML* passes through `clean` with the allowlist below. A staff page is
  wholly input, so the hook cleans its whole content; inside a generated page the input is wrapped
  in `region` markers and only what lies between them is cleaned, so our own forms, buttons,
  `data-*` attributes and `<picture>` survive while input cannot produce any of them. A marker
  carries the SHA-256 of the text it wraps, which the text cannot contain, so input can never close
  its region early; an unclosed region runs to the end of the content (cleaned, never trusted).
  The feed's post content is cleaned the same way (`news.post_html`). The search index is made by
  MkDocs from the cleaned content.

`check_markdown` renders staff Markdown the same way and names what the policy would remove (an
element, an attribute, an address's scheme), at its line, so `scripts/dev check` and the build refuse
it before anything is published: the cleaning is the guarantee, the check tells staff.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
import nh3

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import Problem, format_loc
from campaign_site.core.text_safety import is_hidden
from campaign_site.core.yaml_source import SourceFile

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]
"""The Markdown extensions of mkdocs.yml that change what staff text means."""
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The schemes a link or an image may use; a relative address (no scheme) is a page of the site."""
_HEADINGS = {f"h{n}" for n in range(1, 7)}
TAGS = frozenset({
    "p", "br", "hr", "em", "strong", "b", "i", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "code",
    "kbd", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot",
    "tr", "th", "td", "a", "img", "time", "div", "span", *_HEADINGS,
})
"""What an officer needs: text, emphasis, lists, tables, headings, code, quotes, links, images, dates;
`div` and `span` only for admonitions and Markdown blocks (classes are limited below)."""
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "srcset", "sizes", "decoding"},
    "time": {"datetime"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    **{h: {"id"} for h in _HEADINGS},
}
"""Attributes by element; no event handler, no `style` but a table cell's alignment, no `id` but a
heading's (the table of contents links to it)."""
CLASSES: dict[str, set[str]] = {
    "div": {"admonition", "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger",
            "bug", "example", "quote"},
    "p": {"admonition-title"},
    "a": {"headerlink", "md-button", "md-button--primary"},
}
"""Classes Markdown's admonitions, the table of contents and the theme's buttons give; no other."""
_STYLES = {"text-align"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_URL_ATTRIBUTES = {"href", "src"}


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in `url` (entities already decoded), lower case; None for a relative
    address. A browser ignores spaces, tabs, line breaks and control characters inside a scheme."""
    squeezed = "".join(c for c in url if ord(c) > 0x20 and not is_hidden(c)).lower()
    match = _SCHEME.match(squeezed)
    return match[1] if match else None


_HOSTILE_IN_TEXT = re.compile(r"(?<![a-z0-9])(javascript|vbscript|livescript|data(?=:[\w/+.=;-]*,)):")


def hostile_address(text: str) -> str | None:
    """The scheme of a script or data address written anywhere in a text value (`javascript:`, `data:,`),
    however it is encoded (entities, `&colon;`, spaces, control characters, capitals); None if there is none."""
    if ":" not in text and "&" not in text:  # no colon, and no entity that could write one
        return None
    squeezed = "".join(c for c in html.unescape(text) if ord(c) > 0x20 and not is_hidden(c)).lower()
    match = _HOSTILE_IN_TEXT.search(squeezed)
    return match[1] if match else None


def safe_url(url: str) -> bool:
    """True for a relative address or one with an allowed scheme."""
    scheme = url_scheme(url)
    return scheme is None or scheme in URL_SCHEMES


def _addresses(name: str, value: str) -> list[str]:
    """The addresses an attribute holds: a `srcset` lists several, each before its width."""
    return [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]


def _attribute_ok(tag: str, name: str, value: str) -> bool:
    """An address attribute's value is allowed: an image only from the site itself (no scheme: no request
    leaves the site), a link relative or of an allowed scheme."""
    if tag == "img" and name in {"src", "srcset"}:
        return all(url_scheme(url) is None for url in _addresses(name, value))
    return all(safe_url(url) for url in _addresses(name, value)) if name in _URL_ATTRIBUTES | {"srcset"} else True


def _alignment_only(style: str) -> bool:
    """A `style` that only aligns a table cell's text, as Markdown's tables write it."""
    return all(rule.split(":")[0].strip().lower() in _STYLES for rule in style.split(";") if rule.strip())


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    return value if _attribute_ok(tag, name, value) else None


_CLEANER = nh3.Cleaner(
    tags=set(TAGS), clean_content_tags={"script", "style"}, attributes=ATTRIBUTES | {"*": set()},
    attribute_filter=_attribute_filter, strip_comments=True, link_rel=None, url_schemes=set(URL_SCHEMES),
    allowed_classes=CLASSES, filter_style_properties=_STYLES,
)


def clean(fragment: str) -> str:
    """`fragment` (HTML) with only what the policy allows: other elements dropped (their text kept, a script's or
    style's dropped too), other attributes and classes dropped, addresses of other schemes dropped."""
    return _CLEANER.clean(fragment)


_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS)


def render(text: str) -> str:
    """Staff Markdown as HTML, with the extensions the site uses, before cleaning (one converter, reset
    each time: setting the extensions up costs more than a paragraph)."""
    return _MARKDOWN.reset().convert(text)


_MARK = "staff-text"
_REGION = re.compile(rf"<!--{_MARK}:([0-9a-f]{{64}})-->(.*?)(?:<!--/{_MARK}:\1-->|\Z)", re.DOTALL)


def region(text: str) -> str:
    """Staff Markdown for a generated page, between markers that `clean_regions` finds after rendering.
    Each marker is its own HTML block (blank lines around it), so Markdown passes it through as it is."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"<!--{_MARK}:{digest}-->\n\n{text}\n\n<!--/{_MARK}:{digest}-->"


def clean_regions(content: str) -> str:
    """A generated page's content (HTML) with every staff region cleaned (and its markers removed)."""
    return _REGION.sub(lambda m: clean(m[2]), content)


@dataclass(frozen=True)
class Removed:
    """One thing the policy removes: what it is (for staff) and a key to find it again."""

    what: str
    why: str
    needle: str = field(default="", compare=False)
    """What it looks like in the source, as `_plain` writes a line (a tag's `<name`, an attribute's name,
    `javascript:`), to find its line without rendering again."""


class _Walker(HTMLParser):
    """Every start tag and attribute of rendered HTML, checked against the policy, as a browser reads
    them (`html.parser` decodes entities in attribute values and splits `<img/src/onerror=…>`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Removed] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(Removed(plain("problem.html_tag", tag=tag), plain("problem.html_tag_refused"), f"<{tag}"))
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(Removed(plain("problem.html_attribute", name=name, tag=tag), plain("problem.html_attribute_script"), name))
            elif name == "class":
                for cls in value.split():
                    if cls not in CLASSES.get(tag, set()):
                        self.found.append(Removed(plain("problem.html_class", cls=cls, tag=tag), plain("problem.html_class_refused"), cls.lower()))
            elif name not in ATTRIBUTES.get(tag, set()) or name == "style" and not _alignment_only(value):
                self.found.append(Removed(plain("problem.html_attribute", name=name, tag=tag), plain("problem.html_attribute_refused"), name))
            elif not _attribute_ok(tag, name, value):
                scheme = next(s for url in _addresses(name, value) if (s := url_scheme(url)))
                if scheme in URL_SCHEMES:
                    self.found.append(Removed(plain("problem.html_image", value=value), plain("problem.html_image_refused"), _plain(value)))
                else:
                    self.found.append(Removed(plain("problem.html_address", scheme=scheme, tag=tag),
                                              plain("problem.html_address_refused"), f"{scheme}:"))


def removed(rendered: str) -> list[Removed]:
    """What `clean` removes from `rendered` HTML, named for staff, in the order it appears."""
    walker = _Walker()
    walker.feed(rendered)
    walker.close()
    return walker.found


MOST_REPORTED = 20
"""Problems reported per file at most: past that, the first ones show what to fix."""
MOST_HALVINGS = 3
"""Things per file whose line is found by rendering again (each costs about one rendering of the body)."""


def _plain(line: str) -> str:
    """A source line as a browser reads a tag in it: entities decoded, no space or control, lower case."""
    return "".join(c for c in html.unescape(line) if ord(c) > 0x20 and not is_hidden(c)).lower()


def _halving(lines: list[str], first: int, wanted: Removed, nth: int) -> int:
    """The line (1-based, in the file) where `wanted` appears for the `nth` time, or the body's first line
    when it cannot be told. Paragraphs (between blank lines) are rendered one by one until they hold it
    that often, then the shortest start of that paragraph that holds it is found by halving (a tag split
    over lines is reported at its last line): linear in the body, not a rendering of the body per step."""
    start, seen = first, 0
    for end in [i for i in range(first, len(lines)) if not lines[i].strip()] + [len(lines)]:
        here = removed(render("\n".join(lines[start:end]))).count(wanted)
        if seen + here >= nth:
            low, high = start + 1, end
            while low < high:
                middle = (low + high) // 2
                if removed(render("\n".join(lines[start:middle]))).count(wanted) >= nth - seen:
                    high = middle
                else:
                    low = middle + 1
            return low
        seen, start = seen + here, end
    return first + 1


def _lines_of(lines: list[str], first: int, wanted: Removed, count: int, halvings: list[int]) -> list[int]:
    """The lines of the `count` times `wanted` is in the rendering: where its needle is in the source when it is
    there exactly as often; else by halving (at most `MOST_HALVINGS` per file, then the body's first line)."""
    plain = [_plain(line) for line in lines[first:]]
    hits = [number for number, line in enumerate(plain, first + 1) for _ in range(line.count(wanted.needle))]
    if wanted.needle and len(hits) == count:
        return hits
    if len(halvings) >= MOST_HALVINGS:
        return [first + 1] * count
    halvings.append(count)
    return [_halving(lines, first, wanted, nth) for nth in range(1, count + 1)]


LONGEST_HALVED = 50_000
"""Characters of a body up to which an unclosed block's line is found by halving (about log2(lines)
renderings of the body); past that it is reported at the body's first line."""
_AFTER = "zz-doan-sau-zz"
"""A paragraph put after a body to see whether the body lets what follows it be read as Markdown."""


def _swallows(lines: list[str]) -> bool:
    """True when an HTML block opened in `lines` is never closed, so Markdown would print what follows
    (the rest of a generated page) as raw text."""
    return f"<p>{_AFTER}</p>" not in render("\n".join([*lines, "", _AFTER]))


def _unclosed(lines: list[str], first: int, display: str) -> list[Problem]:
    """An HTML block the body opens and never closes, at the shortest start of the body that leaves it open."""
    if not _swallows(lines[first:]):
        return []
    low, high = first + 1, len(lines) if sum(map(len, lines[first:])) <= LONGEST_HALVED else first + 1
    while low < high:
        middle = (low + high) // 2
        if _swallows(lines[first:middle]):
            high = middle
        else:
            low = middle + 1
    return [Problem(display, low, 1, "", plain("problem.html_unclosed"))]


def check_markdown(lines: list[str], first: int, display: str) -> list[Problem]:
    """What the policy would remove from a staff Markdown body (`lines[first:]`), each at its line, and an
    HTML block it leaves open."""
    found = removed(render("\n".join(lines[first:])))
    problems: list[Problem] = _unclosed(lines, first, display)
    halvings: list[int] = []
    for item in dict.fromkeys(found):
        for line in _lines_of(lines, first, item, found.count(item), halvings):
            problems.append(Problem(display, line, 1, "",
                                    plain("problem.html_removed", what=item.what, why=item.why)))
    return sorted(problems, key=lambda p: p.line)[:MOST_REPORTED]


def hostile_addresses(source: SourceFile) -> list[Problem]:
    """A script or data address in any text value is refused: text is shown as text, but such an address
    must never reach a page, a feed, the open data or the search index."""
    return [
        source.problem(loc, format_loc(loc), plain("problem.hostile_address", scheme=scheme))
        for loc, text in source.strings()
        if (scheme := hostile_address(text))
    ]
