"""Property-based fuzzing of the inputs staff write or import (scripts/fuzz_inputs.py).

First every input that once failed (tests/fuzz_corpus/), then forty new ones from a fixed seed:
mutated data and Markdown, odd folders, pages at taken addresses, hostile photos and importer files,
through the checker and the renderer in-process (each a whole build, about 0.1 s of processor time)
or the importer in a child process. The big run is `scripts/dev fuzz` (10,000 inputs);
`FUZZ_EXAMPLES=2000 FUZZ_SEED=7` runs more here.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fuzz_inputs import (
    REPO,
    TAKEN_ADDRESSES,
    YEAR_NAMES,
    Case,
    Runner,
    check_html,
    copy_inputs,
    corpus,
    fuzz,
    message_failure,
    unsafe_url,
)
from hostile_files import IMPORTS, PHOTOS

from campaign_site.core.problems import Problem

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SEED = int(os.environ.get("FUZZ_SEED", "2026"))
CORPUS = corpus()


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return Runner(copy_inputs(tmp_path_factory.mktemp("fuzz") / "inputs"))


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_input_that_once_failed_passes(runner: Runner, name: str) -> None:
    failures = runner.run(Case.load(CORPUS[name]["case"])).failures
    assert not failures, [str(f) for f in failures]


def test_the_corpus_holds_every_shape_of_issue_25() -> None:
    cases = [Case.load(entry["case"]) for entry in CORPUS.values()]
    assert {c.importer for c in cases} >= set(IMPORTS)
    assert {name for c in cases for name in c.files.values()} >= set(PHOTOS)
    assert {folder.split("/")[1] for c in cases for folder in c.copies} >= set(YEAR_NAMES)
    assert {page.removeprefix("docs/") for c in cases for page in c.texts} >= set(TAKEN_ADDRESSES)
    assert any(c.pipes for c in cases) and any(c.folders for c in cases)


@pytest.mark.parametrize("markup", [
    "<img/src/onerror=alert(3)>", "<details/open/ontoggle=alert(4)>", '<a href="jav&#x61;script:alert(6)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>', "<svg><script>alert(1)</script></svg>", '<iframe src="https://x.org/"></iframe>',
    '<img src="data:,">', '<form action="vbscript:x"></form>',
])
def test_the_property_sees_a_live_foreign_element(markup: str) -> None:
    assert check_html(markup)


@pytest.mark.parametrize("markup", [
    '<a href="https://x.org/">x</a>', '<a href="../2026/">x</a>', '<a href="mailto:a@b.vn">x</a>', '<a href="#muc">x</a>',
    '<script type="application/ld+json">{}</script>', '<img src="data:image/png;base64,AA" alt="">',
    '<a href="webcal://x.org/lich/2026.ics">x</a>',
])
def test_the_property_lets_our_own_markup_pass(markup: str) -> None:
    assert not check_html(markup)


def test_an_encoded_scheme_is_still_unsafe() -> None:
    assert all(unsafe_url(url) for url in ("javascript:x", "JaVaScRiPt:x", "jav&#x61;script:x", "javascript&colon;x", "\x01javascript:x"))


@pytest.mark.parametrize(("message", "kind"), [
    ("không đọc được ảnh `a.jpg` (OSError: image file is truncated)", "message"),
    ("tệp bị hỏng (BadZipFile).", "message"),
    ("lỗi không mong đợi khi đọc dữ liệu. Hãy báo nhóm kỹ thuật.", "uncaught"),
    ("file is broken", "message"),
    ("ảnh `OSError.jpg` không đọc được.", None),
])
def test_the_property_reads_messages_as_staff_do(message: str, kind: str | None) -> None:
    assert message_failure(Problem("docs/a.md", 3, 1, "", message)) == kind


def test_every_mutated_input_renders_or_is_refused_with_file_and_line(tmp_path: Path) -> None:
    tally, failed = fuzz(copy_inputs(tmp_path / "inputs"), EXAMPLES, SEED, keep_going=True)
    assert not failed, [(case.describe(), [str(f) for f in failures]) for case, failures in failed]
    assert sum(tally.values()) >= EXAMPLES * 0.9
    # Both sides of the property were exercised, not only refusals.
    assert tally["accepted and rendered"] >= EXAMPLES // 10 and tally["refused with messages"] >= EXAMPLES // 3


def test_a_data_file_nesting_ten_thousand_flow_lists_is_refused_at_once(runner: Runner) -> None:
    """Found by the fuzz (seed 424242): the YAML scanner is quadratic in flow nesting, 2,000 `[` took 2 s."""
    plan = "campaigns/2026/plans/so-khcn-lang-son.yaml"
    text = (REPO / plan).read_text(encoding="utf-8").replace("\nissuer:", "\ndescription: " + "[" * 10_000 + "\nissuer:", 1)
    started = time.process_time()
    outcome = runner.run(Case(texts={plan: text}))
    assert time.process_time() - started < 1.5 and not outcome.failures and not outcome.accepted
