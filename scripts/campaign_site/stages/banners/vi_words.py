"""Vietnamese words of several syllables, so that a banner line never breaks inside one.

Vietnamese writes every syllable as its own space-separated token ("đất nước" is one word of
two syllables). `join_words` groups a text's syllables into words by the dictionary in
`vi_words.txt` (its source and licence are in its header), longest word first, left to right.
Punctuation stays with its syllable: a word may start after an opening quote or bracket and end
before a comma or dash, but never runs across punctuation ("học," ends any word it is in).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("vi_words.txt")
_OPENING = "“‘«(\"'"
_CLOSING = "”’»)\"'-–—:;,.!?"


def _key(syllable: str) -> str:
    return unicodedata.normalize("NFC", syllable).lower()


@cache
def dictionary() -> frozenset[tuple[str, ...]]:
    """The dictionary's words as tuples of lower-case NFC syllables."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(tuple(_key(line).split()) for line in lines if line.strip() and not line.startswith("#"))


@cache
def _longest() -> int:
    return max(len(word) for word in dictionary())


def _bare(syllable: str, first: bool, last: bool) -> str | None:
    """The syllable without the punctuation its place in a word allows; None if it has other punctuation."""
    core = syllable.lstrip(_OPENING) if first else syllable
    core = core.rstrip(_CLOSING) if last else core
    if not core or core[-1] in _CLOSING or (not first and core[0] in _OPENING):
        return None
    return _key(core)


def _matches(syllables: list[str]) -> bool:
    last = len(syllables) - 1
    bare = tuple(_bare(s, i == 0, i == last) for i, s in enumerate(syllables))
    return None not in bare and bare in dictionary()


def join_words(syllables: list[str]) -> list[str]:
    """The syllables grouped into words (a dictionary word's syllables joined by a space)."""
    result: list[str] = []
    start = 0
    while start < len(syllables):
        length = next(
            (n for n in range(min(_longest(), len(syllables) - start), 1, -1) if _matches(syllables[start:start + n])),
            1,
        )
        result.append(" ".join(syllables[start:start + length]))
        start += length
    return result
