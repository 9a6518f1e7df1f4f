"""The shortcuts that keep the build fast at national scale give exactly what the slow, obvious code gives.

Each shortcut skips work for the common case (text with no hidden character, a value with no colon, a
file libyaml can read); these properties compare it with the plain definition on any text."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest
import synthetic_campaigns
import yaml
from conftest import REPO, replace_in
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from campaign_site.core import parallel, yaml_source
from campaign_site.core.problems import DataError
from campaign_site.core.text_safety import hidden_character, is_hidden, visible_text
from campaign_site.data import loader
from campaign_site.data.html_policy import _HOSTILE_IN_TEXT, hostile_address
from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan

_TEXT = st.text(alphabet=st.characters(codec=None), max_size=40) | st.text(
    alphabet="aăâđêôơưáàảãạ :&;#xX3AjavscriptdDAT\n\t\r\u00a0\u200b\u2028\u202e\ufeff\x1b", max_size=40)


@given(_TEXT)
@settings(max_examples=500, deadline=None)
def test_hidden_character_is_the_first_hidden_one(text: str) -> None:
    assert hidden_character(text) == next((c for c in text if is_hidden(c)), None)


@given(_TEXT, st.booleans())
@settings(max_examples=500, deadline=None)
def test_visible_text_removes_exactly_the_hidden_characters(text: str, multiline: bool) -> None:
    normal = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in normal if not is_hidden(c))
    assert visible_text(text, multiline) == (kept if multiline else re.sub(r"\s+", " ", kept))


@given(_TEXT)
@settings(max_examples=500, deadline=None)
def test_hostile_address_finds_what_the_full_search_finds(text: str) -> None:
    squeezed = "".join(c for c in html.unescape(text) if ord(c) > 0x20 and not is_hidden(c)).lower()
    match = _HOSTILE_IN_TEXT.search(squeezed)
    assert hostile_address(text) == (match[1] if match else None)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=12),
                     st.sampled_from(["null", "~", "yes", "2026-04-21", "4/2026", "0x1F", "1e3", "'", "#"]))


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
                       _SCALARS | st.lists(_SCALARS, max_size=3), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_libyaml_reads_what_the_python_reader_reads(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    fast = _read(text, yaml_source._FAST_LOADER)
    assert fast == _read(text, yaml.SafeLoader)


def test_every_shipped_file_is_read_by_libyaml_itself() -> None:
    """The fast reader must not fall back to the slow one on well-formed files: it did, on every file
    holding a `null`, and the build took a third of its time reading YAML."""
    assert yaml_source._FAST_LOADER is not yaml.SafeLoader
    for path in sorted((REPO / "campaigns").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert _read(text, yaml_source._FAST_LOADER) == _read(text, yaml.SafeLoader), path


def _read(text: str, loader: type[yaml.SafeLoader]) -> tuple[object, object] | str:
    try:
        source = yaml_source._parse(text, "x.yaml", loader)
    except yaml_source.YamlSyntaxProblem as problem:
        return "refused: " + ", ".join(p.field for p in problem.problems)
    return source.data, source.positions


def test_plans_read_on_every_core_give_the_same_data_and_problems_in_the_same_order(tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    project = synthetic_campaigns.write(tmp_path / "project", 260, history_years=1)
    plans = sorted((project / "campaigns/2026/plans").glob("tong-hop-*.yaml"))
    for number, plan in enumerate(plans[::40]):  # a broken date, a broken file, a hidden character
        text = plan.read_text(encoding="utf-8")
        plan.write_text([text.replace("date: 4/2026", "date: 31/2/2026"), text + "  - [", text.replace("place: ", "place: \u200b")][number % 3],
                        encoding="utf-8")

    def read() -> tuple[str, ...]:
        try:
            load_site(project / "campaigns")
        except DataError as error:
            return tuple(map(str, error.problems))
        raise AssertionError("the broken plans were not reported")

    on_every_core = read()
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    assert on_every_core == read()
    assert len(on_every_core) >= 7


def test_a_plan_read_again_in_the_same_process_shows_every_change(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` keeps the plans it read: an edited plan is read again, and every plan when the
    registry (which plans take facts from) changed; nothing else is."""
    plan = project / "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml"
    read: list[str] = []
    read_alone = loader._Reader.read_alone

    def counted(self: loader._Reader, path: Path, model: type[BaseModel]) -> object:
        read.extend([path.stem] if model is Plan else [])
        return read_alone(self, path, model)

    monkeypatch.setattr(loader._Reader, "read_alone", counted)

    def place() -> str:
        read.clear()
        return next(p for c in load_site(project / "campaigns").campaigns.values() for p in c.plans if p.id == plan.stem).place

    first = place()
    assert plan.stem in read
    assert place() == first and read == []
    replace_in(plan, f"place: {first}", "place: Nơi khác")
    assert place() == "Nơi khác" and read == [plan.stem]
    documents = project / "campaigns/documents.yaml"
    documents.write_text(documents.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert place() == "Nơi khác" and len(read) == len(list((project / "campaigns").glob("*/plans/*.yaml")))


def test_a_plan_saved_while_it_is_read_is_read_again_when_it_is_saved_back(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save landing between the file's key and its reading must not keep the new text under the old key:
    saved back (an undo in the editor), the old text must be read again, not the new one shown."""
    plan = project / "campaigns/2026/plans/ubnd-xa-binh-thanh.yaml"
    first = plan.read_text(encoding="utf-8")
    read_alone = loader._Reader.read_alone

    def saved_meanwhile(self: loader._Reader, path: Path, model: type[BaseModel]) -> object:
        if path == plan:
            replace_in(plan, "place: Bình Thành", "place: Nơi khác")
        return read_alone(self, path, model)

    def place() -> str:
        return next(p for c in load_site(project / "campaigns").campaigns.values() for p in c.plans if p.id == plan.stem).place

    monkeypatch.setattr(loader._Reader, "read_alone", saved_meanwhile)
    assert place() == "Nơi khác"  # keyed by the text before the save, read after it
    monkeypatch.undo()
    plan.write_text(first, encoding="utf-8")
    assert place() == "Bình Thành"
