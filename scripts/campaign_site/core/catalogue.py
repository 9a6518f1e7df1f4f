"""The one table of words: every fixed text a reader or staff member sees, by key, in a gettext catalogue.

The catalogue is `locale/vi/LC_MESSAGES/campaign_site.po`, written (sorted) by Babel; a build reads
the plain subset Babel writes with `_table` (a test holds it to Babel's reading). Its message ids are keys
(`page.year.plans_heading`), its strings the Vietnamese text, with fields in braces (`{year}`). A
second language is another `.po` file with the same keys.

- `say(key, **fields)` gives Markdown for pages: the catalogue's text as written (it holds no markup),
  each field escaped unless it is already Markdown (a link, a `<time>`).
- `plain(key, **fields)` gives plain text for calendars, feeds, JSON, banners and staff messages.
- `label(group, value)` names a value of a domain list (`label("phrase_kind", "theme")` is key
  `phrase_kind.theme`); the groups are `LABEL_GROUPS`.

`python -m campaign_site.core.catalogue` rewrites the file sorted by key (run it after adding entries).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_site.core.markdown_text import Markdown, escape

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALE = "vi"
CATALOGUE = Path(__file__).parent / "locale" / LOCALE / "LC_MESSAGES" / "campaign_site.po"
LABEL_GROUPS: frozenset[str] = frozenset({
    "phrase_kind", "phrase_kind_lower", "document_level", "event_kind", "link_modality", "deadline_rule", "inferred_field",
    "not_stated", "not_known", "weekday", "weekday_short", "abbr", "issuer_level", "git_host", "page_part", "page_status",
    "form", "form_hint",
})
"""Key prefixes looked up with `label()` rather than by a literal key (their entries count as used)."""


class MissingWords(KeyError):
    """A key the catalogue does not have: a build never prints a key instead of words."""


def _read() -> Catalog:
    """The catalogue as Babel reads it (for `tidy` and the tests; a build reads it with `_table`)."""
    from babel.messages.pofile import read_po  # imported here: Babel is slow to import

    with CATALOGUE.open("rb") as file:
        return read_po(file, locale=LOCALE)


_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def _unquote(quoted: str) -> str:
    """The text of one quoted line of a `.po` file (`"a\\nb"` is `a`, a line break, `b`)."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), quoted.strip()[1:-1])


@cache
def _table() -> dict[str, str]:
    """Key to text, read without Babel: importing Babel costs every process a tenth of a second or more,
    and the file is the simple one `tidy` writes (no contexts, no plurals)."""
    entries: list[list[str]] = []
    part = 0
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            entries.append([_unquote(line[6:]), ""])
            part = 0
        elif line.startswith("msgstr "):
            entries[-1][1] = _unquote(line[7:])
            part = 1
        elif line.startswith('"') and entries:
            entries[-1][part] += _unquote(line)
    return {key: text for key, text in entries if key}


def words(key: str) -> str:
    """The catalogue's text for `key`, fields unfilled."""
    try:
        return _table()[key]
    except KeyError:
        raise MissingWords(f"no text for {key!r} in {CATALOGUE.name}") from None


def plain(key: str, /, **fields: object) -> str:
    """Plain text: the catalogue's text with its fields filled in as they are."""
    return words(key).format(**fields) if fields else words(key)


def say(key: str, /, **fields: object) -> Markdown:
    """Markdown for a page: the catalogue's text with each field escaped (Markdown fields kept)."""
    text = words(key)
    return Markdown(text.format(**{name: escape(value) for name, value in fields.items()}) if fields else text)


def sentences(*texts: str) -> str:
    """The texts that are not empty, one space between them: sentences of which some are optional."""
    return " ".join(text for text in texts if text)


def has_label(group: str, value: str) -> bool:
    """Whether the catalogue has words for this value of `group` (for groups where some values have none)."""
    assert group in LABEL_GROUPS, group
    return f"{group}.{value}" in _table()


def label(group: str, value: str) -> str:
    """The words for one value of a domain list (`label("issuer_level", "province")`)."""
    assert group in LABEL_GROUPS, group
    return words(f"{group}.{value}")


def tidy() -> None:
    """Rewrite the catalogue sorted by key, unwrapped, so that parallel edits merge."""
    from babel.messages.pofile import write_po

    catalogue = _read()
    with CATALOGUE.open("wb") as file:
        write_po(file, catalogue, width=0, sort_output=True, omit_header=False, no_location=True)


if __name__ == "__main__":
    tidy()
    sys.exit(0)
