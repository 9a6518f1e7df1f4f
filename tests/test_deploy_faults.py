"""Deploys that race, die or freeze (scripts/deploy.py and campaign_site/publishing/release_host.sh).

Real deploy processes publish the shipped site and a changed copy of it (test_hosting.py's site_a
and site_b) into folders on this machine, and once through a real OpenSSH server on 127.0.0.1: two
at once, killed with SIGKILL (with their rsync and host script) at random moments, or frozen.
After each, `current` must be a whole release, file for file and byte for byte one of the two
sites, and the next deploy must go through: no half release, no lock left behind. Random choices
use a fixed seed; DEPLOY_FAULT_TRIALS sets the number of pairs and of kills (default 8;
test_hosting.py also kills a deploy at nine moments spread over it, under nginx).
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import snapshot
from nginx_host import DEPLOY, deploy
from test_hosting import served_release, start_deploy

from campaign_site.publishing import releases

SEED = 2026
TRIALS = int(os.environ.get("DEPLOY_FAULT_TRIALS", "8"))
BUSY = "Đang có một lần đưa trang lên khác"
SERVED = re.compile(r"Đang phục vụ bản (\S+) tại")

Versions = dict[Path, dict[str, str]]


@pytest.fixture(scope="module")
def versions(site_a: Path, site_b: Path) -> Versions:
    """Each site's files with their SHA-256, as published (deploy_fixtures wrote and checked their copies)."""
    return {site: snapshot(site) for site in (site_a, site_b)}


def site_in(release: Path, versions: Versions) -> Path:
    """The site `release` holds every file of, unchanged; fails on anything else."""
    served = snapshot(release)
    for site, files in versions.items():
        if served == files:
            return site
    closest = min(versions.values(), key=lambda files: len(set(files.items()) ^ set(served.items())))
    missing = sorted(set(closest) - set(served))
    changed = sorted(name for name in set(closest) & set(served) if closest[name] != served[name])
    pytest.fail(f"{release.name} is no published site: {len(missing)} files missing {missing[:3]}, {len(changed)} changed {changed[:3]}")


def served_site(target: Path, versions: Versions) -> Path:
    """The site `current` serves whole."""
    return site_in(target / "releases" / served_release(target), versions)


def no_leftovers(target: Path) -> bool:
    """Nothing half-made remains (a finished deploy removed what killed ones left)."""
    return not [name for name in os.listdir(target / "releases") if name.startswith(".")]


def start(site: Path, target: str, *options: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DEPLOY, "publish", "--allow-unfinished", target, "--site", str(site), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ | (env or {}),
    )


def wait_for_upload(target: Path, process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Return once `process` holds the lock and rsync has started its release folder."""
    deadline = time.monotonic() + 30
    while not list((target / "releases").glob(".partial-*")):
        assert process.poll() is None, "the deploy ended before uploading"
        assert time.monotonic() < deadline, "no upload started"
        time.sleep(0.001)


def test_two_deploys_at_once_never_serve_half_a_release(tmp_path: Path, site_a: Path, site_b: Path, versions: Versions) -> None:
    """Pairs started together: with --wait 0 one that finds the lock taken is refused, with --wait
    both go through in turn; `current` is always a whole site, and every success was a whole
    release of its site, served or superseded by a newer one."""
    chance = random.Random(SEED)
    target = tmp_path / "srv"
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    refused = 0
    for pair in range(TRIALS):
        waits = pair % 2 == 1
        sites = chance.sample([site_a, site_b], 2)
        processes = []
        for site in sites:
            processes.append(start(site, str(target), "--wait", "60" if waits else "0"))
            time.sleep(chance.uniform(0, 0.15))
        outcomes = [(site, process.communicate(timeout=120), process.returncode) for site, process in zip(sites, processes, strict=True)]
        serving = served_release(target)
        assert served_site(target, versions) in sites
        for site, (output, error), code in outcomes:
            if code != 0:
                assert not waits and error.startswith(BUSY), error
                refused += 1
                continue
            name = SERVED.search(output).group(1)  # type: ignore[union-attr]
            assert name <= serving, "a successful deploy was replaced by an older release"
            assert site_in(target / "releases" / name, versions) == site
        assert no_leftovers(target)
    assert refused > 0, "no pair overlapped: the test proved nothing"


def test_deploys_killed_at_random_moments_leave_a_whole_release_and_no_lock(
    tmp_path: Path, site_a: Path, site_b: Path, versions: Versions
) -> None:
    """SIGKILL to the deploy's process group (Python, rsync, the host script) anywhere in a deploy,
    every other time in its last part (upload, check, switch); then the next deploy, which does not
    wait for a lock, must go through."""
    chance = random.Random(SEED)
    target = tmp_path / "srv"
    started = time.perf_counter()
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    duration = time.perf_counter() - started
    for trial in range(TRIALS):
        killed, following = (site_a, site_b) if trial % 2 else (site_b, site_a)
        process = start_deploy(killed, target)
        if trial % 2:
            time.sleep(chance.uniform(0, duration * 1.2))
        else:
            wait_for_upload(target, process)
            time.sleep(chance.uniform(0, 0.2))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert served_site(target, versions) in (killed, following)
        deploy("publish", "--allow-unfinished", str(target), "--site", str(following), "--wait", "0")
        assert served_site(target, versions) == following
        assert no_leftovers(target)


def test_a_second_deploy_is_refused_or_waits_its_turn(tmp_path: Path, site_a: Path, site_b: Path, versions: Versions) -> None:
    target = tmp_path / "srv"
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    first = served_release(target)
    with releases.locked(releases.Target(root=str(target))):
        for command in (["publish", "--allow-unfinished", str(target), "--site", str(site_b)], ["rollback", str(target)]):
            result = deploy(*command, check=False)
            assert result.returncode == 1
            assert result.stderr.startswith(f"{BUSY} trên {target} (") and f"tiến trình {os.getpid()}, từ " in result.stderr
        waiting = start(site_b, str(target), "--wait", "30")
        time.sleep(1)
        assert waiting.poll() is None and served_release(target) == first
    output, error = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, error
    assert served_site(target, versions) == site_b


def damage(partial: Path, how: str) -> str:
    """Change an uploaded release as a broken transfer or disk could; return the file concerned."""
    victim = partial / "search" / "search_index.json.br"
    if how == "missing":
        victim.unlink()
    elif how == "changed":  # a new file: the upload's unchanged files are hard links to the served ones
        data = bytearray(victim.read_bytes())
        data[len(data) // 2] ^= 1
        victim.unlink()
        victim.write_bytes(bytes(data))
    else:
        victim = partial / "search" / "them.js"
        victim.write_text("alert(1)")
    return "./" + victim.relative_to(partial).as_posix()


@pytest.mark.parametrize("how", ["missing", "changed", "extra"])
def test_an_upload_that_differs_from_the_manifest_is_never_served(
    tmp_path: Path, site_a: Path, site_b: Path, versions: Versions, how: str
) -> None:
    target = tmp_path / "srv"
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    first = served_release(target)
    host = releases.Target(root=str(target))
    with pytest.raises(releases.DeployError) as refusal, releases.locked(host) as session:
        name = releases.release_name()
        host.upload(site_b, name, session.previous)
        victim = damage(target / "releases" / f".partial-{name}", how)
        session.activate(name, releases.KEEP_DEFAULT, releases.site_manifest(site_b))
    assert victim in str(refusal.value) and "không chuyển sang bản mới" in str(refusal.value)
    assert served_release(target) == first and served_site(target, versions) == site_a
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_b), "--wait", "0")
    assert served_site(target, versions) == site_b and no_leftovers(target)


def test_a_frozen_deploy_loses_the_lock_and_serves_nothing(tmp_path: Path, site_a: Path, site_b: Path, versions: Versions) -> None:
    """A deploy that stops talking (a frozen or cut-off machine) loses the lock after
    DEPLOY_IDLE_SECONDS; once thawed it must not serve its release."""
    target = tmp_path / "srv"
    deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a))
    frozen = start(site_b, str(target), env={"DEPLOY_IDLE_SECONDS": "2"})
    wait_for_upload(target, frozen)
    os.kill(frozen.pid, signal.SIGSTOP)  # Python only: its rsync finishes, the host script waits for word
    try:
        time.sleep(3)
        deploy("publish", "--allow-unfinished", str(target), "--site", str(site_a), "--wait", "10")
        served = served_release(target)
    finally:
        os.kill(frozen.pid, signal.SIGCONT)
    output, error = frozen.communicate(timeout=60)
    assert frozen.returncode == 1 and "Máy chủ đã thả khoá" in error, (output, error)
    assert served_release(target) == served and served_site(target, versions) == site_a


def test_a_deploy_killed_over_ssh_leaves_no_lock_on_the_host(
    ssh_command: str, tmp_path: Path, site_a: Path, site_b: Path, versions: Versions
) -> None:
    """Killing the ssh client closes the connection: the host script's input ends and it lets go."""
    target = tmp_path / "srv"
    remote, env = f"root@127.0.0.1:{target}", {"DEPLOY_SSH": ssh_command}
    deploy("publish", "--allow-unfinished", remote, "--site", str(site_a), env=env)
    process = subprocess.Popen([*DEPLOY, "publish", "--allow-unfinished", remote, "--site", str(site_b)], env=os.environ | env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wait_for_upload(target, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert served_site(target, versions) == site_a
    deploy("publish", "--allow-unfinished", remote, "--site", str(site_b), "--wait", "10", env=env)  # long before the 60 s idle limit
    assert served_site(target, versions) == site_b and no_leftovers(target)
