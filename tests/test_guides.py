"""The three guides (README.md, the staff guide, the developers' guide): every command in their shell blocks
is a command of this project with options it takes, every path a command names exists, every link between
them resolves, and the staff guide's commands that add a year, a plan, a legal document and an activity post
run for real on a copy of the project and write what the guide says they write."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from conftest import REPO
from test_staff_workflow import campaign_command, check_command

README, STAFF_GUIDE, DEVELOPERS_GUIDE = "README.md", "HUONG-DAN-BIEN-TAP.md", "DEVELOPING.md"
GUIDES = (README, STAFF_GUIDE, DEVELOPERS_GUIDE)
SHELL_FENCE = re.compile(r"^```(?:sh|bash|shell|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)
REPO_PATH = re.compile(r"^(?:scripts|tests|campaigns|docs|\.ci)/")
SCAFFOLDS = ("new-year", "add-plan", "add-document", "add-activity")  # what staff run to add things


@dataclass(frozen=True)
class Command:
    """One command line of a guide's shell block: its words (environment assignments left out) and comment."""

    guide: str
    line: int
    words: tuple[str, ...]
    comment: str

    def __str__(self) -> str:
        return f"{self.guide}:{self.line}: {' '.join(self.words)}"


def guide_text(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


def commands(name: str) -> list[Command]:
    """Every command in the guide's fenced shell blocks, in order."""
    text = guide_text(name)
    found = []
    for block in SHELL_FENCE.finditer(text):
        first_line = text.count("\n", 0, block.start(1)) + 1
        for offset, line in enumerate(block.group(1).splitlines()):
            words = shlex.split(line, comments=True)
            while words and re.match(r"^[A-Z_]+=", words[0]):
                words.pop(0)
            if words:
                comment = line.split(" # ", 1)[1].strip() if " # " in line else ""
                found.append(Command(name, first_line + offset, tuple(words), comment))
    return found


def all_commands() -> list[Command]:
    return [command for name in GUIDES for command in commands(name)]


@cache
def dev_commands() -> dict[str, str]:
    """`scripts/dev`'s commands (its case labels), each with its case body."""
    text = (REPO / "scripts" / "dev").read_text(encoding="utf-8")
    cases = text[text.index('case "$command" in') : text.rindex("esac")]
    return {m.group(1): m.group(2) for m in re.finditer(r"^  ([a-z-]+)\)\n(.*?)^    ;;", cases, re.MULTILINE | re.DOTALL)}


def dev_script(command: str) -> Path | None:
    """The Python script a `scripts/dev` command runs, if it runs one."""
    match = re.search(r"scripts/\w+\.py", dev_commands()[command])
    return REPO / match.group(0) if match else None


def pinned_tools() -> set[str]:
    names = set()
    for requirements in REPO.glob("requirements*.txt"):
        for line in requirements.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"^([A-Za-z0-9_.-]+)==", line):
                names.add(match.group(1).lower())
    return names


@cache
def script_help(script: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """`script ARGS --help`: argparse prints the help of the (sub)command the arguments name, runs nothing."""
    assert "argparse" in script.read_text(encoding="utf-8"), f"{script.name} takes no arguments a guide could give"
    return subprocess.run([sys.executable, str(script), *args, "--help"], capture_output=True, text=True, cwd=REPO)


def program(command: Command) -> tuple[Path | None, tuple[str, ...]]:
    """The Python script a command runs and the arguments it gives it."""
    words = command.words
    if words[0] == "scripts/dev":
        return dev_script(words[1]), words[2:]
    if words[0].endswith("/python") and len(words) > 1 and words[1].endswith(".py"):
        return REPO / words[1], words[2:]
    return None, ()


@pytest.mark.parametrize("command", all_commands(), ids=str)
def test_every_command_in_the_guides_is_a_command_of_the_project(command: Command) -> None:
    words = command.words
    if words[0] == "scripts/dev":
        assert words[1] in dev_commands(), f"{command}: scripts/dev has no command {words[1]}"
    elif words[0].startswith(".venv/bin/"):
        tool = words[0].removeprefix(".venv/bin/")
        assert tool == "python" or tool in pinned_tools(), f"{command}: {tool} is not pinned in requirements*.txt"
    else:
        assert (REPO / words[0]).is_file(), f"{command}: no program {words[0]}"
    for word in words:
        if REPO_PATH.match(word):
            assert (REPO / word).exists(), f"{command}: {word} does not exist"
    script, args = program(command)
    if script is not None:
        helped = script_help(script, args)
        assert helped.returncode == 0, f"{command}: {helped.stderr or helped.stdout}"
        for option in (arg.split("=")[0] for arg in args if arg.startswith("--")):
            assert re.search(rf"{re.escape(option)}\b", helped.stdout), f"{command}: {script.name} takes no {option}"


def test_the_guides_hold_the_commands_people_look_for() -> None:
    assert [c.words for c in commands(README)] == [("scripts/dev", "serve"), ("scripts/dev", "test")]
    staff = {c.words[2] for c in commands(STAFF_GUIDE) if c.words[:2] == ("scripts/dev", "campaign")}
    assert set(SCAFFOLDS) | {"import"} <= staff
    staff_dev = {c.words[1] for c in commands(STAFF_GUIDE) if c.words[0] == "scripts/dev"}
    assert {"check", "serve", "build", "deploy"} <= staff_dev


def test_the_readme_says_what_each_of_the_two_commands_installs() -> None:
    readme = guide_text(README)
    serve, test = (re.search(rf"^- `scripts/dev {name}` installs (.*?)(?=^- |^$)", readme, re.MULTILINE | re.DOTALL)
                   for name in ("serve", "test"))
    assert serve and test
    assert "`requirements.txt`" in serve.group(1) and "`requirements-test.txt`" in test.group(1)
    body = dev_commands()["test"]
    called = "".join(dev_commands_function(name) for name in re.findall(r"^\s+(\w+)$", body, re.MULTILINE))
    packages = {word for line in re.findall(r"apt_install ([^\n]+)", body + called) for word in line.split()}
    named = set(re.findall(r"`([a-z0-9.+-]+)`", test.group(1)))
    assert packages and packages <= named, f"README does not name {sorted(packages - named)}"
    assert "tests/js/package-lock.json" in test.group(1) and "npm_ci tests/js" in called


def dev_commands_function(name: str) -> str:
    """The body of a shell function of `scripts/dev`, or nothing."""
    text = (REPO / "scripts" / "dev").read_text(encoding="utf-8")
    match = re.search(rf"^{name}\(\) \{{\n(.*?)^\}}", text, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def anchors(name: str) -> set[str]:
    """GitHub's anchors for the guide's headings: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"^```.*?^```", "", guide_text(name), flags=re.MULTILINE | re.DOTALL)
    headings = re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", unicodedata.normalize("NFC", h).strip().lower()).replace(" ", "-") for h in headings}


def links(name: str) -> list[str]:
    text = re.sub(r"^```.*?^```", "", guide_text(name), flags=re.MULTILINE | re.DOTALL)
    return [target for target in re.findall(r"\]\(([^)\s]+)\)", text) if not re.match(r"^[a-z]+:", target)]


@pytest.mark.parametrize("name", GUIDES)
def test_every_link_of_a_guide_resolves(name: str) -> None:
    for target in links(name):
        path, _, anchor = target.partition("#")
        path = path or name
        assert (REPO / path).exists(), f"{name}: link to {target}: no {path}"
        if anchor:
            assert anchor in anchors(path), f"{name}: link to {target}: {path} has no heading with that anchor"


def test_readme_links_both_guides_and_the_guides_link_each_other_and_back() -> None:
    files = {name: {target.partition("#")[0] for target in links(name)} for name in GUIDES}
    assert {STAFF_GUIDE, DEVELOPERS_GUIDE} <= files[README]
    assert {README, DEVELOPERS_GUIDE} <= files[STAFF_GUIDE]
    assert {README, STAFF_GUIDE} <= files[DEVELOPERS_GUIDE]


def test_the_staff_guide_is_vietnamese_text_in_nfc() -> None:
    text = guide_text(STAFF_GUIDE)
    assert unicodedata.normalize("NFC", text) == text
    prose = re.sub(r"```.*?```|`[^`]*`|\([^)]*\)|\[[^\]]*\]", " ", text, flags=re.DOTALL)
    english = {"the", "and", "of", "for", "staff", "developers", "how", "with", "to", "is"}
    assert not english & set(re.findall(r"[a-z]+", prose.lower())), english & set(re.findall(r"[a-z]+", prose.lower()))


def test_the_staff_guide_commands_add_what_it_says_on_a_copy_of_the_project(project: Path) -> None:
    """Each command a staff member runs to add a year, a plan, a legal document or an activity post, run as
    the guide writes it, in its order: it succeeds, writes every file its comment names, and the check then
    names each written file, since every value the command wrote is still to fill in."""
    scaffolds = [c for c in commands(STAFF_GUIDE) if c.words[:2] == ("scripts/dev", "campaign") and c.words[2] in SCAFFOLDS]
    assert {c.words[2] for c in scaffolds} == set(SCAFFOLDS)
    written: list[str] = []
    for command in scaffolds:
        result = campaign_command(project, *command.words[2:])
        assert result.returncode == 0, f"{command}: {result.stderr}"
        said = re.findall(r"^Đã ghi (\S+)$", result.stdout, re.MULTILINE)
        for named in re.findall(r"(?:campaigns|docs)/[\w/.-]*\w/?", command.comment):
            assert any(path == named or path.startswith(named.rstrip("/") + "/") for path in said), (command, said)
            assert (project / named).exists()
        written += said
    checked = check_command(project)
    assert checked.returncode == 1
    reported = {line.split(":", 1)[0] for line in checked.stderr.splitlines() if "CẦN ĐIỀN" in line}
    assert set(written) <= reported, set(written) - reported
