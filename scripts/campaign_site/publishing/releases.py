"""Publishing a built site to any host that serves a folder: each deploy uploads a new release
folder with rsync, then switches the `current` symlink to it in one rename (release_host.sh).

The same host script runs on this machine or, for a target written `user@host:/path`, through ssh,
so a shared host needs only sh, coreutils, flock and rsync.

Safety: one publish or rollback at a time per target (a lock held by a host process that lives as
long as the deploy talks to it: see release_host.sh); before publishing, every .gz and .br copy
must decompress to exactly its file; and the host serves a release only when its files are exactly
those of the manifest sent from here (names and SHA-256).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import secrets
import shlex
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.publishing.precompress import TEMPORARY_SUFFIX, decompress, is_temporary, source_of

HOST_SCRIPT = Path(__file__).with_name("release_host.sh")
KEEP_DEFAULT = 5
KEEP_MINIMUM = 2
"""The served release and one to roll back to."""
REQUIRED_FILES = ("index.html", "404.html", "sitemap.xml")
"""A folder without these is not a finished build, and is never published."""
BUSY_EXIT = 75
"""The host script's exit status when another publish or rollback holds the lock."""
IDLE_SECONDS = float(os.environ.get("DEPLOY_IDLE_SECONDS", "60"))
"""The host lets go of a publish's lock after this long without a word from it (a frozen machine,
a cut connection); the deploy speaks every sixth of it."""


class DeployError(Exception):
    """A step of a deploy failed; the message says which, in Vietnamese."""


def _owner() -> str:
    """Who is deploying, for the message another deploy gets: user@machine and process."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return plain("deploy.who", user=user, host=socket.gethostname(), process=os.getpid())


def _seconds(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Target:
    """Where releases live: a folder on this machine, or on `host` reached through ssh."""

    root: str
    host: str | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        """`/srv/site` (this machine) or `user@host:/srv/site` (over ssh)."""
        host, colon, path = text.partition(":")
        if colon and host and "/" not in host:
            return cls(root=path.rstrip("/") or "/", host=host)
        return cls(root=str(Path(text).resolve()))

    def _ssh(self) -> list[str]:
        return shlex.split(os.environ.get("DEPLOY_SSH", "ssh -o BatchMode=yes"))

    def command(self, *args: str) -> list[str]:
        """The command that runs the host script (fed on its input) with these arguments."""
        command = ["sh", "-s", "--", *args]
        return [*self._ssh(), self.host, shlex.join(command)] if self.host else command

    def run(self, *args: str) -> str:
        """Run one short operation of the host script and return what it printed."""
        result = subprocess.run(self.command(*args), input=HOST_SCRIPT.read_text(), capture_output=True, text=True)
        if result.returncode == BUSY_EXIT:
            raise DeployError(result.stderr.strip())
        if result.returncode != 0:
            raise DeployError(plain("deploy.host_error", step=args[0], reason=result.stderr.strip() or result.returncode))
        return result.stdout.rstrip()

    def lock_args(self, wait: float) -> list[str]:
        """The host script's TOKEN OWNER WAIT arguments for a new lock."""
        return [secrets.token_hex(8), _owner(), _seconds(max(wait, 0))]

    def upload(self, site: Path, name: str, previous: str | None) -> None:
        """Copy `site` into releases/.partial-<name>, hard-linking files unchanged since the previous release.

        Times are not copied, so an unchanged file keeps its first upload time, and with it its
        Last-Modified date and ETag: browsers revalidate it across deploys instead of downloading it.
        """
        destination = f"{self.root}/releases/.partial-{name}/"
        command = ["rsync", "--recursive", "--links", "--checksum", "--delete", "--chmod=D755,F644"]
        command.append(f"--exclude=*{TEMPORARY_SUFFIX}")
        if previous:
            command.append(f"--link-dest=../{previous}")
        if self.host:
            command += ["--rsh", shlex.join(self._ssh())]
            destination = f"{self.host}:{destination}"
        result = subprocess.run([*command, f"{site}/", destination], capture_output=True, text=True)
        if result.returncode != 0:
            raise DeployError(plain("deploy.upload_failed", code=result.returncode, reason=result.stderr.strip()))


class Session:
    """One publish's lock on the target, held by the host script's `publish` process for as long as
    this object keeps it running: it speaks every few seconds, then sends `activate`."""

    def __init__(self, target: Target, wait: float) -> None:
        self._process = subprocess.Popen(
            target.command("publish", target.root, *target.lock_args(wait), _seconds(IDLE_SECONDS)),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self._writing = threading.Lock()
        self._stop = threading.Event()
        self._send(HOST_SCRIPT.read_bytes())
        self.previous = self._await_lock() or None
        self._heartbeat = threading.Thread(target=self._beat, daemon=True)
        self._heartbeat.start()

    def _send(self, data: bytes) -> bool:
        """Write to the host process; False when it has already gone."""
        stdin = self._process.stdin
        assert stdin is not None
        with self._writing:
            try:
                stdin.write(data)
                stdin.flush()
                return True
            except (BrokenPipeError, ValueError):
                return False

    def _await_lock(self) -> str:
        """Wait for the host to hold the lock; return the release it serves ("" for none)."""
        assert self._process.stdout is not None
        for line in iter(self._process.stdout.readline, b""):
            text = line.decode(errors="replace").rstrip("\n")
            if text == "LOCKED" or text.startswith("LOCKED "):
                return text.removeprefix("LOCKED").strip()
        _, error = self._process.communicate()
        message = error.decode(errors="replace").strip()
        if self._process.returncode == BUSY_EXIT:
            raise DeployError(message)
        raise DeployError(plain("deploy.publish_error", reason=message or self._process.returncode))

    def _beat(self) -> None:
        while not self._stop.wait(IDLE_SECONDS / 6) and self._send(b"\n"):
            pass

    def _silence(self) -> None:
        self._stop.set()
        if self._heartbeat.is_alive():
            self._heartbeat.join()

    def activate(self, name: str, keep: int, manifest: bytes) -> None:
        """Have the host check the uploaded release against `manifest`, serve it and prune old ones."""
        self._silence()
        self._send(f"activate {name} {keep} {len(manifest)}\n".encode() + manifest)
        output, error = self._process.communicate()
        if self._process.returncode == 0 and f"ACTIVATED {name}" in output.decode(errors="replace"):
            return
        reason = error.decode(errors="replace").strip() or (
            plain("deploy.connection_lost")
        )
        raise DeployError(plain("deploy.activate_error", reason=reason))

    def close(self) -> None:
        """Let go of the lock (the host process ends when its input does)."""
        self._silence()
        if self._process.returncode is not None:
            return
        try:
            self._process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.communicate()


@contextmanager
def locked(target: Target, wait: float = 0) -> Iterator[Session]:
    """Hold the target's publish lock (waiting up to `wait` seconds for another deploy) inside the block."""
    session = Session(target, wait)
    try:
        yield session
    finally:
        session.close()


def release_name(now: datetime | None = None, revision: str = "") -> str:
    """A name that sorts by time: `20261123T101530.123456Z`, then `-<revision>` when known."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{stamp}-{revision}" if revision else stamp


def check_publishable(site: Path) -> None:
    """Refuse to publish a folder that is not a finished build."""
    missing = [name for name in REQUIRED_FILES if not (site / name).is_file()]
    if missing:
        raise DeployError(plain("deploy.not_built", site=site, missing=', '.join(missing)))


def _digests(site: Path) -> tuple[dict[str, str], dict[str, tuple[str, str | None]]]:
    """SHA-256 of every file to upload; for each .gz/.br copy, its file's name and the SHA-256 of
    what the copy decompresses to (None: it does not decompress).

    Each file is read once, so the copies are checked against the very bytes the manifest lists.
    """
    files: dict[str, str] = {}
    unpacked: dict[str, tuple[str, str | None]] = {}
    for path in sorted(site.rglob("*")):
        if path.is_dir() or is_temporary(path):
            continue
        name = path.relative_to(site).as_posix()
        if any(ord(character) < 32 for character in name):
            raise DeployError(plain("deploy.control_character_name", name=name))
        data = path.read_bytes()
        files[name] = hashlib.sha256(data).hexdigest()
        source = source_of(name)
        if source is not None:
            decompressed = decompress(data, path.suffix)
            unpacked[name] = (source, None if decompressed is None else hashlib.sha256(decompressed).hexdigest())
    return files, unpacked


def site_manifest(site: Path) -> bytes:
    """`sha256sum -c` lines for every file of `site`; refuses a .gz/.br copy that does not decompress
    to exactly its file (cut short, corrupt, left by an older build, or without its file)."""
    files, unpacked = _digests(site)
    for copy, (source, digest) in unpacked.items():
        if digest is None or digest != files.get(source):
            raise DeployError(
                plain("deploy.stale_copy", copy=copy, source=source)
            )
    return "".join(f"{digest}  ./{name}\n" for name, digest in files.items()).encode()


def publish(site: Path, target: Target, keep: int = KEEP_DEFAULT, revision: str = "", wait: float = 0) -> str:
    """Upload `site` as a new release, serve it once the host has checked every file, keep the
    newest `keep`; return the release's name. The whole run holds the target's lock."""
    if keep < KEEP_MINIMUM:
        raise DeployError(plain("deploy.keep_minimum", minimum=KEEP_MINIMUM))
    check_publishable(site)
    manifest = site_manifest(site)
    with locked(target, wait) as session:
        name = release_name(revision=revision)  # named under the lock: names sort in the order served
        target.upload(site, name, session.previous)
        session.activate(name, keep, manifest)
    return name


def rollback(target: Target, wait: float = 0) -> str:
    """Serve the release before the current one again; return its name."""
    return target.run("rollback", target.root, *target.lock_args(wait))


def list_releases(target: Target) -> str:
    """The releases on the host, oldest first, the served one marked with `*`."""
    return target.run("list", target.root)
