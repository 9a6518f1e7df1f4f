"""The GitHub Actions workflow: actionlint (with ShellCheck on its scripts) and the rules we hold it to.

It cannot run here, so what it promises is read from the file: least privilege, actions pinned
to a commit, no overlapping publish, full history for the "last updated" dates, the README's
test command, the quality gates, a preview for pull requests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "actionlint"), f"-shellcheck={BIN / 'shellcheck'}", "-verbose", str(path)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job["steps"]


def test_actionlint_and_shellcheck_pass() -> None:
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'Rule "shellcheck" was disabled' not in result.stderr
    assert "Found total 0 errors" in result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "site.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minute: 5", 1))
    result = actionlint(broken)
    assert result.returncode == 1 and "timeout-minute" in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_release_named() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert len(uses) >= 4
    for action, comment in uses:
        assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), action


def test_permissions_are_least_privilege(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["build"]
    assert jobs["publish"]["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = steps(jobs["build"])[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}


def test_runs_every_check_on_every_push_and_pull_request(workflow: dict[str, Any]) -> None:
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML 1.1 reads the key `on` as True
    commands = [step.get("run") for step in steps(workflow["jobs"]["build"])]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "scripts/dev test" in readme and (REPO / ".ci" / "run").read_text().rstrip().endswith("scripts/dev test")
    for command in ["scripts/dev check", ".ci/run", "scripts/dev build", "scripts/dev check-site", "scripts/dev audit"]:
        assert command in commands, command
    assert commands.index("scripts/dev build") < commands.index("scripts/dev check-site")
    assert workflow["jobs"]["build"]["container"] == "python:3.11-bookworm"


def test_publishes_only_from_the_default_branch_and_never_two_at_once(workflow: dict[str, Any]) -> None:
    publish = workflow["jobs"]["publish"]
    default_branch = "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch"
    assert publish["if"] == default_branch and publish["needs"] == "build"
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert publish["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in steps(publish)] == ["actions/deploy-pages"]
    build = steps(workflow["jobs"]["build"])
    upload = next(step for step in build if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["if"] == default_branch and upload["with"]["path"] == "site"
    # Unfinished settings (placeholder domain, no contact) stop publishing before the site is packed.
    settings = next(step for step in build if step.get("run") == "scripts/dev check --publish")
    assert settings["if"] == default_branch and build.index(settings) < build.index(upload)
    assert "default_branch" in workflow["concurrency"]["cancel-in-progress"]


def test_pull_requests_get_the_built_site_as_a_preview(workflow: dict[str, Any]) -> None:
    preview = next(step for step in steps(workflow["jobs"]["build"]) if "upload-artifact@" in step.get("uses", ""))
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["path"] == "site" and preview["with"]["retention-days"] > 0
