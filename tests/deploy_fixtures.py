"""Fixtures shared by the publishing tests (test_hosting, test_deploy_faults): two versions of the
built site to deploy, and a real OpenSSH server on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import shared_build
from local_server import free_port

from campaign_site.publishing import releases
from campaign_site.publishing.precompress import precompress_tree

MARKER = "<!-- phiên bản B -->"


def _two_versions(built_site: Path) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        site_a = Path(shutil.copytree(built_site, folder / "a"))
        site_b = Path(shutil.copytree(built_site, folder / "b"))
        home = site_b / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</body>", MARKER + "</body>"), encoding="utf-8")
        for site in (site_a, site_b):  # what deploying would write first: after this, deploys only read them
            precompress_tree(site)
            releases.site_manifest(site)
    return make


@pytest.fixture(scope="module")
def site_a(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped site with its .gz and .br copies written (and checked), as deploying
    writes them. Made once for all workers: deploys and tests only read it."""
    return shared_build(tmp_path_factory, "deploy-versions", _two_versions(built_site)) / "a"


@pytest.fixture(scope="module")
def site_b(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with a changed home page (and its copies): a second version to publish."""
    return shared_build(tmp_path_factory, "deploy-versions", _two_versions(built_site)) / "b"


@pytest.fixture(scope="module")
def ssh_command(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real OpenSSH server on 127.0.0.1 taking one key; yields the DEPLOY_SSH that logs in with it."""
    folder = tmp_path_factory.mktemp("sshd")
    for key in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / key)], check=True)
    (folder / "authorized_keys").write_text((folder / "client.pub").read_text())
    port = free_port()
    (folder / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder}/host\nAuthorizedKeysFile {folder}/authorized_keys\n"
        f"PidFile {folder}/sshd.pid\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation folder, made by its service normally
    server = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(folder / "sshd_config")], stderr=subprocess.DEVNULL)
    command = (
        f"ssh -p {port} -i {folder}/client -o BatchMode=yes -o StrictHostKeyChecking=no "
        "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
    )
    try:
        for _ in range(100):
            if subprocess.run([*command.split(), "root@127.0.0.1", "true"], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail("sshd did not start")
        yield command
    finally:
        server.terminate()
        server.wait(timeout=10)
