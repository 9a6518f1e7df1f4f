"""Publishing a built site to any host that serves a folder: each deploy uploads a new release
folder with rsync, then switches the `current` symlink to it in one rename (release_host.sh).

The same host script runs on this machine or, for a target written `user@host:/path`, through ssh,
so a shared host needs only sh, coreutils and rsync.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

HOST_SCRIPT = Path(__file__).with_name("release_host.sh")
KEEP_DEFAULT = 5
KEEP_MINIMUM = 2
"""The served release and one to roll back to."""
REQUIRED_FILES = ("index.html", "404.html", "sitemap.xml")
"""A folder without these is not a finished build, and is never published."""


class DeployError(Exception):
    """A step of a deploy failed; the message says which, in Vietnamese."""


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

    def run(self, *args: str) -> str:
        """Run one operation of the host script and return what it printed."""
        command = ["sh", "-s", "--", *args]
        if self.host:
            command = [*self._ssh(), self.host, shlex.join(command)]
        result = subprocess.run(command, input=HOST_SCRIPT.read_text(), capture_output=True, text=True)
        if result.returncode != 0:
            raise DeployError(f"Lỗi trên máy chủ ({args[0]}): {result.stderr.strip() or result.returncode}")
        return result.stdout.rstrip()

    def upload(self, site: Path, name: str, previous: str | None) -> None:
        """Copy `site` into releases/.partial-<name>, hard-linking files unchanged since the previous release.

        Times are not copied, so an unchanged file keeps its first upload time, and with it its
        Last-Modified date and ETag: browsers revalidate it across deploys instead of downloading it.
        """
        destination = f"{self.root}/releases/.partial-{name}/"
        command = ["rsync", "--recursive", "--links", "--checksum", "--delete", "--chmod=D755,F644"]
        if previous:
            command.append(f"--link-dest=../{previous}")
        if self.host:
            command += ["--rsh", shlex.join(self._ssh())]
            destination = f"{self.host}:{destination}"
        result = subprocess.run([*command, f"{site}/", destination], capture_output=True, text=True)
        if result.returncode != 0:
            raise DeployError(f"Không tải được bản mới lên (rsync {result.returncode}): {result.stderr.strip()}")


def release_name(now: datetime | None = None, revision: str = "") -> str:
    """A name that sorts by time: `20261123T101530.123456Z`, then `-<revision>` when known."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{stamp}-{revision}" if revision else stamp


def check_site(site: Path) -> None:
    """Refuse to publish a folder that is not a finished build."""
    missing = [name for name in REQUIRED_FILES if not (site / name).is_file()]
    if missing:
        raise DeployError(f"{site} không phải trang đã tạo xong (thiếu {', '.join(missing)}); hãy chạy scripts/dev build.")


def publish(site: Path, target: Target, keep: int = KEEP_DEFAULT, name: str | None = None) -> str:
    """Upload `site` as a new release, serve it, keep the newest `keep`; return the release's name."""
    if keep < KEEP_MINIMUM:
        raise DeployError(f"Cần giữ ít nhất {KEEP_MINIMUM} bản phát hành để có thể quay lại.")
    check_site(site)
    name = name or release_name()
    previous = target.run("prepare", target.root) or None
    target.upload(site, name, previous)
    target.run("activate", target.root, name, str(keep))
    return name


def rollback(target: Target) -> str:
    """Serve the release before the current one again; return its name."""
    return target.run("rollback", target.root)


def list_releases(target: Target) -> str:
    """The releases on the host, oldest first, the served one marked with `*`."""
    return target.run("list", target.root)
