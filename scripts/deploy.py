"""Publish the built site to a host that serves a folder (nginx, Apache, a shared host over SSH).

Usage:
  python scripts/deploy.py publish TARGET [--site site/] [--keep 5] [--wait 0] [--allow-unfinished]
  python scripts/deploy.py rollback TARGET [--wait 0]
  python scripts/deploy.py list TARGET

TARGET is a folder on this machine (/srv/doimoisangtao) or on a host reached through ssh
(deploy@host:/srv/doimoisangtao); the web server's document root is TARGET/current. Set DEPLOY_SSH
for ssh options, such as "ssh -p 2222 -i ~/.ssh/deploy". Publishing first writes .gz and .br copies
of the text files into the site folder (refusing to go on if any copy does not decompress to its
file), then uploads it as a new release and switches to it in one rename once the host has checked
every file against a list of SHA-256 sums made here: stopped at any moment, the host keeps serving
the old site whole. One publish or rollback at a time per target: another one fails at once, or
waits up to --wait seconds. DEPLOY_IDLE_SECONDS (default 60): the host lets go of the lock of a
deploy it has not heard from for this long. A site whose campaigns/site.yaml still has the
placeholder address (.example) or no contact is refused; --allow-unfinished is for trials only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.core.problems import DataError
from campaign_site.data import publish_checks
from campaign_site.data.loader import load_site
from campaign_site.publishing import releases
from campaign_site.publishing.precompress import precompress_tree

REPO = Path(__file__).resolve().parent.parent


def git_revision() -> str:
    """The short commit the site was built from, or "" outside a git checkout."""
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


def check_settings(campaigns: Path) -> None:
    """Refuse to publish a site whose settings are unfinished (placeholder address, no contact)."""
    try:
        blocking = publish_checks.blocking(load_site(campaigns))
    except DataError as exc:
        raise releases.DeployError(exc.report()) from None
    if blocking:
        raise releases.DeployError("\n".join([*map(str, blocking), publish_checks.REFUSED]))


def publish(args: argparse.Namespace) -> str:
    site = args.site.resolve()
    releases.check_publishable(site)
    if not args.allow_unfinished:
        check_settings(REPO / "campaigns")
    started = time.perf_counter()
    copies = precompress_tree(site)
    print(
        plain("deploy.compressed", count=len(copies), size=sum(c.size for c in copies) / 1e6, gzip=sum(c.gzip for c in copies) / 1e6, brotli=sum(c.brotli for c in copies) / 1e6, seconds=time.perf_counter() - started)
    )
    name = releases.publish(site, args.target, keep=args.keep, revision=git_revision(), wait=args.wait)
    return plain("deploy.serving", name=name, host=args.target.host + ':' if args.target.host else '', root=args.target.root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=plain("deploy.description"))
    commands = parser.add_subparsers(dest="command", required=True)
    publish_parser = commands.add_parser("publish", help=plain("deploy.publish"))
    publish_parser.add_argument("--site", type=Path, default=REPO / "site", help=plain("deploy.site"))
    publish_parser.add_argument("--keep", type=int, default=releases.KEEP_DEFAULT, help=plain("deploy.keep"))
    publish_parser.add_argument(
        "--allow-unfinished", action="store_true",
        help=plain("deploy.allow_unfinished"),
    )
    rollback_parser = commands.add_parser("rollback", help=plain("deploy.rollback"))
    for locking in (publish_parser, rollback_parser):
        locking.add_argument(
            "--wait", type=float, default=0, help=plain("deploy.wait")
        )
    commands.add_parser("list", help=plain("deploy.list"))
    for command in commands.choices.values():
        command.add_argument("target", type=releases.Target.parse, help=plain("deploy.target"))
    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            print(publish(args))
        elif args.command == "rollback":
            print(plain("deploy.rolled_back", name=releases.rollback(args.target, wait=args.wait)))
        else:
            print(releases.list_releases(args.target) or plain("deploy.no_release"))
    except releases.DeployError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
