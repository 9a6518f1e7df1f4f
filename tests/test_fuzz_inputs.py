"""Property-based fuzzing of the inputs staff write (scripts/fuzz_inputs.py): a hundred mutated data
and Markdown files per run, with a fixed seed, through the checker and the renderer in-process (each
is a whole in-process build, about 0.1 s of processor time). The big run is `scripts/dev fuzz`
(10,000 inputs); `FUZZ_EXAMPLES=2000 scripts/dev test tests/test_fuzz_inputs.py` runs more here."""

from __future__ import annotations

import os
from pathlib import Path

from fuzz_inputs import copy_inputs, fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
SEED = int(os.environ.get("FUZZ_SEED", "2026"))


def test_every_mutated_input_renders_or_is_refused_with_file_and_line(tmp_path: Path) -> None:
    tally = fuzz(copy_inputs(tmp_path / "inputs"), EXAMPLES, SEED)
    assert sum(tally.values()) >= EXAMPLES * 0.9
    # Both sides of the property were exercised, not only refusals.
    assert tally["accepted and rendered"] >= EXAMPLES // 10 and tally["refused with messages"] >= EXAMPLES // 2
