"""Property-based fuzzing of everything staff can write: mutations of every shipped data and
Markdown file, run through the checker and the renderer in-process.

The property, for every input: it is either accepted and everything renders (every calendar feed
parses with the events it should have, every JSON file parses, no page carries a script or an event
handler that our templates did not write), or refused with Vietnamese messages that each name a
file and a line. Never an uncaught exception, never more than 2 s of processor time or 300 MB for one input.

Usage: python scripts/fuzz_inputs.py [--examples 10000] [--seed 2026]
The test suite runs a few hundred examples of the same property (tests/test_fuzz_inputs.py).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from icalendar import Calendar

from campaign_site.generated import GeneratedFile
from campaign_site.problems import Problem
from campaign_site.site_build import build_site

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
STAMP = datetime(2026, 11, 22, tzinfo=UTC)
MAX_SECONDS = 2.0
BANNER_SECONDS = 0.1
"""A style change in site.yaml redraws every banner file (about 35 ms each): that work is allowed on top."""
MAX_GROWTH_MB = 300

PAYLOADS = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "x\rBEGIN:VEVENT\rUID:injected\rEND:VEVENT\r",
    "x\r\nBEGIN:VEVENT\r\nUID:injected\r\nEND:VEVENT\r\n",
    "line one\nline two",
    "Lạng\x00Sơn\x1b[2J\x07",
    "zero\u200bwidth\u202eright-to-left\u2066",
    "line\u2028separator\u2029para\x85next",
    "\ud800",
    "🎉中文",
    "{{ 7*7 }}{% raw %}",
    "| a | b |\n|---|---|",
    "**đậm** [x](javascript:alert(1))",
    "</script><!--",
    " ",
    "",
    "CẦN ĐIỀN: chỗ trống",
    "x" * 5000,
    "dài " * 3000,
    "Đổi mới sáng tạo",
    "Ngày Sáng tạo",
    "9999",
    "１６/4/2026",
    "31/2/2026",
    "2026-13-01",
    "4/2026",
    "https://[x/",
    "https://example.org:99999/",
]
SCALARS = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just([]),
    st.just({}),
    st.lists(st.sampled_from(PAYLOADS), max_size=3),
    st.dictionaries(st.sampled_from(["id", "text", "start", "end", "x"]), st.sampled_from(PAYLOADS), max_size=3),
)
RAW_SNIPPETS = [
    "!!bool maybe", "!!float eight", "!!binary aGVsbG8=", "!!set {a: null}", "!!python/object/apply:os.system ['true']",
    "!!str", "!!int 12", "&a", "*a", "*undefined", "&a [*a]", "1" * 5000, "\t", '"', "'", "[", "{", "]", "}", ": ", "- ",
    "---", "...", "%YAML 1.1", "# comment", "\\x00", "\x0c", "\u2028", "\ufeff", "\x85",
]
LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n" for i in range(9)
)
FRONT_MATTER_VALUES = ['"><script>alert(1)</script>', "redirect.html", "javascript:alert(1)", "[navigation, toc]", "{exclude: true}", "x: y: z"]
FRONT_MATTER_KEYS = ["title", "description", "author", "subtitle", "template", "location", "hide", "search", "icon", "status"]


def data_files(root: Path) -> list[Path]:
    """The files staff edit, relative to the project: every data file and every Markdown page."""
    campaigns = sorted(p for p in (root / "campaigns").rglob("*.yaml") if "_schema" not in p.parts)
    return [p.relative_to(root) for p in [*campaigns, *sorted((root / "docs").rglob("*.md"))]]


def _locations(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in parsed YAML where a value sits."""
    found = [loc]
    if isinstance(value, dict):
        found += [sub for key, item in value.items() for sub in _locations(item, (*loc, key))]
    elif isinstance(value, list):
        found += [sub for i, item in enumerate(value) for sub in _locations(item, (*loc, i))]
    return found


def _set(value: Any, loc: tuple[Any, ...], new: Any) -> Any:
    if not loc:
        return new
    value[loc[0]] = _set(value[loc[0]], loc[1:], new)
    return value


def _delete(value: Any, loc: tuple[Any, ...]) -> None:
    parent = value
    for part in loc[:-1]:
        parent = parent[part]
    del parent[loc[-1]]


@st.composite
def mutations(draw: st.DrawFn, text: str, markdown: bool) -> str:
    """One mutated version of a file's text."""
    lines = text.split("\n")
    kind = draw(st.sampled_from(["value", "delete", "raw", "truncate", "lines", "laughs", "front"] if markdown is False
                                else ["raw", "truncate", "lines", "front", "body"]))
    if kind in ("value", "delete"):
        data = yaml.safe_load(text)
        places = [loc for loc in _locations(data) if loc]
        loc = draw(st.sampled_from(places))
        if kind == "delete":
            _delete(data, loc)
        else:
            data = _set(data, loc, draw(SCALARS))
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if kind == "raw":
        number = draw(st.integers(0, len(lines) - 1))
        line = lines[number]
        at = draw(st.integers(0, len(line)))
        lines[number] = line[:at] + draw(st.sampled_from(RAW_SNIPPETS) | st.text(max_size=5)) + " " + line[at:]
        return "\n".join(lines)
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "lines":
        number = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["duplicate", "remove", "indent", "dedent"]))
        if action == "duplicate":
            lines.insert(number, lines[number])
        elif action == "remove":
            del lines[number]
        elif action == "indent":
            lines[number] = "  " + lines[number]
        else:
            lines[number] = lines[number].lstrip()
        return "\n".join(lines)
    if kind == "laughs":
        return LAUGHS + text
    if kind == "front":
        key = draw(st.sampled_from(FRONT_MATTER_KEYS))
        value = draw(st.sampled_from(FRONT_MATTER_VALUES) | st.sampled_from(PAYLOADS))
        closing = draw(st.sampled_from(["---\n", "...\n", ""]))
        return f"---\n{key}: {value}\n{closing}{text}"
    # A Markdown body: a payload on a new line.
    number = draw(st.integers(0, len(lines)))
    lines.insert(number, draw(st.sampled_from(PAYLOADS)))
    return "\n".join(lines)


@dataclass
class Outcome:
    """What one input did."""

    accepted: bool
    seconds: float
    problems: list[Problem] = field(default_factory=list)
    drawn: int = 0
    """Banner files drawn anew (a style change redraws all of them)."""


_PYTHON_WORDS = re.compile(r"\b(None|True|False|Traceback|[A-Z][a-z]+Error|Exception|object at 0x|<class)\b")
_QUOTED = re.compile(r"`[^`]*`|«[^»]*»|“[^”]*”")
_VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]")


def check_message(problem: Problem, files: set[str]) -> None:
    """A refusal names a real file and line, in Vietnamese, without a programmer's word."""
    assert problem.file in files or any(problem.file.startswith(f + "/") for f in ("campaigns", "docs")), problem
    assert problem.line >= 1 and problem.column >= 1, problem
    own_words = _QUOTED.sub("", problem.message)
    assert _VIETNAMESE.search(own_words), problem
    assert not _PYTHON_WORDS.search(own_words), problem
    assert "không mong đợi" not in problem.message, problem  # an uncaught exception, reported as a problem


_FOREIGN_SCRIPT = re.compile(r"<script(?![^>]*type=\"application/(?:ld\+)?json\")", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)


def check_rendered(files: tuple[GeneratedFile, ...]) -> None:
    """Everything rendered: feeds parse with exactly their events, JSON parses, pages carry only our scripts."""
    for generated in files:
        content = generated.content
        if generated.path.endswith(".ics"):
            assert isinstance(content, bytes)
            assert b"\r\r" not in content and not re.search(rb"\r(?!\n)", content), generated.path
            calendar = Calendar.from_ical(content)
            uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
            assert len(uids) == len(set(uids)) and all("injected" not in uid for uid in uids), generated.path
            # Only a whole line starts an event: the same words escaped inside a text value are text.
            assert content.split(b"\r\n").count(b"BEGIN:VEVENT") == len(uids), generated.path
        elif generated.path.endswith(".json"):
            json.loads(content)
        elif generated.path.endswith(".md"):
            assert isinstance(content, str)
            # The page's body; front-matter values are text, escaped where the page prints them.
            body = content.split("\n---\n", 1)[1] if content.startswith("---\n") else content
            assert not _FOREIGN_SCRIPT.search(body), generated.path
            assert not _HANDLER.search(body), generated.path


def run_one(project: Path, relative: Path, text: str) -> Outcome:
    """Write `text` over one file of `project`, build it as `check` and `mkdocs build` do, put the file back."""
    target = project / relative
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    started = time.process_time()  # CPU time: a loop or a bomb burns it; a busy machine does not add to it
    try:
        build = build_site(project, TODAY, STAMP, {})
        if build.ok:
            check_rendered(build.files)
        errors = [p for p in build.problems if p.severity == "error"]
        return Outcome(build.ok, time.process_time() - started, errors, build.banners_drawn)
    finally:
        target.write_bytes(original)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def copy_inputs(dest: Path) -> Path:
    """The data and Markdown of the project (the only inputs), in a folder of their own."""
    for folder in ("campaigns", "docs"):
        shutil.copytree(REPO / folder, dest / folder)
    return dest


def fuzz(project: Path, examples: int, seed_value: int) -> Counter[str]:
    """Run `examples` inputs; raise AssertionError (with the input Hypothesis shrank it to) on the first failure."""
    files = data_files(project)
    texts = {f: (project / f).read_text(encoding="utf-8") for f in files}
    display = {f.as_posix() for f in files}
    warm = run_one(project, files[0], texts[files[0]])  # draws every banner once, as a warm build cache would
    assert warm.accepted, warm.problems
    baseline = peak_mb()
    tally: Counter[str] = Counter()

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        relative = data.draw(st.sampled_from(files), label="file")
        text = data.draw(mutations(texts[relative], relative.suffix == ".md"), label="text")
        outcome = run_one(project, relative, text)
        budget = MAX_SECONDS + BANNER_SECONDS * outcome.drawn
        assert outcome.seconds < budget, f"{relative}: {outcome.seconds:.1f} s"
        assert peak_mb() - baseline < MAX_GROWTH_MB, f"{relative}: peak memory {peak_mb():.0f} MB"
        for problem in outcome.problems:
            check_message(problem, display)
        assert outcome.accepted or outcome.problems, f"{relative}: refused without an error"
        tally["accepted and rendered" if outcome.accepted else "refused with messages"] += 1

    one()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Thử dữ liệu hỏng ngẫu nhiên qua bước kiểm tra và tạo trang.")
    parser.add_argument("--examples", type=int, default=10_000, help="số đầu vào thử (mặc định 10000)")
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30), help="hạt giống ngẫu nhiên (để chạy lại)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        project = copy_inputs(Path(folder))
        tally = fuzz(project, args.examples, args.seed)
    seconds = time.perf_counter() - started
    print(f"seed {args.seed}: {sum(tally.values())} inputs in {seconds:.0f} s ({seconds / max(1, sum(tally.values())) * 1000:.0f} ms each), "
          f"peak memory {peak_mb():.0f} MB")
    for outcome, count in tally.most_common():
        print(f"  {outcome}: {count}")
    print("0 uncaught exceptions, 0 inputs over 2 s of processor time or 300 MB, 0 injected events, 0 foreign scripts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
