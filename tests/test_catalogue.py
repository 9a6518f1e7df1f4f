"""The one table of words: every key the code and templates use is in the catalogue, every entry is
used, and the file stays sorted so that parallel edits merge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file

from campaign_site.core import catalogue

PACKAGE = Path(catalogue.__file__).resolve().parents[1]
COMMANDS = sorted(PACKAGE.parent.glob("*.py"))
"""The command-line scripts beside the package (scripts/*.py), which print the catalogue's words too."""
KEYWORDS = {"say": None, "plain": None, "words": None}
METHODS = [("**.py", "python"), ("**.j2", "jinja2.ext:babel_extract")]
OPTIONS = {"**.j2": {"trim_blocks": "True", "lstrip_blocks": "True"}}


def used_keys() -> dict[str, list[str]]:
    """Every literal key passed to `say`, `plain` or `words`, with where it is used."""
    found: dict[str, list[str]] = {}
    for file, line, key, _comments, _context in extract_from_dir(PACKAGE, METHODS, OPTIONS, KEYWORDS):
        if isinstance(key, str):
            found.setdefault(key, []).append(f"{file}:{line}")
    for script in COMMANDS:
        for line, key, _comments, _context in extract_from_file("python", script, KEYWORDS):
            if isinstance(key, str):
                found.setdefault(key, []).append(f"{script.name}:{line}")
    return found


def test_every_key_used_is_in_the_catalogue() -> None:
    missing = {key: where for key, where in used_keys().items() if key not in catalogue._table()}
    assert not missing, f"keys with no words in {catalogue.CATALOGUE.name}: {missing}"


def test_every_entry_is_used() -> None:
    used = used_keys()
    unused = [key for key in catalogue._table()
              if key not in used and key.split(".", 1)[0] not in catalogue.LABEL_GROUPS]
    assert not unused, f"entries nothing uses: {unused}"


def test_the_quick_reader_reads_what_babel_reads() -> None:
    assert catalogue._table() == {str(m.id): str(m.string) for m in catalogue._read() if m.id}


def test_no_entry_is_empty() -> None:
    assert all(text.strip() for text in catalogue._table().values())


def test_the_catalogue_is_sorted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = catalogue.CATALOGUE.read_text(encoding="utf-8")
    copy = tmp_path / "campaign_site.po"
    shutil.copy(catalogue.CATALOGUE, copy)
    monkeypatch.setattr(catalogue, "CATALOGUE", copy)
    catalogue.tidy()
    assert copy.read_text(encoding="utf-8") == original, "run `python -m campaign_site.core.catalogue` to sort it"


def test_a_missing_key_stops_the_build() -> None:
    with pytest.raises(catalogue.MissingWords):
        catalogue.say("no.such.key")


def test_fields_are_escaped_unless_markdown() -> None:
    assert catalogue.say("phrase.quoted", text="a*b") == "“a&#42;b”"
    assert catalogue.say("phrase.quoted", text=catalogue.Markdown("**b**")) == "“**b**”"
    assert catalogue.plain("phrase.quoted", text="a*b") == "“a*b”"
