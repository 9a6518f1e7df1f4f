"""Who signed a plan, said as a person would: `Âu Văn Đước, Phó Chủ tịch, ký thay Chủ tịch`.

A signature block is printed in capitals, line by line, the delegation first (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ
TỊCH` / `PHÓ CHỦ TỊCH` / the name). In a sentence the name comes first, then the title, then each delegation from
the nearest to the farthest, its abbreviation in words (KT. = ký thay, TM. = thay mặt, TL. = thừa lệnh, TUQ. = thừa
ủy quyền, Q. = quyền). Only the case of the printed words changes; no word is added but those of an abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from campaign_site.core.catalogue import plain
from campaign_site.core.slugs import without_marks
from campaign_site.data.model import Signer
from campaign_site.data.unknowns import NOT_KNOWN, NotKnown
from campaign_site.data.wording import absent, capitalised, in_sentence

_PREFIX = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.\s*", re.IGNORECASE)
"""An abbreviation opening a printed line (`KT.`, `KT.GIÁM ĐỐC` as some copies print it)."""

IN_WORDS = {"KT": plain("phrase.signer_kt"), "TM": plain("phrase.signer_tm"), "TL": plain("phrase.signer_tl"),
            "TUQ": plain("phrase.signer_tuq"), "Q": plain("phrase.signer_acting")}
"""Each abbreviation in words, before the title it is signed for (a delegation), or held in (`Q.`: acting)."""

_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]+(?:ng|nh|ch|[cmnpt])?")
"""A Vietnamese word (one syllable) written without its marks: a word of a printed line that is not one (`UBND`,
`KH&CN`) is an abbreviation, kept in capitals."""
_RAISING = frozenset({"pho", "quyen", "chanh"})
"""Words (without their marks) after which a title starts again with a capital: `Phó Chủ tịch`, `Quyền Giám
đốc`, `Chánh Văn phòng`."""


def _spelled(words: list[str], names: Sequence[str]) -> list[str]:
    """`words` of a printed line in sentence case: each run of two or more words found in one of `names` (the
    issuer's, spelled as a name is) as spelled there; an abbreviation as printed; the first word, and the word
    after `Phó` or `Quyền`, with a capital."""
    known = [name.split() for name in names if not name.isupper()]  # a name in capitals spells nothing
    shown: list[str] = []
    i = 0
    while i < len(words):
        run = _known_run(words[i:], known)
        if run:
            shown += run
            i += len(run)
            continue
        word = words[i]
        lower = word.lower()
        if not _SYLLABLE.fullmatch(without_marks(lower)):
            shown.append(word)
        elif not shown or without_marks(shown[-1].lower()) in _RAISING:
            shown.append(capitalised(lower))
        else:
            shown.append(lower)
        i += 1
    return shown


def _known_run(words: list[str], known: list[list[str]]) -> list[str]:
    """The longest run of two or more of `words`, from the first, that one of the `known` names holds, as spelled there."""
    best: list[str] = []
    lowered = [w.lower() for w in words]
    for name in known:
        folded = [w.lower() for w in name]
        for start in range(len(name)):
            length = 0
            while start + length < len(name) and length < len(words) and folded[start + length] == lowered[length]:
                length += 1
            if length >= 2 and length > len(best):
                best = name[start:start + length]
    return best


def _role(line: str, names: Sequence[str]) -> str:
    """One printed line in words: `KT. CHỦ TỊCH` is `ký thay Chủ tịch`, `Q. GIÁM ĐỐC` is `Quyền Giám đốc`."""
    delegations: list[str] = []
    while found := _PREFIX.match(line):
        delegations.append(found[1].upper())
        line = line[found.end():]
    title = " ".join(_spelled(line.split(), names))
    for abbreviation in reversed(delegations):
        title = f"{IN_WORDS[abbreviation]} {title}".strip()
    return title


def signer_text(signer: Signer | NotKnown | None, names: Sequence[str] = ()) -> str:
    """The signer as a sentence says it: `Âu Văn Đước, Phó Chủ tịch, ký thay Chủ tịch, thay mặt Ủy ban nhân dân`
    (`names`: the issuer's names, whose spelling the printed lines take); a block without a name says so
    (`Phó Giám đốc, ký thay Giám đốc; văn bản không nêu tên người ký`); or why there is no block."""
    if signer is None or isinstance(signer, NotKnown):
        return absent("signer", signer is NOT_KNOWN)
    roles = [_role(line, names) for line in ([signer.title] if signer.title else []) + list(reversed(signer.authority))]
    said = ", ".join(role for role in roles if role)
    if isinstance(signer.name, str):
        return f"{signer.name}, {said}" if said else signer.name
    unnamed = absent("signer_name", signer.name is NOT_KNOWN)
    return capitalised(f"{said}; {in_sentence(unnamed)}") if said else unnamed
