"""One definition of each domain list (phrase kinds, document and issuer levels, event kinds, link modalities,
deadline rules, inferred fields): the model,
rules, views, banners, calendar and importer take it from `data/domain.py`, and its words from the catalogue."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest

import campaign_site
from campaign_site.core.catalogue import LABEL_GROUPS, label
from campaign_site.data import domain
from campaign_site.data.model import Issuer, LegalDocument, Plan

PACKAGE = Path(campaign_site.__file__).parent
LISTS = {
    "phrase kinds": domain.ALL_PHRASE_KINDS,
    "phrase lists": tuple(domain.PHRASE_LISTS.values()),
    "document levels": domain.ALL_DOCUMENT_LEVELS,
    "issuer levels": domain.ALL_ISSUER_LEVELS,
    "event kinds": domain.ALL_EVENT_KINDS,
    "link modalities": domain.ALL_LINK_MODALITIES,
    "deadline rules": domain.ALL_DEADLINE_RULES,
    "inferred fields": domain.ALL_INFERRED_FIELDS,
}
EXEMPT = {
    "data/domain.py": "the one definition",
    "importing/phrases.py": "input grammar: the words documents print for each kind of phrase, which the importer looks for",
}
LABELS = [("phrase_kind", domain.ALL_PHRASE_KINDS), ("phrase_kind_lower", domain.ALL_PHRASE_KINDS),
          ("document_level", domain.ALL_DOCUMENT_LEVELS), ("event_kind", domain.ALL_EVENT_KINDS),
          ("link_modality", domain.ALL_LINK_MODALITIES), ("deadline_rule", domain.ALL_DEADLINE_RULES),
          ("inferred_field", domain.ALL_INFERRED_FIELDS)]


def spelled_lists(tree: ast.AST) -> list[tuple[int, str]]:
    """Literal collections (tuples, lists, sets, dict keys) holding exactly the values of one of the lists."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            items: list[ast.expr | None] = list(node.keys)
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = list(node.elts)
        else:
            continue
        strings = {item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)}
        found += [(node.lineno, name) for name, values in LISTS.items() if set(values) == strings]
    return found


def test_no_module_spells_out_a_domain_list() -> None:
    spelled = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in EXEMPT
        for line, name in spelled_lists(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not spelled, "use campaign_site.data.domain instead:\n" + "\n".join(spelled)


def test_the_scan_finds_a_list_spelled_out() -> None:
    code = 'KINDS = ("message", "theme", "slogan")\nLEVELS = {"national": 0, "province": 1, "commune": 2}\n'
    assert spelled_lists(ast.parse(code)) == [(1, "phrase kinds"), (2, "issuer levels")]


@pytest.mark.parametrize(("group", "values"), LABELS, ids=[group for group, _ in LABELS])
def test_every_value_has_its_words(group: str, values: tuple[str, ...]) -> None:
    assert group in LABEL_GROUPS
    words = [label(group, value) for value in values]
    assert all(w.strip() and unicodedata.is_normalized("NFC", w) for w in words)
    assert len(set(words)) == len(words)


def test_the_model_reads_the_lists_from_the_one_definition() -> None:
    assert LegalDocument.model_fields["level"].annotation == domain.DocumentLevel
    assert Issuer.model_fields["level"].annotation == domain.IssuerLevel
    assert Plan.model_fields["units_choose"].annotation == list[domain.PhraseKind]
    assert Plan.model_fields["linked_modality"].annotation == domain.LinkModality | None
    assert Plan.model_fields["inferred"].annotation == list[domain.InferredField]
    assert set(domain.ISSUER_LEVEL_OF) == set(domain.ALL_DOCUMENT_LEVELS)
    assert set(domain.ISSUER_LEVEL_OF.values()) == set(domain.ALL_ISSUER_LEVELS)
    assert tuple(domain.PHRASE_LISTS) == domain.ALL_PHRASE_KINDS
